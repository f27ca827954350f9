/// Opening a workspace's index, `workspace.json`, with what recovery it needs first: temporary
/// files of an interrupted save removed, a lost index restored from a backup, a damaged one
/// repaired (a read-only open only reads).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WorkspaceFileSchema, type WorkspaceFile } from '../model.js';
import { DamagedFileError, DurableJsonFile, JsonDb } from './durableJsonFile.js';
import { holdsWork, removeStaleTempFiles, repairFromBackup, restoreLostIndex } from './recovery.js';
import { emptyWorkspace } from './workspaceFiles.js';

/// The opened index and what opening it found.
export interface OpenedIndex {
  index: JsonDb<WorkspaceFile>;
  /// The workspace holds no work yet (the app then imports the seed articles).
  created: boolean;
  /// What was repaired, for the user.
  notices: string[];
}

/// Opens `dir`'s index; `writable` when this process holds the workspace's lock.
export async function openIndex(dir: string, writable: boolean): Promise<OpenedIndex> {
  const indexPath = join(dir, 'workspace.json');
  const notices: string[] = [];
  if (writable) {
    const removed = await removeStaleTempFiles(dir);
    if (removed) notices.push(`removed ${removed} temporary file(s) left by an interrupted save`);
  }
  // A folder whose index is gone but which holds documents or backups is not a new workspace
  // (which would get the default labels and the seed articles).
  const missing = !existsSync(indexPath);
  const lost = missing && writable && (await holdsWork(dir));
  let rebuild = lost;
  if (lost) notices.push(await restoreLostIndex(dir, WorkspaceFileSchema));
  const index = new JsonDb(new DurableJsonFile(indexPath, WorkspaceFileSchema, 'workspace'), emptyWorkspace());
  try {
    await index.read();
  } catch (error) {
    if (!writable || !(error instanceof DamagedFileError)) throw error;
    const repair = await repairFromBackup(dir, 'workspace.json', error.problems.join('; '), WorkspaceFileSchema);
    notices.push(repair.restored ? repair.message : `${repair.message} Labels and annotator names are the defaults again.`);
    if (repair.restored) await index.read();
    rebuild = true;
  }
  // Documents are never removed from a workspace but by a repair, which leaves backups: one
  // with neither is new even when its index exists (a first import that was all rejected).
  const created = missing ? !lost : writable && !rebuild && !(await holdsWork(dir));
  return { index, created, notices };
}
