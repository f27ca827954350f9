/// Runs an export over a workspace: reads the documents in scope one by one (reporting progress),
/// renders the chosen format, and writes it durably to a file, a folder (brat) or a zip (brat).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { writeFileDurably } from '../store/durableJsonFile.js';
import type { DocumentFile } from '../model.js';
import type { Workspace } from '../store/workspace.js';
import { exportBrat } from './exportBrat.js';
import { exportConll, type ConllReport } from './exportConll.js';
import { exportCsv } from './exportCsv.js';
import { exportExchange } from './exportExchange.js';
import { exportJsonl } from './exportJsonl.js';
import { documentInScope, scopeDocument, type ExportScope } from './exportScope.js';
import { exportW3c } from './exportW3c.js';

/// Document files read at once during an export.
const READS_IN_FLIGHT = 16;

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

/// Reads the documents in scope and renders `format`.
export async function renderExport(
  workspace: Workspace,
  format: ExportFormat,
  scope: ExportScope,
  onProgress?: ExportProgress,
): Promise<RenderedExport> {
  const ids = workspace.listDocuments().filter((d) => documentInScope(d.id, scope)).map((d) => d.id);
  const missing = (scope.documents ?? []).filter((id) => !workspace.hasDocument(id));
  if (missing.length) throw new Error(`no document ${missing.join(', ')} in this workspace`);
  // Several reads in flight: the file reads overlap with parsing the ones already read.
  const documents: DocumentFile[] = new Array(ids.length);
  let done = 0;
  for (let i = 0; i < ids.length; i += READS_IN_FLIGHT) {
    await Promise.all(
      ids.slice(i, i + READS_IN_FLIGHT).map(async (id, k) => {
        documents[i + k] = scopeDocument(await workspace.readDocument(id), scope);
        onProgress?.(++done, ids.length);
      }),
    );
  }
  const summary: ExportSummary = {
    format,
    documents: documents.length,
    annotations: documents.reduce((n, d) => n + d.annotations.length, 0),
  };
  const labels = workspace.labels;
  switch (format) {
    case 'exchange':
      return { kind: 'file', content: JSON.stringify(exportExchange(documents, labels, workspace.currentAnnotator), null, 1), summary };
    case 'jsonl':
      return { kind: 'file', content: exportJsonl(documents), summary };
    case 'csv':
      return { kind: 'file', content: exportCsv(documents), summary };
    case 'conll': {
      const { text, report } = exportConll(documents);
      return { kind: 'file', content: text, summary: { ...summary, conll: report } };
    }
    case 'brat':
      return { kind: 'files', files: exportBrat(documents, labels), summary };
    case 'w3c':
      return { kind: 'file', content: JSON.stringify(exportW3c(documents, 'Annotation Workbench')), summary };
  }
}

/// The bytes of an export as one file (brat files zipped).
export function exportBytes(rendered: RenderedExport): Uint8Array {
  if (rendered.kind === 'file') return strToU8(rendered.content);
  // Fastest deflate level: brat folders are large and plain text compresses well even so.
  return zipSync(Object.fromEntries([...rendered.files].map(([path, content]) => [path, strToU8(content)])), { level: 1 });
}

/// Writes an export to `out`: brat to a folder, or to a zip when `out` ends in `.zip`.
export async function writeExport(rendered: RenderedExport, out: string): Promise<void> {
  if (rendered.kind === 'files' && !out.toLowerCase().endsWith('.zip')) {
    await mkdir(out, { recursive: true });
    for (const [path, content] of rendered.files) await writeFileDurably(join(out, path), content);
    return;
  }
  await writeFileDurably(out, exportBytes(rendered));
}
