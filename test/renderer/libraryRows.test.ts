import { describe, expect, it } from 'vitest';
import { rowForKey, withKeptRow } from '../../renderer/src/library/libraryRows';

describe('library keyboard navigation', () => {
  it('moves one row, a page, or to either end, staying inside the list', () => {
    expect(rowForKey('ArrowDown', 3, 10, 4)).toBe(4);
    expect(rowForKey('ArrowUp', 3, 10, 4)).toBe(2);
    expect(rowForKey('ArrowUp', 0, 10, 4)).toBe(0);
    expect(rowForKey('ArrowDown', 9, 10, 4)).toBe(9);
    expect(rowForKey('PageDown', 3, 10, 4)).toBe(7);
    expect(rowForKey('PageDown', 8, 10, 4)).toBe(9);
    expect(rowForKey('PageUp', 3, 10, 4)).toBe(0);
    expect(rowForKey('PageDown', 3, 10, 0)).toBe(4);
    expect(rowForKey('Home', 7, 10, 4)).toBe(0);
    expect(rowForKey('End', 2, 10_000, 4)).toBe(9_999);
  });

  it('ignores other keys and empty lists', () => {
    expect(rowForKey('Enter', 3, 10, 4)).toBeNull();
    expect(rowForKey('a', 3, 10, 4)).toBeNull();
    expect(rowForKey('ArrowDown', 0, 0, 4)).toBeNull();
  });
});

describe('rows kept rendered', () => {
  it('adds the focused row in order when it is outside the rows near the viewport', () => {
    expect(withKeptRow([10, 11, 12], 3)).toEqual([3, 10, 11, 12]);
    expect(withKeptRow([10, 11, 12], 500)).toEqual([10, 11, 12, 500]);
    expect(withKeptRow([10, 11, 12], 11)).toEqual([10, 11, 12]);
    expect(withKeptRow([10, 11, 12], -1)).toEqual([10, 11, 12]);
    expect(withKeptRow([], 4)).toEqual([4]);
  });
});
