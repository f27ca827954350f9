/// The windowed view of a very long document (at least {@link WINDOW_THRESHOLD} characters): the
/// ProseMirror document holds only the paragraphs of a window of lines `[first, last)` around the
/// viewport, and the editor's own top and bottom padding stand in for the lines above and below
/// it, so that the scroll bar and the scroll position stay right.
///
/// Heights of lines never drawn are estimated from the lines drawn so far (pixels per character
/// of the non-empty lines, the mean height of the empty ones); lines once drawn keep their
/// measured height until the width of the view changes. When the viewport comes near an edge of
/// the window (checked once per animation frame after a scroll), the window is replaced by one
/// around the viewport in one transaction, and the scroll position is corrected so that the line
/// at the top of the viewport stays where it was on screen (estimates never make the text jump).
///
/// A selection in the view is not cut: while a mouse button is held down in the text (a drag may
/// be extending a selection) or the viewport still shows part of the selection, the window only
/// grows, so a drag that scrolls the pane extends the selection (up to
/// {@link MAX_SELECTION_WINDOW_CHARS}). When the viewport leaves the selection, when it would
/// grow past that, or when the app moves the window to show an annotation or a match, the
/// selection is dropped. A new window reuses the
/// ProseMirror nodes of the lines it shares with the old one, so ProseMirror keeps their DOM
/// nodes and the browser's selection (and a drag in progress) is undisturbed.
///
/// Limit (see README, Design notes): the browser's find-in-page sees only the window; the app's
/// own find searches the whole text.
import { Fragment, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { highlightsKey } from './annotationHighlights';
import { lineContent } from './documentContent';
import type { TextPositions, TextSpan, WindowPositions } from './textPositions';

/// Documents with at least this many characters are shown windowed; shorter ones entirely.
export const WINDOW_THRESHOLD = 20_000;

/// Characters of the first window per pixel of the browser window's height. The first window is
/// drawn before the view knows its size; a screen of the reading column shows about two
/// characters per pixel of height (a 30 px line holds at most ~90), so this fills the first
/// screen with room to spare, and the window grows to its margins after the first frame.
const INITIAL_CHARS_PER_PX = 3;
const MIN_INITIAL_CHARS = 2_000;

/// The most characters a window grows to in order to keep a selection (a selection in a longer
/// window would make every scroll redraw much of the document).
const MAX_SELECTION_WINDOW_CHARS = 150_000;

/// Pixels of text drawn beyond each edge of the viewport (at least; more on a tall view).
const MIN_OVERSCAN_PX = 900;

/// The first window of a long text: enough of its first lines to fill the first screen.
export function initialWindow(positions: TextPositions, aroundLine = 0): WindowPositions {
  const { lineStarts } = positions;
  const chars = Math.max(MIN_INITIAL_CHARS, window.innerHeight * INITIAL_CHARS_PER_PX);
  let last = aroundLine + 1;
  while (last < positions.lineCount && lineStarts[last] - lineStarts[aroundLine] < chars) last++;
  return positions.window(aroundLine, last);
}

/// The scrolling ancestor of `element` (the pane's scroll area), or null.
export function scrollerOf(element: HTMLElement): HTMLElement | null {
  for (let el = element.parentElement; el; el = el.parentElement) {
    const overflow = getComputedStyle(el).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return el;
  }
  return null;
}

/// The browser selection inside `root` as DOM positions (a collapsed one only if
/// `evenCollapsed`), or null.
function domSelectionIn(root: HTMLElement, evenCollapsed: boolean): { anchor: [Node, number]; focus: [Node, number] } | null {
  const selection = window.getSelection();
  if (!selection || (selection.isCollapsed && !evenCollapsed) || !selection.anchorNode || !selection.focusNode) return null;
  if (!root.contains(selection.anchorNode) || !root.contains(selection.focusNode)) return null;
  return { anchor: [selection.anchorNode, selection.anchorOffset], focus: [selection.focusNode, selection.focusOffset] };
}

/// Drives the window of one editor view over the lines of `full`.
export class DocumentWindow {
  /// The mapping of the window shown now.
  positions: WindowPositions;
  /// Measured height (advance to the next line, margins included) of each line, 0 if unknown.
  private measured: Float32Array;
  private textPxPerChar = 0.39;
  private emptyPx = 7.65;
  private textStats = { chars: 0, px: 0 };
  private emptyStats = { count: 0, px: 0 };
  /// Estimated top of each line from the first (length lineCount + 1).
  private tops: Float64Array;
  private scroller: HTMLElement | null = null;
  private basePadding: { top: number; bottom: number } | null = null;
  private frame = 0;
  private pointerDown = false;
  private width = 0;
  private moving = false;
  /// Work waiting for the scroll area and the spacers (see `whenAttached`); null once attached.
  private waiting: (() => void)[] | null = [];
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly view: EditorView,
    private readonly full: TextPositions,
    initial: WindowPositions,
  ) {
    this.positions = initial;
    this.measured = new Float32Array(full.lineCount);
    this.tops = new Float64Array(full.lineCount + 1);
    this.recomputeTops();
    const onScroll = () => this.schedule();
    const onDown = (event: PointerEvent) => void (event.button === 0 && (this.pointerDown = true));
    const onUp = () => {
      if (!this.pointerDown) return;
      this.pointerDown = false;
      this.schedule();
    };
    // A drag of selected text ends without a pointerup (it cancels the pointer, then drops).
    const ends = ['pointerup', 'pointercancel', 'dragend'] as const;
    view.dom.addEventListener('pointerdown', onDown);
    for (const type of ends) window.addEventListener(type, onUp, true);
    window.addEventListener('resize', onScroll);
    this.cleanups.push(
      () => view.dom.removeEventListener('pointerdown', onDown),
      () => ends.forEach((type) => window.removeEventListener(type, onUp, true)),
      () => window.removeEventListener('resize', onScroll),
    );
    this.attachAfterFrame(onScroll);
  }

  /// Waits for the task after the next frame: the first window is painted first, and the
  /// styles read to find the scroll area are then already computed.
  private attachAfterFrame(onScroll: () => void): void {
    let timer = 0;
    const frame = requestAnimationFrame(() => (timer = window.setTimeout(() => this.attach(onScroll), 0)));
    this.cleanups.push(() => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    });
  }

  /// Finds the scroll area (once the view is in the document) and lays the spacers out.
  private attach(onScroll: () => void): void {
    if (this.view.isDestroyed) return;
    const scroller = scrollerOf(this.view.dom);
    if (!scroller) {
      this.attachAfterFrame(onScroll);
      return;
    }
    this.scroller = scroller;
    const style = getComputedStyle(this.view.dom);
    this.basePadding = { top: parseFloat(style.paddingTop) || 0, bottom: parseFloat(style.paddingBottom) || 0 };
    this.width = this.view.dom.clientWidth;
    scroller.addEventListener('scroll', onScroll, { passive: true });
    this.cleanups.push(() => scroller.removeEventListener('scroll', onScroll));
    this.setPadding();
    this.schedule();
    const waiting = this.waiting ?? [];
    this.waiting = null;
    for (const run of waiting) run();
  }

  /// Runs `run` once the window knows its scroll area and has laid out its spacers (right away
  /// if it has): a scroll position set before that would be moved by the spacers.
  whenAttached(run: () => void): void {
    if (this.waiting) this.waiting.push(run);
    else run();
  }

  /// Stops following the view and gives its padding back.
  destroy(): void {
    this.waiting = null;
    cancelAnimationFrame(this.frame);
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    if (!this.view.isDestroyed) {
      this.view.dom.style.paddingTop = '';
      this.view.dom.style.paddingBottom = '';
    }
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.check();
    });
  }

  private estimate(line: number): number {
    const known = this.measured[line];
    if (known > 0) return known;
    const chars = this.full.lineEnd(line) - this.full.lineStarts[line];
    return chars === 0 ? this.emptyPx : Math.max(this.emptyPx * 2, chars * this.textPxPerChar);
  }

  private recomputeTops(): void {
    const tops = this.tops;
    tops[0] = 0;
    for (let line = 0; line < this.full.lineCount; line++) tops[line + 1] = tops[line] + this.estimate(line);
  }

  /// The line whose estimated extent holds `y` (clamped).
  private lineAt(y: number): number {
    let low = 0;
    let high = this.full.lineCount - 1;
    let found = 0;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.tops[mid] <= y) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found;
  }

  /// Records the heights of the lines drawn now (all but the last, whose advance is unknown).
  private measure(): void {
    const children = this.view.dom.children;
    const { first } = this.positions;
    let previous = children[0]?.getBoundingClientRect().top ?? 0;
    for (let i = 1; i < children.length; i++) {
      const top = children[i].getBoundingClientRect().top;
      const line = first + i - 1;
      const px = top - previous;
      previous = top;
      if (this.measured[line] > 0 || px <= 0) continue;
      this.measured[line] = px;
      const chars = this.full.lineEnd(line) - this.full.lineStarts[line];
      if (chars === 0) {
        this.emptyStats.count += 1;
        this.emptyStats.px += px;
      } else {
        this.textStats.chars += chars;
        this.textStats.px += px;
      }
    }
    if (this.textStats.chars > 0) this.textPxPerChar = this.textStats.px / this.textStats.chars;
    if (this.emptyStats.count > 0) this.emptyPx = this.emptyStats.px / this.emptyStats.count;
  }

  private setPadding(): void {
    if (!this.basePadding) return;
    const { first, last } = this.positions;
    const n = this.full.lineCount;
    this.view.dom.style.paddingTop = `${this.basePadding.top + this.tops[first]}px`;
    this.view.dom.style.paddingBottom = `${this.basePadding.bottom + (this.tops[n] - this.tops[last])}px`;
  }

  private overscan(): number {
    return Math.max(MIN_OVERSCAN_PX, (this.scroller?.clientHeight ?? 0) * 1.25);
  }

  /// Moves the window if the viewport is near (or past) one of its edges.
  private check(): void {
    const scroller = this.scroller;
    const dom = this.view.dom;
    if (!scroller || this.view.isDestroyed || this.moving) return;
    if (dom.clientWidth !== this.width) {
      // Another width: every measured height is stale.
      this.width = dom.clientWidth;
      this.measured.fill(0);
      this.textStats = { chars: 0, px: 0 };
      this.emptyStats = { count: 0, px: 0 };
    }
    const view = scroller.getBoundingClientRect();
    const children = dom.children;
    const firstBox = children[0]?.getBoundingClientRect();
    const lastBox = children[children.length - 1]?.getBoundingClientRect();
    if (!firstBox || !lastBox) return;
    const { first, last } = this.positions;
    const margin = this.overscan() / 3;
    const short = (first > 0 && view.top - firstBox.top < margin) || (last < this.full.lineCount && lastBox.bottom - view.bottom < margin);
    if (!short) return;
    this.measure();
    this.recomputeTops();
    if (firstBox.top < view.bottom && lastBox.bottom > view.top) {
      // The viewport still shows part of the window: keep its top line where it is on screen.
      let low = 0;
      let high = children.length - 1;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (children[mid].getBoundingClientRect().bottom <= view.top) low = mid + 1;
        else high = mid;
      }
      const line = first + low;
      const screenTop = children[low].getBoundingClientRect().top;
      this.moveAround(line, view.top - screenTop);
      this.keepOnScreen(line, screenTop);
    } else {
      // A jump (the scroll bar dragged far): the line the estimates put at the viewport's top.
      const contentTop = dom.getBoundingClientRect().top + (this.basePadding?.top ?? 0);
      this.moveAround(this.lineAt(view.top - contentTop), 0);
    }
  }

  /// Scrolls so that `line` is at `screenTop` again (after the window moved).
  private keepOnScreen(line: number, screenTop: number): void {
    const child = this.view.dom.children[line - this.positions.first];
    if (!child || !this.scroller) return;
    const delta = child.getBoundingClientRect().top - screenTop;
    if (Math.abs(delta) >= 0.5) this.scroller.scrollTop += delta;
  }

  /// The browser selection in the view as text offsets (anchor, focus), or null: a collapsed one
  /// counts while a button is held down (a drag may be starting from it).
  private selectionOffsets(): { anchor: number; focus: number } | null {
    const dom = domSelectionIn(this.view.dom, this.pointerDown);
    if (!dom) return null;
    const anchor = this.positions.toOffset(this.view.posAtDOM(dom.anchor[0], dom.anchor[1]));
    const focus = this.positions.toOffset(this.view.posAtDOM(dom.focus[0], dom.focus[1]));
    return { anchor, focus };
  }

  /// Shows the window around a viewport whose top is `above` pixels below the top of `line`;
  /// with a selection to keep, the window grows to it instead of moving.
  private moveAround(line: number, above: number, keepSelection = true): void {
    const overscan = this.overscan();
    const height = this.scroller?.clientHeight ?? 800;
    const top = this.tops[line] + above;
    let first = this.lineAt(top - overscan);
    let last = Math.max(line + 1, this.lineAt(top + height + overscan) + 1);
    let selected = keepSelection ? this.selectionOffsets() : null;
    if (selected) {
      const current = this.positions;
      const selectedFirst = this.full.lineOf(Math.min(selected.anchor, selected.focus));
      const selectedLast = this.full.lineOf(Math.max(selected.anchor, selected.focus)) + 1;
      const withFirst = Math.min(first, current.first, selectedFirst);
      const withLast = Math.max(last, current.last, selectedLast);
      const { lineStarts } = this.full;
      // Kept while a drag may be extending it, or while the viewport still shows part of it.
      const inView = selectedFirst < last && selectedLast > first;
      if ((this.pointerDown || inView) && (lineStarts[withLast] ?? this.full.text.length) - lineStarts[withFirst] <= MAX_SELECTION_WINDOW_CHARS) {
        first = withFirst;
        last = withLast;
      } else {
        selected = null;
      }
    }
    this.show(this.full.window(first, last), selected);
  }

  /// Replaces the document with the window `next` (one transaction; highlights redrawn for it),
  /// which holds `selected` when given.
  private show(next: WindowPositions, selected: { anchor: number; focus: number } | null): void {
    const current = this.positions;
    if (next.first === current.first && next.last === current.last) return;
    const { state } = this.view;
    // The same node objects for the lines both windows hold: ProseMirror then matches them
    // (from either end) to the DOM it drew for them.
    const nodes: ProseMirrorNode[] = [];
    for (let line = next.first; line < next.last; line++) {
      const kept = line >= current.first && line < current.last;
      nodes.push(kept ? state.doc.child(line - current.first) : state.schema.nodeFromJSON(lineContent(next.full.lineText(line))));
    }
    const tr = state.tr.replaceWith(0, state.doc.content.size, Fragment.from(nodes));
    tr.setMeta(highlightsKey, { type: 'window', positions: next });
    tr.setMeta('addToHistory', false);
    const at = (offset: number) => next.toPosition(Math.min(Math.max(offset, next.start), next.end))!;
    tr.setSelection(selected ? TextSelection.create(tr.doc, at(selected.anchor), at(selected.focus)) : TextSelection.create(tr.doc, 1));
    this.moving = true;
    try {
      this.positions = next;
      this.view.dispatch(tr);
      this.setPadding();
    } finally {
      this.moving = false;
    }
  }

  /// Makes sure the window holds `span` (moving it around the span's first line if not); true
  /// when it moved.
  bringIntoWindow(span: TextSpan): boolean {
    if (this.positions.contains(span)) return false;
    this.measure();
    this.recomputeTops();
    const line = this.full.lineOf(span.start);
    const height = this.scroller?.clientHeight ?? 800;
    this.moveAround(line, -height / 2, false);
    if (!this.positions.contains(span)) this.show(this.full.window(Math.min(this.positions.first, this.full.lineOf(span.start)), this.full.lineOf(span.end) + 1), null);
    return true;
  }
}
