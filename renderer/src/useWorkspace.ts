/// The workspace as the app shows it: its info (labels, annotator) and the library list, loaded
/// once and refreshed on demand.
import { useCallback, useEffect, useState } from 'react';
import type { ListedDocument, WorkspaceInfo } from '../../preload/api';
import { workbench } from './api';
import { errorMessage } from './format';
import type { NewMessage } from './Messages';


/// Workspace info and documents, with setters and a library refresh.
export function useWorkspace(say: (message: NewMessage) => void) {
  const [info, setInfo] = useState<WorkspaceInfo | null>(null);
  const [documents, setDocuments] = useState<ListedDocument[] | null>(null);

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

  return { info, setInfo, documents, refreshLibrary };
}
