/// Undo and redo in the annotate bar, and the announcement of what they did. Both act on the
/// focused pane's article (its own steps and the workspace-wide ones, an entity merged), so
/// Ctrl+Z never changes an article that is not on screen. Each button is named after the step it
/// would take ("Undo Actor ‘Hezbollah’"), and every undo or redo is said in a toast that is also
/// a live region ("Undid: Actor ‘Hezbollah’ in <title>").
import { useEffect, useMemo, useState } from 'react';
import type { Label } from '../../preload/api';
import { MOD } from './platformKeys';
import { stepAnnouncement, stepButtonName } from './state/undoSteps';
import { store, useWorkbench } from './state/useWorkbench';

/// A label id's name, from the workspace's labels.
function useLabelName(labels: readonly Label[]): (id: string) => string {
  return useMemo(() => (id: string) => labels.find((l) => l.id === id)?.name ?? id, [labels]);
}

/// Props of {@link UndoButtons}.
export interface UndoButtonsProps {
  labels: readonly Label[];
  /// The article of the focused pane (null: none; then only workspace-wide steps).
  focusedDocId: string | null;
}

/// The two buttons (`data-testid="undo"`, `"redo"`).
export function UndoButtons({ labels, focusedDocId }: UndoButtonsProps) {
  useWorkbench(); // the names follow every change
  const labelName = useLabelName(labels);
  const undoName = stepButtonName('undo', store.nextUndo(focusedDocId), labelName);
  const redoName = stepButtonName('redo', store.nextRedo(focusedDocId), labelName);
  const canUndo = store.nextUndo(focusedDocId) !== null;
  const canRedo = store.nextRedo(focusedDocId) !== null;
  return (
    <>
      <button type="button" className="bar-button" data-testid="undo" disabled={!canUndo} aria-label={undoName} title={`${undoName} (${MOD}Z)`} onClick={() => store.undo(focusedDocId)}>
        ↶ Undo
      </button>
      <button type="button" className="bar-button" data-testid="redo" disabled={!canRedo} aria-label={redoName} title={`${redoName} (${MOD}Shift+Z)`} onClick={() => store.redo(focusedDocId)}>
        ↷ Redo
      </button>
    </>
  );
}

/// How long an announcement stays on screen.
const SHOWN_MS = 6_000;

/// Props of {@link UndoToast}.
export interface UndoToastProps {
  labels: readonly Label[];
  /// A document's title, when it is known.
  titleOf(docId: string): string | undefined;
}

/// The toast (`data-testid="undo-toast"`), a polite live region that is always in the page so
/// that screen readers hear each new text.
export function UndoToast({ labels, titleOf }: UndoToastProps) {
  const labelName = useLabelName(labels);
  const [said, setSaid] = useState<{ text: string; count: number } | null>(null);
  useEffect(
    () =>
      store.onStep(({ direction, step, scope }) =>
        setSaid((before) => ({ text: stepAnnouncement(direction, step, labelName, titleOf, scope ?? null), count: (before?.count ?? 0) + 1 })),
      ),
    [labelName, titleOf],
  );
  useEffect(() => {
    if (!said) return;
    const timer = setTimeout(() => setSaid(null), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [said]);
  return (
    <div className="undo-toast-region" role="status" aria-live="polite" aria-atomic="true">
      {said && (
        <p className="undo-toast" data-testid="undo-toast" key={said.count}>
          {said.text}
        </p>
      )}
    </div>
  );
}
