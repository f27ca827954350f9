/// Which documents and tags Compare covers: outlets, a date range, an annotator and labels. Every
/// change gives a new filter object, which the shown tab loads again.
import { useEffect, useRef, useState } from 'react';
import type { CompareFilter, Label } from '../../../preload/api';
import { workbench } from '../api';

/// Props of {@link CompareFilterBar}.
export interface CompareFilterBarProps {
  filter: CompareFilter;
  labels: readonly Label[];
  /// Changes when the workspace did: the outlets and annotators are read again (when shown).
  version: unknown;
  shown: boolean;
  onChange(filter: CompareFilter): void;
}

/// `filter` with `key` set to `value`, or without it when `value` is empty.
function withField<K extends keyof CompareFilter>(filter: CompareFilter, key: K, value: CompareFilter[K] | undefined): CompareFilter {
  const next = { ...filter };
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete next[key];
  else next[key] = value;
  return next;
}

/// `data-testid="compare-filters"`.
export function CompareFilterBar({ filter, labels, version, shown, onChange }: CompareFilterBarProps) {
  const [outlets, setOutlets] = useState<{ outlet: string; documents: number }[]>([]);
  const [annotators, setAnnotators] = useState<{ name: string; annotations: number }[]>([]);
  const readFor = useRef<unknown>(undefined);
  useEffect(() => {
    if (!shown || readFor.current === version) return;
    let live = true;
    void Promise.all([workbench.documents.outlets(), workbench.review.annotators()]).then(
      ([o, a]) => {
        if (!live) return;
        readFor.current = version;
        setOutlets(o);
        setAnnotators(a.filter((x) => x.annotations > 0));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [version, shown]);

  const chosenOutlets = filter.outlets ?? [];
  const toggleOutlet = (outlet: string) =>
    onChange(withField(filter, 'outlets', chosenOutlets.includes(outlet) ? chosenOutlets.filter((o) => o !== outlet) : [...chosenOutlets, outlet]));
  const chosenLabels = filter.labels ?? [];
  const toggleLabel = (id: string) => onChange(withField(filter, 'labels', chosenLabels.includes(id) ? chosenLabels.filter((l) => l !== id) : [...chosenLabels, id]));
  const filtered = Object.keys(filter).length > 0;

  return (
    <div className="compare-filters" data-testid="compare-filters" role="group" aria-label="Which documents and tags to compare">
      <details className="compare-outlets">
        <summary className="button button-small" data-testid="compare-outlets">
          Outlets: {chosenOutlets.length ? chosenOutlets.join(', ') : 'all'}
        </summary>
        <div className="compare-outlet-menu">
          {outlets.length === 0 && <p className="compare-muted">No document names its outlet yet (Details… of a document).</p>}
          {outlets.map((o) => (
            <label key={o.outlet}>
              <input type="checkbox" checked={chosenOutlets.includes(o.outlet)} onChange={() => toggleOutlet(o.outlet)} />
              {o.outlet} <span className="compare-muted">({o.documents})</span>
            </label>
          ))}
        </div>
      </details>
      <label className="compare-field">
        From
        <input type="date" data-testid="compare-from" value={filter.from ?? ''} onChange={(e) => onChange(withField(filter, 'from', e.target.value))} />
      </label>
      <label className="compare-field">
        to
        <input type="date" data-testid="compare-to" value={filter.to ?? ''} onChange={(e) => onChange(withField(filter, 'to', e.target.value))} />
      </label>
      <label className="compare-field">
        Annotator
        <select data-testid="compare-annotator" value={filter.annotators?.[0] ?? ''} onChange={(e) => onChange(withField(filter, 'annotators', e.target.value ? [e.target.value] : undefined))}>
          <option value="">everyone</option>
          {annotators.map((a) => (
            <option key={a.name} value={a.name}>
              {a.name} ({a.annotations})
            </option>
          ))}
        </select>
      </label>
      <span className="compare-labels" role="group" aria-label="Labels">
        {labels.map((l) => (
          <button
            type="button"
            key={l.id}
            className="compare-label-chip"
            aria-pressed={chosenLabels.includes(l.id)}
            style={{ ['--chip' as string]: l.color }}
            onClick={() => toggleLabel(l.id)}
            title={chosenLabels.includes(l.id) ? `Stop limiting to ${l.name}` : `Only ${l.name} tags`}
          >
            {l.name}
          </button>
        ))}
      </span>
      {filtered && (
        <button type="button" className="button button-small button-quiet" data-testid="compare-clear" onClick={() => onChange({})}>
          Clear filters
        </button>
      )}
    </div>
  );
}
