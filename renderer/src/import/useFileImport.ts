/// Importing chosen or dropped files: articles through {@link uploadArticles} (each accepted or
/// refused on its own, with progress), each exchange file (`.awb.json`) through `exchange.import`,
/// other tools' annotation files handed to the app for the annotation import dialog; the reports
/// (or failures) handed back to the app. One import at a time: files given meanwhile wait their turn.
import { useCallback, useMemo, useRef } from 'react';
import type { ExchangeImportReport, ImportReport } from '../../../preload/api';
import { workbench } from '../api';
import { errorMessage } from '../format';
import { readAsBase64, uploadArticles } from './articleUploads';
import { isAnnotationFile, isExchangeFile } from './importedFileKinds';
import { Listeners } from '../state/listeners';

/// What the app does with the outcome of an import.
export interface FileImportHandlers {
  onImported(report: ImportReport): void;
  /// Called once per exchange file imported.
  onExchangeImported(report: ExchangeImportReport): void;
  onFailed(message: string): void;
  /// Other tools' annotation files, for the annotation import dialog.
  onAnnotationFiles(files: File[]): void;
}

/// Files handled so far of all, while an import runs.
export interface ImportProgress {
  done: number;
  total: number;
}

/// An import's progress, told to the one component that shows it (the Import button), so that
/// each step of a long batch redraws that button and not the whole window.
export class ImportProgressSignal {
  private current: ImportProgress | null = null;
  private readonly changed = new Listeners();
  /// For `useSyncExternalStore`.
  readonly subscribe = this.changed.add;
  /// The progress now, null when no import runs.
  readonly get = (): ImportProgress | null => this.current;
  /// Sets the progress and tells the listeners.
  set(progress: ImportProgress | null): void {
    this.current = progress;
    this.changed.emit();
  }
}

/// The import function and its progress.
export function useFileImport(handlers: FileImportHandlers): { importFiles(files: File[]): Promise<void>; progress: ImportProgressSignal } {
  const progress = useMemo(() => new ImportProgressSignal(), []);
  const setProgress = useCallback((value: ImportProgress | null) => progress.set(value), [progress]);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const latest = useRef(handlers);
  latest.current = handlers;

  const run = useCallback(async (files: File[]) => {
    const { onImported, onExchangeImported, onFailed, onAnnotationFiles } = latest.current;
    const exchanges = files.filter((f) => isExchangeFile(f.name));
    const annotations = files.filter((f) => !isExchangeFile(f.name) && isAnnotationFile(f.name));
    const articles = files.filter((f) => !isExchangeFile(f.name) && !isAnnotationFile(f.name));
    if (annotations.length > 0) onAnnotationFiles(annotations);
    // Annotation files go through their dialog: the progress counts the others.
    const total = articles.length + exchanges.length;
    if (total === 0) return;
    setProgress({ done: 0, total });
    try {
      if (articles.length > 0) {
        const report = await uploadArticles<File>(articles, {
          // The file itself: the transport sends (or reads) its bytes.
          read: async (file) => file,
          send: (encoded) => workbench.documents.import(encoded),
          onProgress: (done) => setProgress({ done, total }),
        });
        onImported(report);
      }
      for (const [i, file] of exchanges.entries()) {
        try {
          onExchangeImported(await workbench.exchange.import({ name: file.name, base64: await readAsBase64(file) }));
        } catch (error) {
          onFailed(`${file.name}: ${errorMessage(error)}`);
        }
        setProgress({ done: articles.length + i + 1, total });
      }
    } finally {
      setProgress(null);
    }
  }, [setProgress]);

  const importFiles = useCallback(
    (files: File[]) => {
      if (files.length === 0) return queue.current;
      // A failed import never stops the next one.
      queue.current = queue.current.catch(() => undefined).then(() => run(files));
      return queue.current;
    },
    [run],
  );
  return { importFiles, progress };
}
