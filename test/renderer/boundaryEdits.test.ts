// Boundary editing through the store (DESIGN §12, issue 18 item 3): a move is one change of the
// span (note, entity and attributes kept), one undo step; someone else's tag and a move onto a
// twin of another of mine are refused and said. And the handles drawn for it.
import { getSchema } from '@tiptap/core';
import Document from '@tiptap/extension-document';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { EditorState } from '@tiptap/pm/state';
import type { Decoration } from '@tiptap/pm/view';
import { describe, expect, it } from 'vitest';
import type { Annotation, WorkbenchApi } from '../../preload/api';
import { highlightsKey, highlightsPlugin, type HighlightLook } from '../../renderer/src/editor/annotationHighlights';
import { boundaryHandlesKey, boundaryHandlesPlugin, handleDecorations } from '../../renderer/src/editor/boundaryHandles';
import { documentContent } from '../../renderer/src/editor/documentContent';
import { TextPositions } from '../../renderer/src/editor/textPositions';
import { dragEnd, moveSelectedEnd, onBoundaryRefused, type BoundaryRefusal } from '../../renderer/src/state/boundaryEdits';
import { WorkbenchStore } from '../../renderer/src/state/workbenchStore';

const docId = `sha256:${'b'.repeat(64)}`;
const text = "President Bashar al-Assad's forces seized Aleppo.\nLavrov said talks would be held.";
const at = (phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });
const note = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'check the title' }] }] } as unknown as Annotation['note'];

function annotation(id: string, phrase: string, annotator = 'me', label = 'actor'): Annotation {
  return { id, docId, label, ...at(phrase), quote: phrase, annotator, createdAt: 't0', updatedAt: 't0', origin: 'manual' };
}

/// A store over an in-memory service holding `annotations`; `updates` records what was sent.
async function setup(...annotations: Annotation[]) {
  const stored = new Map(annotations.map((a) => [a.id, a]));
  const updates: Record<string, unknown>[] = [];
  const api = {
    documents: { open: async () => ({ document: { id: docId, title: 'T', sourceName: 't.txt', text, importedAt: 't0' }, annotations: [...stored.values()], relations: [] }) },
    annotations: {
      update: async (change: { id: string; start?: number; end?: number }) => {
        updates.push(change);
        const next = { ...stored.get(change.id)!, ...change, updatedAt: 't1' } as Annotation;
        if (change.start !== undefined && change.end !== undefined) next.quote = text.slice(change.start, change.end);
        stored.set(change.id, next);
        return next;
      },
    },
  } as unknown as WorkbenchApi;
  const store = new WorkbenchStore(api);
  store.setAnnotator('me');
  await store.open(docId);
  const refusals: BoundaryRefusal[] = [];
  const stop = onBoundaryRefused((r) => refusals.push(r));
  const quote = (id: string) => store.doc(docId)!.annotations.get(id)!.quote;
  const idle = async () => {
    for (let i = 0; i < 100 && store.getSnapshot().save.pending > 0; i++) await new Promise((r) => setTimeout(r, 1));
  };
  return { store, stored, updates, refusals, stop, quote, idle };
}

describe('moving the ends of the selected annotation', () => {
  it('moves the end and the start a word at a time, keeps the note and entity, and each move is one undo step', async () => {
    const mine = { ...annotation('a', 'Bashar'), note, entityId: 'e1', attributes: { role: 'leader' } };
    const { store, stored, updates, quote, idle, stop } = await setup(mine);
    store.select({ docId, id: 'a' });
    expect(moveSelectedEnd(store, 'me', 'end', 1)).toBe(true);
    expect(quote('a')).toBe("Bashar al-Assad's");
    expect(moveSelectedEnd(store, 'me', 'start', -1)).toBe(true);
    expect(quote('a')).toBe("President Bashar al-Assad's");
    await idle();
    expect(updates).toEqual([
      { docId, id: 'a', ...at("Bashar al-Assad's") },
      { docId, id: 'a', ...at("President Bashar al-Assad's") },
    ]);
    expect(stored.get('a')).toMatchObject({ quote: "President Bashar al-Assad's", note, entityId: 'e1', attributes: { role: 'leader' } });
    store.undo();
    expect(quote('a')).toBe("Bashar al-Assad's");
    store.undo();
    expect(quote('a')).toBe('Bashar');
    await idle();
    expect(stored.get('a')).toMatchObject({ ...at('Bashar'), quote: 'Bashar', note, entityId: 'e1' });
    stop();
  });

  it('does nothing without a selection, or at the edge of the text, or onto the other end', async () => {
    const { store, updates, stop } = await setup(annotation('a', 'President'));
    expect(moveSelectedEnd(store, 'me', 'end', 1)).toBe(false);
    store.select({ docId, id: 'a' });
    expect(moveSelectedEnd(store, 'me', 'start', -1)).toBe(false);
    expect(moveSelectedEnd(store, 'me', 'end', -1)).toBe(false);
    expect(moveSelectedEnd(store, 'me', 'start', 1)).toBe(false);
    expect(updates).toEqual([]);
    expect(store.getSnapshot().canUndo).toBe(false);
    stop();
  });

  it("refuses to move someone else's tag, or onto the span of another of my tags of that label, and says why", async () => {
    const { store, updates, refusals, stop } = await setup(annotation('b', 'Lavrov', 'colleague'), annotation('a', 'Bashar'), annotation('c', "Bashar al-Assad's"));
    store.select({ docId, id: 'b' });
    expect(moveSelectedEnd(store, 'me', 'end', 1)).toBe(false);
    store.select({ docId, id: 'a' });
    expect(moveSelectedEnd(store, 'me', 'end', 1)).toBe(false);
    expect(refusals).toEqual([
      { reason: 'foreign', annotator: 'colleague', quote: 'Lavrov' },
      { reason: 'duplicate', quote: "Bashar al-Assad's" },
    ]);
    expect(updates).toEqual([]);
    stop();
  });

  it('moves an end to where its handle is let go, snapped to the word (raw with Alt)', async () => {
    const { store, quote, stop } = await setup(annotation('a', 'Bashar'));
    const ref = { docId, id: 'a' };
    expect(dragEnd(store, ref, 'me', 'end', text.indexOf('orces'), false)).toBe(true);
    expect(quote('a')).toBe("Bashar al-Assad's forces");
    expect(dragEnd(store, ref, 'me', 'start', text.indexOf('ashar'), true)).toBe(true);
    expect(quote('a')).toBe("ashar al-Assad's forces");
    expect(dragEnd(store, ref, 'me', 'start', text.indexOf('ashar'), true)).toBe(false);
    store.undo();
    expect(quote('a')).toBe("Bashar al-Assad's forces");
    stop();
  });
});

describe('drag handles', () => {
  const schema = getSchema([Document, Paragraph, Text]);
  const positions = new TextPositions(text);
  const look: HighlightLook = { labels: new Map([['actor', { name: 'Actor', color: '#2f6fdf' }]]), me: 'me', showOthers: true, selectedId: null, matchIds: new Set(), relatedIds: new Set() };
  const annotations = [annotation('a', "Bashar al-Assad's"), annotation('b', 'Lavrov', 'colleague')];

  function stateWith(selectedId: string | null) {
    const state = EditorState.create({ doc: schema.nodeFromJSON(documentContent(text)), plugins: [highlightsPlugin(positions), boundaryHandlesPlugin(positions, text, () => {})] });
    return state.apply(state.tr.setMeta(highlightsKey, { type: 'reset', annotations, look: { ...look, selectedId } }));
  }
  const offsets = (decorations: Decoration[]) => decorations.map((d) => positions.toSpan(d.from, d.to));

  it('are drawn at both ends of my selected tag only', () => {
    expect(handleDecorations(stateWith(null), positions).find()).toEqual([]);
    expect(handleDecorations(stateWith('b'), positions).find()).toEqual([]);
    const handles = handleDecorations(stateWith('a'), positions).find();
    expect(offsets(handles)).toEqual([
      { start: at("Bashar al-Assad's").start, end: at("Bashar al-Assad's").start },
      { start: at("Bashar al-Assad's").end, end: at("Bashar al-Assad's").end },
    ]);
  });

  it('follow a drag, with the span it would give drawn over the text', () => {
    const state = stateWith('a');
    const dragged = state.apply(state.tr.setMeta(boundaryHandlesKey, { id: 'a', which: 'end', span: at("Bashar al-Assad's forces") }));
    const decorations = handleDecorations(dragged, positions).find();
    expect(offsets(decorations)).toContainEqual(at("Bashar al-Assad's forces"));
    expect(offsets(decorations)).toContainEqual({ start: at('forces').end, end: at('forces').end });
  });
});
