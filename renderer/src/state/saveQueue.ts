/// Saving, one change at a time and in order: every edit the UI shows at once is queued here and
/// sent to the service. A failed save stays on screen and in the queue; a failure that may pass
/// (the service unreachable, a disk error) is retried with backoff, one the service refused for a
/// reason is not, and either way the person can retry now or discard it.

/// One queued save.
export interface SaveOperation {
  /// What it does, for messages ("tag “Staffan de Mistura”").
  description: string;
  /// Annotation ids it changes: a reply is adopted only when no later save is queued for them.
  targets: readonly string[];
  run(): Promise<void>;
}

/// What the save indicator shows.
export interface SaveStatus {
  /// Saves not yet acknowledged (the failing one included).
  pending: number;
  failure: SaveFailure | null;
}

/// The save at the head of the queue failed.
export interface SaveFailure {
  description: string;
  message: string;
  attempts: number;
  /// When the next automatic retry happens (ms since epoch), or null if it will not retry alone.
  retryAt: number | null;
}

/// Backoff before automatic retry number `attempt` (1, 2, …): 1 s, 2 s, 4 s … up to 30 s.
export function retryDelay(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
}

/// Whether an error might go away by itself: no code (a transport that does not tell), an
/// unreachable service, a failed write (a full or failing disk), a workspace another program
/// holds for now (`lock-lost`) or an internal failure. A refusal with a reason will not.
export function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === undefined || code === 'internal' || code === 'unreachable' || code === 'save-failed' || code === 'lock-lost';
}

/// The queue. `onChange` is called after every change of {@link SaveQueue.status}; `onIdle`
/// when the last queued save has been acknowledged.
export class SaveQueue {
  private readonly operations: SaveOperation[] = [];
  private running = false;
  private failure: SaveFailure | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly onChange: () => void,
    private readonly onIdle: () => void,
  ) {}

  /// The indicator's state.
  get status(): SaveStatus {
    return { pending: this.operations.length, failure: this.failure };
  }

  /// Whether a save other than `except` is queued for annotation `id`.
  hasPendingFor(id: string, except?: SaveOperation): boolean {
    return this.operations.some((op) => op !== except && op.targets.includes(id));
  }

  /// Queues a save and starts saving if idle.
  enqueue(operation: SaveOperation): void {
    this.operations.push(operation);
    this.onChange();
    void this.drain();
  }

  /// Retries the failed save now.
  retryNow(): void {
    if (!this.failure) return;
    this.clearTimer();
    void this.drain();
  }

  /// Drops the failed save (the caller re-reads the truth from the service) and goes on.
  discardFailed(): SaveOperation | null {
    if (!this.failure) return null;
    this.clearTimer();
    const dropped = this.operations.shift() ?? null;
    this.failure = null;
    this.onChange();
    if (this.operations.length === 0) this.onIdle();
    else void this.drain();
    return dropped;
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.operations.length > 0) {
        const operation = this.operations[0];
        try {
          await operation.run();
        } catch (error) {
          this.fail(operation, error);
          return;
        }
        this.operations.shift();
        this.failure = null;
        this.onChange();
      }
    } finally {
      this.running = false;
    }
    this.onIdle();
  }

  private fail(operation: SaveOperation, error: unknown): void {
    const attempts = (this.failure?.attempts ?? 0) + 1;
    const retryAt = isTransient(error) ? Date.now() + retryDelay(attempts) : null;
    const message = error instanceof Error ? error.message : String(error);
    this.failure = { description: operation.description, message, attempts, retryAt };
    if (retryAt !== null) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.drain();
      }, retryAt - Date.now());
    }
    this.onChange();
  }
}
