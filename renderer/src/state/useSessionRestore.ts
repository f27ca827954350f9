/// Reopens the panes of the last session when the workspace's info arrives, scrolls each pane back
/// to its first visible line once its view is shown, and keeps the session saved: when the panes
/// change, shortly after a scroll, and when the page is hidden or left (see `sessionRestore.ts`).
import { useCallback, useEffect, useRef, type Dispatch, type SetStateAction } from 'react';
import type { ListedDocument } from '../../../preload/api';
import { workbench } from '../api';
import type { DocumentViewHandle } from '../editor/DocumentView';
import type { OpenViews } from '../openViews';
import type { PaneState } from '../panes';
import { panesToRestore, readSession, sessionKey, sessionOf, writeSession } from './sessionRestore';

/// How long after a scroll the session is saved.
const SAVE_AFTER_SCROLL_MS = 400;
/// How long a restored pane's saved offset stands for its position: its view may take a frame or
/// two (a long document's window) to scroll there, and must not be read as scrolled to the top.
const RESTORE_SETTLE_MS = 1_500;

/// What the hook needs of the app.
export interface SessionRestoreOptions {
  /// The workspace's path; null until its info arrived.
  workspacePath: string | null;
  panes: PaneState;
  setPanes: Dispatch<SetStateAction<PaneState>>;
  views: OpenViews;
  /// Tells the panes what the library knows of a reopened document (its title while it loads).
  remember(row: ListedDocument): void;
}

function stored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage turned off: the app starts as if there were no session
  }
}

function store(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // storage full or turned off: the session is simply not kept
  }
}

/// Restores and saves the session; returns `viewShown`, to be told of every document view shown.
export function useSessionRestore({ workspacePath, panes, setPanes, views, remember }: SessionRestoreOptions) {
  /// Offsets to scroll to, by document, of restored panes, and when their view was told to.
  const pending = useRef(new Map<string, { offset: number; since: number | null }>());
  /// The last offset read from each view (a hidden view, as in Review, has none to read).
  const lastSeen = useRef(new Map<string, number>());
  /// Set once the saved session was read (and its panes reopened): saving before would lose it.
  const ready = useRef(false);
  /// Set when the saved session could not be checked: it is kept until a pane is opened.
  const keepUntilOpened = useRef(false);
  const latest = useRef({ panes, workspacePath });
  latest.current = { panes, workspacePath };

  const save = useCallback(() => {
    const { panes: now, workspacePath: path } = latest.current;
    if (!ready.current || !path) return;
    if (keepUntilOpened.current && now.panes.length === 0) return;
    keepUntilOpened.current = false;
    const offsetOf = (docId: string) => {
      const restoring = pending.current.get(docId);
      if (restoring) {
        const view = views.get(docId);
        // A pane not shown yet (a tab behind another): scrolled when it is, and its offset kept.
        if (!view?.visibleSpan()) {
          restoring.since = null;
          return restoring.offset;
        }
        if (restoring.since === null) {
          restoring.since = Date.now();
          view.scrollToOffset(restoring.offset);
        }
        if (Date.now() - restoring.since < RESTORE_SETTLE_MS) return restoring.offset;
      }
      pending.current.delete(docId);
      const start = views.get(docId)?.visibleSpan()?.start;
      if (start !== undefined) lastSeen.current.set(docId, start);
      return lastSeen.current.get(docId) ?? 0;
    };
    store(sessionKey(path), writeSession(sessionOf(now, offsetOf)));
  }, [views]);

  useEffect(() => {
    if (!workspacePath) return;
    ready.current = false;
    const saved = readSession(stored(sessionKey(workspacePath)));
    if (!saved) {
      ready.current = true;
      return;
    }
    let live = true;
    workbench.documents.summaries(saved.panes.map((p) => p.docId)).then(
      (rows) => {
        if (!live) return;
        rows.forEach(remember);
        const present = new Set(rows.map((r) => r.id));
        // Panes the person opened meanwhile win over the saved ones (whose offsets then go too).
        setPanes((s) => {
          if (s.panes.length > 0) return s;
          for (const p of saved.panes) if (present.has(p.docId) && p.scrollOffset > 0) pending.current.set(p.docId, { offset: p.scrollOffset, since: null });
          return panesToRestore(saved, present, (i) => `restored-pane-${i}`);
        });
        ready.current = true;
      },
      () => {
        // The service could not say which documents are left: start as if there were no session,
        // but keep the saved one until a pane is opened.
        if (!live) return;
        keepUntilOpened.current = true;
        ready.current = true;
      },
    );
    return () => {
      live = false;
    };
  }, [workspacePath, setPanes, remember]);

  useEffect(save, [panes, save]);

  useEffect(() => {
    let timer: number | undefined;
    const soon = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(save, SAVE_AFTER_SCROLL_MS);
    };
    const now = () => {
      window.clearTimeout(timer);
      save();
    };
    const whenHidden = () => document.visibilityState === 'hidden' && now();
    document.addEventListener('scroll', soon, { capture: true, passive: true });
    document.addEventListener('visibilitychange', whenHidden);
    window.addEventListener('pagehide', now);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('scroll', soon, { capture: true });
      document.removeEventListener('visibilitychange', whenHidden);
      window.removeEventListener('pagehide', now);
    };
  }, [save]);

  return useCallback((docId: string, handle: DocumentViewHandle) => {
    const restoring = pending.current.get(docId);
    if (!restoring || restoring.since !== null) return;
    restoring.since = Date.now();
    handle.scrollToOffset(restoring.offset);
  }, []);
}
