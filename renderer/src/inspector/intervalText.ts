/// How a figure's interval is written in the inspector (kept apart from the component so that it
/// can be tested without a window).
import type { Quantity } from '../../../preload/api';

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/// The interval in notation: [10,000, 13,000], (730, ∞), [0, 100,000), with its unit.
export function intervalText(q: Quantity): string {
  const low = q.low === null ? '−∞' : number.format(q.low);
  const high = q.high === null ? '∞' : number.format(q.high);
  const unit = q.unit === 'percent' ? ' %' : q.unit === 'share' ? ' (share)' : '';
  const single = q.low !== null && q.low === q.high;
  const interval = single ? number.format(q.low!) : `${q.low !== null && q.lowInclusive ? '[' : '('}${low}, ${high}${q.high !== null && q.highInclusive ? ']' : ')'}`;
  return `${interval}${unit}${q.approximate ? ' ≈' : ''}`;
}
