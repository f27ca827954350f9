// Finding a phrase in a document's text for the pane's find bar: case-insensitive, literal,
// offsets in UTF-16 code units, capped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMatches, MAX_FIND_MATCHES, stepMatch } from '../../renderer/src/editor/findInText';

const texts = (text: string, query: string) => findMatches(text, query).matches.map((m) => text.slice(m.start, m.end));

describe('findMatches', () => {
  it('finds every occurrence in text order, ignoring case', () => {
    const text = 'Aleppo fell. ALEPPO was quiet; in aleppo the convoy waited.';
    const { matches, capped } = findMatches(text, 'aleppo');
    expect(matches).toEqual([
      { start: 0, end: 6 },
      { start: 13, end: 19 },
      { start: 34, end: 40 },
    ]);
    expect(capped).toBe(false);
  });

  it('folds the case of non-ASCII letters', () => {
    expect(texts('Ärzte in ÄRZTE und ärzte', 'äRZTE')).toEqual(['Ärzte', 'ÄRZTE', 'ärzte']);
    expect(texts('Σοφία and ΣΟΦΊΑ', 'σοφία')).toEqual(['Σοφία', 'ΣΟΦΊΑ']);
    expect(texts('Москва, МОСКВА', 'москва')).toEqual(['Москва', 'МОСКВА']);
    expect(texts('Şam and ŞAM', 'şam')).toEqual(['Şam', 'ŞAM']);
  });

  it('keeps UTF-16 offsets after emoji, and never splits a surrogate pair', () => {
    const text = '😀 Talks 😀😀 talks 𝒜 end';
    const { matches } = findMatches(text, 'talks');
    expect(matches).toEqual([
      { start: text.indexOf('Talks'), end: text.indexOf('Talks') + 5 },
      { start: text.indexOf('talks'), end: text.indexOf('talks') + 5 },
    ]);
    expect(matches[0].start).toBe(3); // the emoji is two code units
    expect(findMatches(text, '😀😀').matches).toEqual([{ start: 9, end: 13 }]);
    expect(texts(text, '𝒜 END')).toEqual(['𝒜 end']);
    // A lone half of a pair does not match inside a whole pair.
    expect(findMatches(text, '\uD83D').matches).toEqual([]);
  });

  it('treats regular-expression metacharacters in the query as text', () => {
    const text = 'a.b axb (1+1)*2 = $4? [x] {y} ^z | back\\slash a.*b';
    for (const query of ['a.b', '(1+1)*2', '$4?', '[x]', '{y}', '^z', '|', 'back\\slash', '.*']) {
      expect(texts(text, query), query).toEqual([query]);
    }
    expect(texts(text, 'a.*b')).toEqual(['a.*b']);
  });

  it('matches a query typed in another Unicode normal form (document texts are NFC)', () => {
    const text = 'Café in Paris';
    expect(texts(text, 'CAFE\u0301')).toEqual(['Café']);
  });

  it('finds nothing for an empty query or a missing phrase', () => {
    expect(findMatches('text', '')).toEqual({ matches: [], capped: false });
    expect(findMatches('text', 'absent')).toEqual({ matches: [], capped: false });
  });

  it('stops at the limit and says so', () => {
    const text = 'ab'.repeat(MAX_FIND_MATCHES + 5);
    const all = findMatches(text, 'A');
    expect(all.matches).toHaveLength(MAX_FIND_MATCHES);
    expect(all.capped).toBe(true);
    expect(all.matches.at(-1)).toEqual({ start: 2 * (MAX_FIND_MATCHES - 1), end: 2 * MAX_FIND_MATCHES - 1 });
    expect(findMatches('xxx', 'x', 3)).toEqual({ matches: [{ start: 0, end: 1 }, { start: 1, end: 2 }, { start: 2, end: 3 }], capped: false });
    expect(findMatches('xxxx', 'x', 3).capped).toBe(true);
  });

  it('agrees with a plain lower-cased indexOf scan on ASCII text', () => {
    const letters = fc.constantFrom('a', 'B', 'c', ' ', '.', '*', '(');
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 60 }), fc.array(letters, { minLength: 1, maxLength: 3 }), (t, q) => {
        const text = t.join('');
        const query = q.join('');
        const expected: number[] = [];
        const hay = text.toLowerCase();
        const needle = query.toLowerCase();
        for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + needle.length)) expected.push(at);
        const { matches } = findMatches(text, query);
        expect(matches.map((m) => m.start)).toEqual(expected);
        for (const m of matches) expect(m.end - m.start).toBe(query.length);
      }),
    );
  });
});

describe('stepMatch', () => {
  const matches = [
    { start: 5, end: 8 },
    { start: 20, end: 23 },
    { start: 40, end: 43 },
  ];

  it('goes to the next and previous match, wrapping at either end', () => {
    expect(stepMatch(matches, 0, 1)).toBe(1);
    expect(stepMatch(matches, 2, 1)).toBe(0);
    expect(stepMatch(matches, 1, -1)).toBe(0);
    expect(stepMatch(matches, 0, -1)).toBe(2);
  });

  it('starts from the first match, or the last going backwards', () => {
    expect(stepMatch(matches, -1, 1)).toBe(0);
    expect(stepMatch(matches, -1, -1)).toBe(2);
  });

  it('starts at a given offset: at or after it forwards, before it backwards', () => {
    expect(stepMatch(matches, -1, 1, 20)).toBe(1);
    expect(stepMatch(matches, -1, 1, 21)).toBe(2);
    expect(stepMatch(matches, -1, 1, 41)).toBe(0);
    expect(stepMatch(matches, -1, -1, 20)).toBe(0);
    expect(stepMatch(matches, -1, -1, 3)).toBe(2);
  });

  it('has nowhere to go without matches', () => {
    expect(stepMatch([], -1, 1)).toBe(-1);
    expect(stepMatch([], 0, -1)).toBe(-1);
  });
});
