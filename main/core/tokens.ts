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

const WORD = /[\p{L}\p{M}\p{N}]/u;
const SPACE = /\s/u;
const CONNECTORS = "'’.,-";
const OTHER = 0;
const WORD_CHAR = 1;
const SPACE_CHAR = 2;

/// Character classes of the BMP, computed once.
let bmp: Uint8Array | null = null;
function bmpClasses(): Uint8Array {
  if (!bmp) {
    bmp = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      bmp[c] = WORD.test(ch) ? WORD_CHAR : SPACE.test(ch) ? SPACE_CHAR : OTHER;
    }
  }
  return bmp;
}

/// All tokens of `text`, in order: exactly the matches of TOKEN_PATTERN (a property test holds
/// them equal), found by a scanner over a character-class table instead of the regular expression.
export function tokenize(text: string): Token[] {
  const classes = bmpClasses();
  const n = text.length;
  // Class of the character at i; an astral character (a surrogate pair) is looked up by regex.
  const kindAt = (i: number): number => {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdbff || i + 1 >= n) return classes[code];
    const low = text.charCodeAt(i + 1);
    if (low < 0xdc00 || low > 0xdfff) return classes[code];
    const point = text.slice(i, i + 2);
    return WORD.test(point) ? WORD_CHAR : SPACE.test(point) ? SPACE_CHAR : OTHER;
  };
  const widthAt = (i: number): number => {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdbff || i + 1 >= n) return 1;
    const low = text.charCodeAt(i + 1);
    return low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
  };
  const wordEnd = (from: number): number => {
    let i = from;
    while (i < n && kindAt(i) === WORD_CHAR) i += widthAt(i);
    return i;
  };
  const tokens: Token[] = [];
  let i = 0;
  while (i < n) {
    const kind = kindAt(i);
    if (kind === SPACE_CHAR) {
      i += widthAt(i);
      continue;
    }
    const start = i;
    if (kind === OTHER) i += widthAt(i);
    else {
      i = wordEnd(i);
      while (i + 1 < n && CONNECTORS.includes(text[i]) && kindAt(i + 1) === WORD_CHAR) i = wordEnd(i + 1);
    }
    tokens.push({ text: text.slice(start, i), start, end: i });
  }
  return tokens;
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
