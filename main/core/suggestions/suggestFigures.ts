/// Figure suggestions (DESIGN §12): number phrases with the qualifier in front of them and the
/// counted noun right after, kept when the quantity parser reads them. Dates, years, times, ages,
/// durations, distances, money, ordinals and numbers inside ids are left out.
import { parseQuantity } from '../quantities/parseQuantity.js';
import { SUGGESTION_LABELS, type Suggestion } from './suggestion.js';

const UNITS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const SCALE = 'hundred|thousand|million|billion';
/// A number in words: "seven", "twenty-five", "two hundred", "1.5 million".
const WORDED = `(?:(?:${TENS})(?:-(?:${UNITS}))?|${UNITS}|a|one)(?:\\s+(?:${SCALE}))*|(?:${TENS})(?:-(?:${UNITS}))?|${UNITS}`;
/// A number in digits with separators and decimals, and an optional scale word.
const DIGITS = `\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?`;
const NUMBER = `(?:(?:${DIGITS})(?:\\s*(?:%|percent\\b|per cent\\b)|\\s+(?:${SCALE})\\b)?|(?:${WORDED})(?:\\s+(?:percent|per cent))?)`;
/// Fractions of a whole: "two-thirds", "three quarters", "one-fifth".
const FRACTION = `(?:${UNITS}|a)[-\\s](?:halves|half|thirds?|quarters?|fifths?|tenths?)`;
/// Vague magnitudes parseQuantity reads.
const MAGNITUDE = '(?:tens|hundreds) of (?:thousands|millions)|millions|thousands|hundreds|dozens|scores';
const QUALIFIER =
  'an estimated|estimated|approximately|roughly|around|about|nearly|almost|close to|some|more than|upwards of|in excess of|over|at least|no fewer than|no less than|up to|as many as|at most|no more than|fewer than|less than|under';
const FIGURE = new RegExp(
  `(?<![\\p{L}\\p{N}.,/\\-₹$£€])(?:(?:between\\s+(?<low>${NUMBER})\\s+and\\s+(?<high>${NUMBER}))|(?:(?<qualifier>${QUALIFIER})\\s+)?(?<number>${FRACTION}|${MAGNITUDE}|${NUMBER}))(?![\\p{L}\\p{N}]|[-.,/]\\p{N}|-\\p{L})`,
  'giu',
);

/// Words that make a number a time, a length or a date rather than a count.
const NOT_COUNTED = /^(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies)|km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|am|pm|a\.m\.|p\.m\.|st|nd|rd|th|years?-old)$/i;
const MONTHS = /(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+$/i;
/// Words that end a counted noun phrase before its noun.
const FUNCTION_WORDS = new Set(
  'a an the of in on at to by for from with and or but as is are was were be been being has have had do does did will would can could may might shall should must it its this that these those they them their he she his her we us our you your who which what when where than then so not no nor per each'.split(' '),
);
/// Plural nouns not ending in s.
const IRREGULAR_PLURALS = new Set(['people', 'children', 'men', 'women', 'police', 'personnel', 'staff', 'troops', 'cattle']);

/// Whether `word` looks like a plural noun ("rebels", "children").
function isPluralNoun(word: string): boolean {
  const lower = word.toLowerCase();
  if (IRREGULAR_PLURALS.has(lower)) return true;
  return lower.length >= 4 && /[^s]s$/.test(lower) && !FUNCTION_WORDS.has(lower) && !/(?:ous|ss|us|is|less)$/.test(lower);
}

/// The end of the counted noun phrase right after `end` ("Syrian rebels", "premium stories"): up
/// to two words then a plural noun; `end` itself when none follows; null when the number counts
/// time or length.
function countedNounEnd(text: string, end: number): number | null {
  const words = /\s+([\p{L}][\p{L}'’-]*|%)/uy;
  let at = end;
  for (let i = 0; i < 3; i++) {
    words.lastIndex = at;
    const m = words.exec(text);
    if (!m || m[0].includes('\n')) return end;
    const word = m[1];
    if (NOT_COUNTED.test(word)) return null;
    if (isPluralNoun(word)) return m.index + m[0].length;
    if (FUNCTION_WORDS.has(word.toLowerCase()) || /(?:ed|ing|ly)$/.test(word)) return end;
    at = m.index + m[0].length;
  }
  return end;
}

const parsed = new Map<string, boolean>();
/// Whether the quantity parser reads `phrase` (remembered: compromise is slow on worded numbers).
function readable(phrase: string): boolean {
  let ok = parsed.get(phrase);
  if (ok === undefined) {
    ok = parseQuantity(phrase) !== null;
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(phrase, ok);
  }
  return ok;
}

/// Figure suggestions in `text`, in text order.
export function suggestFigures(text: string): Suggestion[] {
  const found: Suggestion[] = [];
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(text); m; m = FIGURE.exec(text)) {
    const groups = m.groups!;
    const number = groups.number ?? groups.high;
    const numberEnd = m.index + m[0].length;
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    const lower = number.toLowerCase();
    // "one of the officials", "a" alone, "some" alone: no count without a qualifier.
    if (!groups.qualifier && !groups.low && /^(?:one|a)$/.test(lower)) continue;
    if (/^a(?:\s|$)/.test(lower) && !/^a[-\s](?:half|third|quarter|fifth|tenth)/.test(lower) && !/\s(?:hundred|thousand|million|billion)/.test(lower)) continue;
    // Dates, years, ages, money, numbers pointing back at a set ("the two powers").
    if (/\bthe\s+$/i.test(before) && !groups.qualifier && !groups.low) continue;
    if (MONTHS.test(before) || /\b(?:age|aged) of\s+$|\bage\s+$/i.test(before)) continue;
    if (/^(?:1[5-9]|20)\d\d$/.test(number) && !groups.low) continue;
    if (/^\d+[:.]\d\d\s*(?:am|pm)/i.test(text.slice(numberEnd - number.length, numberEnd + 3))) continue;
    const nounEnd = groups.number && MAGNITUDE_ONLY.test(lower) ? numberEnd : countedNounEnd(text, numberEnd);
    if (nounEnd === null) continue;
    if (!readable(m[0])) continue;
    found.push({ label: SUGGESTION_LABELS.figure, kind: 'figure', start: m.index, end: nounEnd, text: text.slice(m.index, nounEnd) });
  }
  return found;
}

const MAGNITUDE_ONLY = new RegExp(`^(?:${MAGNITUDE})$`, 'i');
