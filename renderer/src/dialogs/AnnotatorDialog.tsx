/// The first-run question: whose name annotations are made under. Asked once per workspace, until
/// a name is confirmed (here, in the header, or by `awb serve --annotator`); prefilled with the
/// name of the user the service runs as. Closing it without an answer keeps the current name for
/// now and asks again at the next start.
import { useEffect, useRef, useState } from 'react';
import type { WorkspaceInfo } from '../../../preload/api';
import { workbench } from '../api';
import { ModalDialog } from '../ModalDialog';
import { DialogFooter } from './DialogFooter';
import { useDialogAction } from './useDialogAction';
import '../styles/annotatorDialog.css';

/// The annotator name of Review's curated layer (the service's `CURATION_LAYER`, which refuses it
/// too): said here in plain words rather than as the contract's argument error.
const CURATED_LAYER = 'curation';

/// Props of {@link AnnotatorDialog}.
export interface AnnotatorDialogProps {
  info: WorkspaceInfo;
  /// The name was set: the workspace as it is now.
  onConfirmed(info: WorkspaceInfo): void;
}

/// `data-testid="annotator-dialog"` while the workspace's annotator is not confirmed: the name
/// (`annotator-dialog-input`, focused with its text selected) and OK (`annotator-dialog-confirm`,
/// or Enter).
export function AnnotatorDialog({ info, onConfirmed }: AnnotatorDialogProps) {
  const [dismissed, setDismissed] = useState(false);
  if (info.annotatorConfirmed || dismissed) return null;
  return <AnnotatorQuestion suggested={info.systemUserName || info.currentAnnotator} onConfirmed={onConfirmed} onClose={() => setDismissed(true)} />;
}

function AnnotatorQuestion({ suggested, onConfirmed, onClose }: { suggested: string; onConfirmed(info: WorkspaceInfo): void; onClose(): void }) {
  const [name, setName] = useState(suggested);
  const action = useDialogAction();
  const input = useRef<HTMLInputElement>(null);
  // The dialog, once shown, would focus its × first.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.select();
    });
    return () => cancelAnimationFrame(frame);
  }, []);
  const confirm = () =>
    action.run(async () => {
      const chosen = name.trim();
      if (chosen === CURATED_LAYER) throw new Error(`"${CURATED_LAYER}" is the curated layer of Review, not a name to annotate under; choose another`);
      onConfirmed(await workbench.settings.setAnnotator(chosen));
    });
  return (
    <ModalDialog title="Who is annotating?" className="annotator-dialog" testId="annotator-dialog" onClose={onClose} onSubmit={() => void confirm()}>
      <p className="dialog-hint">Each tag you make is recorded under this name, so that Review can tell your tags from a colleague’s. You can change it later in the header.</p>
      <label className="details-field">
        <span className="caption">Your name</span>
        <input
          ref={input}
          className="text-input"
          data-testid="annotator-dialog-input"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={60}
          autoComplete="name"
          spellCheck={false}
        />
      </label>
      <DialogFooter action={action} failed="Not set" problemTestId="annotator-dialog-problem" cancelLabel="Later" onCancel={onClose} submit={{ label: 'OK', busyLabel: 'Saving…', testId: 'annotator-dialog-confirm' }} />
    </ModalDialog>
  );
}
