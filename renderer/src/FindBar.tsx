/// The find bar at the top of a document pane: searches the document's whole text (not the DOM,
/// which holds only a window of a long document) and selects the matches one by one in the view,
/// as the browser selection, so that a label key tags the match once the bar is closed.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import type { DocumentViewHandle } from './editor/DocumentView';
import { findMatches, stepMatch, type FoundMatches } from './editor/findInText';
import { formatInteger } from './format';

/// Props of {@link FindBar}.
export interface FindBarProps {
  /// The document's whole text.
  text: string;
  /// The document's title, for the search field's accessible name.
  title: string;
  /// The pane's view, which selects a match and scrolls to it.
  view: RefObject<DocumentViewHandle | null>;
  /// Changes each time the field should take the focus again (Ctrl+F while the bar is open).
  focusRequest: number;
  /// Esc or the close button: the pane hides the bar and takes the focus back.
  onClose(): void;
}

/// "3 of 41", "41 matches" before the first step, "No matches"; empty for an empty query.
function countText(found: FoundMatches, current: number, query: string): string {
  if (query === '') return '';
  const { matches, capped } = found;
  if (matches.length === 0) return 'No matches';
  const total = `${formatInteger(matches.length)}${capped ? '+' : ''}`;
  return current >= 0 ? `${formatInteger(current + 1)} of ${total}` : `${total} ${matches.length === 1 && !capped ? 'match' : 'matches'}`;
}

/// F3 (Shift+F3 backwards) and, as in browsers, Ctrl/⌘+G (Shift for backwards): the step they
/// ask for, or null for another key.
function stepKey(e: Pick<globalThis.KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): 1 | -1 | null {
  const direction = e.shiftKey ? -1 : 1;
  if (e.key === 'F3' && !e.ctrlKey && !e.metaKey && !e.altKey) return direction;
  if (e.key.toLowerCase() === 'g' && (e.ctrlKey || e.metaKey) && !e.altKey) return direction;
  return null;
}

/// Keeps the focus in the field and the match selected when a button of the bar is pressed.
const keepFocus = (e: MouseEvent) => e.preventDefault();

/// Whether a key pressed in the field changes the query (typing, deleting, moving the caret,
/// pasting), rather than stepping, closing, leaving the field or copying the selected match.
function editsQuery(e: Pick<globalThis.KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey'>): boolean {
  if (['Enter', 'Escape', 'Tab', 'F3', 'Shift', 'Control', 'Meta', 'Alt', 'AltGraph', 'CapsLock'].includes(e.key)) return false;
  return !((e.ctrlKey || e.metaKey) && ['c', 'g'].includes(e.key.toLowerCase()));
}

/// The bar (`role="search"`, `data-testid="find-bar"`): a labelled field, the match count as a
/// polite live status, previous / next and close buttons.
export function FindBar({ text, title, view, focusRequest, onClose }: FindBarProps) {
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  // Index of the match shown (−1 before the first step), and the offset where the next first
  // step starts: the place of the last match shown, kept while the query is refined.
  const [position, setPosition] = useState({ current: -1, from: 0 });
  const found = useMemo(() => findMatches(text, query), [text, query]);
  // The field's own selection (caret) from before a step put the browser selection on a match;
  // null while the field holds the selection.
  const fieldSelection = useRef<[number, number, 'forward' | 'backward' | 'none'] | null>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
    fieldSelection.current = null;
  }, [focusRequest]);

  const go = (direction: 1 | -1) => {
    const next = stepMatch(found.matches, position.current, direction, position.from);
    if (next === -1) return;
    setPosition({ current: next, from: found.matches[next].start });
    const field = input.current;
    if (field && !fieldSelection.current) fieldSelection.current = [field.selectionStart ?? 0, field.selectionEnd ?? 0, field.selectionDirection ?? 'none'];
    view.current?.selectSpan(found.matches[next]);
  };
  // F3 and Ctrl/⌘+G also step while the focus is elsewhere (in the text, after a click), but not
  // behind a modal dialog.
  const latestGo = useRef(go);
  latestGo.current = go;
  useEffect(() => {
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      const direction = stepKey(e);
      if (direction === null || e.defaultPrevented || document.querySelector('dialog:modal')) return;
      e.preventDefault();
      latestGo.current(direction);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const onInputKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      go(e.shiftKey ? -1 : 1);
    } else if (fieldSelection.current && editsQuery(e)) {
      // The browser selection is on the match, outside the field, so the field would ignore the
      // typing although it has the focus: give the field its own selection back first.
      e.currentTarget.setSelectionRange(...fieldSelection.current);
      fieldSelection.current = null;
    }
  };
  // Esc anywhere in the bar (the field or a button) closes it. Handled here, before the
  // annotating keys' Esc (which clears the selection), so the match stays selected for a label
  // key to tag.
  const onBarKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    onClose();
  };

  const count = countText(found, position.current, query);
  const none = query !== '' && found.matches.length === 0;
  return (
    <div className="find-bar" role="search" aria-label={`Find in “${title}”`} data-testid="find-bar" onKeyDown={onBarKeyDown}>
      <input
        ref={input}
        className="find-input"
        data-testid="find-input"
        type="text"
        aria-label="Find in this document"
        aria-invalid={none || undefined}
        placeholder="Find in this document"
        spellCheck={false}
        autoComplete="off"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setPosition((p) => ({ current: -1, from: p.from }));
        }}
        onKeyDown={onInputKeyDown}
        // A click puts the field's own caret back.
        onMouseDown={() => (fieldSelection.current = null)}
      />
      <span className={none ? 'find-count is-none' : 'find-count'} data-testid="find-count" role="status" aria-live="polite">
        {count}
      </span>
      <button type="button" className="icon-button find-step" data-testid="find-previous" onMouseDown={keepFocus} aria-label="Previous match" title="Previous match (Shift+Enter, Shift+F3)" disabled={found.matches.length === 0} onClick={() => go(-1)}>
        ↑
      </button>
      <button type="button" className="icon-button find-step" data-testid="find-next" onMouseDown={keepFocus} aria-label="Next match" title="Next match (Enter, F3)" disabled={found.matches.length === 0} onClick={() => go(1)}>
        ↓
      </button>
      <button type="button" className="icon-button find-close" data-testid="find-close" onMouseDown={keepFocus} aria-label="Close the find bar" title="Close (Esc)" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
