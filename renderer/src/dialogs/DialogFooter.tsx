/// The foot of a dialog with one action (save, import, delete): why the action failed, if it did,
/// then the action's status, Cancel and the action's button, busy while it runs.
import type { ReactNode } from 'react';
import type { DialogAction } from './useDialogAction';

/// Props of {@link DialogFooter}.
export interface DialogFooterProps {
  action: DialogAction;
  /// What did not happen, before the reason: "Not saved".
  failed: string;
  /// The action's button: its words, its words while busy, its test id; `danger` for a deletion.
  submit: { label: string; busyLabel: string; testId: string; danger?: boolean };
  /// The other way out: "Cancel", or "Later" when closing answers nothing for now.
  cancelLabel?: string;
  onCancel(): void;
  /// Said beside the buttons (what the action is doing).
  status?: ReactNode;
  /// A control at the start of the row, away from the action (Delete article…).
  start?: ReactNode;
  problemTestId?: string;
}

/// The problem paragraph (`role="alert"`) and the `dialog-actions` row.
export function DialogFooter({ action, failed, submit, cancelLabel = 'Cancel', onCancel, status, start, problemTestId }: DialogFooterProps) {
  const { busy, problem, button } = action;
  return (
    <>
      {problem && (
        <p className="dialog-problem" role="alert" data-testid={problemTestId}>
          {failed}: {problem}
        </p>
      )}
      <div className="dialog-actions">
        {start}
        <span className="dialog-status">{status}</span>
        <button type="button" className="button" onClick={onCancel}>
          {cancelLabel}
        </button>
        <button ref={button} type="submit" className={submit.danger ? 'button button-danger' : 'button button-primary'} data-testid={submit.testId} disabled={busy} aria-busy={busy}>
          {busy ? submit.busyLabel : submit.label}
        </button>
      </div>
    </>
  );
}
