/// Tokens and per-token tags, as CoNLL export and token-level agreement both define them
/// (DESIGN §5, §6): one rule for both, so agreement counts the tokens an export writes. Offsets
/// are UTF-16, like every offset inside the app.
import { compareSpans } from './annotations.js';

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
/// Below this code unit no character joins the one before it into a cluster (combining marks
/// start at U+0300; ZWJ, variation selectors, modifiers, jamo and regional indicators lie above),
/// nor the one after it (prepended characters start at U+0600).
const JOINS_FROM = 0x300;
/// Code units segmented at a time where clusters have to be looked up.
const WINDOW = 256;

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

let segmenter: Intl.Segmenter | null = null;

/// The ends of `text`'s grapheme clusters, asked for in text order from one cluster start to the
/// next. Text below U+0300 is one cluster per character (CR LF aside); elsewhere a window of the
/// text is segmented and its clusters kept until the scan leaves it.
function clusterEnds(text: string): (start: number) => number {
  const n = text.length;
  let ends = new Map<number, number>();
  return (start) => {
    const code = text.charCodeAt(start);
    const next = start + 1 < n ? text.charCodeAt(start + 1) : 0;
    if (code < JOINS_FROM && next < JOINS_FROM && !(code === 0x0d && next === 0x0a)) return start + 1;
    const known = ends.get(start);
    if (known !== undefined) return known;
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    // Segmented from a cluster start, so every boundary found is one of the whole text's; the
    // window's last cluster may be cut short by its end, so it is not kept (and a first cluster
    // that fills the window makes a bigger window).
    for (let size = WINDOW; ; size *= 2) {
      const to = Math.min(n, start + size);
      ends = new Map();
      for (const { index, segment } of segmenter.segment(text.slice(start, to))) {
        const end = start + index + segment.length;
        if (end < to || to === n) ends.set(start + index, end);
      }
      const found = ends.get(start);
      if (found !== undefined) return found;
    }
  };
}

/// All tokens of `text`, in order, by DESIGN §5's rule, read on the text's grapheme clusters
/// (Unicode extended grapheme clusters, as `Intl.Segmenter` finds them): a word is a run of
/// clusters that start with a letter, mark or digit, joined by one of ' ’ . , - between two of
/// them; three or more dots, or "…", are one token (an ellipsis); any other cluster that is not
/// whitespace is a token of its own, so an emoji with its ZWJ sequence, skin tone or flag pair is
/// one token, never split. Found by a scanner over a character-class table (a property test holds
/// it to a plain reading of the rule).
export function tokenize(text: string): Token[] {
  const classes = bmpClasses();
  const n = text.length;
  const clusterEnd = clusterEnds(text);
  // Class of the cluster at i, by its first code point; an astral one is looked up by regex.
  const kindAt = (i: number): number => {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdbff || i + 1 >= n) return classes[code];
    const low = text.charCodeAt(i + 1);
    if (low < 0xdc00 || low > 0xdfff) return classes[code];
    const point = text.slice(i, i + 2);
    return WORD.test(point) ? WORD_CHAR : SPACE.test(point) ? SPACE_CHAR : OTHER;
  };
  /// Whether the cluster at i is the one character `chars` holds (a connector, a dot).
  const single = (i: number, chars: string): boolean => i < n && chars.includes(text[i]) && clusterEnd(i) === i + 1;
  const wordEnd = (from: number): number => {
    let i = from;
    while (i < n && kindAt(i) === WORD_CHAR) i = clusterEnd(i);
    return i;
  };
  const tokens: Token[] = [];
  let i = 0;
  while (i < n) {
    const kind = kindAt(i);
    const start = i;
    if (kind === SPACE_CHAR) {
      i = clusterEnd(i);
      continue;
    }
    if (kind === WORD_CHAR) {
      i = wordEnd(i);
      while (i + 1 < n && single(i, CONNECTORS) && kindAt(i + 1) === WORD_CHAR) i = wordEnd(i + 1);
    } else if (single(i, '.') && single(i + 1, '.') && single(i + 2, '.')) {
      i += 3;
      while (single(i, '.')) i++;
    } else i = clusterEnd(i);
    tokens.push({ text: text.slice(start, i), start, end: i });
  }
  return tokens;
}

/// Whether a token ends a sentence: `.`, `!`, `?`, or an ellipsis (`…`, `...`).
export function endsSentence(token: Token): boolean {
  const t = token.text;
  return t === '.' || t === '!' || t === '?' || t === '…' || (t.length >= 3 && /^\.+$/.test(t));
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
