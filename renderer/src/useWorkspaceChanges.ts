/// What the app does when the workspace changes underneath it: after an exchange import or a
/// restore it re-reads the workspace info (labels, annotators), the library and every open
/// document, and says what happened; a document repaired from a backup on opening is announced.
import { useCallback, useEffect, useRef } from 'react';
import type { BackupInfo, ExchangeImportReport, WorkspaceInfo } from '../../preload/api';
import { workbench } from './api';
import { errorMessage, oneLine } from './format';
import type { NewMessage } from './Messages';
import { formatBackupTime, onRepairNotice, withLocalTimes } from './repairNotices';
import { store } from './state/useWorkbench';

/// What {@link useWorkspaceChanges} needs from the app.
export interface WorkspaceChangeDeps {
  say(message: NewMessage): void;
  setInfo(info: WorkspaceInfo): void;
  /// Reads the library and the open documents' summaries again.
  workspaceChanged(): void;
  /// The title of an open document as known so far, to name a repaired one.
  titleOf(docId: string): string | undefined;
}

/// Handlers for an imported exchange file and a restored backup.
export function useWorkspaceChanges({ say, setInfo, workspaceChanged, titleOf }: WorkspaceChangeDeps) {
  const latestTitleOf = useRef(titleOf);
  latestTitleOf.current = titleOf;
  useEffect(
    () =>
      onRepairNotice((docId, notice) => {
        const title = latestTitleOf.current(docId)?.trim();
        say({
          kind: 'note',
          tone: 'warn',
          testId: 'repair-notice',
          title: title ? `Repaired from a backup: “${oneLine(title, 60)}”` : 'A damaged document was repaired from a backup',
          text: withLocalTimes(notice),
        });
      }),
    [say],
  );

  const reloadAll = useCallback(
    async (forgetUndo: boolean) => {
      store.reloadOpen(forgetUndo);
      workspaceChanged();
      try {
        setInfo(await workbench.workspace.info());
      } catch (error) {
        say({ kind: 'error', title: 'Could not read the workspace', text: errorMessage(error) });
      }
    },
    [say, setInfo, workspaceChanged],
  );

  const exchangeImported = useCallback(
    (report: ExchangeImportReport) => {
      say({ kind: 'exchange', report });
      void reloadAll(false);
    },
    [say, reloadAll],
  );

  const restored = useCallback(
    (backup: BackupInfo, safety: BackupInfo) => {
      store.select(null);
      void reloadAll(true);
      say({
        kind: 'note',
        tone: 'ok',
        testId: 'restore-report',
        title: 'Backup restored',
        text: `Restored the backup of ${formatBackupTime(backup.createdAt)}; the previous state is kept as backup ${safety.name}. Restore that one to undo this.`,
      });
    },
    [say, reloadAll],
  );

  return { exchangeImported, restored };
}
