/// Your status of the pane's article (to do, in progress, done), as a small menu under its title:
/// the mouse's way to what S does on the article's library row. Shown as chosen at once (and as
/// it was again if it could not be saved); the saved status then comes back through the
/// library and the panes' summaries.
import { useEffect, useState } from 'react';
import type { DocumentStatus } from '../../../preload/api';
import { STATUS_LABELS, STATUS_ORDER, STATUS_SYMBOLS } from '../library/documentStatusNames';

/// Props of {@link PaneStatus}.
export interface PaneStatusProps {
  title: string;
  /// As the library last said; nothing is shown until it has.
  status: DocumentStatus | undefined;
  /// Sets it; resolves with whether it was saved (if not, the menu shows the status held).
  onChange(status: DocumentStatus): Promise<boolean>;
}

/// `data-testid="pane-status"`, with `data-status`.
export function PaneStatus({ title, status, onChange }: PaneStatusProps) {
  const [shown, setShown] = useState(status);
  useEffect(() => setShown(status), [status]);
  if (!shown) return null;
  return (
    <select
      className="pane-status"
      data-testid="pane-status"
      data-status={shown}
      aria-label={`Your status of “${title}”`}
      title="Your status of this article (S on its row in the library)"
      value={shown}
      onChange={(e) => {
        const next = e.target.value as DocumentStatus;
        setShown(next);
        void onChange(next).then((saved) => saved || setShown(status));
      }}
    >
      {STATUS_ORDER.map((s) => (
        <option key={s} value={s}>
          {STATUS_SYMBOLS[s]} {STATUS_LABELS[s]}
        </option>
      ))}
    </select>
  );
}
