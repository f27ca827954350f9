/// Keeps the index true to the document files, which are the source of truth: `buildIndex` fills
/// an empty index from every file, `checkIndex` compares each file's stamp (inode, size, time)
/// with the one indexed and reads again only the files that differ or are new, and tells which
/// indexed documents have no file any more.
import { readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DocumentFileSchema, type DocumentFile } from '../../model.js';
import { DamagedFileError, parseJsonFile } from '../durableJsonFile.js';
import { DOCUMENT_FILE_NAME } from '../workspaceFiles.js';
import { scanWorkspace, type WorkspaceScan } from '../workspaceScan.js';
import { markBuilt } from './indexDatabase.js';
import { dropSummaryTriggers, fillSummaries } from './compareSummaryQuery.js';
import { stampOf, type FileStamp, type WorkspaceIndex } from './workspaceIndex.js';

/// Called as files are indexed.
export type IndexProgress = (done: number, total: number) => void;

/// What a build or a check did.
export interface IndexSync {
  /// Documents indexed that the index did not have (their titles).
  added: string[];
  /// Documents whose entries were brought up to date.
  updated: number;
  /// Documents indexed whose files are gone (the store restores them from backups, or forgets them).
  gone: string[];
  /// Document files that could not be read, with why (the store repairs them from backups).
  damaged: { id: string; problem: string }[];
}

/// Runs one change to the index for document `id` (the store runs it in that document's queue,
/// so that it never interleaves with a save of the same document).
export type IndexChange = (id: string, change: () => Promise<void>) => Promise<void>;

/// Files read or looked at before other work may run. Synchronous reads and stats of small files
/// are several times faster than their promise versions; a batch holds the event loop for a few
/// milliseconds.
const FILES_PER_TURN = 64;
/// Documents per transaction in a full build, and the most text one may hold (characters): a
/// batch of long documents is written early, so memory holds a few megabytes, never the corpus.
const BATCH = 1000;
const BATCH_CHARACTERS = 20_000_000;

/// Index rows whose stamps are read in one turn.
const STAMPS_PER_TURN = 2000;

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/// The id of a document file's name.
export function idOfFileName(name: string): string {
  return `sha256:${name.slice(0, -'.json'.length)}`;
}

async function documentFileNames(dir: string): Promise<string[]> {
  return (await readdir(join(dir, 'documents')).catch(() => [] as string[])).filter((n) => DOCUMENT_FILE_NAME.test(n));
}

/// A document file with the stamp it had when read; null when it is gone. A file replaced while
/// it was read is read again, so the stamp always belongs to the content.
function readStamped(path: string): { file: DocumentFile; stamp: FileStamp } | null {
  for (;;) {
    const before = statSync(path, { throwIfNoEntry: false });
    if (!before) return null;
    let raw: string;
    try {
      raw = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const after = statSync(path, { throwIfNoEntry: false });
    if (!after) return null;
    if (stampOf(after) === stampOf(before)) return { file: parseJsonFile(path, raw, DocumentFileSchema, 'document'), stamp: stampOf(before) };
  }
}

function emptySync(): IndexSync {
  return { added: [], updated: 0, gone: [], damaged: [] };
}

/// Fills an empty index from every document file, `onProgress` after each batch; marks it built.
export async function buildIndex(dir: string, index: WorkspaceIndex, onProgress?: IndexProgress): Promise<IndexSync> {
  const names = await documentFileNames(dir);
  const result = emptySync();
  let pending: { file: DocumentFile; stamp: FileStamp }[] = [];
  let pendingCharacters = 0;
  let done = 0;
  const flush = () => {
    const batch = pending;
    pending = [];
    pendingCharacters = 0;
    index.transaction(() => {
      for (const { file, stamp } of batch) index.putDocument(file, stamp);
    });
    onProgress?.(done, names.length);
  };
  onProgress?.(0, names.length);
  dropSummaryTriggers(index.db);
  for (const name of names) {
    if (done % FILES_PER_TURN === 0) await nextTurn();
    try {
      const read = readStamped(join(dir, 'documents', name));
      if (read && read.file.document.id === idOfFileName(name)) {
        pending.push(read);
        pendingCharacters += read.file.document.text.length;
      }
    } catch (error) {
      if (!(error instanceof DamagedFileError)) throw error;
      result.damaged.push({ id: idOfFileName(name), problem: error.problems.join('; ') });
    }
    done++;
    if (pending.length >= BATCH || pendingCharacters >= BATCH_CHARACTERS) flush();
  }
  flush();
  index.transaction(() => fillSummaries(index.db));
  markBuilt(index.db, true);
  return result;
}

/// The stamps the index holds, as `scanWorkspace` takes them: read a batch at a time, other work
/// running between batches.
async function indexedStampLines(index: WorkspaceIndex): Promise<string> {
  const parts: string[] = [];
  for (let after = 0; ; ) {
    await nextTurn();
    const { lines, last } = index.stampLines(after, STAMPS_PER_TURN);
    if (last === null) return parts.join('\n');
    parts.push(lines);
    after = last;
  }
}

/// Compares every document file with the index (on a worker thread, see `scanWorkspace`) and
/// indexes what differs, through `change`. Resolves with what it did and the scan itself (the
/// opening backup needs no other look at the files).
export async function checkIndex(dir: string, index: WorkspaceIndex, change: IndexChange): Promise<IndexSync & { scan: WorkspaceScan }> {
  const result = emptySync();
  // Every file as indexed: one value tells (the stamps are compared only when it differs).
  const documents = index.documentCount();
  const whole = await scanWorkspace(dir, null, documents);
  if (whole.documentsDigest === index.filesDigest()) return { ...result, scan: whole };
  const scan = await scanWorkspace(dir, await indexedStampLines(index), documents);
  for (const name of scan.differing) {
    const id = idOfFileName(name);
    await change(id, async () => {
      try {
        const read = readStamped(join(dir, 'documents', name));
        if (!read || read.file.document.id !== id) return;
        if (index.documentSummary(id)) result.updated++;
        else result.added.push(read.file.document.title);
        index.putDocument(read.file, read.stamp);
      } catch (error) {
        if (!(error instanceof DamagedFileError)) throw error;
        result.damaged.push({ id, problem: error.problems.join('; ') });
      }
    });
  }
  result.gone = scan.gone.map(idOfFileName);
  return { ...result, scan };
}
