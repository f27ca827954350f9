/// The label editor (a modal dialog): rename, recolour and re-key labels, declare their
/// attributes, add new ones, remove unused ones; saved as a whole with `labels.save`. Ids of existing labels never change; a new
/// label's id is derived from its name.
import { useEffect, useState } from 'react';
import type { Label } from '../../preload/api';
import { workbench } from './api';
import { errorMessage } from './format';
import { labelIdFor, labelListProblem, nextLabelColor } from './labels';
import { LabelAttributesEditor } from './LabelAttributesEditor';
import { ModalDialog } from './ModalDialog';
import { store } from './state/useWorkbench';
import { whenAllSaved } from './workspaceReload';

/// Props of {@link LabelEditor}.
export interface LabelEditorProps {
  labels: readonly Label[];
  onSaved(labels: Label[]): void;
  onClose(): void;
}

interface Row extends Label {
  isNew: boolean;
}

/// Annotations per label id across the workspace (a used label cannot be removed), counted by the
/// service once this session's changes are saved; null until then. Should they not be, the
/// service refuses to remove a label in use anyway.
function useLabelUsage(): Readonly<Record<string, number>> | null {
  const [usage, setUsage] = useState<Record<string, number> | null>(null);
  useEffect(() => {
    let live = true;
    whenAllSaved(store)
      .catch(() => undefined)
      .then(() => workbench.documents.labelCounts())
      .then(
        (counts) => live && setUsage(counts),
        () => live && setUsage({}),
      );
    return () => {
      live = false;
    };
  }, []);
  return usage;
}

/// The dialog, `data-testid="label-editor"`.
export function LabelEditor({ labels, onSaved, onClose }: LabelEditorProps) {
  const [rows, setRows] = useState<Row[]>(() => labels.map((l) => ({ ...l, isNew: false })));
  const usage = useLabelUsage();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const edit = (index: number, change: Partial<Label>) => setRows((rs) => rs.map((r, i) => (i === index ? { ...r, ...change } : r)));

  async function save() {
    const taken = new Set(rows.filter((r) => !r.isNew).map((r) => r.id));
    const result: Label[] = rows.map((r) => {
      const id = r.isNew ? labelIdFor(r.name, taken) : r.id;
      taken.add(id);
      return { id, name: r.name.trim(), color: r.color, key: r.key.trim(), ...(r.attributes?.length ? { attributes: r.attributes } : {}) };
    });
    const wrong = labelListProblem(result);
    if (wrong) return setProblem(wrong);
    setBusy(true);
    try {
      onSaved(await workbench.labels.save(result));
      onClose();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <ModalDialog title="Labels" className="label-editor" testId="label-editor" onClose={onClose} onSubmit={() => void save()}>
      <p className="dialog-hint">Colour, name, the key that tags a selection, and the attributes its annotations can carry. Ids stay as they are, so saved annotations keep their label.</p>
      <div className="label-rows">
        {rows.map((row, index) => (
          <div className="label-row" key={index} data-testid="label-row">
            <input type="color" className="label-color" aria-label={`Colour of ${row.name || 'the new label'}`} value={row.color} onChange={(e) => edit(index, { color: e.target.value })} />
            <input className="text-input" data-testid="label-name" aria-label="Name" value={row.name} maxLength={40} placeholder="Name" onChange={(e) => edit(index, { name: e.target.value })} />
            <input className="text-input label-key" data-testid="label-key" aria-label="Key" value={row.key} maxLength={1} placeholder="—" onChange={(e) => edit(index, { key: e.target.value })} />
            <span className="label-id" title="Stable id">
              {row.isNew ? 'new' : row.id}
            </span>
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove ${row.name}`}
              title={usage === null ? 'Counting its annotations…' : usage[row.id] ? `In use by ${usage[row.id]} annotations` : 'Remove this label'}
              disabled={!row.isNew && (usage === null || (usage[row.id] ?? 0) > 0)}
              onClick={() => setRows((rs) => rs.filter((_, i) => i !== index))}
            >
              ×
            </button>
            <LabelAttributesEditor labelName={row.name || 'the new label'} attributes={row.attributes ?? []} onChange={(attributes) => edit(index, { attributes })} />
          </div>
        ))}
      </div>
      <button
        type="button"
        className="button button-small"
        data-testid="label-add"
        onClick={() => setRows((rs) => [...rs, { id: '', name: '', color: nextLabelColor(rs), key: '', isNew: true }])}
      >
        + Add label
      </button>
      {problem && (
        <p className="dialog-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" data-testid="label-save" disabled={busy}>
          {busy ? 'Saving…' : 'Save labels'}
        </button>
      </div>
    </ModalDialog>
  );
}
