/// Questions the UI asks of the open documents: what the list shows, what the selection relates
/// to, which span a click means, where j/k go. Pure functions over {@link DocState}.
import type { Annotation, RelationType } from '../../../preload/api';
import { inTextOrder, type DocState } from './documentState';
import { PersistentMap } from './persistentMap';
import type { DocLoad } from './workbenchStore';

/// Which annotations the list (and j/k) show.
export interface AnnotationFilter {
  /// Label ids to show; empty shows every label.
  labels: ReadonlySet<string>;
  /// Only this annotator's, or everyone's when empty.
  annotator: string;
  /// Whether annotations by others than `me` are shown at all.
  showOthers: boolean;
  me: string;
}

/// The annotations of a document that pass the filter, in reading order.
export function visibleAnnotations(doc: DocState, filter: AnnotationFilter): Annotation[] {
  return inTextOrder(doc.annotations.values()).filter(
    (a) =>
      (filter.labels.size === 0 || filter.labels.has(a.label)) &&
      (filter.annotator === '' || a.annotator === filter.annotator) &&
      (filter.showOthers || a.annotator === filter.me),
  );
}

/// The annotation after (`+1`) or before (`-1`) `currentId` in `list`, wrapping around; the
/// first (or last) when nothing is selected or the selection is not in the list.
export function stepThrough(list: readonly Annotation[], currentId: string | null, direction: 1 | -1): Annotation | null {
  if (list.length === 0) return null;
  const index = currentId === null ? -1 : list.findIndex((a) => a.id === currentId);
  if (index === -1) return direction === 1 ? list[0] : list[list.length - 1];
  return list[(index + direction + list.length) % list.length];
}

/// Which of the annotations under a click to select: the shortest (innermost) one, or, when
/// the selected one is among them, the next longer one (so repeated clicks cycle outwards).
/// Among annotations of exactly the same span, `me`'s come first, then the colleagues' (by
/// name), so a first click takes one's own tag and the next ones the others on that text.
export function annotationToSelect(doc: DocState, idsUnderPointer: readonly string[], selectedId: string | null, me = ''): string | null {
  const under = idsUnderPointer
    .map((id) => doc.annotations.get(id))
    .filter((a): a is Annotation => a !== undefined)
    .sort(
      (a, b) =>
        a.end - a.start - (b.end - b.start) ||
        b.start - a.start ||
        Number(a.annotator !== me) - Number(b.annotator !== me) ||
        a.annotator.localeCompare(b.annotator) ||
        a.id.localeCompare(b.id),
    );
  if (under.length === 0) return null;
  const index = under.findIndex((a) => a.id === selectedId);
  return under[(index + 1) % under.length].id;
}

/// The text annotations are compared by across panes: case-insensitive, whitespace collapsed.
export function matchKey(quote: string): string {
  return quote.replace(/\s+/g, ' ').trim().toLocaleLowerCase();
}

/// {@link matchKey} of each annotation's quote, computed once per annotation object (annotations
/// are immutable: an edit makes a new object).
const matchKeys = new WeakMap<Annotation, string>();

function matchKeyOf(annotation: Annotation): string {
  let key = matchKeys.get(annotation);
  if (key === undefined) matchKeys.set(annotation, (key = matchKey(annotation.quote)));
  return key;
}

/// Annotations by {@link matchKey} (grouped once per part of a document's persistent map).
const BY_MATCH_KEY = PersistentMap.grouping(matchKeyOf);

/// Groups the annotations of a document by text ahead of its first selection, in the browser's
/// idle time, a part of the map at a time (a first selection in a document of 20,000 annotations
/// otherwise spends about 15 ms on it). `current()` gives the document as it is now, or
/// undefined once it is closed, which stops the grouping. Does nothing where there are no idle
/// callbacks.
export function groupByTextWhenIdle(current: () => DocState | undefined): void {
  if (typeof requestIdleCallback !== 'function') return;
  const step = (deadline: IdleDeadline) => {
    const doc = current();
    if (doc && !PersistentMap.groupAhead(doc.annotations, BY_MATCH_KEY, () => deadline.timeRemaining() > 1)) requestIdleCallback(step);
  };
  requestIdleCallback(step);
}

/// For each open document, the annotations that name the same thing as `selected` (itself
/// excluded): those linked to its entity when it has one (DESIGN §10), else those with its text.
/// `isEntity` tells whether an entity id is in the workspace's list (a link to one that is not
/// counts as none).
export function sameThingAnnotations(docs: ReadonlyMap<string, DocLoad>, selected: Annotation | null, isEntity: (id: string) => boolean): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  if (!selected) return result;
  const entityId = selected.entityId && isEntity(selected.entityId) ? selected.entityId : null;
  const key = matchKeyOf(selected);
  for (const [docId, load] of docs) {
    if (load.status !== 'ready') continue;
    const ids = entityId
      ? new Set([...load.doc.annotations.values()].filter((a) => a.entityId === entityId).map((a) => a.id))
      : new Set(PersistentMap.keysInGroup(load.doc.annotations, key, BY_MATCH_KEY));
    ids.delete(selected.id);
    result.set(docId, ids);
  }
  return result;
}

/// Annotations linked to `selectedId` by a relation: a quote's speaker, a figure's source, or an
/// actor's quotes and figures.
export function linkedAnnotations(doc: DocState, selectedId: string | null): Set<string> {
  const linked = new Set<string>();
  if (!selectedId) return linked;
  for (const r of doc.relations) {
    if (r.from === selectedId) linked.add(r.to);
    if (r.to === selectedId) linked.add(r.from);
  }
  return linked;
}

/// The annotations linked to actor `actorId` by relations of `type` (the quotes it said, the
/// figures attributed to it), in reading order.
export function linkedFrom(doc: DocState, type: RelationType, actorId: string): Annotation[] {
  const from = new Set(doc.relations.filter((r) => r.type === type && r.to === actorId).map((r) => r.from));
  return inTextOrder(doc.annotations.values()).filter((a) => from.has(a.id));
}

/// Other annotations overlapping `annotation` (nested in it, around it, or crossing it).
export function overlapping(doc: DocState, annotation: Annotation): Annotation[] {
  return inTextOrder(doc.annotations.values()).filter(
    (a) => a.id !== annotation.id && a.start < annotation.end && annotation.start < a.end,
  );
}

/// Everyone who annotated the open documents, the current annotator first.
export function annotatorsOf(docs: Iterable<DocState>, me: string): string[] {
  const names = new Set<string>();
  for (const doc of docs) for (const a of doc.annotations.values()) names.add(a.annotator);
  names.delete(me);
  return [me, ...[...names].sort()];
}

/// `annotator`'s annotation with `label` on exactly `span`, if there is one.
export function ownTagOn(doc: DocState, annotator: string, label: string, span: { start: number; end: number }): Annotation | undefined {
  for (const a of doc.annotations.values()) if (a.start === span.start && a.end === span.end && a.label === label && a.annotator === annotator) return a;
  return undefined;
}

/// `annotator`'s annotation with `label` that `span` strictly contains, or overlaps and extends
/// (covers more text on one side while sharing some); the longest if several.
export function ownTagExtendedBy(doc: DocState, annotator: string, label: string, span: { start: number; end: number }): Annotation | undefined {
  let best: Annotation | undefined;
  for (const a of doc.annotations.values()) {
    if (a.label !== label || a.annotator !== annotator) continue;
    const extended = a.start < span.end && span.start < a.end && (span.start < a.start || span.end > a.end);
    if (extended && (!best || a.end - a.start > best.end - best.start)) best = a;
  }
  return best;
}
