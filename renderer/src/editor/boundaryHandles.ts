/// Drag handles on the two ends of the selected annotation (DESIGN §12, boundary editing): a
/// ProseMirror plugin that draws them as widget decorations beside the highlight (only for an
/// annotation of the current annotator) and moves an end with the mouse. While a handle is
/// dragged the span it would get is drawn over the text, snapped to whole words (Alt held: raw,
/// but never inside a grapheme cluster); on release `onMoveEnd` is told where it was let go, and
/// the store's change then redraws the highlight and the handles.
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { highlightsKey, type HighlightState } from './annotationHighlights';
import { draggedTo, type SpanEnd } from './boundaryMove';
import type { PositionMap, TextSpan } from './textPositions';

/// Where a handle was let go: the annotation, its end, the text offset, and whether Alt was held.
export type MoveEnd = (annotationId: string, which: SpanEnd, offset: number, raw: boolean) => void;

/// A drag in progress: the span the annotation would have if the handle were let go now.
export interface HandleDrag {
  id: string;
  which: SpanEnd;
  span: TextSpan;
}

/// The plugin's key; `tr.setMeta(boundaryHandlesKey, drag)` shows a drag (null ends it).
export const boundaryHandlesKey = new PluginKey<HandleDrag | null>('boundaryHandles');

/// The annotation whose ends get handles: the selected one, if it is the current annotator's.
function movable(highlights: HighlightState | undefined): { id: string; span: TextSpan; color: string } | null {
  if (!highlights) return null;
  const { look, entries } = highlights;
  const entry = look.selectedId ? entries.get(look.selectedId) : undefined;
  if (!entry || entry.annotation.annotator !== look.me) return null;
  const { id, start, end, label } = entry.annotation;
  return { id, span: { start, end }, color: look.labels.get(label)?.color ?? '#7a7a7a' };
}

function handleDom(which: SpanEnd, id: string, color: string): HTMLElement {
  const handle = document.createElement('span');
  handle.className = `anno-handle is-${which}`;
  handle.contentEditable = 'false';
  handle.setAttribute('data-testid', `handle-${which}`);
  handle.setAttribute('data-handle', which);
  handle.setAttribute('data-handle-of', id);
  handle.style.setProperty('--anno-color', color);
  // The bar marks the end; only the knob (above the start, below the end) takes the mouse, so a
  // selection begun on the text beside the end is still a selection.
  const bar = document.createElement('span');
  bar.className = 'anno-handle-bar';
  const knob = document.createElement('span');
  knob.className = 'anno-handle-knob';
  knob.title = `Drag to move the ${which} (Alt: letter by letter)`;
  handle.append(bar, knob);
  return handle;
}

/// The decorations: a handle at each end of the movable annotation (at the drag's span while a
/// handle is dragged), and that span drawn over the text during a drag.
export function handleDecorations(state: EditorState, positions: PositionMap): DecorationSet {
  const highlights = highlightsKey.getState(state);
  const target = movable(highlights);
  if (!target) return DecorationSet.empty;
  const drag = boundaryHandlesKey.getState(state);
  const span = drag?.id === target.id ? drag.span : target.span;
  const map = highlights?.positions ?? positions;
  const decorations: Decoration[] = [];
  for (const which of ['start', 'end'] as const) {
    const offset = span[which];
    const at = map.contains({ start: offset, end: offset }) ? map.toPositions({ start: offset, end: offset }) : null;
    if (!at) continue;
    const key = `${which}:${target.id}:${target.color}`;
    decorations.push(Decoration.widget(at.from, () => handleDom(which, target.id, target.color), { key, side: which === 'start' ? -1 : 1, ignoreSelection: true, stopEvent: () => true }));
  }
  const preview = drag?.id === target.id ? map.toPositions(span) : null;
  if (preview) decorations.push(Decoration.inline(preview.from, preview.to, { class: 'anno-drag-preview', style: `--anno-color: ${target.color}` }));
  return DecorationSet.create(state.doc, decorations);
}

/// The text offset under a point of the screen, or null when it is not over the text.
function offsetAt(view: EditorView, positions: PositionMap, x: number, y: number): number | null {
  const found = view.posAtCoords({ left: x, top: y });
  if (!found) return null;
  const map = highlightsKey.getState(view.state)?.positions ?? positions;
  return map.toSpan(found.pos, found.pos).start;
}

/// Follows one drag of a handle from its mousedown to the release.
/// The knob is held above or below the line: the pointer's height is taken back to the middle of
/// the bar (the text's line) where it was pressed.
function followDrag(view: EditorView, positions: PositionMap, text: string, start: { id: string; which: SpanEnd; span: TextSpan; lift: number }, onMoveEnd: MoveEnd): void {
  const { id, which, span, lift } = start;
  let last: { offset: number; raw: boolean } | null = null;
  const show = (drag: HandleDrag | null) => {
    if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(boundaryHandlesKey, drag));
  };
  const onMove = (e: MouseEvent) => {
    e.preventDefault();
    const offset = offsetAt(view, positions, e.clientX, e.clientY + lift);
    if (offset === null) return;
    last = { offset, raw: e.altKey };
    show({ id, which, span: draggedTo(text, span, which, offset, e.altKey) ?? span });
  };
  show({ id, which, span });
  const onUp = (e: MouseEvent) => {
    window.removeEventListener('mousemove', onMove, true);
    window.removeEventListener('mouseup', onUp, true);
    show(null);
    if (!last) return;
    // The click that ends a drag is not a click on the text (it would select another tag).
    const swallow = (click: MouseEvent) => click.stopPropagation();
    window.addEventListener('click', swallow, { capture: true, once: true });
    setTimeout(() => window.removeEventListener('click', swallow, true), 0);
    onMoveEnd(id, which, last.offset, e.altKey || last.raw);
  };
  window.addEventListener('mousemove', onMove, true);
  window.addEventListener('mouseup', onUp, true);
}

/// The plugin: draws the handles of the selected annotation of the document built from
/// `positions` (`text` is the whole article) and calls `onMoveEnd` when one is let go.
export function boundaryHandlesPlugin(positions: PositionMap, text: string, onMoveEnd: MoveEnd): Plugin<HandleDrag | null> {
  let cached: { highlights: HighlightState | undefined; drag: HandleDrag | null | undefined; set: DecorationSet } | null = null;
  return new Plugin<HandleDrag | null>({
    key: boundaryHandlesKey,
    state: {
      init: () => null,
      apply: (tr, drag) => {
        const meta = tr.getMeta(boundaryHandlesKey) as HandleDrag | null | undefined;
        return meta === undefined ? drag : meta;
      },
    },
    props: {
      attributes: (state): Record<string, string> => (boundaryHandlesKey.getState(state) ? { class: 'is-dragging-handle' } : {}),
      decorations(state) {
        const highlights = highlightsKey.getState(state);
        const drag = boundaryHandlesKey.getState(state);
        if (!cached || cached.highlights !== highlights || cached.drag !== drag) cached = { highlights, drag, set: handleDecorations(state, positions) };
        return cached.set;
      },
    },
    view: (view) => {
      const onMouseDown = (e: MouseEvent) => {
        const knob = e.button === 0 && e.target instanceof Element ? e.target.closest('.anno-handle-knob') : null;
        const handle = knob?.closest('[data-handle]');
        const target = handle && movable(highlightsKey.getState(view.state));
        if (!handle || !target) return;
        // No text selection starts, and ProseMirror and the pane do not see the press.
        e.preventDefault();
        e.stopPropagation();
        const bar = handle.querySelector('.anno-handle-bar')?.getBoundingClientRect();
        const lift = bar ? (bar.top + bar.bottom) / 2 - e.clientY : 0;
        followDrag(view, positions, text, { id: target.id, which: handle.getAttribute('data-handle') as SpanEnd, span: target.span, lift }, onMoveEnd);
      };
      view.dom.addEventListener('mousedown', onMouseDown);
      return { destroy: () => view.dom.removeEventListener('mousedown', onMouseDown) };
    },
  });
}
