/// Opening `entities.json` (DESIGN §10) as the other workspace files are opened: validated, a
/// damaged one moved aside and repaired from the newest valid backup copy. A missing one is
/// restored from a backup that holds one (it was deleted), or else starts empty (a workspace from
/// before entities, or a new one).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EntitiesFileSchema, type EntitiesFile } from '../model.js';
import { DamagedFileError, DurableJsonFile, JsonDb } from './durableJsonFile.js';
import { repairFromBackup } from './recovery.js';
import { ENTITIES_FILE, emptyEntities } from './workspaceFiles.js';

/// Opens `dir`'s entities; `writable` when this process holds the workspace's lock. What was
/// repaired is told in `notices`.
export async function openEntities(dir: string, writable: boolean, notices: string[]): Promise<JsonDb<EntitiesFile>> {
  const db = new JsonDb(new DurableJsonFile(join(dir, ENTITIES_FILE), EntitiesFileSchema, 'entities'), emptyEntities());
  await readEntities(db, dir, writable, notices);
  return db;
}

/// Reads `db` again from disk (after a restore, or another process's write), repairing as opening does.
export async function readEntities(db: JsonDb<EntitiesFile>, dir: string, writable: boolean, notices: string[]): Promise<void> {
  db.data = emptyEntities();
  const missing = !existsSync(db.adapter.path);
  if (missing && !writable) return;
  try {
    if (!missing) return void (await db.read());
  } catch (error) {
    if (!writable || !(error instanceof DamagedFileError)) throw error;
    const repair = await repairFromBackup(dir, ENTITIES_FILE, error.problems.join('; '), EntitiesFileSchema);
    notices.push(repair.restored ? repair.message : `${repair.message} The list of entities is empty again; spans keep their text.`);
    if (repair.restored) await db.read();
    return;
  }
  const repair = await repairFromBackup(dir, ENTITIES_FILE, null, EntitiesFileSchema);
  if (repair.restored) {
    notices.push(repair.message);
    await db.read();
  }
}
