/// The library's page query (DESIGN §4, scale): one page of documents, filtered by title, outlet
/// and the annotator's status, sorted in the index, each row with that annotator's status and
/// how many of its annotations are theirs. Written for 100,000 articles: a page reads about its
/// own rows, and the count of a status alone is read from the statuses table.
import type { DocumentMeta, DocumentStatus, DocumentSummary } from '../../model.js';
import type { LibraryPage, LibraryQuery, LibraryRow, LibrarySort } from './libraryQuery.js';
import type { Statements } from './statusQuery.js';

/// The key the library's filter matches: title, file name and outlet, lower case, accents removed.
export function filterKey(title: string, sourceName: string, outlet = ''): string {
  return `${title}\n${sourceName}\n${outlet}`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/// Each order's columns; documents without an outlet or a date come last either way.
const ORDER: Record<LibrarySort, (direction: string) => string> = {
  imported: (d) => `imported_at ${d}, seq ${d}`,
  title: (d) => `title COLLATE NOCASE ${d}, seq ${d}`,
  characters: (d) => `characters ${d}, seq ${d}`,
  annotations: (d) => `annotations ${d}, seq ${d}`,
  outlet: (d) => `outlet IS NULL, outlet COLLATE NOCASE ${d}, seq ${d}`,
  published: (d) => `published_at IS NULL, published_at ${d}, seq ${d}`,
};

/// Below this many documents of a status, a page is picked from them and sorted (a few
/// milliseconds); above it, the documents are walked in the order's index and each is checked,
/// which finds a page of a common status at once but would walk the whole index for a rare one.
const FEW_OF_A_STATUS = 2000;

/// A row of `documents`.
export interface DocumentRow {
  seq: number;
  id: string;
  title: string;
  source_name: string;
  characters: number;
  imported_at: string;
  counts: string;
  meta: string;
}

/// The summary a row holds.
export function summaryOf(row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    title: row.title,
    sourceName: row.source_name,
    characters: row.characters,
    importedAt: row.imported_at,
    counts: JSON.parse(row.counts) as Record<string, number>,
    meta: JSON.parse(row.meta) as DocumentMeta,
  };
}

/// How many documents `annotator` has marked `status` (for "to do": of `all`, those not marked).
function statusCount(sql: Statements, annotator: string, status: DocumentStatus, all: number): number {
  if (status === 'todo') return all - (sql('SELECT count(*) FROM document_statuses WHERE annotator = ?').pluck().get(annotator) as number);
  return sql('SELECT count(*) FROM document_statuses WHERE annotator = ? AND status = ?').pluck().get(annotator, status) as number;
}

/// One page of the library for `annotator` (`all`: how many documents there are).
export function libraryPage(sql: Statements, query: LibraryQuery, annotator: string, all: number): LibraryPage {
  const wanted = filterKey(query.filter?.trim() ?? '', '').trim();
  const { status } = query;
  const ofStatus = status === undefined ? null : statusCount(sql, annotator, status, all);
  // A unary `+` keeps SQLite from driving the query by the statuses: it walks the order's index.
  const walk = ofStatus !== null && ofStatus > FEW_OF_A_STATUS ? '+' : '';
  const conditions = [
    ...(wanted ? ['instr(d.filter_key, @wanted) > 0'] : []),
    ...(query.outlet !== undefined ? ['d.outlet = @outlet COLLATE NOCASE'] : []),
    ...(status === 'todo' ? ['NOT EXISTS (SELECT 1 FROM document_statuses s WHERE s.annotator = @annotator AND s.doc = d.seq)'] : []),
    ...(status !== undefined && status !== 'todo' ? [`${walk}d.seq IN (SELECT s.doc FROM document_statuses s WHERE s.annotator = @annotator AND s.status = @status)`] : []),
  ];
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const order = ORDER[query.sort ?? 'imported'](query.descending ? 'DESC' : 'ASC');
  const parameters = {
    ...(wanted ? { wanted } : {}),
    ...(query.outlet !== undefined ? { outlet: query.outlet } : {}),
    ...(status !== undefined ? { annotator, ...(status !== 'todo' ? { status } : {}) } : {}),
  };
  // The page's rows first, then each one's status and own annotations, looked up by key.
  const rows = sql(
    `SELECT p.*, ${ROW_STATUS_COLUMNS}
     FROM (SELECT d.* FROM documents d ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset) p ORDER BY ${order}`,
  ).all({ ...parameters, me: annotator, limit: query.limit, offset: query.offset }) as RowWithStatus[];
  const total = !where ? all : wanted || query.outlet !== undefined || ofStatus === null ? (sql(`SELECT count(*) FROM documents d ${where}`).pluck().get(parameters) as number) : ofStatus;
  return {
    total,
    all,
    offset: query.offset,
    documents: rows.map(libraryRowOf),
  };
}

/// The library rows of those of `ids` in the workspace, in that order, for `annotator`: what the
/// panes show of their documents (the status among it).
export function libraryRows(sql: Statements, ids: readonly string[], annotator: string): LibraryRow[] {
  const byId = sql(`SELECT p.*, ${ROW_STATUS_COLUMNS} FROM documents p WHERE p.id = @id`);
  return ids.flatMap((id) => {
    const row = byId.get({ id, me: annotator }) as RowWithStatus | undefined;
    return row ? [libraryRowOf(row)] : [];
  });
}

/// A row's status and own annotations for the annotator `@me`, the document row being `p`.
const ROW_STATUS_COLUMNS = `coalesce((SELECT s.status FROM document_statuses s WHERE s.annotator = @me AND s.doc = p.seq), 'todo') AS status,
       coalesce((SELECT sum(t.n) FROM label_tallies t WHERE t.doc = p.seq AND t.annotator = @me), 0) AS mine`;

type RowWithStatus = DocumentRow & { status: DocumentStatus; mine: number };

function libraryRowOf(row: RowWithStatus): LibraryRow {
  const { importedAt: _importedAt, ...listed } = summaryOf(row);
  return { ...listed, status: row.status, mine: row.mine };
}
