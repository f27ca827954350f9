// Annotations as decorations in plugin state, updated one at a time.
import { getSchema } from '@tiptap/core';
import Document from '@tiptap/extension-document';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import {
  assignTracks,
  highlightAttrs,
  highlightMark,
  highlightsKey,
  highlightsPlugin,
  type HighlightAction,
  type HighlightedAnnotation,
  type HighlightLook,
} from '../../renderer/src/editor/annotationHighlights';
import { documentContent } from '../../renderer/src/editor/documentContent';
import { TextPositions } from '../../renderer/src/editor/textPositions';

const text = '"It is for the Russians to leave," he told AFP.\nSecond line 😀 here.';
const schema = getSchema([Document, Paragraph, Text]);
const positions = new TextPositions(text);

const span = (id: string, label: string, phrase: string, annotator = 'me'): HighlightedAnnotation => {
  const start = text.indexOf(phrase);
  return { id, label, start, end: start + phrase.length, annotator };
};
const quote = span('q', 'quote', 'It is for the Russians to leave');
const actor = span('a', 'actor', 'Russians');
const crossing = span('x', 'figure', 'AFP.\nSecond', 'colleague');

const look: HighlightLook = {
  labels: new Map([
    ['actor', { name: 'Actor', color: '#2f6fdf' }],
    ['quote', { name: 'Quote', color: '#a454c9' }],
    ['figure', { name: 'Figure', color: '#d9822b' }],
  ]),
  me: 'me',
  showOthers: true,
  selectedId: null,
  matchIds: new Set(),
  relatedIds: new Set(),
};

function stateWith(...actions: HighlightAction[]) {
  let state = EditorState.create({ doc: schema.nodeFromJSON(documentContent(text)), plugins: [highlightsPlugin(positions)] });
  for (const action of actions) state = state.apply(state.tr.setMeta(highlightsKey, action));
  return state;
}
/// The highlights' inline decorations (not the label marks before them).
const inlineOf = (state: EditorState) => highlightsKey.getState(state)!.decorations.find(undefined, undefined, (spec: { mark?: boolean }) => !spec.mark);
const decorated = (state: EditorState) =>
  inlineOf(state)
    .map((d) => ({ id: (d.spec as { id: string }).id, text: state.doc.textBetween(d.from, d.to, '\n') }))
    .sort((a, b) => a.id.localeCompare(b.id));

/// Each annotation's track in a state.
const tracksOf = (state: EditorState) => new Map([...highlightsKey.getState(state)!.entries].map(([id, e]) => [id, e.track]));

describe('highlight decorations', () => {
  it('draws each annotation over exactly its text, nested and crossing paragraphs included', () => {
    const state = stateWith({ type: 'reset', annotations: [quote, actor, crossing], look });
    expect(decorated(state)).toEqual([
      { id: 'a', text: 'Russians' },
      { id: 'q', text: 'It is for the Russians to leave' },
      { id: 'x', text: 'AFP.\nSecond' },
    ]);
  });

  it('adds, changes and removes one annotation without touching the others', () => {
    const base = stateWith({ type: 'reset', annotations: [quote], look });
    const before = inlineOf(base)[0];
    const added = base.apply(base.tr.setMeta(highlightsKey, { type: 'upsert', annotation: actor }));
    const kept = inlineOf(added).find((d) => (d.spec as { id: string }).id === 'q');
    // The untouched decoration is the very same one (same spec object), not a rebuilt copy.
    expect(kept?.spec).toBe(before.spec);
    expect(decorated(added).map((d) => d.id)).toEqual(['a', 'q']);

    const relabelled = added.apply(added.tr.setMeta(highlightsKey, { type: 'upsert', annotation: { ...actor, label: 'figure' } }));
    const attrs = inlineOf(relabelled).map((d) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs);
    expect(attrs.find((a) => a['data-annotation-id'] === 'a')?.['data-label']).toBe('figure');

    const removed = relabelled.apply(relabelled.tr.setMeta(highlightsKey, { type: 'remove', id: 'q' }));
    expect(decorated(removed).map((d) => d.id)).toEqual(['a']);
  });

  it('keeps the decorations of an annotation replaced by a copy that draws the same (the saved copy of a tag)', () => {
    const base = stateWith({ type: 'reset', annotations: [quote, actor], look });
    const copy = { ...actor, note: 'saved' } as HighlightedAnnotation;
    const saved = base.apply(base.tr.setMeta(highlightsKey, { type: 'upsert', annotation: copy }));
    expect(highlightsKey.getState(saved)!.decorations).toBe(highlightsKey.getState(base)!.decorations);
    expect(highlightsKey.getState(saved)!.entries.get('a')!.annotation).toBe(copy);
    const byOther = saved.apply(saved.tr.setMeta(highlightsKey, { type: 'upsert', annotation: { ...copy, annotator: 'colleague' } }));
    expect(highlightsKey.getState(byOther)!.decorations).not.toBe(highlightsKey.getState(saved)!.decorations);
    expect(decorated(byOther).map((d) => d.id)).toEqual(['a', 'q']);
  });

  it('stacks overlapping spans on separate tracks, keeping tracks stable on change', () => {
    const tracks = assignTracks([actor, quote, crossing]);
    expect(tracks.get('q')!.track).toBe(0);
    expect(tracks.get('a')!.track).toBe(1);
    expect(tracks.get('x')!.track).toBe(0);
    const state = stateWith({ type: 'reset', annotations: [quote], look }, { type: 'upsert', annotation: actor });
    expect(highlightsKey.getState(state)!.entries.get('a')!.track).toBe(1);
  });

  it('gives a new span a track apart from every drawn span it overlaps, and from hidden ones once they are shown', () => {
    const inner = span('i', 'actor', 'Russians to');
    // Drawn neighbours: the quote (track 0) and the actor (track 1) both overlap the new span.
    const drawn = stateWith({ type: 'reset', annotations: [quote, actor], look }, { type: 'upsert', annotation: inner });
    expect(tracksOf(drawn).get('i')).toBe(2);
    // A colleague's span, hidden, does not hold a track apart while hidden...
    const theirs = span('t', 'figure', 'told AFP', 'colleague');
    const mine = span('m', 'actor', 'AFP');
    const hidden = stateWith({ type: 'reset', annotations: [theirs], look: { ...look, showOthers: false } }, { type: 'upsert', annotation: mine });
    expect(tracksOf(hidden).get('m')).toBe(0);
    // ...and when it is shown, tracks are assigned again so that the two stack.
    const shown = hidden.apply(hidden.tr.setMeta(highlightsKey, { type: 'look', look }));
    expect(new Set([tracksOf(shown).get('m'), tracksOf(shown).get('t')])).toEqual(new Set([0, 1]));
  });

  it('in a window, gives tracks at once only to the clusters reaching it, and to the rest when completed or needed', () => {
    const long = Array.from({ length: 40 }, (_, i) => `Line ${i} with Aleppo and Idlib in it.`).join('\n');
    const full = new TextPositions(long);
    const window = full.window(0, 3);
    const lineDoc = (from: number, to: number) =>
      schema.nodeFromJSON({ type: 'doc', content: long.split('\n').slice(from, to).map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })) });
    const spans: HighlightedAnnotation[] = [];
    long.split('\n').forEach((line, i) => {
      const at = long.indexOf(line);
      spans.push({ id: `a${i}`, label: 'location', start: at + line.indexOf('Aleppo'), end: at + line.indexOf('Aleppo') + 6, annotator: 'me' });
      spans.push({ id: `w${i}`, label: 'quote', start: at + line.indexOf('with'), end: at + line.indexOf('Idlib') + 5, annotator: 'me' });
    });
    const all = new Map([...assignTracks(spans)].map(([id, e]) => [id, e.track]));
    const tracks = tracksOf;
    const apply = (state: EditorState, action: HighlightAction) => state.apply(state.tr.setMeta(highlightsKey, action));
    const start = () => apply(EditorState.create({ doc: lineDoc(0, 3), plugins: [highlightsPlugin(window)] }), { type: 'reset', annotations: spans, look });

    const seeded = start();
    expect([...tracks(seeded).keys()].sort()).toEqual(['a0', 'a1', 'a2', 'w0', 'w1', 'w2']);
    expect(highlightsKey.getState(seeded)!.pending).toHaveLength(74);
    expect(decorated(seeded).map((d) => d.id)).toEqual(['a0', 'a1', 'a2', 'w0', 'w1', 'w2']);

    const done = apply(seeded, { type: 'complete' });
    expect(highlightsKey.getState(done)!.pending).toBeUndefined();
    expect(tracks(done)).toEqual(all);
    expect(highlightsKey.getState(done)!.decorations).toBe(highlightsKey.getState(seeded)!.decorations);

    // Actions that need the others' tracks complete first: a move of the window, a span outside it.
    const moved = apply(start(), { type: 'window', positions: full.window(10, 13) });
    expect(tracks(moved)).toEqual(all);
    const outside = { id: 'far', label: 'actor', start: spans[60].start, end: spans[60].end, annotator: 'me' };
    const added = apply(start(), { type: 'upsert', annotation: outside });
    expect(highlightsKey.getState(added)!.pending).toBeUndefined();
    // It overlaps a quote (track 0) and the location inside it (track 1).
    expect(tracks(added).get('far')).toBe(2);
    // A span in the window does not.
    const inside = { id: 'near', label: 'actor', start: spans[0].start, end: spans[0].end, annotator: 'me' };
    const tagged = apply(start(), { type: 'upsert', annotation: inside });
    expect(highlightsKey.getState(tagged)!.pending).toHaveLength(74);
    expect(tracks(tagged).get('near')).toBe(2);

    // A pending annotation removed, or moved into the window and then removed, stays removed.
    const removed = apply(apply(start(), { type: 'remove', id: 'a30' }), { type: 'complete' });
    expect(tracks(removed).has('a30')).toBe(false);
    expect(tracks(removed).size).toBe(spans.length - 1);
    const brought = apply(start(), { type: 'upsert', annotation: { ...spans[60], start: spans[0].start, end: spans[0].end } });
    const gone = apply(apply(apply(brought, { type: 'remove', id: spans[60].id }), { type: 'complete' }), { type: 'window', positions: full.window(29, 32) });
    expect(tracks(gone).has(spans[60].id)).toBe(false);
    expect(decorated(gone).map((d) => d.id)).not.toContain(spans[60].id);
    // Showing or hiding others' annotations while tracks are pending keeps every annotation.
    const hidden = apply(start(), { type: 'look', look: { ...look, showOthers: false } });
    expect(tracks(apply(hidden, { type: 'complete' }))).toEqual(all);
  });

  it('in a window of the text, a span reaching outside it is kept apart from spans out of the window too', () => {
    const firstLine = positions.window(0, 1);
    const line = text.split('\n')[0];
    const doc = schema.nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: line }] }] });
    let state = EditorState.create({ doc, plugins: [highlightsPlugin(firstLine)] });
    const outside = span('o', 'location', 'Second line');
    state = state.apply(state.tr.setMeta(highlightsKey, { type: 'reset', annotations: [outside], look }));
    expect(decorated(state)).toEqual([]);
    state = state.apply(state.tr.setMeta(highlightsKey, { type: 'upsert', annotation: crossing }));
    const entries = highlightsKey.getState(state)!.entries;
    expect(entries.get('o')!.track).toBe(0);
    expect(entries.get('x')!.track).toBe(1);
  });

  it('marks foreign, selected, matching and related annotations, and hides others on request', () => {
    const selected = { ...look, selectedId: 'q', matchIds: new Set(['a']), relatedIds: new Set(['x']) };
    expect(highlightAttrs(quote, 0, selected)).toMatchObject({
      nodeName: 'span',
      class: 'anno is-selected',
      style: '--anno-color: #a454c9; --anno-track: 0',
      title: 'Quote · me',
      'data-annotation-id': 'q',
    });
    expect(highlightAttrs(actor, 1, selected)?.class).toBe('anno is-match');
    expect(highlightAttrs(crossing, 0, selected)?.class).toBe('anno is-foreign is-related');
    expect(highlightAttrs(crossing, 0, { ...look, showOthers: false })).toBeNull();

    const state = stateWith({ type: 'reset', annotations: [quote, actor, crossing], look }, { type: 'look', look: { ...look, showOthers: false } });
    expect(decorated(state).map((d) => d.id)).toEqual(['a', 'q']);
  });

  it('puts a label mark (a widget, no text) at the start of each shown highlight, naming someone else’s with its annotator', () => {
    const state = stateWith({ type: 'reset', annotations: [quote, actor, crossing], look });
    const marks = highlightsKey.getState(state)!.decorations.find(undefined, undefined, (spec: { mark?: boolean }) => spec.mark === true);
    expect(marks.map((d) => [(d.spec as { id: string }).id, d.from === d.to]).sort()).toEqual([['a', true], ['q', true], ['x', true]]);
    for (const mark of marks) {
      const inline = highlightsKey.getState(state)!.decorations.find(mark.from, mark.from + 1, (spec: { id: string; mark?: boolean }) => spec.id === (mark.spec as { id: string }).id && !spec.mark);
      expect(inline[0].from).toBe(mark.from);
    }
    expect(highlightMark(quote, look)).toEqual({ name: 'Quote', mark: 'Q' });
    expect(highlightMark(crossing, look)).toEqual({ name: 'Figure (colleague)', mark: 'F' });
    expect(state.doc.textContent).toBe(text.replace('\n', ''));

    const hidden = stateWith({ type: 'reset', annotations: [quote, actor, crossing], look: { ...look, showOthers: false } });
    expect(highlightsKey.getState(hidden)!.decorations.find(undefined, undefined, (spec: { mark?: boolean }) => spec.mark === true).length).toBe(2);
  });
});
