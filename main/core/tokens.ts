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
/// Fewest code units segmented at a time where clusters have to be looked up.
const MIN_SLICE = 16;

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

/// What the segmenter says of each code point on its own, asked once: whether it joins the
/// character after it into one cluster (Unicode's prepended concatenation marks, such as U+0600),
/// and whether it joins the one before it (combining marks, ZWJ, variation selectors, skin tones,
/// spacing marks). Bits: 1 known, 2 joins what follows, 4 joins what precedes.
const JOIN_KNOWN = 1;
const JOINS_NEXT = 2;
const JOINS_PREVIOUS = 4;
const bmpJoins = new Uint8Array(0x10000);
const astralJoins = new Map<number, number>();
function joinsOf(point: number): number {
  let bits = point <= 0xffff ? bmpJoins[point] : (astralJoins.get(point) ?? 0);
  if (!bits) {
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const ch = String.fromCodePoint(point);
    const one = (probe: string) => [...segmenter!.segment(probe)].length === 1;
    bits = JOIN_KNOWN | (one(ch + 'a') ? JOINS_NEXT : 0) | (one('a' + ch) ? JOINS_PREVIOUS : 0);
    if (point <= 0xffff) bmpJoins[point] = bits;
    else astralJoins.set(point, bits);
  }
  return bits;
}

/// Whether `c` is Hangul: a jamo or a precomposed syllable.
function isHangul(c: number): boolean {
  return (c >= 0x1100 && c <= 0x11ff) || (c >= 0xa960 && c <= 0xa97f) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xd7b0 && c <= 0xd7ff);
}

/// Whether a cluster starting with `point` may go on over a next character that joins neither
/// side on its own: a regional indicator (a flag is a pair), a ZWJ, a skin tone after an emoji,
/// or Hangul (jamo join into syllables), whose joining depends on both.
function joinsInContext(point: number, next: number): boolean {
  if (point >= 0x1f1e6 && point <= 0x1f1ff) return true;
  if (point === 0x200d) return true;
  // A skin tone joins an emoji before it, not a letter.
  if (next >= 0x1f3fb && next <= 0x1f3ff) return true;
  return isHangul(point) && isHangul(next) && !(next >= 0xac00 && next <= 0xd7a3);
}

/// The ends of `text`'s grapheme clusters, asked for in text order from one cluster start to the
/// next. A character below U+0300 followed by another is a cluster of its own (CR LF aside);
/// elsewhere the run of text up to the next two such characters is segmented once and its
/// clusters kept until the scan leaves it, so only text beyond those characters is segmented.
function clusterEnds(text: string): (start: number) => number {
  const n = text.length;
  let ends = new Map<number, number>();
  return (start) => {
    const code = text.charCodeAt(start);
    const next = start + 1 < n ? text.charCodeAt(start + 1) : 0;
    if (code < JOINS_FROM && next < JOINS_FROM && !(code === 0x0d && next === 0x0a)) return start + 1;
    // One code point is a cluster of its own when it joins nothing after it, and what follows
    // joins nothing before it (the segmenter's answers for each, kept), outside the pairs whose
    // joining depends on both (flags, ZWJ, Hangul).
    const point = text.codePointAt(start)!;
    const after = start + (point > 0xffff ? 2 : 1);
    if (after >= n) return after;
    const following = text.codePointAt(after)!;
    if (!(code === 0x0d && following === 0x0a) && !(joinsOf(point) & JOINS_NEXT) && !(joinsOf(following) & JOINS_PREVIOUS) && !joinsInContext(point, following)) return after;
    const known = ends.get(start);
    if (known !== undefined) return known;
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    // Where the fast rule above holds again: two characters below U+0300 in a row.
    let plain = start + 1;
    while (plain + 1 < n && !(text.charCodeAt(plain) < JOINS_FROM && text.charCodeAt(plain + 1) < JOINS_FROM)) plain++;
    // Segmented from a cluster start, so every boundary found is one of the whole text's; the
    // slice's last cluster may be cut short by its end, so it is not kept (and a first cluster
    // that fills the slice makes a bigger one).
    for (let size = Math.max(MIN_SLICE, plain + 2 - start); ; size *= 2) {
      let to = Math.min(n, start + size);
      // Never between the halves of a surrogate pair: half an emoji would end the cluster before it.
      if (to < n && (text.charCodeAt(to - 1) & 0xfc00) === 0xd800) to++;
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
