// What the crash test checks of the SQL index after each kill: that the reopened workspace's index
// agrees with the document files, which are the source of truth (its ids, the library's rows and
// counts, and search finding every document's text), and, at a kill point, that the index really
// was behind the file before the reopen.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DocumentFileSchema, type DocumentFile } from '../../main/core/model';
import { searchDocuments } from '../../main/core/search';
import { DamagedFileError, readJsonFile } from '../../main/core/store/durableJsonFile';
import { INDEX_FILE } from '../../main/core/store/sqlIndex/indexDatabase';
import { MAX_PAGE_ROWS, type LibraryRow, type ListedDocument } from '../../main/core/store/sqlIndex/libraryQuery';
import { statusOf } from '../../main/core/documentStatus';
import { stampOf } from '../../main/core/store/sqlIndex/workspaceIndex';
import type { Workspace } from '../../main/core/store/workspace';
import { DOCUMENT_FILE_NAME, documentFileName, summarise } from '../../main/core/store/workspaceFiles';

/// Words the phrase searched for each document is made of (from its first word on).
const PHRASE_WORDS = 6;
const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;

/// Every document file in the workspace, read from disk (not through the index), by id, and what
/// is wrong with those that cannot be read.
export async function documentFilesOnDisk(dir: string): Promise<{ files: Map<string, DocumentFile>; damaged: string[] }> {
  const files = new Map<string, DocumentFile>();
  const damaged: string[] = [];
  const names = (await readdir(join(dir, 'documents'))).filter((name) => DOCUMENT_FILE_NAME.test(name)).sort();
  for (const name of names) {
    try {
      const file = await readJsonFile(join(dir, 'documents', name), DocumentFileSchema, 'document');
      if (file) files.set(file.document.id, file);
    } catch (error) {
      if (!(error instanceof DamagedFileError)) throw error;
      damaged.push(`documents/${name}: ${error.problems.join('; ')}`);
    }
  }
  return { files, damaged };
}

/// The text from a document's first word to the end of its PHRASE_WORDS-th word, and where it starts.
export function openingPhrase(text: string): { phrase: string; start: number } | null {
  const words = [...text.matchAll(WORD)].slice(0, PHRASE_WORDS);
  if (!words.length) return null;
  const last = words[words.length - 1];
  const start = words[0].index;
  return { phrase: text.slice(start, last.index + last[0].length), start };
}

/// How the index of an open workspace (its check on opening done) differs from the document files.
export async function indexDisagreements(workspace: Workspace, files: Map<string, DocumentFile>): Promise<string[]> {
  const problems: string[] = [];
  const indexed = new Set(workspace.documentIds());
  for (const id of files.keys()) if (!indexed.has(id)) problems.push(`the index lacks document ${id}, whose file is there`);
  for (const id of indexed) if (!files.has(id)) problems.push(`the index lists document ${id}, whose file is gone`);

  const rows: LibraryRow[] = [];
  for (let offset = 0; ; offset += MAX_PAGE_ROWS) {
    const page = await workspace.libraryPage({ offset, limit: MAX_PAGE_ROWS });
    if (page.all !== files.size || page.total !== files.size) problems.push(`the library counts ${page.all} documents (${page.total} listed), the files ${files.size}`);
    rows.push(...page.documents);
    if (page.documents.length < MAX_PAGE_ROWS) break;
  }
  for (const row of rows) {
    const file = files.get(row.id);
    if (!file) continue;
    const { importedAt: _importedAt, ...want } = summarise(file);
    if (JSON.stringify(sortedCounts(row)) !== JSON.stringify(sortedCounts(want))) {
      problems.push(`the library shows ${row.id} as ${JSON.stringify(row)}, its file says ${JSON.stringify(want)}`);
    }
    const status = statusOf(file, workspace.currentAnnotator);
    if (row.status !== status) problems.push(`the library shows ${row.id} as ${row.status} for ${workspace.currentAnnotator}, its file says ${status}`);
  }

  for (const [id, file] of files) {
    const opening = openingPhrase(file.document.text);
    if (!opening) continue;
    const results = await searchDocuments(workspace, opening.phrase, files.size + 1);
    const found = results.find((r) => r.id === id);
    if (found?.hits[0]?.start !== opening.start) problems.push(`search for "${opening.phrase}" does not find document ${id} at ${opening.start}`);
  }
  return problems;
}

/// A listed document with its counts in label order, so that two can be compared as JSON.
function sortedCounts(listed: ListedDocument): ListedDocument {
  const counts = Object.fromEntries(Object.entries(listed.counts).sort(([a], [b]) => a.localeCompare(b)));
  return { id: listed.id, title: listed.title, sourceName: listed.sourceName, characters: listed.characters, counts, meta: listed.meta };
}

/// Whether the index on disk is behind a document's file: it lacks the document, or holds another
/// stamp for it. Read before the workspace is reopened (which would bring it up to date).
export async function indexBehindFile(dir: string, id: string): Promise<boolean> {
  const file = await stat(join(dir, 'documents', documentFileName(id)));
  // Read-only, so that closing it checkpoints nothing: the reopen finds the files as the kill left them.
  const db = new Database(join(dir, INDEX_FILE), { readonly: true });
  try {
    const indexed = db.prepare('SELECT stamp FROM documents WHERE id = ?').pluck().get(id) as string | undefined;
    return indexed !== stampOf(file);
  } finally {
    db.close();
  }
}
