/// Pure helpers of the review view (DESIGN §6): the kinds of difference in display order, items
/// grouped and stepped through across documents, an item's decision, and which annotator to
/// compare against by default. No React, no DOM: tested under Node.
import type { Annotation, DifferenceKind, ReviewDocument, ReviewItem } from '../../../preload/api';

/// The kinds in the order the list shows them (and `n`/`p` walk them).
export const KIND_ORDER: readonly DifferenceKind[] = ['match', 'label-conflict', 'boundary-conflict', 'only-a', 'only-b'];

/// A kind's name in the list, and what it means.
export const KIND_INFO: Record<DifferenceKind, { title: string; singular: string; explanation: string }> = {
  match: { title: 'Matches', singular: 'Match', explanation: 'Same span, same label.' },
  'label-conflict': { title: 'Label conflicts', singular: 'Label conflict', explanation: 'Same span, different label.' },
  'boundary-conflict': {
    title: 'Boundary conflicts',
    singular: 'Boundary conflict',
    explanation: 'Same label, overlapping spans with different boundaries.',
  },
  'only-a': { title: 'Only A', singular: 'Only A', explanation: 'Tagged by A only.' },
  'only-b': { title: 'Only B', singular: 'Only B', explanation: 'Tagged by B only.' },
};

/// An item's identity, stable while neither of its annotations changes side.
export function itemKey(item: ReviewItem): string {
  return `${item.a?.id ?? ''}|${item.b?.id ?? ''}`;
}

/// Where the reviewer is: a document and one of its items.
export interface ItemRef {
  docId: string;
  key: string;
}

/// A document's items by kind, in {@link KIND_ORDER}, each group in text order (the service's).
export function groupItems(items: readonly ReviewItem[]): { kind: DifferenceKind; items: ReviewItem[] }[] {
  return KIND_ORDER.map((kind) => ({ kind, items: items.filter((i) => i.kind === kind) }));
}

/// The items of a document in the order the list shows them.
export function listOrder(items: readonly ReviewItem[]): ReviewItem[] {
  return groupItems(items).flatMap((g) => g.items);
}

/// The item after (+1) or before (−1) `current` in list order, moving on to the next or previous
/// document at either end; the first (or last) item when nothing is current; null at the very end.
export function stepItem(documents: readonly ReviewDocument[], current: ItemRef | null, direction: 1 | -1): ItemRef | null {
  const flat = documents.flatMap((d) => listOrder(d.items).map((item) => ({ docId: d.id, key: itemKey(item) })));
  if (flat.length === 0) return null;
  const at = current ? flat.findIndex((r) => r.docId === current.docId && r.key === current.key) : -1;
  if (at < 0) {
    // Nothing (or something gone) is current: start at the current document if there is one.
    const inDoc = current ? flat.filter((r) => r.docId === current.docId) : [];
    const pool = inDoc.length ? inDoc : flat;
    return direction === 1 ? pool[0] : pool[pool.length - 1];
  }
  return flat[at + direction] ?? null;
}

/// The item of `items` that holds either annotation of `ids` (after a decision re-pairs a
/// document, an item keeps at least one of its annotations), preferring B's.
export function findItem(items: readonly ReviewItem[], ids: { a?: string; b?: string }): ReviewItem | undefined {
  return (
    (ids.b !== undefined ? items.find((i) => i.b?.id === ids.b) : undefined) ??
    (ids.a !== undefined ? items.find((i) => i.a?.id === ids.a) : undefined)
  );
}

/// The annotation a decision on `item` is recorded on: B's side, or A's for only-A.
export function decidedAnnotation(item: ReviewItem): Annotation | undefined {
  return item.kind === 'only-a' ? item.a : (item.b ?? item.a);
}

/// The reviewer's decision on `item`, if any.
export function decisionOf(item: ReviewItem): Annotation['review'] {
  return decidedAnnotation(item)?.review;
}

/// Counts of decided and all items over `documents`.
export function progressOf(documents: readonly ReviewDocument[]): { decided: number; total: number } {
  const items = documents.flatMap((d) => d.items);
  return { decided: items.filter((i) => decisionOf(i)).length, total: items.length };
}

/// Extra highlight classes for one side's annotations: the item kind, the decision, and the
/// current item (`rv-current`).
export function sideClasses(items: readonly ReviewItem[], side: 'a' | 'b', currentKey: string | null): Map<string, string> {
  const classes = new Map<string, string>();
  for (const item of items) {
    const annotation = item[side];
    if (!annotation) continue;
    const review = annotation.review;
    const names = [`rv-${item.kind}`];
    if (review) names.push(`rv-${review.status}`);
    if (itemKey(item) === currentKey) names.push('rv-current');
    classes.set(annotation.id, names.join(' '));
  }
  return classes;
}

/// What accepting `item` does, in a sentence.
export function acceptMeaning(item: ReviewItem, a: string, me: string): string {
  switch (item.kind) {
    case 'match':
      return 'Both agree. Accept confirms the tag.';
    case 'label-conflict':
    case 'boundary-conflict':
      return a === me ? "Accept takes B's span into your layer, replacing yours; reject keeps yours." : "Accept copies B's span into your layer; reject keeps A's.";
    case 'only-a':
      return "Only A tagged this. Accept keeps it; reject marks A's span rejected.";
    case 'only-b':
      return "Only B tagged this. Accept copies B's span into your layer.";
  }
}

/// Someone who annotated in the workspace, and how many annotations they made.
export interface AnnotatorCount {
  name: string;
  annotations: number;
}

/// The colleague to compare `a` with by default: whoever else annotated most, else anyone else.
export function defaultColleague(annotators: readonly AnnotatorCount[], a: string): string {
  return annotators.find((x) => x.name !== a && x.annotations > 0)?.name ?? annotators.find((x) => x.name !== a)?.name ?? '';
}
