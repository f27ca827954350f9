// Listeners: the renderer stores' event lists (add, emit, remove, a listener removing itself mid-emit).
import { describe, expect, it } from 'vitest';
import { Listeners } from '../../renderer/src/state/listeners';

describe('Listeners', () => {
  it('calls each listener with the arguments, in the order added, until it is removed', () => {
    const events = new Listeners<[name: string, count: number]>();
    const heard: string[] = [];
    const removeFirst = events.add((name, count) => heard.push(`first ${name} ${count}`));
    events.add((name) => heard.push(`second ${name}`));
    events.emit('a', 1);
    removeFirst();
    events.emit('b', 2);
    expect(heard).toEqual(['first a 1', 'second a', 'second b']);
    expect(events.size).toBe(1);
  });

  it('lets a listener remove itself while being called, and the others still hear that event', () => {
    const events = new Listeners();
    const heard: string[] = [];
    const removeOnce = events.add(() => {
      heard.push('once');
      removeOnce();
    });
    events.add(() => heard.push('always'));
    events.emit();
    events.emit();
    expect(heard).toEqual(['once', 'always', 'always']);
  });

  it('adds the same function once, and its removal is idempotent', () => {
    const events = new Listeners();
    let calls = 0;
    const listener = () => calls++;
    const remove = events.add(listener);
    events.add(listener);
    events.emit();
    remove();
    remove();
    events.emit();
    expect(calls).toBe(1);
    expect(events.size).toBe(0);
  });
});
