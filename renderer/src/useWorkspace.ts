/// The workspace as the app shows it: its info (labels, annotator) and the library list, loaded
/// once and refreshed on demand; notices the store adds later (another program wrote to the
/// workspace while this one was paused, a failed backup) are looked for now and then and shown.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ListedDocument, WorkspaceInfo } from '../../preload/api';
import { workbench } from './api';
import { errorMessage } from './format';
import type { NewMessage } from './Messages';

/// How often the store is asked for notices added since the last look.
const NOTICE_POLL_MS = 15_000;

/// Workspace info and documents, with setters and a library refresh.
export function useWorkspace(say: (message: NewMessage) => void) {
  const [info, setInfo] = useState<WorkspaceInfo | null>(null);
  const [documents, setDocuments] = useState<ListedDocument[] | null>(null);
  /// How many of the store's notices were shown; null until the workspace's info first arrives.
  const noticesShown = useRef<number | null>(null);

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
        noticesShown.current = workspace.notices.length;
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

  useEffect(() => {
    const look = () =>
      void workbench.workspace.info().then(
        (workspace) => {
          // The store only appends notices; the first look (above) shows those of the opening.
          const shown = noticesShown.current;
          if (shown === null || workspace.notices.length <= shown) return;
          say({ kind: 'notices', notices: workspace.notices.slice(shown) });
          noticesShown.current = workspace.notices.length;
          void refreshLibrary();
        },
        () => undefined, // an unreachable service is reported by the saves and loads that need it
      );
    const timer = setInterval(look, NOTICE_POLL_MS);
    window.addEventListener('focus', look);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', look);
    };
  }, [say, refreshLibrary]);

  return { info, setInfo, documents, refreshLibrary };
}
