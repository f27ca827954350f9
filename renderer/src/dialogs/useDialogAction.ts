/// A dialog's one action (save, delete): busy while it runs, its failure in words, and the focus
/// put back on its button after a failure (disabling the button took the focus out of the dialog).
import { useRef, useState } from 'react';
import { errorMessage } from '../format';

/// What {@link useDialogAction} gives: `busy`, `problem`, the action's `button` and `run`.
export type DialogAction = ReturnType<typeof useDialogAction>;

/// The state of a dialog's action, and `run`, which runs it.
export function useDialogAction() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  async function run(action: () => Promise<void>): Promise<void> {
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(errorMessage(error));
      setBusy(false);
      requestAnimationFrame(() => button.current?.focus());
    }
  }
  return { busy, problem, button, run };
}
