/// The workspace as the app shows it: its info (labels, annotator), loaded once, and two versions:
/// the library's, which changes whenever the library should be read again (the library reads its
/// own pages, see library/Library.tsx), and the workspace's, which changes when it was changed
/// underneath the app (an exchange import, a restore, another program's writes). Notices the store
/// adds later (another program wrote to the workspace while this one was paused, a failed backup)
/// are looked for now and then and shown.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorkspaceInfo } from '../../preload/api';
import { workbench } from './api';
import { errorMessage } from './format';
import type { NewMessage } from './Messages';

/// How often the store is asked for notices added since the last look.
const NOTICE_POLL_MS = 15_000;

/// Workspace info with its setter, the versions, and what gives each a new one.
export function useWorkspace(say: (message: NewMessage) => void) {
  const [info, setInfo] = useState<WorkspaceInfo | null>(null);
  const [libraryVersion, setLibraryVersion] = useState(0);
  const [workspaceVersion, setWorkspaceVersion] = useState(0);
  /// How many of the store's notices were shown; null until the workspace's info first arrives.
  const noticesShown = useRef<number | null>(null);

  /// The library changed (counts saved, articles imported).
  const refreshLibrary = useCallback(() => setLibraryVersion((v) => v + 1), []);
  /// The workspace changed underneath: the library, and what the app holds of open documents.
  const workspaceChanged = useCallback(() => {
    setLibraryVersion((v) => v + 1);
    setWorkspaceVersion((v) => v + 1);
  }, []);

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
          workspaceChanged();
        },
        () => undefined, // an unreachable service is reported by the saves and loads that need it
      );
    const timer = setInterval(look, NOTICE_POLL_MS);
    window.addEventListener('focus', look);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', look);
    };
  }, [say, workspaceChanged]);

  return { info, setInfo, libraryVersion, refreshLibrary, workspaceVersion, workspaceChanged };
}
