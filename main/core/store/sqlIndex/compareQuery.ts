/// What Compare (DESIGN §11) asks the index for: the figures, quotes, entity mentions and label
/// counts of the documents and annotations a filter selects, as rows. The SQL is plain (joins,
/// groups, `IN` lists), answerable by a team server's PostgreSQL as well.
import * as z from 'zod';
import type Database from 'better-sqlite3';
import { DocumentIdSchema } from '../../model.js';

/// Most values one filter list may hold.
export const MAX_FILTER_VALUES = 1000;

const Day = z.iso.date({ error: 'expected a date such as 2016-12-13' });

/// Which documents and annotations Compare covers: every list given narrows (a document is in
/// when its id, outlet — case aside — is listed; an annotation when its annotator and label are);
/// `from` and `to` are days, inclusive, and leave out documents without a date.
export const CompareFilterSchema = z.strictObject({
  documents: z.array(DocumentIdSchema).max(MAX_FILTER_VALUES).optional(),
  outlets: z.array(z.string().max(200)).max(MAX_FILTER_VALUES).optional(),
  from: Day.optional(),
  to: Day.optional(),
  annotators: z.array(z.string().max(60)).max(MAX_FILTER_VALUES).optional(),
  labels: z.array(z.string().max(32)).max(MAX_FILTER_VALUES).optional(),
});
export type CompareFilter = z.infer<typeof CompareFilterSchema>;

/// Where a row's document came from and when.
export interface DocumentColumns {
  documentId: string;
  title: string;
  outlet: string | null;
  publishedAt: string | null;
}

/// A span as Compare lists it: code point offsets (`start`, `end`, as files and the CLI give them)
/// and UTF-16 ones (`at`, as the app opens a document at them).
export interface SpanColumns {
  annotationId: string;
  annotator: string;
  start: number;
  end: number;
  utf16Start: number;
  utf16End: number;
  text: string;
}

/// What figures are grouped and compared by: their measure and quantity (JSON).
export interface FigureKeyRow {
  /// The document's row in the index (to read the figure again by).
  doc: number;
  documentId: string;
  annotationId: string;
  outlet: string | null;
  measure: string | null;
  quantity: string;
}

/// A figure with a quantity, and the actor it is attributed to, if any.
export interface FigureRow extends DocumentColumns, SpanColumns, FigureKeyRow {
  before: string;
  after: string;
  sourceId: string | null;
  sourceText: string | null;
  sourceEntity: string | null;
}

/// A quote, and the actor who said it, if any.
export interface QuoteRow extends DocumentColumns, SpanColumns {
  speakerId: string | null;
  speakerText: string | null;
  speakerEntity: string | null;
}

/// The mentions of one entity in one document under one form (the text of the span).
export interface EntityFormRow {
  entityId: string;
  documentId: string;
  outlet: string | null;
  form: string;
  mentions: number;
  /// The first such mention (UTF-16 start; its end is start + form.length).
  firstStart: number;
}

/// How many annotations of a label one document (or outlet) holds.
export interface LabelCountRow {
  label: string;
  count: number;
}

/// An outlet's annotations of one label.
export interface OutletLabelRow extends LabelCountRow {
  outlet: string | null;
}

/// A document's annotations of one label.
export interface DocumentLabelRow extends OutletLabelRow {
  documentId: string;
  title: string;
}

/// A span of one of two annotators, for agreement per label.
export interface LayerSpanRow {
  doc: number;
  annotator: string;
  label: string;
  start: number;
  end: number;
}

/// The `WHERE` conditions and parameters of a filter (`d` is the documents table, `a` the
/// annotations one).
function conditions(filter: CompareFilter): { where: string[]; values: unknown[] } {
  const where: string[] = [];
  const values: unknown[] = [];
  const list = (column: string, items: readonly string[] | undefined, collate = '') => {
    if (items === undefined) return;
    where.push(items.length ? `${column} ${collate} IN (${items.map(() => '?').join(', ')})` : '0');
    values.push(...items);
  };
  list('d.id', filter.documents);
  list('d.outlet', filter.outlets, 'COLLATE NOCASE');
  list('a.annotator', filter.annotators);
  list('a.label', filter.labels);
  if (filter.from !== undefined) {
    where.push('substr(d.published_at, 1, 10) >= ?');
    values.push(filter.from);
  }
  if (filter.to !== undefined) {
    where.push('substr(d.published_at, 1, 10) <= ?');
    values.push(filter.to);
  }
  return { where, values };
}

/// Runs `select … WHERE <filter and more> <tail>`; `select` joins annotations `a` and documents `d`.
function rows<T>(db: Database.Database, filter: CompareFilter, select: string, more: string[], tail: string, extra: readonly unknown[] = []): T[] {
  const { where, values } = conditions(filter);
  const clause = [...more, ...where];
  const sql = `${select} ${clause.length ? `WHERE ${clause.join(' AND ')}` : ''} ${tail}`;
  return db.prepare(sql).all(...extra, ...values) as T[];
}

/// Annotations as the planner finds them, by the indexes on their label and annotator (the layers
/// compared for agreement, the quotes paged by speaker).
const COUNTED = 'FROM annotations a JOIN documents d ON d.seq = a.doc';
/// Spans listed, with their text and more: the documents first (a cross join keeps SQLite to that
/// order, `a.doc = d.seq` among the conditions), so that each document's annotations are read
/// together, in the table's order. Starting from an index on the annotations (of figures, of
/// linked spans) looked each one up in the table on its own, all over the file: at 10,000
/// articles that took the figures' query from 0.65 to 1.15 s of CPU and the entities' from 0.7
/// to 1.25 s.
const LISTED = 'FROM documents d CROSS JOIN annotations a';
const IN_DOCUMENT = 'a.doc = d.seq';

const DOCUMENT = 'd.id AS documentId, d.title AS title, d.outlet AS outlet, d.published_at AS publishedAt';
const SPAN = 'a.id AS annotationId, a.annotator AS annotator, a.cp_start AS start, a.cp_end AS end, a.start AS utf16Start, a.end AS utf16End, a.quote AS text';
/// Dated documents first, by date, then by outlet; a document's spans in text order.
const IN_ORDER = 'ORDER BY d.published_at IS NULL, d.published_at, d.outlet IS NULL, d.outlet COLLATE NOCASE, d.seq, a.start, a.end';
/// The same, a span with two links of one type (only a hand-made file has them) listed with the
/// link of the smallest id first, which is the one kept.
const LINKED_ORDER = `${IN_ORDER}, a.id, r.id`;

/// Every figure with a quantity that the filter selects, in listing order, with no more than
/// what groups and compares them: what a page of one group is chosen from.
export function figureKeyRows(db: Database.Database, filter: CompareFilter): FigureKeyRow[] {
  return rows<FigureKeyRow>(
    db,
    filter,
    `SELECT d.seq AS doc, d.id AS documentId, a.id AS annotationId, d.outlet AS outlet, a.measure AS measure, a.quantity AS quantity ${LISTED}`,
    [IN_DOCUMENT, 'a.quantity IS NOT NULL'],
    `${IN_ORDER}, a.id`,
  );
}

/// The figures of one measure (by its key; null: the figures given none), in listing order, as
/// `figureKeyRows` gives them: read by the index of measures, not with every other figure.
export function measureFigureKeyRows(db: Database.Database, key: string | null): FigureKeyRow[] {
  return db
    .prepare(
      `SELECT d.seq AS doc, d.id AS documentId, a.id AS annotationId, d.outlet AS outlet, a.measure AS measure, a.quantity AS quantity
       FROM annotations a INDEXED BY annotations_by_measure_key JOIN documents d ON d.seq = a.doc
       WHERE a.quantity IS NOT NULL AND a.measure_key IS ? ${IN_ORDER}, a.id`,
    )
    .all(key) as FigureKeyRow[];
}

const FIGURE_COLUMNS = `${DOCUMENT}, ${SPAN}, d.seq AS doc, a.measure AS measure, a.quantity AS quantity, a.context_before AS before, a.context_after AS after,
       s.id AS sourceId, s.quote AS sourceText, s.entity AS sourceEntity`;
const SOURCE = `LEFT JOIN relations r ON r.type = 'source' AND r.doc = a.doc AND r.from_id = a.id
     LEFT JOIN annotations s ON s.doc = r.doc AND s.id = r.to_id`;

/// Every figure with a quantity that the filter selects, with its source.
export function figureRows(db: Database.Database, filter: CompareFilter): FigureRow[] {
  return rows<FigureRow>(db, filter, `SELECT ${FIGURE_COLUMNS} ${LISTED} ${SOURCE}`, [IN_DOCUMENT, 'a.quantity IS NOT NULL'], LINKED_ORDER);
}

/// The figures `keys` names, with their sources (a page of a group): each looked up by its key,
/// which is quicker for a page than reading every figure again.
export function figureRowsOf(db: Database.Database, keys: readonly Pick<FigureKeyRow, 'doc' | 'annotationId'>[]): FigureRow[] {
  const one = db.prepare(`SELECT ${FIGURE_COLUMNS} FROM annotations a JOIN documents d ON d.seq = a.doc ${SOURCE} WHERE a.doc = ? AND a.id = ? ORDER BY r.id LIMIT 1`);
  return keys.flatMap((k) => (one.all(k.doc, k.annotationId) as FigureRow[]));
}

/// A quote's speaker: the link (the smallest id first) and the span it points to.
const SPEAKER = `LEFT JOIN relations r ON r.type = 'speaker' AND r.doc = a.doc AND r.from_id = a.id
     LEFT JOIN annotations s ON s.doc = r.doc AND s.id = r.to_id`;
const QUOTE_COLUMNS = `${DOCUMENT}, ${SPAN}, s.id AS speakerId, s.quote AS speakerText, s.entity AS speakerEntity`;

/// Every span of `label` (quotes) that the filter selects, with its speaker.
export function quoteRows(db: Database.Database, filter: CompareFilter, label: string): QuoteRow[] {
  return rows<QuoteRow>(db, filter, `SELECT ${QUOTE_COLUMNS} ${LISTED} ${SPEAKER}`, [IN_DOCUMENT, 'a.label = ?'], LINKED_ORDER, [label]);
}

/// A quote's key and the speaker it is linked to (`link`: the link's id); a quote with two links
/// has two rows.
export interface QuoteSpeakerRow {
  doc: number;
  annotationId: string;
  link: string | null;
  speakerText: string | null;
  speakerEntity: string | null;
}

/// Every span of `label` that the filter selects, with no more than tells its speaker: what
/// the quotes are paged by speaker from (in no order).
export function quoteSpeakerRows(db: Database.Database, filter: CompareFilter, label: string): QuoteSpeakerRow[] {
  return rows<QuoteSpeakerRow>(
    db,
    filter,
    `SELECT a.doc AS doc, a.id AS annotationId, q.link AS link, q.speaker_text AS speakerText, q.speaker_entity AS speakerEntity ${COUNTED}
     LEFT JOIN quote_speakers q ON q.doc = a.doc AND q.quote_id = a.id`,
    ['a.label = ?'],
    '',
    [label],
  );
}

/// The quotes `keys` names, with their speakers, in listing order as `quoteRows` gives them.
export function quoteRowsOf(db: Database.Database, keys: readonly Pick<QuoteSpeakerRow, 'doc' | 'annotationId'>[]): QuoteRow[] {
  // The keys in a table of this connection's own, so that SQLite orders the rows as it does all.
  db.exec('CREATE TEMP TABLE IF NOT EXISTS chosen_quotes (doc INTEGER NOT NULL, id TEXT NOT NULL)');
  db.exec('DELETE FROM temp.chosen_quotes');
  const put = db.prepare('INSERT INTO temp.chosen_quotes (doc, id) VALUES (?, ?)');
  db.transaction(() => {
    for (const k of keys) put.run(k.doc, k.annotationId);
  })();
  return db
    .prepare(`SELECT ${QUOTE_COLUMNS} FROM temp.chosen_quotes k JOIN annotations a ON a.doc = k.doc AND a.id = k.id JOIN documents d ON d.seq = a.doc ${SPEAKER} ${LINKED_ORDER}`)
    .all() as QuoteRow[];
}

/// An entity's rows in order: by document (in listing order), a document's forms most used first.
const ENTITY_ORDER = 'd.published_at IS NULL, d.published_at, d.seq, mentions DESC, a.quote';

/// The filter's mentions of entities, counted by entity, document and form.
export function entityFormRows(db: Database.Database, filter: CompareFilter): EntityFormRow[] {
  return rows<EntityFormRow>(
    db,
    filter,
    `SELECT a.entity AS entityId, d.id AS documentId, d.outlet AS outlet, a.quote AS form, count(*) AS mentions, min(a.start) AS firstStart
     ${LISTED}`,
    [IN_DOCUMENT, 'a.entity IS NOT NULL'],
    `GROUP BY a.entity, d.seq, a.quote ORDER BY a.entity, ${ENTITY_ORDER}`,
  );
}

/// One entity's mentions, counted by document and form, as `entityFormRows` lists them: read by
/// the index of entity links.
export function entityFormRowsOf(db: Database.Database, entity: string): EntityFormRow[] {
  return db
    .prepare(
      `SELECT a.entity AS entityId, d.id AS documentId, d.outlet AS outlet, a.quote AS form, count(*) AS mentions, min(a.start) AS firstStart
       FROM annotations a INDEXED BY annotations_by_entity JOIN documents d ON d.seq = a.doc
       WHERE a.entity = ? GROUP BY d.seq, a.quote ORDER BY ${ENTITY_ORDER}`,
    )
    .all(entity) as EntityFormRow[];
}

/// Annotations counted per document, annotator and label (kept by the index as annotations are
/// indexed, see `compareSummaryQuery.ts`), named `a` as the annotations are, so that a filter
/// reads the same.
const TALLIED = 'FROM label_tallies a JOIN documents d ON d.seq = a.doc';
/// An outlet's rows, case aside (in the spelling that sorts first).
const BY_OUTLET = 'GROUP BY d.outlet COLLATE NOCASE';

/// The filter's annotations counted by outlet and label.
export function outletLabelRows(db: Database.Database, filter: CompareFilter): OutletLabelRow[] {
  return rows(db, filter, `SELECT min(d.outlet) AS outlet, a.label AS label, sum(a.n) AS count ${TALLIED}`, [], `${BY_OUTLET}, a.label`);
}

/// How many documents of each outlet hold annotations the filter selects.
export function outletDocumentCounts(db: Database.Database, filter: CompareFilter): { outlet: string | null; documents: number }[] {
  return rows(db, filter, `SELECT min(d.outlet) AS outlet, count(DISTINCT a.doc) AS documents ${TALLIED}`, [], BY_OUTLET);
}

/// How many documents hold annotations the filter selects.
export function documentTotal(db: Database.Database, filter: CompareFilter): number {
  return rows<{ n: number }>(db, filter, `SELECT count(DISTINCT a.doc) AS n ${TALLIED}`, [], '')[0].n;
}

/// The label counts of the `limit` documents with the most annotations the filter selects (ties:
/// the first indexed), most first.
export function topDocumentLabelRows(db: Database.Database, filter: CompareFilter, limit: number): DocumentLabelRow[] {
  const top = rows<{ doc: number }>(db, filter, `SELECT a.doc AS doc, sum(a.n) AS total ${TALLIED}`, [], `GROUP BY a.doc ORDER BY total DESC, a.doc LIMIT ${Math.max(0, Math.floor(limit))}`);
  if (!top.length) return [];
  const order = new Map(top.map((t, i) => [t.doc, i]));
  const found = rows<DocumentLabelRow & { doc: number }>(
    db,
    filter,
    `SELECT a.doc AS doc, d.id AS documentId, d.title AS title, d.outlet AS outlet, a.label AS label, sum(a.n) AS count ${TALLIED}`,
    [`a.doc IN (${top.map((t) => t.doc).join(', ')})`],
    'GROUP BY a.doc, a.label',
  );
  return found.sort((x, y) => order.get(x.doc)! - order.get(y.doc)! || x.label.localeCompare(y.label)).map(({ doc: _doc, ...r }) => r);
}

/// Annotations per annotator among those the filter selects, most first.
export function annotatorCounts(db: Database.Database, filter: CompareFilter): { annotator: string; count: number }[] {
  return rows(db, filter, `SELECT a.annotator AS annotator, sum(a.n) AS count ${TALLIED}`, [], 'GROUP BY a.annotator ORDER BY count DESC, a.annotator');
}

/// The spans of annotators `a` and `b` in the documents of the filter that both annotated, by
/// document.
export function layerSpanRows(db: Database.Database, filter: CompareFilter, a: string, b: string): LayerSpanRow[] {
  return rows<LayerSpanRow>(
    db,
    filter,
    `SELECT a.doc AS doc, a.annotator AS annotator, a.label AS label, a.start AS start, a.end AS end ${COUNTED}`,
    [
      'a.annotator IN (?, ?)',
      'EXISTS (SELECT 1 FROM annotations x WHERE x.doc = a.doc AND x.annotator = ?)',
      'EXISTS (SELECT 1 FROM annotations y WHERE y.doc = a.doc AND y.annotator = ?)',
    ],
    'ORDER BY a.doc, a.start, a.end',
    [a, b, a, b],
  );
}

/// Every measure figures are given, with how many are given it, most used first (from the
/// index of figures' measures).
export function measureCounts(db: Database.Database): { measure: string; figures: number }[] {
  return db.prepare('SELECT measure, count(*) AS figures FROM annotations WHERE quantity IS NOT NULL AND measure IS NOT NULL GROUP BY measure ORDER BY figures DESC, measure').all() as {
    measure: string;
    figures: number;
  }[];
}
