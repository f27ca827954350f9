/// Pure helpers of the review view (DESIGN §6): the kinds of difference in display order, items
/// grouped and stepped through across documents (the matches only on request), an item's
/// decision, and which annotator to compare against by default. No React, no DOM: tested under
/// Node.
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

/// The items of a document in the order the list shows them: the differences, and the matches
/// first when `withMatches` (they need no decision, so stepping passes them by unless asked).
export function listOrder(items: readonly ReviewItem[], withMatches = false): ReviewItem[] {
  return groupItems(items).flatMap((g) => (g.kind === 'match' && !withMatches ? [] : g.items));
}

/// The item after (+1) or before (−1) `current` in list order, moving on to the next or previous
/// document at either end; the first (or last) item when nothing is current; null at the very end.
export function stepItem(documents: readonly ReviewDocument[], current: ItemRef | null, direction: 1 | -1, withMatches = false): ItemRef | null {
  const flat = documents.flatMap((d) => listOrder(d.items, withMatches).map((item) => ({ docId: d.id, key: itemKey(item) })));
  if (flat.length === 0) return null;
  if (!withMatches && current) {
    // A match made current from the text (the list hides it): on from where it is in the full list.
    const full = documents.flatMap((d) => listOrder(d.items, true).map((item) => ({ docId: d.id, key: itemKey(item), match: item.kind === 'match' })));
    const at = full.findIndex((r) => r.docId === current.docId && r.key === current.key);
    if (at >= 0 && full[at].match) {
      for (let i = at + direction; i >= 0 && i < full.length; i += direction) if (!full[i].match) return { docId: full[i].docId, key: full[i].key };
      return null;
    }
  }
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

/// The reviewer's record on `item`, if any: a decision, or a comment only (no `status`).
export function decisionOf(item: ReviewItem): Annotation['review'] {
  return decidedAnnotation(item)?.review;
}

/// Whether the reviewer accepted, rejected or corrected `item` (a comment alone decides nothing).
export function isDecided(item: ReviewItem): boolean {
  return decisionOf(item)?.status !== undefined;
}

/// A record's state as a word for classes and test ids.
export function decisionState(review: Annotation['review']): 'accepted' | 'rejected' | 'corrected' | 'commented' | 'undecided' {
  if (!review) return 'undecided';
  if (review.correctedTo) return 'corrected';
  return review.status ?? 'commented';
}

/// Counts of decided and all differences (matches need no decision) over `documents`.
export function progressOf(documents: readonly ReviewDocument[]): { decided: number; total: number } {
  const items = documents.flatMap((d) => d.items).filter((i) => i.kind !== 'match');
  return { decided: items.filter(isDecided).length, total: items.length };
}

/// Extra highlight classes for one side's annotations: the item kind, the decision, and the
/// current item (`rv-current`).
export function sideClasses(items: readonly ReviewItem[], side: 'a' | 'b', currentKey: string | null): Map<string, string> {
  const classes = new Map<string, string>();
  for (const item of items) {
    const annotation = item[side];
    if (!annotation) continue;
    const state = decisionState(annotation.review);
    const names = [`rv-${item.kind}`];
    if (state !== 'undecided' && state !== 'commented') names.push(`rv-${state}`);
    if (itemKey(item) === currentKey) names.push('rv-current');
    classes.set(annotation.id, names.join(' '));
  }
  return classes;
}

/// What accepting and rejecting `item` do, in a sentence. Neither changes A's or B's own spans:
/// the outcome goes into the curated layer.
export function acceptMeaning(item: ReviewItem): string {
  switch (item.kind) {
    case 'match':
      return 'Both agree: the span is in the curated layer. Reject leaves it out.';
    case 'label-conflict':
    case 'boundary-conflict':
      return "Accept puts B's span into the curated layer, reject A's; correct gives it another label.";
    case 'only-a':
      return 'Only A tagged this. Accept puts it into the curated layer; reject leaves it out.';
    case 'only-b':
      return 'Only B tagged this. Accept puts it into the curated layer; reject leaves it out.';
  }
}

/// Someone who annotated in the workspace, and how many annotations they made.
export interface AnnotatorCount {
  name: string;
  annotations: number;
}

/// The curated layer's annotator name (main/core/review.ts, which the renderer cannot import; a
/// test holds the two equal): the outcome of a review, never one of its sides by default.
export const CURATION_LAYER = 'curation';

/// The colleague to compare `a` with by default: whoever else annotated most, else anyone else;
/// never the curated layer.
export function defaultColleague(annotators: readonly AnnotatorCount[], a: string): string {
  const others = annotators.filter((x) => x.name !== a && x.name !== CURATION_LAYER);
  return others.find((x) => x.annotations > 0)?.name ?? others[0]?.name ?? '';
}
