/// Keeps the index true to the document files, which are the source of truth: `buildIndex` fills
/// an empty index from every file, `checkIndex` compares each file's stamp (inode, size, time)
/// with the one indexed and reads again only the files that differ, that are new, or that are gone.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DocumentFileSchema, type DocumentFile } from '../../model.js';
import { DamagedFileError, readJsonFile } from '../durableJsonFile.js';
import { DOCUMENT_FILE_NAME } from '../workspaceFiles.js';
import { markBuilt } from './indexDatabase.js';
import { stampOf, type FileStamp, type WorkspaceIndex } from './workspaceIndex.js';

/// Called as files are indexed.
export type IndexProgress = (done: number, total: number) => void;

/// What a build or a check did.
export interface IndexSync {
  /// Documents indexed that the index did not have (their titles).
  added: string[];
  /// Documents whose entries were brought up to date.
  updated: number;
  /// Documents whose files are gone.
  removed: number;
  /// Document files that could not be read, with why (the store repairs them from backups).
  damaged: { id: string; problem: string }[];
}

/// Runs one change to the index for document `id` (the store runs it in that document's queue,
/// so that it never interleaves with a save of the same document).
export type IndexChange = (id: string, change: () => Promise<void>) => Promise<void>;

/// How many files are read at once.
const READ_AHEAD = 16;
/// Documents per transaction in a full build.
const BATCH = 500;

/// The id of a document file's name.
export function idOfFileName(name: string): string {
  return `sha256:${name.slice(0, -'.json'.length)}`;
}

async function documentFileNames(dir: string): Promise<string[]> {
  return (await readdir(join(dir, 'documents')).catch(() => [] as string[])).filter((n) => DOCUMENT_FILE_NAME.test(n));
}

/// A document file with the stamp it had when read; null when it is gone. A file replaced while
/// it was read is read again, so the stamp always belongs to the content.
async function readStamped(path: string): Promise<{ file: DocumentFile; stamp: FileStamp } | null> {
  for (;;) {
    const before = await stat(path).catch(() => null);
    if (!before) return null;
    const file = await readJsonFile(path, DocumentFileSchema, 'document');
    const after = await stat(path).catch(() => null);
    if (!file || !after) return null;
    if (stampOf(after) === stampOf(before)) return { file, stamp: stampOf(before) };
  }
}

/// Calls `each` for every item, `READ_AHEAD` at a time, in order of completion.
async function inParallel<T>(items: T[], each: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await each(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(READ_AHEAD, items.length) }, worker));
}

function emptySync(): IndexSync {
  return { added: [], updated: 0, removed: 0, damaged: [] };
}

/// Fills an empty index from every document file, `onProgress` after each batch; marks it built.
export async function buildIndex(dir: string, index: WorkspaceIndex, onProgress?: IndexProgress): Promise<IndexSync> {
  const names = await documentFileNames(dir);
  const result = emptySync();
  let pending: { file: DocumentFile; stamp: FileStamp }[] = [];
  let done = 0;
  const flush = () => {
    const batch = pending;
    pending = [];
    index.transaction(() => {
      for (const { file, stamp } of batch) index.putDocument(file, stamp);
    });
    onProgress?.(done, names.length);
  };
  onProgress?.(0, names.length);
  await inParallel(names, async (name) => {
    try {
      const read = await readStamped(join(dir, 'documents', name));
      if (read && read.file.document.id === idOfFileName(name)) pending.push(read);
    } catch (error) {
      if (!(error instanceof DamagedFileError)) throw error;
      result.damaged.push({ id: idOfFileName(name), problem: error.problems.join('; ') });
    }
    done++;
    if (pending.length >= BATCH) flush();
  });
  flush();
  markBuilt(index.db, true);
  return result;
}

/// Compares every document file with the index and indexes what differs, through `change`.
export async function checkIndex(dir: string, index: WorkspaceIndex, change: IndexChange): Promise<IndexSync> {
  const names = await documentFileNames(dir);
  const indexed = index.stamps();
  const result = emptySync();
  const present = new Set<string>();
  await inParallel(names, async (name) => {
    const id = idOfFileName(name);
    present.add(id);
    const path = join(dir, 'documents', name);
    const stats = await stat(path).catch(() => null);
    if (!stats || indexed.get(id) === stampOf(stats)) return;
    await change(id, async () => {
      try {
        const read = await readStamped(path);
        if (!read || read.file.document.id !== id) return;
        if (index.documentSummary(id)) result.updated++;
        else result.added.push(read.file.document.title);
        index.putDocument(read.file, read.stamp);
      } catch (error) {
        if (!(error instanceof DamagedFileError)) throw error;
        result.damaged.push({ id, problem: error.problems.join('; ') });
      }
    });
  });
  for (const id of indexed.keys()) {
    if (present.has(id)) continue;
    await change(id, async () => {
      // Gone for good only if it is still gone now (not a save's rename in between).
      if (await stat(join(dir, 'documents', `${id.slice('sha256:'.length)}.json`)).catch(() => null)) return;
      index.removeDocument(id);
      result.removed++;
    });
  }
  return result;
}
