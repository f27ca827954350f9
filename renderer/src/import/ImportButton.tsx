/// "Import…": picks article files and exchange files (`.awb.json`, any `.json`), sends the articles
/// base64-encoded to `documents.import` and each exchange file to `exchange.import`, and hands the
/// reports (or the failures) back to the app.
import { useRef, useState } from 'react';
import type { ArticleFile, ExchangeImportReport, ImportReport } from '../../../preload/api';
import { workbench } from '../api';
import { errorMessage } from '../format';

/// File types the importer understands.
export const ACCEPTED_TYPES = '.txt,.md,.html,.htm,.json';

/// Whether a chosen file is an exchange file (`.awb.json`, or any `.json`) rather than an article.
export function isExchangeFile(name: string): boolean {
  return name.toLowerCase().endsWith('.json');
}

/// Props of {@link ImportButton}.
export interface ImportButtonProps {
  onImported(report: ImportReport): void;
  /// Called once per exchange file imported.
  onExchangeImported(report: ExchangeImportReport): void;
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
export function ImportButton({ onImported, onExchangeImported, onFailed }: ImportButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  async function importChosen(files: File[]) {
    if (files.length === 0) return;
    setBusy(true);
    const encode = async (file: File): Promise<ArticleFile> => ({ name: file.name, base64: await readBase64(file) });
    const articles = files.filter((f) => !isExchangeFile(f.name));
    try {
      if (articles.length > 0) onImported(await workbench.documents.import(await Promise.all(articles.map(encode))));
    } catch (error) {
      onFailed(errorMessage(error));
    }
    for (const file of files.filter((f) => isExchangeFile(f.name))) {
      try {
        onExchangeImported(await workbench.exchange.import(await encode(file)));
      } catch (error) {
        onFailed(errorMessage(error));
      }
    }
    setBusy(false);
  }

  return (
    <>
      <button
        type="button"
        className="button button-primary"
        data-testid="import-button"
        disabled={busy}
        aria-busy={busy}
        title="Add article files (.txt, .md, .html) or a colleague's exchange file (.awb.json)"
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
