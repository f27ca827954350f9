/// The read-only TipTap view of one article's text (DESIGN §7), with its annotations drawn as
/// decorations. The text never changes; the editor is created with its highlights already built,
/// and later annotation changes reach the highlight plugin one by one (diffed by object identity,
/// in one transaction per change of props), so a new tag does not redraw the others.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Editor } from '@tiptap/react';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { TextSelection, type Transaction } from '@tiptap/pm/state';
import type { Annotation } from '../../../preload/api';
import { PersistentMap } from '../state/persistentMap';
import {
  highlightsKey,
  seededHighlights,
  type HighlightAction,
  type HighlightLook,
  type HighlightSource,
  type HighlightState,
} from './annotationHighlights';
import { documentContent, windowContent } from './documentContent';
import type { MoveEnd } from './boundaryHandles';
import { DocumentEditor } from './DocumentEditor';
import { DocumentWindow, initialWindow, scrollerOf, WINDOW_THRESHOLD } from './documentWindow';
import { TextPositions, type PositionMap, type TextSpan, type WindowPositions } from './textPositions';
import { MOD } from '../platformKeys';
import { suggestionLayerKey, type SuggestionLayerContent } from './suggestionLayer';
import { useWholeTextSelection } from './wholeTextSelection';
import { HeldSelection } from './heldSelection';

/// What the app can ask of a mounted view.
export interface DocumentViewHandle {
  /// The text span of the browser selection inside this view, or null if it has none.
  selectedSpan(): TextSpan | null;
  /// Where the browser selection is on screen, if it is inside this view.
  selectionRect(): DOMRect | null;
  /// Scrolls an annotation into view (smoothly unless `behavior` says otherwise; a long
  /// document's window first moves to it, once it is set up, and then the scroll is instant).
  reveal(annotationId: string, behavior?: ScrollBehavior): void;
  /// Selects a span of the text (in the browser, so that a label key then tags it, and in the
  /// editor's state) and scrolls it to the middle of the pane; a long document's window first
  /// moves to it (once it is set up, for a view just opened).
  selectSpan(span: TextSpan): void;
  /// Collapses the selection, in the browser and in the editor's state (which would otherwise
  /// put the old selection back on its next redraw), and ends a {@link selectAll}.
  clearSelection(): void;
  /// Selects the whole text for copying, all of it even where only a window is drawn (see
  /// `wholeTextSelection.ts`).
  selectAll(): void;
  /// Scrolls the current suggestion (see `suggestionLayer.ts`) at `span` to the middle of the
  /// pane; a long document's window first moves to it.
  revealSuggestion(span: TextSpan): void;
  /// The span of text the pane shows now (from the first line at its top to the last at its
  /// bottom), or null before it is laid out.
  visibleSpan(): TextSpan | null;
  /// Scrolls so that the line holding text offset `offset` is at the top of the pane (what
  /// {@link visibleSpan} starts with); a long document's window first moves to it.
  scrollToOffset(offset: number): void;
}

/// Props of {@link DocumentView}.
export interface DocumentViewProps {
  /// The normalised text of the article; it never changes for a given document.
  text: string;
  /// Accessible name of the view, usually the article's title.
  label: string;
  annotations?: ReadonlyMap<string, Annotation>;
  look?: HighlightLook;
  /// A click (not a drag) on highlighted text: the ids of the annotations under the pointer.
  onAnnotationClick?(ids: string[]): void;
  /// Receives the view's handle once mounted, and null when it goes.
  onHandle?(handle: DocumentViewHandle | null): void;
  /// Given, the selected annotation of the current annotator has drag handles on its ends, and
  /// this is told where one was let go.
  onMoveEnd?: MoveEnd;
  /// The suggestion layer's ghosts (none when absent).
  suggestions?: SuggestionLayerContent;
}

/// The part of the browser selection that lies inside `root`, or null.
function selectionRangeIn(root: Element): Range | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(root)) return null;
  const clipped = range.cloneRange();
  if (!root.contains(clipped.startContainer)) clipped.setStart(root, 0);
  if (!root.contains(clipped.endContainer)) clipped.setEnd(root, root.childNodes.length);
  return clipped.collapsed ? null : clipped;
}

interface Synced extends HighlightSource {
  editor: Editor;
}

/// Sends the changes of `annotations` and `look` since the editor last showed them, as one
/// transaction (one redraw). A new editor starts from what it was seeded with at creation.
function useHighlightSync(editor: Editor | null, annotations: ReadonlyMap<string, Annotation>, look: HighlightLook | undefined) {
  const synced = useRef<Synced | null>(null);
  useEffect(() => {
    if (!editor || !look || editor.isDestroyed) return;
    const seeded = highlightsKey.getState(editor.state)?.seededFrom;
    const before = synced.current?.editor === editor ? synced.current : seeded ? { editor, ...seeded } : null;
    const actions: HighlightAction[] = [];
    if (!before) {
      actions.push({ type: 'reset', annotations: [...annotations.values()], look });
    } else {
      // Between the store's persistent maps, only the parts that changed are compared. Removals
      // first, so that the tracks they free are there for the new spans whatever the order.
      const upserts: HighlightAction[] = [];
      PersistentMap.forEachChange(before.annotations, annotations, (id, annotation) => {
        if (annotation) upserts.push({ type: 'upsert', annotation });
        else actions.push({ type: 'remove', id });
      });
      actions.push(...upserts);
      if (before.look !== look) actions.push({ type: 'look', look });
    }
    synced.current = { editor, annotations, look };
    if (actions.length) editor.view.dispatch(editor.state.tr.setMeta(highlightsKey, actions));
  }, [editor, annotations, look]);
}

/// The highlight state a new editor starts with: built (once per document) from the latest
/// props, so that the editor's first paint already shows every highlight.
function useHighlightSeed(positions: PositionMap, annotations: ReadonlyMap<string, Annotation>, look: HighlightLook | undefined) {
  const latest = useRef<HighlightSource | null>(null);
  latest.current = look ? { annotations, look } : null;
  return useMemo(() => {
    let built: { doc: ProseMirrorNode; state: HighlightState } | null = null;
    return (doc: ProseMirrorNode): HighlightState => {
      if (built?.doc !== doc) built = { doc, state: seededHighlights(latest.current, doc, positions) };
      return built.state;
    };
  }, [positions]);
}

const NO_ANNOTATIONS: ReadonlyMap<string, Annotation> = new Map();

/// Sends the suggestion layer's content to the editor whenever it changes (or the editor does).
function useSuggestionSync(editor: Editor | null, suggestions: SuggestionLayerContent | undefined) {
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const shown = suggestionLayerKey.getState(editor.state);
    const content = suggestions ?? { suggestions: [], currentKey: null, labels: new Map() };
    if (!shown || (shown.suggestions.length === 0 && content.suggestions.length === 0)) return;
    editor.view.dispatch(editor.state.tr.setMeta(suggestionLayerKey, content));
  }, [editor, suggestions]);
}

/// The window of a long document's view (see `documentWindow.ts`), one per editor; null for a
/// document shown entirely.
function useDocumentWindow(editor: Editor | null, full: TextPositions, firstWindow: WindowPositions | null) {
  const controller = useRef<DocumentWindow | null>(null);
  useEffect(() => {
    if (!editor || editor.isDestroyed || !firstWindow) return;
    // A new editor starts from the first window (its content was built from it).
    const win = new DocumentWindow(editor.view, full, firstWindow);
    controller.current = win;
    return () => {
      win.destroy();
      if (controller.current === win) controller.current = null;
    };
  }, [editor, full, firstWindow]);
  return controller;
}

/// Shows `text` as paragraphs in a read-only editor whose root is `data-testid="document-view"`.
/// A text of {@link WINDOW_THRESHOLD} characters or more is windowed: only the lines near the
/// viewport are in the editor (see `documentWindow.ts`).
export function DocumentView({ text, label, annotations = NO_ANNOTATIONS, look, onAnnotationClick, onHandle, onMoveEnd, suggestions }: DocumentViewProps) {
  const windowed = text.length >= WINDOW_THRESHOLD;
  const positions = useMemo(() => new TextPositions(text), [text]);
  const firstWindow = useMemo(() => (windowed ? initialWindow(positions) : null), [windowed, positions]);
  const content = useMemo(() => (firstWindow ? windowContent(firstWindow) : documentContent(text)), [firstWindow, text]);
  const mapping: PositionMap = firstWindow ?? positions;
  const seed = useHighlightSeed(mapping, annotations, look);
  const latestAnnotations = useRef(annotations);
  latestAnnotations.current = annotations;
  const [editor, setEditor] = useState<Editor | null>(null);
  const latestClick = useRef(onAnnotationClick);
  latestClick.current = onAnnotationClick;
  const onHighlightsClick = useCallback((ids: string[]) => latestClick.current?.(ids), []);
  const latestMoveEnd = useRef(onMoveEnd);
  latestMoveEnd.current = onMoveEnd;
  const movable = onMoveEnd !== undefined;
  const handles = useMemo(() => {
    const moveEnd: MoveEnd = (id, which, offset, raw) => latestMoveEnd.current?.(id, which, offset, raw);
    return movable ? { text, onMoveEnd: moveEnd } : undefined;
  }, [movable, text]);
  useHighlightSync(editor, annotations, look);
  useSuggestionSync(editor, suggestions);
  const [allSelected, setAllSelected] = useWholeTextSelection(text, () => (editor && !editor.isDestroyed ? scrollerOf(editor.view.dom) : null));
  const documentWindow = useDocumentWindow(editor, positions, firstWindow);

  useEffect(() => {
    if (!editor || !onHandle) return;
    const root = () => (editor.isDestroyed ? null : editor.view.dom);
    // A long document's window must know its scroll area before anything is scrolled to.
    const whenWindowReady = (run: () => void) => {
      const win = documentWindow.current;
      if (win) win.whenAttached(run);
      else run();
    };
    const selectedSpan = (): TextSpan | null => {
      const dom = root();
      const range = dom && selectionRangeIn(dom);
      if (!dom || !range) return null;
      const from = editor.view.posAtDOM(range.startContainer, range.startOffset);
      const to = editor.view.posAtDOM(range.endContainer, range.endOffset);
      return (documentWindow.current?.positions ?? mapping).toSpan(from, to);
    };
    // A read-only view leaves the browser selection alone unless it is already inside it, so
    // the browser's is set here, and held (see `heldSelection.ts`).
    const held = new HeldSelection((span) => {
      if (editor.isDestroyed) return false;
      const found = (documentWindow.current?.positions ?? mapping).toPositions(span);
      if (!found) return false;
      const from = editor.view.domAtPos(found.from);
      const to = editor.view.domAtPos(found.to);
      window.getSelection()?.setBaseAndExtent(from.node, from.offset, to.node, to.offset);
      return true;
    }, selectedSpan);
    // A selection of the view's own (the reader's, read from the browser) ends the hold; a window
    // move sets one too, but changes the document with it.
    const restoreHeld = ({ transaction }: { transaction: Transaction }) => (transaction.selectionSet && !transaction.docChanged ? held.release() : held.restore());
    editor.on('transaction', restoreHeld);
    onHandle({
      selectedSpan,
      selectionRect() {
        const dom = root();
        const range = dom && selectionRangeIn(dom);
        return range ? range.getBoundingClientRect() : null;
      },
      selectSpan(span) {
        const select = () => {
          if (editor.isDestroyed) return;
          documentWindow.current?.bringIntoWindow(span);
          const { view } = editor;
          const found = (documentWindow.current?.positions ?? mapping).toPositions(span);
          if (!found) return;
          view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, found.from, found.to)));
          held.hold(span);
          // The match itself in the middle of the pane (its paragraph may be taller than the pane).
          const scroller = scrollerOf(view.dom);
          const selection = window.getSelection();
          const match = selection?.rangeCount ? selection.getRangeAt(0).getBoundingClientRect() : null;
          if (scroller && match) {
            const box = scroller.getBoundingClientRect();
            scroller.scrollTop += (match.top + match.bottom) / 2 - (box.top + box.bottom) / 2;
          }
        };
        whenWindowReady(select);
      },
      clearSelection() {
        held.release();
        setAllSelected(false);
        if (editor.isDestroyed) return;
        const { state } = editor.view;
        if (!state.selection.empty) editor.view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, state.selection.to)));
        const selection = window.getSelection();
        if (selection && selection.rangeCount && editor.view.dom.contains(selection.anchorNode)) selection.removeAllRanges();
      },
      selectAll() {
        held.release();
        const selection = window.getSelection();
        if (selection && selection.rangeCount && !editor.isDestroyed && editor.view.dom.contains(selection.anchorNode)) selection.removeAllRanges();
        setAllSelected(true);
      },
      visibleSpan() {
        if (editor.isDestroyed) return null;
        const { view } = editor;
        const scroller = scrollerOf(view.dom);
        if (!scroller) return null;
        const pane = scroller.getBoundingClientRect();
        const text = view.dom.getBoundingClientRect();
        const top = Math.max(pane.top, text.top) + 2;
        const bottom = Math.min(pane.bottom, text.bottom) - 2;
        if (bottom <= top) return null;
        const first = view.posAtCoords({ left: text.left + 8, top });
        const last = view.posAtCoords({ left: text.right - 8, top: bottom });
        const map = documentWindow.current?.positions ?? mapping;
        return map.toSpan(first?.pos ?? 0, last?.pos ?? map.documentSize);
      },
      scrollToOffset(offset) {
        whenWindowReady(() => {
          if (editor.isDestroyed) return;
          const at = Math.min(Math.max(0, offset), text.length);
          const span = { start: at, end: Math.min(at + 1, text.length) };
          documentWindow.current?.bringIntoWindow(span);
          const found = (documentWindow.current?.positions ?? mapping).toPositions(span);
          const scroller = scrollerOf(editor.view.dom);
          if (!found || !scroller) return;
          scroller.scrollTop += editor.view.coordsAtPos(found.from).top - scroller.getBoundingClientRect().top;
        });
      },
      revealSuggestion(span) {
        whenWindowReady(() => {
          if (editor.isDestroyed) return;
          documentWindow.current?.bringIntoWindow(span);
          const el = root()?.querySelector('.sugg.is-current');
          const scroller = scrollerOf(editor.view.dom);
          if (!el || !scroller) return;
          const box = scroller.getBoundingClientRect();
          const at = el.getBoundingClientRect();
          if (at.top >= box.top + 40 && at.bottom <= box.bottom - 40) return;
          scroller.scrollTop += (at.top + at.bottom) / 2 - (box.top + box.bottom) / 2;
        });
      },
      reveal(annotationId, behavior = 'smooth') {
        const show = () => {
          const annotation = latestAnnotations.current.get(annotationId);
          const moved = annotation && !editor.isDestroyed ? documentWindow.current?.bringIntoWindow(annotation) : false;
          const el = root()?.querySelector(`[data-annotation-id="${CSS.escape(annotationId)}"]`);
          el?.scrollIntoView({ block: 'center', behavior: moved ? 'instant' : behavior });
        };
        whenWindowReady(show);
      },
    });
    return () => {
      editor.off('transaction', restoreHeld);
      held.destroy();
      onHandle(null);
    };
  }, [editor, onHandle, mapping, documentWindow, setAllSelected, text]);

  return (
    <>
      <p className="visually-hidden" role="status">
        {allSelected ? `Whole text selected, ${text.length.toLocaleString('en-US')} characters; ${MOD}C copies it` : ''}
      </p>
      <DocumentEditor content={content} label={label} mapping={mapping} seed={seed} allSelected={allSelected} onEditor={setEditor} onHighlightsClick={onHighlightsClick} handles={handles} />
    </>
  );
}
