/// Runs an export over a workspace as a stream: reads the documents in scope one at a time,
/// renders each in the chosen format and writes it durably to a file, a folder (brat) or a zip
/// (brat), reporting progress.
import type { DocumentFile } from '../model.js';
import { writeFileStreamDurably } from '../store/durableFileStream.js';
import { readDocuments } from '../store/readDocuments.js';
import type { Workspace } from '../store/workspace.js';
import { openBratOutput } from './bratOutputs.js';
import { documentRenderer } from './documentRenderers.js';
import type { BratReport } from './exportBrat.js';
import type { ConllReport } from './exportConll.js';
import { documentInScope, linkedEntitiesInScope, scopeDocument, type ExportScope } from './exportScope.js';

import type { ExportFormat } from './exportFormats.js';

export { EXPORT_FORMATS, type ExportFormat } from './exportFormats.js';

/// File name ending and media type of each format (brat as a zip).
export const EXPORT_FILES: Record<ExportFormat, { extension: string; mimeType: string }> = {
  exchange: { extension: '.awb.json', mimeType: 'application/json' },
  jsonl: { extension: '.jsonl', mimeType: 'application/x-ndjson' },
  doccano: { extension: '.doccano.jsonl', mimeType: 'application/x-ndjson' },
  prodigy: { extension: '.prodigy.jsonl', mimeType: 'application/x-ndjson' },
  csv: { extension: '.csv', mimeType: 'text/csv' },
  conll: { extension: '.conll', mimeType: 'text/plain' },
  brat: { extension: '.zip', mimeType: 'application/zip' },
  w3c: { extension: '.jsonld', mimeType: 'application/ld+json' },
};

/// What went into an export.
export interface ExportSummary {
  format: ExportFormat;
  documents: number;
  annotations: number;
  /// CoNLL only: spans hidden behind overlapping spans.
  conll?: ConllReport;
  /// brat with a folder per annotator only: links between two layers, which no layer holds.
  brat?: BratReport;
}

/// Called after each document is written.
export type ExportProgress = (done: number, total: number) => void;

/// How some formats are written.
export interface ExportFormatOptions {
  /// CSV: start the file with a UTF-8 byte order mark (the default; false leaves it out).
  bom?: boolean;
}

/// The annotators whose layers a brat export of `scope` holds: those the scope names that have
/// annotations here, else everyone with annotations (as the SQL index counts them).
async function exportedAnnotators(workspace: Workspace, scope: ExportScope): Promise<string[]> {
  const counted = [...(await workspace.annotationsByAnnotator())].filter(([, n]) => n > 0).map(([name]) => name);
  return scope.annotators?.length ? scope.annotators.filter((name) => counted.includes(name)) : counted.sort();
}

/// Exports the documents in scope as `format` to `out` (brat: a folder, or a zip when `out` ends
/// in `.zip`; a folder per annotator inside when several annotators' layers are exported), reading, rendering and writing one document at a time: memory holds the largest
/// document and its rendering, never the corpus or the output, so an export may be far bigger
/// than the longest string JavaScript can make. The output is written durably and appears whole
/// or not at all: if anything fails (a damaged document, a full disk, `signal` aborted, checked
/// between documents), `out` is left as it was and nothing of the export remains.
export async function writeExport(
  workspace: Workspace,
  format: ExportFormat,
  scope: ExportScope,
  out: string,
  onProgress?: ExportProgress,
  signal?: AbortSignal,
  options: ExportFormatOptions = {},
): Promise<ExportSummary> {
  // The document list and the entities linked in scope come from the SQL index: checked first.
  await workspace.indexChecked;
  const ids = workspace.documentIds().filter((id) => documentInScope(id, scope));
  const missing = (scope.documents ?? []).filter((id) => !workspace.hasDocument(id));
  if (missing.length) throw new Error(`no document ${missing.join(', ')} in this workspace`);
  const renderer = documentRenderer(format, {
    labels: workspace.labels,
    exportedBy: workspace.currentAnnotator,
    generator: 'Annotation Workbench',
    entities: workspace.entities,
    // Asked of the index only for the exchange, the one format that lists entities up front.
    exchangeEntities: format === 'exchange' ? linkedEntitiesInScope(workspace, scope) : undefined,
    bom: options.bom,
    layerAnnotators: format === 'brat' ? await exportedAnnotators(workspace, scope) : undefined,
  });
  const summary: ExportSummary = { format, documents: 0, annotations: 0 };
  /// Hands each document in scope to `write`, in import order, counting and reporting progress.
  const eachDocument = async (write: (file: DocumentFile) => Promise<void>) => {
    signal?.throwIfAborted();
    for await (const file of readDocuments(workspace, ids)) {
      signal?.throwIfAborted();
      const scoped = scopeDocument(file, scope);
      await write(scoped);
      summary.documents++;
      summary.annotations += scoped.annotations.length;
      onProgress?.(summary.documents, ids.length);
    }
  };
  if (renderer.kind === 'text') {
    await writeFileStreamDurably(out, async (stream) => {
      await stream.write(renderer.start());
      await eachDocument((file) => stream.write(renderer.add(file)));
      await stream.write(renderer.end(summary.documents, summary.annotations));
    });
    return renderer.conll ? { ...summary, conll: renderer.conll } : summary;
  }
  const output = await openBratOutput(out);
  try {
    await eachDocument(async (file) => {
      for (const [path, content] of renderer.add(file)) await output.add(path, content);
    });
    for (const [path, content] of renderer.end()) await output.add(path, content);
    await output.commit();
  } catch (error) {
    await output.discard();
    throw error;
  }
  return renderer.brat?.crossLayerLinks ? { ...summary, brat: renderer.brat } : summary;
}
