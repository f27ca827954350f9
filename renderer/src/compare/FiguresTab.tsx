/// Compare's Figures (DESIGN §11): the measures on the left (figures and conflicts of each), the
/// chosen measure's figures on a number line and in a table: outlet and date, the figure in its
/// sentence, its interval, its source, and how many figures of other documents it conflicts
/// with. A row opens its document at the figure.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CompareFilter, FigureGroup, FigureItem } from '../../../preload/api';
import { intervalText } from '../inspector/intervalText';
import { entityList } from '../state/useWorkbench';
import { ExportCsvButton } from './ExportCsvButton';
import { NumberLine } from './NumberLine';
import { FIGURES_ARRIVED_MARK } from './useCompareData';
import { VirtualRows } from './VirtualRows';
import type { OpenSpan } from './openSpan';

/// The measure the first screen is measured to (`performance.measure`).
export const FIRST_SCREEN_MEASURE = 'compare-first-screen';
const ROW_HEIGHT = 58;
/// Characters of the sentence shown before and after a figure.
const BEFORE = 70;
const AFTER = 110;

/// Props of {@link FiguresTab}.
export interface FiguresTabProps {
  groups: readonly FigureGroup[];
  /// The filter the groups answer: a new one starts the table from its top.
  filter: CompareFilter;
  onOpen: OpenSpan;
}

const groupName = (g: FigureGroup) => g.measure ?? 'No measure';
const day = (date: string | null) => date?.slice(0, 10) ?? '';

/// The end of `text` (or its start), cut at a word and marked as cut.
function cut(text: string, length: number, keepEnd: boolean): string {
  if (text.length <= length) return text;
  const part = keepEnd ? text.slice(text.length - length) : text.slice(0, length);
  return keepEnd ? `…${part.replace(/^\S*\s/, '')}` : `${part.replace(/\s\S*$/, '')}…`;
}

/// The figure and its sentence, the figure marked.
function FigureInContext({ item }: { item: FigureItem }) {
  return (
    <span className="compare-context">
      {cut(item.before, BEFORE, true)}
      <mark className="compare-figure-text">{item.text}</mark>
      {cut(item.after, AFTER, false)}
    </span>
  );
}

/// `data-testid="compare-figures"`.
export function FiguresTab({ groups, filter, onOpen }: FiguresTabProps) {
  const [chosen, setChosen] = useState<string | null>(null);
  const group = groups.find((g) => groupName(g) === chosen) ?? groups[0];
  const [current, setCurrent] = useState<number | null>(null);
  const name = group ? groupName(group) : '';
  // Another measure or filter starts afresh; the same rows read again after a save do not.
  const rowsKey = useMemo(() => ({ name, filter }), [name, filter]);

  // The first screen: from the data's arrival to the frame after it is drawn.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      if (performance.getEntriesByName(FIGURES_ARRIVED_MARK, 'mark').length) performance.measure(FIRST_SCREEN_MEASURE, FIGURES_ARRIVED_MARK);
      performance.clearMarks(FIGURES_ARRIVED_MARK);
    });
    return () => cancelAnimationFrame(frame);
  }, [groups]);

  const scales = useMemo(() => {
    const byScale = new Map<string, number[]>();
    group?.items.forEach((item, i) => {
      const scale = item.quantity.unit === 'count' ? 'count' : 'share';
      const members = byScale.get(scale);
      if (members) members.push(i);
      else byScale.set(scale, [i]);
    });
    return [...byScale.values()];
  }, [group]);
  const partners = useMemo(() => {
    const found = new Set<number>();
    if (current === null || !group?.conflicts) return found;
    for (const [i, j] of group.conflicts) if (i === current) found.add(j);
    else if (j === current) found.add(i);
    return found;
  }, [group, current]);
  const open = useCallback((index: number) => group && onOpen(group.items[index].at, group.items[index].annotationId), [group, onOpen]);
  const outlets = useMemo(() => new Set(group?.items.map((i) => i.outlet ?? '')).size, [group]);

  if (!group) return <p className="compare-empty" data-testid="compare-figures">No figure has a quantity in the documents chosen. Tag figures (key 3) and give each a measure, such as “civilians fled”.</p>;

  return (
    <div className="compare-figures" data-testid="compare-figures">
      <nav className="compare-groups" aria-label="Measures">
        {groups.map((g) => (
          <button
            type="button"
            key={groupName(g)}
            className="compare-group-button"
            data-testid="measure-group"
            aria-current={g === group ? 'true' : undefined}
            onClick={() => setChosen(groupName(g))}
          >
            <span className={g.measure === null ? 'compare-group-name is-none' : 'compare-group-name'}>{groupName(g)}</span>
            <span className="compare-group-counts">
              {g.items.length} {g.items.length === 1 ? 'figure' : 'figures'}
              {g.conflictTotal > 0 && <span className="compare-conflict-badge">{g.conflictTotal} in conflict</span>}
            </span>
          </button>
        ))}
      </nav>
      <section className="compare-group" aria-label={groupName(group)}>
        <header className="compare-group-head">
          <h3 data-testid="measure-heading">{groupName(group)}</h3>
          <span className="compare-group-summary" data-testid="measure-summary">
            {group.items.length} {group.items.length === 1 ? 'figure' : 'figures'} from {outlets} {outlets === 1 ? 'outlet' : 'outlets'}
            {group.measure === null ? ' · not compared: give them a measure' : ` · ${group.conflictTotal} ${group.conflictTotal === 1 ? 'conflict' : 'conflicts'}`}
          </span>
          <ExportCsvButton table="figures" filter={filter} testId="export-figures-csv" />
        </header>
        {scales.map((members) => (
          <NumberLine key={members[0]} items={group.items} members={members} current={current} partners={partners} onPick={(i) => setCurrent(i)} />
        ))}
        <div className="compare-table-head compare-figure-columns" aria-hidden="true">
          <span>Figure in context</span>
          <span>Interval</span>
          <span>Source</span>
          <span>Conflicts</span>
        </div>
        <VirtualRows
          count={group.items.length}
          rowHeight={ROW_HEIGHT}
          label={`Figures of ${groupName(group)}`}
          testId="figure-rows"
          dataKey={rowsKey}
          onOpen={open}
          onCurrent={setCurrent}
          renderRow={(i) => {
            const item = group.items[i];
            return (
              <div className={`compare-figure-columns${item.conflictCount ? ' is-conflict' : ''}${partners.has(i) ? ' is-partner' : ''}`} data-testid="figure-row" data-annotation-id={item.annotationId}>
                <span className="compare-cell">
                  <span className="compare-where">
                    <b>{item.outlet ?? 'No outlet'}</b> {day(item.publishedAt)} · {item.title}
                  </span>
                  <FigureInContext item={item} />
                </span>
                <span className="compare-cell compare-interval" data-testid="figure-interval">
                  {intervalText(item.quantity)}
                </span>
                <span className="compare-cell compare-source">{item.source ? (item.source.entityId ? (entityList.get(item.source.entityId)?.name ?? item.source.text) : item.source.text) : '—'}</span>
                <span className="compare-cell" data-testid="figure-conflicts">
                  {item.conflictCount ? <span className="compare-conflict-mark" title={`Its interval does not meet those of ${item.conflictCount} figure(s) of other documents`}>✗ {item.conflictCount}</span> : <span className="compare-ok-mark">—</span>}
                </span>
              </div>
            );
          }}
        />
      </section>
    </div>
  );
}
