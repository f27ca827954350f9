// The small-screen rules: how many panes go side by side and which become tabs, when the side
// panels dock or start hidden and what is remembered, and where the selection toolbar goes.
import { describe, expect, it } from 'vitest';
import { columnsThatFit, MIN_PANE_WIDTH, PANE_GAP, paneColumns } from '../../renderer/src/document/paneColumns';
import { BOTH_OPEN, isNarrowFor, panelsAt, PANELS_STORAGE_KEY, readPanelsChoice, writePanelsChoice } from '../../renderer/src/layout/sidePanels';
import { placeToolbar, TOOLBAR_GAP } from '../../renderer/src/selectionToolbarPlace';

describe('pane columns', () => {
  it('puts panes side by side while each gets the minimum width', () => {
    expect(paneColumns(3, 3 * MIN_PANE_WIDTH + 2 * PANE_GAP)).toEqual({ columns: 3, tabsFrom: null });
    expect(paneColumns(2, 2 * MIN_PANE_WIDTH + PANE_GAP)).toEqual({ columns: 2, tabsFrom: null });
    expect(paneColumns(1, 200)).toEqual({ columns: 1, tabsFrom: null });
    expect(paneColumns(0, 1000)).toEqual({ columns: 0, tabsFrom: null });
  });

  it('makes the panes that do not fit tabs of the last column', () => {
    // One pixel short of three: two columns, the second holding panes 2 and 3 as tabs.
    expect(paneColumns(3, 3 * MIN_PANE_WIDTH + 2 * PANE_GAP - 1)).toEqual({ columns: 2, tabsFrom: 1 });
    // 150 px columns are never drawn: one column of tabs.
    expect(paneColumns(3, 450)).toEqual({ columns: 1, tabsFrom: 0 });
    expect(paneColumns(2, 600)).toEqual({ columns: 1, tabsFrom: 0 });
  });

  it('never gives fewer than one column', () => {
    expect(columnsThatFit(0)).toBe(1);
    expect(columnsThatFit(MIN_PANE_WIDTH - 1)).toBe(1);
  });
});

describe('side panels', () => {
  it('docks the library from 1100 px and the inspector from 1000 px', () => {
    expect(isNarrowFor('library', 1099)).toBe(true);
    expect(isNarrowFor('library', 1100)).toBe(false);
    expect(isNarrowFor('inspector', 999)).toBe(true);
    expect(isNarrowFor('inspector', 1024)).toBe(false);
  });

  it('starts a panel hidden where the window is too narrow, else as last chosen', () => {
    expect(panelsAt(1024, BOTH_OPEN)).toEqual({ library: false, inspector: true });
    expect(panelsAt(800, BOTH_OPEN)).toEqual({ library: false, inspector: false });
    expect(panelsAt(1440, { library: false, inspector: true })).toEqual({ library: false, inspector: true });
  });

  it('remembers the choice, and reads a missing or damaged one as both shown', () => {
    const stored = new Map<string, string>();
    const storage = { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v) };
    expect(readPanelsChoice(storage)).toEqual(BOTH_OPEN);
    writePanelsChoice(storage, { library: false, inspector: true });
    expect(readPanelsChoice(storage)).toEqual({ library: false, inspector: true });
    stored.set(PANELS_STORAGE_KEY, '{not json');
    expect(readPanelsChoice(storage)).toEqual(BOTH_OPEN);
    stored.set(PANELS_STORAGE_KEY, '{"library":"no","inspector":false}');
    expect(readPanelsChoice(storage)).toEqual({ library: true, inspector: false });
    expect(readPanelsChoice(null)).toEqual(BOTH_OPEN);
    const full = { setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(() => writePanelsChoice(full, BOTH_OPEN)).not.toThrow();
  });
});

describe('selection toolbar place', () => {
  const pane = { top: 100, left: 200, right: 600, bottom: 700 };
  const size = { width: 300, height: 38 };

  it('goes above the line above the selection, clear of it', () => {
    const place = placeToolbar({ selection: { top: 400, bottom: 420, left: 300, right: 360 }, lineAboveTop: 372, lineHeight: 27, pane }, size);
    expect(place.below).toBe(false);
    expect(place.top + size.height).toBeLessThanOrEqual(372 - TOOLBAR_GAP);
  });

  it('goes below the selection when there is no room above inside the pane', () => {
    const place = placeToolbar({ selection: { top: 130, bottom: 150, left: 300, right: 360 }, lineAboveTop: 103, lineHeight: 27, pane }, size);
    expect(place).toMatchObject({ below: true, top: 150 + TOOLBAR_GAP });
  });

  it('stays inside the pane at its edges', () => {
    const right = placeToolbar({ selection: { top: 400, bottom: 420, left: 560, right: 598 }, lineAboveTop: 372, lineHeight: 27, pane }, size);
    expect(right.left + size.width).toBeLessThanOrEqual(pane.right - TOOLBAR_GAP);
    const left = placeToolbar({ selection: { top: 400, bottom: 420, left: 202, right: 230 }, lineAboveTop: null, lineHeight: 27, pane }, size);
    expect(left.left).toBe(pane.left + TOOLBAR_GAP);
    // A selection running past the pane's bottom: the toolbar at the bottom of the pane.
    const low = placeToolbar({ selection: { top: 130, bottom: 2000, left: 300, right: 360 }, lineAboveTop: null, lineHeight: 27, pane }, size);
    expect(low.top + size.height).toBe(pane.bottom - TOOLBAR_GAP);
  });
});
