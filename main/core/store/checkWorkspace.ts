/// A read-only audit of a whole workspace, for `awb check`: every file parses and validates, the
/// index agrees with the document files, ids match texts, and every span matches its text.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { DocumentFileSchema, WorkspaceFileSchema } from '../model.js';
import { surrogateSplitProblem } from '../offsets.js';
import { documentIdOf } from '../text/readArticle.js';
import { DamagedFileError, readJsonFile } from './durableJsonFile.js';
import { NewerSchemaError, type FileKind } from './migrations.js';
import { DOCUMENT_FILE_NAME, documentFileName, summarise } from './workspaceFiles.js';

/// What `checkWorkspace` found.
export interface WorkspaceCheck {
  documents: number;
  annotations: number;
  /// Each a reason for the check to fail.
  problems: string[];
  /// How many of the problems are damaged files, which opening the workspace for writing (the
  /// app, `awb repair`) moves aside and restores from the newest backup.
  damaged: number;
  /// Things worth knowing that are not problems (an index lagging behind its files by design).
  notes: string[];
}

/// A file read with the schema of its kind: an older version migrated in memory, a newer one
/// reported as such rather than as damage. A problem is added for anything unreadable.
async function readChecked<T>(path: string, schema: z.ZodType<T>, kind: FileKind, label: string, result: WorkspaceCheck): Promise<T | null | undefined> {
  try {
    return await readJsonFile(path, schema, kind);
  } catch (error) {
    if (error instanceof DamagedFileError) result.damaged++;
    result.problems.push(
      error instanceof NewerSchemaError
        ? `${error.message}; it was left untouched`
        : error instanceof DamagedFileError
          ? error.message
          : `${label}: ${String(error)}`,
    );
    return undefined;
  }
}

/// Checks `dir` without writing anything.
export async function checkWorkspace(dir: string): Promise<WorkspaceCheck> {
  const problems: string[] = [];
  const result: WorkspaceCheck = { documents: 0, annotations: 0, problems, damaged: 0, notes: [] };
  const indexPath = join(dir, 'workspace.json');
  const index = await readChecked(indexPath, WorkspaceFileSchema, 'workspace', 'workspace.json', result);
  if (index === undefined) return result;
  if (!index) {
    problems.push(`no workspace at ${dir} (workspace.json is missing)`);
    return result;
  }
  const labelIds = new Set(index.labels.map((l) => l.id));
  const names = new Set(await readdir(join(dir, 'documents')).catch(() => [] as string[]));
  for (const name of names) {
    if (name.includes('.json.')) problems.push(`documents/${name}: temporary file left by an interrupted write`);
  }
  const indexTime = (await stat(indexPath).catch(() => null))?.mtimeMs ?? 0;
  let countsBehind = 0;
  const listed = new Set<string>();
  for (const entry of index.documents) {
    const name = documentFileName(entry.id);
    if (listed.has(name)) problems.push(`workspace.json: document ${entry.id} is listed twice`);
    listed.add(name);
    const path = join(dir, 'documents', name);
    const file = await readChecked(path, DocumentFileSchema, 'document', `documents/${name}`, result);
    if (file === undefined) continue;
    if (!file) {
      problems.push(`documents/${name}: missing (listed in workspace.json as "${entry.title}")`);
      continue;
    }
    result.documents++;
    result.annotations += file.annotations.length;
    const where = `documents/${name}`;
    const { text } = file.document;
    if (file.document.id !== entry.id) problems.push(`${where}: holds document ${file.document.id}, not ${entry.id}`);
    if (documentIdOf(text) !== file.document.id) problems.push(`${where}: the id does not match the SHA-256 of the text`);
    const expected = summarise(file);
    if (JSON.stringify(expected.counts) !== JSON.stringify(entry.counts)) {
      // The store writes counts to the index up to 500 ms after the document, so after a crash
      // the index lags behind files not older than it; the next writable open recounts exactly
      // those (reconcileIndex). Behind an older file it is a real mismatch.
      const fileTime = (await stat(path).catch(() => null))?.mtimeMs ?? 0;
      if (fileTime >= indexTime) countsBehind++;
      else problems.push(`workspace.json: annotation counts for "${entry.title}" do not match its document file`);
    }
    const annotationIds = new Set<string>();
    for (const a of file.annotations) {
      const at = `${where}: annotation ${a.id}`;
      if (annotationIds.has(a.id)) problems.push(`${at} appears twice`);
      annotationIds.add(a.id);
      if (a.docId !== file.document.id) problems.push(`${at} belongs to another document (${a.docId})`);
      if (!labelIds.has(a.label)) problems.push(`${at} has unknown label "${a.label}"`);
      if (a.end > text.length) problems.push(`${at} ends at ${a.end}, past the end of the text (${text.length})`);
      else if (text.slice(a.start, a.end) !== a.quote) problems.push(`${at}: its quote does not match the text at ${a.start}–${a.end}`);
      else {
        // Stored before every path refused such spans (an import re-anchored half an emoji).
        const split = surrogateSplitProblem(text, a.start, a.end);
        if (split) problems.push(`${at}: the span ${a.start}–${a.end} ${split}`);
      }
    }
    for (const r of file.relations) {
      if (!annotationIds.has(r.from) || !annotationIds.has(r.to)) {
        problems.push(`${where}: relation ${r.id} links an annotation that does not exist`);
      }
    }
  }
  for (const name of names) {
    if (DOCUMENT_FILE_NAME.test(name) && !listed.has(name)) {
      problems.push(`documents/${name}: not listed in workspace.json (it is adopted the next time the workspace is opened for writing)`);
    }
  }
  if (countsBehind) {
    result.notes.push(`counts for ${countsBehind} document(s) are behind their files; they are recounted the next time the workspace is opened for writing`);
  }
  return result;
}
