// The review view's pure helpers, on items paired by the service's own `pairLayers`: grouping and
// list order, stepping across documents, finding an item again after a decision re-paired the
// document, decisions, highlight classes, default colleague, and the review keys.
import { describe, expect, it } from 'vitest';
import type { Annotation, Label, ReviewDocument } from '../../preload/api';
import { CURATION_LAYER as CORE_CURATION_LAYER, decideItem, pairLayers } from '../../main/core/review';
import { SCHEMA_VERSION, type DocumentFile } from '../../main/core/model';
import {
  acceptMeaning,
  CURATION_LAYER,
  decisionOf,
  decisionState,
  defaultColleague,
  findItem,
  groupItems,
  isDecided,
  itemKey,
  KIND_ORDER,
  listOrder,
  progressOf,
  sideClasses,
  stepItem,
} from '../../renderer/src/review/reviewModel';
import { handleReviewKey, pickedLabel, type ReviewKeyActions } from '../../renderer/src/review/useReviewKeys';

const text = 'Lavrov met Kerry in Geneva; the Syrian Observatory said 13,346 civilians left east Aleppo.';
const docId = `sha256:${'b'.repeat(64)}`;
let n = 0;
function tag(annotator: string, label: string, phrase: string): Annotation {
  const start = text.indexOf(phrase);
  const id = `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  const at = '2024-01-01T00:00:00.000Z';
  return { id, docId, label, start, end: start + phrase.length, quote: phrase, annotator, createdAt: at, updatedAt: at, origin: 'manual' };
}
function file(annotations: Annotation[]): DocumentFile {
  return {
    schemaVersion: SCHEMA_VERSION,
    document: { id: docId, title: 'T', sourceName: 't.txt', text, importedAt: '2024-01-01T00:00:00.000Z', meta: {} },
    annotations,
    relations: [],
  } as DocumentFile;
}

const layers = file([
  tag('me', 'actor', 'Lavrov'),
  tag('you', 'actor', 'Lavrov'),
  tag('me', 'actor', 'Geneva'),
  tag('you', 'location', 'Geneva'),
  tag('me', 'actor', 'Syrian Observatory'),
  tag('you', 'actor', 'the Syrian Observatory'),
  tag('me', 'figure', '13,346'),
  tag('you', 'location', 'east Aleppo'),
  tag('you', 'actor', 'Kerry'),
]);
const items = pairLayers(layers, 'me', 'you');
const doc: ReviewDocument = { id: docId, title: 'T', items, agreedNotCurated: 0 };
const other: ReviewDocument = { id: `sha256:${'c'.repeat(64)}`, title: 'U', items: pairLayers(file([tag('me', 'actor', 'Kerry')]), 'me', 'you'), agreedNotCurated: 0 };

describe('grouping and order', () => {
  it('groups by kind in the fixed order, each group in text order', () => {
    const groups = groupItems(items);
    expect(groups.map((g) => g.kind)).toEqual(KIND_ORDER);
    expect(groups.map((g) => g.items.map((i) => (i.a ?? i.b)!.quote))).toEqual([
      ['Lavrov'],
      ['Geneva'],
      ['Syrian Observatory'],
      ['13,346'],
      ['Kerry', 'east Aleppo'],
    ]);
    expect(listOrder(items, true).map((i) => i.kind)).toEqual(['match', 'label-conflict', 'boundary-conflict', 'only-a', 'only-b', 'only-b']);
    expect(listOrder(items).map((i) => i.kind)).toEqual(['label-conflict', 'boundary-conflict', 'only-a', 'only-b', 'only-b']);
  });

  it('steps through the differences only, the matches when asked', () => {
    const differences = listOrder(items).map(itemKey);
    expect(stepItem([doc], null, 1)).toEqual({ docId, key: differences[0] });
    expect(stepItem([doc], { docId, key: differences[0] }, -1)).toBeNull();
    expect(stepItem([doc], null, 1, true)).toEqual({ docId, key: itemKey(items.find((i) => i.kind === 'match')!) });
  });

  it('steps on from a match made current in the text (the list hides it) to the difference after it', () => {
    const match = items.find((i) => i.kind === 'match')!;
    const differences = listOrder(items).map(itemKey);
    expect(stepItem([doc], { docId, key: itemKey(match) }, 1)).toEqual({ docId, key: differences[0] });
    expect(stepItem([doc], { docId, key: itemKey(match) }, -1)).toBeNull();
  });

  it('steps through the list, on into the next document, and back', () => {
    const keys = listOrder(items, true).map(itemKey);
    const step = (current: Parameters<typeof stepItem>[1], direction: 1 | -1) => stepItem([doc, other], current, direction, true);
    expect(step(null, 1)).toEqual({ docId, key: keys[0] });
    expect(step(null, -1)).toEqual({ docId: other.id, key: itemKey(other.items[0]) });
    expect(step({ docId, key: keys[1] }, 1)).toEqual({ docId, key: keys[2] });
    expect(step({ docId, key: keys[5] }, 1)).toEqual({ docId: other.id, key: itemKey(other.items[0]) });
    expect(step({ docId: other.id, key: itemKey(other.items[0]) }, -1)).toEqual({ docId, key: keys[5] });
    expect(step({ docId: other.id, key: itemKey(other.items[0]) }, 1)).toBeNull();
    expect(stepItem([], null, 1)).toBeNull();
  });

  it('starts in the current document when the current item is gone', () => {
    const step = (current: Parameters<typeof stepItem>[1], direction: 1 | -1) => stepItem([doc, other], current, direction, true);
    expect(step({ docId: other.id, key: 'gone' }, 1)).toEqual({ docId: other.id, key: itemKey(other.items[0]) });
    expect(step({ docId, key: '' }, -1)).toEqual({ docId, key: itemKey(listOrder(items, true)[5]) });
  });
});

describe('decisions', () => {
  const conflict = items.find((i) => i.kind === 'label-conflict')!;
  const onlyA = items.find((i) => i.kind === 'only-a')!;

  const decide = (ids: { a?: string; b?: string }, decision: Parameters<typeof decideItem>[3]) =>
    pairLayers(decideItem(layers, { a: 'me', b: 'you' }, ids, decision, 'me', '2024-02-01T00:00:00.000Z'), 'me', 'you');

  it('finds an item again after a decision, and counts the differences decided (not the matches)', () => {
    const after = decide({ a: conflict.a!.id, b: conflict.b!.id }, { status: 'accepted' });
    const found = findItem(after, { a: conflict.a!.id, b: conflict.b!.id })!;
    expect(found.kind).toBe('label-conflict');
    expect(decisionOf(found)).toMatchObject({ status: 'accepted', by: 'me' });
    expect(progressOf([{ ...doc, items: after }])).toEqual({ decided: 1, total: 5 });
  });

  it('a comment alone decides nothing', () => {
    const after = decide({ a: conflict.a!.id, b: conflict.b!.id }, { comment: 'Geneva is a place' });
    const found = findItem(after, { b: conflict.b!.id })!;
    expect(decisionOf(found)).toMatchObject({ comment: 'Geneva is a place' });
    expect(isDecided(found)).toBe(false);
    expect(decisionState(decisionOf(found))).toBe('commented');
    expect(progressOf([{ ...doc, items: after }])).toEqual({ decided: 0, total: 5 });
  });

  it("reads an only-A decision from A's annotation", () => {
    const after = decide({ a: onlyA.a!.id }, { status: 'rejected', comment: 'no' });
    expect(decisionOf(findItem(after, { a: onlyA.a!.id })!)).toMatchObject({ status: 'rejected', comment: 'no' });
    expect(decisionOf(onlyA)).toBeUndefined();
  });

  it('marks each side with kind, decision and the current item', () => {
    const decided = decide({ a: onlyA.a!.id }, { status: 'rejected' });
    const a = sideClasses(decided, 'a', itemKey(conflict));
    expect(a.get(conflict.a!.id)).toBe('rv-label-conflict rv-current');
    expect(a.get(onlyA.a!.id)).toBe('rv-only-a rv-rejected');
    const b = sideClasses(decided, 'b', null);
    expect(b.get(conflict.b!.id)).toBe('rv-label-conflict');
    expect(b.has(onlyA.a!.id)).toBe(false);
    expect(b.size).toBe(5);
  });

  it('explains what accepting does: the outcome goes into the curated layer', () => {
    expect(acceptMeaning(conflict)).toContain("Accept puts B's span into the curated layer, reject A's");
    expect(acceptMeaning(onlyA)).toContain('Only A');
  });
});

describe('annotators', () => {
  it('picks as colleague whoever else annotated most', () => {
    const counted = [
      { name: 'you', annotations: 5 },
      { name: 'me', annotations: 4 },
      { name: 'nobody', annotations: 0 },
    ];
    expect(defaultColleague(counted, 'me')).toBe('you');
    expect(defaultColleague(counted, 'you')).toBe('me');
    expect(defaultColleague([{ name: 'me', annotations: 3 }, { name: 'nobody', annotations: 0 }], 'me')).toBe('nobody');
    expect(defaultColleague([{ name: 'me', annotations: 3 }], 'me')).toBe('');
    expect(defaultColleague([{ name: CURATION_LAYER, annotations: 9 }, { name: 'you', annotations: 2 }], 'me')).toBe('you');
    expect(CURATION_LAYER).toBe(CORE_CURATION_LAYER);
  });
});

describe('review keys', () => {
  const labels: Label[] = [
    { id: 'actor', name: 'Actor', color: '#2f6fdf', key: '1' },
    { id: 'location', name: 'Location', color: '#1a9a5a', key: '2' },
    { id: 'extra', name: 'Extra', color: '#777777', key: 'x' },
  ];
  function actions(picking = false) {
    const calls: string[] = [];
    const record = (name: string) => (arg?: unknown) => calls.push(arg === undefined ? name : `${name}(${typeof arg === 'object' ? (arg as Label).id : String(arg)})`);
    const value: ReviewKeyActions = {
      labels,
      picking,
      step: record('step'),
      stepDocument: record('doc'),
      accept: record('accept'),
      reject: record('reject'),
      correct: record('correct'),
      comment: record('comment'),
      toggleMatches: record('matches'),
      pick: record('pick'),
      cancel: record('cancel'),
    };
    return { calls, value };
  }
  const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

  it('steps, decides, corrects and comments', () => {
    const { calls, value } = actions();
    for (const k of ['n', 'p', 'j', 'k', 'N', 'P', 'a', 'r', 'e', 'c', 'm', 'Escape']) expect(handleReviewKey(key(k), value)).toBe(true);
    expect(calls).toEqual(['step(1)', 'step(-1)', 'step(1)', 'step(-1)', 'doc(1)', 'doc(-1)', 'accept', 'reject', 'correct', 'comment', 'matches', 'cancel']);
  });

  it('swallows the annotating keys and undo, and leaves other keys alone', () => {
    const { calls, value } = actions();
    expect(handleReviewKey(key('1'), value)).toBe(true);
    expect(handleReviewKey(key('Delete'), value)).toBe(true);
    expect(handleReviewKey(key('z', { ctrlKey: true }), value)).toBe(true);
    expect(handleReviewKey(key('q'), value)).toBe(false);
    expect(handleReviewKey(key('c', { ctrlKey: true }), value)).toBe(false);
    expect(handleReviewKey(key('a', { altKey: true }), value)).toBe(false);
    expect(calls).toEqual([]);
  });

  it('picks a label by its key or position while the picker is open', () => {
    const { calls, value } = actions(true);
    expect(handleReviewKey(key('2'), value)).toBe(true);
    expect(handleReviewKey(key('x'), value)).toBe(true);
    expect(handleReviewKey(key('3'), value)).toBe(true);
    expect(handleReviewKey(key('n'), value)).toBe(true);
    expect(handleReviewKey(key('Escape'), value)).toBe(true);
    expect(calls).toEqual(['pick(location)', 'pick(extra)', 'pick(extra)', 'cancel']);
    expect(pickedLabel(labels, '9')).toBeUndefined();
  });
});
