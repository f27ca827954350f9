/// Repairs a damaged workspace file without ever overwriting it: the damaged file is moved to
/// `damaged/`, and the newest backup holding a valid copy of it is put in its place.
import { mkdir, opendir, readFile, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { backupCopyOf, listBackups } from './backups.js';
import { fsyncFolder, readJsonFile, writeFileDurably } from './durableJsonFile.js';
import type { FileKind } from './migrations.js';
import { DOCUMENT_FILE_NAME, ENTITIES_FILE, STORED_NAMES_FOLDER } from './workspaceFiles.js';

/// What a repair did, in words for the user.
export interface Repair {
  restored: boolean;
  message: string;
}

/// The kind of a workspace file, for the migrations an older backup copy of it goes through.
function kindOf(relativePath: string): FileKind {
  return relativePath === 'workspace.json' ? 'workspace' : relativePath === ENTITIES_FILE ? 'entities' : 'document';
}

/// Puts the newest valid backup copy of `relativePath` in its place; the backup's date, or null
/// when no backup holds a valid copy. (A copy of an older schema is valid: it is migrated when read.)
async function restoreNewestCopy<T>(dir: string, relativePath: string, schema: z.ZodType<T>): Promise<string | null> {
  for (const backup of await listBackups(dir)) {
    const copy = backupCopyOf(dir, backup.name, relativePath);
    const valid = await readJsonFile(copy, schema, kindOf(relativePath)).catch(() => null);
    if (!valid) continue;
    await writeFileDurably(join(dir, relativePath), await readFile(copy));
    return backup.createdAt;
  }
  return null;
}

/// Moves `relativePath` aside and restores the newest valid backup copy of it; `problem` null
/// when the file is missing (then there is nothing to move).
export async function repairFromBackup<T>(dir: string, relativePath: string, problem: string | null, schema: z.ZodType<T>, now = new Date()): Promise<Repair> {
  if (problem === null) {
    const restoredFrom = await restoreNewestCopy(dir, relativePath, schema);
    return restoredFrom
      ? { restored: true, message: `${relativePath} was missing. It was restored from the backup of ${restoredFrom}; changes made after that backup are lost.` }
      : { restored: false, message: `${relativePath} is missing and no backup holds a valid copy of it.` };
  }
  const damagedDir = join(dir, 'damaged');
  await mkdir(damagedDir, { recursive: true });
  const aside = join(damagedDir, `${relativePath.replace(/[\\/]/g, '_')}.${now.toISOString().replace(/:/g, '-')}`);
  await rename(join(dir, relativePath), aside);
  await fsyncFolder(damagedDir);
  const restoredFrom = await restoreNewestCopy(dir, relativePath, schema);
  return restoredFrom
    ? {
        restored: true,
        message: `${relativePath} was damaged (${problem}). It was moved to ${aside} and restored from the backup of ${restoredFrom}; changes made after that backup are in the damaged file only.`,
      }
    : { restored: false, message: `${relativePath} was damaged (${problem}) and no backup holds a valid copy. It was moved to ${aside}.` };
}

/// Restores `workspace.json`, missing from a workspace that holds work, from the newest valid
/// backup copy of it (the documents are listed from their own files either way); what happened,
/// in words for the user.
export async function restoreLostIndex<T>(dir: string, schema: z.ZodType<T>): Promise<string> {
  const restoredFrom = await restoreNewestCopy(dir, 'workspace.json', schema);
  return restoredFrom
    ? `workspace.json was missing. It was restored from the backup of ${restoredFrom}; label and annotator changes made after that backup are lost.`
    : 'workspace.json was missing and no backup holds a valid copy; labels and annotator names are the defaults again.';
}

/// Whether `dir` holds work (document files or backups) though its `workspace.json` may be gone.
export async function holdsWork(dir: string): Promise<boolean> {
  return (await holdsDocumentFile(join(dir, 'documents'))) || (await listBackups(dir)).length > 0;
}

/// Whether `folder` holds a document file; stops at the first (a corpus's folder holds 100,000).
async function holdsDocumentFile(folder: string): Promise<boolean> {
  const entries = await opendir(folder).catch(() => null);
  if (!entries) return false;
  for await (const entry of entries) if (DOCUMENT_FILE_NAME.test(entry.name)) return true; // leaving the loop closes it
  return false;
}

/// Removes temporary files that an interrupted write left behind (`<name>.json.<number>`).
export async function removeStaleTempFiles(dir: string): Promise<number> {
  let removed = 0;
  for (const folder of [dir, join(dir, 'documents'), join(dir, STORED_NAMES_FOLDER)]) {
    for (const name of await readdir(folder).catch(() => [] as string[])) {
      if (/\.json\.\d+$/.test(name)) {
        await rm(join(folder, name), { force: true });
        removed++;
      }
    }
  }
  return removed;
}
