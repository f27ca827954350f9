/// Compare's Figures (DESIGN §11): the measures on the left (figures and conflicts of each), the
/// chosen measure's figures on a number line and in a table: outlet and date, the figure in its
/// sentence, its interval, its source, and how many figures of other documents it conflicts
/// with. A row opens its document at the figure.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CompareFilter, FigureGroupSummary, FigureItem, FigurePage } from '../../../preload/api';
import { workbench } from '../api';
import { intervalText } from '../inspector/intervalText';
import { entityList } from '../state/useWorkbench';
import { ExportCsvButton } from './ExportCsvButton';
import { NumberLine } from './NumberLine';
import { FIGURES_ARRIVED_MARK } from './useCompareData';
import { useMorePages } from './useMorePages';
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
  /// Every group in short, and the first page of the chosen group's figures.
  page: FigurePage;
  /// The filter the page answers: a new one starts the table from its top.
  filter: CompareFilter;
  /// Asks for another group's page.
  onChoose(measure: string | null): void;
  onOpen: OpenSpan;
}

const groupName = (g: FigureGroupSummary) => g.measure ?? 'No measure';
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
export function FiguresTab({ page, filter, onChoose, onOpen }: FiguresTabProps) {
  const { groups } = page;
  const group = groups[page.chosen] as FigureGroupSummary | undefined;
  const more = useMorePages(page, page.items, async (count) => (await workbench.compare.figures(filter, { measure: group?.measure ?? null, offset: count })).items);
  const items = more.rows;
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
  }, [page]);

  const scales = useMemo(() => {
    const byScale = new Map<string, number[]>();
    items.forEach((item, i) => {
      const scale = item.quantity.unit === 'count' ? 'count' : 'share';
      const members = byScale.get(scale);
      if (members) members.push(i);
      else byScale.set(scale, [i]);
    });
    return [...byScale.values()];
  }, [items]);
  const partners = useMemo(() => {
    const found = new Set<number>();
    if (current === null || !page.conflicts) return found;
    for (const [i, j] of page.conflicts) if (i === current) found.add(j);
    else if (j === current) found.add(i);
    return found;
  }, [page, current]);
  const open = useCallback((index: number) => onOpen(items[index].at, items[index].annotationId), [items, onOpen]);

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
            onClick={() => onChoose(g.measure)}
          >
            <span className={g.measure === null ? 'compare-group-name is-none' : 'compare-group-name'}>{groupName(g)}</span>
            <span className="compare-group-counts">
              {g.figures} {g.figures === 1 ? 'figure' : 'figures'}
              {g.conflictTotal > 0 && <span className="compare-conflict-badge">{g.conflictTotal} in conflict</span>}
            </span>
          </button>
        ))}
      </nav>
      <section className="compare-group" aria-label={groupName(group)}>
        <header className="compare-group-head">
          <h3 data-testid="measure-heading">{groupName(group)}</h3>
          <span className="compare-group-summary" data-testid="measure-summary">
            {group.figures} {group.figures === 1 ? 'figure' : 'figures'} from {group.outlets} {group.outlets === 1 ? 'outlet' : 'outlets'}
            {group.measure === null ? ' · not compared: give them a measure' : ` · ${group.conflictTotal} ${group.conflictTotal === 1 ? 'conflict' : 'conflicts'}`}
          </span>
          <ExportCsvButton table="figures" filter={filter} testId="export-figures-csv" />
        </header>
        {items.length < group.figures && (
          <p className="compare-partial" data-testid="figures-partial">
            The line and the table hold the first {items.length.toLocaleString('en-US')} of {group.figures.toLocaleString('en-US')} figures (conflicts are counted over all of them); narrow the outlets or dates, or export CSV for all.{' '}
            <button type="button" className="button button-small" data-testid="figures-more" disabled={more.loading} onClick={() => void more.showMore()}>
              {more.loading ? 'Reading…' : 'Show more'}
            </button>
            {more.error && <span role="alert"> Could not read more: {more.error}</span>}
          </p>
        )}
        {scales.map((members) => (
          <NumberLine key={members[0]} items={items} members={members} current={current} partners={partners} onPick={(i) => setCurrent(i)} />
        ))}
        <div className="compare-table-head compare-figure-columns" aria-hidden="true">
          <span>Figure in context</span>
          <span>Interval</span>
          <span>Source</span>
          <span>Conflicts</span>
        </div>
        <VirtualRows
          count={items.length}
          rowHeight={ROW_HEIGHT}
          label={`Figures of ${groupName(group)}`}
          testId="figure-rows"
          dataKey={rowsKey}
          onOpen={open}
          onCurrent={setCurrent}
          renderRow={(i) => {
            const item = items[i];
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
