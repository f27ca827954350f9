/// The keys of boundary editing (DESIGN §12): Shift+Alt+→ / ← move the selected annotation's end
/// one word right / left, Ctrl+Shift+Alt+→ / ← (⌘ on a Mac) its start. Keys typed into text
/// fields or dialogs are left alone, as with the other annotation keys. A refused move (someone
/// else's tag, or one that would duplicate another of yours) is said in the message area, as a
/// tag already made is.
import { useEffect, useRef } from 'react';
import type { NewMessage } from './Messages';
import { isShortcutKey } from './openViews';
import { moveSelectedEnd, onBoundaryRefused, refusalText } from './state/boundaryEdits';
import { store } from './state/useWorkbench';
import type { SpanEnd } from './editor/boundaryMove';

/// What the boundary keys need.
export interface BoundaryKeysOptions {
  /// The current annotator (only their tags move).
  me: string;
  /// False while another mode (Compare, Review) hides the documents.
  enabled: boolean;
  /// Shows a message (a refusal).
  say(message: NewMessage): void;
}

/// The end and direction a key press moves, or null when it is not a boundary key.
export function boundaryKey(e: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey'>): { which: SpanEnd; direction: 1 | -1 } | null {
  if (!e.shiftKey || !e.altKey || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return null;
  return { which: e.ctrlKey || e.metaKey ? 'start' : 'end', direction: e.key === 'ArrowRight' ? 1 : -1 };
}

/// Installs the boundary keys on the window, and says refused moves (by key or by handle).
export function useBoundaryKeys(options: BoundaryKeysOptions): void {
  const latest = useRef(options);
  latest.current = options;
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!latest.current.enabled || !isShortcutKey(e)) return;
      const move = boundaryKey(e);
      if (!move || !store.getSnapshot().selected) return;
      // Taken even when the end cannot move, so the browser does not extend a text selection.
      e.preventDefault();
      moveSelectedEnd(store, latest.current.me, move.which, move.direction);
    };
    window.addEventListener('keydown', onKeyDown);
    const stopRefusals = onBoundaryRefused((refusal) =>
      latest.current.say({ kind: 'note', tone: 'ok', testId: 'boundary-refused-message', title: 'Ends not moved', text: refusalText(refusal) }),
    );
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      stopRefusals();
    };
  }, []);
}
