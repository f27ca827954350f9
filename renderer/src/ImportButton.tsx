/// "Import…": picks article files, sends them base64-encoded to `documents.import`, and hands the
/// report (or the failure) back to the app.
import { useRef, useState } from 'react';
import type { ArticleFile, ImportReport } from '../../preload/api';
import { workbench } from './api';
import { errorMessage } from './format';

/// File types the importer understands.
export const ACCEPTED_TYPES = '.txt,.md,.html,.htm';

/// Props of {@link ImportButton}.
export interface ImportButtonProps {
  onImported(report: ImportReport): void;
  onFailed(message: string): void;
}

/// A file's bytes as base64, in chunks so large files do not overflow the argument list.
async function readBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/// The import button and its hidden file input (`data-testid="import-input"`).
export function ImportButton({ onImported, onFailed }: ImportButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  async function importChosen(files: File[]) {
    if (files.length === 0) return;
    setBusy(true);
    try {
      const payload: ArticleFile[] = await Promise.all(
        files.map(async (file) => ({ name: file.name, base64: await readBase64(file) })),
      );
      onImported(await workbench.documents.import(payload));
    } catch (error) {
      onFailed(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className="button button-primary"
        data-testid="import-button"
        disabled={busy}
        aria-busy={busy}
        title="Add article files (.txt, .md, .html) to the workspace"
        onClick={() => input.current?.click()}
      >
        {busy ? 'Importing…' : 'Import…'}
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
          void importChosen(files);
        }}
      />
    </>
  );
}
