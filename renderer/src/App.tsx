/// The application shell: the header (layout/WorkbenchHeader), the library sidebar, the
/// annotate bar over up to three document panes side by side, and the inspector with the
/// annotation list of the focused document.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentDetails, DocumentStatus, ListedDocument, ImportReport, Label, LibraryRow } from '../../preload/api';
import { workbench } from './api';
import { errorMessage } from './format';
import { AnnotateBar } from './AnnotateBar';
import { AnnotationList } from './inspector/AnnotationList';
import { BackupsDialog } from './BackupsDialog';
import { DocumentPane } from './DocumentPane';
import { DeleteDocumentDialog, deletedMessage } from './dialogs/DeleteDocumentDialog';
import { DocumentDetailsDialog } from './dialogs/DocumentDetailsDialog';
import { EmptyState } from './EmptyState';
import type { DocumentViewHandle } from './editor/DocumentView';
import type { TextSpan } from './editor/textPositions';
import { ExportDialog } from './export/ExportDialog';
import { FileDropTarget } from './import/FileDropTarget';
import { AnnotationImportDialog } from './import/AnnotationImportDialog';
import { ImportUrlDialog } from './import/ImportUrlDialog';
import { useFileImport } from './import/useFileImport';
import { Inspector } from './inspector/Inspector';
import { LabelEditor } from './LabelEditor';
import { Library } from './library/Library';
import { Messages, type Message, type NewMessage } from './Messages';
import type { OpenViews } from './openViews';
import { closePane, focusPane, NO_PANES, openBeside, openInFocused, type PaneState } from './panes';
import { ReviewMode } from './review/ReviewMode';
import { CompareMode } from './compare/CompareMode';
import type { SpanAt } from '../../preload/api';
import { SelectionToolbar } from './SelectionToolbar';
import { TagAllHost } from './tagAll/TagAllHost';
import { ACTOR_LABEL, LINK_OF_LABEL, pickingPrompt } from './inspector/LinkField';
import { ExtendOffer } from './ExtendOffer';
import { EntitiesDialog } from './entities/EntitiesDialog';
import { useEntityList } from './entities/entityList';
import { annotationsBy, labelCounts, type DocState } from './state/documentState';
import { annotationToSelect, annotatorsOf, sameThingAnnotations, type AnnotationFilter } from './state/selectors';
import { guardUnsavedChanges } from './state/unsavedChangesGuard';
import { entityList, store, useWorkbench } from './state/useWorkbench';
import { useAnnotationKeys } from './useAnnotationKeys';
import { SuggestionsControl } from './suggestions/SuggestionsControl';
import { useSuggestionKeys } from './suggestions/useSuggestionKeys';
import { suggestions } from './suggestions/useSuggestions';
import { useBoundaryKeys } from './useBoundaryKeys';
import { useFindBar } from './useFindBar';
import { useSpanToSelect } from './useSpanToSelect';
import { useWorkspace } from './useWorkspace';
import { useWorkspaceChanges } from './useWorkspaceChanges';
import { useColleagueTagNotices } from './useColleagueTagNotices';
import { UndoToast } from './UndoControls';
import { usePaneDocuments } from './usePaneDocuments';
import { AnnotatorDialog } from './dialogs/AnnotatorDialog';
import { useSessionRestore } from './state/useSessionRestore';
import { PaneLayout } from './document/PaneLayout';
import { PanelToggle } from './layout/PanelToggle';
import { WorkbenchHeader, type HeaderDialog, type WorkbenchMode } from './layout/WorkbenchHeader';
import { PANEL_IDS, useSidePanels } from './layout/useSidePanels';

const NO_MATCHES: ReadonlySet<string> = new Set();

/// The whole UI.
export function App() {
  const [panes, setPanes] = useState<PaneState>(NO_PANES);
  const [messages, setMessages] = useState<Message[]>([]);
  const [showOthers, setShowOthers] = useState(true);
  const [listFilter, setListFilter] = useState({ labels: new Set<string>() as ReadonlySet<string>, annotator: '' });
  const [picking, setPicking] = useState(false);
  const [editingLabels, setEditingLabels] = useState(false);
  // Review and Compare take the place of the reading area; Compare stays mounted once opened, so
  // that coming back from a document opened from it finds it as it was left.
  const [mode, setMode] = useState<WorkbenchMode>('annotate');
  const reviewing = mode === 'review';
  const [compareOpened, setCompareOpened] = useState(false);
  useEffect(() => {
    if (mode === 'compare') setCompareOpened(true);
  }, [mode]);
  const [dialog, setDialog] = useState<HeaderDialog | null>(null);
  const [annotationFiles, setAnnotationFiles] = useState<File[] | null>(null);
  const [detailsOf, setDetailsOf] = useState<{ docId: string; details: DocumentDetails } | null>(null);
  const showDetails = useCallback((docId: string, details: DocumentDetails) => setDetailsOf({ docId, details }), []);
  const showListedDetails = useCallback((doc: ListedDocument) => setDetailsOf({ docId: doc.id, details: { title: doc.title, meta: doc.meta } }), []);
  const [deleting, setDeleting] = useState<{ id: string; title: string } | null>(null);
  const askDelete = useCallback((doc: ListedDocument) => setDeleting(doc), []);
  const views = useRef<OpenViews>(new Map()).current;
  const nextId = useRef(1);
  const snapshot = useWorkbench();

  const say = useCallback((message: NewMessage) => {
    const id = nextId.current++;
    setMessages((ms) => [...ms, { ...message, id } as Message]);
  }, []);
  const dismiss = useCallback((id: number) => setMessages((ms) => ms.filter((m) => m.id !== id)), []);
  const { info, setInfo, libraryVersion, refreshLibrary, workspaceVersion, workspaceChanged } = useWorkspace(say);
  // The panes' summaries follow the library and the annotator too: a status set in the library
  // shows in the pane's header, and each annotator sees their own.
  const paneDocs = usePaneDocuments(panes, setPanes, `${workspaceVersion}:${libraryVersion}:${info?.currentAnnotator ?? ''}`);
  const rememberListed = paneDocs.listed;
  const titleOf = useCallback((docId: string) => paneDocs.known.get(docId)?.title ?? store.doc(docId)?.document.title, [paneDocs.known]);
  const changes = useWorkspaceChanges({ say, setInfo, workspaceChanged, titleOf });

  const me = info?.currentAnnotator ?? '';
  const labels = useMemo(() => info?.labels ?? [], [info]);
  useEffect(() => store.setAnnotator(me), [me]);
  useEffect(() => store.onAllSaved(refreshLibrary), [refreshLibrary]);
  useEffect(() => guardUnsavedChanges(window, store), []);
  useEffect(() => void entityList.refresh(), [workspaceVersion]);
  useEffect(
    () =>
      store.onEntityLinked((ref, entityId) => {
        void entityList.refresh().then(() => {
          const entity = entityList.get(entityId);
          const quote = store.doc(ref.docId)?.annotations.get(ref.id)?.quote ?? '';
          say({
            kind: 'note',
            tone: 'ok',
            testId: 'entity-linked-message',
            title: `Linked to ${entity?.name ?? 'an entity'}`,
            text: `“${quote}” is a name of this entity, so the new tag was linked to it.`,
            action: { label: 'Unlink', testId: 'undo-entity-link', run: () => store.change(ref, { entityId: null }) },
          });
        });
      }),
    [say],
  );

  useEffect(() => suggestions.onProblem((text) => say({ kind: 'error', title: 'Suggestions', text })), [say]);
  // New or renamed entities and aliases: their mentions are suggested again.
  useEffect(() => entityList.subscribe(() => void suggestions.entitiesChanged(entityList.getSnapshot())), []);
  useEffect(
    () =>
      store.onAlreadyTagged((ref) => {
        const annotation = store.doc(ref.docId)?.annotations.get(ref.id);
        const label = labels.find((l) => l.id === annotation?.label)?.name ?? annotation?.label ?? '';
        say({ kind: 'note', tone: 'ok', testId: 'already-tagged-message', title: 'Already tagged', text: `“${annotation?.quote ?? ''}” is already tagged ${label}: it is selected.` });
      }),
    [say, labels],
  );

  useColleagueTagNotices(labels, say);

  const labelLook = useMemo(() => new Map(labels.map((l) => [l.id, { name: l.name, color: l.color }])), [labels]);
  const baseLook = useMemo(() => ({ labels: labelLook, me, showOthers }), [labelLook, me, showOthers]);
  const filter: AnnotationFilter = useMemo(() => ({ ...listFilter, showOthers, me }), [listFilter, showOthers, me]);

  const readyDocs = useMemo(() => {
    const ready = new Map<string, DocState>();
    for (const [id, load] of snapshot.docs) if (load.status === 'ready') ready.set(id, load.doc);
    return ready;
  }, [snapshot.docs]);
  const selected = snapshot.selected;
  const selectedAnnotation = (selected && readyDocs.get(selected.docId)?.annotations.get(selected.id)) ?? null;
  const entities = useEntityList(entityList);
  const matches = useMemo(() => {
    const known = new Set(entities.map((e) => e.id));
    return sameThingAnnotations(snapshot.docs, selectedAnnotation, (id) => known.has(id));
  }, [snapshot.docs, selectedAnnotation, entities]);
  const linkType = selectedAnnotation ? LINK_OF_LABEL[selectedAnnotation.label] : undefined;
  // Compare reads again after a save and after an entity change (which the save queue does not see).
  const compareVersion = useMemo(() => ({ libraryVersion, entities }), [libraryVersion, entities]);
  const openDocIds = panes.panes.map((p) => p.docId);
  const focusedDocId = panes.panes.find((p) => p.key === panes.focused)?.docId ?? null;
  const listDocId = selected && openDocIds.includes(selected.docId) ? selected.docId : focusedDocId;
  let othersCount = 0;
  for (const id of openDocIds) for (const a of readyDocs.get(id)?.annotations.values() ?? []) if (a.annotator !== me) othersCount += 1;

  useEffect(() => setPicking(false), [selected?.id]);
  useEffect(() => {
    const current = store.getSnapshot().selected;
    if (!current || snapshot.revealCount === 0) return;
    const frame = requestAnimationFrame(() => views.get(current.docId)?.reveal(current.id));
    return () => cancelAnimationFrame(frame);
  }, [snapshot.revealCount, views]);

  const onAnnotationClick = useCallback(
    (docId: string, ids: string[]) => {
      const doc = store.doc(docId);
      const current = store.getSnapshot().selected;
      if (!doc) return;
      if (picking) {
        const actor = ids.map((id) => doc.annotations.get(id)).find((a) => a?.label === ACTOR_LABEL);
        const type = current && LINK_OF_LABEL[doc.annotations.get(current.id)?.label ?? ''];
        if (actor && type && current?.docId === docId) {
          store.setLink(docId, type, current.id, actor.id);
          setPicking(false);
        }
        return;
      }
      const id = annotationToSelect(doc, ids, current?.docId === docId ? current.id : null, me);
      store.select(id ? { docId, id } : null);
    },
    [picking, me],
  );
  const { selectWhenShown, viewShown } = useSpanToSelect(views);
  const restoreScroll = useSessionRestore({ workspacePath: info?.path ?? null, panes, setPanes, views, remember: rememberListed });
  const onHandle = useCallback(
    (docId: string, handle: DocumentViewHandle | null) => {
      if (!handle) return void views.delete(docId);
      views.set(docId, handle);
      restoreScroll(docId, handle);
      viewShown(docId, handle);
    },
    [views, viewShown, restoreScroll],
  );

  useAnnotationKeys({ labels, views, focusedDocId, filter, pickingSpeaker: picking, cancelPicking: () => setPicking(false), enabled: mode === 'annotate' });
  useSuggestionKeys({ labels, views, focusedDocId, enabled: mode === 'annotate' && !picking });
  useBoundaryKeys({ me, enabled: mode === 'annotate', say });
  const findBar = useFindBar(mode === 'annotate', panes.focused);
  const panels = useSidePanels({ enabled: mode === 'annotate', labels });

  const open = useCallback(
    (docId: string, beside: boolean, at?: TextSpan, listed?: LibraryRow, annotationId?: string) => {
      const key = `pane-${nextId.current++}`;
      if (listed) rememberListed(listed);
      setPanes((state) => (beside ? openBeside : openInFocused)(state, docId, key));
      selectWhenShown(docId, at ?? null, annotationId);
    },
    [selectWhenShown, rememberListed],
  );
  const { openedFromLibrary } = panels;
  const openFromLibrary = useCallback(
    (docId: string, beside: boolean, at?: TextSpan, listed?: LibraryRow) => void (open(docId, beside, at, listed), openedFromLibrary(beside)),
    [open, openedFromLibrary],
  );
  // A Compare row: its document in the focused pane (or the pane already showing it), the
  // annotation selected.
  const openFromCompare = useCallback(
    (at: SpanAt, annotationId: string) => {
      setMode('annotate');
      const span = { start: at.start, end: at.end };
      const shownIn = panes.panes.find((p) => p.docId === at.documentId);
      if (shownIn) {
        setPanes((s) => focusPane(s, shownIn.key));
        selectWhenShown(at.documentId, span, annotationId);
      } else open(at.documentId, false, span, undefined, annotationId);
    },
    [open, panes, selectWhenShown],
  );
  const close = (key: string, docId: string) => {
    if (store.getSnapshot().selected?.docId === docId) store.select(null);
    setPanes((s) => closePane(s, key));
  };
  const onImported = useCallback(
    (report: ImportReport) => {
      say({ kind: 'import', report });
      refreshLibrary();
    },
    [say, refreshLibrary],
  );
  const { importFiles, progress: importProgress } = useFileImport({
    onImported,
    onExchangeImported: changes.exchangeImported,
    onFailed: (text) => say({ kind: 'error', title: 'Import failed', text }),
    // Files given while the dialog is open join the ones it lists.
    onAnnotationFiles: (files) => setAnnotationFiles((open) => [...(open ?? []), ...files]),
  });

  // The library shows the live counts of open documents, the service's for the others.
  const liveCounts = useMemo(() => new Map([...readyDocs].map(([id, doc]) => [id, { counts: labelCounts(doc), mine: annotationsBy(doc, me) }])), [readyDocs, me]);
  const statusFailed = useCallback((text: string) => say({ kind: 'error', title: 'Status not saved', text }), [say]);
  const setPaneStatus = useCallback(
    (docId: string, status: DocumentStatus): Promise<boolean> =>
      workbench.documents.setStatus(docId, status).then(
        () => (refreshLibrary(), true),
        (error: unknown) => {
          statusFailed(`Could not set your status of “${titleOf(docId)?.trim() || 'Untitled'}”: ${errorMessage(error)}`);
          return false;
        },
      ),
    [refreshLibrary, statusFailed, titleOf],
  );
  const openPanes = useMemo(() => new Map(panes.panes.map((p, i) => [p.docId, i + 1])), [panes]);
  const hasPanes = panes.panes.length > 0;

  return (
    <div className="app">
      <WorkbenchHeader
        info={info}
        me={me}
        mode={mode}
        onToggleMode={(next) => setMode((m) => (m === next ? 'annotate' : next))}
        onDialog={setDialog}
        onAnnotatorChanged={setInfo}
        onAnnotatorFailed={(text) => say({ kind: 'error', title: 'Could not change the annotator', text })}
        importFiles={importFiles}
        importProgress={importProgress}
      />
      {reviewing && info && (
        <ReviewMode me={me} labels={labels} libraryVersion={libraryVersion} onLeave={refreshLibrary} onError={(title, text) => say({ kind: 'error', title, text })} />
      )}
      {compareOpened && info && <CompareMode labels={labels} shown={mode === 'compare'} version={compareVersion} onOpen={openFromCompare} />}
      <div className="app-body" hidden={mode !== 'annotate'}>
        <div className={panels.drawer.library ? 'library-slot is-drawer' : 'library-slot'} id={PANEL_IDS.library} hidden={!panels.open.library} onKeyDown={(e) => panels.closeOnEscape('library', e)}>
          <Library version={libraryVersion} labels={labels} me={me} liveCounts={liveCounts} openPanes={openPanes} onOpen={openFromLibrary} onRetry={refreshLibrary} onDetails={showListedDetails} onDelete={askDelete} onStatusSaved={refreshLibrary} onStatusFailed={statusFailed} />
        </div>
        <div className="work-column">
          <AnnotateBar
            labels={labels}
            views={views}
            showOthers={showOthers}
            othersCount={othersCount}
            onShowOthersChange={setShowOthers}
            onEditLabels={() => setEditingLabels(true)}
            suggestions={hasPanes && <SuggestionsControl labels={labels} focusedDocId={focusedDocId} />}
            focusedDocId={focusedDocId}
            start={<PanelToggle panel="library" control={panels} />}
            end={hasPanes && <PanelToggle panel="inspector" control={panels} />}
          />
          <PaneLayout
            panes={panes.panes}
            focused={panes.focused}
            titleOf={titleOf}
            onFocusPane={(key) => setPanes((s) => focusPane(s, key))}
            empty={<EmptyState />}
            renderPane={(pane, index, slot) => (
              <DocumentPane
                key={pane.key}
                slot={slot}
                docId={pane.docId}
                summary={paneDocs.known.get(pane.docId)}
                position={index + 1}
                focused={pane.key === panes.focused}
                labels={labels}
                look={baseLook}
                matchIds={matches.get(pane.docId) ?? NO_MATCHES}
                pickingPrompt={picking && linkType && selected?.docId === pane.docId ? pickingPrompt(linkType) : null}
                onFocus={() => setPanes((s) => focusPane(s, pane.key))}
                onClose={() => close(pane.key, pane.docId)}
                onDetails={showDetails}
                onSetStatus={setPaneStatus}
                onAnnotationClick={onAnnotationClick}
                onHandle={onHandle}
                find={findBar.forPane(pane.key)}
              />
            )}
          />
        </div>
        {hasPanes && (
          <aside
            className={panels.drawer.inspector ? 'side-panel is-drawer' : 'side-panel'}
            id={PANEL_IDS.inspector}
            hidden={!panels.open.inspector}
            aria-label="Inspector"
            // While the speaker is being picked, Esc stops that (the annotation keys) and nothing else.
            onKeyDown={(e) => !picking && panels.closeOnEscape('inspector', e)}
          >
            <Inspector labels={labels} me={me} picking={picking} onPickingChange={setPicking} onError={(title, text) => say({ kind: 'error', title, text })} />
            <AnnotationList
              doc={listDocId ? readyDocs.get(listDocId) : undefined}
              labels={labels}
              filter={filter}
              annotators={annotatorsOf(readyDocs.values(), me)}
              onFilterChange={(f) => setListFilter({ labels: f.labels, annotator: f.annotator })}
            />
          </aside>
        )}
      </div>
      <SelectionToolbar labels={labels} views={views} />
      <ExtendOffer />
      <TagAllHost labels={labels} views={views} openDocIds={openDocIds} enabled={mode === 'annotate'} say={say} onChanged={refreshLibrary} />
      {editingLabels && info && (
        <LabelEditor
          labels={labels}
          onSaved={(saved: Label[]) => setInfo({ ...info, labels: saved })}
          onClose={() => setEditingLabels(false)}
        />
      )}
      {dialog === 'export' && (
        <ExportDialog openDocIds={openDocIds} labels={labels} annotators={[...new Set([...(info?.annotators ?? []), ...annotatorsOf(readyDocs.values(), me)])]} onClose={() => setDialog(null)} />
      )}
      {dialog === 'entities' && <EntitiesDialog labels={labels} onOpen={(docId: string) => { openFromLibrary(docId, false); setDialog(null); }} onClose={() => setDialog(null)} />}
      {dialog === 'backups' && <BackupsDialog onRestored={changes.restored} onClose={() => setDialog(null)} />}
      {annotationFiles && <AnnotationImportDialog files={annotationFiles} onClose={() => setAnnotationFiles(null)} onImported={changes.exchangeImported} />}
      {dialog === 'import-url' && (
        <ImportUrlDialog
          onClose={() => setDialog(null)}
          onImported={(report) => {
            // Only this dialog: the fetch may end after it was closed and another opened.
            setDialog((d) => (d === 'import-url' ? null : d));
            onImported(report);
          }}
        />
      )}
      {detailsOf && (
        <DocumentDetailsDialog
          docId={detailsOf.docId}
          details={detailsOf.details}
          onClose={() => setDetailsOf(null)}
          onSaved={(saved) => {
            store.setDetails(detailsOf.docId, saved);
            refreshLibrary();
            setDetailsOf(null);
          }}
          onDelete={() => {
            setDeleting({ id: detailsOf.docId, title: detailsOf.details.title });
            setDetailsOf(null);
          }}
        />
      )}
      {deleting && (
        <DeleteDocumentDialog
          doc={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={(deletion) => {
            setDeleting(null);
            for (const pane of panes.panes) if (deletion.deleted.some((d) => d.id === pane.docId)) close(pane.key, pane.docId);
            for (const d of deletion.deleted) store.forgetDocument(d.id);
            refreshLibrary();
            say(deletedMessage(deletion, refreshLibrary, say));
          }}
        />
      )}
      {info && <AnnotatorDialog info={info} onConfirmed={setInfo} />}
      <Messages messages={messages} onDismiss={dismiss} />
      <UndoToast labels={labels} titleOf={titleOf} />
      <FileDropTarget importFiles={importFiles} />
    </div>
  );
}
