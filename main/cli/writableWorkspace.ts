/// Opening a workspace for a command that changes it: the store repairs what it finds on the way
/// (a damaged file restored from a backup, a lost index, temporary files, an old schema) and says
/// so in `workspace.notices`; the command prints those once it has run, since reading documents
/// can add some.
import { Workspace } from '../core/store/workspace.js';
import { finishEvenIfOutputCloses } from './output.js';
import { printNotices } from './print.js';

/// Runs `use` on the workspace in `dir` opened for writing as `awb <command>`, then closes it and
/// prints the notices, also when `use` failed.
export function withWritableWorkspace<T>(dir: string, command: string, use: (workspace: Workspace) => Promise<T>): Promise<T> {
  return finishEvenIfOutputCloses(async () => {
    const workspace = await Workspace.open(dir, { app: `awb ${command}` });
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
