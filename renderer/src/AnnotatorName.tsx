/// "Annotator: name" in the header; click to change the name new annotations are made under
/// (`settings.setAnnotator`).
import { useState } from 'react';
import type { WorkspaceInfo } from '../../preload/api';
import { workbench } from './api';
import { errorMessage } from './format';

/// Props of {@link AnnotatorName}.
export interface AnnotatorNameProps {
  name: string;
  onChanged(info: WorkspaceInfo): void;
  onFailed(message: string): void;
}

/// The name, or an input while editing it.
export function AnnotatorName({ name, onChanged, onFailed }: AnnotatorNameProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function commit() {
    const next = draft?.trim() ?? '';
    setDraft(null);
    if (next === '' || next === name) return;
    setBusy(true);
    try {
      onChanged(await workbench.settings.setAnnotator(next));
    } catch (error) {
      onFailed(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  if (draft !== null) {
    return (
      <label className="annotator">
        Annotator
        <input
          className="annotator-input"
          data-testid="annotator-input"
          value={draft}
          maxLength={60}
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => void commit()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void commit();
            if (e.key === 'Escape') setDraft(null);
          }}
        />
      </label>
    );
  }
  return (
    <button
      type="button"
      className="annotator annotator-button"
      data-testid="annotator-name"
      title="Annotations you make are recorded under this name. Click to change it."
      disabled={busy}
      onClick={() => setDraft(name)}
    >
      Annotator <strong>{name}</strong>
    </button>
  );
}
