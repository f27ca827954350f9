/// Holds the page while a change is not yet saved: leaving (closing the tab or window, reloading,
/// quitting) while a save is under way, waiting to retry or failed would drop it, so
/// `beforeunload` is cancelled and the browser asks the person first. Electron shows no browser
/// prompt: it emits `will-prevent-unload`, where the main process asks instead
/// (`main/app/unloadConfirmation.ts`).
import type { SaveStatus } from './saveQueue';

/// What the guard reads and nudges: the store's save status and its retry.
export interface SavingState {
  getSnapshot(): { save: SaveStatus };
  retrySave(): void;
}

/// Text for browsers that still read `returnValue` (current ones show their own wording).
export const UNSAVED_CHANGES_PROMPT = 'Changes are still being saved. Leave anyway?';

/// Whether leaving now would lose a change: one is being saved, waits to retry, or failed.
export function hasUnsavedChanges(save: SaveStatus): boolean {
  return save.pending > 0;
}

/// Installs the guard on `target` (the window); returns what removes it.
export function guardUnsavedChanges(target: EventTarget, saving: SavingState): () => void {
  const onBeforeUnload = (event: Event) => {
    const { save } = saving.getSnapshot();
    if (!hasUnsavedChanges(save)) return;
    // A save waiting out its backoff goes now: it may be on disk before the person answers.
    if (save.failure?.retryAt != null) saving.retrySave();
    event.preventDefault();
    // Older browsers prompt only when returnValue is set.
    (event as BeforeUnloadEvent).returnValue = UNSAVED_CHANGES_PROMPT;
  };
  target.addEventListener('beforeunload', onBeforeUnload);
  return () => target.removeEventListener('beforeunload', onBeforeUnload);
}
