/// Tokens and per-token tags, as CoNLL export and token-level agreement both define them
/// (DESIGN §5, §6). Offsets are UTF-16, like every offset inside the app.
import { compareSpans } from './annotations.js';

/// DESIGN §5's token rule: words (letters, marks, digits, joined by ' ’ . , -) or one symbol.
// eslint-disable-next-line no-useless-escape -- DESIGN §5's pattern, verbatim
export const TOKEN_PATTERN = /[\p{L}\p{M}\p{N}]+(?:['’.,\-][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;

/// A token of the text.
export interface Token {
  text: string;
  start: number;
  end: number;
}

/// All tokens of `text`, in order.
export function tokenize(text: string): Token[] {
  return Array.from(text.matchAll(TOKEN_PATTERN), (m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/// A span that can tag tokens.
export interface TaggingSpan {
  start: number;
  end: number;
  label: string;
}

/// Which span tags each token: the span that covers it, or where several do, the one that starts
/// first, then the longer (DESIGN §5). `spans[i]` for a tagged token, `null` otherwise. Spans that
/// tag no token at all (hidden behind others) are returned as `lost`.
export function tagTokens<S extends TaggingSpan>(tokens: Token[], spans: S[]): { owners: (S | null)[]; lost: S[] } {
  const ordered = [...spans].sort(compareSpans);
  const owners: (S | null)[] = new Array(tokens.length).fill(null);
  const used = new Set<S>();
  // Sweep tokens and spans together: `open` holds spans started at or before the token, in
  // precedence order; the first that still covers the token wins.
  const open: S[] = [];
  let next = 0;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    while (next < ordered.length && ordered[next].start <= token.start) open.push(ordered[next++]);
    while (open.length && open[0].end <= token.start) open.shift();
    const owner = open.find((s) => s.end >= token.end);
    if (owner) {
      owners[t] = owner;
      used.add(owner);
    }
  }
  return { owners, lost: ordered.filter((s) => !used.has(s)) };
}
