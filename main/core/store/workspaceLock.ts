/// One writer per workspace: a `.lock` folder (mkdir is atomic) holding `owner.json`, kept fresh
/// by a worker thread so that a long synchronous task cannot starve it. A lock whose holder died on
/// this machine, or that nobody refreshed for `LOCK_STALE_MS`, is taken over under a second lock,
/// so that of two processes taking over at once only one wins. A holder checks that the lock is
/// still its own and fresh before every rename that replaces a workspace file (`confirm`), and
/// stops writing once another process has taken it.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { WorkbenchError } from '../errors.js';

/// A lock not refreshed for this long is taken to be abandoned (its holder hung or paused).
export const LOCK_STALE_MS = 10_000;
/// How often the holder refreshes it.
const REFRESH_MS = 1_000;
/// A write goes ahead without asking the refresher when the lock was confirmed this recently: it
/// then stays fresh in the eyes of other processes for at least `LOCK_STALE_MS` minus this.
const FRESH_MS = 2_500;

const LOCK_DIR = '.lock';
const OWNER_FILE = 'owner.json';
/// Where versions before `owner.json` kept the owner (read when such a lock is found).
const LEGACY_OWNER_FILE = '.lock-owner.json';
const TAKEOVER_DIR = '.lock-takeover';

/// Thrown when another live process holds the workspace.
export class WorkspaceLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly owner: LockOwner | null,
  ) {
    const who = owner ? `pid ${owner.pid} on ${owner.host}, ${owner.app}, since ${owner.since}` : 'owner unknown; if nothing has it open, try again in 10 seconds';
    super(`workspace ${dir} is open in another window or process (${who}); close it first`);
    this.name = 'WorkspaceLockedError';
  }
}

/// Thrown by a write after another process took the workspace over (this one was paused or
/// frozen past `LOCK_STALE_MS`); nothing was written.
export class LockLostError extends WorkbenchError {
  constructor(dir: string, owner: LockOwner | null) {
    const who = owner ? `${owner.app} (pid ${owner.pid} on ${owner.host})` : 'another process';
    super(
      'lock-lost',
      `${who} took over the workspace ${dir} while this program was paused for more than ${LOCK_STALE_MS / 1000} s; ` +
        'this change was not saved, so as not to overwrite its work. Close the other program and try again.',
    );
    this.name = 'LockLostError';
  }
}

/// Who holds a workspace.
export interface LockOwner {
  pid: number;
  host: string;
  app: string;
  since: string;
  /// Random, per lock: tells this process's lock from one that replaced it in the same folder
  /// (a folder made again can have the same inode, and file times are rounded on some disks).
  token?: string;
  /// The pid namespace (Linux): a pid seen dead from another namespace may be alive.
  pidNamespace?: string;
}

/// Thrown by `confirm` when this process cannot tell that the lock is still its own: the lock
/// could not be refreshed (a failing disk), or the lock was released.
export class LockUnconfirmedError extends WorkbenchError {
  constructor(message: string) {
    super('save-failed', message);
    this.name = 'LockUnconfirmedError';
  }
}

// The refresher thread. It alone touches the lock folder's time: every `everyMs`, and when asked
// ('confirm'), it checks that the folder is still this lock's (same inode and owner token) and
// sets its time, and publishes in shared memory when it last did (`times[0]`), `flags[0]` once the
// lock is not its own any more, `flags[2]` while refreshing fails (the error is posted).
const REFRESHER = `
const { workerData, parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const { path, ownerPath, ino, token, shared, everyMs } = workerData;
const times = new Float64Array(shared, 0, 1);
const flags = new Int32Array(shared, 8, 3);
function refresh() {
  if (Atomics.load(flags, 0) || Atomics.load(flags, 1)) return;
  try {
    if (fs.statSync(path).ino !== ino || JSON.parse(fs.readFileSync(ownerPath, 'utf8')).token !== token) {
      return void Atomics.store(flags, 0, 1);
    }
    const at = new Date();
    fs.utimesSync(path, at, at);
    // A folder that replaced ours between the check and the touch is not ours to vouch for.
    if (fs.statSync(path).ino !== ino) return void Atomics.store(flags, 0, 1);
    times[0] = at.getTime();
    Atomics.store(flags, 2, 0);
  } catch (error) {
    if (error.code === 'ENOENT') return void Atomics.store(flags, 0, 1);
    Atomics.store(flags, 2, 1);
    parentPort.postMessage({ failed: String(error && error.message) });
  }
}
const timer = setInterval(refresh, everyMs);
parentPort.on('message', (message) => {
  if (message === 'stop') { clearInterval(timer); parentPort.close(); return; }
  refresh();
  parentPort.postMessage('confirmed');
});
`;

/// How long `confirm` waits for the refresher before giving up.
const CONFIRM_TIMEOUT_MS = 5_000;

/// The lock on one workspace, held by this process.
export class WorkspaceLock {
  private readonly times: Float64Array;
  private readonly flags: Int32Array;
  private released = false;
  /// Why the refresher is gone, once it is.
  private dead: string | null = null;
  private refreshError = '';
  private asking: Promise<void> | null = null;
  private answered: (() => void) | null = null;
  private readonly onExit = () => this.removeIfOurs();

  private constructor(
    /// The workspace folder.
    readonly dir: string,
    private readonly ino: number,
    private readonly token: string,
    private readonly refresher: Worker,
    shared: SharedArrayBuffer,
  ) {
    this.times = new Float64Array(shared, 0, 1);
    this.flags = new Int32Array(shared, 8, 3);
    this.times[0] = Date.now();
    process.once('exit', this.onExit);
    refresher.on('message', (message: unknown) => {
      if (message === 'confirmed') this.answered?.();
      else if (typeof message === 'object' && message) this.refreshError = String((message as { failed: unknown }).failed);
    });
    // An uncaught error in the thread would otherwise end the process.
    refresher.on('error', (error) => (this.dead = `its refresher failed: ${error.message}`));
    refresher.on('exit', () => {
      this.dead ??= 'its refresher stopped';
      this.answered?.();
    });
  }

  /// Takes the write lock on `dir` (which must exist) for `app`, taking over a dead holder's.
  static async acquire(dir: string, app: string): Promise<WorkspaceLock> {
    const path = join(dir, LOCK_DIR);
    for (let attempt = 0; ; attempt++) {
      if (tryCreate(path)) return WorkspaceLock.hold(dir, app);
      const seen = lockState(path);
      if (!seen) continue; // released meanwhile
      if (!isAbandoned(seen) || attempt >= 20) throw new WorkspaceLockedError(dir, seen.owner);
      const took = takeOver(dir, seen);
      if (took === 'taken') return WorkspaceLock.hold(dir, app);
      if (took === 'busy') await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private static hold(dir: string, app: string): WorkspaceLock {
    const path = join(dir, LOCK_DIR);
    const token = randomUUID();
    const owner: LockOwner = { pid: process.pid, host: hostname(), app, since: new Date().toISOString(), token, pidNamespace: PID_NAMESPACE };
    writeFileSync(join(path, OWNER_FILE), JSON.stringify(owner));
    rmSync(join(dir, LEGACY_OWNER_FILE), { force: true });
    const { ino } = statSync(path);
    const shared = new SharedArrayBuffer(24);
    const workerData = { path, ownerPath: join(path, OWNER_FILE), ino, token, shared, everyMs: REFRESH_MS };
    const refresher = new Worker(REFRESHER, { eval: true, workerData });
    refresher.unref();
    return new WorkspaceLock(dir, ino, token, refresher, shared);
  }

  /// Whether another process has taken the lock (this one must not write any more).
  get lost(): boolean {
    return Atomics.load(this.flags, 0) === 1;
  }

  /// Resolves when the lock is still this process's and fresh, so that no other process can
  /// take it for several seconds; throws `LockLostError` when it was taken, and
  /// `LockUnconfirmedError` when that cannot be told. Called right before each rename that
  /// replaces a workspace file.
  async confirm(): Promise<void> {
    // Lost first: a write begun under a lock that was lost, and released once taken back, is to be
    // made again under the new one.
    if (this.lost) throw new LockLostError(this.dir, lockState(join(this.dir, LOCK_DIR))?.owner ?? null);
    if (this.released) throw new LockUnconfirmedError(`the workspace ${this.dir} was closed`);
    if (!this.fresh() && !this.dead) await this.askRefresher();
    if (this.lost) throw new LockLostError(this.dir, lockState(join(this.dir, LOCK_DIR))?.owner ?? null);
    if (this.fresh()) return;
    const lockPath = join(this.dir, LOCK_DIR);
    if (this.dead) throw new LockUnconfirmedError(`the lock on the workspace (${lockPath}) is not kept: ${this.dead}; reopen the workspace`);
    throw new LockUnconfirmedError(
      `could not refresh the lock on the workspace (${lockPath})${this.refreshError ? `: ${this.refreshError}` : ''}; nothing was written`,
    );
  }

  /// Stops refreshing and removes the lock if it is still this process's.
  release(): void {
    if (this.released) return;
    this.removeIfOurs();
    process.removeListener('exit', this.onExit);
    // Not awaited: the refresher does not keep the process alive, so its exit may never come.
    this.refresher.postMessage('stop');
  }

  private fresh(): boolean {
    return Atomics.load(this.flags, 2) === 0 && Date.now() - this.times[0] <= FRESH_MS;
  }

  /// Paused or busy for a while: let the refresher look at the folder now (one question at a
  /// time, however many writes wait for the answer).
  private askRefresher(): Promise<void> {
    this.asking ??= new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.answered?.(), CONFIRM_TIMEOUT_MS);
      this.answered = () => {
        clearTimeout(timer);
        this.answered = null;
        this.asking = null;
        resolve();
      };
      this.refresher.postMessage('confirm');
    });
    return this.asking;
  }

  private removeIfOurs(): void {
    if (this.released) return;
    this.released = true;
    Atomics.store(this.flags, 1, 1);
    const path = join(this.dir, LOCK_DIR);
    if (!this.lost && statSync(path, { throwIfNoEntry: false })?.ino === this.ino && readOwner(join(path, OWNER_FILE))?.token === this.token) {
      rmSync(path, { recursive: true, force: true });
    }
  }
}

/// This process's pid namespace on Linux (`pid:[4026531836]`), else undefined.
const PID_NAMESPACE = (() => {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return undefined;
  }
})();

/// What a lock folder looks like now: its identity, age and owner.
interface LockState {
  ino: number;
  mtimeMs: number;
  owner: LockOwner | null;
}

function tryCreate(path: string): boolean {
  try {
    mkdirSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function lockState(path: string): LockState | null {
  let stats: Stats | undefined;
  try {
    stats = statSync(path, { throwIfNoEntry: false });
  } catch {
    return null;
  }
  if (!stats) return null;
  return { ino: stats.ino, mtimeMs: stats.mtimeMs, owner: readOwner(join(path, OWNER_FILE)) ?? readOwner(join(path, '..', LEGACY_OWNER_FILE)) };
}

/// A lock is abandoned when its holder is gone from this machine or nobody refreshed it for
/// `LOCK_STALE_MS` (a holder on another machine, or one paused or frozen here).
function isAbandoned(state: LockState): boolean {
  if (Date.now() - state.mtimeMs > LOCK_STALE_MS) return true;
  const owner = state.owner;
  // (Owners written before namespaces were recorded name none.)
  const sameNamespace = owner?.pidNamespace === undefined || owner.pidNamespace === PID_NAMESPACE;
  return !!owner && owner.host === hostname() && sameNamespace && !isAlive(owner.pid);
}

/// Replaces an abandoned lock by this process's, under `.lock-takeover` (mkdir, so one taker at a
/// time), and only if the lock is still the one judged abandoned: another taker may have replaced
/// it with a live lock meanwhile.
function takeOver(dir: string, seen: LockState): 'taken' | 'busy' | 'changed' {
  const guard = join(dir, TAKEOVER_DIR);
  if (!tryCreate(guard)) {
    // A taker that died while taking over leaves the guard behind; it is old after a while.
    const age = Date.now() - (statSync(guard, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > LOCK_STALE_MS) rmSync(guard, { recursive: true, force: true });
    return 'busy';
  }
  try {
    const path = join(dir, LOCK_DIR);
    const now = lockState(path);
    if (!now || now.ino !== seen.ino || now.mtimeMs !== seen.mtimeMs || now.owner?.pid !== seen.owner?.pid || now.owner?.token !== seen.owner?.token) return 'changed';
    // Renamed away before removal: a removal that fails half-way leaves no half lock at `.lock`.
    const dead = join(dir, `.lock-abandoned-${process.pid}-${Date.now()}`);
    renameSync(path, dead);
    rmSync(dead, { recursive: true, force: true });
    return tryCreate(path) ? 'taken' : 'changed';
  } finally {
    // Gone if this taker stalled past the stale time and another removed it as abandoned.
    rmSync(guard, { recursive: true, force: true });
  }
}

function readOwner(path: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
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
