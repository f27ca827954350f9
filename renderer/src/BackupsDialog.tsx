/// "Restore from backup…": a modal dialog listing the workspace's snapshots (newest first), to
/// pick one, confirm, and restore it with `backups.restore`. The service snapshots the current
/// state first; the app then reloads everything and says which backup holds the previous state.
import { useEffect, useRef, useState } from 'react';
import type { BackupInfo } from '../../preload/api';
import { workbench } from './api';
import { errorMessage, plural } from './format';
import { ModalDialog } from './ModalDialog';
import { formatBackupTime } from './repairNotices';
import { store } from './state/useWorkbench';
import { whenAllSaved } from './workspaceReload';

/// Props of {@link BackupsDialog}.
export interface BackupsDialogProps {
  /// Called after a restore: the backup restored, and the snapshot of the state before it.
  onRestored(restored: BackupInfo, safety: BackupInfo): void;
  onClose(): void;
}

/// "3 minutes ago", "yesterday", … for a backup's time.
export function ago(iso: string, now = Date.now()): string {
  const seconds = Math.round((now - new Date(iso).getTime()) / 1000);
  if (!Number.isFinite(seconds)) return '';
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${plural(minutes, 'minute')} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${plural(hours, 'hour')} ago`;
  const days = Math.round(hours / 24);
  return days === 1 ? 'yesterday' : `${plural(days, 'day')} ago`;
}

/// The dialog, `data-testid="backups-dialog"`.
export function BackupsDialog({ onRestored, onClose }: BackupsDialogProps) {
  const restoreButton = useRef<HTMLButtonElement>(null);
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    workbench.backups.list().then(
      (list) => live && setBackups(list),
      (error: unknown) => {
        if (!live) return;
        setBackups([]);
        setProblem(errorMessage(error));
      },
    );
    return () => {
      live = false;
    };
  }, []);

  const backup = backups?.find((b) => b.name === chosen) ?? null;
  const back = () => {
    setConfirming(false);
    requestAnimationFrame(() => restoreButton.current?.focus());
  };

  async function restore() {
    if (!backup) return;
    setBusy(true);
    setProblem(null);
    try {
      await whenAllSaved(store);
      const safety = await workbench.backups.restore(backup.name);
      onRestored(backup, safety);
      onClose();
    } catch (error) {
      setProblem(errorMessage(error));
      back();
    } finally {
      setBusy(false);
    }
  }

  return (
    <ModalDialog
      title="Restore from backup"
      className="backups-dialog"
      testId="backups-dialog"
      onClose={onClose}
      onSubmit={() => {
        if (confirming) void restore();
        else if (backup) setConfirming(true);
      }}
    >
      <p className="dialog-hint">The workspace is snapshotted when it opens and every few minutes while it changes; the newest 20 snapshots are kept.</p>
      {backups === null ? (
        <p className="backup-note">Reading the backups…</p>
      ) : backups.length === 0 ? (
        <p className="backup-note">No backups yet.</p>
      ) : (
        <div className="backup-list" role="radiogroup" aria-label="Backups" data-testid="backup-list">
          {backups.map((b, i) => (
            <label key={b.name} className={b.name === chosen ? 'backup-row is-chosen' : 'backup-row'} data-testid="backup-item" data-name={b.name}>
              <input
                type="radio"
                name="backup"
                value={b.name}
                checked={b.name === chosen}
                disabled={confirming || busy}
                onChange={() => setChosen(b.name)}
              />
              <span className="backup-when">
                <span className="backup-time">{formatBackupTime(b.createdAt)}</span>
                <span className="backup-ago">
                  {ago(b.createdAt)}
                  {i === 0 && <span className="backup-badge">latest</span>}
                </span>
              </span>
              <span className="backup-docs">
                {plural(b.documents, 'document')}
                <span className="backup-name">{b.name}</span>
              </span>
            </label>
          ))}
        </div>
      )}
      {problem && (
        <p className="dialog-problem" role="alert">
          {problem}
        </p>
      )}
      {confirming && backup ? (
        <div className="backup-confirm" data-testid="backup-confirm" role="alertdialog" aria-label="Confirm the restore">
          <p>
            Restore the backup of <strong>{formatBackupTime(backup.createdAt)}</strong> ({plural(backup.documents, 'document')})? Documents, tags and labels go back to
            how they were then.
          </p>
          <p className="backup-safety">The current state is saved as a backup first, so you can come back to it.</p>
          <div className="dialog-actions">
            <button type="button" className="button" disabled={busy} onClick={back}>
              Back
            </button>
            <button type="submit" className="button button-primary" data-testid="backup-restore-confirm" disabled={busy} aria-busy={busy} autoFocus>
              {busy ? 'Restoring…' : 'Restore this backup'}
            </button>
          </div>
        </div>
      ) : (
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button ref={restoreButton} type="submit" className="button button-primary" data-testid="backup-restore" disabled={!backup}>
            Restore…
          </button>
        </div>
      )}
    </ModalDialog>
  );
}
