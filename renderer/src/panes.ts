/// Which documents are open side by side, and which pane has the focus. Pure functions over a
/// small immutable state, so the rules below are easy to read and to test.

/// The most panes shown side by side.
export const MAX_PANES = 3;

/// One document pane. `key` is unique for the life of the pane's content: showing another
/// document in a pane gives it a new key, so the view starts fresh at the top.
export interface Pane {
  key: string;
  docId: string;
}

/// The panes, left to right, and the key of the focused one (null when there are none).
export interface PaneState {
  panes: Pane[];
  focused: string | null;
}

/// No pane open.
export const NO_PANES: PaneState = { panes: [], focused: null };

function focusedIndex(state: PaneState): number {
  const index = state.panes.findIndex((p) => p.key === state.focused);
  return index === -1 ? 0 : index;
}

function alreadyOpen(state: PaneState, docId: string): PaneState | null {
  const pane = state.panes.find((p) => p.docId === docId);
  return pane ? { ...state, focused: pane.key } : null;
}

function replaceAt(state: PaneState, index: number, docId: string, newKey: string): PaneState {
  const panes = state.panes.map((p, i) => (i === index ? { key: newKey, docId } : p));
  return { panes, focused: newKey };
}

/// Opens `docId` in the focused pane (the first if none is focused, a new one if there are none).
/// A document that is already open is not opened twice: its pane gets the focus instead.
export function openInFocused(state: PaneState, docId: string, newKey: string): PaneState {
  const existing = alreadyOpen(state, docId);
  if (existing) return existing;
  if (state.panes.length === 0) return { panes: [{ key: newKey, docId }], focused: newKey };
  return replaceAt(state, focusedIndex(state), docId, newKey);
}

/// Opens `docId` in a new pane on the right and focuses it; with {@link MAX_PANES} already open,
/// it replaces the focused pane instead. An open document just gets the focus.
export function openBeside(state: PaneState, docId: string, newKey: string): PaneState {
  const existing = alreadyOpen(state, docId);
  if (existing) return existing;
  if (state.panes.length >= MAX_PANES) return replaceAt(state, focusedIndex(state), docId, newKey);
  return { panes: [...state.panes, { key: newKey, docId }], focused: newKey };
}

/// Closes a pane; if it had the focus, its right neighbour (or else its left one) gets it.
export function closePane(state: PaneState, key: string): PaneState {
  const index = state.panes.findIndex((p) => p.key === key);
  if (index === -1) return state;
  const panes = state.panes.filter((p) => p.key !== key);
  if (state.focused !== key) return { panes, focused: state.focused };
  const next = panes[Math.min(index, panes.length - 1)];
  return { panes, focused: next ? next.key : null };
}

/// Gives the focus to a pane (ignored for an unknown key).
export function focusPane(state: PaneState, key: string): PaneState {
  if (state.focused === key || !state.panes.some((p) => p.key === key)) return state;
  return { ...state, focused: key };
}

