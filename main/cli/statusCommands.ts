/// `awb list` (the documents, with an annotator's status of each, filtered by it) and `awb status`
/// (show or set an annotator's status of a document: todo, in-progress or done). Statuses are per
/// annotator; both commands are about the workspace's current annotator unless `--annotator`
/// names another.
import { InvalidArgumentError, type Command } from 'commander';
import { setDocumentStatus, statusOf, STATUS_NAMES } from '../core/documentStatus.js';
import { DOCUMENT_STATUSES, type DocumentStatus } from '../core/model.js';
import { MAX_PAGE_ROWS, type LibraryRow } from '../core/store/sqlIndex/libraryQuery.js';
import { resolveWorkspaceDir } from '../core/workspaceLocation.js';
import { resolveDocumentId } from './documentIds.js';
import { openWorkspace } from './openWorkspace.js';
import { say, sayLines } from './output.js';
import { terminalJson } from './terminalText.js';
import { withWritableWorkspace } from './writableWorkspace.js';

/// Options of `awb list`.
interface ListOptions {
  workspace?: string;
  json?: boolean;
  status?: DocumentStatus;
  annotator?: string;
}

/// Options of `awb status`.
interface StatusOptions {
  workspace?: string;
  json?: boolean;
  annotator?: string;
}

/// A status as typed: `todo` (or `to-do`), `in-progress`, `done`, in any case.
export function parseStatus(value: string): DocumentStatus {
  const status = value.trim().toLowerCase().replace(/^to-do$/, 'todo');
  if (!(DOCUMENT_STATUSES as readonly string[]).includes(status)) throw new InvalidArgumentError(`expected a status: ${DOCUMENT_STATUSES.join(', ')}`);
  return status as DocumentStatus;
}

/// `--annotator`'s argument: a name as the app takes one.
function parseAnnotator(value: string): string {
  const name = value.trim();
  if (!name || name.length > 60) throw new InvalidArgumentError('expected a name of 1 to 60 characters');
  return name;
}

/// Every document (in import order) matching `status`, with `annotator`'s status and own
/// annotations, read from the index a page at a time.
async function listRows(workspace: Awaited<ReturnType<typeof openWorkspace>>, annotator: string, status: DocumentStatus | undefined): Promise<LibraryRow[]> {
  const rows: LibraryRow[] = [];
  for (let offset = 0; ; offset += MAX_PAGE_ROWS) {
    const page = await workspace.libraryPage({ offset, limit: MAX_PAGE_ROWS, annotator, ...(status ? { status } : {}) });
    rows.push(...page.documents);
    if (page.documents.length < MAX_PAGE_ROWS) return rows;
  }
}

/// `awb list`: a line per document (id, length, annotations, the annotator's status, file, title,
/// outlet and date), or JSON.
async function listCommand(options: ListOptions): Promise<void> {
  const workspace = await openWorkspace(resolveWorkspaceDir(options.workspace), { readOnly: true });
  const annotator = options.annotator ?? workspace.currentAnnotator;
  const rows = (await listRows(workspace, annotator, options.status)).map((d) => ({
    id: d.id,
    title: d.title,
    sourceName: d.sourceName,
    characters: d.characters,
    annotations: Object.values(d.counts).reduce((a, b) => a + b, 0),
    mine: d.mine,
    status: d.status,
    meta: d.meta,
  }));
  if (options.json) return sayLines(terminalJson(rows));
  if (!rows.length) say(options.status ? `(no documents ${STATUS_NAMES[options.status].toLowerCase()} for ${annotator})` : '(no documents)');
  for (const r of rows) {
    const source = [r.meta.outlet, r.meta.publishedAt?.slice(0, 10)].filter(Boolean).join(', ');
    say(
      `${r.id.slice(0, 19)}…  ${String(r.characters).padStart(8)} chars  ${String(r.annotations).padStart(5)} ann.  ${STATUS_NAMES[r.status].padEnd(11)}  ${r.sourceName}  ${r.title}${source ? `  (${source})` : ''}`,
    );
  }
}

/// `awb status ID [STATUS]`: sets the annotator's status of a document, or with no status prints
/// every annotator's.
async function statusCommand(given: string, status: DocumentStatus | undefined, options: StatusOptions): Promise<void> {
  const dir = resolveWorkspaceDir(options.workspace);
  if (status === undefined) {
    const workspace = await openWorkspace(dir, { readOnly: true });
    const file = await workspace.readDocument(resolveDocumentId(workspace, given));
    const annotator = options.annotator ?? workspace.currentAnnotator;
    const marks = file.statuses ?? [];
    if (options.json) return sayLines(terminalJson({ id: file.document.id, title: file.document.title, status: statusOf(file, annotator), annotator, statuses: marks }));
    say(`${file.document.id}  ${file.document.title}`);
    say(`  ${annotator} (you): ${STATUS_NAMES[statusOf(file, annotator)]}`);
    for (const m of marks) if (m.annotator !== annotator) say(`  ${m.annotator}: ${STATUS_NAMES[m.status]} (since ${m.at.slice(0, 10)})`);
    return;
  }
  const change = await withWritableWorkspace(dir, 'status', async (workspace) => {
    const id = resolveDocumentId(workspace, given);
    const annotator = options.annotator ?? workspace.currentAnnotator;
    const result = await workspace.updateDocument(id, (file) => setDocumentStatus(file, annotator, status, new Date().toISOString()));
    return { ...result, title: workspace.documentSummaries([id])[0]?.title ?? '' };
  });
  if (options.json) return sayLines(terminalJson(change));
  say(`${change.docId}  ${change.title}`);
  say(`  ${change.annotator}: ${STATUS_NAMES[change.status]}`);
}

/// Adds `awb list` and `awb status` to `program`.
export function addStatusCommands(program: Command, configure: (command: Command) => Command): void {
  const statusHelp = `${DOCUMENT_STATUSES.join(', ')}`;
  configure(program.command('list').description("list the documents in the workspace, with your status of each (or --annotator's)"))
    .option('--json', 'print JSON instead of a table')
    .option('--status <status>', `only documents of this status (${statusHelp})`, parseStatus)
    .option('--annotator <name>', 'whose status to show and filter by (default: the current annotator)', parseAnnotator)
    .action(listCommand);
  configure(program.command('status').description(`show or set your status of a document (${statusHelp}); each annotator has their own`))
    .argument('<id>', 'the document (its id, or the start of it as awb list shows it)')
    .argument('[status]', `the new status (${statusHelp}); left out, every annotator's status is shown`, parseStatus)
    .option('--annotator <name>', 'whose status (default: the current annotator)', parseAnnotator)
    .option('--json', 'print JSON')
    .action(statusCommand);
}
