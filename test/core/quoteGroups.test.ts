// Quotes grouped into statements (DESIGN §11): only the quotes sharing one of a shorter quote's
// rarest words are compared with it, which must group exactly as comparing every pair would
// (nearly the same words, and the groups that chains of them make).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearlySame, quoteGroups } from '../../main/core/compare/quoteGroups';
import type { QuoteRow } from '../../main/core/store/sqlIndex/compareQuery';
import { phraseWords } from '../../main/core/text/searchWords';

function row(text: string, n: number): QuoteRow {
  return { documentId: `d${n}`, title: 'T', outlet: null, publishedAt: null, annotationId: `q${n}`, annotator: 'ana', start: 0, end: text.length, utf16Start: 0, utf16End: text.length, text, speakerId: null, speakerText: null, speakerEntity: null };
}

/// The statements by the definition: every pair compared, chains joined.
function everyPair(texts: readonly string[]): string[][] {
  const parent = texts.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) if (nearlySame(phraseWords(texts[i]), phraseWords(texts[j]))) parent[root(j)] = root(i);
  const groups = new Map<number, string[]>();
  texts.forEach((t, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), `q${i}`]));
  return [...groups.values()];
}

const sorted = (groups: string[][]) => groups.map((g) => [...g].sort()).sort((x, y) => x[0].localeCompare(y[0]));

describe('statements', () => {
  it('group as comparing every pair would', () => {
    const quote = fc.array(fc.constantFrom('we', 'will', 'not', 'leave', 'the', 'city', 'until', 'convoy', 'is', 'out'), { minLength: 1, maxLength: 9 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(quote, { maxLength: 30 }), (texts) => {
        const found = quoteGroups(texts.map(row), []).map((g) => g.items.map((i) => i.annotationId));
        expect(sorted(found)).toEqual(sorted(everyPair(texts)));
      }),
      { numRuns: 300 },
    );
  });
});
