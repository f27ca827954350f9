// Same-entity and same-text matches across open documents, before and after edits to the persistent maps.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../preload/api';
import { docStateOf, withAnnotation, withoutAnnotation, type DocState } from '../../renderer/src/state/documentState';
import { groupByTextWhenIdle, sameThingAnnotations } from '../../renderer/src/state/selectors';
import type { DocLoad } from '../../renderer/src/state/workbenchStore';

function docOf(id: string, text: string, phrases: [string, string][]): DocState {
  const annotations: Annotation[] = phrases.map(([annotationId, phrase]) => {
    const start = text.indexOf(phrase);
    return { id: annotationId, docId: id, label: 'location', start, end: start + phrase.length, quote: phrase, annotator: 'me', createdAt: 't', updatedAt: 't', origin: 'manual' };
  });
  return docStateOf({ document: { id, title: id, sourceName: `${id}.txt`, text, importedAt: 't', meta: {} }, annotations, relations: [] });
}

/// Matches with no entity known.
const sameThing = (docs: Map<string, DocLoad>, selected: Annotation | null) => sameThingAnnotations(docs, selected, () => false);

const ready = (...docs: DocState[]): Map<string, DocLoad> => new Map(docs.map((doc) => [doc.document.id, { status: 'ready', doc }]));

describe('sameThingAnnotations', () => {
  const one = docOf('one', 'Aleppo and east  Aleppo; aleppo again.', [
    ['a1', 'Aleppo'],
    ['a2', 'east  Aleppo'],
    ['a3', 'aleppo'],
  ]);
  const two = docOf('two', 'Fighting in ALEPPO and in East Aleppo.', [
    ['b1', 'ALEPPO'],
    ['b2', 'East Aleppo'],
  ]);

  it('finds the annotations of every open document with the same text, ignoring case and spacing, not the selected one', () => {
    const found = sameThing(ready(one, two), one.annotations.get('a1')!);
    expect([...found.get('one')!].sort()).toEqual(['a3']);
    expect([...found.get('two')!]).toEqual(['b1']);
    const east = sameThing(ready(one, two), two.annotations.get('b2')!);
    expect([...east.get('one')!]).toEqual(['a2']);
    expect([...east.get('two')!]).toEqual([]);
    expect(sameThing(ready(one, two), null).size).toBe(0);
  });

  it('follows added, relabelled and removed annotations', () => {
    const selected = one.annotations.get('a1')!;
    sameThing(ready(one, two), selected);
    const added = withAnnotation(two, { ...two.annotations.get('b2')!, id: 'b3', start: 12, end: 18, quote: 'ALEPPO' });
    const removed = withoutAnnotation(one, 'a3').doc;
    const found = sameThing(ready(removed, added), selected);
    expect([...found.get('one')!]).toEqual([]);
    expect([...found.get('two')!].sort()).toEqual(['b1', 'b3']);
    const retexted = withAnnotation(added, { ...added.annotations.get('b1')!, quote: 'Idlib' });
    expect([...sameThing(ready(removed, retexted), selected).get('two')!]).toEqual(['b3']);
  });

  it('marks the annotations linked to the selected one’s entity instead, whatever their text; a link to an unknown entity counts as none', () => {
    const russia = 'e0000000-0000-4000-8000-000000000001';
    const link = (doc: DocState, id: string) => withAnnotation(doc, { ...doc.annotations.get(id)!, entityId: russia });
    const a = link(one, 'a2');
    const b = link(link(two, 'b1'), 'b2');
    const found = sameThingAnnotations(ready(a, b), a.annotations.get('a2')!, (id) => id === russia);
    expect([...found.get('one')!]).toEqual([]);
    expect([...found.get('two')!].sort()).toEqual(['b1', 'b2']);
    const unknown = sameThingAnnotations(ready(a, b), a.annotations.get('a2')!, () => false);
    expect([...unknown.get('two')!]).toEqual(['b2']);
  });
});

describe('groupByTextWhenIdle', () => {
  afterEach(() => vi.unstubAllGlobals());

  const waiting: IdleRequestCallback[] = [];
  const runIdle = (ms: number) => waiting.shift()!({ didTimeout: false, timeRemaining: () => ms });
  const many = () => docOf('many', 'Aleppo and Idlib', Array.from({ length: 300 }, (_, i): [string, string] => [`a${i}`, i % 2 ? 'Aleppo' : 'Idlib']));

  it('groups in idle callbacks, asking for another while a callback had no time left, and stops when done', () => {
    waiting.length = 0;
    vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => waiting.push(callback));
    const doc = many();
    groupByTextWhenIdle(() => doc);
    expect(waiting).toHaveLength(1);
    runIdle(0);
    expect(waiting).toHaveLength(1);
    runIdle(50);
    expect(waiting).toHaveLength(0);
    const found = sameThing(ready(doc), doc.annotations.get('a1')!);
    expect(found.get('many')!.size).toBe(149);
  });

  it('stops when the document is gone', () => {
    waiting.length = 0;
    vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => waiting.push(callback));
    let doc: DocState | undefined = many();
    groupByTextWhenIdle(() => doc);
    runIdle(0);
    doc = undefined;
    runIdle(50);
    expect(waiting).toHaveLength(0);
  });

  it('does nothing where there are no idle callbacks', () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    expect(() => groupByTextWhenIdle(() => docOf('one', 'Aleppo', [['a1', 'Aleppo']]))).not.toThrow();
  });
});
