/// One look at every file of a workspace (its document files, `workspace.json` and `entities.json`), taken on a
/// worker thread: listing and stating 100,000 files costs seconds of a thread, and on the main
/// thread they made the app's first answers wait. The scan tells each file's stamp (inode, size,
/// modification time), digests of them (an unchanged set of files has an unchanged digest), and,
/// given the stamps an index holds, which files differ from it and which it lists that are gone.
///
/// A digest is the XOR of each file's part, the first 16 bytes of sha256(`path\tstamp`): it does
/// not depend on order, so the SQL index keeps one up to date as it follows each save
/// (`withFileDigest`), and the check at opening compares one value instead of 100,000 stamps.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { runInThisContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { DOCUMENT_FILE_NAME } from './workspaceFiles.js';

/// The digest of no files.
export const EMPTY_DIGEST = '0'.repeat(32);

/// `digest` with the file at `path` (relative to the workspace) of stamp `stamp` put in, or taken
/// out again (XOR both ways). The scanning thread below computes the same.
export function withFileDigest(digest: string, path: string, stamp: string): string {
  const part = createHash('sha256').update(`${path}\t${stamp}`).digest();
  const sum = Buffer.from(digest, 'hex');
  for (let i = 0; i < 16; i++) sum[i] ^= part[i];
  return sum.toString('hex');
}

/// What a scan found.
export interface WorkspaceScan {
  /// The digest of every file (documents, `workspace.json` and `entities.json`).
  digest: string;
  /// The digest of the document files alone (what the SQL index keeps).
  documentsDigest: string;
  /// Every file as a `path\tino:size:mtimeMs` line (paths relative to the workspace), in path
  /// order, joined by newlines: one string costs the main thread nothing to receive.
  files: string;
  /// Document files (names in `documents/`) whose stamp is not the expected one, new ones included.
  differing: string[];
  /// Expected document files that are not listed any more.
  gone: string[];
}

/// A file's line in `WorkspaceScan.files`, parsed.
export interface ScannedFile {
  path: string;
  ino: number;
  size: number;
  mtimeMs: number;
}

// The scanning thread: plain CommonJS, as the lock's refresher (it runs under tsx, Node and the
// Electron bundle alike). A file listed and then removed before its stat is left out, but is not
// gone (it was there), as a document removed by a save under way.
const SCANNER = String.raw`
const { workerData, parentPort } = require('node:worker_threads');
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { createHash } = require('node:crypto');
const { dir, expected, pattern } = workerData;
function listed(folder) {
  try {
    return readdirSync(folder);
  } catch (error) {
    if (error.code === 'ENOENT') return [];
    throw error;
  }
}
function xor(sum, part) {
  for (let i = 0; i < 16; i++) sum[i] ^= part[i];
}
try {
  const wanted = new RegExp(pattern);
  const names = listed(join(dir, 'documents')).filter((n) => wanted.test(n)).sort();
  const stamps = expected === null ? null : new Map(expected ? expected.split('\n').map((line) => line.split('\t')) : []);
  const lines = [];
  const differing = [];
  const documents = Buffer.alloc(16);
  // The file's part of a digest, or null when it is gone.
  const look = (path, name) => {
    const stats = statSync(join(dir, path), { throwIfNoEntry: false });
    if (!stats) return null;
    const stamp = stats.ino + ':' + stats.size + ':' + stats.mtimeMs;
    const line = path + '\t' + stamp;
    lines.push(line);
    if (stamps && name !== null && stamps.get(name) !== stamp) differing.push(name);
    return createHash('sha256').update(line).digest();
  };
  for (const name of names) {
    const part = look('documents/' + name, name);
    if (part) xor(documents, part);
    if (stamps) stamps.delete(name);
  }
  const all = Buffer.from(documents);
  for (const path of ['workspace.json', 'entities.json']) {
    const part = look(path, null);
    if (part) xor(all, part);
  }
  parentPort.postMessage({
    digest: all.toString('hex'),
    documentsDigest: documents.toString('hex'),
    files: lines.join('\n'),
    differing,
    gone: stamps ? [...stamps.keys()] : [],
  });
} catch (error) {
  parentPort.postMessage({ failed: { message: String(error && error.message), code: error && error.code, path: error && error.path } });
}
`;

/// Workspaces of up to this many documents are scanned on the calling thread: starting a worker
/// costs more than their few stats (tens of milliseconds of every `awb` command's start).
export const SCAN_IN_THREAD_UP_TO = 500;

/// Scans `dir`. `expected` holds the stamps an index has, as `name\tstamp` lines (names in
/// `documents/`), or is null when there is nothing to compare file by file. `documents` is how
/// many documents the caller expects (a small number scans on this thread; unknown, a worker).
export function scanWorkspace(dir: string, expected: string | null = null, documents = Infinity): Promise<WorkspaceScan> {
  const workerData = { dir, expected, pattern: DOCUMENT_FILE_NAME.source };
  if (documents <= SCAN_IN_THREAD_UP_TO) return scanInThread(workerData);
  return new Promise((resolve, reject) => {
    const worker = new Worker(SCANNER, { eval: true, workerData });
    worker.once('message', (message: ScanMessage) => {
      if ('failed' in message) reject(scanFailure(message));
      else resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the scan of ${dir} stopped (exit code ${code})`)));
  });
}

/// What the scanning code posts: the scan, or why it failed.
type ScanMessage = WorkspaceScan | { failed: { message: string; code?: string; path?: string } };

function scanFailure(message: { failed: { message: string; code?: string; path?: string } }): Error {
  return Object.assign(new Error(message.failed.message), { code: message.failed.code, path: message.failed.path });
}

/// The scanning thread's code, the same text, run here: its `node:worker_threads` is a stand-in
/// holding `workerData` and catching the one message it posts.
let scanHere: ((load: (name: string) => unknown) => void) | null = null;
async function scanInThread(workerData: { dir: string; expected: string | null; pattern: string }): Promise<WorkspaceScan> {
  scanHere ??= runInThisContext(`(function (require) {\n${SCANNER}\n})`, { filename: 'workspaceScan-in-thread.js' }) as (load: (name: string) => unknown) => void;
  let posted: ScanMessage | null = null;
  const parentPort = { postMessage: (message: ScanMessage) => void (posted = message) };
  // Bundled as CommonJS (the crash test's writer), import.meta.url is not there but require is.
  const load = typeof require === 'function' ? require : createRequire(import.meta.url);
  scanHere((name) => (name === 'node:worker_threads' ? { workerData, parentPort } : load(name)));
  const message = posted as ScanMessage | null;
  if (!message) throw new Error(`the scan of ${workerData.dir} gave no result`);
  if ('failed' in message) throw scanFailure(message);
  return message;
}

/// The files of a scan, parsed (a few tens of milliseconds for 100,000 files).
export function scannedFiles(scan: WorkspaceScan): ScannedFile[] {
  if (!scan.files) return [];
  return scan.files.split('\n').map((line) => {
    const tab = line.indexOf('\t');
    const [ino, size, mtimeMs] = line.slice(tab + 1).split(':').map(Number);
    return { path: line.slice(0, tab), ino, size, mtimeMs };
  });
}
