/// `awb export`: streams the documents in scope from a read-only workspace into the output, one
/// document at a time, with a progress bar on a terminal. A damaged, missing or too new document
/// file is left out, named on stderr with what to do, instead of failing the whole export (exit 3).
import { join } from 'node:path';
import { writeExport, type ExportFormat, type ExportFormatOptions, type ExportSummary } from '../core/export/renderExport.js';
import { documentInScope, type ExportScope } from '../core/export/exportScope.js';
import { DocumentFileSchema } from '../core/model.js';
import { DamagedFileError, readJsonFile } from '../core/store/durableJsonFile.js';
import { NewerSchemaError } from '../core/store/migrations.js';
import { WorkspaceError, type Workspace } from '../core/store/workspace.js';
import { documentFileName } from '../core/store/workspaceFiles.js';
import { resolveWorkspaceDir } from '../core/workspaceLocation.js';
import { EXIT_FAILED, EXIT_PARTIAL, ExitWith } from './exit.js';
import { openWorkspace } from './openWorkspace.js';
import { say, warn } from './output.js';
import { progressBar } from './progressBar.js';
import { repairCommandLine } from './repairCommand.js';

/// The options of `awb export`.
export interface ExportOptions {
  workspace?: string;
  format: ExportFormat;
  out: string;
  document: string[];
  annotator: string[];
  label: string[];
  /// CSV: start with a UTF-8 byte order mark (commander's `--no-bom` makes it false).
  bom: boolean;
}

/// Exports the workspace; exit 3 when documents had to be left out.
export async function exportCommand(options: ExportOptions): Promise<void> {
  const dir = resolveWorkspaceDir(options.workspace);
  const workspace = await openWorkspace(dir, { readOnly: true });
  const scope: ExportScope = { documents: options.document, annotators: options.annotator, labels: options.label };
  let leftOut: string[] = [];
  let summary: ExportSummary;
  try {
    summary = await exportWithProgress(workspace, options.format, scope, options.out, { bom: options.bom });
  } catch (error) {
    if (!(error instanceof DamagedFileError || error instanceof NewerSchemaError || error instanceof WorkspaceError)) throw error;
    // The failed export left nothing behind (the output appears whole or not at all). Only now is
    // every document looked at on its own: a healthy workspace is read once.
    const ids = workspace.documentIds().filter((id) => documentInScope(id, scope));
    const unusable = await unusableDocuments(workspace, ids);
    if (!unusable.size) throw error;
    leftOut = [...unusable.values()].map(({ why, damaged }) => `${why}; it was left out of the export.${damaged ? ` Run "${repairCommandLine(dir)}" (or open the workbench) to restore it from the newest backup.` : ''}`);
    const usable = ids.filter((id) => !unusable.has(id));
    if (!usable.length) {
      for (const line of leftOut) warn(`awb export: ${line}`);
      warn('awb export: no document in scope can be read; nothing was exported');
      throw new ExitWith(EXIT_FAILED);
    }
    summary = await exportWithProgress(workspace, options.format, { ...scope, documents: usable }, options.out, { bom: options.bom });
  }
  const { documents, annotations, conll, brat } = summary;
  say(`exported ${annotations} annotations from ${documents} documents as ${options.format} to ${options.out}`);
  if (conll?.lostSpans) {
    warn(`awb export: ${conll.lostSpans} span(s) overlap an earlier or longer span and carry no CoNLL tag:`);
    for (const l of conll.lost.slice(0, 20)) warn(`awb export:   ${l.label} "${l.text}" (${l.annotationId})`);
  }
  if (brat?.crossLayerLinks) {
    warn(`awb export: ${brat.crossLayerLinks} link(s) join spans of two annotators and were left out: each annotator's layer is in a folder of its own (export one --annotator to keep a layer whole)`);
  }
  if (leftOut.length) {
    for (const line of leftOut) warn(`awb export: ${line}`);
    warn(`awb export: ${leftOut.length} document(s) left out; see above`);
    throw new ExitWith(EXIT_PARTIAL);
  }
}

/// The documents among `ids` whose files cannot be exported, each with why, and whether a repair
/// can restore it. Read as the store reads them (schema and migration), but not kept in the
/// workspace's cache.
async function unusableDocuments(workspace: Workspace, ids: string[]): Promise<Map<string, { why: string; damaged: boolean }>> {
  const unusable = new Map<string, { why: string; damaged: boolean }>();
  for (const id of ids) {
    const name = join('documents', documentFileName(id)).replaceAll('\\', '/');
    try {
      const file = await readJsonFile(join(workspace.dir, name), DocumentFileSchema, 'document');
      if (!file) unusable.set(id, { why: `${name} is missing`, damaged: false });
    } catch (error) {
      if (error instanceof DamagedFileError) unusable.set(id, { why: `${name} is damaged (${error.problems.join('; ')})`, damaged: true });
      else if (error instanceof NewerSchemaError) unusable.set(id, { why: error.message, damaged: false });
      else throw error;
    }
  }
  return unusable;
}

/// Writes the export with a progress bar of the documents written. Ctrl+C (or SIGTERM) stops it
/// after the document being written, so that its temp file is removed and `out` is left as it was.
function exportWithProgress(workspace: Workspace, format: ExportFormat, scope: ExportScope, out: string, formatOptions: ExportFormatOptions): Promise<ExportSummary> {
  const progress = progressBar('exporting documents');
  const interrupt = new AbortController();
  const stop = (signal: NodeJS.Signals) => interrupt.abort(new Error(`interrupted (${signal}); ${out} was left as it was`));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return writeExport(workspace, format, scope, out, progress.update, interrupt.signal, formatOptions).finally(() => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    progress.stop();
  });
}
