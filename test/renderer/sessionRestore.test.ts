// The saved reading session: what is written reads back the same; anything damaged, foreign or
// out of range reads as no session; reopening skips documents deleted since and keeps the focus.
import { describe, expect, it } from 'vitest';
import { panesToRestore, readSession, sessionKey, sessionOf, writeSession, type SavedSession } from '../../renderer/src/state/sessionRestore';

const doc = (c: string) => `sha256:${c.repeat(64)}`;
const [A, B, C] = [doc('a'), doc('b'), doc('c')];
const session: SavedSession = { panes: [{ docId: A, scrollOffset: 0 }, { docId: B, scrollOffset: 181_234 }], focused: 1 };
const raw = (value: unknown) => JSON.stringify(value);

describe('the saved session', () => {
  it('reads back what was written', () => {
    expect(readSession(writeSession(session))).toEqual(session);
  });

  it('is kept per workspace', () => {
    expect(sessionKey('/home/ana/ws')).not.toBe(sessionKey('/home/ana/ws2'));
  });

  it('writes nothing when no pane is open (the next start opens none)', () => {
    expect(writeSession({ panes: [], focused: 0 })).toBeNull();
  });

  it('is taken from the panes, the focus as an index, each offset asked for', () => {
    const panes = { panes: [{ key: 'p1', docId: A }, { key: 'p2', docId: B }], focused: 'p2' };
    expect(sessionOf(panes, (id) => (id === B ? 181_234 : 0))).toEqual(session);
  });

  it.each([
    ['nothing stored', null],
    ['not JSON', '{"version":1,"panes":['],
    ['JSON of another kind', raw(['a', 'b'])],
    ['another version', raw({ version: 2, panes: session.panes, focused: 0 })],
    ['no version', raw({ panes: session.panes, focused: 0 })],
    ['no panes', raw({ version: 1, panes: [], focused: 0 })],
    ['more panes than are shown', raw({ version: 1, panes: [A, B, C, doc('d')].map((docId) => ({ docId, scrollOffset: 0 })), focused: 0 })],
    ['a document id of another form', raw({ version: 1, panes: [{ docId: 'seed-001', scrollOffset: 0 }], focused: 0 })],
    ['a negative offset', raw({ version: 1, panes: [{ docId: A, scrollOffset: -5 }], focused: 0 })],
    ['an offset that is not whole', raw({ version: 1, panes: [{ docId: A, scrollOffset: 1.5 }], focused: 0 })],
    ['an offset as text', raw({ version: 1, panes: [{ docId: A, scrollOffset: '40' }], focused: 0 })],
    ['the same document twice', raw({ version: 1, panes: [{ docId: A, scrollOffset: 0 }, { docId: A, scrollOffset: 9 }], focused: 0 })],
    ['a focus past the panes', raw({ version: 1, panes: [{ docId: A, scrollOffset: 0 }], focused: 1 })],
    ['no focus', raw({ version: 1, panes: [{ docId: A, scrollOffset: 0 }] })],
  ])('reads as no session when damaged or foreign: %s', (_what, stored) => {
    expect(readSession(stored)).toBeNull();
  });
});

describe('reopening the panes of a session', () => {
  const keyOf = (i: number) => `k${i}`;

  it('opens every document still there, in order, with the focus where it was', () => {
    expect(panesToRestore(session, new Set([A, B]), keyOf)).toEqual({ panes: [{ key: 'k0', docId: A }, { key: 'k1', docId: B }], focused: 'k1' });
  });

  it('skips documents deleted since; the focus goes to the pane left of a deleted focused one', () => {
    const three: SavedSession = { panes: [A, B, C].map((docId) => ({ docId, scrollOffset: 0 })), focused: 1 };
    expect(panesToRestore(three, new Set([A, C]), keyOf)).toEqual({ panes: [{ key: 'k0', docId: A }, { key: 'k1', docId: C }], focused: 'k0' });
    expect(panesToRestore({ ...three, focused: 2 }, new Set([B, C]), keyOf)).toEqual({ panes: [{ key: 'k0', docId: B }, { key: 'k1', docId: C }], focused: 'k1' });
    expect(panesToRestore({ ...three, focused: 0 }, new Set([B, C]), keyOf).focused).toBe('k0');
  });

  it('opens none when every document is gone', () => {
    expect(panesToRestore(session, new Set(), keyOf)).toEqual({ panes: [], focused: null });
  });
});
