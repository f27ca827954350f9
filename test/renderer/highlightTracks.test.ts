// The O(n log n) track sweep gives the same tracks as the straightforward quadratic rule.
import { describe, expect, it } from 'vitest';
import type { HighlightedAnnotation } from '../../renderer/src/editor/annotationHighlights';
import { assignTracks, freeTrack, type TrackedAnnotation } from '../../renderer/src/editor/highlightTracks';

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
