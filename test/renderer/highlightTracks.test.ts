// The O(n log n) track sweep gives the same tracks as the straightforward quadratic rule.
import { describe, expect, it } from 'vitest';
import type { HighlightedAnnotation } from '../../renderer/src/editor/annotationHighlights';
import { assignTracks, clustersAround, freeTrack, type TrackedAnnotation } from '../../renderer/src/editor/highlightTracks';

function quadraticTracks(annotations: readonly HighlightedAnnotation[]): Map<string, number> {
  const ordered = [...annotations].sort((a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id));
  const entries = new Map<string, TrackedAnnotation>();
  for (const annotation of ordered) entries.set(annotation.id, { annotation, track: freeTrack(annotation, entries) });
  return new Map([...entries].map(([id, e]) => [id, e.track]));
}

function random(seed: number): () => number {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('assignTracks', () => {
  it('matches the quadratic rule on random nested, crossing, touching and empty spans', () => {
    const next = random(7);
    for (let round = 0; round < 50; round++) {
      const spans: HighlightedAnnotation[] = [];
      for (let i = 0; i < 60; i++) {
        const start = Math.floor(next() * 200);
        const length = next() < 0.1 ? 0 : Math.floor(next() * 40) + 1;
        spans.push({ id: `s${i}`, label: 'actor', start, end: start + length, annotator: 'me' });
      }
      const tracks = new Map([...assignTracks(spans)].map(([id, e]) => [id, e.track]));
      expect(tracks).toEqual(quadraticTracks(spans));
    }
  });
});

describe('clustersAround', () => {
  const spansOf = (seed: number, count: number, length = 2000): HighlightedAnnotation[] => {
    const next = random(seed);
    return Array.from({ length: count }, (_, i) => {
      const start = Math.floor(next() * length);
      const size = next() < 0.05 ? 0 : Math.floor(next() * 40) + 1;
      return { id: `s${i}`, label: 'actor', start, end: start + size, annotator: 'me' };
    });
  };
  const tracksOf = (spans: readonly HighlightedAnnotation[]) => new Map([...assignTracks(spans)].map(([id, e]) => [id, e.track]));

  it('splits off whole overlap clusters: tracks given to the near ones and then the rest match tracks given to all', () => {
    let split = 0;
    for (let round = 0; round < 40; round++) {
      const spans = spansOf(round + 1, 120);
      const [from, to] = [400 + round * 20, 700 + round * 20];
      const { near, rest } = clustersAround(spans, (s) => s.start < to && from < s.end);
      expect(near.length + rest.length).toBe(spans.length);
      // Every span in view is near, and no near span overlaps one left for later.
      for (const s of spans) if (s.start < to && from < s.end) expect(near).toContain(s);
      for (const a of near) for (const b of rest) expect(a.start < b.end && b.start < a.end).toBe(false);
      const all = tracksOf(spans);
      expect(new Map([...tracksOf(near), ...tracksOf(rest)])).toEqual(all);
      if (near.length > 0 && rest.length > near.length) split += 1;
    }
    expect(split).toBeGreaterThan(30);
  });

  it('keeps all near when every span is in view, none when none is, and a long chain whole in any order', () => {
    const spans = spansOf(3, 50);
    expect(clustersAround(spans, () => true)).toEqual({ near: spans, rest: [] });
    expect(clustersAround(spans, () => false)).toEqual({ near: [], rest: spans });
    // Each span overlaps the next, through the whole text: growing by passes would take long.
    const chain: HighlightedAnnotation[] = Array.from({ length: 200 }, (_, i) => ({ id: `c${i}`, label: 'quote', start: i * 10, end: i * 10 + 15, annotator: 'me' }));
    const shuffled = [...chain].sort((a, b) => ((a.start * 7919) % 200) - ((b.start * 7919) % 200));
    const { near, rest } = clustersAround(shuffled, (s) => s.start === 1000);
    expect(near).toHaveLength(200);
    expect(rest).toHaveLength(0);
  });
});
