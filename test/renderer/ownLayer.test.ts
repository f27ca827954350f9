// A colleague's layer is read-only outside Review: the store refuses to change, relabel, delete
// or link a colleague's annotation and says why; a label key on exactly their span makes one's
// own tag beside theirs; a click on identical spans takes one's own first and cycles through the
// colleagues'. Undo and redo take the steps of one article (or the workspace-wide ones) and say
// what they did.
import { describe, expect, it } from 'vitest';
import type { Annotation, RemovedAnnotation, WorkbenchApi } from '../../preload/api';
import { colleagueTagMessage, colleagueTagReason, type ColleagueTagNotice } from '../../renderer/src/colleagueTags';
import { docStateOf } from '../../renderer/src/state/documentState';
import { annotationToSelect } from '../../renderer/src/state/selectors';
import { commandScope, UndoHistory, type Command } from '../../renderer/src/state/undoHistory';
import { stepAnnouncement, stepButtonName, stepText, type StepDescription, type StepTaken } from '../../renderer/src/state/undoSteps';
import { WorkbenchStore } from '../../renderer/src/state/workbenchStore';

const docA = `sha256:${'a'.repeat(64)}`;
const docB = `sha256:${'b'.repeat(64)}`;
const text = 'Hezbollah fighters entered Aleppo, Lavrov said.';
const at = (phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });
const labelName = (id: string) => ({ actor: 'Actor', location: 'Location', figure: 'Figure', quote: 'Quote' })[id] ?? id;

function annotation(id: string, phrase: string, annotator: string, label = 'actor', docId = docA): Annotation {
  return { id, docId, label, ...at(phrase), quote: phrase, annotator, createdAt: 't0', updatedAt: 't0', origin: 'manual' };
}

/// A store (annotator "me") over an in-memory service holding two articles with the same text.
async function setup(...annotations: Annotation[]) {
  const stored = new Map(annotations.map((a) => [a.id, a]));
  const calls: string[] = [];
  const api = {
    documents: {
      open: async (docId: string) => ({
        document: { id: docId, title: docId === docA ? 'Article A' : 'Article B', sourceName: 't.txt', text, importedAt: 't0' },
        annotations: [...stored.values()].filter((a) => a.docId === docId),
        relations: [],
      }),
    },
    annotations: {
      create: async (a: { id: string; docId: string; label: string; start: number; end: number }) => {
        calls.push(`create ${a.label}`);
        const saved: Annotation = { ...annotation(a.id, text.slice(a.start, a.end), 'me', a.label, a.docId) };
        stored.set(a.id, saved);
        return saved;
      },
      update: async (change: { id: string; label?: string }) => {
        calls.push(`update ${change.id}`);
        const next = { ...stored.get(change.id)!, ...change, updatedAt: 't1' } as Annotation;
        stored.set(change.id, next);
        return next;
      },
      delete: async (_doc: string, id: string): Promise<RemovedAnnotation> => {
        calls.push(`delete ${id}`);
        const removed = stored.get(id)!;
        stored.delete(id);
        return { annotation: removed, relations: [] };
      },
      restore: async (_doc: string, removed: RemovedAnnotation) => {
        calls.push(`restore ${removed.annotation.id}`);
        stored.set(removed.annotation.id, removed.annotation);
        return removed.annotation;
      },
    },
    relations: { set: async () => (calls.push('link'), null) },
  } as unknown as WorkbenchApi;
  let n = 0;
  const store = new WorkbenchStore(api, () => 't0', () => `new-${++n}`);
  store.setAnnotator('me');
  await store.open(docA);
  await store.open(docB);
  const notices: ColleagueTagNotice[] = [];
  store.onColleagueTag((notice) => notices.push(notice));
  const steps: StepTaken[] = [];
  store.onStep((taken) => steps.push(taken));
  const idle = async () => {
    for (let i = 0; i < 100 && store.getSnapshot().save.pending > 0; i++) await new Promise((r) => setTimeout(r, 1));
  };
  return { store, stored, calls, notices, steps, idle };
}

describe("a colleague's annotation outside Review", () => {
  it('is not relabelled, given a note, linked to an entity, deleted or linked, and each attempt is told', async () => {
    const dana = annotation('d1', 'Hezbollah', 'Dana');
    const { store, stored, calls, notices, idle } = await setup(dana, annotation('q1', 'Lavrov said', 'Dana', 'quote'));
    const ref = { docId: docA, id: 'd1' };
    store.select(ref);
    store.relabel(ref, 'location');
    store.relabel(ref, 'actor'); // its own label: still told, nothing sent
    store.setNote(ref, null);
    store.change(ref, { entityId: 'e1' });
    store.change(ref, { start: 0, end: 3 });
    store.remove(ref);
    store.setLink(docA, 'speaker', 'q1', 'd1');
    await idle();
    expect(calls).toEqual([]);
    expect(stored.get('d1')).toEqual(dana);
    expect(store.doc(docA)!.annotations.get('d1')).toEqual(dana);
    expect(store.getSnapshot().canUndo).toBe(false);
    expect(notices).toHaveLength(7);
    expect(notices[0]).toEqual({ kind: 'refused', annotator: 'Dana', label: 'actor', quote: 'Hezbollah' });
    expect(notices[6]).toMatchObject({ kind: 'refused', annotator: 'Dana', label: 'quote' });
  });

  it('my own annotation still changes, and a label key on exactly a colleague’s span adds mine beside theirs', async () => {
    const { store, stored, notices, idle } = await setup(annotation('d1', 'Hezbollah', 'Dana'), annotation('m1', 'Aleppo', 'me', 'actor'));
    store.relabel({ docId: docA, id: 'm1' }, 'location');
    const mine = store.tag(docA, 'location', at('Hezbollah').start, at('Hezbollah').end)!;
    await idle();
    expect(stored.get('m1')?.label).toBe('location');
    expect(stored.get(mine.id)).toMatchObject({ annotator: 'me', label: 'location', quote: 'Hezbollah' });
    expect(stored.get('d1')).toMatchObject({ annotator: 'Dana', label: 'actor' });
    expect(notices).toEqual([{ kind: 'beside', annotator: 'Dana', label: 'actor', quote: 'Hezbollah', made: 'location' }]);
    // The same label as theirs is agreement, not a mistake: nothing is said.
    store.tag(docA, 'actor', at('Hezbollah').start, at('Hezbollah').end);
    expect(notices).toHaveLength(1);
  });

  it('is described with the reason and the way to Review', () => {
    expect(colleagueTagReason('Dana')).toBe('This is Dana’s tag: colleagues’ tags are read-only here; adjudicate them in Review.');
    const refused = colleagueTagMessage({ kind: 'refused', annotator: 'Dana', label: 'actor', quote: 'Hezbollah' }, labelName);
    expect(refused).toMatchObject({ title: 'Not changed: Dana’s Actor “Hezbollah”', text: colleagueTagReason('Dana') });
    const beside = colleagueTagMessage({ kind: 'beside', annotator: 'Dana', label: 'actor', quote: 'Hezbollah', made: 'location' }, labelName);
    expect(beside).toMatchObject({ title: 'Your own Location tag was added beside Dana’s' });
    expect(beside.kind === 'note' && beside.text).toContain('Dana’s Actor “Hezbollah” stays as it is');
  });
});

describe('a click on identical spans', () => {
  it('takes my own first, then each colleague’s in turn, then the span around them, then mine again', () => {
    const doc = docStateOf({
      document: { id: docA, title: 'A', sourceName: 'a.txt', text, importedAt: 't0', meta: {} },
      annotations: [
        annotation('z-eve', 'Hezbollah', 'Eve'),
        annotation('y-dana', 'Hezbollah', 'Dana', 'location'),
        annotation('x-mine', 'Hezbollah', 'me'),
        annotation('outer', 'Hezbollah fighters', 'me'),
      ],
      relations: [],
    });
    const under = ['z-eve', 'y-dana', 'outer', 'x-mine'];
    const clicks: string[] = [];
    let selected: string | null = null;
    for (let i = 0; i < 5; i++) clicks.push((selected = annotationToSelect(doc, under, selected, 'me'))!);
    expect(clicks).toEqual(['x-mine', 'y-dana', 'z-eve', 'outer', 'x-mine']);
    // Someone else (Dana) clicking the same text gets hers first.
    expect(annotationToSelect(doc, under, null, 'Dana')).toBe('y-dana');
  });
});

describe('undo in one article', () => {
  it('takes only the steps of the focused article, keeps the others for when it is shown again, and says what it did', async () => {
    const { store, stored, steps, idle } = await setup();
    const inA = store.tag(docA, 'actor', at('Hezbollah').start, at('Hezbollah').end)!;
    const inB = store.tag(docB, 'location', at('Aleppo').start, at('Aleppo').end)!;
    await idle();
    // Article B is the one shown: Ctrl+Z there leaves A's tag alone although it came first.
    expect(stepButtonName('undo', store.nextUndo(docB), labelName)).toBe('Undo Location ‘Aleppo’');
    store.undo(docB);
    await idle();
    expect(stored.has(inB.id)).toBe(false);
    expect(stored.has(inA.id)).toBe(true);
    expect(steps.at(-1)).toMatchObject({ direction: 'undo', scope: docB, step: { kind: 'tag', docId: docB, label: 'location', quote: 'Aleppo' } });
    // Nothing more in B; A still has its step.
    store.undo(docB);
    expect(steps.at(-1)).toEqual({ direction: 'undo', scope: docB, step: null });
    expect(stored.has(inA.id)).toBe(true);
    expect(store.nextUndo(docA)).toMatchObject({ kind: 'tag', quote: 'Hezbollah' });
    // Redo in B gives B's tag back (the same annotation).
    store.redo(docB);
    await idle();
    expect(stored.get(inB.id)?.quote).toBe('Aleppo');
    expect(steps.at(-1)).toMatchObject({ direction: 'redo', step: { kind: 'tag', quote: 'Aleppo' } });
  });

  it('a workspace-wide step belongs to every article; a new step clears only its own article’s redo', () => {
    const history = new UndoHistory<Command>(commandScope);
    const removed = (docId: string, id: string) => ({ annotation: annotation(id, 'Aleppo', 'me', 'location', docId), relations: [] });
    const inA: Command = { kind: 'create', docId: docA, removed: removed(docA, 'a1') };
    const inB: Command = { kind: 'create', docId: docB, removed: removed(docB, 'b1') };
    const merge: Command = { kind: 'workspace', change: { description: 'merge “Moscow” into “Russia”', undo: async () => {}, redo: async () => {} } };
    const tagAll: Command = { kind: 'workspace', change: { description: 'tag all “Aleppo” (2)', docIds: [docA], undo: async () => {}, redo: async () => {} } };
    history.push(inA);
    history.push(merge);
    history.push(tagAll);
    history.push(inB);
    expect(history.peekUndo(docB)).toBe(inB);
    expect(history.takeUndo(docA)).toBe(tagAll);
    expect(history.takeUndo(docA)).toBe(merge);
    expect(history.peekUndo(null)).toBeUndefined();
    expect(history.takeUndo(docA)).toBe(inA);
    expect(history.takeUndo(docB)).toBe(inB);
    // A new step in B drops B's redo and the workspace-wide one, and keeps A's.
    history.push({ kind: 'create', docId: docB, removed: removed(docB, 'b2') });
    expect(history.peekRedo(docB)).toBeUndefined();
    expect(history.peekRedo(docA)).toBe(inA);
    history.forget(docA);
    expect(history.peekRedo()).toBeUndefined();
  });

  it('words each kind of step for the buttons and the announcement', () => {
    const title = (id: string) => (id === docA ? 'Russia, Turkey broker Aleppo ceasefire' : undefined);
    const tag: StepDescription = { kind: 'tag', docId: docA, label: 'actor', quote: 'Hezbollah' };
    expect(stepAnnouncement('undo', tag, labelName, title, docA)).toBe('Undid: Actor ‘Hezbollah’ in Russia, Turkey broker Aleppo ceasefire');
    expect(stepAnnouncement('redo', tag, labelName, title, docA)).toBe('Redid: Actor ‘Hezbollah’ in Russia, Turkey broker Aleppo ceasefire');
    expect(stepAnnouncement('undo', null, labelName, title, docA)).toBe('Nothing to undo in Russia, Turkey broker Aleppo ceasefire');
    expect(stepButtonName('redo', null, labelName)).toBe('Nothing to redo in this article');
    expect(stepText({ kind: 'delete', docId: docA, label: 'figure', quote: '13,346' }, labelName)).toBe('delete Figure ‘13,346’');
    expect(stepText({ kind: 'relabel', docId: docA, from: 'actor', to: 'location', quote: 'Aleppo' }, labelName)).toBe('relabel ‘Aleppo’ Actor → Location');
    expect(stepText({ kind: 'edit', docId: docA, what: 'note', label: 'quote', quote: 'We will\nleave' }, labelName)).toBe('note of Quote ‘We will leave’');
    expect(stepText({ kind: 'workspace', docId: null, text: 'merge “Moscow” into “Russia”' }, labelName)).toBe('merge “Moscow” into “Russia”');
    expect(stepText({ kind: 'tag', docId: docA, label: 'quote', quote: 'x'.repeat(50) }, labelName)).toBe(`Quote ‘${'x'.repeat(39)}…’`);
  });
});
