// The renderer's unsaved-changes guard over a real store: beforeunload is cancelled (so the
// browser asks, or Electron's will-prevent-unload does) while a change is being saved, waits to
// retry or failed, and a save waiting out its backoff is tried at once.
import { describe, expect, it, vi } from 'vitest';
import type { Annotation, WorkbenchApi } from '../../preload/api';
import { guardUnsavedChanges, UNSAVED_CHANGES_PROMPT } from '../../renderer/src/state/unsavedChangesGuard';
import { WorkbenchStore } from '../../renderer/src/state/workbenchStore';

const docId = `sha256:${'b'.repeat(64)}`;
const text = 'Lavrov said: "We will leave Aleppo."';

/// A browser's BeforeUnloadEvent: cancellable, with a writable returnValue (Node's Event has a
/// read-only one).
function beforeUnload(): BeforeUnloadEvent {
  const event = new Event('beforeunload', { cancelable: true });
  return Object.defineProperty(event, 'returnValue', { value: '', writable: true }) as BeforeUnloadEvent;
}

/// A service whose saves answer when the test says: each create waits for `answer()`.
function slowService() {
  const answers: ((outcome: Error | null) => void)[] = [];
  const create = vi.fn(
    (a: { id: string; label: string; start: number; end: number }) =>
      new Promise<Annotation>((resolve, reject) =>
        answers.push((error) =>
          error
            ? reject(error)
            : resolve({ ...a, docId, quote: text.slice(a.start, a.end), annotator: 'me', createdAt: 't', updatedAt: 't', origin: 'manual' }),
        ),
      ),
  );
  const api = {
    documents: { open: async () => ({ document: { id: docId, title: 'T', sourceName: 't.txt', text, importedAt: 't' }, annotations: [], relations: [] }) },
    annotations: { create },
  } as unknown as WorkbenchApi;
  return { api, create, answer: (error: Error | null = null) => answers.shift()!(error) };
}

async function setup() {
  const service = slowService();
  const store = new WorkbenchStore(service.api);
  await store.open(docId);
  const window = new EventTarget();
  const remove = guardUnsavedChanges(window, store);
  const leave = () => {
    const event = beforeUnload();
    window.dispatchEvent(event);
    return { held: event.defaultPrevented, returnValue: event.returnValue };
  };
  return { store, service, leave, remove };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the unsaved-changes guard', () => {
  it('lets the page go when everything is saved, and holds it while a save is under way', async () => {
    const { store, service, leave } = await setup();
    expect(leave()).toEqual({ held: false, returnValue: '' });

    store.tag(docId, 'actor', 0, 6);
    expect(store.getSnapshot().save.pending).toBe(1);
    expect(leave()).toEqual({ held: true, returnValue: UNSAVED_CHANGES_PROMPT });

    service.answer();
    await settled();
    expect(store.getSnapshot().save.pending).toBe(0);
    expect(leave().held).toBe(false);
  });

  it('holds the page while a failed save waits to retry, and retries it at once', async () => {
    const { store, service, leave } = await setup();
    store.tag(docId, 'actor', 0, 6);
    service.answer(Object.assign(new Error('the workbench server cannot be reached'), { code: 'unreachable' }));
    await settled();
    expect(store.getSnapshot().save.failure?.retryAt).toBeGreaterThan(Date.now());
    expect(service.create).toHaveBeenCalledTimes(1);

    expect(leave().held).toBe(true);
    expect(service.create).toHaveBeenCalledTimes(2); // not after the 1 s backoff: now
    service.answer();
    await settled();
    expect(store.getSnapshot().save).toEqual({ pending: 0, failure: null });
    expect(leave().held).toBe(false);
  });

  it('holds the page for a save the service refused (it would be lost), without sending it again', async () => {
    const { store, service, leave } = await setup();
    store.tag(docId, 'actor', 0, 6);
    service.answer(Object.assign(new Error('no such label'), { code: 'invalid-arguments' }));
    await settled();
    expect(store.getSnapshot().save.failure?.retryAt).toBeNull();
    expect(leave().held).toBe(true);
    expect(service.create).toHaveBeenCalledTimes(1);
  });

  it('is removed by what it returns', async () => {
    const { store, leave, remove } = await setup();
    store.tag(docId, 'actor', 0, 6);
    remove();
    expect(leave().held).toBe(false);
  });
});
