/// Review of a colleague's layer (DESIGN §6): the two layers of a document paired as matches,
/// label conflicts (same span, other label), boundary conflicts (same label, overlapping), only-A
/// and only-B; and the reviewer's decision on one pair, stored in each annotation's `review`.
import { randomUUID } from 'node:crypto';
import { checkAnnotationRoom, compareSpans, deleteAnnotation } from './annotations.js';
import { overlapMatches } from './agreement.js';
import { InvalidChangeError } from './errors.js';
import type { Annotation, DocumentFile, Review } from './model.js';
import { surrogateSplitProblem } from './offsets.js';

/// How two layers relate at one place.
export type DifferenceKind = 'match' | 'label-conflict' | 'boundary-conflict' | 'only-a' | 'only-b';

/// One place of a document as the two annotators tagged it.
export interface ReviewItem {
  kind: DifferenceKind;
  a?: Annotation;
  b?: Annotation;
}

/// A reviewer's decision on the colleague's (B's) side of an item — or on A's, for only-A.
export interface ReviewDecision {
  status: Review['status'];
  comment?: string;
}

/// Pairs the layers of `a` and `b` in `file`, in text order.
export function pairLayers(file: DocumentFile, a: string, b: string): ReviewItem[] {
  let restA = file.annotations.filter((x) => x.annotator === a);
  let restB = file.annotations.filter((x) => x.annotator === b);
  const items: ReviewItem[] = [];
  const take = (kind: DifferenceKind, same: (x: Annotation, y: Annotation) => boolean) => {
    for (const x of restA) {
      const y = restB.find((candidate) => same(x, candidate));
      if (!y) continue;
      items.push({ kind, a: x, b: y });
      restB = restB.filter((candidate) => candidate !== y);
    }
    const paired = new Set(items.map((i) => i.a));
    restA = restA.filter((x) => !paired.has(x));
  };
  take('match', (x, y) => x.start === y.start && x.end === y.end && x.label === y.label);
  take('label-conflict', (x, y) => x.start === y.start && x.end === y.end);
  for (const [x, y] of overlapMatches(restA, restB) as [Annotation, Annotation][]) items.push({ kind: 'boundary-conflict', a: x, b: y });
  const paired = new Set(items.flatMap((i) => [i.a, i.b]));
  for (const x of restA) if (!paired.has(x)) items.push({ kind: 'only-a', a: x });
  for (const y of restB) if (!paired.has(y)) items.push({ kind: 'only-b', b: y });
  return items.sort((p, q) => compareSpans((p.a ?? p.b)!, (q.a ?? q.b)!));
}

/// Applies a decision on the item made of annotations `aId` and/or `bId`. Accepting B's side
/// makes it the reviewer's own: a copy (origin `import`) joins the reviewer's layer, replacing the
/// reviewer's conflicting span. The annotations decided on get a `review`.
export function decideItem(
  file: DocumentFile,
  ids: { a?: string; b?: string },
  decision: ReviewDecision,
  reviewer: string,
  now: string,
): DocumentFile {
  const find = (id: string | undefined) => {
    if (id === undefined) return undefined;
    const found = file.annotations.find((x) => x.id === id);
    if (!found) throw new InvalidChangeError(`no annotation ${id} in "${file.document.title}"`);
    return found;
  };
  const a = find(ids.a);
  const b = find(ids.b);
  if (!a && !b) throw new InvalidChangeError('a decision needs an annotation');
  const review: Review = { status: decision.status, by: reviewer, at: now, ...(decision.comment ? { comment: decision.comment } : {}) };
  const opposite: Review = { ...review, status: decision.status === 'accepted' ? 'rejected' : 'accepted' };
  const conflict = a && b && (a.start !== b.start || a.end !== b.end || a.label !== b.label);
  const reviewed = new Map<string, Review>();
  if (b) reviewed.set(b.id, review);
  if (a) reviewed.set(a.id, b && conflict ? opposite : review);
  let next: DocumentFile = {
    ...file,
    annotations: file.annotations.map((x) => (reviewed.has(x.id) ? { ...x, review: reviewed.get(x.id), updatedAt: now } : x)),
  };
  if (decision.status === 'accepted' && b && b.annotator !== reviewer) {
    if (a && conflict && a.annotator === reviewer) next = deleteAnnotation(next, a.id).file;
    const already = next.annotations.some((x) => x.annotator === reviewer && x.start === b.start && x.end === b.end && x.label === b.label);
    if (!already) {
      // A copy is a new span: it must fit in the document and may not cut an emoji (spans
      // stored by imports before that check was made might).
      checkAnnotationRoom(next);
      const split = surrogateSplitProblem(next.document.text, b.start, b.end);
      if (split) throw new InvalidChangeError(`span ${b.start}–${b.end} ${split}`);
      const { review: _review, ...rest } = b;
      const copy: Annotation = { ...rest, id: randomUUID(), annotator: reviewer, createdAt: now, updatedAt: now, origin: 'import' };
      next = { ...next, annotations: [...next.annotations, copy].sort(compareSpans) };
    }
  }
  return next;
}
