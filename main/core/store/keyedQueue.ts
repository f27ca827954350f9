/// Runs tasks one at a time per key, and tasks for different keys concurrently: writes to one
/// file are serialised while different documents never wait for each other.
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /// Runs `task` after every task queued earlier under `key`; resolves with its result.
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }

  /// Resolves once every queued task has settled.
  async idle(): Promise<void> {
    while (this.tails.size) await Promise.all(this.tails.values());
  }
}
