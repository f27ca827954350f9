// The suggestion layer in the renderer (DESIGN §12): which suggestions are shown (kinds switched
// on, not dismissed, not already tagged), Tab-stepping, accepting (origin 'suggestion', a quote's
// speaker tagged and linked, one undo step; accept all one step too), dismissing (saved, undone),
// the kinds remembered, and the ghost decorations.
import { getSchema } from '@tiptap/core';
import Document from '@tiptap/extension-document';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { describe, expect, it } from 'vitest';
import type { Annotation, ListedSuggestion, Relation, WorkbenchApi } from '../../preload/api';
import { documentContent } from '../../renderer/src/editor/documentContent';
import { EditorState } from '@tiptap/pm/state';
import { highlightsKey } from '../../renderer/src/editor/annotationHighlights';
import { windowContent } from '../../renderer/src/editor/documentContent';
import { ghostDecorations, suggestionLayerKey, suggestionLayerPlugin } from '../../renderer/src/editor/suggestionLayer';
import { TextPositions, WindowPositions } from '../../renderer/src/editor/textPositions';
import { SuggestionsStore } from '../../renderer/src/suggestions/suggestionsStore';
import { WorkbenchStore } from '../../renderer/src/state/workbenchStore';

const docId = `sha256:${'c'.repeat(64)}`;
const text = 'More than 730 civilians fled.\n"We have nowhere to go," said Abu Ahmed.\nLavrov counted 13,346 people.';
const at = (phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length, text: phrase });
const listed = (kind: ListedSuggestion['kind'], label: string, phrase: string, extra: Partial<ListedSuggestion> = {}): ListedSuggestion => {
  const span = at(phrase);
  return { kind, label, ...span, key: `${kind}:${label}:${span.start}-${span.end}`, ...extra };
};
const FIGURE = listed('figure', 'figure', 'More than 730 civilians');
const QUOTE = listed('quote', 'quote', 'We have nowhere to go,', { speaker: at('Abu Ahmed') });
const NAME = listed('name', 'actor', 'Lavrov');
const FIGURE2 = listed('figure', 'figure', '13,346 people');
/// The entity mentions the fake service suggests (none until an entity is made).
const mentions: ListedSuggestion[] = [];

/// A memory storage for the kinds.
function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}

async function setup(existing: Annotation[] = []) {
  const stored = new Map(existing.map((a) => [a.id, a]));
  let relations: Relation[] = [];
  const dismissed = new Set<string>();
  const api = {
    documents: { open: async () => ({ document: { id: docId, title: 'T', sourceName: 't.txt', text, importedAt: 't0', meta: {} }, annotations: [...stored.values()], relations }) },
    annotations: {
      create: async (input: { id: string; label: string; start: number; end: number; origin?: string; entityId?: string }) => {
        const a = { ...input, docId, quote: text.slice(input.start, input.end), annotator: 'me', createdAt: 't1', updatedAt: 't1', origin: input.origin ?? 'manual' } as Annotation;
        stored.set(a.id, a);
        return a;
      },
      delete: async (_doc: string, id: string) => {
        const annotation = stored.get(id)!;
        stored.delete(id);
        const gone = relations.filter((r) => r.from === id || r.to === id);
        relations = relations.filter((r) => !gone.includes(r));
        return { annotation, relations: gone };
      },
      restore: async (_doc: string, removed: { annotation: Annotation; relations: Relation[] }) => {
        stored.set(removed.annotation.id, removed.annotation);
        relations.push(...removed.relations);
        return removed.annotation;
      },
    },
    relations: {
      set: async (_doc: string, type: 'speaker', from: string, to: string | null) => {
        relations = relations.filter((r) => !(r.type === type && r.from === from));
        const r = to ? { id: `r-${from}`, type, from, to, annotator: 'me' } : null;
        if (r) relations.push(r);
        return r;
      },
    },
    suggestions: {
      list: async (_doc: string, kinds: string[]) => [FIGURE, QUOTE, NAME, FIGURE2, ...mentions].filter((s) => kinds.includes(s.kind)),
      dismiss: async (_doc: string, keys: string[]) => keys.forEach((k) => dismissed.add(k)),
      undismiss: async (_doc: string, keys: string[]) => keys.forEach((k) => dismissed.delete(k)),
    },
  } as unknown as WorkbenchApi;
  const workbench = new WorkbenchStore(api);
  workbench.setAnnotator('me');
  await workbench.open(docId);
  const storage = memoryStorage();
  const suggestions = new SuggestionsStore(api, workbench, storage);
  await suggestions.load(docId);
  const doc = () => workbench.doc(docId);
  const shown = () => suggestions.shown(docId, doc()).map((s) => s.text);
  const idle = async () => {
    for (let i = 0; i < 200 && workbench.getSnapshot().save.pending > 0; i++) await new Promise((r) => setTimeout(r, 1));
  };
  return { workbench, suggestions, storage, stored, relations: () => relations, dismissed, doc, shown, idle };
}

describe('the suggestions shown', () => {
  it('are every kind in text order, without those of a kind switched off (remembered) or sharing text with a tag of their label', async () => {
    const tag = (id: string, label: string, phrase: string): Annotation => ({ id, docId, label, ...at(phrase), quote: phrase, annotator: 'someone else', createdAt: 't0', updatedAt: 't0', origin: 'manual' });
    // "13,346" tagged as a figure (other ends than the suggestion's); "Lavrov counted" as a quote (another label).
    const { suggestions, storage, shown } = await setup([tag('t', 'figure', '13,346'), tag('u', 'quote', 'Lavrov counted')]);
    expect(shown()).toEqual(['More than 730 civilians', 'We have nowhere to go,', 'Lavrov']);
    suggestions.setKind('name', false);
    expect(shown()).toEqual(['More than 730 civilians', 'We have nowhere to go,']);
    expect(JSON.parse(storage.items.get('awb.suggestionKinds')!)).toEqual(['figure', 'quote', 'entity']);
    const again = new SuggestionsStore({ suggestions: { list: async () => [] } } as unknown as WorkbenchApi, new WorkbenchStore({} as WorkbenchApi), storage);
    expect([...again.getSnapshot().kinds]).toEqual(['figure', 'quote', 'entity']);
  });

  it('are stepped through with wrap-around, starting from the offset given', async () => {
    const { suggestions, doc } = await setup();
    const current = () => suggestions.currentIn(docId, doc())?.text;
    expect(suggestions.step(docId, doc(), 1, text.indexOf('We'))).toBe(true);
    expect(current()).toBe('We have nowhere to go,');
    suggestions.step(docId, doc(), 1);
    suggestions.step(docId, doc(), 1);
    expect(current()).toBe('13,346 people');
    suggestions.step(docId, doc(), 1);
    expect(current()).toBe('More than 730 civilians');
    suggestions.step(docId, doc(), -1);
    expect(current()).toBe('13,346 people');
  });
});

describe('accepting', () => {
  it('a quote tags it and its speaker with origin suggestion, links them, and is one undo step', async () => {
    const { workbench, suggestions, doc, stored, relations, shown, idle } = await setup();
    suggestions.step(docId, doc(), 1, text.indexOf('We'));
    expect(suggestions.acceptCurrent(docId, doc())).toBe(true);
    await idle();
    const made = [...stored.values()].map((a) => [a.label, a.quote, a.origin]);
    expect(made).toEqual([
      ['quote', 'We have nowhere to go,', 'suggestion'],
      ['actor', 'Abu Ahmed', 'suggestion'],
    ]);
    const [quote, speaker] = [...stored.values()];
    expect(relations()).toEqual([expect.objectContaining({ type: 'speaker', from: quote.id, to: speaker.id })]);
    expect(shown()).not.toContain('We have nowhere to go,');
    // The next one is current.
    expect(suggestions.currentIn(docId, doc())?.text).toBe('Lavrov');
    workbench.undo();
    await idle();
    expect(stored.size).toBe(0);
    expect(relations()).toEqual([]);
    expect(shown()).toContain('We have nowhere to go,');
    workbench.redo();
    await idle();
    expect([...stored.values()].map((a) => a.quote)).toEqual(['We have nowhere to go,', 'Abu Ahmed']);
    expect(relations()).toHaveLength(1);
  });

  it('a quote leaves its speaker alone when the workspace has no actor label', async () => {
    const { suggestions, doc, stored, relations, idle } = await setup();
    suggestions.setLabels(['figure', 'quote']);
    suggestions.step(docId, doc(), 1, text.indexOf('We'));
    suggestions.acceptCurrent(docId, doc());
    await idle();
    expect([...stored.values()].map((a) => a.label)).toEqual(['quote']);
    expect(relations()).toEqual([]);
  });

  it('all of a label is one undo step', async () => {
    const { workbench, suggestions, doc, stored, shown, idle } = await setup();
    expect(suggestions.acceptAll(docId, doc(), 'figure')).toBe(2);
    await idle();
    expect([...stored.values()].map((a) => a.quote)).toEqual(['More than 730 civilians', '13,346 people']);
    expect(shown()).toEqual(['We have nowhere to go,', 'Lavrov']);
    workbench.undo();
    await idle();
    expect(stored.size).toBe(0);
  });
});

describe('dismissing', () => {
  it('hides it, saves it, and Ctrl+Z brings it back', async () => {
    const { workbench, suggestions, doc, dismissed, shown, idle } = await setup();
    suggestions.step(docId, doc(), 1);
    expect(suggestions.dismissCurrent(docId, doc())).toBe(true);
    expect(shown()).not.toContain('More than 730 civilians');
    await new Promise((r) => setTimeout(r, 5));
    expect([...dismissed]).toEqual([FIGURE.key]);
    workbench.undo();
    await idle();
    expect(dismissed.size).toBe(0);
    expect(shown()).toContain('More than 730 civilians');
  });
});

describe('ghost decorations', () => {
  it('frame each suggestion with its key and kind, the current one marked, none over a real layer class', () => {
    const schema = getSchema([Document, Paragraph, Text]);
    const doc = schema.nodeFromJSON(documentContent(text));
    const positions = new TextPositions(text);
    const set = ghostDecorations(doc, positions, { suggestions: [FIGURE, QUOTE], currentKey: QUOTE.key, labels: new Map([['quote', { name: 'Quote', color: '#a454c9' }]]) });
    const found = set.find().map((d) => {
      const attrs = (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
      return [attrs.class, attrs['data-suggestion-key'], attrs['data-speaker'], positions.toSpan(d.from, d.to)];
    });
    expect(found).toEqual([
      ['sugg', FIGURE.key, undefined, { start: FIGURE.start, end: FIGURE.end }],
      ['sugg is-current', QUOTE.key, 'Abu Ahmed', { start: QUOTE.start, end: QUOTE.end }],
    ]);
  });
});

describe('the ghost layer of a long document', () => {
  it('draws the suggestions of the window shown, and those of the next window when it moves', () => {
    const schema = getSchema([Document, Paragraph, Text]);
    const full = new TextPositions(text);
    const first = new WindowPositions(full, 0, 1);
    const plugin = suggestionLayerPlugin(first);
    let state = EditorState.create({ doc: schema.nodeFromJSON(windowContent(first)), plugins: [plugin] });
    const labels = new Map([['figure', { name: 'Figure', color: '#d9822b' }]]);
    state = state.apply(state.tr.setMeta(suggestionLayerKey, { suggestions: [FIGURE, FIGURE2], currentKey: null, labels }));
    const keys = () => suggestionLayerKey.getState(state)!.decorations.find().map((d) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs['data-suggestion-key']);
    expect(keys()).toEqual([FIGURE.key]);
    // The window moves to the last line: a new document, and the highlight plugin's `window` action.
    const last = new WindowPositions(full, 2, 3);
    const moved = state.tr.replaceWith(0, state.doc.content.size, schema.nodeFromJSON(windowContent(last)).content).setMeta(highlightsKey, { type: 'window', positions: last });
    state = state.apply(moved);
    expect(keys()).toEqual([FIGURE2.key]);
  });
});

describe('stepping in the ghost layer', () => {
  it('marks the new current ghost as drawing them all again would (it redraws only the two that change)', () => {
    const schema = getSchema([Document, Paragraph, Text]);
    const positions = new TextPositions(text);
    let state = EditorState.create({ doc: schema.nodeFromJSON(documentContent(text)), plugins: [suggestionLayerPlugin(positions)] });
    const list = [FIGURE, QUOTE, NAME, FIGURE2];
    const labels = new Map([['figure', { name: 'Figure', color: '#d9822b' }]]);
    const drawn = () =>
      suggestionLayerKey
        .getState(state)!
        .decorations.find()
        .map((d) => `${d.from}-${d.to}:${(d as unknown as { type: { attrs: Record<string, string> } }).type.attrs.class}`)
        .sort();
    state = state.apply(state.tr.setMeta(suggestionLayerKey, { suggestions: list, currentKey: FIGURE.key, labels }));
    const before = suggestionLayerKey.getState(state)!.decorations;
    state = state.apply(state.tr.setMeta(suggestionLayerKey, { suggestions: list, currentKey: NAME.key, labels }));
    const whole = ghostDecorations(state.doc, positions, { suggestions: list, currentKey: NAME.key, labels })
      .find()
      .map((d) => `${d.from}-${d.to}:${(d as unknown as { type: { attrs: Record<string, string> } }).type.attrs.class}`)
      .sort();
    expect(drawn()).toEqual(whole);
    expect(drawn().filter((d) => d.endsWith('is-current'))).toHaveLength(1);
    expect(suggestionLayerKey.getState(state)!.decorations).not.toBe(before);
  });
});

describe('entities changed', () => {
  it('suggest their mentions again in the documents loaded, once per change of names', async () => {
    const { suggestions, shown } = await setup();
    const russia = { id: 'e1', name: 'Russia', type: 'location', aliases: [] as string[] };
    await suggestions.entitiesChanged([]);
    mentions.push(listed('entity', 'actor', 'Abu Ahmed', { entityId: 'e2' }));
    await suggestions.entitiesChanged([russia]);
    expect(shown()).toEqual(['More than 730 civilians', 'We have nowhere to go,', 'Abu Ahmed', 'Lavrov', '13,346 people']);
    mentions.length = 0;
    await suggestions.entitiesChanged([russia]);
    expect(shown()).toContain('Abu Ahmed');
    await suggestions.entitiesChanged([{ ...russia, aliases: ['Moscow'] }]);
    expect(shown()).not.toContain('Abu Ahmed');
  });
});
