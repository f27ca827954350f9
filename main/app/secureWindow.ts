/// The Electron window's security settings (DESIGN §8), as plain functions so they can be
/// unit-tested without an Electron binary.
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { isAppUrl } from '../ipc/registerIpc.js';

/// Options of the main window: isolated, sandboxed, no Node in the page.
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Annotation Workbench',
    backgroundColor: '#f6f5f1',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/// Whether a link may be handed to the system browser: http(s) only.
export function isExternalLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/// The parts of a WebContents the hardening touches (so tests can pass a fake).
export type HardenableContents = Pick<WebContents, 'setWindowOpenHandler' | 'on'>;

/// Denies new windows, navigation away from the app, and webviews, for one WebContents. A link
/// the user clicks (a tab disposition, not a scripted `window.open` popup) to an http(s) address
/// opens in the system browser; nothing else is ever handed to the OS.
export function hardenWebContents(contents: HardenableContents, openExternal: (url: string) => void): void {
  contents.setWindowOpenHandler(({ url, disposition }) => {
    const clicked = disposition === 'foreground-tab' || disposition === 'background-tab';
    if (clicked && isExternalLink(url)) openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/// Denies every permission request and check (camera, notifications, clipboard read, …): the app
/// needs none.
export function hardenSession(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
