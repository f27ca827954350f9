// The renderer's annotation store against an in-memory service: optimistic edits, saving in
// order, adopting the service's answers, undo/redo of every kind of change, failed saves.
import { describe, expect, it } from 'vitest';
import type { Annotation, Relation, WorkbenchApi } from '../../preload/api';
import { speakerOf } from '../../renderer/src/state/documentState';
import { WorkbenchStore } from '../../renderer/src/state/workbenchStore';

const docId = `sha256:${'a'.repeat(64)}`;
const text = 'Lavrov said: "We will leave Aleppo." 13,346 civilians left.';
const span = (phrase: string) => [text.indexOf(phrase), text.indexOf(phrase) + phrase.length] as const;

function fakeService() {
  const annotations = new Map<string, Annotation>();
  let relations: Relation[] = [];
  const failures: Error[] = [];
  let n = 0;
  const maybeFail = () => {
    const failure = failures.shift();
    if (failure) throw failure;
  };
  const api = {
    documents: {
      open: async () => ({
        document: { id: docId, title: 'T', sourceName: 't.txt', text, importedAt: '2024-01-01T00:00:00.000Z' },
        annotations: [...annotations.values()],
        relations: [...relations],
      }),
    },
    annotations: {
      create: async (a: { id: string; label: string; start: number; end: number }) => {
        maybeFail();
        const saved: Annotation = { ...a, docId, quote: text.slice(a.start, a.end), annotator: 'me', createdAt: `t${++n}`, updatedAt: `t${n}`, origin: 'manual' };
        annotations.set(a.id, saved);
        return saved;
      },
      update: async (c: { id: string; label?: string; note?: Annotation['note'] | null; start?: number; end?: number }) => {
        maybeFail();
        const next = { ...annotations.get(c.id)!, updatedAt: `t${++n}` };
        if (c.label) next.label = c.label;
        if (c.start !== undefined && c.end !== undefined) Object.assign(next, { start: c.start, end: c.end, quote: text.slice(c.start, c.end) });
        if (c.note === null) delete next.note;
        else if (c.note) next.note = c.note;
        annotations.set(c.id, next);
        return next;
      },
      delete: async (_doc: string, id: string) => {
        maybeFail();
        const annotation = annotations.get(id)!;
        annotations.delete(id);
        const linked = relations.filter((r) => r.from === id || r.to === id);
        relations = relations.filter((r) => !linked.includes(r));
        return { annotation, relations: linked };
      },
      restore: async (_doc: string, removed: { annotation: Annotation; relations: Relation[] }) => {
        maybeFail();
        annotations.set(removed.annotation.id, removed.annotation);
        relations.push(...removed.relations);
        return removed.annotation;
      },
    },
    relations: {
      set: async (_doc: string, _type: string, quoteId: string, actorId: string | null) => {
        maybeFail();
        relations = relations.filter((r) => r.from !== quoteId);
        if (!actorId) return null;
        const relation: Relation = { id: crypto.randomUUID(), type: 'speaker', from: quoteId, to: actorId, annotator: 'server' };
        relations.push(relation);
        return relation;
      },
    },
  } as unknown as WorkbenchApi;
  return { api, annotations, relations: () => relations, failures };
}

async function idle(store: WorkbenchStore) {
  for (let i = 0; i < 100 && store.getSnapshot().save.pending > 0; i++) await new Promise((r) => setTimeout(r, 1));
}

async function setup() {
  const service = fakeService();
  const store = new WorkbenchStore(service.api);
  store.setAnnotator('me');
  await store.open(docId);
  return { store, service, doc: () => store.doc(docId)! };
}

describe('WorkbenchStore', () => {
  it('a document read again keeps a change made while it was being read', async () => {
    const { store, service, doc } = await setup();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const open = service.api.documents.open;
    // The service reads the document before the change below, and answers after it was saved.
    service.api.documents.open = async (id) => {
      const read = await open(id);
      await gate;
      return read;
    };
    store.reloadOpen();
    const [start, end] = span('Lavrov');
    const ref = store.tag(docId, 'actor', start, end)!;
    await idle(store);
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(doc().annotations.get(ref.id)?.quote).toBe('Lavrov');
  });

  it('shows a tag at once, trimmed, then adopts what the service saved', async () => {
    const { store, service, doc } = await setup();
    const [start, end] = span(' Lavrov ');
    const ref = store.tag(docId, 'actor', start - 1, end)!;
    expect(doc().annotations.get(ref.id)).toMatchObject({ quote: 'Lavrov', annotator: 'me', start: 0, end: 6 });
    expect(store.getSnapshot().selected).toEqual(ref);
    expect(store.getSnapshot().save.pending).toBe(1);
    await idle(store);
    expect(service.annotations.get(ref.id)?.quote).toBe('Lavrov');
    expect(doc().annotations.get(ref.id)?.createdAt).toBe('t1');
    expect(store.tag(docId, 'actor', 6, 7)).toBeNull();
  });

  it('undoes and redoes a relabel, a note and a delete, keeping ids and speaker links', async () => {
    const { store, service, doc } = await setup();
    const quote = store.tag(docId, 'quote', ...span('We will leave Aleppo.'))!;
    const actor = store.tag(docId, 'actor', ...span('Lavrov'))!;
    store.setLink(docId, 'speaker', quote.id, actor.id);
    store.relabel(actor, 'location');
    store.setNote(actor, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'n' }] }] });
    await idle(store);
    expect(service.annotations.get(actor.id)).toMatchObject({ label: 'location', note: { type: 'doc' } });

    store.undo();
    store.undo();
    await idle(store);
    expect(service.annotations.get(actor.id)?.label).toBe('actor');
    expect(service.annotations.get(actor.id)?.note).toBeUndefined();
    store.redo();
    await idle(store);
    expect(service.annotations.get(actor.id)?.label).toBe('location');

    store.remove(actor);
    expect(speakerOf(doc(), quote.id)).toBeNull();
    await idle(store);
    expect(service.annotations.has(actor.id)).toBe(false);
    store.undo();
    await idle(store);
    expect(service.annotations.has(actor.id)).toBe(true);
    expect(service.relations()).toMatchObject([{ from: quote.id, to: actor.id }]);
    expect(speakerOf(doc(), quote.id)).toBe(actor.id);
  });

  it('undo of a create deletes it, redo restores the same annotation', async () => {
    const { store, service, doc } = await setup();
    const ref = store.tag(docId, 'figure', ...span('13,346 civilians'))!;
    await idle(store);
    const created = service.annotations.get(ref.id);
    store.undo();
    expect(doc().annotations.has(ref.id)).toBe(false);
    await idle(store);
    expect(service.annotations.size).toBe(0);
    store.redo();
    await idle(store);
    expect(service.annotations.get(ref.id)).toEqual(created);
    expect(store.getSnapshot().canRedo).toBe(false);
  });

  it('undoes a speaker link to the previous speaker', async () => {
    const { store, service, doc } = await setup();
    const quote = store.tag(docId, 'quote', ...span('We will leave Aleppo.'))!;
    const actor = store.tag(docId, 'actor', ...span('Lavrov'))!;
    store.setLink(docId, 'speaker', quote.id, actor.id);
    await idle(store);
    expect(service.relations()).toHaveLength(1);
    store.undo();
    expect(speakerOf(doc(), quote.id)).toBeNull();
    await idle(store);
    expect(service.relations()).toHaveLength(0);
  });

  it('keeps a change whose save failed on screen, and saves it on retry', async () => {
    const { store, service, doc } = await setup();
    service.failures.push(Object.assign(new Error('disk full'), { code: 'internal' }));
    const ref = store.tag(docId, 'actor', ...span('Lavrov'))!;
    await new Promise((r) => setTimeout(r, 5));
    const { save } = store.getSnapshot();
    expect(save.failure).toMatchObject({ message: 'disk full', attempts: 1 });
    expect(save.failure?.retryAt).not.toBeNull();
    expect(doc().annotations.has(ref.id)).toBe(true);
    store.retrySave();
    await idle(store);
    expect(store.getSnapshot().save.failure).toBeNull();
    expect(service.annotations.has(ref.id)).toBe(true);
  });

  it('whenAllSaved refuses as soon as a save it waits for fails, rather than waiting for good', async () => {
    const { store, service } = await setup();
    service.failures.push(Object.assign(new Error('no such label'), { code: 'invalid-arguments' }));
    store.tag(docId, 'nonsense', ...span('Lavrov'));
    expect(store.getSnapshot().save.pending).toBe(1);
    await expect(store.whenAllSaved()).rejects.toThrow('a change could not be saved yet: retry or discard it first');
    // And once it is discarded, there is nothing to wait for.
    store.discardFailedSave();
    await expect(store.whenAllSaved()).resolves.toBeUndefined();
  });

  it('does not retry a refused save by itself; discarding it shows what the service has', async () => {
    const { store, service, doc } = await setup();
    service.failures.push(Object.assign(new Error('no such label'), { code: 'invalid-arguments' }));
    const ref = store.tag(docId, 'nonsense', ...span('Lavrov'))!;
    await new Promise((r) => setTimeout(r, 5));
    expect(store.getSnapshot().save.failure).toMatchObject({ message: 'no such label', retryAt: null });
    store.discardFailedSave();
    await new Promise((r) => setTimeout(r, 5));
    expect(doc().annotations.has(ref.id)).toBe(false);
    expect(store.getSnapshot().canUndo).toBe(false);
  });
});

describe('WorkbenchStore.tag: whole words, no silent duplicates (DESIGN §12)', () => {
  it('snaps a sloppy selection out to whole words, and keeps it raw when asked (Alt)', async () => {
    const { store, doc } = await setup();
    const sloppy = store.tag(docId, 'location', text.indexOf('leppo'), text.indexOf('leppo') + 2)!;
    expect(doc().annotations.get(sloppy.id)?.quote).toBe('Aleppo');
    const raw = store.tag(docId, 'actor', text.indexOf('avro'), text.indexOf('avro') + 3, true)!;
    expect(doc().annotations.get(raw.id)?.quote).toBe('avr');
  });

  it('tagging the same span with the same label twice makes one annotation and selects it', async () => {
    const { store, service, doc } = await setup();
    const told: unknown[] = [];
    store.onAlreadyTagged((ref) => told.push(ref));
    const first = store.tag(docId, 'actor', ...span('Lavrov'))!;
    store.select(null);
    // Before it is saved, and once saved under this annotator's name.
    expect(store.tag(docId, 'actor', text.indexOf('avr'), text.indexOf('avr') + 2)).toEqual(first);
    expect(store.getSnapshot().selected).toEqual(first);
    await idle(store);
    expect(store.tag(docId, 'actor', ...span('Lavrov'))).toEqual(first);
    expect(told).toEqual([first, first]);
    expect(doc().annotations.size).toBe(1);
    expect(service.annotations.size).toBe(1);
    // Another label, or another annotator, is another annotation.
    expect(store.tag(docId, 'location', ...span('Lavrov'))?.id).not.toBe(first.id);
    store.setAnnotator('someone else');
    expect(store.tag(docId, 'actor', ...span('Lavrov'))?.id).not.toBe(first.id);
    expect(doc().annotations.size).toBe(3);
  });

  it('offers to extend one of my tags that the selection extends: Enter extends it (one undo step), Esc keeps both', async () => {
    const { store, service, doc } = await setup();
    const note = { type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'n' }] }] };
    const first = store.tag(docId, 'quote', ...span('We will'))!;
    store.setNote(first, note);
    await idle(store);
    expect(store.tag(docId, 'quote', ...span('We will leave Aleppo'))).toEqual(first);
    expect(store.getSnapshot().extendOffer).toMatchObject({ existing: first, from: 'We will', to: 'We will leave Aleppo' });
    expect(doc().annotations.size).toBe(1);
    store.answerExtendOffer(true);
    expect(store.getSnapshot().extendOffer).toBeNull();
    expect(doc().annotations.get(first.id)).toMatchObject({ quote: 'We will leave Aleppo', note });
    await idle(store);
    expect(service.annotations.get(first.id)).toMatchObject({ quote: 'We will leave Aleppo', note });
    store.undo();
    expect(doc().annotations.get(first.id)?.quote).toBe('We will');
    await idle(store);
    expect(service.annotations.get(first.id)?.quote).toBe('We will');

    // Overlapping and extending to the left; Esc keeps both.
    store.tag(docId, 'quote', ...span('said: "We'));
    expect(store.getSnapshot().extendOffer?.to).toBe('said: "We');
    store.answerExtendOffer(false);
    expect([...doc().annotations.values()].map((a) => a.quote).sort()).toEqual(['We will', 'said: "We']);
    store.undo();
    expect(doc().annotations.size).toBe(1);
    // Inside my tag, another label, or another annotator's: no offer.
    store.tag(docId, 'quote', ...span('will'));
    store.tag(docId, 'actor', ...span('We will leave'));
    expect(store.getSnapshot().extendOffer).toBeNull();
    expect(doc().annotations.size).toBe(3);
  });
});
