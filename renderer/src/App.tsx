/// The application shell: header (workspace, import), the library sidebar and up to three
/// document panes side by side.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentSummary, ImportReport, WorkspaceInfo } from '../../preload/api';
import { workbench } from './api';
import { DocumentPane } from './DocumentPane';
import { errorMessage } from './format';
import { ImportButton } from './ImportButton';
import { Library } from './Library';
import { Messages, type Message } from './Messages';
import { closePane, focusPane, NO_PANES, openBeside, openInFocused, type PaneState } from './panes';

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/// The whole UI.
export function App() {
  const [info, setInfo] = useState<WorkspaceInfo | null>(null);
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [panes, setPanes] = useState<PaneState>(NO_PANES);
  const [messages, setMessages] = useState<Message[]>([]);
  const nextId = useRef(1);

  const say = useCallback((message: WithoutId<Message>) => {
    const id = nextId.current++;
    setMessages((ms) => [...ms, { ...message, id } as Message]);
  }, []);
  const dismiss = useCallback((id: number) => setMessages((ms) => ms.filter((m) => m.id !== id)), []);

  const refreshLibrary = useCallback(async () => {
    try {
      setDocuments(await workbench.documents.list());
    } catch (error) {
      setDocuments((d) => d ?? []);
      say({ kind: 'error', title: 'Could not read the library', text: errorMessage(error) });
    }
  }, [say]);

  useEffect(() => {
    let live = true;
    workbench.workspace.info().then(
      (workspace) => {
        if (!live) return;
        setInfo(workspace);
        if (workspace.notices.length > 0) say({ kind: 'notices', notices: workspace.notices });
      },
      (error: unknown) => live && say({ kind: 'error', title: 'Could not open the workspace', text: errorMessage(error) }),
    );
    workbench.documents.list().then(
      (docs) => live && setDocuments(docs),
      (error: unknown) => {
        if (!live) return;
        setDocuments([]);
        say({ kind: 'error', title: 'Could not read the library', text: errorMessage(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [say]);

  const open = useCallback((docId: string, beside: boolean) => {
    const key = `pane-${nextId.current++}`;
    setPanes((state) => (beside ? openBeside : openInFocused)(state, docId, key));
  }, []);

  const onImported = useCallback(
    (report: ImportReport) => {
      say({ kind: 'import', report });
      void refreshLibrary();
    },
    [say, refreshLibrary],
  );

  const summaries = useMemo(() => new Map((documents ?? []).map((d) => [d.id, d])), [documents]);
  const openPanes = useMemo(() => new Map(panes.panes.map((p, i) => [p.docId, i + 1])), [panes]);

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <h1 className="brand-name">Annotation Workbench</h1>
        </div>
        <div className="workspace-path" data-testid="workspace-path" title={info?.path}>
          {info?.path ?? ''}
        </div>
        <div className="header-actions">
          {info && (
            <span className="annotator" title="Annotations you make are recorded under this name">
              Annotator <strong>{info.currentAnnotator}</strong>
            </span>
          )}
          <ImportButton
            onImported={onImported}
            onFailed={(text) => say({ kind: 'error', title: 'Import failed', text })}
          />
        </div>
      </header>
      <div className="app-body">
        <Library documents={documents} labels={info?.labels ?? []} openPanes={openPanes} onOpen={open} />
        <main className="reading-area" data-pane-count={panes.panes.length}>
          {panes.panes.length === 0 ? (
            <EmptyState />
          ) : (
            panes.panes.map((pane, index) => (
              <DocumentPane
                key={pane.key}
                docId={pane.docId}
                summary={summaries.get(pane.docId)}
                position={index + 1}
                focused={pane.key === panes.focused}
                onFocus={() => setPanes((s) => focusPane(s, pane.key))}
                onClose={() => setPanes((s) => closePane(s, pane.key))}
              />
            ))
          )}
        </main>
      </div>
      <Messages messages={messages} onDismiss={dismiss} />
    </div>
  );
}

function EmptyState() {
  return (
    <div className="empty-state" data-testid="empty-state">
      <div className="empty-illustration" aria-hidden="true">
        <span />
        <span />
        <span />
      </div>
      <p className="empty-title">Select an article in the library to start reading</p>
      <p className="empty-hint">
        Ctrl/⌘+click or “Open beside” to compare up to three articles side by side.
      </p>
    </div>
  );
}
