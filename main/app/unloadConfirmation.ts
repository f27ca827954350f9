/// The Electron side of the renderer's unsaved-changes guard: a page whose `beforeunload` was
/// cancelled (a change still being saved or waiting to retry) makes Electron emit
/// `will-prevent-unload` instead of showing a browser prompt; this asks the person whether to
/// close anyway. Unanswered, the window and the app stay.
import type { MessageBoxSyncOptions } from 'electron';

/// The parts of a WebContents this uses.
export interface UnloadingContents {
  on(event: 'will-prevent-unload', listener: (event: { preventDefault(): void }) => void): unknown;
}

/// The question, with "Wait" the default and the answer to Escape.
export const QUIT_WHILE_SAVING: MessageBoxSyncOptions = {
  type: 'warning',
  title: 'Annotation Workbench',
  message: 'Changes are still being saved. Quit anyway?',
  detail: 'Quitting now loses the changes that are not saved yet. Wait, and the save indicator shows "Saved" once they are on disk.',
  buttons: ['Wait', 'Quit anyway'],
  defaultId: 0,
  cancelId: 0,
  noLink: true,
};

/// Index of "Quit anyway" in {@link QUIT_WHILE_SAVING}.
export const QUIT_ANYWAY = 1;

/// Lets the page unload despite its guard only when `askQuitAnyway` says so.
export function confirmUnloadWhileSaving(contents: UnloadingContents, askQuitAnyway: () => boolean): void {
  contents.on('will-prevent-unload', (event) => {
    // preventDefault here overrides the page's refusal: the page unloads.
    if (askQuitAnyway()) event.preventDefault();
  });
}
