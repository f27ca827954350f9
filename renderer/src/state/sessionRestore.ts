/// The reading session kept between starts of the app, per workspace: which documents were open
/// in the panes, left to right, which pane had the focus, and where each pane was scrolled to (the
/// text offset of its first visible line, which stays right however long the document, windowed or
/// not, and whatever the pane's width). Kept in the browser's localStorage under a key holding the
/// workspace's path; what is read there is checked, and anything damaged or foreign is ignored.
import { MAX_PANES, NO_PANES, type PaneState } from '../panes';

/// One pane of a saved session.
export interface SavedPane {
  docId: string;
  /// Text offset (UTF-16 code units) of the first line the pane showed.
  scrollOffset: number;
}

/// A saved session: the panes, left to right, and the index of the focused one.
export interface SavedSession {
  panes: SavedPane[];
  focused: number;
}

/// The version written in a saved session; a value of another version is ignored.
export const SESSION_VERSION = 1;

const KEY_PREFIX = 'awb.session.v1:';
const DOCUMENT_ID = /^sha256:[0-9a-f]{64}$/;

/// The localStorage key of the session of the workspace at `workspacePath`.
export function sessionKey(workspacePath: string): string {
  return KEY_PREFIX + workspacePath;
}

/// The session saved as `raw` (what localStorage holds, or null), or null when there is none or it
/// is not a session this app wrote (bad JSON, another version, a field missing or of the wrong
/// kind, more panes than are shown, one document twice).
export function readSession(raw: string | null): SavedSession | null {
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(value) || value.version !== SESSION_VERSION || !Array.isArray(value.panes)) return null;
  const { panes, focused } = value;
  if (panes.length === 0 || panes.length > MAX_PANES) return null;
  const read: SavedPane[] = [];
  for (const pane of panes) {
    if (!isRecord(pane) || typeof pane.docId !== 'string' || !DOCUMENT_ID.test(pane.docId)) return null;
    if (!isOffset(pane.scrollOffset) || read.some((p) => p.docId === pane.docId)) return null;
    read.push({ docId: pane.docId, scrollOffset: pane.scrollOffset });
  }
  if (!Number.isInteger(focused) || (focused as number) < 0 || (focused as number) >= read.length) return null;
  return { panes: read, focused: focused as number };
}

/// `session` as it is stored (null when no pane is open: nothing to restore).
export function writeSession(session: SavedSession): string | null {
  if (session.panes.length === 0) return null;
  return JSON.stringify({ version: SESSION_VERSION, panes: session.panes, focused: session.focused });
}

/// The session of `panes`, each pane's scroll offset given by `offsetOf`.
export function sessionOf(panes: PaneState, offsetOf: (docId: string) => number): SavedSession {
  const focused = panes.panes.findIndex((p) => p.key === panes.focused);
  return { panes: panes.panes.map((p) => ({ docId: p.docId, scrollOffset: offsetOf(p.docId) })), focused: Math.max(0, focused) };
}

/// The panes to open for `session`, keeping only the documents still in the workspace (`present`)
/// and giving each pane a key from `keyOf`; the focus stays on the same document, or else goes to
/// the pane nearest to the left of where it was. No pane left: {@link NO_PANES}.
export function panesToRestore(session: SavedSession, present: ReadonlySet<string>, keyOf: (index: number) => string): PaneState {
  const kept = session.panes.map((p, i) => ({ ...p, was: i })).filter((p) => present.has(p.docId));
  if (kept.length === 0) return NO_PANES;
  const panes = kept.map((p, i) => ({ key: keyOf(i), docId: p.docId }));
  let focusedAt = 0;
  kept.forEach((p, i) => {
    if (p.was <= session.focused) focusedAt = i;
  });
  return { panes, focused: panes[focusedAt].key };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
