/// The scale of a number line (Compare's figures): where each value falls between two edges, and
/// round tick values. Pure, so that it is tested without a window.
import type { Quantity } from '../../../preload/api';

/// A linear scale from `min` to `max` onto [0, 1].
export interface NumberScale {
  min: number;
  max: number;
  /// Where `value` falls, 0 at `min` and 1 at `max` (clamped).
  at(value: number): number;
  ticks: number[];
}

/// A "nice" step for about `count` ticks over `span` (1, 2 or 5 times a power of ten).
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

/// Where `value`, an end of `q`, stands on a line: a percentage as its share on a line of shares
/// (rounded as the service compares them), anything else as it is.
function onLine(q: Quantity, value: number, asShare: boolean): number {
  return asShare && q.unit === 'percent' ? Number((value / 100).toPrecision(12)) : value;
}

/// The scale that holds every finite end of `quantities` (a percentage drawn as its share when
/// `asShare`), widened to round ticks; one value alone gets room either side.
export function numberScale(quantities: readonly Quantity[], asShare = false, tickCount = 5): NumberScale {
  // A loop, not Math.min(...values): a line of 100,000 ends would overflow the call's arguments.
  let min = Infinity;
  let max = -Infinity;
  for (const q of quantities) {
    for (const end of [q.low, q.high]) {
      if (end === null) continue;
      const v = onLine(q, end, asShare);
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (min === Infinity) [min, max] = [0, 1];
  if (min === max) {
    const room = Math.abs(min) * 0.1 || 1;
    [min, max] = [min - room, max + room];
  }
  const step = niceStep(max - min, tickCount);
  // Rounded to the step's own precision: 6 × 0.1 must read 0.6, and 0.1 + 0.2 read 0.3.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  const round = (v: number) => Number(v.toFixed(digits));
  min = round(Math.floor(min / step) * step);
  max = round(Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let v = min; v <= max + step / 2; v += step) ticks.push(round(v));
  return { min, max, ticks, at: (value) => Math.min(1, Math.max(0, (value - min) / (max - min))) };
}

/// Where a quantity's mark runs on `scale`: from/to in [0, 1], and which ends are open (run off
/// the line). A percentage is drawn on a share scale as its share.
export function markExtent(q: Quantity, scale: NumberScale, asShare = false): { from: number; to: number; openLow: boolean; openHigh: boolean } {
  return {
    from: q.low === null ? 0 : scale.at(onLine(q, q.low, asShare)),
    to: q.high === null ? 1 : scale.at(onLine(q, q.high, asShare)),
    openLow: q.low === null,
    openHigh: q.high === null,
  };
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/// A tick's label: 13K, 1.5M, 0.25.
export function tickLabel(value: number): string {
  return Math.abs(value) >= 1000 ? compact.format(value) : String(value);
}
