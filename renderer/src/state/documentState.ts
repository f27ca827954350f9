/// One open document as the renderer holds it (its text, annotations and relations), and the
/// pure, immutable edits the UI makes to it before the service confirms them. An edit returns a
/// new state and replaces only the annotations it touches, so views can diff by identity.
import type { Annotation, Article, NoteNode, OpenDocument, Quantity, Relation, RelationType, RemovedAnnotation } from '../../../preload/api';
import { PersistentMap } from './persistentMap';

/// A document with everything annotated on it.
export interface DocState {
  document: Article;
  /// By id, in no particular order (use {@link inTextOrder} to list them). Persistent: an edit
  /// copies only a small part of it, however many annotations the document has.
  annotations: PersistentMap<Annotation>;
  relations: readonly Relation[];
}

/// What an edit may change on one annotation: its label, note, entity link or attribute values
/// (`null` removes the note, the link).
export interface AnnotationPatch {
  label?: string;
  note?: NoteNode | null;
  entityId?: string | null;
  /// The values it names (blank or null: removed); null removes them all.
  attributes?: Record<string, string | null> | null;
  /// A figure's interval as corrected; null reads it from the text again (the service answers with it).
  quantity?: Quantity | null;
  /// A new span (both ends, already trimmed): an extended tag; the quote follows.
  start?: number;
  end?: number;
}

/// Names one annotation of one document.
export interface AnnotationRef {
  docId: string;
  id: string;
}

/// The state of a document as `documents.open` returned it.
export function docStateOf(open: OpenDocument): DocState {
  return {
    document: open.document,
    annotations: PersistentMap.keyed(open.annotations, (a) => a.id),
    relations: open.relations,
  };
}

/// Annotations in reading order: by start, then the longer (outer) one first.
export function inTextOrder(annotations: Iterable<Annotation>): Annotation[] {
  return [...annotations].sort((a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id));
}

/// Adds or replaces one annotation.
export function withAnnotation(doc: DocState, annotation: Annotation): DocState {
  return { ...doc, annotations: doc.annotations.set(annotation.id, annotation) };
}

/// Removes one annotation and the relations to or from it; `removed` is what was taken
/// (null when the annotation was not there).
export function withoutAnnotation(doc: DocState, id: string): { doc: DocState; removed: RemovedAnnotation | null } {
  const annotation = doc.annotations.get(id);
  if (!annotation) return { doc, removed: null };
  const annotations = doc.annotations.delete(id);
  const linked = (r: Relation) => r.from === id || r.to === id;
  return {
    doc: { ...doc, annotations, relations: doc.relations.filter((r) => !linked(r)) },
    removed: { annotation, relations: doc.relations.filter(linked) },
  };
}

/// Puts back what {@link withoutAnnotation} (or the service's delete) removed.
export function withRestored(doc: DocState, removed: RemovedAnnotation): DocState {
  const ids = new Set(removed.relations.map((r) => r.id));
  const relations = [...doc.relations.filter((r) => !ids.has(r.id)), ...removed.relations];
  return { ...withAnnotation(doc, removed.annotation), relations };
}

/// Applies a patch to one annotation (unknown ids are left alone).
export function withPatch(doc: DocState, id: string, patch: AnnotationPatch, now: string): DocState {
  const annotation = doc.annotations.get(id);
  if (!annotation) return doc;
  const next: Annotation = { ...annotation, updatedAt: now };
  if (patch.label !== undefined) next.label = patch.label;
  if (patch.note === null) delete next.note;
  else if (patch.note !== undefined) next.note = patch.note;
  if (patch.entityId === null) delete next.entityId;
  else if (patch.entityId !== undefined) next.entityId = patch.entityId;
  if (patch.attributes === null) delete next.attributes;
  else if (patch.attributes !== undefined) {
    const values = new Map(Object.entries(annotation.attributes ?? {}));
    for (const [id, value] of Object.entries(patch.attributes)) {
      if (value?.trim()) values.set(id, value.trim());
      else values.delete(id);
    }
    if (values.size) next.attributes = Object.fromEntries(values);
    else delete next.attributes;
  }
  // A quantity to be read again keeps the one shown until the service answers with the new one.
  if (patch.quantity) next.quantity = patch.quantity;
  if (patch.start !== undefined && patch.end !== undefined) {
    next.start = patch.start;
    next.end = patch.end;
    next.quote = doc.document.text.slice(patch.start, patch.end);
  }
  return withAnnotation(doc, next);
}

/// The current value of the fields a patch would change (what undo puts back).
export function patchBefore(annotation: Annotation, patch: AnnotationPatch): AnnotationPatch {
  const before: AnnotationPatch = {};
  if (patch.label !== undefined) before.label = annotation.label;
  if (patch.note !== undefined) before.note = annotation.note ?? null;
  if (patch.entityId !== undefined) before.entityId = annotation.entityId ?? null;
  if (patch.quantity !== undefined) before.quantity = annotation.quantity ?? null;
  if (patch.start !== undefined || patch.end !== undefined) Object.assign(before, { start: annotation.start, end: annotation.end });
  if (patch.attributes === null) before.attributes = { ...annotation.attributes };
  else if (patch.attributes !== undefined) before.attributes = Object.fromEntries(Object.keys(patch.attributes).map((id) => [id, annotation.attributes?.[id] ?? null]));
  return before;
}

/// The annotation `fromId` is linked to by a relation of `type` (a quote's speaker, a figure's
/// source), if any.
export function linkOf(doc: DocState, type: RelationType, fromId: string): string | null {
  return doc.relations.find((r) => r.type === type && r.from === fromId)?.to ?? null;
}

/// The actor annotation a quote is linked to, if any.
export function speakerOf(doc: DocState, quoteId: string): string | null {
  return linkOf(doc, 'speaker', quoteId);
}

/// Links `fromId` to `relation.to` by a relation of `type`, replacing its previous one; `relation`
/// null unlinks.
export function withLink(doc: DocState, type: RelationType, fromId: string, relation: Relation | null): DocState {
  const others = doc.relations.filter((r) => !(r.type === type && r.from === fromId));
  return { ...doc, relations: relation ? [...others, relation] : others };
}

/// Number of annotations per label id.
export function labelCounts(doc: DocState): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of doc.annotations.values()) counts[a.label] = (counts[a.label] ?? 0) + 1;
  return counts;
}

/// How many of the document's annotations are `annotator`'s.
export function annotationsBy(doc: DocState, annotator: string): number {
  let n = 0;
  for (const a of doc.annotations.values()) if (a.annotator === annotator) n++;
  return n;
}
