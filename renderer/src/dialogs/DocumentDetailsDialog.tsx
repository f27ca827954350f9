/// A document's details form: its title and what is known of where and when it appeared (outlet,
/// publication date, author, address, language, tags). Opened from a pane's header and from a
/// library row (Alt+Enter on the row). Saving sends only what changed; a field emptied is
/// removed. The service checks every value and answers with the details as saved.
import { useState } from 'react';
import type { DocumentDetails, DocumentDetailsChange } from '../../../preload/api';
import { workbench } from '../api';
import { ModalDialog } from '../ModalDialog';
import { DialogFooter } from './DialogFooter';
import { useDialogAction } from './useDialogAction';

type Field = 'outlet' | 'publishedAt' | 'author' | 'url' | 'language';

const FIELDS: { field: Field; label: string; placeholder: string; type?: string }[] = [
  { field: 'outlet', label: 'Outlet', placeholder: 'e.g. Business Standard' },
  { field: 'publishedAt', label: 'Published', placeholder: 'YYYY-MM-DD, or a date and time' },
  { field: 'author', label: 'Author', placeholder: 'as the article names them' },
  { field: 'url', label: 'Address', placeholder: 'https://…', type: 'url' },
  { field: 'language', label: 'Language', placeholder: 'e.g. en, en-GB' },
];

/// Props of {@link DocumentDetailsDialog}.
export interface DocumentDetailsDialogProps {
  docId: string;
  /// The details as they are now.
  details: DocumentDetails;
  onClose(): void;
  /// The details were saved (as the service answered).
  onSaved(details: DocumentDetails): void;
  /// Asks to delete the document instead.
  onDelete(): void;
}

/// `data-testid="details-dialog"`; each field `data-testid="details-<field>"`.
export function DocumentDetailsDialog({ docId, details, onClose, onSaved, onDelete }: DocumentDetailsDialogProps) {
  const [title, setTitle] = useState(details.title);
  const [values, setValues] = useState<Record<Field, string>>(() => ({
    outlet: details.meta.outlet ?? '',
    publishedAt: details.meta.publishedAt ?? '',
    author: details.meta.author ?? '',
    url: details.meta.url ?? '',
    language: details.meta.language ?? '',
  }));
  const [tags, setTags] = useState((details.meta.tags ?? []).join(', '));
  const action = useDialogAction();

  /// What differs from the details shown when the form opened.
  function change(): DocumentDetailsChange {
    const meta: NonNullable<DocumentDetailsChange['meta']> = {};
    for (const { field } of FIELDS) {
      const value = values[field].trim();
      if (value !== (details.meta[field] ?? '')) meta[field] = value || null;
    }
    const tagList = tags.split(',').map((t) => t.trim()).filter(Boolean);
    if (tagList.join('\n') !== (details.meta.tags ?? []).join('\n')) meta.tags = tagList.length ? tagList : null;
    return { ...(title.trim() !== details.title ? { title } : {}), ...(Object.keys(meta).length ? { meta } : {}) };
  }

  async function save() {
    const wanted = change();
    if (!wanted.title && !wanted.meta) return onClose();
    await action.run(async () => onSaved(await workbench.documents.update(docId, wanted)));
  }

  return (
    <ModalDialog title="Document details" className="details-dialog" testId="details-dialog" onClose={onClose} onSubmit={() => void save()}>
      <p className="dialog-hint">Only what the article or its source states; leave the rest empty.</p>
      <div className="details-fields">
        <label className="details-field details-title">
          <span className="caption">Title</span>
          <input className="text-input" data-testid="details-title" value={title} onChange={(e) => setTitle(e.target.value)} autoFocus required maxLength={300} />
        </label>
        {FIELDS.map(({ field, label, placeholder, type }) => (
          <label key={field} className="details-field">
            <span className="caption">{label}</span>
            <input
              className="text-input"
              data-testid={`details-${field}`}
              type={type ?? 'text'}
              value={values[field]}
              placeholder={placeholder}
              onChange={(e) => setValues({ ...values, [field]: e.target.value })}
            />
          </label>
        ))}
        <label className="details-field details-tags">
          <span className="caption">Tags</span>
          <input className="text-input" data-testid="details-tags" value={tags} placeholder="separated by commas" onChange={(e) => setTags(e.target.value)} />
        </label>
      </div>
      <DialogFooter
        action={action}
        failed="Not saved"
        start={
          <button type="button" className="button button-quiet" data-testid="details-delete" onClick={onDelete}>
            Delete article…
          </button>
        }
        onCancel={onClose}
        submit={{ label: 'Save', busyLabel: 'Saving…', testId: 'details-save' }}
      />
    </ModalDialog>
  );
}
