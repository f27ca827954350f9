/// One document pane: a header (title, source file, per-label counts, your status, details, close) over the article's
/// own scroll area, with the document's annotations drawn in it.
import { useCallback, useEffect, useMemo, useRef, type CSSProperties, type MouseEvent, type RefObject } from 'react';
import type { DocumentDetails, DocumentStatus, Label, LibraryRow } from '../../preload/api';
import type { HighlightLook } from './editor/annotationHighlights';
import type { MoveEnd } from './editor/boundaryHandles';
import type { DocumentViewHandle } from './editor/DocumentView';
import { DocumentView } from './editor/lazyEditors';
import { FindBar } from './FindBar';
import { OutsideMatches } from './document/OutsideMatches';
import { PaneStatus } from './document/PaneStatus';
import { formatInteger, sourceLine } from './format';
import { dragEnd } from './state/boundaryEdits';
import { labelCounts, type DocState } from './state/documentState';
import { linkedAnnotations } from './state/selectors';
import { store, useWorkbench } from './state/useWorkbench';
import type { FindBarRequest } from './useFindBar';
import type { PaneSlot } from './document/PaneLayout';
import { suggestions as suggestionLayer, useSuggestions } from './suggestions/useSuggestions';
import type { SuggestionLayerContent } from './editor/suggestionLayer';

/// Props of {@link DocumentPane}.
export interface DocumentPaneProps {
  docId: string;
  /// What the library knows about the document, shown while it loads.
  summary: LibraryRow | undefined;
  /// 1-based position, left to right.
  position: number;
  focused: boolean;
  labels: readonly Label[];
  /// How highlights look, apart from what depends on this pane's selection.
  look: Omit<HighlightLook, 'selectedId' | 'matchIds' | 'relatedIds'>;
  /// Annotations of this document with the same text as the selected one.
  matchIds: ReadonlySet<string>;
  /// What to click, while a quote or figure of this pane waits for its actor to be clicked.
  pickingPrompt: string | null;
  onFocus(): void;
  onClose(): void;
  /// Opens the document's details form, with the details as the pane knows them.
  onDetails(docId: string, details: DocumentDetails): void;
  /// Sets your status of the document; resolves with whether it was saved.
  onSetStatus(docId: string, status: DocumentStatus): Promise<boolean>;
  /// A click on highlighted text (ids under the pointer, innermost first; empty on plain text).
  onAnnotationClick(docId: string, ids: string[]): void;
  onHandle(docId: string, handle: DocumentViewHandle | null): void;
  /// Shows the find bar at the top of the pane when set.
  find: FindBarRequest | null;
  /// Its place in the reading area (a column, or a tab of the last one).
  slot?: PaneSlot;
}

/// The same set object as last time when the members did not change (keeps decorations still).
function useStableSet(next: ReadonlySet<string>): ReadonlySet<string> {
  const previous = useRef(next);
  const same = previous.current.size === next.size && [...next].every((id) => previous.current.has(id));
  if (!same) previous.current = next;
  return previous.current;
}

/// The suggestion layer of the pane's document: loaded once it is open, the current suggestion
/// scrolled into view when it is stepped to.
function usePaneSuggestions(
  docId: string,
  doc: DocState | undefined,
  labels: HighlightLook['labels'],
  view: RefObject<DocumentViewHandle | null>,
): SuggestionLayerContent | undefined {
  const snapshot = useSuggestions();
  const ready = doc !== undefined;
  useEffect(() => void (ready && suggestionLayer.load(docId)), [docId, ready]);
  const shown = suggestionLayer.shown(docId, doc);
  const current = suggestionLayer.currentIn(docId, doc);
  const currentKey = current?.key ?? null;
  const content = useMemo(() => ({ suggestions: shown, currentKey, labels }), [shown, currentKey, labels]);
  const { revealCount } = snapshot;
  const latestCurrent = useRef(current);
  latestCurrent.current = current;
  useEffect(() => {
    const at = latestCurrent.current;
    if (at) view.current?.revealSuggestion(at);
  }, [revealCount, currentKey, view]);
  return doc ? content : undefined;
}

/// Shows `docId`; `data-testid="document-pane"` with `data-doc-id`.
export function DocumentPane(props: DocumentPaneProps) {
  const { docId, summary, position, focused, labels, look, matchIds, pickingPrompt, onFocus, onClose, onDetails, slot } = props;
  const { docs, selected } = useWorkbench();
  useEffect(() => void store.open(docId), [docId]);
  const load = docs.get(docId) ?? { status: 'loading' as const };
  const doc = load.status === 'ready' ? load.doc : undefined;
  const article = doc?.document;
  const title = (article?.title ?? summary?.title ?? '').trim() || 'Untitled';
  const sourceName = article?.sourceName ?? summary?.sourceName ?? '';
  const characters = article?.text.length ?? summary?.characters;
  const meta = article?.meta ?? summary?.meta;
  const source = meta ? sourceLine(meta) : '';
  const counts = doc ? labelCounts(doc) : (summary?.counts ?? {});

  const selectedId = selected?.docId === docId ? selected.id : null;
  const related = useStableSet(useMemo(() => (doc ? linkedAnnotations(doc, selectedId) : new Set<string>()), [doc, selectedId]));
  const matches = useStableSet(matchIds);
  const fullLook = useMemo<HighlightLook>(
    () => ({ ...look, selectedId, matchIds: matches, relatedIds: related }),
    [look, selectedId, matches, related],
  );
  const { onAnnotationClick, onHandle } = props;
  const onClick = useCallback((ids: string[]) => onAnnotationClick(docId, ids), [onAnnotationClick, docId]);
  const me = look.me;
  const onMoveEnd = useCallback<MoveEnd>((id, which, offset, raw) => void dragEnd(store, { docId, id }, me, which, offset, raw), [docId, me]);
  const view = useRef<DocumentViewHandle | null>(null);
  const onViewHandle = useCallback(
    (handle: DocumentViewHandle | null) => {
      view.current = handle;
      onHandle(docId, handle);
    },
    [onHandle, docId],
  );
  const scrollArea = useRef<HTMLDivElement>(null);
  const marked = useMemo(() => (doc ? [...matches].map((id) => doc.annotations.get(id)).filter((a) => a !== undefined) : []), [doc, matches]);
  const ghosts = usePaneSuggestions(docId, doc, look.labels, view);
  // A click (not a drag) on a ghost makes it the current suggestion: Enter accepts it, x dismisses it.
  const onGhostClick = (e: MouseEvent) => {
    const key = e.target instanceof Element ? e.target.closest('[data-suggestion-key]')?.getAttribute('data-suggestion-key') : null;
    if (key && window.getSelection()?.isCollapsed !== false) suggestionLayer.makeCurrent(docId, key);
  };
  const { find } = props;
  const closeFind = () => {
    find?.close();
    // Back to the text, where the label keys act on the match left selected.
    scrollArea.current?.focus({ preventScroll: true });
  };

  return (
    <section
      className={['pane', focused && 'is-focused', pickingPrompt && 'is-picking'].filter(Boolean).join(' ')}
      data-testid="document-pane"
      data-doc-id={docId}
      data-focused={focused ? 'true' : undefined}
      aria-label={`Pane ${position}: ${title}`}
      id={slot?.id}
      style={slot?.style}
      hidden={slot?.hidden}
      role={slot?.tabId ? 'tabpanel' : undefined}
      onPointerDownCapture={onFocus}
      onFocusCapture={onFocus}
    >
      <header className="pane-header">
        <div className="pane-heading">
          <h2 className="pane-title" title={title}>
            {title}
          </h2>
          <div className="pane-subtitle">
            <PaneStatus title={title} status={summary?.status} onChange={(status) => props.onSetStatus(docId, status)} />
            {source && (
              <span className="pane-outlet" data-testid="pane-outlet">
                {source}
              </span>
            )}
            <span className="pane-source" title={sourceName}>
              {sourceName}
            </span>
            {characters !== undefined && <span className="pane-chars">{formatInteger(characters)} chars</span>}
            <span className="pane-counts" data-testid="pane-counts">
              {labels
                .filter((l) => counts[l.id])
                .map((l) => (
                  <span key={l.id} className="count-chip" style={{ '--chip-color': l.color } as CSSProperties} title={`${l.name}: ${counts[l.id]}`}>
                    {counts[l.id]}
                  </span>
                ))}
            </span>
          </div>
        </div>
        <button
          type="button"
          className="button button-small button-quiet pane-details"
          data-testid="pane-details"
          aria-label={`Details of “${title}”`}
          title="Title, outlet, date, author… of this article"
          disabled={!article}
          onClick={() => article && onDetails(docId, { title: article.title, meta: article.meta })}
        >
          Details
        </button>
        <button
          type="button"
          className="icon-button pane-close"
          data-testid="pane-close"
          aria-label={`Close “${title}”`}
          title="Close pane"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      {find && doc && <FindBar text={doc.document.text} title={title} view={view} focusRequest={find.focusRequest} onClose={closeFind} />}
      {marked.length > 0 && <OutsideMatches matches={marked} view={view} scrollArea={scrollArea} />}
      {pickingPrompt && (
        <div className="pane-banner" role="status">
          {pickingPrompt} · Esc cancels
        </div>
      )}
      <div className="pane-scroll" ref={scrollArea} tabIndex={0} aria-label={`Text of “${title}”`} onClick={onGhostClick}>
        {load.status === 'loading' && <p className="pane-note">Opening…</p>}
        {load.status === 'error' && (
          <p className="pane-note is-error" role="alert">
            Could not open this document: {load.message}
          </p>
        )}
        {doc && (
          <DocumentView
            text={doc.document.text}
            label={title}
            annotations={doc.annotations}
            look={fullLook}
            onAnnotationClick={onClick}
            onHandle={onViewHandle}
            onMoveEnd={onMoveEnd}
            suggestions={ghosts}
          />
        )}
      </div>
    </section>
  );
}
