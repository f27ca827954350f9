/// "From a web address…": imports the article at an http or https address. The service fetches
/// it (the window never does) within an article file's limits; a refused address stays in the
/// field with the reason, so that it can be corrected.
import { useState } from 'react';
import type { ImportReport } from '../../../preload/api';
import { workbench } from '../api';
import { DialogFooter } from '../dialogs/DialogFooter';
import { useDialogAction } from '../dialogs/useDialogAction';
import { ModalDialog } from '../ModalDialog';

/// Props of {@link ImportUrlDialog}.
export interface ImportUrlDialogProps {
  onClose(): void;
  /// The article came in (or was already there).
  onImported(report: ImportReport): void;
}

/// `data-testid="import-url-dialog"`: the address (`import-url-input`) and Import (`import-url-confirm`).
export function ImportUrlDialog({ onClose, onImported }: ImportUrlDialogProps) {
  const [address, setAddress] = useState('');
  const action = useDialogAction();
  const fetchIt = () =>
    action.run(async () => {
      const report = await workbench.documents.importUrl(address);
      if (report.rejected.length > 0) throw new Error(report.rejected[0].reason);
      onImported(report);
    });
  return (
    <ModalDialog title="Import from a web address" className="import-url-dialog" testId="import-url-dialog" onClose={onClose} onSubmit={() => void fetchIt()}>
      <p className="dialog-hint">A web page (its article only, without menus, ads or paywall notices), a PDF, a Word document or a text file, up to 20 MB. Its outlet, date and author come in when the page states them.</p>
      <label className="details-field">
        <span className="caption">Address</span>
        <input
          className="text-input"
          data-testid="import-url-input"
          type="url"
          inputMode="url"
          placeholder="https://"
          value={address}
          onChange={(e) => setAddress(e.target.value)}
          autoFocus
          required
          maxLength={2000}
        />
      </label>
      <DialogFooter
        action={action}
        failed="Not imported"
        problemTestId="import-url-problem"
        status={action.busy ? 'Fetching (at most 30 s) and reading…' : ''}
        onCancel={onClose}
        submit={{ label: 'Import', busyLabel: 'Importing…', testId: 'import-url-confirm' }}
      />
    </ModalDialog>
  );
}
