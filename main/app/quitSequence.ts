/// Quitting without dropping a save: whatever asks to quit (the last window closed, Cmd+Q, the
/// app menu, `app.quit()`), the windows close first, so each renderer's unsaved-changes guard
/// can hold a change that is still being saved, and only then is the workspace closed (it waits
/// for the writes under way and releases the lock) and the app let go. Plain functions over the
/// few members of Electron's objects they use, so the unit tests drive them with fakes.

/// An event a listener can cancel.
export interface PreventableEvent {
  preventDefault(): void;
}

/// The parts of Electron's `app` the quit sequence uses.
export interface QuittingApp {
  on(event: 'before-quit', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  quit(): void;
}

/// A window that can be asked to close (its page may refuse, see `unloadConfirmation.ts`).
export interface ClosableWindow {
  close(): void;
}

/// What the quit sequence needs.
export interface QuitSequenceOptions {
  app: QuittingApp;
  /// The windows open now.
  windows: () => readonly ClosableWindow[];
  /// Closes the workspace: resolves once every write under way is on disk and the lock is released.
  closeWorkspace: () => Promise<void>;
  /// Told when closing the workspace failed; the app quits all the same.
  onCloseFailed: (error: unknown) => void;
}

/// Where the sequence is: running, closing the workspace, or done (the next quit goes through).
export type QuitState = 'running' | 'closing-workspace' | 'closed';

/// Installs the sequence on `app`; returns a reader of its state (for tests).
export function installQuitSequence(options: QuitSequenceOptions): () => QuitState {
  const { app } = options;
  let state: QuitState = 'running';

  const closeWorkspaceThenQuit = () => {
    if (state !== 'running') return;
    state = 'closing-workspace';
    void options
      .closeWorkspace()
      .catch((error: unknown) => options.onCloseFailed(error))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  };

  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    // Held until the windows are closed and the workspace with them; app.quit() comes again then.
    event.preventDefault();
    if (state === 'closing-workspace') return;
    const windows = options.windows();
    // Closing the last one emits window-all-closed, which closes the workspace. A page that
    // refuses to unload (a save pending, and the person chose to wait) keeps the app running.
    if (windows.length > 0) for (const window of windows) window.close();
    else closeWorkspaceThenQuit();
  });
  app.on('window-all-closed', closeWorkspaceThenQuit);
  return () => state;
}
