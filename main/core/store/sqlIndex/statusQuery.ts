/// Each annotator's status of each document in the index (DESIGN §4, scale), so that the library
/// filters by "my status" over 100,000 articles without reading a document file. Only statuses
/// other than "to do" are stored, as in the files: a document without a row is to do.
import type Database from 'better-sqlite3';
import type { DocumentFile, DocumentStatus } from '../../model.js';

/// The table, part of the index's schema (`indexDatabase.ts`). Keyed by annotator first: the
/// library asks for one annotator's statuses, one document at a time or all of one status.
export const STATUS_SCHEMA = `
CREATE TABLE document_statuses (
  annotator TEXT NOT NULL,
  doc INTEGER NOT NULL,
  status TEXT NOT NULL,
  PRIMARY KEY (annotator, doc)
) WITHOUT ROWID;
CREATE INDEX document_statuses_by_status ON document_statuses (annotator, status, doc);
CREATE INDEX document_statuses_by_doc ON document_statuses (doc);
`;

/// Prepares (or finds prepared) a statement of the index.
export type Statements = (text: string) => Database.Statement;

/// Whether two files hold the same statuses (what the index keeps of them).
export function sameStatuses(a: DocumentFile, b: DocumentFile): boolean {
  const key = (file: DocumentFile) => JSON.stringify((file.statuses ?? []).map((m) => [m.annotator, m.status]));
  return key(a) === key(b);
}

/// Replaces document `seq`'s statuses with those of `file`. Run inside the caller's transaction.
export function putStatuses(sql: Statements, seq: number, file: DocumentFile): void {
  sql('DELETE FROM document_statuses WHERE doc = ?').run(seq);
  const insert = sql('INSERT INTO document_statuses (annotator, doc, status) VALUES (?, ?, ?)');
  for (const mark of file.statuses ?? []) if (mark.status !== 'todo') insert.run(mark.annotator, seq, mark.status);
}

/// Forgets document `seq`'s statuses.
export function removeStatuses(sql: Statements, seq: number): void {
  sql('DELETE FROM document_statuses WHERE doc = ?').run(seq);
}

/// The SQL condition on `documents` (as `d`) for documents whose status for `@annotator` is
/// `status`: a row of that status, or for "to do" no row at all.
export function statusCondition(status: DocumentStatus): string {
  return status === 'todo'
    ? 'NOT EXISTS (SELECT 1 FROM document_statuses s WHERE s.annotator = @annotator AND s.doc = d.seq)'
    : 'd.seq IN (SELECT s.doc FROM document_statuses s WHERE s.annotator = @annotator AND s.status = @status)';
}
