/// The listeners of one kind of event, for the renderer's plain-TypeScript stores: `add` gives the
/// function that removes the listener again (as `useSyncExternalStore` and effects want it), and
/// `emit` calls each in the order added. A listener may remove itself while being called.
export class Listeners<Args extends unknown[] = []> {
  private readonly set = new Set<(...args: Args) => void>();

  /// Adds `listener`; returns what removes it.
  add = (listener: (...args: Args) => void): (() => void) => {
    this.set.add(listener);
    return () => void this.set.delete(listener);
  };

  /// Calls every listener with `args`.
  emit(...args: Args): void {
    this.set.forEach((listener) => listener(...args));
  }

  /// How many listen.
  get size(): number {
    return this.set.size;
  }
}
