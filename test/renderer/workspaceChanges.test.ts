// The renderer's pieces for workspace changes: repair notices passed on from documents.open, their
// times shown locally, panes dropped when their document is gone, waiting for saves before a
// restore, the store re-reading open documents, and base64 decoding.
import { describe, expect, it } from 'vitest';
import type { Annotation, OpenDocument, WorkbenchApi } from '../../preload/api';
import { base64Bytes } from '../../renderer/src/export/download';
import { NO_PANES, openBeside } from '../../renderer/src/panes';
import { onRepairNotice, withLocalTimes, withRepairNotices } from '../../renderer/src/repairNotices';
import { WorkbenchStore } from '../../renderer/src/state/workbenchStore';
import { keepKnownPanes, whenAllSaved } from '../../renderer/src/workspaceReload';

const docId = `sha256:${'b'.repeat(64)}`;
const text = 'Staffan de Mistura spoke in Geneva.';

function opened(annotations: Annotation[], repairNotice?: string): OpenDocument {
  return {
    document: { id: docId, title: 'T', sourceName: 't.txt', text, importedAt: '2016-12-14T10:00:00.000Z', meta: {} },
    annotations,
    relations: [],
    ...(repairNotice ? { repairNotice } : {}),
  };
}

const annotation = (id: string): Annotation => ({
  id,
  docId,
  label: 'actor',
  start: 0,
  end: 18,
  quote: 'Staffan de Mistura',
  annotator: 'colleague',
  createdAt: 't',
  updatedAt: 't',
  origin: 'import',
});

describe('repair notices', () => {
  it('passes a notice from documents.open to the listeners, and leaves other calls alone', async () => {
    const api = {
      documents: { open: async () => opened([], 'documents/b.json was damaged'), list: async () => [] },
      workspace: { info: async () => 'info' },
    } as unknown as WorkbenchApi;
    const heard: [string, string][] = [];
    const stop = onRepairNotice((id, notice) => heard.push([id, notice]));
    const wrapped = withRepairNotices(api);
    expect((await wrapped.documents.open(docId)).repairNotice).toBe('documents/b.json was damaged');
    expect(await wrapped.documents.list({ offset: 0, limit: 10 })).toEqual([]);
    expect(await wrapped.workspace.info()).toBe('info');
    stop();
    await wrapped.documents.open(docId);
    expect(heard).toEqual([[docId, 'documents/b.json was damaged']]);
  });

  it('shows ISO times in local time and control characters as escapes', () => {
    const local = withLocalTimes('restored from the backup of 2016-12-14T10:00:07.000Z; token "\u0000\u0000"');
    expect(local).not.toContain('2016-12-14T10');
    expect(local).toMatch(/restored from the backup of \d{1,2} Dec 2016, \d\d:\d\d:07; token "\\x00\\x00"/);
    expect(withLocalTimes('moved to damaged/x.json.2016-12-14T10-00-07.000Z')).toBe('moved to damaged/x.json.2016-12-14T10-00-07.000Z');
  });
});

describe('workspace reload helpers', () => {
  it('drops the panes of documents that are gone, and keeps the state object when none is', () => {
    let state = openBeside(NO_PANES, 'a', 'p1');
    state = openBeside(state, 'b', 'p2');
    expect(keepKnownPanes(state, new Set(['a', 'b']))).toBe(state);
    const kept = keepKnownPanes(state, new Set(['a']));
    expect(kept.panes.map((p) => p.docId)).toEqual(['a']);
    expect(kept.focused).toBe('p1');
  });

  it('waits for queued saves, and refuses while a save is failing', async () => {
    let listener: (() => void) | null = null;
    let save: { pending: number; failure: { description: string } | null } = { pending: 1, failure: null };
    const store = {
      getSnapshot: () => ({ save }),
      onAllSaved: (l: () => void) => {
        listener = l;
        return () => (listener = null);
      },
    } as unknown as Parameters<typeof whenAllSaved>[0];
    let done = false;
    const waiting = whenAllSaved(store).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    listener!();
    await waiting;
    expect(done).toBe(true);
    expect(listener).toBeNull();
    save = { pending: 1, failure: { description: 'tag “Lavrov”' } };
    await expect(whenAllSaved(store)).rejects.toThrow('tag “Lavrov”');
  });

  it('re-reads open documents from the service, and forgets undo when asked', async () => {
    let annotations: Annotation[] = [];
    const api = {
      documents: { open: async () => opened(annotations) },
      annotations: { create: async (a: Annotation) => ({ ...annotation(a.id), ...a }) },
    } as unknown as WorkbenchApi;
    const store = new WorkbenchStore(api);
    await store.open(docId);
    store.tag(docId, 'actor', 0, 18);
    await whenAllSaved(store);
    expect(store.getSnapshot().canUndo).toBe(true);
    annotations = [annotation('11111111-1111-4111-8111-111111111111'), annotation('22222222-2222-4222-8222-222222222222')];
    store.reloadOpen(true);
    await new Promise((r) => setTimeout(r, 5));
    expect([...store.doc(docId)!.annotations.keys()]).toHaveLength(2);
    expect(store.getSnapshot().canUndo).toBe(false);
  });
});

describe('small pieces', () => {
  it('decodes base64 to the exact bytes', () => {
    const bytes = new Uint8Array([0, 1, 127, 128, 255, 80, 75]);
    expect([...base64Bytes(Buffer.from(bytes).toString('base64'))]).toEqual([...bytes]);
  });
});
