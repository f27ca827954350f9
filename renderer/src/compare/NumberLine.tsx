/// A group's figures on one number line (DESIGN §11): a lane per outlet, each figure's interval a
/// bar (a single value a dot; an open end runs on to the line's edge as dashes; an approximate
/// one is dashed and paler), conflicting figures outlined in red, the current one and what it conflicts with
/// emphasised. Percentages and shares share a line; counts have their own.
import { useMemo } from 'react';
import type { FigureItem } from '../../../preload/api';
import { intervalText } from '../inspector/intervalText';
import { markExtent, numberScale, tickLabel } from './numberScale';

/// Lanes drawn at most (the outlets with the most figures); the table lists every figure.
const MAX_LANES = 12;
/// Marks drawn at most per lane: figures drawn at the same place are one mark. (A lane of a
/// thousand marks reads no better than one of fifty, and each costs the first screen.)
const MAX_MARKS = 50;
/// Places on the line: figures within 1/PLACES of it, drawn alike, are one mark.
const PLACES = 200;
/// The share of the line an open end's dashes take.
const OPEN_END = 0.04;

/// Props of {@link NumberLine}.
export interface NumberLineProps {
  items: readonly FigureItem[];
  /// Indexes into `items` on this line (one scale).
  members: readonly number[];
  current: number | null;
  /// Items the current one conflicts with.
  partners: ReadonlySet<number>;
  onPick(index: number): void;
}

/// Where figures of one lane are drawn, and which.
interface Place {
  from: number;
  to: number;
  openLow: boolean;
  openHigh: boolean;
  members: number[];
}

/// A place as drawn: the figure that stands for it, and how many it holds.
interface Mark extends Place {
  index: number;
  count: number;
}

const outletName = (item: FigureItem) => item.outlet ?? 'No outlet';
const percent = (x: number) => `${(x * 100).toFixed(2)}%`;

/// `data-testid="number-line"`.
export function NumberLine({ items, members, current, partners, onPick }: NumberLineProps) {
  // What depends on the figures only, worked out once per group (not at each move of the row).
  const layout = useMemo(() => {
    const asShare = members.some((i) => items[i].quantity.unit !== 'count');
    const scale = numberScale(members.map((i) => items[i].quantity), asShare);
    const lanes = new Map<string, number[]>();
    for (const i of members) {
      const lane = lanes.get(outletName(items[i]));
      if (lane) lane.push(i);
      else lanes.set(outletName(items[i]), [i]);
    }
    const shown = [...lanes].sort((x, y) => y[1].length - x[1].length || x[0].localeCompare(y[0])).slice(0, MAX_LANES);
    // Figures drawn at one place (to 1/PLACES of the line) with one look are one mark.
    const places = shown.map(([outlet, lane]) => {
      const byPlace = new Map<string, Place>();
      for (const i of lane) {
        const extent = markExtent(items[i].quantity, scale, asShare);
        const key = `${Math.round(extent.from * PLACES)}:${Math.round(extent.to * PLACES)}:${extent.openLow}:${extent.openHigh}:${items[i].quantity.approximate}`;
        const place = byPlace.get(key);
        if (place) place.members.push(i);
        else byPlace.set(key, { ...extent, members: [i] });
      }
      return { outlet, figures: lane.length, places: [...byPlace.values()] };
    });
    return { asShare, scale, lanes: places, hidden: lanes.size - shown.length };
  }, [items, members]);
  const { asShare, scale, hidden } = layout;
  const emphasis = (i: number) => (i === current ? 3 : partners.has(i) ? 2 : items[i].conflictCount > 0 ? 1 : 0);

  /// A lane's marks: the most emphasised figure of each place stands for it; the most emphasised
  /// places are drawn (last, on top).
  const marksOf = (places: readonly Place[]): Mark[] =>
    places
      .map((p) => ({ ...p, index: p.members.reduce((best, i) => (emphasis(i) > emphasis(best) ? i : best)), count: p.members.length }))
      .sort((x, y) => emphasis(y.index) - emphasis(x.index))
      .slice(0, MAX_MARKS)
      .reverse();

  return (
    <figure className="number-line" data-testid="number-line" aria-label={`${members.length} figures on a number line${asShare ? ' (as shares)' : ''}`}>
      {layout.lanes.map(({ outlet, figures, places }) => (
        <div className="number-lane" key={outlet} data-outlet={outlet}>
          <span className="number-lane-name" title={outlet}>
            {outlet}
          </span>
          <svg className="number-lane-line" role="img" aria-label={`${outlet}: ${figures} ${figures === 1 ? 'figure' : 'figures'} (listed in the table below)`}>
            <line className="number-lane-rule" x1="0" x2="100%" y1="50%" y2="50%" />
            {marksOf(places).map((m) => {
              const item = items[m.index];
              const classes = ['number-mark', item.quantity.approximate ? 'is-approximate' : '', item.conflictCount ? 'is-conflict' : '', m.index === current ? 'is-current' : '', partners.has(m.index) ? 'is-partner' : '']
                .filter(Boolean)
                .join(' ');
              const title = `${outlet}: ${item.text} ${intervalText(item.quantity)}${m.count > 1 ? ` (and ${m.count - 1} more here)` : ''}${item.conflictCount ? ` — conflicts with ${item.conflictCount}` : ''}`;
              const point = !m.openLow && !m.openHigh && m.to - m.from < 0.004;
              // An open end: the bar stops short of the line's edge and a dashed line runs on.
              const bar = { from: m.openLow ? Math.min(m.to, OPEN_END) : m.from, to: m.openHigh ? Math.max(m.from, 1 - OPEN_END) : m.to };
              return (
                <g key={m.index} className={classes} data-testid="number-mark" data-annotation-id={item.annotationId} onClick={() => onPick(m.index)}>
                  <title>{title}</title>
                  {point ? (
                    <circle cx={percent(m.from)} cy="50%" r="5" />
                  ) : (
                    <>
                      <rect x={percent(bar.from)} width={percent(Math.max(0.004, bar.to - bar.from))} y="30%" height="40%" rx="3" />
                      {m.openLow && <line className="number-open-end" x1="0" x2={percent(bar.from)} y1="50%" y2="50%" />}
                      {m.openHigh && <line className="number-open-end" x1={percent(bar.to)} x2="100%" y1="50%" y2="50%" />}
                    </>
                  )}
                </g>
              );
            })}
          </svg>
        </div>
      ))}
      <div className="number-lane number-axis" aria-hidden="true">
        <span className="number-lane-name">{hidden > 0 ? `+${hidden} more outlets` : ''}</span>
        <svg className="number-lane-line">
          {scale.ticks.map((t) => (
            <g key={t}>
              <line className="number-tick" x1={percent(scale.at(t))} x2={percent(scale.at(t))} y1="0" y2="6" />
              <text className="number-tick-label" x={percent(scale.at(t))} y="18" textAnchor={scale.at(t) === 0 ? 'start' : scale.at(t) === 1 ? 'end' : 'middle'}>
                {tickLabel(t)}
              </text>
            </g>
          ))}
        </svg>
      </div>
    </figure>
  );
}
