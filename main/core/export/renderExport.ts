/// Runs an export over a workspace: reads the documents in scope in one pass (reporting progress),
/// renders the chosen format, and writes it durably to a file, a folder (brat) or a zip (brat).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { writeFileDurably } from '../store/durableJsonFile.js';
import { readDocuments } from '../store/readDocuments.js';
import type { Workspace } from '../store/workspace.js';
import { documentRenderer } from './documentRenderers.js';
import type { ConllReport } from './exportConll.js';
import { documentInScope, scopeDocument, type ExportScope } from './exportScope.js';

/// Every export format.
export const EXPORT_FORMATS = ['exchange', 'jsonl', 'csv', 'conll', 'brat', 'w3c'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/// File name ending and media type of each format (brat as a zip).
export const EXPORT_FILES: Record<ExportFormat, { extension: string; mimeType: string }> = {
  exchange: { extension: '.awb.json', mimeType: 'application/json' },
  jsonl: { extension: '.jsonl', mimeType: 'application/x-ndjson' },
  csv: { extension: '.csv', mimeType: 'text/csv' },
  conll: { extension: '.conll', mimeType: 'text/plain' },
  brat: { extension: '.zip', mimeType: 'application/zip' },
  w3c: { extension: '.jsonld', mimeType: 'application/ld+json' },
};

/// A rendered export: one text file, or (brat) a set of files by relative path.
export type RenderedExport =
  | { kind: 'file'; content: string; summary: ExportSummary }
  | { kind: 'files'; files: Map<string, string>; summary: ExportSummary };

/// What went into an export.
export interface ExportSummary {
  format: ExportFormat;
  documents: number;
  annotations: number;
  /// CoNLL only: spans hidden behind overlapping spans.
  conll?: ConllReport;
}

/// Called after each document is read.
export type ExportProgress = (done: number, total: number) => void;

/// Reads the documents in scope and renders `format`, one document at a time.
export async function renderExport(
  workspace: Workspace,
  format: ExportFormat,
  scope: ExportScope,
  onProgress?: ExportProgress,
): Promise<RenderedExport> {
  const ids = workspace.listDocuments().filter((d) => documentInScope(d.id, scope)).map((d) => d.id);
  const missing = (scope.documents ?? []).filter((id) => !workspace.hasDocument(id));
  if (missing.length) throw new Error(`no document ${missing.join(', ')} in this workspace`);
  const renderer = documentRenderer(format, { labels: workspace.labels, exportedBy: workspace.currentAnnotator, generator: 'Annotation Workbench' });
  let documents = 0;
  let annotations = 0;
  for await (const file of readDocuments(workspace, ids)) {
    const scoped = scopeDocument(file, scope);
    annotations += scoped.annotations.length;
    renderer.add(scoped);
    documents++;
    onProgress?.(documents, ids.length);
  }
  return renderer.finish({ format, documents, annotations });
}

/// The bytes of an export as one file (brat files zipped).
export function exportBytes(rendered: RenderedExport): Uint8Array {
  if (rendered.kind === 'file') return strToU8(rendered.content);
  // Stored, not deflated: deflating a corpus's text in JavaScript takes seconds (level 1: 3 s for
  // 60 MB), storing it a fraction of one; the zip is bigger (about 2.5×) but holds the same files.
  return zipSync(Object.fromEntries([...rendered.files].map(([path, content]) => [path, strToU8(content)])), { level: 0 });
}

/// Writes an export to `out`: brat to a folder, or to a zip when `out` ends in `.zip`.
export async function writeExport(rendered: RenderedExport, out: string): Promise<void> {
  if (rendered.kind === 'files' && !out.toLowerCase().endsWith('.zip')) {
    await mkdir(out, { recursive: true });
    for (const [path, content] of rendered.files) await writeFileDurably(join(out, path), content);
    return;
  }
  // A text file is written from the string itself, without a copy as bytes first.
  await writeFileDurably(out, rendered.kind === 'file' ? rendered.content : exportBytes(rendered));
}
