/// "Import…": picks article files, exchange files and other tools' annotation files and imports them
/// (useFileImport), showing how far a long batch has come.
import { useRef, useSyncExternalStore } from 'react';
import type { ImportProgressSignal } from './useFileImport';

/// File types the importer understands.
export const ACCEPTED_TYPES = '.txt,.md,.html,.htm,.pdf,.docx,.json,.jsonl,.jsonld,.zip,.conll,.ann';

/// Props of {@link ImportButton}.
export interface ImportButtonProps {
  importFiles(files: File[]): void;
  progress: ImportProgressSignal;
  /// Opens the dialog that imports from a web address.
  onImportUrl(): void;
}

/// The import button and its hidden file input (`data-testid="import-input"`).
export function ImportButton({ importFiles, progress: signal, onImportUrl }: ImportButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  const progress = useSyncExternalStore(signal.subscribe, signal.get);
  const busy = progress !== null;
  return (
    <>
      <button
        type="button"
        className="button button-primary"
        data-testid="import-button"
        disabled={busy}
        aria-busy={busy}
        title="Add article files (.txt, .md, .html, .pdf, .docx), a colleague's exchange file (.awb.json) or another tool's annotations (brat .zip, doccano or Prodigy .jsonl, Label Studio or W3C .json, CoNLL); or drop them onto the window"
        onClick={() => input.current?.click()}
      >
        {!progress ? 'Import…' : progress.total > 1 ? `Importing ${progress.done} of ${progress.total}…` : 'Importing…'}
      </button>
      <button type="button" className="button" data-testid="import-url-button" title="Import the article at a web address (http or https)" onClick={onImportUrl}>
        From the web…
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPTED_TYPES}
        hidden
        data-testid="import-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          importFiles(files);
        }}
      />
    </>
  );
}
