/// `awb repair`: opens the workspace for writing, which repairs the index and removes temporary
/// files, then reads every document, which moves a damaged file to damaged/ and restores the newest
/// valid backup of it (or, with none, removes the document from the library). What was done is
/// printed as the store's notices; exit 1 when a document could not be restored.
import { join } from 'node:path';
import { DocumentFileSchema } from '../core/model.js';
import { readJsonFile } from '../core/store/durableJsonFile.js';
import { documentFileName } from '../core/store/workspaceFiles.js';
import { resolveWorkspaceDir } from '../core/workspaceLocation.js';
import { describeError } from '../core/fileErrors.js';
import { EXIT_FAILED, ExitWith } from './exit.js';
import { say, warn } from './output.js';
import { withWritableWorkspace } from './writableWorkspace.js';

/// The command that repairs the workspace in `dir`, for messages that suggest it.
export function repairCommandLine(dir: string): string {
  return `awb repair --workspace ${dir}`;
}

/// Repairs the workspace; prints "N documents checked, M repaired".
export async function repairCommand(options: { workspace?: string }): Promise<void> {
  const { checked, repaired, lost } = await withWritableWorkspace(resolveWorkspaceDir(options.workspace), 'repair', async (workspace) => {
    const documents = [...workspace.listDocuments()];
    let repaired = 0;
    const lost: string[] = [];
    for (const { id, title } of documents) {
      const path = join(workspace.dir, 'documents', documentFileName(id));
      // A file that reads cleanly needs nothing; reading it through the workspace would keep
      // every document of a large corpus in memory.
      if (await readJsonFile(path, DocumentFileSchema).catch(() => null)) continue;
      try {
        await workspace.readDocument(id);
        if (workspace.takeRepairNotice(id)) repaired++;
      } catch (error) {
        // With a repair notice, the notice (printed below) says what happened to the file.
        const noticed = workspace.takeRepairNotice(id);
        lost.push(noticed ? `"${title}" could not be restored and was removed from the library` : `"${title}": ${describeError(error)}`);
      }
    }
    return { checked: documents.length, repaired, lost };
  }, true);
  for (const line of lost) warn(`awb repair: ${line}`);
  say(`${checked} documents checked, ${repaired} repaired${lost.length ? `, ${lost.length} could not be restored` : ''}`);
  if (lost.length) throw new ExitWith(EXIT_FAILED);
}
