/// The save indicator (`data-testid="save-status"`): "Saving…", "Saved", or what failed. A failed
/// save stays on screen with its error, retries by itself when it may pass, and offers
/// "Retry now" and "Discard".
import { useEffect, useState } from 'react';
import { store, useWorkbench } from './state/useWorkbench';

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/// The indicator, and the error panel under it while a save fails.
export function SaveStatus() {
  const { save } = useWorkbench();
  const failure = save.failure;
  const now = useNow(failure?.retryAt != null);
  const state = failure ? 'error' : save.pending > 0 ? 'saving' : 'saved';
  const seconds = failure?.retryAt != null ? Math.max(0, Math.ceil((failure.retryAt - now) / 1000)) : null;
  const text = failure ? 'Not saved' : state === 'saving' ? 'Saving…' : 'Saved';

  return (
    <div className={`save-indicator is-${state}`}>
      <span className="save-dot" aria-hidden="true" />
      <span data-testid="save-status" data-state={state} role="status" aria-live="polite">
        {text}
      </span>
      {failure && (
        <div className="save-error" role="alert" data-testid="save-error">
          <p className="save-error-title">Could not {failure.description}</p>
          <p className="save-error-message">{failure.message}</p>
          <p className="save-error-hint">
            The change stays on screen{save.pending > 1 ? ` with ${save.pending - 1} more waiting` : ''} until it is saved.{' '}
            {seconds !== null ? `Retrying by itself in ${seconds} s.` : 'It will not go through by itself: retry or discard it.'}
          </p>
          <div className="save-error-actions">
            <button type="button" className="button button-small button-primary" data-testid="save-retry" onClick={() => store.retrySave()}>
              Retry now
            </button>
            <button
              type="button"
              className="button button-small"
              data-testid="save-discard"
              title="Drop this change and show what is saved"
              onClick={() => store.discardFailedSave()}
            >
              Discard change
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
