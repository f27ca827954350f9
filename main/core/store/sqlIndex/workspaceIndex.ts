/// Every question asked across documents, and every change that keeps the answers true, as SQL
/// over the index (`indexDatabase.ts` has the tables). The SQL here is the contract a team server
/// on PostgreSQL would answer too: plain tables, no SQLite-only construct but the full-text
/// table (`text_search`, FTS5), which such a server would replace with its own text search.
import type Database from 'better-sqlite3';
import type { Annotation, DocumentFile, DocumentSummary, Relation } from '../../model.js';
import { OffsetConverter } from '../../offsets.js';
import { figureMeasureKey } from '../../quantities/suggestMeasure.js';
import { contextAround } from '../../text/sentenceAround.js';
import { indexedWords } from '../../text/searchWords.js';
import { documentFileName, summarise } from '../workspaceFiles.js';
import { withFileDigest } from '../workspaceScan.js';
import type { LibraryPage, LibraryQuery, LibraryRow } from './libraryQuery.js';
import { filterKey, libraryPage, libraryRows, summaryOf, type DocumentRow } from './libraryPageQuery.js';
import { putStatuses, removeStatuses, sameStatuses } from './statusQuery.js';

/// What the index keeps to tell whether a document file changed since it was indexed: inode,
/// size and modification time (every durable write makes a new inode).
export type FileStamp = string;

/// The stamp of a file's `fs.Stats`.
export function stampOf(stats: { ino: number; size: number; mtimeMs: number }): FileStamp {
  return `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
}

/// The columns a document's title and metadata fill (`filterKey` and the sortable ones).
function metaColumns(summary: DocumentSummary): { filterKey: string; outlet: string | null; publishedAt: string | null; meta: string } {
  return {
    filterKey: filterKey(summary.title, summary.sourceName, summary.meta.outlet),
    outlet: summary.meta.outlet ?? null,
    publishedAt: summary.meta.publishedAt ?? null,
    meta: JSON.stringify(summary.meta),
  };
}

/// Whether the index holds the same for `a` as for `b` (the columns `insertAnnotation` fills).
function sameAnnotation(a: Annotation, b: Annotation): boolean {
  return (
    a.label === b.label &&
    a.annotator === b.annotator &&
    a.start === b.start &&
    a.end === b.end &&
    a.quote === b.quote &&
    a.entityId === b.entityId &&
    a.attributes?.measure === b.attributes?.measure &&
    JSON.stringify(a.quantity) === JSON.stringify(b.quantity)
  );
}

/// A candidate document of a phrase search: its text, to confirm and place the hits in.
export interface SearchCandidate {
  id: string;
  title: string;
  text: string;
}

/// The index of one workspace.
export class WorkspaceIndex {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly db: Database.Database) {}

  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /// Runs `work` in one transaction.
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  // ---- Reads ----

  /// How many documents there are.
  documentCount(): number {
    return this.sql('SELECT count(*) FROM documents').pluck().get() as number;
  }

  /// Whether a document is indexed.
  hasDocument(id: string): boolean {
    return this.sql('SELECT 1 FROM documents WHERE id = ?').get(id) !== undefined;
  }

  /// Every document's id, in import order.
  documentIds(): string[] {
    return this.sql('SELECT id FROM documents ORDER BY imported_at, seq').pluck().all() as string[];
  }

  /// Every document's summary, in import order.
  listDocuments(): DocumentSummary[] {
    return (this.sql('SELECT * FROM documents ORDER BY imported_at, seq').all() as DocumentRow[]).map(summaryOf);
  }

  /// One document's summary, or null.
  documentSummary(id: string): DocumentSummary | null {
    const row = this.sql('SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow | undefined;
    return row ? summaryOf(row) : null;
  }

  /// One page of the library, each row with `annotator`'s status and how many annotations are theirs.
  libraryPage(query: LibraryQuery, annotator: string): LibraryPage {
    return libraryPage((text) => this.sql(text), query, annotator, this.documentCount());
  }

  /// The library rows of those of `ids` in the workspace, in that order, for `annotator`.
  libraryRows(ids: readonly string[], annotator: string): LibraryRow[] {
    return libraryRows((text) => this.sql(text), ids, annotator);
  }

  /// The documents imported from a file named `sourceName`, in import order.
  documentIdsNamed(sourceName: string): string[] {
    return this.sql('SELECT id FROM documents WHERE source_name = ? ORDER BY imported_at, seq').pluck().all(sourceName) as string[];
  }

  /// Every outlet named by a document, with how many documents name it, by name.
  outlets(): { outlet: string; documents: number }[] {
    return this.sql('SELECT outlet, count(*) AS documents FROM documents WHERE outlet IS NOT NULL GROUP BY outlet COLLATE NOCASE ORDER BY outlet COLLATE NOCASE').all() as {
      outlet: string;
      documents: number;
    }[];
  }

  /// Annotations per annotator, over every document (summed from the counts per document kept by
  /// triggers, a fifth as many rows as the annotations at 100,000 articles).
  annotationsByAnnotator(): Map<string, number> {
    const rows = this.sql('SELECT annotator, sum(n) AS n FROM label_tallies GROUP BY annotator').all() as { annotator: string; n: number }[];
    return new Map(rows.map((r) => [r.annotator, r.n]));
  }

  /// Annotations per label, over every document (from the counts per document).
  labelCounts(): Record<string, number> {
    const rows = this.sql('SELECT label, sum(n) AS n FROM label_tallies GROUP BY label').raw().all() as [string, number][];
    return Object.fromEntries(rows);
  }

  /// The annotations linked to each of `entityIds`, by document.
  entityMentions(entityIds: string[]): { docId: string; annotationId: string; entityId: string }[] {
    const query = this.sql('SELECT d.id AS docId, a.id AS annotationId, a.entity AS entityId FROM annotations a JOIN documents d ON d.seq = a.doc WHERE a.entity = ?');
    return entityIds.flatMap((id) => query.all(id) as { docId: string; annotationId: string; entityId: string }[]);
  }

  /// How many annotations are linked to each entity in each document.
  entityCounts(): { entityId: string; docId: string; mentions: number }[] {
    return this.sql(
      'SELECT a.entity AS entityId, d.id AS docId, count(*) AS mentions FROM annotations a JOIN documents d ON d.seq = a.doc WHERE a.entity IS NOT NULL GROUP BY a.entity, a.doc',
    ).all() as { entityId: string; docId: string; mentions: number }[];
  }

  /// Each distinct entity, document, annotator and label of the annotations linked to an entity
  /// (what an export scoped by document, annotator or label needs to list its entities).
  entityLinks(): { entityId: string; docId: string; annotator: string; label: string }[] {
    return this.sql(
      'SELECT DISTINCT a.entity AS entityId, d.id AS docId, a.annotator AS annotator, a.label AS label FROM annotations a JOIN documents d ON d.seq = a.doc WHERE a.entity IS NOT NULL',
    ).all() as { entityId: string; docId: string; annotator: string; label: string }[];
  }

  /// How many annotations use each of `labels`.
  labelUsage(labels: string[]): Record<string, number> {
    const usage: Record<string, number> = {};
    for (const label of labels) {
      const n = this.sql('SELECT count(*) FROM annotations WHERE label = ?').pluck().get(label) as number;
      if (n) usage[label] = n;
    }
    return usage;
  }

  /// Documents whose text holds the words `words` (see `phraseWords`) in a row (FTS5), best first,
  /// `limit` from `offset`. A superset of the documents holding the phrase itself: the caller
  /// confirms each against its text.
  searchCandidates(words: string[], offset: number, limit: number): SearchCandidate[] {
    const phrase = `"${words.join(' ')}"`;
    return this.sql(
      `SELECT d.id, d.title, t.text FROM text_search s JOIN documents d ON d.seq = s.rowid JOIN texts t ON t.doc = s.rowid
       WHERE text_search MATCH ? ORDER BY s.rank LIMIT ? OFFSET ?`,
    ).all(phrase, limit, offset) as SearchCandidate[];
  }

  /// The stamps of up to `limit` documents after row `afterSeq`, as `<file name>\t<stamp>` lines
  /// (what `scanWorkspace` compares with), and the last row read (null when none was left).
  /// Joined by SQLite: a few milliseconds for 10,000 documents, where as many rows in JavaScript
  /// took ten times that.
  stampLines(afterSeq: number, limit: number): { lines: string; last: number | null } {
    const row = this.sql(
      `SELECT max(seq) AS last, group_concat(substr(id, 8) || '.json' || char(9) || stamp, char(10)) AS lines
       FROM (SELECT seq, id, stamp FROM documents WHERE seq > ? ORDER BY seq LIMIT ?)`,
    ).get(afterSeq, limit) as { last: number | null; lines: string | null };
    return { lines: row.lines ?? '', last: row.last };
  }

  // ---- Writes ----

  /// Indexes a document file, replacing what was indexed for it.
  putDocument(file: DocumentFile, stamp: FileStamp): void {
    this.transaction(() => {
      const summary = summarise(file);
      this.restamp(file.document.id, this.sql('SELECT stamp FROM documents WHERE id = ?').pluck().get(file.document.id) as FileStamp | undefined, stamp);
      const seq = this.sql(
        `INSERT INTO documents (id, title, source_name, characters, imported_at, counts, annotations, filter_key, stamp, outlet, published_at, meta)
         VALUES (@id, @title, @sourceName, @characters, @importedAt, @counts, @annotations, @filterKey, @stamp, @outlet, @publishedAt, @meta)
         ON CONFLICT(id) DO UPDATE SET title = excluded.title, source_name = excluded.source_name, characters = excluded.characters,
           imported_at = excluded.imported_at, counts = excluded.counts, annotations = excluded.annotations,
           filter_key = excluded.filter_key, stamp = excluded.stamp, outlet = excluded.outlet, published_at = excluded.published_at,
           meta = excluded.meta
         RETURNING seq`,
      )
        .pluck()
        .get({
          ...summary,
          counts: JSON.stringify(summary.counts),
          annotations: file.annotations.length,
          ...metaColumns(summary),
          stamp,
        }) as number;
      this.sql('DELETE FROM annotations WHERE doc = ?').run(seq);
      const offsets = new OffsetConverter(file.document.text);
      for (const a of file.annotations) this.insertAnnotation(seq, a, offsets);
      this.putRelations(seq, file.relations);
      putStatuses((text) => this.sql(text), seq, file);
      // A document's text never changes: indexed once.
      if (this.sql('INSERT OR IGNORE INTO texts (doc, text) VALUES (?, ?)').run(seq, file.document.text).changes) {
        this.sql('INSERT INTO text_search (rowid, text) VALUES (?, ?)').run(seq, indexedWords(file.document.text));
      }
    });
  }

  /// Follows a save of a document already indexed: only the annotations that changed are written,
  /// so a save costs the change, not the document.
  updateDocument(before: DocumentFile, after: DocumentFile, stamp: FileStamp): void {
    // One transaction from the read of the row on: the stamp taken out of the files' digest is
    // the one the row holds when it changes, whatever another process wrote just before.
    this.transaction(() => {
      const row = this.sql('SELECT seq, stamp FROM documents WHERE id = ?').get(after.document.id) as { seq: number; stamp: FileStamp } | undefined;
      if (row === undefined) return this.putDocument(after, stamp);
      const { seq } = row;
      const summary = summarise(after);
      this.restamp(after.document.id, row.stamp, stamp);
      this.sql(
        'UPDATE documents SET counts = @counts, annotations = @annotations, stamp = @stamp, title = @title, filter_key = @filterKey, outlet = @outlet, published_at = @publishedAt, meta = @meta WHERE seq = @seq',
      ).run({ counts: JSON.stringify(summary.counts), annotations: after.annotations.length, stamp, title: summary.title, seq, ...metaColumns(summary) });
      const old = new Map(before.annotations.map((a) => [a.id, a]));
      const kept = new Set<string>();
      let offsets: OffsetConverter | undefined;
      for (const a of after.annotations) {
        kept.add(a.id);
        const was = old.get(a.id);
        if (was && sameAnnotation(was, a)) continue;
        if (was) this.sql('DELETE FROM annotations WHERE doc = ? AND id = ?').run(seq, a.id);
        this.insertAnnotation(seq, a, (offsets ??= new OffsetConverter(after.document.text)));
      }
      for (const id of old.keys()) if (!kept.has(id)) this.sql('DELETE FROM annotations WHERE doc = ? AND id = ?').run(seq, id);
      // A document has a few relations: written again whenever one differs.
      if (JSON.stringify(before.relations) !== JSON.stringify(after.relations)) this.putRelations(seq, after.relations);
      if (!sameStatuses(before, after)) putStatuses((text) => this.sql(text), seq, after);
    });
  }

  /// Forgets a document.
  removeDocument(id: string): void {
    this.transaction(() => {
      const row = this.sql('SELECT seq, stamp FROM documents WHERE id = ?').get(id) as { seq: number; stamp: FileStamp } | undefined;
      if (row === undefined) return;
      const { seq } = row;
      this.restamp(id, row.stamp, undefined);
      this.sql('DELETE FROM annotations WHERE doc = ?').run(seq);
      this.sql('DELETE FROM relations WHERE doc = ?').run(seq);
      removeStatuses((text) => this.sql(text), seq);
      this.sql('DELETE FROM text_search WHERE rowid = ?').run(seq);
      this.sql('DELETE FROM texts WHERE doc = ?').run(seq);
      this.sql('DELETE FROM documents WHERE seq = ?').run(seq);
    });
  }

  /// Closes the database, folding its write-ahead log back into the file.
  close(): void {
    if (!this.db.open) return;
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // Another process reading it keeps the log; it is folded in later.
    }
    this.db.close();
  }

  /// The digest of the document files as indexed (see `withFileDigest`): equal to a scan's
  /// `documentsDigest` when every file is as indexed.
  filesDigest(): string | null {
    return (this.sql("SELECT value FROM meta WHERE key = 'files_digest'").pluck().get() as string | undefined) ?? null;
  }

  /// Keeps the files' digest as document `id`'s stamp goes from `before` to `after` (undefined:
  /// not indexed, or no more). Run inside the transaction that changes the stamp.
  private restamp(id: string, before: FileStamp | undefined, after: FileStamp | undefined): void {
    const digest = this.filesDigest();
    if (digest === null || before === after) return;
    const path = `documents/${documentFileName(id)}`;
    let next = digest;
    if (before !== undefined) next = withFileDigest(next, path, before);
    if (after !== undefined) next = withFileDigest(next, path, after);
    this.sql("UPDATE meta SET value = ? WHERE key = 'files_digest'").run(next);
  }

  /// Indexes an annotation; a figure's sentence is kept with it, so that Compare shows it in
  /// context without reading the document.
  private insertAnnotation(seq: number, a: Annotation, offsets: OffsetConverter): void {
    const context = a.quantity ? contextAround(offsets.text, a.start, a.end) : null;
    this.sql(
      `INSERT INTO annotations (doc, id, label, annotator, start, end, quote, entity, cp_start, cp_end, measure, measure_key, quantity, context_before, context_after)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      seq,
      a.id,
      a.label,
      a.annotator,
      a.start,
      a.end,
      a.quote,
      a.entityId ?? null,
      offsets.toCodePoint(a.start),
      offsets.toCodePoint(a.end),
      a.attributes?.measure ?? null,
      figureMeasureKey(a.attributes?.measure),
      a.quantity ? JSON.stringify(a.quantity) : null,
      context?.before ?? null,
      context?.after ?? null,
    );
  }

  private putRelations(seq: number, relations: readonly Relation[]): void {
    this.sql('DELETE FROM relations WHERE doc = ?').run(seq);
    // Two relations of one id (a hand-made file) keep the last, its namesake deleted as such so that
    // the triggers see it go (a REPLACE removes it without telling them).
    for (const r of relations) {
      this.sql('DELETE FROM relations WHERE doc = ? AND id = ?').run(seq, r.id);
      this.sql('INSERT INTO relations (doc, id, type, from_id, to_id) VALUES (?, ?, ?, ?, ?)').run(seq, r.id, r.type, r.from, r.to);
    }
  }
}
