/// The review view's keyboard (DESIGN §6): `n`/`p` (or `j`/`k`, ↓/↑) step through the
/// differences (the matches too once `m` shows them), across documents at either end;
/// Shift+`N`/`P` jump to the next or previous document; `a` accepts, `r` rejects, `e` corrects
/// (a label picker), `c` comments. While the picker is open a label's key (or `1`–`9`) picks and
/// Escape cancels.
///
/// Installed in the capture phase on the window, so it runs before the annotating shortcuts; it
/// swallows those (label keys, Delete, undo) while reviewing, because they would act on
/// documents that are not on screen. Keys typed into text fields are left alone.
import { useEffect, useRef } from 'react';
import type { Label } from '../../../preload/api';
import { labelForKey } from '../labels';
import { isTextEntry } from '../openViews';

/// What the keys do.
export interface ReviewKeyActions {
  labels: readonly Label[];
  /// Whether the label picker is open.
  picking: boolean;
  step(direction: 1 | -1): void;
  stepDocument(direction: 1 | -1): void;
  accept(): void;
  reject(): void;
  correct(): void;
  comment(): void;
  toggleMatches(): void;
  pick(label: Label): void;
  cancel(): void;
}

/// The label chosen by `key` in the picker: its own key, else its position (1-based).
export function pickedLabel(labels: readonly Label[], key: string): Label | undefined {
  const byKey = labelForKey(labels, key);
  if (byKey) return byKey;
  return /^[1-9]$/.test(key) ? labels[Number(key) - 1] : undefined;
}

/// Handles one key; true when it was consumed.
export function handleReviewKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>, actions: ReviewKeyActions): boolean {
  if (e.ctrlKey || e.metaKey) return ['z', 'y'].includes(e.key.toLowerCase()); // no undo of hidden edits here
  if (e.altKey) return false;
  if (actions.picking) {
    const label = pickedLabel(actions.labels, e.key);
    if (label) actions.pick(label);
    else if (e.key === 'Escape') actions.cancel();
    return true;
  }
  switch (e.key) {
    case 'n':
    case 'j':
    case 'ArrowDown':
      actions.step(1);
      return true;
    case 'p':
    case 'k':
    case 'ArrowUp':
      actions.step(-1);
      return true;
    case 'N':
      actions.stepDocument(1);
      return true;
    case 'P':
      actions.stepDocument(-1);
      return true;
    case 'a':
      actions.accept();
      return true;
    case 'r':
      actions.reject();
      return true;
    case 'e':
      actions.correct();
      return true;
    case 'c':
      actions.comment();
      return true;
    case 'm':
      actions.toggleMatches();
      return true;
    case 'Escape':
      actions.cancel();
      return true;
    case 'Delete':
    case 'Backspace':
      return true;
  }
  return labelForKey(actions.labels, e.key) !== undefined;
}

/// Installs the review keys on the window for the life of the component.
export function useReviewKeys(actions: ReviewKeyActions): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || isTextEntry(e.target)) return;
      if (e.target instanceof Element && e.target.closest('dialog')) return;
      if (handleReviewKey(e, latest.current)) e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
