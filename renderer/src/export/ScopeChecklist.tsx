/// One part of an export's scope (documents, annotators or labels): an "All …" checkbox over a
/// checklist. Everything starts checked; the "All" box is mixed when only some are.
import { useEffect, useRef, type CSSProperties } from 'react';

/// One choice of a {@link ScopeChecklist}.
export interface ScopeItem {
  id: string;
  name: string;
  /// A quiet note at the end of the line (a count).
  detail?: string;
  /// Shown on hover (a file name).
  hint?: string;
  /// A label colour, shown as a swatch.
  color?: string;
}

/// Props of {@link ScopeChecklist}.
export interface ScopeChecklistProps {
  /// Heading, e.g. "Documents".
  legend: string;
  /// What "All …" says, e.g. "All documents".
  allText: string;
  items: readonly ScopeItem[];
  chosen: ReadonlySet<string>;
  onChange(chosen: ReadonlySet<string>): void;
  /// `data-testid` of the fieldset; items get `${testId}-item`, the "All" box `${testId}-all`.
  testId: string;
  /// Said instead of the list when there is nothing to choose.
  emptyText?: string;
}

/// The checklist, `<fieldset data-testid={testId}>`.
export function ScopeChecklist({ legend, allText, items, chosen, onChange, testId, emptyText }: ScopeChecklistProps) {
  const all = useRef<HTMLInputElement>(null);
  const count = items.filter((i) => chosen.has(i.id)).length;
  const everything = count === items.length;
  useEffect(() => {
    if (all.current) all.current.indeterminate = count > 0 && !everything;
  }, [count, everything]);

  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };

  return (
    <fieldset className="scope-group" data-testid={testId}>
      <legend className="caption scope-legend">
        {legend}
        <span className="scope-count">{items.length === 0 ? '' : everything ? 'all' : `${count} of ${items.length}`}</span>
      </legend>
      {items.length === 0 ? (
        <p className="scope-empty">{emptyText ?? 'None yet.'}</p>
      ) : (
        <>
          <label className="scope-item scope-all">
            <input
              ref={all}
              type="checkbox"
              data-testid={`${testId}-all`}
              checked={everything}
              onChange={(e) => onChange(e.target.checked ? new Set(items.map((i) => i.id)) : new Set())}
            />
            <span className="scope-name">{allText}</span>
          </label>
          <div className="scope-list">
            {items.map((item) => (
              <label key={item.id} className="scope-item" data-testid={`${testId}-item`} data-id={item.id} title={[item.name, item.hint].filter(Boolean).join('\n')}>
                <input type="checkbox" checked={chosen.has(item.id)} onChange={(e) => toggle(item.id, e.target.checked)} />
                {item.color && <span className="scope-swatch" style={{ '--chip-color': item.color } as CSSProperties} aria-hidden="true" />}
                <span className="scope-name">{item.name}</span>
                {item.detail && <span className="scope-detail">{item.detail}</span>}
              </label>
            ))}
          </div>
        </>
      )}
    </fieldset>
  );
}
