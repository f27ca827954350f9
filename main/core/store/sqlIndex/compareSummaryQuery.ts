/// Compare's summaries in the index (DESIGN §11): what a tab shows of the whole corpus before any
/// filter, kept so that it is not worked out again from every annotation each time Compare opens.
///
/// - `label_tallies`: annotations per document, annotator and label, counted by triggers as
///   annotations are indexed and removed (the charts sum them, under any filter).
/// - `quote_speakers`: each speaker link with its speaker's entity and text, kept by triggers as
///   links and annotations come and go, so that the quotes are told by speaker without looking
///   each speaker up among all the annotations.
/// - `measure_summaries`, `entity_summaries`: a measure's group in short (figures, outlets,
///   conflicting pairs) and an entity's row per outlet. Which conflicts a figure makes takes the
///   rest of its measure's figures to tell, so these are not counted by triggers: the triggers
///   mark the measures and entities whose annotations (or whose documents' outlets and dates)
///   changed as stale, and Compare works out those again from their own rows before reading
///   (`compareSummaries.ts`), a few at a time as the analyst edits.
import type Database from 'better-sqlite3';

/// The summaries' tables.
const SUMMARY_TABLES = `
CREATE TABLE label_tallies (
  doc INTEGER NOT NULL,
  annotator TEXT NOT NULL,
  label TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (doc, annotator, label)
) WITHOUT ROWID;
CREATE TABLE compare_stale (kind TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID;
CREATE TABLE measure_summaries (
  key TEXT NOT NULL PRIMARY KEY,
  measure TEXT,
  figures INTEGER NOT NULL,
  outlets INTEGER NOT NULL,
  conflicts INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE entity_summaries (
  entity TEXT NOT NULL,
  outlet_key TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  row TEXT NOT NULL,
  PRIMARY KEY (entity, outlet_key)
) WITHOUT ROWID;
CREATE TABLE quote_speakers (
  doc INTEGER NOT NULL,
  quote_id TEXT NOT NULL,
  link TEXT NOT NULL,
  speaker_id TEXT NOT NULL,
  speaker_entity TEXT,
  speaker_text TEXT,
  PRIMARY KEY (doc, quote_id, link)
) WITHOUT ROWID;
CREATE INDEX quote_speakers_by_speaker ON quote_speakers (doc, speaker_id);
`;

/// The triggers that keep the summaries as rows come and go.
const SUMMARY_TRIGGERS = `
CREATE TRIGGER speaker_linked AFTER INSERT ON relations WHEN new.type = 'speaker' BEGIN
  INSERT OR REPLACE INTO quote_speakers (doc, quote_id, link, speaker_id, speaker_entity, speaker_text) VALUES (
    new.doc, new.from_id, new.id, new.to_id,
    (SELECT entity FROM annotations WHERE doc = new.doc AND id = new.to_id),
    (SELECT quote FROM annotations WHERE doc = new.doc AND id = new.to_id));
END;
CREATE TRIGGER speaker_unlinked AFTER DELETE ON relations WHEN old.type = 'speaker' BEGIN
  DELETE FROM quote_speakers WHERE doc = old.doc AND quote_id = old.from_id AND link = old.id;
END;
CREATE TRIGGER annotation_indexed AFTER INSERT ON annotations BEGIN
  UPDATE quote_speakers SET speaker_entity = new.entity, speaker_text = new.quote WHERE doc = new.doc AND speaker_id = new.id;
  INSERT INTO label_tallies (doc, annotator, label, n) VALUES (new.doc, new.annotator, new.label, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT OR IGNORE INTO compare_stale (kind, key) SELECT 'measure', coalesce(new.measure_key, '') WHERE new.quantity IS NOT NULL;
  INSERT OR IGNORE INTO compare_stale (kind, key) SELECT 'entity', new.entity WHERE new.entity IS NOT NULL;
END;
CREATE TRIGGER annotation_unindexed AFTER DELETE ON annotations BEGIN
  UPDATE quote_speakers SET speaker_entity = NULL, speaker_text = NULL WHERE doc = old.doc AND speaker_id = old.id;
  UPDATE label_tallies SET n = n - 1 WHERE doc = old.doc AND annotator = old.annotator AND label = old.label;
  DELETE FROM label_tallies WHERE doc = old.doc AND annotator = old.annotator AND label = old.label AND n <= 0;
  INSERT OR IGNORE INTO compare_stale (kind, key) SELECT 'measure', coalesce(old.measure_key, '') WHERE old.quantity IS NOT NULL;
  INSERT OR IGNORE INTO compare_stale (kind, key) SELECT 'entity', old.entity WHERE old.entity IS NOT NULL;
END;
CREATE TRIGGER document_moved AFTER UPDATE OF outlet, published_at ON documents
WHEN old.outlet IS NOT new.outlet OR old.published_at IS NOT new.published_at BEGIN
  INSERT OR IGNORE INTO compare_stale (kind, key)
    SELECT DISTINCT 'measure', coalesce(measure_key, '') FROM annotations WHERE doc = new.seq AND quantity IS NOT NULL;
  INSERT OR IGNORE INTO compare_stale (kind, key) SELECT DISTINCT 'entity', entity FROM annotations WHERE doc = new.seq AND entity IS NOT NULL;
END;
`;

/// The summaries' tables and the triggers that keep them.
export const COMPARE_SUMMARIES_SCHEMA = SUMMARY_TABLES + SUMMARY_TRIGGERS;

/// Drops the triggers that keep the summaries: a build of an empty index fills them once at its end
/// (`fillSummaries`), which over 10,000 articles saves a fifth of the build.
export function dropSummaryTriggers(db: Database.Database): void {
  for (const name of SUMMARY_TRIGGERS.matchAll(/CREATE TRIGGER (\w+)/g)) db.exec(`DROP TRIGGER IF EXISTS ${name[1]}`);
}

/// Fills the summaries of an index just built from its rows, marks every measure and entity for
/// Compare to work out, and puts the triggers back.
export function fillSummaries(db: Database.Database): void {
  db.exec(`
    DELETE FROM label_tallies;
    INSERT INTO label_tallies (doc, annotator, label, n) SELECT doc, annotator, label, count(*) FROM annotations GROUP BY doc, annotator, label;
    DELETE FROM quote_speakers;
    INSERT INTO quote_speakers (doc, quote_id, link, speaker_id, speaker_entity, speaker_text)
      SELECT r.doc, r.from_id, r.id, r.to_id, s.entity, s.quote FROM relations r LEFT JOIN annotations s ON s.doc = r.doc AND s.id = r.to_id WHERE r.type = 'speaker';
    INSERT OR IGNORE INTO compare_stale (kind, key) SELECT DISTINCT 'measure', coalesce(measure_key, '') FROM annotations WHERE quantity IS NOT NULL;
    INSERT OR IGNORE INTO compare_stale (kind, key) SELECT DISTINCT 'entity', entity FROM annotations WHERE entity IS NOT NULL;
    ${SUMMARY_TRIGGERS}
  `);
}

/// What a summary is kept of: a measure's figures, or an entity's mentions.
export type SummaryKind = 'measure' | 'entity';

/// The key of the figures without a measure in `measure_summaries` and `compare_stale`.
export const NO_MEASURE_KEY = '';

/// A measure's group in short, as kept.
export interface MeasureSummaryRow {
  key: string;
  measure: string | null;
  figures: number;
  outlets: number;
  conflicts: number;
}

/// The keys of `kind` whose summaries are stale.
export function staleKeys(db: Database.Database, kind: SummaryKind): string[] {
  return db.prepare('SELECT key FROM compare_stale WHERE kind = ?').pluck().all(kind) as string[];
}

/// Marks the summaries of `keys` fresh.
export function markFresh(db: Database.Database, kind: SummaryKind, keys: readonly string[]): void {
  const done = db.prepare('DELETE FROM compare_stale WHERE kind = ? AND key = ?');
  for (const key of keys) done.run(kind, key);
}

/// Forgets every summary of `kind`, to be written afresh.
export function clearSummaries(db: Database.Database, kind: SummaryKind): void {
  db.prepare(kind === 'measure' ? 'DELETE FROM measure_summaries' : 'DELETE FROM entity_summaries').run();
}

/// Keeps a measure's summary (none: the measure has no figures left).
export function putMeasureSummary(db: Database.Database, key: string, summary: Omit<MeasureSummaryRow, 'key'> | null): void {
  db.prepare('DELETE FROM measure_summaries WHERE key = ?').run(key);
  if (summary) db.prepare('INSERT INTO measure_summaries (key, measure, figures, outlets, conflicts) VALUES (?, ?, ?, ?, ?)').run(key, summary.measure, summary.figures, summary.outlets, summary.conflicts);
}

/// Every measure's summary.
export function measureSummaries(db: Database.Database): MeasureSummaryRow[] {
  return db.prepare('SELECT key, measure, figures, outlets, conflicts FROM measure_summaries').all() as MeasureSummaryRow[];
}

/// Keeps an entity's rows, one per outlet (`row` as JSON), in place of those it had.
export function putEntitySummary(db: Database.Database, entity: string, outlets: readonly { outletKey: string; mentions: number; row: unknown }[]): void {
  db.prepare('DELETE FROM entity_summaries WHERE entity = ?').run(entity);
  const put = db.prepare('INSERT INTO entity_summaries (entity, outlet_key, mentions, row) VALUES (?, ?, ?, ?)');
  for (const o of outlets) put.run(entity, o.outletKey, o.mentions, JSON.stringify(o.row));
}

/// Every entity's rows per outlet: the entity and the row as kept (JSON).
export function entitySummaries(db: Database.Database): { entity: string; row: string }[] {
  return db.prepare('SELECT entity, row FROM entity_summaries').all() as { entity: string; row: string }[];
}
