/// The library's outlet filter: a select of the outlets the documents name (with how many each),
/// asked of the service again whenever the workspace changed. Hidden while no document names one.
import { useEffect, useState } from 'react';
import { workbench } from '../api';
import { formatInteger } from '../format';

/// Props of {@link LibraryOutletFilter}.
export interface LibraryOutletFilterProps {
  /// The outlet shown, or undefined for all.
  outlet: string | undefined;
  /// Changes when the workspace did.
  version: number;
  onChange(outlet: string | undefined): void;
}

/// `data-testid="library-outlet-filter"`.
export function LibraryOutletFilter({ outlet, version, onChange }: LibraryOutletFilterProps) {
  const [outlets, setOutlets] = useState<{ outlet: string; documents: number }[]>([]);
  useEffect(() => {
    let current = true;
    workbench.documents.outlets().then(
      (list) => current && setOutlets(list),
      () => current && setOutlets([]), // the library itself reports a workspace it cannot read
    );
    return () => void (current = false);
  }, [version]);
  if (!outlets.length && outlet === undefined) return null;
  return (
    <label className="library-outlet-filter">
      <span className="library-sort-caption">Outlet</span>
      <select className="select select-small" data-testid="library-outlet-filter" value={outlet ?? ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
        <option value="">All outlets</option>
        {outlet !== undefined && !outlets.some((o) => o.outlet === outlet) && <option value={outlet}>{outlet} (0)</option>}
        {outlets.map((o) => (
          <option key={o.outlet} value={o.outlet}>
            {o.outlet} ({formatInteger(o.documents)})
          </option>
        ))}
      </select>
    </label>
  );
}
