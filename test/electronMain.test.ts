// main/index.ts as Electron runs it, against a stand-in `electron` module: Cmd+Q (app.quit())
// closes the window first, so a page still saving can hold it, then closes the workspace (its
// writes finished, its lock released), then quits; a second instance quits and the first shows
// its window.
import type { EventEmitter } from 'node:events';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Annotation, Reply } from '../preload/api';
import { Workspace } from '../main/core/store/workspace';
import { QUIT_WHILE_SAVING } from '../main/app/unloadConfirmation';
import { repoRoot, tempDir } from './helpers';

const fake = vi.hoisted(() => ({ singleInstanceLockFree: true, electron: null as unknown }));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const windows: FakeWindow[] = [];
  const preventable = (emitter: EventEmitter, name: string) => {
    let prevented = false;
    emitter.emit(name, { preventDefault: () => (prevented = true) });
    return prevented;
  };
  const app = Object.assign(new Emitter(), {
    quitted: false,
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => fake.singleInstanceLockFree),
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: () => tempDir(),
    getAppPath: () => repoRoot,
    exit: vi.fn(),
    quit: vi.fn(() => {
      if (!preventable(app, 'before-quit')) app.quitted = true;
    }),
  });
  /// A window whose page refuses to unload while `pageSaving` (its guard cancelled beforeunload),
  /// as Electron's do: it emits will-prevent-unload, and closes only when a listener overrides.
  class FakeWindow extends Emitter {
    static getAllWindows = () => [...windows];
    webContents = new Emitter();
    pageSaving = false;
    focus = vi.fn();
    show = vi.fn();
    restore = vi.fn();
    isMinimized = () => false;
    loadURL = vi.fn(async () => undefined);
    constructor() {
      super();
      windows.push(this);
    }
    close = vi.fn(() => {
      if (this.pageSaving && !preventable(this.webContents, 'will-prevent-unload')) return;
      windows.splice(windows.indexOf(this), 1);
      this.emit('closed');
      if (windows.length === 0) app.emit('window-all-closed');
    });
  }
  const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>>();
  fake.electron = {
    app,
    BrowserWindow: FakeWindow,
    dialog: { showErrorBox: vi.fn(), showMessageBoxSync: vi.fn(() => 0) },
    ipcMain: { handle: (channel: string, listener: never) => handlers.set(channel, listener), handlers },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    shell: { openExternal: vi.fn() },
  };
  return fake.electron;
});

interface FakeElectron {
  app: EventEmitter & { quitted: boolean; quit: () => void; whenReady: ReturnType<typeof vi.fn> };
  BrowserWindow: { getAllWindows(): (EventEmitter & { pageSaving: boolean; focus: ReturnType<typeof vi.fn>; close: ReturnType<typeof vi.fn> })[] };
  dialog: { showMessageBoxSync: ReturnType<typeof vi.fn> };
  ipcMain: { handlers: Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>> };
}

const workspaceDir = join(tempDir(), 'workspace');
const appFrame = { senderFrame: { url: 'app://workbench/index.html', parent: null } } as unknown as IpcMainInvokeEvent;

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

/// Runs main/index.ts afresh, as a new process would (the stand-in `electron` module outlives
/// vi.resetModules, so its state is reset here).
async function startMain(): Promise<FakeElectron> {
  const previous = fake.electron as FakeElectron | null;
  if (previous) {
    previous.app.removeAllListeners();
    previous.app.quitted = false;
    previous.app.whenReady.mockClear();
  }
  vi.resetModules();
  vi.stubEnv('AWB_WORKSPACE', workspaceDir);
  await import('../main/index');
  return fake.electron as FakeElectron;
}

afterAll(() => vi.unstubAllEnvs());

describe('the Electron main process', () => {
  it('quits only after the window closed and the workspace finished its writes and released its lock', async () => {
    const electron = await startMain();
    await until(() => electron.BrowserWindow.getAllWindows().length === 1 && electron.ipcMain.handlers.size > 0, 'the window');
    const [window] = electron.BrowserWindow.getAllWindows();
    const call = (channel: string, ...args: unknown[]) => electron.ipcMain.handlers.get(channel)!(appFrame, ...args) as Promise<Reply<unknown>>;
    const documents = (await call('documents.list', { offset: 0, limit: 1 })) as Reply<{ documents: { id: string }[] }>;
    const docId = documents.ok ? documents.value.documents[0].id : '';

    // A save under way: the page refuses to unload, and the person chooses to wait.
    window.pageSaving = true;
    electron.app.quit();
    expect(electron.dialog.showMessageBoxSync).toHaveBeenCalledWith(window, QUIT_WHILE_SAVING);
    expect(electron.app.quitted).toBe(false);
    expect(electron.BrowserWindow.getAllWindows()).toEqual([window]);

    // The workspace is still open: the save goes through.
    const reply = await call('annotations.create', { docId, label: 'actor', start: 0, end: 5 });
    expect(reply.ok, JSON.stringify(reply)).toBe(true);

    // Another save starts, and Cmd+Q comes before it is acknowledged; the page lets go this time.
    window.pageSaving = false;
    let acknowledged = false;
    const lastSave = call('annotations.create', { docId, label: 'figure', start: 6, end: 9 }).then((r) => ((acknowledged = true), r));
    electron.app.quit();
    expect(window.close).toHaveBeenCalledTimes(2);
    expect(electron.app.quitted).toBe(false);
    await until(() => electron.app.quitted, 'the quit');
    expect(acknowledged).toBe(true);
    expect((await lastSave).ok).toBe(true);

    // The lock is released and both saves are on disk.
    const reopened = await Workspace.open(workspaceDir);
    try {
      const labels = (await reopened.readDocument(docId)).annotations.map((a: Annotation) => a.label).sort();
      expect(labels).toEqual(['actor', 'figure']);
    } finally {
      await reopened.close();
    }
  });

  it('a second launch brings the first window to the front; a second instance quits without opening anything', async () => {
    const first = await startMain();
    await until(() => first.BrowserWindow.getAllWindows().length === 1, 'the window');
    const [window] = first.BrowserWindow.getAllWindows();
    first.app.emit('second-instance', {}, ['electron', '.'], '/');
    expect(window.focus).toHaveBeenCalledOnce();
    first.app.quit();
    await until(() => first.app.quitted, 'the quit');

    fake.singleInstanceLockFree = false;
    const second = await startMain();
    expect(second.app.quitted).toBe(true);
    expect(second.app.whenReady).not.toHaveBeenCalled();
    expect(second.BrowserWindow.getAllWindows()).toEqual([]);
  });
});
