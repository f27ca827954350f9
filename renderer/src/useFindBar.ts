/// Which pane shows the find bar, and the key that opens it: Ctrl+F (⌘F on macOS) opens it in
/// the focused pane instead of the browser's find-in-page, which would see only the window of a
/// long document (and Electron has none). With no pane open, in Review, or under a modal dialog,
/// the key is left to the browser.
import { useCallback, useEffect, useRef, useState } from 'react';
import { isMac } from './platformKeys';

/// What a pane needs to show the find bar.
export interface FindBarRequest {
  /// Changes each time the bar's field should take the focus.
  focusRequest: number;
  /// Hides the bar.
  close(): void;
}

/// The find bar's place, for the app.
export interface FindBarPlacement {
  /// The request for the pane with `paneKey`, or null when the bar is not in that pane.
  forPane(paneKey: string): FindBarRequest | null;
}

/// Whether `e` is the platform's find key.
function isFindKey(e: KeyboardEvent): boolean {
  const modifier = isMac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
  return modifier && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f';
}

/// Installs the find key for the life of the component; `active` is false while the workbench is
/// not shown (Review), `focusedPane` the key of the focused pane (null with none open).
export function useFindBar(active: boolean, focusedPane: string | null): FindBarPlacement {
  const [open, setOpen] = useState<{ paneKey: string; focusRequest: number } | null>(null);
  const target = useRef<string | null>(null);
  target.current = active ? focusedPane : null;

  // Leaving the workbench (for Review) closes the bar; its panes stay mounted, only hidden.
  if (!active && open) setOpen(null);
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const paneKey = target.current;
      if (!paneKey || e.defaultPrevented || !isFindKey(e) || document.querySelector('dialog:modal')) return;
      e.preventDefault();
      setOpen((o) => ({ paneKey, focusRequest: (o?.focusRequest ?? 0) + 1 }));
    };
    // Capture: before any handler in the page can stop the key on its way.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);

  const close = useCallback(() => setOpen(null), []);
  const forPane = useCallback(
    (paneKey: string) => (open?.paneKey === paneKey ? { focusRequest: open.focusRequest, close } : null),
    [open, close],
  );
  return { forPane };
}
