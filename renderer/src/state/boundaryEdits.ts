/// Boundary editing (DESIGN §12): moving one end of an annotation of the current annotator, by a
/// word from the keyboard or by a drag handle. A move is an ordinary change of the annotation's
/// span (`annotations.update`), so its note, links, entity and attributes stay, and it is one
/// undo step. Someone else's annotation is never moved, nor one moved onto the exact span of
/// another of the annotator's tags of that label (the service would refuse that save): such a
/// move is refused, and the listeners of {@link onBoundaryRefused} are told why.
import type { Annotation } from '../../../preload/api';
import { draggedTo, movedByWord, type SpanEnd } from '../editor/boundaryMove';
import type { TextSpan } from '../editor/textPositions';
import type { AnnotationRef } from './documentState';
import type { WorkbenchStore } from './workbenchStore';
import { Listeners } from './listeners';

/// Why a move was not made.
export type BoundaryRefusal =
  /// The annotation is another annotator's.
  | { reason: 'foreign'; annotator: string; quote: string }
  /// The moved span is exactly another of the annotator's tags of the same label.
  | { reason: 'duplicate'; quote: string };

const refusals = new Listeners<[refusal: BoundaryRefusal]>();

/// Calls `listener` whenever a move is refused; returns the function that stops it.
export function onBoundaryRefused(listener: (refusal: BoundaryRefusal) => void): () => void {
  return refusals.add(listener);
}

/// The sentence that tells the annotator why a move was refused.
export function refusalText(refusal: BoundaryRefusal): string {
  return refusal.reason === 'foreign'
    ? `“${refusal.quote}” is ${refusal.annotator}’s tag: only your own tags can have their ends moved; colleagues’ tags are read-only here, adjudicate them in Review.`
    : `Your tag would then cover exactly “${refusal.quote}”, which you already tagged with that label.`;
}

function refuse(refusal: BoundaryRefusal): false {
  refusals.emit(refusal);
  return false;
}

/// Moves `ref`'s span to what `move` makes of it (null: it stays); false when nothing moved.
function moveSpan(store: WorkbenchStore, ref: AnnotationRef, me: string, move: (text: string, span: TextSpan) => TextSpan | null): boolean {
  const doc = store.doc(ref.docId);
  const annotation = doc?.annotations.get(ref.id);
  if (!doc || !annotation) return false;
  if (annotation.annotator !== me) return refuse({ reason: 'foreign', annotator: annotation.annotator, quote: annotation.quote });
  const text = doc.document.text;
  const span = move(text, annotation);
  if (!span) return false;
  const twin = (a: Annotation) => a.id !== annotation.id && a.start === span.start && a.end === span.end && a.label === annotation.label && a.annotator === me;
  if ([...doc.annotations.values()].some(twin)) return refuse({ reason: 'duplicate', quote: text.slice(span.start, span.end) });
  store.change(ref, { start: span.start, end: span.end });
  return true;
}

/// Moves one end of the selected annotation one word right (+1) or left (−1); false when
/// nothing is selected, or the end cannot move (the text's edge, the other end) or may not.
export function moveSelectedEnd(store: WorkbenchStore, me: string, which: SpanEnd, direction: 1 | -1): boolean {
  const ref = store.getSnapshot().selected;
  return ref ? moveSpan(store, ref, me, (text, span) => movedByWord(text, span, which, direction)) : false;
}

/// Moves one end of an annotation to where its handle was let go (`offset`), snapped to whole
/// words unless `raw`; false when nothing moved.
export function dragEnd(store: WorkbenchStore, ref: AnnotationRef, me: string, which: SpanEnd, offset: number, raw: boolean): boolean {
  return moveSpan(store, ref, me, (text, span) => draggedTo(text, span, which, offset, raw));
}
