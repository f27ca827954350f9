/// Review of a colleague's layer (DESIGN §6): the two layers of a document paired as matches,
/// label conflicts (same span, other label), boundary conflicts (same label, overlapping), only-A
/// and only-B; the reviewer's decision on one pair, stored in each annotation's `review`; and its
/// outcome, kept in the curated layer.
import { randomUUID } from 'node:crypto';
import { checkAnnotationRoom, compareSpans } from './annotations.js';
import { overlapMatches } from './agreement.js';
import { InvalidChangeError } from './errors.js';
import { RELATION_TYPES, type Annotation, type DocumentFile, type Relation, type Review } from './model.js';
import { surrogateSplitProblem } from './offsets.js';

/// How two layers relate at one place.
export type DifferenceKind = 'match' | 'label-conflict' | 'boundary-conflict' | 'only-a' | 'only-b';

/// One place of a document as the two annotators tagged it.
export interface ReviewItem {
  kind: DifferenceKind;
  a?: Annotation;
  b?: Annotation;
}

/// The annotator name of the curated layer: the adjudicated result of a review, a layer of its
/// own (INCEpTION's "curation"), so that deciding never changes what A or B tagged and the
/// agreement between them stays what it was. Not a name anyone may annotate under.
export const CURATION_LAYER = 'curation';

/// A reviewer's decision on an item: accept (B's side, or A's for only-A) or reject it, or
/// neither (a comment on its own). `label` corrects it: the item's span goes into the curated
/// layer with that label (recorded as a rejection of both sides, `correctedTo` the label).
export interface ReviewDecision {
  status?: 'accepted' | 'rejected';
  comment?: string;
  label?: string;
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

/// The item's span the curated layer holds after `decision`, or null for none.
function outcomeOf(a: Annotation | undefined, b: Annotation | undefined, decision: ReviewDecision): Annotation | null {
  const primary = (b ?? a)!;
  if (decision.label) return { ...(a ?? primary), label: decision.label };
  if (decision.status === 'rejected') return a && b && !sameSpan(a, b) ? a : null;
  return a && !b ? a : primary;
}

const omitReview = ({ review: _review, ...rest }: Annotation): Annotation => rest;
const sameSpan = (x: Annotation, y: Annotation) => x.start === y.start && x.end === y.end && x.label === y.label;
const samePlace = (x: Pick<Annotation, 'start' | 'end'>, y: Pick<Annotation, 'start' | 'end'>) => x.start === y.start && x.end === y.end;

/// A copy of `source` in the curated layer (a new span: it must fit in the document and may not
/// cut an emoji, which spans stored by imports before that check was made might).
function curatedCopy(file: DocumentFile, source: Annotation, now: string): Annotation {
  checkAnnotationRoom(file);
  const split = surrogateSplitProblem(file.document.text, source.start, source.end);
  if (split) throw new InvalidChangeError(`span ${source.start}–${source.end} ${split}`);
  const { review: _review, entityId: _entity, ...rest } = source;
  return { ...rest, id: randomUUID(), annotator: CURATION_LAYER, createdAt: now, updatedAt: now, origin: 'import' };
}

/// The labels an outcome of the item made of `places` (A's and B's spans) can have: theirs, and
/// any correction recorded on them.
function outcomeLabels(places: Annotation[]): Set<string> {
  return new Set(places.flatMap((p) => [p.label, ...(p.review?.correctedTo ? [p.review.correctedTo] : [])]));
}

/// Puts `outcome` into the curated layer in place of the item's earlier outcome (a curated span
/// at one of its places, `places`: the spans of A and B, with one of its labels), so that
/// deciding again replaces it; an outcome of another item at the same text (another label) stays.
function curate(file: DocumentFile, places: Annotation[], outcome: Annotation | null, now: string): DocumentFile {
  const labels = outcomeLabels(places);
  const earlier = (x: Annotation) => x.annotator === CURATION_LAYER && labels.has(x.label) && places.some((p) => samePlace(p, x));
  let annotations = file.annotations.filter((x) => !earlier(x));
  if (outcome) annotations = [...annotations, curatedCopy({ ...file, annotations }, outcome, now)].sort(compareSpans);
  const kept = new Set(annotations.map((x) => x.id));
  return { ...file, annotations, relations: file.relations.filter((r) => kept.has(r.from) && kept.has(r.to)) };
}

/// The spans A and B agree on (matches, B's copy) that nobody rejected and the curated layer does
/// not hold yet: what both tagged needs no decision to be part of the result.
export function agreedNotCurated(file: DocumentFile, a: string, b: string): Annotation[] {
  const curated = file.annotations.filter((x) => x.annotator === CURATION_LAYER);
  return pairLayers(file, a, b)
    .filter((item) => item.kind === 'match' && item.b!.review?.status !== 'rejected')
    .map((item) => item.b!)
    .filter((span) => !curated.some((x) => sameSpan(x, span)));
}

/// Adds the spans of {@link agreedNotCurated} to the curated layer, and the links between curated
/// spans that A's and B's layers agree on ({@link curateLinks}); no decision is recorded.
export function curateAgreed(file: DocumentFile, a: string, b: string, now: string): DocumentFile {
  let next = file;
  for (const span of agreedNotCurated(file, a, b)) {
    // Two identical spans in one layer are curated once.
    if (next.annotations.some((x) => x.annotator === CURATION_LAYER && sameSpan(x, span))) continue;
    next = { ...next, annotations: [...next.annotations, curatedCopy(next, span, now)].sort(compareSpans) };
  }
  return curateLinks(next, a, b);
}

/// Links in the curated layer what A's and B's layers link: a curated quote (figure) gets the
/// speaker (source) that its counterparts in A's and B's layers (same span and label) point to,
/// once that actor is curated too, unless the two point to different actors or to one not
/// curated (then the curated span stays unlinked rather than guess). Worked out afresh each time
/// (nobody else writes the curated layer's links), so that they follow A's and B's; a link that
/// stays keeps its id.
function curateLinks(file: DocumentFile, a: string, b: string): DocumentFile {
  const before = file.relations.filter((r) => r.annotator === CURATION_LAYER);
  const others = file.relations.filter((r) => r.annotator !== CURATION_LAYER);
  const curated = file.annotations.filter((x) => x.annotator === CURATION_LAYER);
  const byId = new Map(file.annotations.map((x) => [x.id, x]));
  const layerLinks = others.filter((r) => r.annotator === a || r.annotator === b);
  const links: Relation[] = [];
  for (const span of curated) {
    for (const type of RELATION_TYPES) {
      const targets = new Set<string | null>();
      for (const link of layerLinks) {
        const from = byId.get(link.from);
        const to = byId.get(link.to);
        if (link.type !== type || !from || !to || !sameSpan(from, span)) continue;
        targets.add(curated.find((x) => sameSpan(x, to))?.id ?? null);
      }
      const [to] = targets;
      if (targets.size !== 1 || !to) continue;
      const kept = before.find((r) => r.type === type && r.from === span.id && r.to === to);
      links.push(kept ?? { id: randomUUID(), type, from: span.id, to, annotator: CURATION_LAYER });
    }
  }
  const same = links.length === before.length && links.every((r) => before.includes(r));
  return same ? file : { ...file, relations: [...others, ...links] };
}

/// A document as Review lists it: its differences and matches, and how many agreed spans the
/// curated layer does not hold yet (a document with no decision made has none there).
export interface ReviewDocument {
  id: string;
  title: string;
  items: ReviewItem[];
  agreedNotCurated: number;
}

/// `file` compared for Review, A against B.
export function reviewDocument(file: DocumentFile, a: string, b: string): ReviewDocument {
  return { id: file.document.id, title: file.document.title, items: pairLayers(file, a, b), agreedNotCurated: agreedNotCurated(file, a, b).length };
}

/// Applies a decision on the item of `layers` (A and B) made of annotations `ids.a` and/or
/// `ids.b`. The annotations decided on get a `review` (B's, and A's the opposite in a
/// conflict; a comment alone keeps any earlier status); the outcome goes into the curated layer
/// ({@link CURATION_LAYER}), with the agreed spans. A's and B's own spans never change.
export function decideItem(
  file: DocumentFile,
  layers: { a: string; b: string },
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
  if (!decision.status && !decision.label) {
    // A comment on its own: no decision, and the curated layer stays as it is.
    const on = b ?? a!;
    const earlier = on.review;
    const review: Review = { ...(earlier?.status ? { status: earlier.status } : {}), ...(earlier?.correctedTo ? { correctedTo: earlier.correctedTo } : {}), by: reviewer, at: now, ...(decision.comment ? { comment: decision.comment } : {}) };
    // An empty comment on an undecided item clears the record.
    const kept = review.status || review.comment ? { review } : {};
    return { ...file, annotations: file.annotations.map((x) => (x.id === on.id ? { ...omitReview(x), ...kept, updatedAt: now } : x)) };
  }
  const status = decision.label ? 'rejected' : decision.status!;
  // A decision after a comment keeps it, unless it comes with its own.
  const comment = decision.comment ?? (b ?? a)!.review?.comment;
  const review: Review = { status, by: reviewer, at: now, ...(decision.label ? { correctedTo: decision.label } : {}), ...(comment ? { comment } : {}) };
  const opposite: Review = { ...review, status: status === 'accepted' || decision.label ? 'rejected' : 'accepted' };
  const conflict = a && b && !sameSpan(a, b);
  const reviewed = new Map<string, Review>();
  if (b) reviewed.set(b.id, review);
  if (a) reviewed.set(a.id, conflict ? opposite : review);
  const marked: DocumentFile = {
    ...file,
    annotations: file.annotations.map((x) => (reviewed.has(x.id) ? { ...x, review: reviewed.get(x.id), updatedAt: now } : x)),
  };
  const places = [a, b].filter((x): x is Annotation => x !== undefined);
  // The agreed spans join the outcome, and the curated spans get the links the layers agree on.
  return curateAgreed(curate(marked, places, outcomeOf(a, b, decision), now), layers.a, layers.b, now);
}
