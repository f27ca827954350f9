/// One document of an exchange file merged into the workspace's copy: each span checked against
/// the text (its own offsets, else the one place its text occurs), never cutting a surrogate
/// pair, up to the per-document annotation limit, its entity link mapped to this workspace's
/// entity and its attribute values checked against its label; speaker and source links between
/// imported annotations.
import { compareSpans, noteSizeProblem, quantityFor, RELATION_ENDS } from '../annotations.js';
import { describeSchemaError, MAX_ANNOTATIONS_PER_DOCUMENT, type Annotation, type Attribute, type DocumentFile, type Relation } from '../model.js';
import { OffsetConverter, surrogateSplitProblem } from '../offsets.js';
import { checkedAttributeValues } from './exchangeAttributes.js';
import { ExchangeAnnotationSchema, ExchangeRelationSchema, type ExchangeAnnotation } from './exchangeFormat.js';
import { MAX_REANCHOR_CHARACTERS } from './exchangeLimits.js';

/// What merging counts and reports (the import report's fields of the same names).
export interface MergeTally {
  annotationsAdded: number;
  annotationsReanchored: number;
  reviewsUpdated: number;
  annotationsAlreadyPresent: number;
  /// Annotations already present that took an entity link or attribute values they lacked.
  annotationsCompleted: number;
  relationsAdded: number;
  annotators: string[];
  skipped: { document: string; item?: string; reason: string }[];
}

/// What the file's entries may point at here: the label ids annotations may use (and those whose
/// entry was dropped), the attributes each label declares, and this workspace's entity for each
/// of the file's entity ids.
export interface ImportTargets {
  known: Set<string>;
  dropped: Set<string>;
  /// Attributes by label id (none when not given).
  attributes?: ReadonlyMap<string, readonly Attribute[]>;
  /// The file's entity id → this workspace's (none when not given).
  entities?: ReadonlyMap<string, string>;
}

/// Why a span came in without its entity link.
const ENTITY_NOT_LISTED = "imported without its entity link: the file's entities do not list its entity, or it was not added (see above)";

/// Characters of text left to search while re-anchoring, for the whole import.
export interface SearchBudget {
  characters: number;
}

/// A fresh budget of `MAX_REANCHOR_CHARACTERS`.
export function reanchorBudget(): SearchBudget {
  return { characters: MAX_REANCHOR_CHARACTERS };
}

type Place = { start: number; end: number; moved: boolean };

/// Where a span's text occurs in one document (the first two places), searched once per text and
/// charged to the import's budget; `null` when the budget cannot cover a search.
class TextSearch {
  private readonly found = new Map<string, number[]>();

  constructor(
    private readonly text: string,
    private readonly budget: SearchBudget,
  ) {}

  places(needle: string): number[] | null {
    const known = this.found.get(needle);
    if (known) return known;
    if (this.budget.characters < this.text.length) return null;
    const first = this.text.indexOf(needle);
    const places = first < 0 ? [] : [first];
    if (first >= 0) {
      const second = this.text.indexOf(needle, first + 1);
      if (second >= 0) places.push(second);
    }
    this.budget.characters -= places.length === 2 ? places[1] + needle.length : this.text.length;
    this.found.set(needle, places);
    return places;
  }
}

/// Why a span was not searched for: the whole import's searching is spent.
const BUDGET_SPENT = `not re-anchored: this import has searched ${MAX_REANCHOR_CHARACTERS.toLocaleString('en-US')} characters of text for moved spans, the most one import may`;

/// Where `a` belongs in the text: its own offsets when the slice matches, else the one place its
/// text occurs; a reason otherwise (`BUDGET_SPENT` when the search could not be afforded).
function anchor(offsets: OffsetConverter, search: TextSearch, a: ExchangeAnnotation): Place | string {
  const inRange = a.start >= 0 && a.end <= offsets.codePointLength && a.start < a.end;
  if (inRange && offsets.sliceCodePoints(a.start, a.end) === a.text) {
    const place = { start: offsets.toUtf16(a.start), end: offsets.toUtf16(a.end), moved: false };
    // Code point offsets always land between characters; checked all the same, as everywhere.
    const split = surrogateSplitProblem(offsets.text, place.start, place.end);
    return split ? `span ${a.start}–${a.end} ${split}` : place;
  }
  const problem = inRange ? 'its text does not match the document at its offsets' : `span ${a.start}–${a.end} is outside the text`;
  if (!a.text.trim()) return problem;
  const places = search.places(a.text);
  if (!places) return BUDGET_SPENT;
  if (!places.length) return `${problem}, and the text does not occur in the document`;
  if (places.length > 1) return `${problem}, and the text occurs in more than one place`;
  const place = { start: places[0], end: places[0] + a.text.length, moved: true };
  // Half of a surrogate pair (say "\uD83D") occurs inside its emoji: never a place for a span.
  const split = surrogateSplitProblem(offsets.text, place.start, place.end);
  return split ? `${problem}; where its text occurs, the span ${split}` : place;
}

/// Merges the exchange entries `annotations` and `relations` into `current`, counting into `tally`.
export function mergeExchangeDocument(
  current: DocumentFile,
  title: string,
  entries: { annotations: unknown[]; relations: unknown[] },
  targets: ImportTargets,
  budget: SearchBudget,
  tally: MergeTally,
): DocumentFile {
  const offsets = new OffsetConverter(current.document.text);
  const search = new TextSearch(current.document.text, budget);
  const byId = new Map(current.annotations.map((a) => [a.id, a]));
  // The same span with the same label by the same annotator is never kept twice (DESIGN §12): an
  // entry repeating one under another id counts as present, and its links go to the one kept.
  const spanKey = (a: { label: string; start: number; end: number; annotator: string }) => `${a.label}\t${a.start}\t${a.end}\t${a.annotator}`;
  const bySpan = new Map(current.annotations.map((a) => [spanKey(a), a.id]));
  const sameAs = new Map<string, string>();
  const skip = (item: string, reason: string) => tally.skipped.push({ document: title, item, reason });
  // Reasons shared by many spans are reported once, with how many they stopped.
  const grouped = new Map<string, number>();
  const group = (reason: string) => grouped.set(reason, (grouped.get(reason) ?? 0) + 1);
  /// The entity link and attribute values of entry `a` as this workspace takes them, reporting what is dropped.
  const linksOf = (a: ExchangeAnnotation) => {
    const entityId = a.entityId === undefined ? undefined : targets.entities?.get(a.entityId);
    if (a.entityId !== undefined && entityId === undefined) group(ENTITY_NOT_LISTED);
    const { kept, dropped } = checkedAttributeValues(a.label, a.attributes, targets.attributes?.get(a.label) ?? []);
    for (const reason of dropped) group(`${reason}: the value was dropped, the annotation imported`);
    return { entityId, attributes: kept };
  };
  for (const [i, entry] of entries.annotations.entries()) {
    const parsed = ExchangeAnnotationSchema.safeParse(entry);
    if (!parsed.success) {
      skip(`annotations[${i}]`, describeSchemaError(parsed.error).join('; '));
      continue;
    }
    const a = parsed.data;
    if (!targets.known.has(a.label)) {
      skip(a.id, `unknown label "${a.label}"${targets.dropped.has(a.label) ? ' (its entry in the file\'s labels was not added, see above)' : ''}`);
      continue;
    }
    const place = anchor(offsets, search, a);
    if (place === BUDGET_SPENT) {
      group(place);
      continue;
    }
    if (typeof place === 'string') {
      skip(a.id, place);
      continue;
    }
    const twin = byId.has(a.id) ? undefined : bySpan.get(spanKey({ ...a, ...place }));
    if (twin !== undefined) {
      sameAs.set(a.id, twin);
      tally.annotationsAlreadyPresent++;
      continue;
    }
    const existing = byId.get(a.id);
    if (existing) {
      if (existing.docId !== current.document.id || existing.start !== place.start || existing.end !== place.end || existing.label !== a.label) {
        skip(a.id, 'an annotation with this id already exists with other content');
        continue;
      }
      let known = existing;
      if (a.review && (!existing.review || a.review.at > existing.review.at)) {
        known = { ...known, review: a.review };
        tally.reviewsUpdated++;
      } else tally.annotationsAlreadyPresent++;
      const completed = completedWith(known, linksOf(a));
      if (completed !== known) tally.annotationsCompleted++;
      byId.set(a.id, completed);
      continue;
    }
    const noteProblem = noteSizeProblem(a.note);
    if (noteProblem) {
      skip(a.id, noteProblem);
      continue;
    }
    if (byId.size >= MAX_ANNOTATIONS_PER_DOCUMENT) {
      group(`not added: the document already holds ${MAX_ANNOTATIONS_PER_DOCUMENT.toLocaleString('en-US')} annotations, the most one document may hold`);
      continue;
    }
    const { entityId, attributes } = linksOf(a);
    const annotation: Annotation = {
      id: a.id,
      docId: current.document.id,
      label: a.label,
      start: place.start,
      end: place.end,
      quote: a.text,
      annotator: a.annotator,
      ...(a.note ? { note: a.note } : {}),
      createdAt: a.createdAt,
      updatedAt: a.createdAt,
      ...(a.review ? { review: a.review } : {}),
      origin: 'import',
      ...(entityId ? { entityId } : {}),
      ...(attributes ? { attributes } : {}),
    };
    const quantity = quantityFor(a.label, a.text, a.quantity);
    if (quantity) annotation.quantity = quantity;
    byId.set(a.id, annotation);
    bySpan.set(spanKey(annotation), a.id);
    if (!tally.annotators.includes(a.annotator)) tally.annotators.push(a.annotator);
    tally.annotationsAdded++;
    if (place.moved) tally.annotationsReanchored++;
  }
  for (const [reason, count] of grouped) skip(`${count.toLocaleString('en-US')} annotation${count === 1 ? '' : 's'}`, reason);
  const merged = [...byId.values()].sort(compareSpans);
  return { ...current, annotations: merged, relations: mergeRelations(current.relations, entries.relations, byId, sameAs, skip, tally) };
}

/// `existing` with the file's entity link where it has none and the file's attribute values it
/// lacks; this workspace's link and values are never replaced. `existing` itself when it lacks nothing.
function completedWith(existing: Annotation, theirs: { entityId?: string; attributes?: Record<string, string> }): Annotation {
  const entityId = existing.entityId ?? theirs.entityId;
  const missing = Object.entries(theirs.attributes ?? {}).filter(([id]) => existing.attributes?.[id] === undefined);
  if (entityId === existing.entityId && !missing.length) return existing;
  const attributes = missing.length ? { ...existing.attributes, ...Object.fromEntries(missing) } : existing.attributes;
  return { ...existing, ...(entityId ? { entityId } : {}), ...(attributes ? { attributes } : {}) };
}

/// The file's speaker and source links between annotations that are now in the document, after `relations`.
function mergeRelations(
  relations: Relation[],
  entries: unknown[],
  byId: Map<string, Annotation>,
  sameAs: ReadonlyMap<string, string>,
  skip: (item: string, reason: string) => void,
  tally: MergeTally,
): Relation[] {
  const known = new Set(relations.map((r) => r.id));
  const linkedFrom = new Set(relations.map((r) => `${r.type}\t${r.from}`));
  const same = new Set(relations.map((r) => `${r.type}\t${r.from}\t${r.to}`));
  const added: Relation[] = [];
  for (const [i, entry] of entries.entries()) {
    const parsed = ExchangeRelationSchema.safeParse(entry);
    if (!parsed.success) {
      skip(`relations[${i}]`, describeSchemaError(parsed.error).join('; '));
      continue;
    }
    // A link from or to a repeated span is a link of the span kept.
    const r = { ...parsed.data, from: sameAs.get(parsed.data.from) ?? parsed.data.from, to: sameAs.get(parsed.data.to) ?? parsed.data.to };
    if (known.has(r.id)) continue;
    const from = byId.get(r.from);
    const to = byId.get(r.to);
    if (!from || !to) {
      skip(r.id, `the ${r.type} link names an annotation that was not imported`);
      continue;
    }
    const ends = RELATION_ENDS[r.type];
    if (from.label !== ends.from || to.label !== ends.to) {
      skip(r.id, `a ${r.type} link must go from a ${ends.from} to an ${ends.to}`);
      continue;
    }
    // The same link under another id is already here.
    if (same.has(`${r.type}\t${r.from}\t${r.to}`)) continue;
    // One link of each type from a span, as the app keeps them (setRelation replaces).
    if (linkedFrom.has(`${r.type}\t${r.from}`)) {
      skip(r.id, `the ${ends.from} already has a ${r.type} here; this workspace's link was kept`);
      continue;
    }
    added.push(r);
    known.add(r.id);
    linkedFrom.add(`${r.type}\t${r.from}`);
    tally.relationsAdded++;
  }
  return [...relations, ...added];
}
