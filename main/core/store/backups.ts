/// Snapshots of a workspace in `backups/<time>/`. A snapshot copies each file that changed since
/// the previous snapshot and hard-links the previous snapshot's copy of the others (as rsync's
/// --link-dest does): a backup never shares storage with a live file, so damage done to a live
/// file in place cannot reach it, and an unchanged corpus costs no space twice.
import { copyFile, link, mkdir, open, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SaveFailedError, fsyncFolder, isErrno, writeFileDurably, type BeforeRename } from './durableJsonFile.js';
import { DOCUMENT_FILE_NAME, ENTITIES_FILE, emptyEntities } from './workspaceFiles.js';
import { scannedFiles, scanWorkspace, type WorkspaceScan } from './workspaceScan.js';

/// How many snapshots are kept.
export const BACKUPS_KEPT = 20;

/// One snapshot.
export interface BackupInfo {
  name: string;
  createdAt: string;
  documents: number;
}

/// The backups folder of a workspace.
export function backupsFolder(dir: string): string {
  return join(dir, 'backups');
}

function stampOf(date: Date): string {
  return date.toISOString().replace(/:/g, '-');
}

function dateOf(name: string): string {
  return name.replace(/T(\d\d)-(\d\d)-(\d\d)/, 'T$1:$2:$3').replace(/-\d+$/, '');
}

/// Size, modification time and inode of each live file when it was copied, by relative path.
/// Every durable write makes a new file, so a new inode tells a change that a coarse file time
/// (1 or 2 s on some disks) would hide.
type Files = Record<string, { size: number; mtimeMs: number; ino?: number }>;
/// A snapshot's own record: its place in the order of snapshots and the files it copied. The
/// order is a counter, not the clock: a clock that ran ahead (or back) names snapshots out of
/// time order, and pruning by name then removed the snapshot just taken.
interface Manifest {
  sequence: number;
  files: Files;
}
const MANIFEST = 'manifest.json';
/// A snapshot's order and document count apart from its manifest, which lists every file (8 MB
/// for 100,000 documents): listing the backups reads only these.
interface Summary {
  sequence: number;
  documents: number;
  /// The digest of the files copied (see `WorkspaceScan.digest`); absent in older snapshots.
  digest?: string;
}
const SUMMARY = 'summary.json';

/// `complete`: the caller holds the workspace's lock, so a summary may be written where none is.
async function readSummary(root: string, name: string, complete = false): Promise<Summary> {
  const json = await readFile(join(root, name, SUMMARY), 'utf8').then(JSON.parse, () => null);
  if (json && typeof json.sequence === 'number' && typeof json.documents === 'number') {
    return { sequence: json.sequence, documents: json.documents, ...(typeof json.digest === 'string' ? { digest: json.digest } : {}) };
  }
  // A snapshot from before the summary: its summary is made once (reading its whole manifest
  // each time the backups were listed made every listing slow), without the digest it never had.
  const docs = await readdir(join(root, name, 'documents')).catch(() => [] as string[]);
  const summary = { sequence: (await readManifest(root, name))?.sequence ?? -1, documents: docs.filter((n) => DOCUMENT_FILE_NAME.test(n)).length };
  if (complete) await writeFileDurably(join(root, name, SUMMARY), JSON.stringify(summary)).catch(() => undefined); // a cache: made again next time
  return summary;
}

async function readManifest(root: string, name: string): Promise<Manifest | null> {
  const json = await readFile(join(root, name, MANIFEST), 'utf8').then(JSON.parse, () => null);
  if (!json || typeof json !== 'object') return null;
  // Snapshots from before the counter hold only the files, and come before every counted one.
  return typeof json.sequence === 'number' && json.files ? (json as Manifest) : { sequence: -1, files: json as Files };
}

/// How to take a snapshot.
export interface SnapshotOptions {
  /// The time the snapshot is named after.
  now?: Date;
  /// Returns the newest snapshot instead of taking one when no file changed since it.
  unlessUnchanged?: boolean;
  /// A scan of the workspace just taken, which `unlessUnchanged` may compare instead of taking one.
  scan?: WorkspaceScan;
}

const snapshotting = new Map<string, Promise<unknown>>();

/// Takes a snapshot of `workspace.json`, `entities.json` and every document file; keeps the newest 20, never
/// the one just taken. Snapshots of one folder are taken one at a time (pruning removes the
/// staging folders that interrupted snapshots left).
export function snapshotWorkspace(dir: string, options: SnapshotOptions = {}): Promise<BackupInfo> {
  const next = (snapshotting.get(dir) ?? Promise.resolve()).then(
    () => takeSnapshot(dir, options),
    () => takeSnapshot(dir, options),
  );
  const tail = next.catch(() => undefined);
  snapshotting.set(dir, tail);
  void tail.then(() => snapshotting.get(dir) === tail && snapshotting.delete(dir));
  return next;
}

async function takeSnapshot(dir: string, options: SnapshotOptions): Promise<BackupInfo> {
  const now = options.now ?? new Date();
  const root = backupsFolder(dir);
  const [previous] = await listBackups(dir, true);
  const summary = previous ? await readSummary(root, previous.name) : null;
  let scan: WorkspaceScan | null = null;
  if (options.unlessUnchanged && previous && summary?.digest) {
    if ((options.scan ?? (scan = await scanWorkspace(dir))).digest === summary.digest) return previous;
  }
  scan ??= await scanWorkspace(dir);
  const live: Files = {};
  let documents = 0;
  for (const { path, ...info } of scannedFiles(scan)) {
    live[path] = info;
    if (path.startsWith('documents/')) documents++;
  }
  // A snapshot from before the digest counts as changed: the next one has a digest.
  const before = previous ? await readManifest(root, previous.name) : null;
  try {
    await mkdir(root, { recursive: true });
    let name = stampOf(now);
    for (let n = 2; await stat(join(root, name)).catch(() => null); n++) name = `${stampOf(now)}-${n}`;
    const staging = join(root, `.staging-${name}`);
    await mkdir(join(staging, 'documents'), { recursive: true });
    for (const [file, info] of Object.entries(live)) {
      const old = before?.files[file];
      const unchanged = previous && old && sameFile(old, info);
      const linked = unchanged && (await link(join(root, previous.name, file), join(staging, file)).then(() => true, () => false));
      if (!linked) await copyDurably(join(dir, file), join(staging, file));
    }
    const manifest: Manifest = { sequence: (before?.sequence ?? -1) + 1, files: live };
    // Flushed like the copies: a snapshot without its manifest would sort as the oldest.
    await writeFile(join(staging, MANIFEST), JSON.stringify(manifest));
    await flushFile(join(staging, MANIFEST));
    const taken: Summary = { sequence: manifest.sequence, documents, digest: scan.digest };
    await writeFile(join(staging, SUMMARY), JSON.stringify(taken));
    await flushFile(join(staging, SUMMARY));
    await fsyncFolder(join(staging, 'documents'));
    await fsyncFolder(staging);
    await rename(staging, join(root, name));
    await fsyncFolder(root);
    await pruneBackups(dir, name);
    return { name, createdAt: dateOf(name), documents };
  } catch (error) {
    throw isErrno(error) ? new SaveFailedError(root, error, 'could not take a backup in') : error;
  }
}

function sameFile(a: Files[string], b: Files[string]): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

/// A copy whose bytes are on disk before the snapshot that holds it is renamed into place.
async function copyDurably(from: string, to: string): Promise<void> {
  await copyFile(from, to);
  await flushFile(to);
}

async function flushFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/// Snapshots, newest first (by the order they were taken in, whatever their names say).
/// `complete`: as in `readSummary` (taking and pruning snapshots, under the lock).
export async function listBackups(dir: string, complete = false): Promise<BackupInfo[]> {
  const root = backupsFolder(dir);
  const names = (await readdir(root).catch(() => [] as string[])).filter((n) => /^\d{4}-\d\d-\d\dT/.test(n));
  const infos: (BackupInfo & { sequence: number })[] = [];
  for (const name of names) infos.push({ name, createdAt: dateOf(name), ...(await readSummary(root, name, complete)) });
  infos.sort((x, y) => y.sequence - x.sequence || (y.name > x.name ? 1 : y.name < x.name ? -1 : 0));
  return infos.map(({ sequence: _sequence, ...info }) => info);
}

async function pruneBackups(dir: string, keep: string): Promise<void> {
  const all = (await listBackups(dir, true)).filter((b) => b.name !== keep);
  for (const old of all.slice(BACKUPS_KEPT - 1)) await rm(join(backupsFolder(dir), old.name), { recursive: true, force: true });
  for (const leftover of (await readdir(backupsFolder(dir))).filter((n) => n.startsWith('.staging-'))) {
    await rm(join(backupsFolder(dir), leftover), { recursive: true, force: true });
  }
}

/// Puts the files of backup `name` back in the workspace: its document files first, its index
/// and entities next (a backup from before entities has none: the list is then empty), and only then are the documents it lacks removed, so that a copy that stops half-way has
/// removed nothing and every file is whole. `guard` goes to each write (see `BeforeRename`).
export async function copyBackupBack(dir: string, name: string, guard: BeforeRename): Promise<void> {
  const source = join(backupsFolder(dir), name);
  const documents = join(dir, 'documents');
  const wanted = new Set((await readdir(join(source, 'documents'))).filter((n) => DOCUMENT_FILE_NAME.test(n)));
  for (const file of wanted) await writeFileDurably(join(documents, file), await readFile(join(source, 'documents', file)), guard);
  await writeFileDurably(join(dir, 'workspace.json'), await readFile(join(source, 'workspace.json')), guard);
  // A backup from before entities has none; any other failure to read it stops the restore.
  const entities = await readFile(join(source, ENTITIES_FILE)).catch((error: unknown) => {
    if (isErrno(error) && error.code === 'ENOENT') return JSON.stringify(emptyEntities());
    throw error;
  });
  await writeFileDurably(join(dir, ENTITIES_FILE), entities, guard);
  await guard();
  for (const file of await readdir(documents)) if (DOCUMENT_FILE_NAME.test(file) && !wanted.has(file)) await rm(join(documents, file));
  await fsyncFolder(documents);
}

/// Where a file of the workspace (`workspace.json`, `entities.json` or `documents/<hex>.json`) is in a backup.
export function backupCopyOf(dir: string, backup: string, relativePath: string): string {
  return join(backupsFolder(dir), backup, relativePath);
}
