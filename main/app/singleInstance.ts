/// One instance of the app per user: a second launch hands over to the first (which shows its
/// window) and quits, instead of opening a second window onto the same workspace, whose lock it
/// could not take anyway.

/// The parts of Electron's `app` this uses.
export interface InstanceApp {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance', listener: () => void): unknown;
  quit(): void;
}

/// A window that can be brought to the front.
export interface FocusableWindow {
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/// Takes the single-instance lock. Without it (another instance runs) quits and returns false;
/// with it, brings `mainWindow()` to the front whenever another launch is attempted.
export function keepSingleInstance(app: InstanceApp, mainWindow: () => FocusableWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = mainWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}
