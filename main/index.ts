/// Electron main process: app lifecycle, the window, the `app://` protocol, dialogs. Thin: every
/// operation lives in the service (`main/service`) over the core, and quitting, the single
/// instance and the unload prompt in `main/app`.
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { importSeeds } from './core/importArticles.js';
import { Workspace } from './core/store/workspace.js';
import { resolveWorkspaceDir } from './core/workspaceLocation.js';
import { installQuitSequence } from './app/quitSequence.js';
import { hardenSession, hardenWebContents, windowOptions } from './app/secureWindow.js';
import { keepSingleInstance } from './app/singleInstance.js';
import { confirmUnloadWhileSaving, QUIT_ANYWAY, QUIT_WHILE_SAVING } from './app/unloadConfirmation.js';
import { APP_ORIGIN, isAppUrl, registerIpc } from './ipc/registerIpc.js';
import { createWorkbench } from './service/workbench.js';
import { CONTENT_SECURITY_POLICY } from './web/contentSecurityPolicy.js';
import { resolveStaticPath } from './web/resolveStaticPath.js';
import { CONTENT_TYPES } from './web/contentTypes.js';

// codeCache: V8 keeps the compiled renderer between launches (Electron enables it only for
// http(s) unless a standard scheme asks for it).
protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

let workspace: Workspace | null = null;
let mainWindow: BrowserWindow | null = null;

function workspaceFlag(argv: string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--workspace' || a.startsWith('--workspace='));
  if (i < 0) return undefined;
  return argv[i].includes('=') ? argv[i].slice('--workspace='.length) : argv[i + 1];
}

async function start(): Promise<void> {
  const dir = workspaceFlag(process.argv) ?? process.env.AWB_WORKSPACE ?? join(app.getPath('userData'), 'workspace');
  try {
    // The library shows at once; the index is checked against the files meanwhile.
    workspace = await Workspace.open(resolveWorkspaceDir(dir), {
      app: 'Annotation Workbench',
      checkIndexInBackground: true,
      onIndexProgress: (done, total) => done % 5000 === 0 && console.log(`building the document index: ${done} / ${total} files`),
    });
  } catch (error) {
    dialog.showErrorBox('Cannot open the workspace', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }
  if (workspace.created) {
    const seeds = app.isPackaged ? join(process.resourcesPath, 'seeds') : join(app.getAppPath(), 'seeds');
    await importSeeds(workspace, seeds);
    await workspace.backup();
  }
  registerIpc(ipcMain, createWorkbench(workspace));

  const rendererRoot = fileURLToPath(new URL('../renderer', import.meta.url));
  protocol.handle('app', async (request) => {
    const path = isAppUrl(request.url) ? resolveStaticPath(rendererRoot, new URL(request.url).pathname) : null;
    const body = path ? await readFile(path).catch(() => null) : null;
    if (!path || !body) return new Response('not found', { status: 404 });
    return new Response(body, {
      headers: {
        'Content-Type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
  hardenSession(session.defaultSession);

  const window = new BrowserWindow(windowOptions(fileURLToPath(new URL('../preload/index.cjs', import.meta.url))));
  mainWindow = window;
  window.on('closed', () => (mainWindow = null));
  window.once('ready-to-show', () => window.show());
  confirmUnloadWhileSaving(window.webContents, () => dialog.showMessageBoxSync(window, QUIT_WHILE_SAVING) === QUIT_ANYWAY);
  await window.loadURL(`${APP_ORIGIN}/index.html`);
}

if (keepSingleInstance(app, () => mainWindow)) {
  installQuitSequence({
    app,
    windows: () => BrowserWindow.getAllWindows(),
    closeWorkspace: () => workspace?.close() ?? Promise.resolve(),
    onCloseFailed: (error) => dialog.showErrorBox('Could not close the workspace cleanly', error instanceof Error ? error.message : String(error)),
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, (url) => void shell.openExternal(url)));
  void app.whenReady().then(start);
}
