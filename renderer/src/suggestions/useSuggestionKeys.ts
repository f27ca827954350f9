/// The keys of the suggestion layer (DESIGN §12): Tab and Shift+Tab step through the shown
/// suggestions of the focused document, Enter accepts the current one, x dismisses it, Escape
/// leaves it. Only in annotate mode, and only while the focus is on a document's text: Tab
/// elsewhere moves the focus as usual, and keys typed into fields, the note editor or a dialog
/// are left alone.
import { useEffect, useRef } from 'react';
import type { Label } from '../../../preload/api';
import { labelForKey } from '../labels';
import { isTextEntry, type OpenViews } from '../openViews';
import { store } from '../state/useWorkbench';
import { suggestions } from './useSuggestions';

/// What the keys need to know.
export interface SuggestionKeysOptions {
  labels: readonly Label[];
  views: OpenViews;
  /// The document of the focused pane.
  focusedDocId: string | null;
  /// False outside annotate mode.
  enabled: boolean;
}

/// Whether the focus is on a document's text (a click in it puts it there). With the focus on
/// nothing, Tab keeps its usual meaning: into the page.
function onText(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('.pane-scroll') !== null && !isTextEntry(target);
}

/// Handles one key press; true when it was a suggestion key.
function handleKey(e: KeyboardEvent, options: SuggestionKeysOptions): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  const current = suggestions.getSnapshot().current;
  const docId = options.focusedDocId ?? current?.docId ?? null;
  if (!docId) return false;
  const doc = store.doc(docId);
  if (e.key === 'Tab') {
    const { selected } = store.getSnapshot();
    const selectedAt = selected?.docId === docId ? doc?.annotations.get(selected.id)?.start : undefined;
    const from = selectedAt ?? options.views.get(docId)?.visibleSpan()?.start ?? 0;
    return suggestions.step(docId, doc, e.shiftKey ? -1 : 1, from);
  }
  if (e.shiftKey) return false;
  if (e.key === 'Enter' && !store.getSnapshot().extendOffer) return suggestions.acceptCurrent(docId, doc);
  if (e.key === 'x' && !labelForKey(options.labels, 'x')) return suggestions.dismissCurrent(docId, doc);
  return false;
}

/// Installs the keys on the window for the life of the component.
export function useSuggestionKeys(options: SuggestionKeysOptions): void {
  const latest = useRef(options);
  latest.current = options;
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!latest.current.enabled || e.isComposing || !onText(e.target)) return;
      // Escape leaves the current suggestion, whatever else it does (the annotation keys clear the selection).
      if (e.key === 'Escape') suggestions.clearCurrent();
      if (e.defaultPrevented) return;
      if (document.querySelector('dialog:modal')) return;
      if (handleKey(e, latest.current)) e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
