// Takes a workspace's lock, holds it for a moment so that the others trying at the same time see
// it held, and prints `took`, or `locked` when another process has it.
import { WorkspaceLock, WorkspaceLockedError } from '../../main/core/store/workspaceLock';

try {
  const lock = await WorkspaceLock.acquire(process.argv[2], 'lock taker');
  process.stdout.write('took\n');
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  lock.release();
} catch (error) {
  if (!(error instanceof WorkspaceLockedError)) throw error;
  process.stdout.write('locked\n');
}
