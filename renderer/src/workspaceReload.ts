/// Helpers for when the workspace changes underneath the UI (an exchange import, a restore): wait
/// for the session's own saves first, and drop panes whose document is gone.
import { closePane, type PaneState } from './panes';
import type { WorkbenchStore } from './state/workbenchStore';

/// Resolves once every queued change is saved; rejects at once while a save is failing, since
/// replacing the workspace then would lose that change without a word.
export function whenAllSaved(store: Pick<WorkbenchStore, 'getSnapshot' | 'onAllSaved'>): Promise<void> {
  const { pending, failure } = store.getSnapshot().save;
  if (failure) return Promise.reject(new Error(`a change could not be saved (${failure.description}): retry or discard it first`));
  if (pending === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = store.onAllSaved(() => {
      stop();
      resolve();
    });
  });
}

/// The panes whose document is still in the library (`known`), the same object when all are.
export function keepKnownPanes(state: PaneState, known: ReadonlySet<string>): PaneState {
  return state.panes.filter((p) => !known.has(p.docId)).reduce((s, gone) => closePane(s, gone.key), state);
}
