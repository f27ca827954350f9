/// Repairs a damaged workspace file without ever overwriting it: the damaged file is moved to
/// `damaged/`, and the newest backup holding a valid copy of it is put in its place.
import { mkdir, readFile, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { backupCopyOf, listBackups } from './backups.js';
import { fsyncFolder, readJsonFile, writeFileDurably } from './durableJsonFile.js';

/// What a repair did, in words for the user.
export interface Repair {
  restored: boolean;
  message: string;
}

/// Moves `relativePath` aside and restores the newest valid backup copy of it.
export async function repairFromBackup<T>(dir: string, relativePath: string, problem: string, schema: z.ZodType<T>, now = new Date()): Promise<Repair> {
  const damagedDir = join(dir, 'damaged');
  await mkdir(damagedDir, { recursive: true });
  const aside = join(damagedDir, `${relativePath.replace(/[\\/]/g, '_')}.${now.toISOString().replace(/:/g, '-')}`);
  await rename(join(dir, relativePath), aside);
  await fsyncFolder(damagedDir);
  for (const backup of await listBackups(dir)) {
    const copy = backupCopyOf(dir, backup.name, relativePath);
    const valid = await readJsonFile(copy, schema).catch(() => null);
    if (!valid) continue;
    await writeFileDurably(join(dir, relativePath), await readFile(copy));
    return {
      restored: true,
      message: `${relativePath} was damaged (${problem}). It was moved to ${aside} and restored from the backup of ${backup.createdAt}; changes made after that backup are in the damaged file only.`,
    };
  }
  return {
    restored: false,
    message: `${relativePath} was damaged (${problem}) and no backup holds a valid copy. It was moved to ${aside}.`,
  };
}

/// Removes temporary files that an interrupted write left behind (`<name>.json.<number>`).
export async function removeStaleTempFiles(dir: string): Promise<number> {
  let removed = 0;
  for (const folder of [dir, join(dir, 'documents')]) {
    for (const name of await readdir(folder).catch(() => [] as string[])) {
      if (/\.json\.\d+$/.test(name)) {
        await rm(join(folder, name), { force: true });
        removed++;
      }
    }
  }
  return removed;
}
