/// Changes to the annotations and relations (speaker, source) of one document, as pure functions from a
/// document file to a new one. The store applies them; nothing here touches the disk.
import { randomUUID } from 'node:crypto';
import { InvalidChangeError, WorkbenchError } from './errors.js';
import {
  MAX_ANNOTATIONS_PER_DOCUMENT,
  MAX_ATTRIBUTE_LENGTH,
  MAX_NOTE_JSON_LENGTH,
  type Annotation,
  type DocumentFile,
  type Label,
  type NoteNode,
  type Quantity,
  type Relation,
  type RelationType,
  describeSchemaError,
  FIGURE_LABEL,
  QuantitySchema,
} from './model.js';
import { parseQuantity } from './quantities/parseQuantity.js';
import { surrogateSplitProblem } from './offsets.js';

/// What the UI asks for when it creates a tag (offsets in UTF-16 code units).
export interface AnnotationInput {
  id?: string;
  docId: string;
  label: string;
  start: number;
  end: number;
  note?: NoteNode;
  /// The entity the span names (the caller checks that it exists).
  entityId?: string;
  /// Values of the label's attributes.
  attributes?: Record<string, string>;
  /// A figure's interval; read from its text when not given.
  quantity?: Quantity;
  /// Where the tag comes from: typed by the analyst (the default) or an accepted suggestion.
  origin?: 'manual' | 'suggestion';
}

/// A change of one annotation: a field given replaces, `null` removes (the note, the entity link).
/// `attributes` changes the values it names (a blank or `null` value removes one) and leaves the
/// others as they are; `attributes: null` removes them all.
export interface AnnotationUpdate {
  id: string;
  label?: string;
  note?: NoteNode | null;
  entityId?: string | null;
  attributes?: Record<string, string | null> | null;
  /// A figure's interval as corrected; `null` reads it from the text again.
  quantity?: Quantity | null;
  /// A new span (both or neither), checked and trimmed like a new annotation's; the quote follows.
  start?: number;
  end?: number;
}

/// An annotation as removed, with the relations that went with it.
export interface Removal {
  annotation: Annotation;
  relations: Relation[];
}

/// Who makes a change, and when.
export interface Author {
  annotator: string;
  now: string;
}

type Change<T> = { file: DocumentFile; result: T };

const WHITESPACE = /\s/u;

/// Shrinks `[start, end)` past leading and trailing whitespace of `text` (DESIGN §3).
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && WHITESPACE.test(text[start])) start++;
  while (end > start && WHITESPACE.test(text[end - 1])) end--;
  return { start, end };
}

/// A document that already holds `MAX_ANNOTATIONS_PER_DOCUMENT` annotations refused another.
export class AnnotationLimitError extends WorkbenchError {
  constructor(title: string) {
    super(
      'annotation-limit',
      `"${title}" already holds ${MAX_ANNOTATIONS_PER_DOCUMENT.toLocaleString('en-US')} annotations, the most one document may hold; delete some before adding more`,
    );
    this.name = 'AnnotationLimitError';
  }
}

/// Throws `AnnotationLimitError` unless `file` has room for `adding` more annotations. Every path
/// that adds annotations calls it (create, restore, a review decision that copies a span).
export function checkAnnotationRoom(file: DocumentFile, adding = 1): void {
  if (file.annotations.length + adding > MAX_ANNOTATIONS_PER_DOCUMENT) throw new AnnotationLimitError(file.document.title);
}

/// Why `note` is too long to store (over `MAX_NOTE_JSON_LENGTH` as JSON), or `null`.
export function noteSizeProblem(note: NoteNode | undefined | null): string | null {
  if (!note) return null;
  const length = JSON.stringify(note).length;
  if (length <= MAX_NOTE_JSON_LENGTH) return null;
  return `the note is ${length.toLocaleString('en-US')} characters as JSON, over the limit of ${MAX_NOTE_JSON_LENGTH.toLocaleString('en-US')}`;
}

function checkNote(note: NoteNode | undefined | null): void {
  const problem = noteSizeProblem(note);
  if (problem) throw new InvalidChangeError(problem);
}

/// Text order: by start, then the longer span first (so an enclosing quote precedes its actor).
export function compareSpans(a: Pick<Annotation, 'start' | 'end'>, b: Pick<Annotation, 'start' | 'end'>): number {
  return a.start - b.start || b.end - a.end;
}

function insertSorted(annotations: Annotation[], annotation: Annotation): Annotation[] {
  const next = [...annotations];
  let i = next.length;
  while (i > 0 && compareSpans(next[i - 1], annotation) > 0) i--;
  next.splice(i, 0, annotation);
  return next;
}

function checkLabel(labels: Label[], label: string): void {
  if (!labels.some((l) => l.id === label)) throw new InvalidChangeError(`unknown label "${label}"`);
}

/// Checks attribute values against what `label` declares: known ids, a choice among its choices,
/// and no value longer than `MAX_ATTRIBUTE_LENGTH` (the store does not validate what it writes:
/// a longer one would make the document file read as damaged).
function checkAttributes(labels: Label[], label: string, attributes: Record<string, string> | undefined): void {
  if (!attributes) return;
  const declared = labels.find((l) => l.id === label)?.attributes ?? [];
  for (const [id, value] of Object.entries(attributes)) {
    const attribute = declared.find((a) => a.id === id);
    if (!attribute) throw new InvalidChangeError(`label "${label}" has no attribute "${id}"`);
    if (value.length > MAX_ATTRIBUTE_LENGTH) {
      throw new InvalidChangeError(`the value of ${attribute.name} is ${value.length.toLocaleString('en-US')} characters long, over the limit of ${MAX_ATTRIBUTE_LENGTH}`);
    }
    if (attribute.kind === 'choice' && !attribute.choices!.includes(value)) {
      throw new InvalidChangeError(`"${value}" is not one of the choices of ${attribute.name} (${attribute.choices!.join(', ')})`);
    }
  }
}

/// `current` with the values of `patch` set (blank or null: removed), and the values it set.
function patchAttributes(current: Record<string, string> | undefined, patch: Record<string, string | null>): { attributes: Record<string, string> | undefined; set: Record<string, string> } {
  const next = new Map(Object.entries(current ?? {}));
  const set = new Map<string, string>();
  for (const [id, value] of Object.entries(patch)) {
    const trimmed = value?.trim() ?? '';
    if (trimmed === '') next.delete(id);
    else {
      next.set(id, trimmed);
      set.set(id, trimmed);
    }
  }
  return { attributes: next.size ? Object.fromEntries(next) : undefined, set: Object.fromEntries(set) };
}

/// The quantity a span of `label` over `quote` has: `given`, else for a figure what its text
/// states (none for text the parser cannot read, and for other labels).
export function quantityFor(label: string, quote: string, given: Quantity | undefined): Quantity | undefined {
  if (given) {
    // Checked here: the store does not validate what it writes, and a document holding an
    // invalid quantity would read as damaged.
    const parsed = QuantitySchema.safeParse(given);
    if (!parsed.success) throw new InvalidChangeError(`the quantity is not valid: ${describeSchemaError(parsed.error).join('; ')}`);
    return parsed.data;
  }
  return label === FIGURE_LABEL ? (parseQuantity(quote) ?? undefined) : undefined;
}

/// What each relation type links: `speaker` a quote to an actor, `source` a figure to an actor.
export const RELATION_ENDS: Record<RelationType, { from: string; to: string }> = {
  speaker: { from: 'quote', to: 'actor' },
  source: { from: 'figure', to: 'actor' },
};

/// Whether `relation` still fits the labels of its ends.
function relationFits(relation: Relation, annotations: Map<string, Annotation>): boolean {
  const ends = RELATION_ENDS[relation.type];
  return annotations.get(relation.from)?.label === ends.from && annotations.get(relation.to)?.label === ends.to;
}

function find(file: DocumentFile, id: string): Annotation {
  const annotation = file.annotations.find((a) => a.id === id);
  if (!annotation) throw new InvalidChangeError(`no annotation ${id} in "${file.document.title}"`);
  return annotation;
}

/// `[start, end)` as an annotation's span: inside the text, trimmed of whitespace, not empty
/// and splitting no surrogate pair; refused otherwise.
function checkedSpan(text: string, from: number, to: number): { start: number; end: number } {
  if (from < 0 || to > text.length || from > to) throw new InvalidChangeError(`span ${from}–${to} is outside the text (0–${text.length})`);
  const { start, end } = trimSpan(text, from, to);
  if (start === end) throw new InvalidChangeError('the selection is empty or only whitespace');
  const split = surrogateSplitProblem(text, start, end);
  if (split) throw new InvalidChangeError(`span ${start}–${end} ${split}`);
  return { start, end };
}

/// DESIGN §12: the same span with the same label by the same annotator is never made twice,
/// whichever client asks (the renderer selects the existing one instead of asking).
function refuseSameTag(file: DocumentFile, start: number, end: number, label: string, annotator: string, except?: string): void {
  const same = file.annotations.find((a) => a.id !== except && a.start === start && a.end === end && a.label === label && a.annotator === annotator);
  if (same) throw new InvalidChangeError(`“${same.quote}” is already tagged ${label} by ${annotator} (annotation ${same.id})`);
}

/// Adds a tag: trims the span, checks it against the text, records the covered text.
export function createAnnotation(file: DocumentFile, input: AnnotationInput, labels: Label[], author: Author): Change<Annotation> {
  const { text, id: docId } = file.document;
  if (input.docId !== docId) throw new InvalidChangeError(`the annotation is for document ${input.docId}, not ${docId}`);
  checkLabel(labels, input.label);
  const { start, end } = checkedSpan(text, input.start, input.end);
  checkNote(input.note);
  const attributes = input.attributes && patchAttributes(undefined, input.attributes).attributes;
  checkAttributes(labels, input.label, attributes);
  const id = input.id ?? randomUUID();
  if (file.annotations.some((a) => a.id === id)) throw new InvalidChangeError(`annotation ${id} already exists`);
  refuseSameTag(file, start, end, input.label, author.annotator);
  checkAnnotationRoom(file);
  const annotation: Annotation = {
    id,
    docId,
    label: input.label,
    start,
    end,
    quote: text.slice(start, end),
    annotator: author.annotator,
    ...(input.note ? { note: input.note } : {}),
    createdAt: author.now,
    updatedAt: author.now,
    origin: input.origin ?? 'manual',
    ...(input.entityId ? { entityId: input.entityId } : {}),
    ...(attributes ? { attributes } : {}),
  };
  const quantity = quantityFor(input.label, annotation.quote, input.quantity);
  if (quantity) annotation.quantity = quantity;
  return { file: { ...file, annotations: insertSorted(file.annotations, annotation) }, result: annotation };
}

/// Relabels an annotation, sets or clears its note, entity link or attribute values, or moves its
/// span (`start` and `end` together, checked and trimmed as on create; the quote is the new
/// span's text and a figure's interval is read from it again unless given). A relation that no
/// longer fits its ends' labels (a quote relabelled loses its speaker) goes. A span moved onto
/// the same span and label as another of the annotator's annotations is refused. The caller checks that a linked
/// entity exists.
export function updateAnnotation(file: DocumentFile, change: AnnotationUpdate, labels: Label[], author: Author): Change<Annotation> {
  const found = find(file, change.id);
  if (change.label !== undefined) checkLabel(labels, change.label);
  checkNote(change.note);
  if ((change.start === undefined) !== (change.end === undefined)) throw new InvalidChangeError('a span is moved by its start and end together');
  const moved = change.start !== undefined && change.end !== undefined ? checkedSpan(file.document.text, change.start, change.end) : null;
  // A moved span's quote is its new text, and a figure's interval is read from that again.
  const current: Annotation = moved ? { ...found, ...moved, quote: file.document.text.slice(moved.start, moved.end), quantity: undefined } : found;
  // Only a moved span is checked: a relabel (or its undo) onto a twin is left to the annotator,
  // as refusing it would leave the renderer's queued save failing.
  if (moved) refuseSameTag(file, current.start, current.end, change.label ?? current.label, current.annotator, current.id);
  const { note: _note, entityId: _entityId, attributes: _attributes, quantity: _quantity, ...rest } = current;
  const label = change.label ?? current.label;
  const note = change.note === undefined ? current.note : change.note ?? undefined;
  const entityId = change.entityId === undefined ? current.entityId : change.entityId ?? undefined;
  // Only the values set are checked against the label: values kept across a relabel, or whose
  // attribute the label no longer declares, stay as they are (relabelling back shows them again).
  let attributes = current.attributes;
  if (change.attributes === null) attributes = undefined;
  else if (change.attributes !== undefined) {
    const patched = patchAttributes(current.attributes, change.attributes);
    checkAttributes(labels, label, patched.set);
    attributes = patched.attributes;
  }
  // A figure keeps its interval across a relabel and back; one that has none (made as another
  // label, or set to be read again) is read from its text.
  const quantity = quantityFor(label, current.quote, change.quantity === null ? undefined : (change.quantity ?? current.quantity));
  const updated: Annotation = {
    ...rest,
    label,
    ...(note ? { note } : {}),
    ...(entityId ? { entityId } : {}),
    ...(attributes ? { attributes } : {}),
    ...(quantity ? { quantity } : {}),
    updatedAt: author.now,
  };
  const byId = new Map(file.annotations.map((a) => [a.id, a.id === updated.id ? updated : a]));
  const relations = file.relations.filter((r) => relationFits(r, byId));
  const annotations = moved ? insertSorted(file.annotations.filter((a) => a.id !== updated.id), updated) : file.annotations.map((a) => (a.id === updated.id ? updated : a));
  return { file: { ...file, annotations, relations }, result: updated };
}

/// Removes an annotation and every relation to or from it.
export function deleteAnnotation(file: DocumentFile, id: string): Change<Removal> {
  const annotation = find(file, id);
  const relations = file.relations.filter((r) => r.from === id || r.to === id);
  return {
    file: {
      ...file,
      annotations: file.annotations.filter((a) => a.id !== id),
      relations: file.relations.filter((r) => r.from !== id && r.to !== id),
    },
    result: { annotation, relations },
  };
}

/// Puts back what `deleteAnnotation` removed, exactly (same id, times and links), but for links
/// that no longer fit the labels of their ends.
export function restoreAnnotation(file: DocumentFile, removal: Removal, labels: Label[]): Change<Annotation> {
  const { annotation } = removal;
  const { text, id: docId } = file.document;
  if (annotation.docId !== docId) throw new InvalidChangeError(`the annotation belongs to document ${annotation.docId}`);
  checkLabel(labels, annotation.label);
  if (file.annotations.some((a) => a.id === annotation.id)) throw new InvalidChangeError(`annotation ${annotation.id} already exists`);
  const { start, end } = annotation;
  if (start < 0 || end > text.length || start >= end || text.slice(start, end) !== annotation.quote) {
    throw new InvalidChangeError('the annotation does not match the text of this document');
  }
  const split = surrogateSplitProblem(text, start, end);
  if (split) throw new InvalidChangeError(`span ${start}–${end} ${split}`);
  checkNote(annotation.note);
  checkAnnotationRoom(file);
  const annotations = insertSorted(file.annotations, annotation);
  const ids = new Set(annotations.map((a) => a.id));
  for (const r of removal.relations) {
    if (r.from !== annotation.id && r.to !== annotation.id) throw new InvalidChangeError(`relation ${r.id} does not involve the annotation`);
    if (!ids.has(r.from) || !ids.has(r.to)) throw new InvalidChangeError(`relation ${r.id} links an annotation that no longer exists`);
  }
  const known = new Set(file.relations.map((r) => r.id));
  // A link whose other end was relabelled since no longer fits (as a relabel would have dropped it).
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const relations = [...file.relations, ...removal.relations.filter((r) => !known.has(r.id) && relationFits(r, byId))];
  return { file: { ...file, annotations, relations }, result: annotation };
}

/// Links a quote to its speaker or a figure to its source (`type`), replacing the previous link
/// of that type from `fromId`; `null` unlinks.
export function setRelation(file: DocumentFile, type: RelationType, fromId: string, toId: string | null, author: Author): Change<Relation | null> {
  const ends = RELATION_ENDS[type];
  const from = find(file, fromId);
  if (from.label !== ends.from) throw new InvalidChangeError(`only a ${ends.from} can have a ${type}`);
  const others = file.relations.filter((r) => !(r.type === type && r.from === fromId));
  if (toId === null) return { file: { ...file, relations: others }, result: null };
  const to = find(file, toId);
  if (to.label !== ends.to) throw new InvalidChangeError(`a ${type} must be an ${ends.to} annotation`);
  const relation: Relation = { id: randomUUID(), type, from: fromId, to: toId, annotator: author.annotator };
  return { file: { ...file, relations: [...others, relation] }, result: relation };
}

/// Links (or unlinks, `entityId` null) annotations `ids` of a document to an entity: how a merge,
/// a delete and their undo move links. Ids no longer in the document are passed over.
export function setEntityLinks(file: DocumentFile, ids: string[], entityId: string | null, author: Author): Change<number> {
  const wanted = new Set(ids);
  let changed = 0;
  const annotations = file.annotations.map((a) => {
    if (!wanted.has(a.id) || (a.entityId ?? null) === entityId) return a;
    changed++;
    const { entityId: _entityId, ...rest } = a;
    return { ...rest, ...(entityId ? { entityId } : {}), updatedAt: author.now };
  });
  return { file: changed ? { ...file, annotations } : file, result: changed };
}
