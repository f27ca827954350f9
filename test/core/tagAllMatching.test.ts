// "Tag all occurrences" matching (DESIGN §12): whole words by the app's token rule, case folded
// as foldCase folds it unless case-sensitive, UTF-16 offsets right past emoji and across CRLF,
// each occurrence classified against the spans already there (already tagged: skipped; overlapping
// another span: still offered), and the preview's listing and counts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findOccurrences, insideToken, isWholeWords, occurrenceContext, phraseMatcher } from '../../main/core/tagAll/phraseOccurrences';
import { documentOccurrences, previewIn, type ExistingSpan } from '../../main/core/tagAll/tagAllPreview';
import { tokenize } from '../../main/core/tokens';

const texts = (text: string, phrase: string, caseSensitive = false) => findOccurrences(text, phrase, { caseSensitive }).map((s) => text.slice(s.start, s.end));

describe('findOccurrences', () => {
  it('finds whole words only, by the token rule', () => {
    const text = "Aleppo, Aleppos and Aleppo's east; al-Aleppo. In Aleppo.Then (Aleppo) “Aleppo” Aleppo";
    const spans = findOccurrences(text, 'Aleppo');
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Aleppo', 'Aleppo', 'Aleppo', 'Aleppo']);
    // The first, the one in brackets, the one in quotes, the last: never inside a token.
    expect(spans.map((s) => s.start)).toEqual([0, text.indexOf('(Aleppo)') + 1, text.indexOf('“Aleppo”') + 1, text.lastIndexOf('Aleppo')]);
    expect(texts('al-Assad and Assad', 'Assad')).toEqual(['Assad']);
    expect(texts('13,346 and 346', '346')).toEqual(['346']);
    expect(texts('the east of Aleppo', 'east of')).toEqual(['east of']);
  });

  it('folds case by default, as foldCase does, and keeps it with caseSensitive', () => {
    expect(texts('Aleppo ALEPPO aleppo', 'aLePPo')).toEqual(['Aleppo', 'ALEPPO', 'aleppo']);
    expect(texts('Aleppo ALEPPO aleppo', 'Aleppo', true)).toEqual(['Aleppo']);
    // Final sigma folds like sigma; İ has no one-character lower case and matches only itself.
    expect(texts('ΟΔΟΣ οδος', 'οδοσ')).toEqual(['ΟΔΟΣ', 'οδος']);
    expect(texts('İstanbul Istanbul istanbul', 'İSTANBUL')).toEqual(['İstanbul']);
    expect(texts('straße STRASSE', 'strasse')).toEqual(['STRASSE']);
  });

  it('gives UTF-16 offsets past emoji and surrogate pairs, and never cuts a cluster', () => {
    const text = '😀 Aleppo 👨‍👩‍👧 Aleppo 𝐀 👍🏽 👍';
    const spans = findOccurrences(text, 'aleppo');
    expect(spans).toEqual([
      { start: 3, end: 9 },
      { start: 19, end: 25 },
    ]);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Aleppo', 'Aleppo']);
    // A thumbs-up with a skin tone is one cluster: only the bare one is whole.
    expect(findOccurrences(text, '👍')).toEqual([{ start: text.length - 2, end: text.length }]);
    expect(texts('e\u0301 e', 'e')).toEqual(['e']);
  });

  it('matches any whitespace run, CRLF included, and keeps offsets right after CRLF', () => {
    const text = 'Fighting in Aleppo\r\ncontinued.\r\nAleppo  continued';
    expect(texts(text, 'Aleppo continued')).toEqual(['Aleppo\r\ncontinued', 'Aleppo  continued']);
    const spans = findOccurrences(text, 'continued');
    expect(spans.map((s) => s.start)).toEqual([20, text.length - 9]);
    expect(texts(text, '  aleppo \n')).toEqual(['Aleppo', 'Aleppo']);
  });

  it('treats the phrase literally and finds nothing for a blank one', () => {
    expect(texts('a (b) a.b a+b', 'a+b')).toEqual(['a+b']);
    expect(texts('U.N. and UN', 'U.N.')).toEqual(['U.N.']);
    expect(findOccurrences('some text', '   ')).toEqual([]);
  });

  it('tries again one character on after a match that is not whole words', () => {
    expect(texts('aab ab', 'ab')).toEqual(['ab']);
    expect(findOccurrences('xab ab', 'ab')).toEqual([{ start: 4, end: 6 }]);
  });

  it('insideToken agrees with the boundaries of tokenize (property)', () => {
    const pieces = fc.constantFrom('Aleppo', 'al', 'Assad', "'", '’', '.', ',', '-', ' ', '\n', '😀', '👍🏽', 'e\u0301', '13', '北京', '—', '(', '"');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }).map((p) => p.join('')), (text) => {
        const inside = new Set<number>();
        for (const t of tokenize(text)) for (let i = t.start + 1; i < t.end; i++) inside.add(i);
        for (let at = 0; at <= text.length; at++) expect(insideToken(text, at), `${JSON.stringify(text)} at ${at}`).toBe(inside.has(at));
      }),
      { numRuns: 300 },
    );
  });

  it('isWholeWords is what a snapped selection would keep', () => {
    expect(isWholeWords("Aleppo's", 0, 6)).toBe(false);
    expect(isWholeWords('Aleppo, Syria', 0, 6)).toBe(true);
    expect(isWholeWords('👍🏽', 0, 2)).toBe(false);
  });
});

describe('occurrenceContext', () => {
  it('shows the sentence around, cut at about 60 characters with an ellipsis', () => {
    const text = 'First sentence. Government forces entered eastern Aleppo on Monday, residents said.\nNext.';
    const at = text.indexOf('Aleppo');
    expect(occurrenceContext(text, at, at + 6)).toEqual({ before: 'Government forces entered eastern ', after: ' on Monday, residents said.' });
    const long = `${'word '.repeat(30)}Aleppo${' word'.repeat(30)}`;
    const l = long.indexOf('Aleppo');
    const { before, after } = occurrenceContext(long, l, l + 6);
    expect(before.startsWith('…word')).toBe(true);
    expect(after.endsWith('word…')).toBe(true);
    expect(before.length).toBeLessThanOrEqual(61);
    expect(after.length).toBeLessThanOrEqual(61);
  });
});

describe('classifying occurrences against existing spans', () => {
  const text = 'Aleppo fell. The people of Aleppo fled. “We left Aleppo,” she said.';
  const [first, second, third] = findOccurrences(text, 'Aleppo');
  const spans: ExistingSpan[] = [
    { ...first, label: 'location', annotator: 'ana' },
    { ...second, label: 'location', annotator: 'ben' },
    { start: text.indexOf('“'), end: text.indexOf(',”') + 2, label: 'quote', annotator: 'ana' },
    { start: third.start, end: third.end + 1, label: 'location', annotator: 'ana' },
  ];

  it('marks an exact span of the label by the annotator as already tagged, and lists overlaps', () => {
    const occurrences = documentOccurrences(text, spans, phraseMatcher('aleppo'), 'location', 'ana');
    expect(occurrences.map((o) => [o.text, o.alreadyTagged, o.overlaps])).toEqual([
      ['Aleppo', true, []],
      // Tagged by someone else: still offered, shown as overlapping their span.
      ['Aleppo', false, ['location']],
      // Inside a quote and a longer location of ana's: offered.
      ['Aleppo', false, ['location', 'quote']],
    ]);
    expect(documentOccurrences(text, spans, phraseMatcher('aleppo'), 'actor', 'ana')[0]).toMatchObject({ alreadyTagged: false, overlaps: ['location'] });
  });

  it('previews documents with something to tag first, counts everything, lists up to the limit', () => {
    const done = { id: 'done', title: 'Done', text: 'Aleppo', annotations: [{ start: 0, end: 6, label: 'location', annotator: 'ana' }] };
    const open = (id: string, n: number) => ({ id, title: id, text: Array(n).fill('Aleppo').join(' '), annotations: [] });
    const none = { id: 'none', title: 'None', text: 'Damascus', annotations: [] };
    const request = { phrase: 'Aleppo', label: 'location' };
    const preview = previewIn([done, open('a', 2), none, open('b', 3)], request, phraseMatcher('Aleppo'), 'ana');
    expect(preview.documents.map((d) => d.id)).toEqual(['a', 'b', 'done']);
    expect(preview).toMatchObject({ occurrences: 6, documentsFound: 3, alreadyTagged: 1, notListed: 0, phrase: 'Aleppo', caseSensitive: false });
    expect(preview.documents[2].occurrences[0]).toMatchObject({ alreadyTagged: true, before: '', after: '' });
    const limited = previewIn([done, open('a', 2), open('b', 3), open('c', 1)], request, phraseMatcher('Aleppo'), 'ana', 4);
    // b does not fit, nor any later document with something to tag; the tagged one still does.
    expect(limited.documents.map((d) => d.id)).toEqual(['a', 'done']);
    expect(limited).toMatchObject({ occurrences: 7, notListed: 4 });
    // A first document holding more than the limit is cut at it: never more is listed.
    const cut = previewIn([open('big', 6), open('a', 1)], request, phraseMatcher('Aleppo'), 'ana', 4);
    expect(cut.documents.map((d) => [d.id, d.occurrences.length])).toEqual([['big', 4]]);
    expect(cut).toMatchObject({ occurrences: 7, notListed: 3 });
  });
});
