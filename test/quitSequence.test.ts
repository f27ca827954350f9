// Quitting, the single instance and the unload prompt of the Electron app, driven with fakes of
// Electron's app, windows and web contents (no Electron binary needed).
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { installQuitSequence } from '../main/app/quitSequence';
import { keepSingleInstance } from '../main/app/singleInstance';
import { confirmUnloadWhileSaving, QUIT_ANYWAY, QUIT_WHILE_SAVING } from '../main/app/unloadConfirmation';

/// Emits `name` with a cancellable event; true when a listener cancelled it.
function emitPreventable(emitter: EventEmitter, name: string): boolean {
  let prevented = false;
  emitter.emit(name, { preventDefault: () => (prevented = true) });
  return prevented;
}

/// An app whose quit() runs the before-quit listeners and, unless one cancels, quits; and windows
/// whose page may refuse to close (a pending save the person chose to wait for). Closing the last
/// window emits window-all-closed, as Electron does when no quit is under way.
function fakeApp(options: { windows: number; pageRefuses?: () => boolean; closeWorkspace?: () => Promise<void> }) {
  const app = Object.assign(new EventEmitter(), { quit: vi.fn(), quitted: false });
  app.quit.mockImplementation(() => {
    if (!emitPreventable(app, 'before-quit')) app.quitted = true;
  });
  let open = Array.from({ length: options.windows }, (_, i) => ({
    id: i,
    close: vi.fn(() => {
      if (options.pageRefuses?.()) return;
      open = open.filter((w) => w.id !== i);
      if (open.length === 0) app.emit('window-all-closed');
    }),
  }));
  const closeWorkspace = vi.fn(options.closeWorkspace ?? (() => Promise.resolve()));
  const onCloseFailed = vi.fn();
  const state = installQuitSequence({ app, windows: () => open, closeWorkspace, onCloseFailed });
  return { app, windows: () => open, closeWorkspace, onCloseFailed, state };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('quitting (Cmd+Q, the app menu, app.quit())', () => {
  it('closes the windows first, then the workspace, then quits', async () => {
    let finishWrites!: () => void;
    const f = fakeApp({ windows: 2, closeWorkspace: () => new Promise<void>((resolve) => (finishWrites = resolve)) });
    const [first, second] = f.windows();
    f.app.quit();
    expect(f.app.quitted).toBe(false);
    expect(first.close).toHaveBeenCalledOnce();
    expect(second.close).toHaveBeenCalledOnce();
    expect(f.closeWorkspace).toHaveBeenCalledOnce();
    expect(f.state()).toBe('closing-workspace');

    // A second Cmd+Q while the writes finish changes nothing.
    f.app.quit();
    await settled();
    expect(f.app.quitted).toBe(false);
    expect(f.closeWorkspace).toHaveBeenCalledOnce();

    finishWrites();
    await settled();
    expect(f.state()).toBe('closed');
    expect(f.app.quitted).toBe(true);
    expect(f.onCloseFailed).not.toHaveBeenCalled();
  });

  it('does not quit, nor close the workspace, while a page keeps its window open for a pending save', async () => {
    let pending = true;
    const f = fakeApp({ windows: 1, pageRefuses: () => pending });
    f.app.quit();
    await settled();
    expect(f.windows()).toHaveLength(1);
    expect(f.closeWorkspace).not.toHaveBeenCalled();
    expect(f.app.quitted).toBe(false);
    expect(f.state()).toBe('running');

    pending = false; // saved: the next Cmd+Q goes through
    f.app.quit();
    await settled();
    expect(f.closeWorkspace).toHaveBeenCalledOnce();
    expect(f.app.quitted).toBe(true);
  });

  it('closing the last window closes the workspace and quits', async () => {
    const f = fakeApp({ windows: 1 });
    f.windows()[0].close();
    await settled();
    expect(f.closeWorkspace).toHaveBeenCalledOnce();
    expect(f.app.quitted).toBe(true);
  });

  it('with no window open, closes the workspace before quitting', async () => {
    const f = fakeApp({ windows: 0 });
    f.app.quit();
    expect(f.app.quitted).toBe(false);
    await settled();
    expect(f.closeWorkspace).toHaveBeenCalledOnce();
    expect(f.app.quitted).toBe(true);
  });

  it('quits even when closing the workspace fails, and says so', async () => {
    const f = fakeApp({ windows: 1, closeWorkspace: () => Promise.reject(new Error('disk gone')) });
    f.app.quit();
    await settled();
    expect(f.onCloseFailed).toHaveBeenCalledWith(new Error('disk gone'));
    expect(f.app.quitted).toBe(true);
  });
});

describe('one instance', () => {
  function fakeInstanceApp(gotLock: boolean) {
    return Object.assign(new EventEmitter(), { requestSingleInstanceLock: vi.fn(() => gotLock), quit: vi.fn() });
  }
  const fakeWindow = (minimized: boolean) => ({ isMinimized: () => minimized, restore: vi.fn(), show: vi.fn(), focus: vi.fn() });

  it('a second instance quits', () => {
    const app = fakeInstanceApp(false);
    expect(keepSingleInstance(app, () => null)).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('the first instance brings its window to the front when another launch is attempted', () => {
    const app = fakeInstanceApp(true);
    let window: ReturnType<typeof fakeWindow> | null = null;
    expect(keepSingleInstance(app, () => window)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.emit('second-instance'); // before the window exists: nothing to do
    window = fakeWindow(true);
    app.emit('second-instance', {}, ['electron', '.'], '/');
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
    const shown = fakeWindow(false);
    window = shown;
    app.emit('second-instance');
    expect(shown.restore).not.toHaveBeenCalled();
    expect(shown.show).toHaveBeenCalledOnce();
    expect(shown.focus).toHaveBeenCalledOnce();
  });
});

describe('a page that refuses to unload while saving', () => {
  it('unloads only when the person answers "Quit anyway"', () => {
    const contents = new EventEmitter();
    let answer = false;
    const ask = vi.fn(() => answer);
    confirmUnloadWhileSaving(contents, ask);
    expect(emitPreventable(contents, 'will-prevent-unload')).toBe(false);
    answer = true;
    expect(emitPreventable(contents, 'will-prevent-unload')).toBe(true);
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('asks "Changes are still being saved. Quit anyway?", with Wait the default and the answer to Escape', () => {
    expect(QUIT_WHILE_SAVING.message).toBe('Changes are still being saved. Quit anyway?');
    expect(QUIT_WHILE_SAVING.buttons![QUIT_ANYWAY]).toBe('Quit anyway');
    expect(QUIT_WHILE_SAVING.buttons![QUIT_WHILE_SAVING.defaultId!]).toBe('Wait');
    expect(QUIT_WHILE_SAVING.cancelId).toBe(QUIT_WHILE_SAVING.defaultId);
  });
});
