// Suggestion quality on the gold set (test/fixtures/suggestions-gold.json, hand-annotated from
// the five seed articles): recall and precision of figure, quote and person-name suggestions,
// printed as a table and held to issue 18's thresholds. The suggestions are the ones the app is
// given: worked out in slices as the service does (names in 4,000-character slices).
//
// Matching: a figure or quote suggestion matches a gold item when its span is exactly the gold
// span (a quote's span is the text between its marks). A quote's speaker is right when the
// suggested speaker span overlaps the gold speaker's span (the text's nearest occurrence to the
// quote). A person-name suggestion (label actor, kind name) matches a gold person when the spans
// overlap. Each gold item is matched by at most one suggestion.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../main/core/text/normaliseText';
import { suggestInSlices } from '../../main/core/suggestions/suggestInSlices';
import { SUGGESTION_KINDS, type Suggestion } from '../../main/core/suggestions/suggestion';

interface GoldQuote {
  text: string;
  speaker?: string;
  attribution?: 'direct' | 'pronoun' | 'context';
}
interface GoldDocument {
  file: string;
  figures: string[];
  quotes: GoldQuote[];
  persons: string[];
}
interface Span {
  start: number;
  end: number;
}

const root = join(import.meta.dirname, '..', '..');
const gold = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'suggestions-gold.json'), 'utf8')) as { documents: GoldDocument[] };
const seeds = await Promise.all(
  gold.documents.map(async (doc) => {
    const text = normaliseText(readFileSync(join(root, 'seeds', doc.file), 'utf8'));
    return { text, suggestions: await suggestInSlices(text, [], SUGGESTION_KINDS, []) };
  }),
);

/// Where `s` next stands as whole words (not "Assad" inside "anti-Assad") at or after `from`.
function wholeIndexOf(text: string, s: string, from: number): number {
  for (let i = text.indexOf(s, from); i >= 0; i = text.indexOf(s, i + 1)) {
    if (!/[\p{L}\p{N}-]/u.test(text[i - 1] ?? ' ') && !/[\p{L}\p{N}]/u.test(text[i + s.length] ?? ' ')) return i;
  }
  return -1;
}

/// Each string's span: its next occurrence as whole words after the previous one's.
function locate(text: string, strings: string[], file: string): Span[] {
  let at = 0;
  return strings.map((s) => {
    const start = wholeIndexOf(text, s, at);
    if (start < 0) throw new Error(`gold item not in ${file}: ${s}`);
    at = start + s.length;
    return { start, end: start + s.length };
  });
}

/// The occurrence of `name` nearest to `span`.
function nearest(text: string, name: string, span: Span): Span {
  let best: Span | null = null;
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
    const distance = i < span.start ? span.start - i : i - span.end;
    const bestDistance = best ? (best.start < span.start ? span.start - best.start : best.start - span.end) : Infinity;
    if (distance < bestDistance) best = { start: i, end: i + name.length };
  }
  if (!best) throw new Error(`speaker not in text: ${name}`);
  return best;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const same = (a: Span, b: Span) => a.start === b.start && a.end === b.end;

/// How many of `golds` some suggestion matches, and how many suggestions match some gold.
function score(golds: Span[], suggested: Span[], match: (g: Span, s: Span) => boolean) {
  const used = new Set<number>();
  let found = 0;
  for (const g of golds) {
    const i = suggested.findIndex((s, j) => !used.has(j) && match(g, s));
    if (i >= 0) {
      used.add(i);
      found++;
    }
  }
  const right = suggested.filter((s) => golds.some((g) => match(g, s))).length;
  return { found, right };
}

describe('suggestion quality on the gold set of the seed articles', () => {
  const totals = {
    figure: { gold: 0, suggested: 0, found: 0, right: 0 },
    quote: { gold: 0, suggested: 0, found: 0, right: 0 },
    person: { gold: 0, suggested: 0, found: 0, right: 0 },
  };
  const speakers = { named: 0, namedRight: 0, all: 0, allRight: 0 };
  const misses: string[] = [];

  for (const [i, doc] of gold.documents.entries()) {
    const { text, suggestions } = seeds[i];
    const of = (f: (s: Suggestion) => boolean) => suggestions.filter(f);
    const figures = of((s) => s.kind === 'figure');
    const quotes = of((s) => s.kind === 'quote');
    const persons = of((s) => s.kind === 'name' && s.label === 'actor');

    const goldFigures = locate(text, doc.figures, doc.file);
    const f = score(goldFigures, figures, same);
    Object.assign(totals.figure, { gold: totals.figure.gold + goldFigures.length, suggested: totals.figure.suggested + figures.length, found: totals.figure.found + f.found, right: totals.figure.right + f.right });
    for (const s of figures) if (!goldFigures.some((g) => same(g, s))) misses.push(`${doc.file} extra figure: ${s.text}`);
    for (const g of goldFigures) if (!figures.some((s) => same(g, s))) misses.push(`${doc.file} missed figure: ${text.slice(g.start, g.end)}`);

    const goldQuotes = locate(text, doc.quotes.map((q) => q.text), doc.file);
    const q = score(goldQuotes, quotes, same);
    Object.assign(totals.quote, { gold: totals.quote.gold + goldQuotes.length, suggested: totals.quote.suggested + quotes.length, found: totals.quote.found + q.found, right: totals.quote.right + q.right });
    doc.quotes.forEach((g, i) => {
      const span = goldQuotes[i];
      const suggested = quotes.find((s) => same(span, s));
      if (!suggested) misses.push(`${doc.file} missed quote: ${g.text.slice(0, 40)}`);
      if (!g.speaker) return;
      const right = suggested?.speaker !== undefined && overlaps(nearest(text, g.speaker, span), suggested.speaker);
      if (!right) misses.push(`${doc.file} speaker of “${g.text.slice(0, 30)}…”: ${suggested?.speaker?.text ?? 'none'}, not ${g.speaker}`);
      speakers.all++;
      if (right) speakers.allRight++;
      if (g.attribution === 'direct') {
        speakers.named++;
        if (right) speakers.namedRight++;
      }
    });
    for (const s of quotes) if (!goldQuotes.some((g) => same(g, s))) misses.push(`${doc.file} extra quote: ${s.text.slice(0, 40)}`);

    const goldPersons = locate(text, doc.persons, doc.file);
    const p = score(goldPersons, persons, overlaps);
    Object.assign(totals.person, { gold: totals.person.gold + goldPersons.length, suggested: totals.person.suggested + persons.length, found: totals.person.found + p.found, right: totals.person.right + p.right });
    for (const g of goldPersons) if (!persons.some((s) => overlaps(g, s))) misses.push(`${doc.file} missed person: ${text.slice(g.start, g.end)}`);
    for (const s of persons) if (!goldPersons.some((g) => overlaps(g, s))) misses.push(`${doc.file} extra person: ${s.text}`);
  }

  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const recall = (k: keyof typeof totals) => ratio(totals[k].found, totals[k].gold);
  const precision = (k: keyof typeof totals) => ratio(totals[k].right, totals[k].suggested);
  const rows = (Object.keys(totals) as (keyof typeof totals)[]).map((k) => ({
    kind: k,
    gold: totals[k].gold,
    suggested: totals[k].suggested,
    recall: recall(k).toFixed(3),
    precision: precision(k).toFixed(3),
  }));
  console.log(
    [
      'Suggestion quality on the seed gold set (figures, quotes: exact span; persons: overlap)',
      'kind      gold  suggested  recall  precision',
      ...rows.map((r) => `${r.kind.padEnd(8)} ${String(r.gold).padStart(5)} ${String(r.suggested).padStart(10)}  ${r.recall}  ${r.precision}`),
      `quote speakers right: ${speakers.namedRight}/${speakers.named} of quotes naming one in their sentence (${ratio(speakers.namedRight, speakers.named).toFixed(3)}), ${speakers.allRight}/${speakers.all} of all quotes with a speaker`,
      ...(misses.length > 0 ? ['differences from the gold set:', ...misses.map((m) => `  ${m}`)] : []),
    ].join('\n'),
  );

  it('figures: recall ≥ 0.95, precision ≥ 0.85', () => {
    expect(recall('figure')).toBeGreaterThanOrEqual(0.95);
    expect(precision('figure')).toBeGreaterThanOrEqual(0.85);
  });

  it('quotes: recall ≥ 0.95, the right speaker for ≥ 0.8 of the quotes that name one', () => {
    expect(recall('quote')).toBeGreaterThanOrEqual(0.95);
    expect(ratio(speakers.namedRight, speakers.named)).toBeGreaterThanOrEqual(0.8);
  });

  it('person names: recall ≥ 0.8', () => {
    expect(recall('person')).toBeGreaterThanOrEqual(0.8);
  });
});
