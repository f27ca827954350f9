/// Commands on documents themselves: `awb meta set` and `awb meta import` (a document's title
/// and metadata, one at a time or from a sidecar, see `metadataSidecar.ts`) and `awb delete`.
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { DocumentDetailsChangeSchema, META_FIELDS, type DocumentDetailsChange, type MetaField } from '../core/documentDetails.js';
import { editDocumentDetails } from '../core/documentDetails.js';
import { describeSchemaError } from '../core/model.js';
import { applySidecar, MAX_SIDECAR_BYTES, readSidecar } from '../core/metadataSidecar.js';
import { resolveWorkspaceDir } from '../core/workspaceLocation.js';
import { EXIT_FAILED, EXIT_PARTIAL, ExitWith } from './exit.js';
import { say, sayLines, warn } from './output.js';
import { terminalJson } from './terminalText.js';
import { withWritableWorkspace } from './writableWorkspace.js';
import { resolveDocumentId } from './documentIds.js';

export { resolveDocumentId } from './documentIds.js';

/// Options of `awb meta set`.
export interface MetaSetOptions {
  workspace?: string;
  title?: string;
  outlet?: string;
  published?: string;
  author?: string;
  url?: string;
  language?: string;
  tag: string[];
  clear: MetaField[];
  json?: boolean;
}

/// `awb meta set ID …`: changes one document's details and prints them.
export async function metaSetCommand(given: string, options: MetaSetOptions): Promise<void> {
  const meta: Record<string, unknown> = {};
  for (const [field, value] of [
    ['outlet', options.outlet],
    ['publishedAt', options.published],
    ['author', options.author],
    ['url', options.url],
    ['language', options.language],
  ] as const) {
    if (value !== undefined) meta[field] = value;
  }
  if (options.tag.length) meta.tags = options.tag;
  for (const field of options.clear) {
    if (field in meta) throw new Error(`--clear ${field} and a value for it: give one`);
    meta[field] = null;
  }
  const parsed = DocumentDetailsChangeSchema.safeParse({ ...(options.title !== undefined ? { title: options.title } : {}), ...(Object.keys(meta).length ? { meta } : {}) });
  if (!parsed.success) throw new Error(describeSchemaError(parsed.error).join('; '));
  const change: DocumentDetailsChange = parsed.data;
  if (change.title === undefined && !change.meta) throw new Error('nothing to change: give --title, --outlet, --published, --author, --url, --language, --tag or --clear');
  const details = await withWritableWorkspace(resolveWorkspaceDir(options.workspace), 'meta set', async (workspace) => {
    const id = resolveDocumentId(workspace, given);
    const result = await workspace.updateDocument(id, (file) => editDocumentDetails(file, change));
    return { id, ...result };
  });
  if (options.json) return sayLines(terminalJson(details));
  say(`${details.id}  ${details.title}`);
  for (const field of META_FIELDS) {
    const value = details.meta[field];
    if (value !== undefined) say(`  ${field}: ${Array.isArray(value) ? value.join('; ') : value}`);
  }
}

/// `awb delete ID…`: deletes documents after a backup that holds them, and says which.
export async function deleteCommand(given: string[], options: { workspace?: string }): Promise<void> {
  const dir = resolveWorkspaceDir(options.workspace);
  const { backup, deleted } = await withWritableWorkspace(dir, 'delete', async (workspace) => workspace.deleteDocuments(given.map((id) => resolveDocumentId(workspace, id))));
  for (const d of deleted) say(`deleted ${d.id}  ${d.title}`);
  say(`backup ${backup} holds ${deleted.length === 1 ? 'it' : 'them'} as ${deleted.length === 1 ? 'it was' : 'they were'} (awb backups, awb restore)`);
}

/// `awb meta import FILE`: applies a CSV or JSON sidecar; a line per row; exit 3 when rows were
/// left out, 1 when none applied.
export async function metaImportCommand(file: string, options: { workspace?: string }): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new Error(`${file}: ${info ? 'is a folder, not a file' : 'file not found'}`);
  if (info.size > MAX_SIDECAR_BYTES) throw new Error(`${file}: ${(info.size / 1048576).toFixed(1)} MB, over the ${MAX_SIDECAR_BYTES / 1048576} MB limit for a metadata sidecar`);
  const kind = extname(file).toLowerCase();
  if (kind !== '.csv' && kind !== '.json') throw new Error(`${file}: expected a .csv or .json metadata sidecar`);
  const sidecar = readSidecar(await readFile(file, 'utf8'), kind === '.csv');
  const report = await withWritableWorkspace(resolveWorkspaceDir(options.workspace), 'meta import', (workspace) => applySidecar(workspace, sidecar));
  for (const line of report.updated) say(`updated ${line}`);
  for (const line of report.unchanged) say(`unchanged ${line}`);
  for (const line of report.problems) warn(`awb meta import: ${file}: ${line}`);
  say(`${report.updated.length} updated, ${report.unchanged.length} unchanged, ${report.problems.length} problem(s)`);
  if (report.problems.length) throw new ExitWith(report.updated.length + report.unchanged.length ? EXIT_PARTIAL : EXIT_FAILED);
}
