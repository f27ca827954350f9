import { describe, expect, it } from 'vitest';
import { MAX_PANES, NO_PANES, closePane, focusPane, openBeside, openInFocused } from '../../renderer/src/panes';

describe('document panes', () => {
  it('opens the first document in a new pane, then replaces the focused one', () => {
    const one = openInFocused(NO_PANES, 'a', 'k1');
    expect(one).toEqual({ panes: [{ key: 'k1', docId: 'a' }], focused: 'k1' });
    expect(openInFocused(one, 'b', 'k2')).toEqual({ panes: [{ key: 'k2', docId: 'b' }], focused: 'k2' });
  });

  it('opens beside up to three panes, then replaces the focused pane', () => {
    let state = openInFocused(NO_PANES, 'a', 'k1');
    state = openBeside(state, 'b', 'k2');
    state = openBeside(state, 'c', 'k3');
    expect(state.panes.map((p) => p.docId)).toEqual(['a', 'b', 'c']);
    state = focusPane(state, 'k2');
    state = openBeside(state, 'd', 'k4');
    expect(state.panes).toHaveLength(MAX_PANES);
    expect(state.panes.map((p) => p.docId)).toEqual(['a', 'd', 'c']);
    expect(state.focused).toBe('k4');
  });

  it('never opens a document twice; it focuses its pane', () => {
    let state = openBeside(openInFocused(NO_PANES, 'a', 'k1'), 'b', 'k2');
    state = openInFocused(state, 'a', 'k9');
    expect(state).toEqual({ panes: [{ key: 'k1', docId: 'a' }, { key: 'k2', docId: 'b' }], focused: 'k1' });
  });

  it('closing the focused pane moves the focus to a neighbour', () => {
    let state = openBeside(openBeside(openInFocused(NO_PANES, 'a', 'k1'), 'b', 'k2'), 'c', 'k3');
    state = closePane(focusPane(state, 'k2'), 'k2');
    expect(state.focused).toBe('k3');
    state = closePane(state, 'k3');
    expect(state.focused).toBe('k1');
    expect(closePane(state, 'k1')).toEqual(NO_PANES);
  });
});
