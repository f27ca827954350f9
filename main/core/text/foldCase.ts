/// Case folding for search that keeps every offset, so a hit found in folded text is at the same
/// place in the original.

/// Lower case that keeps every offset: a character whose lower case is longer (such as `İ`) stays
/// as it is, and final sigma folds like sigma, so the same phrase folds alike wherever it stands.
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  const sameLength =
    lower.length === text.length
      ? lower
      : Array.from(text, (ch) => {
          const l = ch.toLowerCase();
          return l.length === ch.length ? l : ch;
        }).join('');
  return sameLength.replace(/ς/g, 'σ');
}
