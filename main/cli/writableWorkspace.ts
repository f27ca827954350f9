/// Opening a workspace for a command that changes it: the store repairs what it finds on the way
/// (a damaged file restored from a backup, a lost index, temporary files, an old schema) and says
/// so in `workspace.notices`; the command prints those once it has run, since reading documents
/// can add some.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { holdsWork } from '../core/store/recovery.js';
import { WorkspaceError, type Workspace } from '../core/store/workspace.js';
import { openWorkspace } from './openWorkspace.js';
import { finishEvenIfOutputCloses } from './output.js';
import { printNotices } from './print.js';

/// Runs `use` on the workspace in `dir` opened for writing as `awb <command>`, then closes it and
/// prints the notices, also when `use` failed. With `existing`, a folder holding no workspace is
/// refused rather than made a new one (`awb repair --workspace` with a mistyped folder).
export function withWritableWorkspace<T>(dir: string, command: string, use: (workspace: Workspace) => Promise<T>, existing = false): Promise<T> {
  return finishEvenIfOutputCloses(async () => {
    if (existing && !existsSync(join(dir, 'workspace.json')) && !(await holdsWork(dir))) {
      throw new WorkspaceError(`no workspace at ${dir} (nothing has been imported there yet)`);
    }
    const workspace = await openWorkspace(dir, { app: `awb ${command}` });
    try {
      return await use(workspace);
    } finally {
      try {
        await workspace.close();
      } finally {
        printNotices(command, workspace.notices);
      }
    }
  });
}
