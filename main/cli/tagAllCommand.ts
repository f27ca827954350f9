/// `awb tag-all PHRASE --label ID` (DESIGN §12): tags every whole-word occurrence of a phrase
/// (case folded unless `--case-sensitive`) in the documents named with `--document`, or in every
/// document (found from the index's full-text search), with the label, by the workspace's
/// annotator; each missing span is made once and one already there is left alone. `--dry-run`
/// changes nothing; `--json` prints each occurrence as `{ documentId, start, end, text, status }`
/// in code points, `status` being `created`, `already tagged`, (dry run) `to create`, or `not
/// created` for a document that could not be changed (named on stderr; exit code 3).
import { OffsetConverter } from '../core/offsets.js';
import type { Workspace } from '../core/store/workspace.js';
import type { TagAllPreview } from '../core/tagAll/tagAllPreview.js';
import { applyTagAll, previewTagAll, type TagAllApplied, type TagAllScope } from '../core/tagAll/tagAllWorkspace.js';
import { resolveWorkspaceDir } from '../core/workspaceLocation.js';
import { resolveDocumentId } from './documentCommands.js';
import { EXIT_PARTIAL, ExitWith } from './exit.js';
import { openWorkspace } from './openWorkspace.js';
import { say, sayLines, warn } from './output.js';
import { terminalJson } from './terminalText.js';
import { withWritableWorkspace } from './writableWorkspace.js';

/// Options of `awb tag-all`.
export interface TagAllCommandOptions {
  workspace?: string;
  label: string;
  document: string[];
  caseSensitive?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

/// What became of an occurrence: `not created` when its document could not be changed (said on stderr).
export type OccurrenceStatus = 'created' | 'already tagged' | 'to create' | 'not created';

/// An occurrence as `awb tag-all --json` prints it: offsets in code points.
export interface PrintedOccurrence {
  documentId: string;
  start: number;
  end: number;
  text: string;
  status: OccurrenceStatus;
  /// The annotation made (status `created`).
  annotationId?: string;
}

/// The scope the options name, checked against the workspace, and the label checked too.
function scopeOf(workspace: Workspace, options: TagAllCommandOptions): TagAllScope {
  const known = workspace.labels.map((l) => l.id);
  if (!known.includes(options.label)) throw new Error(`--label ${options.label}: there is no such label in this workspace (labels: ${known.join(', ')})`);
  if (!options.document.length) return { kind: 'workspace' };
  return { kind: 'documents', ids: [...new Set(options.document.map((given) => resolveDocumentId(workspace, given)))] };
}

/// Every occurrence of the preview, with what became of it after `applied` (none: a dry run).
function printedRows(preview: WithTexts, applied: TagAllApplied | null): PrintedOccurrence[] {
  const made = new Map((applied?.created ?? []).map((a) => [`${a.docId}:${a.start}:${a.end}`, a.id]));
  const rows: PrintedOccurrence[] = [];
  for (const d of preview.documents) {
    const offsets = new OffsetConverter(d.fullText);
    for (const o of d.occurrences) {
      const annotationId = made.get(`${d.id}:${o.start}:${o.end}`);
      const status: OccurrenceStatus = o.alreadyTagged ? 'already tagged' : !applied ? 'to create' : annotationId ? 'created' : 'not created';
      rows.push({ documentId: d.id, start: offsets.toCodePoint(o.start), end: offsets.toCodePoint(o.end), text: o.text, status, ...(annotationId ? { annotationId } : {}) });
    }
  }
  return rows;
}

/// `awb tag-all`: previews the occurrences, tags those left (unless `--dry-run`), prints them.
export async function tagAllCommand(phrase: string, options: TagAllCommandOptions): Promise<void> {
  const dir = resolveWorkspaceDir(options.workspace);
  const run = async (workspace: Workspace) => {
    const request = { phrase, label: options.label, caseSensitive: options.caseSensitive ?? false, scope: scopeOf(workspace, options) };
    const preview = await previewTagAll(workspace, request, workspace.currentAnnotator, Infinity);
    const found = await withTexts(workspace, preview);
    if (options.dryRun) return { found, applied: null };
    const occurrences = found.documents.flatMap((d) => d.occurrences.filter((o) => !o.alreadyTagged).map((o) => ({ docId: d.id, start: o.start, end: o.end })));
    const applied = occurrences.length
      ? await applyTagAll(workspace, { ...request, occurrences }, { annotator: workspace.currentAnnotator, now: new Date().toISOString() })
      : { created: [], alreadyTagged: 0, notFound: 0, failed: [] };
    return { found, applied };
  };
  let outcome: Awaited<ReturnType<typeof run>>;
  if (options.dryRun) {
    const workspace = await openWorkspace(dir, { readOnly: true });
    try {
      outcome = await run(workspace);
    } finally {
      await workspace.close();
    }
  } else outcome = await withWritableWorkspace(dir, 'tag-all', run);
  const { found, applied } = outcome;
  const rows = printedRows(found, applied);
  if (options.json) sayLines(terminalJson(rows));
  else printSummary(phrase, found, rows, options.dryRun ?? false);
  for (const f of applied?.failed ?? []) warn(`awb tag-all: ${f.docId}: ${f.message}`);
  if (applied?.failed.length) throw new ExitWith(EXIT_PARTIAL);
}

/// The preview's documents with their whole texts (for code point offsets).
type WithTexts = Omit<TagAllPreview, 'documents'> & { documents: (TagAllPreview['documents'][number] & { fullText: string })[] };

async function withTexts(workspace: Workspace, preview: TagAllPreview): Promise<WithTexts> {
  const documents = [];
  for (const d of preview.documents) documents.push({ ...d, fullText: (await workspace.readDocument(d.id)).document.text });
  return { ...preview, documents };
}

/// One line per document, then the totals.
function printSummary(phrase: string, preview: WithTexts, rows: PrintedOccurrence[], dryRun: boolean): void {
  if (!preview.documents.length) return say(`"${phrase}" occurs in no document as whole words`);
  const made: OccurrenceStatus = dryRun ? 'to create' : 'created';
  // How many of each status, per document and in all.
  const counts = new Map<string, Map<OccurrenceStatus, number>>();
  const add = (key: string, status: OccurrenceStatus) => {
    const byStatus = counts.get(key) ?? new Map<OccurrenceStatus, number>();
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    counts.set(key, byStatus);
  };
  for (const r of rows) {
    add(r.documentId, r.status);
    add('', r.status);
  }
  const count = (key: string, status: OccurrenceStatus) => counts.get(key)?.get(status) ?? 0;
  for (const d of preview.documents) {
    say(`${d.id.slice(0, 19)}…  ${String(d.occurrences.length).padStart(4)} found, ${count(d.id, made)} ${made}, ${count(d.id, 'already tagged')} already tagged  ${d.title.slice(0, 60)}`);
  }
  say(`${rows.length} occurrence(s) in ${preview.documents.length} document(s): ${count('', made)} ${made}, ${count('', 'already tagged')} already tagged${dryRun ? ' (dry run: nothing changed)' : ''}`);
}
