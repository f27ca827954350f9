// Label ids, keys and the checks before labels.save.
import { describe, expect, it } from 'vitest';
import { labelAbbreviations, labelForKey, labelIdFor, labelListProblem } from '../../renderer/src/labels';

const base = [
  { id: 'actor', name: 'Actor', color: '#2f6fdf', key: '1' },
  { id: 'quote', name: 'Quote', color: '#a454c9', key: '4' },
];

describe('labels', () => {
  it('derives a lower-case id from the name, unique among the existing ones', () => {
    expect(labelIdFor('Event', [])).toBe('event');
    expect(labelIdFor('Armed Group', [])).toBe('armed-group');
    expect(labelIdFor('Émigré', [])).toBe('emigre');
    expect(labelIdFor('Actor', ['actor'])).toBe('actor-2');
    expect(labelIdFor('42 things', [])).toBe('things');
    expect(labelIdFor('東京', [])).toBe('label');
    expect(labelIdFor('x'.repeat(60), [])).toMatch(/^[a-z][a-z0-9_-]{0,31}$/);
  });

  it('refuses empty names, shared keys and the navigation keys', () => {
    expect(labelListProblem(base)).toBeNull();
    expect(labelListProblem([...base, { id: 'x', name: ' ', color: '#000000', key: '' }])).toMatch(/name/);
    expect(labelListProblem([...base, { id: 'x', name: 'X', color: '#000000', key: '1' }])).toMatch(/both use the key 1/);
    expect(labelListProblem([...base, { id: 'x', name: 'X', color: '#000000', key: 'J' }])).toMatch(/steps through/);
    expect(labelListProblem([...base, { id: 'x', name: 'X', color: 'red', key: '' }])).toMatch(/colour/);
  });

  it('finds a label by its key, ignoring case', () => {
    expect(labelForKey([...base, { id: 'e', name: 'Event', color: '#000000', key: 'E' }], 'e')?.id).toBe('e');
    expect(labelForKey(base, '4')?.id).toBe('quote');
    expect(labelForKey(base, 'Enter')).toBeUndefined();
  });

  it('abbreviates each label by the shortest prefix no other name shares, three letters at most', () => {
    expect(labelAbbreviations(['Actor', 'Location', 'Figure', 'Quote'])).toEqual(['A', 'L', 'F', 'Q']);
    expect(labelAbbreviations(['Actor', 'Action', 'Place', 'place name', '  éveil', '+++'])).toEqual(['Act', 'Act', 'Pla', 'Pla', 'É', '?']);
    expect(labelAbbreviations(['Person', 'Place'])).toEqual(['Pe', 'Pl']);
  });
});
