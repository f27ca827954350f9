/// The writes of one open workspace, each in its file's queue and checked against the workspace
/// lock right before its rename. A write that finds the lock taken by another process (this one
/// was paused past `LOCK_STALE_MS`) is not made: the lock is taken again once that process is
/// done, the workspace is read again from disk (`reload`), and the change is made once more on
/// what is there now. While the other process holds the lock, writes fail with `LockLostError`.
import type { BeforeRename } from './durableJsonFile.js';
import type { KeyedQueue } from './keyedQueue.js';
import { LockLostError, WorkspaceLock, WorkspaceLockedError } from './workspaceLock.js';

/// A write of workspace files; `guard` goes to each of its renames.
export type GuardedWrite<T> = (guard: BeforeRename) => Promise<T>;

/// Writes under the workspace lock.
export class LockedWrites {
  private regaining: Promise<void> | null = null;
  /// The lock was taken back but reading the workspace again failed: no write until it succeeds.
  private stale = false;

  constructor(
    private lock: WorkspaceLock,
    private readonly app: string,
    private readonly queue: KeyedQueue,
    /// Reads the workspace again after another process wrote to it; `guard` is for its writes.
    private readonly reload: (guard: BeforeRename) => Promise<void>,
  ) {}

  /// Whether the lock is lost right now (another process holds the workspace).
  get lost(): boolean {
    return this.lock.lost;
  }

  /// Runs `write` after the writes queued earlier for the file `key`.
  run<T>(key: string, write: GuardedWrite<T>): Promise<T> {
    return this.queue.run(key, () => this.attempt(write));
  }

  /// Runs `write` with no other write running (see `KeyedQueue.runAlone`).
  runAlone<T>(write: GuardedWrite<T>): Promise<T> {
    return this.queue.runAlone(() => this.attempt(write));
  }

  /// The check for a write made outside the queues (while opening, or by a queued write itself).
  async guard(): Promise<BeforeRename> {
    const lock = await this.held();
    return () => lock.confirm();
  }

  /// Releases the lock.
  release(): void {
    this.lock.release();
  }

  private async attempt<T>(write: GuardedWrite<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      // The check is bound to the lock the write started under: a write computed from what was
      // in memory before the workspace was read again must not pass under the new lock.
      const guard = await this.guard();
      try {
        return await write(guard);
      } catch (error) {
        if (!(error instanceof LockLostError) || attempt > 0) throw error;
      }
    }
  }

  private async held(): Promise<WorkspaceLock> {
    while (this.lock.lost || this.stale) {
      this.regaining ??= this.regain().finally(() => (this.regaining = null));
      await this.regaining;
    }
    return this.lock;
  }

  private async regain(): Promise<void> {
    if (this.lock.lost) {
      const lock = await WorkspaceLock.acquire(this.lock.dir, this.app).catch((error: unknown) => {
        throw error instanceof WorkspaceLockedError ? new LockLostError(this.lock.dir, error.owner) : error;
      });
      this.lock.release();
      this.lock = lock;
      this.stale = true;
    }
    const lock = this.lock;
    await this.reload(() => lock.confirm());
    this.stale = false;
  }
}
