/// Imports article files into a workspace and reports, per file, what happened and why.
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentSummary } from './model.js';
import type { Workspace } from './store/workspace.js';
import { fetchArticle, type FetchLimits } from './fetchArticle.js';
import { applySidecar, readSidecar } from './metadataSidecar.js';
import { ArticleRejected, readArticleBytes, readArticleFile, type ArticleText } from './text/readArticle.js';

/// Articles read, then stored, at a time: memory holds one batch of texts, never the whole import.
const IMPORT_BATCH = 200;

/// Told after each batch: how many of the files were handled.
export type ImportProgress = (done: number, total: number) => void;

/// Per-file outcome of an import: added, already there, or refused with the reason.
export interface ImportReport {
  imported: { name: string; document: DocumentSummary; warnings: string[] }[];
  duplicates: { name: string; document: DocumentSummary }[];
  rejected: { name: string; reason: string }[];
}

/// An article handed over as bytes (an upload from the UI).
export interface ArticleUpload {
  name: string;
  bytes: Uint8Array;
}

/// Imports files from disk; a bad file is reported and the others still go in.
export function importArticleFiles(workspace: Workspace, paths: string[], onProgress?: ImportProgress): Promise<ImportReport> {
  return importEach(workspace, paths.map((path) => ({ name: path, read: () => readArticleFromDisk(path) })), onProgress);
}

/// Reads one article file; a folder is named as such (a folder given by mistake is common).
async function readArticleFromDisk(path: string): Promise<ArticleText> {
  if ((await stat(path).catch(() => null))?.isDirectory()) throw new ArticleRejected(path, 'is a folder, not a file');
  return readArticleFile(path);
}

/// Imports uploaded files.
export function importArticleUploads(workspace: Workspace, uploads: ArticleUpload[]): Promise<ImportReport> {
  return importEach(
    workspace,
    uploads.map((u) => ({ name: u.name, read: () => readArticleBytes(u.name, u.bytes) })),
  );
}

/// Imports the article at a web address (fetchArticle.ts): the page's own metadata kept, and the
/// address it was fetched from as its URL when the page states none.
export function importArticleFromUrl(workspace: Workspace, address: string, limits?: FetchLimits): Promise<ImportReport> {
  const read = async (): Promise<ArticleText> => {
    const fetched = await fetchArticle(address, limits);
    const article = await readArticleBytes(fetched.name, fetched.bytes, address);
    return article.meta.url ? article : { ...article, meta: { ...article.meta, url: fetched.url } };
  };
  return importEach(workspace, [{ name: address, read }]);
}

/// Imports every article in `seedsDir` (first run of an empty workspace), then the metadata its
/// `metadata.json` sidecar gives them: only what each article's own text states.
export async function importSeeds(workspace: Workspace, seedsDir: string): Promise<ImportReport> {
  const names = (await readdir(seedsDir)).filter((n) => /\.(txt|md|html?)$/i.test(n)).sort();
  const report = await importArticleFiles(workspace, names.map((n) => join(seedsDir, n)));
  const sidecar = await readFile(join(seedsDir, SEED_METADATA), 'utf8').catch(() => null);
  if (sidecar !== null) {
    const applied = await applySidecar(workspace, readSidecar(sidecar, false));
    if (applied.problems.length) throw new Error(`the seeds' ${SEED_METADATA}: ${applied.problems.join('; ')}`);
  }
  return report;
}

/// The seed articles' metadata sidecar.
const SEED_METADATA = 'metadata.json';

async function importEach(
  workspace: Workspace,
  items: { name: string; read: () => Promise<ArticleText> }[],
  onProgress?: ImportProgress,
): Promise<ImportReport> {
  const report: ImportReport = { imported: [], duplicates: [], rejected: [] };
  for (let i = 0; i < items.length; i += IMPORT_BATCH) {
    const batch: { name: string; article: ArticleText }[] = [];
    for (const item of items.slice(i, i + IMPORT_BATCH)) {
      try {
        batch.push({ name: item.name, article: await item.read() });
      } catch (error) {
        // A file system error is the file's problem too, named with it (Node's message says what
        // went wrong, e.g. "EACCES: permission denied, open '…'").
        const failedCall = /^E[A-Z0-9]+$/.test(String((error as NodeJS.ErrnoException).code));
        if (!(error instanceof ArticleRejected) && !failedCall) throw error;
        report.rejected.push({ name: item.name, reason: error instanceof ArticleRejected ? error.reason : `cannot be read: ${(error as Error).message}` });
      }
    }
    const outcomes = batch.length ? await workspace.importArticles(batch.map((b) => b.article)) : [];
    outcomes.forEach((outcome, k) => {
      const name = batch[k].name;
      if (outcome.status === 'imported') report.imported.push({ name, document: outcome.document, warnings: outcome.warnings });
      else report.duplicates.push({ name, document: outcome.document });
    });
    onProgress?.(Math.min(i + IMPORT_BATCH, items.length), items.length);
  }
  return report;
}
