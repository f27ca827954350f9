// How the inspector writes a figure's interval.
import { describe, expect, it } from 'vitest';
import { intervalText } from '../../renderer/src/inspector/intervalText';
import { parseQuantity } from '../../main/core/quantities/parseQuantity';

describe('intervalText', () => {
  it('writes closed, open and single intervals, units and estimates', () => {
    const text = (s: string) => intervalText(parseQuantity(s)!);
    expect(text('13,346 civilians')).toBe('13,346');
    expect(text('Between 10,000 and 13,000')).toBe('[10,000, 13,000]');
    expect(text('more than 730')).toBe('(730, ∞)');
    expect(text('at least 413')).toBe('[413, ∞)');
    expect(text('fewer than 50')).toBe('[0, 50)');
    expect(text('an estimated 130,000')).toBe('[117,000, 143,000] ≈');
    expect(text('98%')).toBe('98 %');
    expect(text('two-thirds')).toBe('0.667 (share)');
  });
});
