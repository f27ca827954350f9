/// Snapshots of a workspace in `backups/<time>/`. A snapshot copies each file that changed since
/// the previous snapshot and hard-links the previous snapshot's copy of the others (as rsync's
/// --link-dest does): a backup never shares storage with a live file, so damage done to a live
/// file in place cannot reach it, and an unchanged corpus costs no space twice.
import { copyFile, link, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fsyncFolder } from './durableJsonFile.js';
import { DOCUMENT_FILE_NAME } from './workspaceFiles.js';

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

/// Size and modification time of each live file when it was copied, by relative path.
type Manifest = Record<string, { size: number; mtimeMs: number }>;
const MANIFEST = 'manifest.json';

/// Takes a snapshot of `workspace.json` and every document file; keeps the newest 20.
export async function snapshotWorkspace(dir: string, now = new Date()): Promise<BackupInfo> {
  const root = backupsFolder(dir);
  await mkdir(root, { recursive: true });
  let name = stampOf(now);
  for (let n = 2; await stat(join(root, name)).catch(() => null); n++) name = `${stampOf(now)}-${n}`;
  const staging = join(root, `.staging-${name}`);
  await mkdir(join(staging, 'documents'), { recursive: true });
  const [previous] = await listBackups(dir);
  const before: Manifest = previous
    ? JSON.parse(await readFile(join(root, previous.name, MANIFEST), 'utf8').catch(() => '{}'))
    : {};
  const manifest: Manifest = {};
  const docs = (await readdir(join(dir, 'documents')).catch(() => [] as string[])).filter((n) => DOCUMENT_FILE_NAME.test(n));
  const files = [...docs.map((d) => join('documents', d)), ...((await stat(join(dir, 'workspace.json')).catch(() => null)) ? ['workspace.json'] : [])];
  for (const file of files) {
    const info = await stat(join(dir, file)).catch(() => null);
    if (!info) continue; // removed meanwhile
    const old = before[file];
    const unchanged = previous && old && old.size === info.size && old.mtimeMs === info.mtimeMs;
    const linked = unchanged && (await link(join(root, previous.name, file), join(staging, file)).then(() => true, () => false));
    if (!linked) await copyFile(join(dir, file), join(staging, file));
    manifest[file] = { size: info.size, mtimeMs: info.mtimeMs };
  }
  await writeFile(join(staging, MANIFEST), JSON.stringify(manifest));
  await fsyncFolder(join(staging, 'documents'));
  await fsyncFolder(staging);
  await rename(staging, join(root, name));
  await fsyncFolder(root);
  await pruneBackups(dir);
  return { name, createdAt: now.toISOString(), documents: docs.length };
}

/// Snapshots, newest first.
export async function listBackups(dir: string): Promise<BackupInfo[]> {
  const names = (await readdir(backupsFolder(dir)).catch(() => [] as string[])).filter((n) => /^\d{4}-\d\d-\d\dT/.test(n));
  const infos: BackupInfo[] = [];
  for (const name of names.sort().reverse()) {
    const docs = await readdir(join(backupsFolder(dir), name, 'documents')).catch(() => [] as string[]);
    infos.push({ name, createdAt: dateOf(name), documents: docs.filter((n) => DOCUMENT_FILE_NAME.test(n)).length });
  }
  return infos;
}

async function pruneBackups(dir: string): Promise<void> {
  const all = await listBackups(dir);
  for (const old of all.slice(BACKUPS_KEPT)) await rm(join(backupsFolder(dir), old.name), { recursive: true, force: true });
  for (const leftover of (await readdir(backupsFolder(dir))).filter((n) => n.startsWith('.staging-'))) {
    await rm(join(backupsFolder(dir), leftover), { recursive: true, force: true });
  }
}

/// Where a file of the workspace (`workspace.json` or `documents/<hex>.json`) is in a backup.
export function backupCopyOf(dir: string, backup: string, relativePath: string): string {
  return join(backupsFolder(dir), backup, relativePath);
}
