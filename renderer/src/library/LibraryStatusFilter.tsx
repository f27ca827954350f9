/// The library's filter by the current annotator's status of each document ("My status").
import type { DocumentStatus } from '../../../preload/api';
import { STATUS_LABELS, STATUS_ORDER } from './documentStatusNames';

/// Props of {@link LibraryStatusFilter}.
export interface LibraryStatusFilterProps {
  /// The status shown, or undefined for all.
  status: DocumentStatus | undefined;
  onChange(status: DocumentStatus | undefined): void;
}

/// `data-testid="library-status-filter"`.
export function LibraryStatusFilter({ status, onChange }: LibraryStatusFilterProps) {
  return (
    <label className="library-outlet-filter">
      <span className="library-sort-caption">My status</span>
      <select
        className="select select-small"
        data-testid="library-status-filter"
        value={status ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : (e.target.value as DocumentStatus))}
      >
        <option value="">Any status</option>
        {STATUS_ORDER.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </select>
    </label>
  );
}
