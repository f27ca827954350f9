/// Runs tasks one at a time per key, and tasks for different keys concurrently: writes to one
/// file are serialised while different documents never wait for each other.
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();
  private barrier: Promise<unknown> = Promise.resolve();

  /// Runs `task` after every task queued earlier under `key` (and every `runAlone` task queued
  /// earlier); resolves with its result.
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = Promise.all([this.tails.get(key), this.barrier]);
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }

  /// Runs `task` alone: after every task queued so far under any key, and before any queued after.
  runAlone<T>(task: () => Promise<T>): Promise<T> {
    const next = Promise.all([...this.tails.values(), this.barrier]).then(task, task);
    this.barrier = next.catch(() => undefined);
    return next;
  }

  /// Resolves once every queued task has settled.
  async idle(): Promise<void> {
    do await Promise.all([...this.tails.values(), this.barrier]);
    while (this.tails.size);
  }
}
