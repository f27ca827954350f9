// DESIGN §5's token rule read plainly, for tests to hold the app's scanner (main/core/tokens.ts)
// to: the text's grapheme clusters, each named by one letter, and a regular expression over those
// letters (W a cluster starting with a letter, mark or digit; D a lone "."; C another lone
// connector ' ’ , -; S whitespace; O anything else).

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/// The tokens of `text` by the rule: words joined by connectors, an ellipsis of three or more
/// dots, or one grapheme cluster; UTF-16 offsets.
export function tokensByRule(text: string): { text: string; start: number; end: number }[] {
  const clusters = Array.from(segmenter.segment(text), ({ segment, index }) => ({ segment, index }));
  const kinds = clusters
    .map(({ segment }) => {
      const first = String.fromCodePoint(segment.codePointAt(0)!);
      if (/[\p{L}\p{M}\p{N}]/u.test(first)) return 'W';
      if (/\s/u.test(first)) return 'S';
      if (segment === '.') return 'D';
      if (["'", '’', ',', '-'].includes(segment)) return 'C';
      return 'O';
    })
    .join('');
  const tokens: { text: string; start: number; end: number }[] = [];
  for (const m of kinds.matchAll(/W+(?:[CD]W+)*|D{3,}|[^S]/g)) {
    const first = clusters[m.index];
    const last = clusters[m.index + m[0].length - 1];
    const end = last.index + last.segment.length;
    tokens.push({ text: text.slice(first.index, end), start: first.index, end });
  }
  return tokens;
}
