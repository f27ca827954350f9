/// Asks before deleting an article and its annotations, and deletes it: the service takes a backup
/// that holds it first, and the app offers Undo, which puts it back from that backup.
import { useEffect } from 'react';
import type { ListedDocument } from '../../../preload/api';
import { workbench } from '../api';
import { errorMessage } from '../format';
import type { NewMessage } from '../Messages';
import { ModalDialog } from '../ModalDialog';
import { store } from '../state/useWorkbench';
import { DialogFooter } from './DialogFooter';
import { useDialogAction } from './useDialogAction';

/// What a delete did: the backup that holds the deleted documents, and those documents.
export interface Deletion {
  backup: string;
  deleted: ListedDocument[];
}

/// The note a delete leaves: which article went, which backup holds it, and Undo, which puts it
/// back from that backup (and says whether it could).
export function deletedMessage({ backup, deleted }: Deletion, refreshLibrary: () => void, say: (message: NewMessage) => void): NewMessage {
  const what = deleted.length === 1 ? `“${deleted[0].title.trim() || 'Untitled'}”` : `${deleted.length} articles`;
  return {
    kind: 'note',
    tone: 'ok',
    testId: 'deleted-message',
    title: `Deleted ${what}`,
    text: `Backup ${backup} holds ${deleted.length === 1 ? 'it' : 'them'}.`,
    action: {
      label: 'Undo',
      testId: 'undo-delete',
      run: () =>
        void workbench.documents.undelete(
          deleted.map((d) => d.id),
          backup,
        ).then(
          () => {
            refreshLibrary();
            say({ kind: 'note', tone: 'ok', testId: 'undeleted-message', title: `Restored ${what}`, text: `Put back from backup ${backup}.` });
          },
          (error: unknown) => say({ kind: 'error', title: `Could not restore ${what}`, text: errorMessage(error) }),
        ),
    },
  };
}

/// Props of {@link DeleteDocumentDialog}.
export interface DeleteDocumentDialogProps {
  doc: { id: string; title: string };
  onClose(): void;
  onDeleted(deletion: Deletion): void;
}

/// `data-testid="delete-dialog"`, confirmed with `delete-confirm` (or Enter).
export function DeleteDocumentDialog({ doc, onClose, onDeleted }: DeleteDocumentDialogProps) {
  const action = useDialogAction();
  // Enter confirms (Undo is there): the dialog, once shown, would focus its × first.
  useEffect(() => {
    const frame = requestAnimationFrame(() => action.button.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);

  // Its changes still on their way are saved first, so that the backup (and Undo) holds them.
  const remove = () =>
    action.run(async () => {
      await store.whenAllSaved();
      onDeleted(await workbench.documents.delete([doc.id]));
    });

  return (
    <ModalDialog title="Delete this article?" className="delete-dialog" testId="delete-dialog" onClose={onClose} onSubmit={() => void remove()}>
      <p className="delete-title">“{doc.title.trim() || 'Untitled'}”</p>
      <p className="dialog-hint">Its text and every annotation on it leave the workspace. A backup is taken first, and Undo puts it back.</p>
      <DialogFooter action={action} failed="Not deleted" onCancel={onClose} submit={{ label: 'Delete', busyLabel: 'Deleting…', testId: 'delete-confirm', danger: true }} />
    </ModalDialog>
  );
}
