/// The benchmark page of the real renderer: the app's `DocumentView` (TipTap, the highlight
/// plugin, the app's styles) inside a pane, fed by the app's own `WorkbenchStore` over an
/// in-memory stand-in for the service. Only the data source differs from the app: a tag goes
/// through `store.tag` (optimistic insert, selection, queued save) exactly as a key press does,
/// and the pane derives its highlight look from the store the way `DocumentPane` and `App` do.
import { StrictMode, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { Annotation, NewAnnotation, OpenDocument, WorkbenchApi } from '../../preload/api';
import type { HighlightLook } from '../../renderer/src/editor/annotationHighlights';
import type { DocumentViewHandle } from '../../renderer/src/editor/DocumentView';
import { DocumentView, preloadEditorsWhenIdle } from '../../renderer/src/editor/lazyEditors';
import { linkedAnnotations, sameThingAnnotations } from '../../renderer/src/state/selectors';
import { WorkbenchStore } from '../../renderer/src/state/workbenchStore';
import { EmptyState } from '../../renderer/src/EmptyState';
import '../../renderer/src/styles.css';
import './benchLayout.css';
import { BENCH_VERSION, highlightOf, installBench, isInView, untilRendered, type BenchSpan } from './benchWindow';

const DOC_ID = `sha256:${'0'.repeat(64)}`;
const ME = 'bench';
const CREATED = '2016-12-13T12:00:00.000Z';
/// The default labels of a new workspace (main/core/model.ts DEFAULT_LABELS), as the app's
/// `labelLook` holds them.
const LABELS: HighlightLook['labels'] = new Map([
  ['actor', { name: 'Actor', color: '#2f6fdf' }],
  ['location', { name: 'Location', color: '#1f9d6b' }],
  ['figure', { name: 'Figure', color: '#d9822b' }],
  ['quote', { name: 'Quote', color: '#a454c9' }],
]);
const BASE_LOOK = { labels: LABELS, me: ME, showOthers: true };
const NO_MATCHES: ReadonlySet<string> = new Set();

/// The document the stand-in service serves, and the saves it has not acknowledged yet.
interface Session {
  store: WorkbenchStore;
  open: OpenDocument;
  acks: (() => void)[];
  nextId: string;
  handle: DocumentViewHandle | null;
}

let session: Session | null = null;
let loads = 0;

/// The page's React root, created and showing the app's empty reading area when the page loads,
/// as the app is running before a document is opened (only opening the document is timed).
const root: Root = (() => {
  const container = document.getElementById('root');
  if (!container) throw new Error('no #root');
  return createRoot(container);
})();
root.render(<BenchReadingArea loaded={null} />);
// As the app's entry does after its first render.
preloadEditorsWhenIdle();

function annotationOf(span: BenchSpan): Annotation {
  return { ...span, docId: DOC_ID, annotator: ME, createdAt: CREATED, updatedAt: CREATED, origin: 'manual' };
}

/// The service as the store sees it: `documents.open` and `annotations.create` (acknowledged by
/// the bench once the new highlight is on screen, as a save to disk would be later still).
function standInService(get: () => Session): WorkbenchApi {
  const service = {
    documents: { open: async () => get().open },
    annotations: {
      // The service's copy of the new annotation (a clone, as after IPC or HTTP).
      create: (input: NewAnnotation) =>
        new Promise<Annotation>((resolve, reject) => {
          const s = get();
          const shown = s.store.doc(input.docId)?.annotations.get(input.id ?? '');
          if (shown) s.acks.push(() => resolve(structuredClone(shown)));
          else reject(new Error(`no annotation ${input.id} to save`));
        }),
    },
  };
  return service as unknown as WorkbenchApi;
}

/// The same set object as last time when the members did not change (as `DocumentPane` does).
function useStableSet(next: ReadonlySet<string>): ReadonlySet<string> {
  const previous = useRef(next);
  const same = previous.current.size === next.size && [...next].every((id) => previous.current.has(id));
  if (!same) previous.current = next;
  return previous.current;
}

/// One pane showing the document, its look derived from the store as `App` + `DocumentPane` do.
function BenchPane({ store, onHandle }: { store: WorkbenchStore; onHandle(handle: DocumentViewHandle | null): void }) {
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  useEffect(() => void store.open(DOC_ID), [store]);
  const load = snapshot.docs.get(DOC_ID);
  const doc = load?.status === 'ready' ? load.doc : undefined;
  const selected = snapshot.selected;
  const selectedAnnotation = (selected && doc?.annotations.get(selected.id)) ?? null;
  const matches = useMemo(() => sameThingAnnotations(snapshot.docs, selectedAnnotation, () => false), [snapshot.docs, selectedAnnotation]);
  const selectedId = selected?.docId === DOC_ID ? selected.id : null;
  const related = useStableSet(useMemo(() => (doc ? linkedAnnotations(doc, selectedId) : new Set<string>()), [doc, selectedId]));
  const matchIds = useStableSet(matches.get(DOC_ID) ?? NO_MATCHES);
  const look = useMemo<HighlightLook>(() => ({ ...BASE_LOOK, selectedId, matchIds, relatedIds: related }), [selectedId, matchIds, related]);
  return (
    <section className="pane is-focused" data-testid="document-pane" data-doc-id={DOC_ID}>
      <div className="pane-scroll" tabIndex={0}>
        {doc && <DocumentView text={doc.document.text} label={doc.document.title} annotations={doc.annotations} look={look} onHandle={onHandle} />}
      </div>
    </section>
  );
}

/// The reading area: the app's empty state until a document is loaded, then its pane.
function BenchReadingArea({ loaded }: { loaded: Session | null }) {
  return (
    <StrictMode>
      <main className="reading-area" data-pane-count={loaded ? 1 : 0}>
        {loaded ? <BenchPane key={loads} store={loaded.store} onHandle={(handle) => (loaded.handle = handle)} /> : <EmptyState />}
      </main>
    </StrictMode>
  );
}

function current(): Session {
  if (!session) throw new Error('call benchLoad first');
  return session;
}

function viewRoot(): Element | null {
  return document.querySelector('[data-testid="document-view"]');
}

function scroller(): Element {
  const element = document.querySelector('.pane-scroll');
  if (!element) throw new Error('no pane');
  return element;
}

async function benchLoad(text: string, annotations: BenchSpan[]): Promise<void> {
  const first = annotations[0];
  const open: OpenDocument = {
    document: { id: DOC_ID, title: text.split('\n', 1)[0].slice(0, 120), sourceName: 'bench.txt', text, importedAt: CREATED, meta: {} },
    annotations: annotations.map(annotationOf),
    relations: [],
  };
  const store = new WorkbenchStore(
    standInService(current),
    () => CREATED,
    () => current().nextId,
  );
  store.setAnnotator(ME);
  const s: Session = { store, open, acks: [], nextId: '', handle: null };
  session = s;
  loads += 1;
  // Rendered at once, as React renders the app's response to the click or key that opens a
  // document (a discrete event), rather than in a later task.
  flushSync(() => root.render(<BenchReadingArea loaded={s} />));
  await untilRendered(() => (first ? highlightOf(viewRoot(), first.id) !== null : viewRoot() !== null), 'load');
}

async function benchAdd(annotation: BenchSpan): Promise<void> {
  const s = current();
  s.nextId = annotation.id;
  if (!s.store.tag(DOC_ID, annotation.label, annotation.start, annotation.end)) throw new Error(`cannot tag ${annotation.id}`);
  await untilRendered(() => highlightOf(viewRoot(), annotation.id) !== null, `add ${annotation.id}`);
  // The save is acknowledged after the highlight is on screen (the store then adopts the
  // service's copy), outside the time of this call.
  const acks = s.acks.splice(0);
  setTimeout(() => acks.forEach((ack) => ack()), 0);
}

/// Through the view's `reveal` (as j/k do), instantly: a long document's window first moves to
/// the annotation.
async function benchScrollTo(annotation: BenchSpan): Promise<void> {
  const handle = current().handle;
  if (!handle) throw new Error('no view');
  handle.reveal(annotation.id, 'instant');
  await untilRendered(() => {
    const element = highlightOf(viewRoot(), annotation.id);
    return element !== null && isInView(element, scroller());
  }, `scroll to ${annotation.id}`);
}

installBench({
  benchLoad,
  benchAdd,
  benchScrollTo,
  benchIsHighlighted: (id) => highlightOf(viewRoot(), id) !== null,
  benchInfo: { name: 'annotation-workbench: DocumentView + highlight plugin + WorkbenchStore', version: BENCH_VERSION },
});
