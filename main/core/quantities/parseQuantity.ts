/// Reads the interval a figure's text states (DESIGN §10, quantities): "13,346" is [13346, 13346],
/// "between 10,000 and 13,000" [10000, 13000], "more than 730" (730, ∞), "at least 413" [413, ∞),
/// "up to 100,000" [0, 100000], "an estimated 130,000" [117000, 143000] (±10%, approximate),
/// "tens of thousands" [10000, 99999] (approximate), "98%" 98 percent, "two-thirds" 0.667 of a
/// whole. Numbers in words or with a scale ("1.5 million", "seven", "two-thirds", "forty
/// percent") are read by compromise, plain ones ("13,346", "98%") by a pattern; the qualifiers,
/// ranges and vague magnitudes around them by the small grammar below. Text it cannot read gives
/// null: nothing is guessed.
import type { Quantity } from '../model.js';
import { compromise } from './compromise.js';

function nlp(text: string) {
  return compromise()(text);
}

/// A number in digits (with thousands separators and decimals) and its percent sign or word,
/// not followed by a scale word or more digits ("1.5 million", "3/4" are compromise's).
const PLAIN_NUMBER = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s*(%|percent\b|per cent\b))?(?![\d/.,]\d|\s*(?:hundred|thousand|million|billion|trillion|bn|m|k)\b)/;

/// How much "about" leaves either way.
export const APPROXIMATION = 0.1;

type Bound = 'exact' | 'approximate' | 'above' | 'atLeast' | 'upTo' | 'below';

/// Words before a number that say how it bounds the figure, longest first within each meaning.
const QUALIFIERS: { words: string[]; bound: Bound }[] = [
  { bound: 'approximate', words: ['an estimated', 'estimated', 'approximately', 'an approximate', 'roughly', 'around', 'about', 'nearly', 'almost', 'close to', 'some', 'circa', 'c.', '~'] },
  { bound: 'above', words: ['more than', 'upwards of', 'in excess of', 'over', 'above', 'beyond'] },
  { bound: 'atLeast', words: ['at least', 'no fewer than', 'no less than', 'a minimum of', 'not less than'] },
  { bound: 'upTo', words: ['up to', 'at most', 'as many as', 'no more than', 'a maximum of', 'not more than'] },
  { bound: 'below', words: ['fewer than', 'less than', 'under', 'below'] },
];

/// Vague magnitudes ("tens of thousands"), which compromise does not read as numbers.
const MAGNITUDES: { pattern: RegExp; low: number; high: number }[] = [
  { pattern: /^tens of millions\b/, low: 10_000_000, high: 99_999_999 },
  { pattern: /^hundreds of millions\b/, low: 100_000_000, high: 999_999_999 },
  { pattern: /^tens of thousands\b/, low: 10_000, high: 99_999 },
  { pattern: /^hundreds of thousands\b/, low: 100_000, high: 999_999 },
  { pattern: /^millions\b/, low: 1_000_000, high: 9_999_999 },
  { pattern: /^thousands\b/, low: 1_000, high: 9_999 },
  { pattern: /^hundreds\b/, low: 100, high: 999 },
  { pattern: /^dozens\b/, low: 24, high: 99 },
  { pattern: /^scores\b/, low: 40, high: 99 },
];

/// A number compromise read, with what kind it is.
interface ReadNumber {
  value: number;
  unit: Quantity['unit'];
}

/// Rounds away binary noise (0.9 × 130,000 is 117,000.00000000001).
function tidy(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/// The numbers in `text`, in order: a plain one at its start by the pattern, else as compromise
/// reads them.
function numbersIn(text: string): ReadNumber[] {
  const plain = PLAIN_NUMBER.exec(text);
  if (plain) return [{ value: Number(plain[1].replace(/,/g, '') + (plain[2] ?? '')), unit: plain[3] ? 'percent' : 'count' }];
  const doc = nlp(text);
  const fractions = new Set((doc.fractions().json() as { text: string }[]).map((f) => f.text.trim().toLowerCase()));
  return (doc.numbers().json() as { text: string; number: { num: number; suffix: string; unit: string } }[])
    .filter((n) => Number.isFinite(n.number?.num))
    .map((n) => ({
      value: n.number.num,
      unit: n.number.suffix === '%' || n.number.unit === 'percent' ? 'percent' : fractions.has(n.text.trim().toLowerCase()) ? 'share' : 'count',
    }));
}

/// The qualifier `text` starts with, and the rest.
function qualifierOf(text: string): { bound: Bound; qualifier: string | null; rest: string } {
  for (const { words, bound } of QUALIFIERS) {
    for (const word of words) {
      if (text.startsWith(word) && (text.length === word.length || /[\s\d]/.test(text[word.length]) || !/[a-z]/.test(word.at(-1)!))) {
        return { bound, qualifier: word, rest: text.slice(word.length).trim() };
      }
    }
  }
  return { bound: 'exact', qualifier: null, rest: text };
}

/// The quantity `text` states, or null when it states none this parser can read.
export function parseQuantity(text: string): Quantity | null {
  const lower = text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  // A range: "between 10,000 and 13,000", "from 10 to 20", "10,000-13,000", "10 to 20".
  const range = /^(?:between (.+?) and (.+)|from (.+?) to (.+)|([\d.,]+(?: (?:thousand|million|billion))?) ?(?:-|–|—|to) ?([\d.,]+.*))$/.exec(lower);
  if (range) {
    const [first, second] = [range[1] ?? range[3] ?? range[5], range[2] ?? range[4] ?? range[6]];
    const low = numbersIn(first)[0];
    const high = numbersIn(second)[0];
    if (low && high) {
      // "10 to 20 percent": the unit stated once, at the end, is the range's.
      const unit = high.unit !== 'count' ? high.unit : low.unit;
      const [a, b] = low.value <= high.value ? [low.value, high.value] : [high.value, low.value];
      const qualifier = range[1] !== undefined ? 'between' : range[3] !== undefined ? 'from' : 'range';
      return { low: a, high: b, lowInclusive: true, highInclusive: true, approximate: false, qualifier, unit };
    }
  }
  const { bound, qualifier, rest } = qualifierOf(lower);
  const magnitude = MAGNITUDES.find((m) => m.pattern.test(rest));
  if (magnitude) {
    return vague(magnitude.low, magnitude.high, bound, qualifier ?? rest.match(magnitude.pattern)![0]);
  }
  const [number] = numbersIn(rest);
  if (!number) return null;
  return bounded(number, bound, qualifier);
}

/// A number with the bound its qualifier sets.
function bounded({ value, unit }: ReadNumber, bound: Bound, qualifier: string | null): Quantity {
  const base = { approximate: false, qualifier, unit };
  switch (bound) {
    case 'exact':
      return { ...base, low: value, high: value, lowInclusive: true, highInclusive: true };
    case 'approximate':
      return { ...base, low: tidy(value * (1 - APPROXIMATION)), high: tidy(value * (1 + APPROXIMATION)), lowInclusive: true, highInclusive: true, approximate: true };
    case 'above':
      return { ...base, low: value, high: null, lowInclusive: false, highInclusive: false };
    case 'atLeast':
      return { ...base, low: value, high: null, lowInclusive: true, highInclusive: false };
    case 'upTo':
      return { ...base, low: 0, high: value, lowInclusive: true, highInclusive: true };
    case 'below':
      return { ...base, low: 0, high: value, lowInclusive: true, highInclusive: false };
  }
}

/// A vague magnitude ("tens of thousands"), narrowed by its qualifier ("more than thousands").
function vague(low: number, high: number, bound: Bound, qualifier: string): Quantity {
  const base = { approximate: true, qualifier, unit: 'count' as const, lowInclusive: true, highInclusive: true };
  switch (bound) {
    case 'above':
    case 'atLeast':
      return { ...base, low, high: null, highInclusive: false };
    case 'upTo':
    case 'below':
      return { ...base, low: 0, high };
    default:
      return { ...base, low, high };
  }
}
