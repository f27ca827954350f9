/// The deterministic, seeded workload of the benchmarks: news-like prose about a besieged city
/// (paragraphs split by blank lines, a headline first), the entity mentions it contains, and
/// spans chosen from them. The same seed always gives the same text and the same spans.
///
/// Pure and DOM-free: used by the browser benchmark (in Node, then handed to the page) and by the
/// corpus benchmark.
import { seededRandom } from '../test/seededRandom';

/// A tagged span in UTF-16 offsets of the text (what `benchLoad` and `benchAdd` take).
export interface BenchSpan {
  id: string;
  start: number;
  end: number;
  label: 'actor' | 'location' | 'figure' | 'quote';
  quote: string;
}

/// A candidate span found while writing the prose (mentions are disjoint or nested, never crossing).
export interface Mention {
  start: number;
  end: number;
  label: BenchSpan['label'];
  /// A quote's speaker, or the actor a figure is attributed to, where the sentence names one.
  attributedTo?: Mention;
  /// A figure's counted unit ("wounded patients") and the words of the verb written after it
  /// ("had fled", "remained"): what its measure is read from.
  counted?: { unit: string; verb: string };
}

/// A text and every entity mention in it, in text order.
export interface Prose {
  text: string;
  mentions: Mention[];
}

/// One browser workload: the text, its spans (sorted by start) and 20 spans to add afterwards.
export interface BrowserWorkload {
  text: string;
  annotations: BenchSpan[];
  adds: BenchSpan[];
}

/// The phrase planted in about 1% of corpus articles, for the search benchmark.
export const SEARCH_PHRASE = 'humanitarian pause near the Castello road';

/// A random (seeded) version 4 UUID.
export function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  const variant = '89ab'[Math.floor(random() * 4)];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/// A 32-bit seed from any string (FNV-1a).
export function seedOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export const FIRST = ['Staffan', 'Jan', 'Bashar', 'Sergei', 'Ibrahim', 'Zaher', 'Rami', 'Maria', 'Abdel', 'Hussam', 'Laura', 'Yacoub'];
export const LAST = ['de Mistura', 'Egeland', 'al-Hamwi', 'Lavrov', 'Abu Rami', 'al-Saket', 'Abdulrahman', 'Zakharova', 'al-Ali', 'Haddad', 'Kerr'];
export const BODIES = ['the United Nations', 'the Red Cross', 'the Syrian Observatory for Human Rights', "Russia's Defence Ministry", 'the White Helmets', 'rebel officials', 'the World Food Programme', 'state television'];
export const PLACES = ['Aleppo', 'east Aleppo', 'Ramouseh', 'al-Sukkari', 'Bustan al-Qasr', 'Idlib', 'Damascus', 'Geneva', 'Ankara', 'the Castello road', 'Hanano', 'Sheikh Saeed', 'western Aleppo', 'Moscow'];
const UNITS = ['civilians', 'people', 'fighters', 'families', 'children', 'wounded patients', 'buses'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const VERBS = ['left', 'fled', 'were evacuated from', 'remained trapped in', 'crossed into', 'were counted in'];
const SAY = ['said', 'told reporters', 'said in a statement', 'told Reuters', 'wrote on Twitter'];
const QUOTES = [
  'We will not leave until the last convoy is out',
  'The situation in PLACE is a meltdown of humanity',
  'Nobody can verify the figures coming out of PLACE',
  'There is no agreement and the shelling continues',
  'Civilians are being executed in their homes in PLACE',
  'The evacuation will resume as soon as the road is safe',
];
const FILLER = [
  'The claims could not be independently verified.',
  'The ceasefire appeared to be holding for a few hours before the shelling resumed.',
  'Aid workers described scenes of chaos at the crossing points as night fell.',
  'Temperatures dropped below freezing, and many of those waiting had no shelter.',
  'Both sides accused each other of breaking the truce within hours of its start.',
];

type Pick = <T>(list: readonly T[]) => T;

/// Writes prose of at least `chars` characters, recording the mentions as it goes.
export function writeProse(random: () => number, chars: number, headline = ''): Prose {
  const pick: Pick = (list) => list[Math.floor(random() * list.length)];
  let text = '';
  const mentions: Mention[] = [];
  const put = (s: string, label?: Mention['label']): Mention | undefined => {
    const mention = label && { start: text.length, end: text.length + s.length, label };
    if (mention) mentions.push(mention);
    text += s;
    return mention;
  };
  const actor = (capital = false): Mention => {
    const name = random() < 0.5 ? `${pick(FIRST)} ${pick(LAST)}` : pick(BODIES);
    return put(capital ? name[0].toUpperCase() + name.slice(1) : name, 'actor')!;
  };
  const place = () => put(pick(PLACES), 'location');
  // The random draws keep their order (range, unit), so the prose is what it was before
  // mentions recorded what they count and who they are attributed to.
  const figure = (): Mention & { counted: NonNullable<Mention['counted']> } => {
    const n = Math.floor(random() * 20000) + 12;
    const f = n.toLocaleString('en-US');
    const range = random() < 0.25;
    const unit = pick(UNITS);
    const mention = put(range ? `between ${f} and ${(n + 3000).toLocaleString('en-US')} ${unit}` : `${f} ${unit}`, 'figure')!;
    return Object.assign(mention, { counted: { unit, verb: '' } });
  };
  const quote = () => {
    const body = pick(QUOTES);
    const at = body.indexOf('PLACE');
    const quoteStart = mentions.length;
    const start = text.length + 1;
    put('“');
    if (at === -1) put(body);
    else {
      put(body.slice(0, at));
      place();
      put(body.slice(at + 5));
    }
    const said: Mention = { start, end: text.length, label: 'quote' };
    mentions.splice(quoteStart, 0, said);
    put(',” ');
    said.attributedTo = actor();
    put(` ${pick(SAY)}.`);
  };
  const sentences: (() => void)[] = [
    () => {
      const source = actor(true);
      put(` ${pick(SAY).replace(/^told reporters$/, 'said')} that `);
      const counted = figure();
      const verb = pick(VERBS);
      put(` had ${verb} `);
      counted.counted.verb = `had ${verb}`;
      counted.attributedTo = source;
      place();
      put(` on ${pick(DAYS)}.`);
    },
    quote,
    () => {
      put('Fighting continued in ');
      place();
      put(', where ');
      const counted = figure();
      counted.counted.verb = 'remained';
      put(' remained, according to ');
      counted.attributedTo = actor();
      put('.');
    },
    () => {
      put(`By ${pick(DAYS)} evening, `);
      const counted = figure();
      const verb = pick(VERBS);
      counted.counted.verb = `had ${verb}`;
      put(` had ${verb} `);
      place();
      put('.');
    },
    () => put(pick(FILLER)),
  ];
  if (headline) put(headline);
  else {
    put('Thousands flee ');
    place();
    put(' as evacuation resumes');
  }
  while (text.length < chars) {
    put('\n\n');
    const count = 2 + Math.floor(random() * 4);
    for (let i = 0; i < count && text.length < chars; i++) {
      if (i) put(' ');
      pick(sentences)();
    }
  }
  return { text, mentions };
}

/// `count` mentions spread evenly through `mentions` (the first one always included).
export function spreadMentions(mentions: readonly Mention[], count: number): Mention[] {
  if (mentions.length < count) throw new Error(`only ${mentions.length} mentions for ${count} spans`);
  const chosen: Mention[] = [];
  for (let k = 0; k < count; k++) chosen.push(mentions[Math.floor((k * mentions.length) / count)]);
  return chosen;
}

/// Spans sorted by start (then longer first), with ids `<prefix>0`, `<prefix>1`, ….
export function toSpans(text: string, mentions: readonly Mention[], prefix: string): BenchSpan[] {
  return [...mentions]
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .map((m, i) => ({ id: `${prefix}${i}`, start: m.start, end: m.end, label: m.label, quote: text.slice(m.start, m.end) }));
}

const ADD_LABELS: BenchSpan['label'][] = ['actor', 'location', 'figure', 'quote'];

/// `count` words near the top of the text (what the reader sees after opening it) that no span
/// touches: what a user would tag next.
export function freeWords(text: string, spans: readonly { start: number; end: number }[], count: number, prefix: string): BenchSpan[] {
  const words: BenchSpan[] = [];
  const pattern = /\p{L}{5,}/gu;
  for (let match = pattern.exec(text); match && words.length < count * 3; match = pattern.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (spans.some((s) => s.start < end && start < s.end)) continue;
    words.push({ id: '', start, end, label: 'actor', quote: match[0] });
  }
  if (words.length < count) throw new Error(`only ${words.length} untagged words to add`);
  return words
    .filter((_, i) => i % 3 === 0)
    .slice(0, count)
    .map((w, i) => ({ ...w, id: `${prefix}${i}`, label: ADD_LABELS[i % ADD_LABELS.length] }));
}

/// The browser workload for a text size and span count.
export function browserWorkload(chars: number, spanCount: number, seed = 20161213): BrowserWorkload {
  const prose = writeProse(seededRandom(seedOf(`${seed}:${chars}`)), chars);
  const annotations = toSpans(prose.text, spreadMentions(prose.mentions, spanCount), 'span-');
  return { text: prose.text, annotations, adds: freeWords(prose.text, annotations, 20, 'add-') };
}

/// Article `index` of the corpus with seed `seed`: 2,000–8,000 characters (5,000 on average),
/// unique (its dateline carries the index), and in about 1% of articles the search phrase.
export function corpusArticle(seed: number, index: number): Prose {
  const random = seededRandom(seedOf(`${seed}:article:${index}`));
  const chars = 2000 + Math.floor(random() * 6000);
  const headline = `ALEPPO, Dec ${1 + (index % 28)} (Wire ${String(index).padStart(6, '0')}) - Evacuation talks stall`;
  const prose = writeProse(random, chars, headline);
  if (random() < 0.01) prose.text += `\n\nAid agencies asked for a ${SEARCH_PHRASE} so that the wounded could leave.`;
  return prose;
}
