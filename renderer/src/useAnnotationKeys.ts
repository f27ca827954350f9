/// The keyboard paths of annotating (DESIGN §7): a label's key tags the selected text (or
/// relabels the selected annotation), Delete removes it, j/k and the arrows step through the
/// annotations in reading order, Escape clears, Ctrl/⌘+Z undoes and Ctrl/⌘+Shift+Z or Ctrl+Y
/// redoes (in the focused pane's article), Ctrl/⌘+A in a document selects its whole text. Keys typed into text fields are left
/// alone.
import { useEffect, useRef } from 'react';
import type { Label } from '../../preload/api';
import { labelForKey } from './labels';
import { tagsRaw } from './rawSelection';
import { clearTextSelection, currentTextSelection, isShortcutKey, type OpenViews } from './openViews';
import { stepThrough, visibleAnnotations, type AnnotationFilter } from './state/selectors';
import { store } from './state/useWorkbench';

/// What the shortcuts need to know.
export interface AnnotationKeysOptions {
  labels: readonly Label[];
  views: OpenViews;
  /// The document of the focused pane (where j/k start when nothing is selected).
  focusedDocId: string | null;
  filter: AnnotationFilter;
  pickingSpeaker: boolean;
  cancelPicking(): void;
  /// False while another mode (Compare, Review) hides the documents: keys must not change what
  /// is not on screen.
  enabled: boolean;
}

function isUndo(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z';
}

function isRedo(e: KeyboardEvent): boolean {
  const k = e.key.toLowerCase();
  return (e.ctrlKey || e.metaKey) && !e.altKey && ((e.shiftKey && k === 'z') || (!e.shiftKey && k === 'y'));
}

function isSelectAll(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'a';
}

/// Selects the whole text of the document whose pane `target` is in, or of the focused pane
/// when nothing has the focus (the browser's own select all would take the whole page); false
/// elsewhere. It replaces the selected annotation, so label keys and Delete leave that alone.
function selectWholeText(target: EventTarget | null, options: AnnotationKeysOptions): boolean {
  const pane = target instanceof Element ? target.closest('[data-testid="document-pane"]') : null;
  const docId = pane ? pane.getAttribute('data-doc-id') : target === document.body ? options.focusedDocId : null;
  const view = docId ? options.views.get(docId) : undefined;
  if (!view) return false;
  clearTextSelection(options.views);
  store.select(null);
  view.selectAll();
  return true;
}

/// Tags the selected text with `label` (raw with `alt`, else snapped to whole words), or else
/// relabels the selected annotation.
function applyLabel(label: Label, options: AnnotationKeysOptions, alt = false): boolean {
  const text = currentTextSelection(options.views);
  if (text) {
    store.tag(text.docId, label.id, text.span.start, text.span.end, tagsRaw(alt));
    clearTextSelection(options.views);
    return true;
  }
  const { selected } = store.getSnapshot();
  if (!selected) return false;
  store.relabel(selected, label.id);
  return true;
}

/// Selects the next (+1) or previous (−1) annotation of the selected or focused document.
function step(direction: 1 | -1, options: AnnotationKeysOptions): boolean {
  const { selected } = store.getSnapshot();
  const docId = selected?.docId ?? options.focusedDocId;
  const doc = docId ? store.doc(docId) : undefined;
  if (!docId || !doc) return false;
  const next = stepThrough(visibleAnnotations(doc, options.filter), selected?.id ?? null, direction);
  if (!next) return false;
  store.select({ docId, id: next.id }, true);
  return true;
}

/// Handles one key press; true when it was an annotation shortcut.
function handleKey(e: KeyboardEvent, options: AnnotationKeysOptions): boolean {
  if (isUndo(e)) {
    store.undo(options.focusedDocId);
    return true;
  }
  if (isRedo(e)) {
    store.redo(options.focusedDocId);
    return true;
  }
  if (isSelectAll(e)) return selectWholeText(e.target, options);
  if (e.ctrlKey || e.metaKey) return false;
  // A pending "extend your tag?" offer takes Enter (extend) and Escape (keep both) first.
  if (store.getSnapshot().extendOffer && !e.altKey && !e.shiftKey && (e.key === 'Enter' || e.key === 'Escape')) {
    store.answerExtendOffer(e.key === 'Enter');
    return true;
  }
  // Alt and a label's key tag the selection raw, not snapped to whole words. Alt may change
  // `key` (Option+1 is ¡ on a Mac), so a digit key is also found by its `code`.
  if (e.altKey) {
    const digit = /^Digit(\d)$/.exec(e.code)?.[1];
    const label = labelForKey(options.labels, e.key) ?? (digit ? labelForKey(options.labels, digit) : undefined);
    return label && currentTextSelection(options.views) ? applyLabel(label, options, true) : false;
  }
  const { selected } = store.getSnapshot();
  switch (e.key) {
    case 'Escape':
      if (options.pickingSpeaker) options.cancelPicking();
      else store.select(null);
      clearTextSelection(options.views);
      return true;
    case 'Delete':
    case 'Backspace':
      if (!selected) return false;
      store.remove(selected);
      return true;
    case 'j':
    case 'ArrowDown':
      return step(1, options);
    case 'k':
    case 'ArrowUp':
      return step(-1, options);
    case 'e': {
      // The selected span's entity box (spans that have a speaker or source have none), unless
      // a label of this workspace has `e` for its key.
      if (labelForKey(options.labels, 'e')) break;
      const box = selected ? document.querySelector<HTMLInputElement>('[data-testid="inspector"] [data-testid="entity-search"]') : null;
      box?.focus();
      return box !== null;
    }
  }
  const label = labelForKey(options.labels, e.key);
  return label ? applyLabel(label, options) : false;
}

/// Installs the shortcuts on the window for the life of the component.
export function useAnnotationKeys(options: AnnotationKeysOptions): void {
  const latest = useRef(options);
  latest.current = options;
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!latest.current.enabled || !isShortcutKey(e)) return;
      if (handleKey(e, latest.current)) e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
