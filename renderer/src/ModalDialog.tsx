/// The frame every dialog of the app shares: a native `<dialog>` shown modally while mounted (Esc
/// and the × close it through `onClose`), around one form whose submission runs `onSubmit`, under
/// a head with the title.
import { useEffect, useId, useRef, type ReactNode } from 'react';

/// Props of {@link ModalDialog}.
export interface ModalDialogProps {
  /// The heading, which also names the dialog.
  title: string;
  /// The dialog's own class, besides `app-dialog`.
  className: string;
  testId: string;
  /// Esc, the × button, or the dialog's own Cancel.
  onClose(): void;
  /// The form was submitted (Enter in a field, or the submit button).
  onSubmit(): void;
  children: ReactNode;
}

/// A modal dialog, `data-testid={testId}`, named by its title.
export function ModalDialog({ title, className, testId, onClose, onSubmit, children }: ModalDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog ref={dialog} className={`app-dialog ${className}`} data-testid={testId} aria-labelledby={titleId} onCancel={onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <div className="dialog-head">
          <h2 className="dialog-title" id={titleId}>
            {title}
          </h2>
          <button type="button" className="icon-button" aria-label="Close" title="Close (Esc)" onClick={onClose}>
            ×
          </button>
        </div>
        {children}
      </form>
    </dialog>
  );
}
