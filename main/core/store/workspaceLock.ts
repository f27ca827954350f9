/// One writer per workspace: a proper-lockfile lock on the folder plus a small owner file, so a
/// second process is told who holds it, and a lock left by a crashed process is taken over.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

/// Thrown when another live process holds the workspace.
export class WorkspaceLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly owner: LockOwner | null,
  ) {
    const who = owner ? `pid ${owner.pid} on ${owner.host}, ${owner.app}, since ${owner.since}` : 'owner unknown';
    super(`workspace ${dir} is open in another window or process (${who}); close it first`);
    this.name = 'WorkspaceLockedError';
  }
}

/// Who holds a workspace.
export interface LockOwner {
  pid: number;
  host: string;
  app: string;
  since: string;
}

const LOCK_DIR = '.lock';
const OWNER_FILE = '.lock-owner.json';

/// Takes the write lock on `dir` (which must exist); returns the function that releases it.
export async function lockWorkspace(dir: string, app: string): Promise<() => Promise<void>> {
  const options = {
    lockfilePath: join(dir, LOCK_DIR),
    stale: 10_000,
    retries: 0,
    realpath: false,
    onCompromised: (error: Error) => console.error(`workspace lock lost: ${error.message}`),
  };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    const owner = readOwner(dir);
    if (!owner || owner.host !== hostname() || isAlive(owner.pid)) throw new WorkspaceLockedError(dir, owner);
    // The holder crashed on this machine: its lock is dead even though it is not yet stale.
    rmSync(join(dir, LOCK_DIR), { recursive: true, force: true });
    release = await lockfile.lock(dir, options);
  }
  const owner: LockOwner = { pid: process.pid, host: hostname(), app, since: new Date().toISOString() };
  writeFileSync(join(dir, OWNER_FILE), JSON.stringify(owner));
  return async () => {
    rmSync(join(dir, OWNER_FILE), { force: true });
    await release();
  };
}

function readOwner(dir: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(join(dir, OWNER_FILE), 'utf8')) as LockOwner;
    return typeof owner.pid === 'number' ? owner : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
