/// Reads many documents of a workspace in one pass (exports read every document once): each file
/// is read synchronously, parsed and checked with the schema, without lowdb, and is not kept in
/// the workspace's cache (10,000 documents held at once cost seconds of garbage collection).
/// Anything unusual (a file that is damaged, missing, of another schema version, or unreadable)
/// goes through `Workspace.readDocument`, so errors, repairs and migrations are exactly those of a
/// single read; a document the workspace already holds is taken from it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentFileSchema, type DocumentFile } from '../model.js';
import type { Workspace } from './workspace.js';
import { documentFileName } from './workspaceFiles.js';

/// Files read before the reader lets other work run. The reads are synchronous (several times
/// faster than `fs.promises.readFile` for small files), so a batch holds the event loop for about
/// a millisecond.
const FILES_PER_TURN = 32;

/// The file as the schema parses it, or `null` when it needs the full read (which reports,
/// repairs or migrates).
function readCheckedFile(path: string): DocumentFile | null {
  try {
    const parsed = DocumentFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/// The documents `ids`, in order, one at a time.
export async function* readDocuments(workspace: Workspace, ids: readonly string[]): AsyncGenerator<DocumentFile> {
  const folder = join(workspace.dir, 'documents');
  for (let i = 0; i < ids.length; i++) {
    if (i % FILES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    const id = ids[i];
    const loaded = workspace.loadedDocument(id);
    yield (loaded ? await loaded : readCheckedFile(join(folder, documentFileName(id)))) ?? (await workspace.readDocument(id));
  }
}
