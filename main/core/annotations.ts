/// Changes to the annotations and speaker links of one document, as pure functions from a
/// document file to a new one. The store applies them; nothing here touches the disk.
import { randomUUID } from 'node:crypto';
import { InvalidChangeError, WorkbenchError } from './errors.js';
import { MAX_ANNOTATIONS_PER_DOCUMENT, MAX_NOTE_JSON_LENGTH, type Annotation, type DocumentFile, type Label, type NoteNode, type Relation } from './model.js';
import { surrogateSplitProblem } from './offsets.js';

/// What the UI asks for when it creates a tag (offsets in UTF-16 code units).
export interface AnnotationInput {
  id?: string;
  docId: string;
  label: string;
  start: number;
  end: number;
  note?: NoteNode;
}

/// An annotation as removed, with the speaker links that went with it.
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

function find(file: DocumentFile, id: string): Annotation {
  const annotation = file.annotations.find((a) => a.id === id);
  if (!annotation) throw new InvalidChangeError(`no annotation ${id} in "${file.document.title}"`);
  return annotation;
}

/// Adds a tag: trims the span, checks it against the text, records the covered text.
export function createAnnotation(file: DocumentFile, input: AnnotationInput, labels: Label[], author: Author): Change<Annotation> {
  const { text, id: docId } = file.document;
  if (input.docId !== docId) throw new InvalidChangeError(`the annotation is for document ${input.docId}, not ${docId}`);
  checkLabel(labels, input.label);
  if (input.start < 0 || input.end > text.length || input.start > input.end) {
    throw new InvalidChangeError(`span ${input.start}–${input.end} is outside the text (0–${text.length})`);
  }
  const { start, end } = trimSpan(text, input.start, input.end);
  if (start === end) throw new InvalidChangeError('the selection is empty or only whitespace');
  const split = surrogateSplitProblem(text, start, end);
  if (split) throw new InvalidChangeError(`span ${start}–${end} ${split}`);
  checkNote(input.note);
  const id = input.id ?? randomUUID();
  if (file.annotations.some((a) => a.id === id)) throw new InvalidChangeError(`annotation ${id} already exists`);
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
    origin: 'manual',
  };
  return { file: { ...file, annotations: insertSorted(file.annotations, annotation) }, result: annotation };
}

/// Relabels an annotation and/or sets or clears its note. A quote relabelled to something else
/// loses its speaker link, and an actor relabelled loses the links to it. Its span never changes
/// here (there are no boundary edits); one that did would have to pass `surrogateSplitProblem`.
export function updateAnnotation(
  file: DocumentFile,
  change: { id: string; label?: string; note?: NoteNode | null },
  labels: Label[],
  author: Author,
): Change<Annotation> {
  const current = find(file, change.id);
  if (change.label !== undefined) checkLabel(labels, change.label);
  checkNote(change.note);
  const { note: _previous, ...rest } = current;
  const note = change.note === undefined ? current.note : change.note ?? undefined;
  const updated: Annotation = {
    ...rest,
    ...(change.label !== undefined ? { label: change.label } : {}),
    ...(note ? { note } : {}),
    updatedAt: author.now,
  };
  const relations = file.relations.filter(
    (r) => !((r.from === updated.id && updated.label !== 'quote') || (r.to === updated.id && updated.label !== 'actor')),
  );
  return {
    file: { ...file, annotations: file.annotations.map((a) => (a.id === updated.id ? updated : a)), relations },
    result: updated,
  };
}

/// Removes an annotation and every speaker link to or from it.
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

/// Puts back what `deleteAnnotation` removed, exactly (same id, times and links).
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
  const relations = [...file.relations, ...removal.relations.filter((r) => !known.has(r.id))];
  return { file: { ...file, annotations, relations }, result: annotation };
}

/// Links a quote to its speaker (an actor), replacing any previous speaker; `null` unlinks.
export function setSpeaker(file: DocumentFile, quoteId: string, actorId: string | null, author: Author): Change<Relation | null> {
  const quote = find(file, quoteId);
  if (quote.label !== 'quote') throw new InvalidChangeError('only a quote can have a speaker');
  const others = file.relations.filter((r) => !(r.type === 'speaker' && r.from === quoteId));
  if (actorId === null) return { file: { ...file, relations: others }, result: null };
  const actor = find(file, actorId);
  if (actor.label !== 'actor') throw new InvalidChangeError('a speaker must be an actor annotation');
  const relation: Relation = { id: randomUUID(), type: 'speaker', from: quoteId, to: actorId, annotator: author.annotator };
  return { file: { ...file, relations: [...others, relation] }, result: relation };
}
