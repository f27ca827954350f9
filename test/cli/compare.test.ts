// `awb compare` on a workspace made by importing an exchange file (three documents from three
// outlets, figures with measures spelled in different ways, speakers linked and not, entities
// named in different forms): the JSON has exactly its documented keys, code point offsets, the
// conflicts an independent pairwise computation finds, quotes grouped by speaker and nearly the
// same words, entities with their mentions and forms; the filters narrow it; bad options are
// usage errors in words; the text report shows the same.
import { createHash, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { awb, tempDir } from '../helpers';

type Quantity = { low: number | null; high: number | null; lowInclusive: boolean; highInclusive: boolean; approximate: boolean; qualifier: string | null; unit: 'count' | 'percent' | 'share' };
type FigureItem = { documentId: string; annotationId: string; start: number; end: number; text: string; outlet: string | null; publishedAt: string | null; quantity: Quantity; source: { annotationId: string; text: string; entityId: string | null } | null };
type FigureGroup = { measure: string | null; items: FigureItem[]; conflicts: [number, number][] };
type QuoteGroup = { speaker: { entityId: string; name: string } | { text: string } | null; items: { documentId: string; annotationId: string; start: number; end: number; text: string; outlet: string | null }[] };
type EntityEntry = { id: string; name: string; type: string; documents: { documentId: string; outlet: string | null; mentions: number; forms: string[] }[] };
type Compared = { figures: FigureGroup[]; quotes: QuoteGroup[]; entities: EntityEntry[] };

const EGELAND = randomUUID();
const RUSSIA = randomUUID();
const DE_MISTURA = randomUUID();

/// One document of the file: its text, where it came from, and its spans and links.
interface DocumentPlan {
  title: string;
  outlet: string;
  publishedAt: string;
  annotator: string;
  text: string;
  spans: { key: string; label: string; phrase: string; annotator?: string; entityId?: string; measure?: string; quantity?: Quantity }[];
  links: { type: 'speaker' | 'source'; from: string; to: string }[];
}

const openPoint = (value: number): Quantity => ({ low: value, high: value, lowInclusive: false, highInclusive: false, approximate: false, qualifier: null, unit: 'count' });

const PLANS: DocumentPlan[] = [
  {
    title: 'Aleppo evacuation stalls',
    outlet: 'Reuters',
    publishedAt: '2016-12-13T09:30:00Z',
    annotator: 'ana',
    // The emoji before the figures: code point offsets are one less than UTF-16 ones after it.
    text:
      '🚨 Aleppo, 13 December. 13,346 civilians fled eastern Aleppo overnight, said Jan Egeland. Earlier counts put it at about 130,000 civilians. ' +
      '"The situation is a meltdown of humanity in eastern Aleppo," Egeland told reporters. Egeland added that 45 percent of convoys arrived, and 12 convoys were turned back. ' +
      'Russia said the operation was over.',
    spans: [
      { key: 'a-13346', label: 'figure', phrase: '13,346 civilians', measure: 'civilians fled' },
      { key: 'a-130000', label: 'figure', phrase: 'about 130,000 civilians', measure: 'civilians fled', annotator: 'ben' },
      { key: 'a-jan', label: 'actor', phrase: 'Jan Egeland', entityId: EGELAND },
      { key: 'a-quote', label: 'quote', phrase: 'The situation is a meltdown of humanity in eastern Aleppo,' },
      { key: 'a-egeland', label: 'actor', phrase: 'Egeland told', entityId: EGELAND },
      { key: 'a-egeland2', label: 'actor', phrase: 'Egeland added', entityId: EGELAND },
      { key: 'a-45', label: 'figure', phrase: '45 percent', measure: 'convoys arrived' },
      { key: 'a-12', label: 'figure', phrase: '12 convoys', measure: 'Convoys arrived' },
      { key: 'a-russia', label: 'location', phrase: 'Russia', entityId: RUSSIA },
    ],
    links: [
      { type: 'source', from: 'a-13346', to: 'a-jan' },
      { type: 'speaker', from: 'a-quote', to: 'a-egeland' },
    ],
  },
  {
    title: 'UN: up to 13,000 have fled',
    outlet: 'Al Jazeera',
    publishedAt: '2016-12-14',
    annotator: 'ana',
    text:
      'Between 10,000 and 13,000 civilians fled, the UN said. Nearly half of the convoys arrived and 5 shelters opened. ' +
      'Jan Egeland said: "The situation is a meltdown of humanity in Aleppo." A doctor said: "Nobody is safe here." The army counted 80,000 people in the east.',
    spans: [
      { key: 'b-range', label: 'figure', phrase: 'Between 10,000 and 13,000 civilians', measure: 'Civilians fled' },
      { key: 'b-half', label: 'figure', phrase: 'Nearly half', measure: 'convoys arrived', quantity: { low: 0.45, high: 0.45, lowInclusive: true, highInclusive: true, approximate: false, qualifier: null, unit: 'share' } },
      { key: 'b-shelters', label: 'figure', phrase: '5 shelters', measure: 'shelters opened' },
      { key: 'b-jan', label: 'actor', phrase: 'Jan Egeland', entityId: EGELAND },
      { key: 'b-quote', label: 'quote', phrase: 'The situation is a meltdown of humanity in Aleppo.' },
      { key: 'b-doctor', label: 'actor', phrase: 'A doctor' },
      { key: 'b-doctor-quote', label: 'quote', phrase: 'Nobody is safe here.' },
      { key: 'b-80000', label: 'figure', phrase: '80,000' },
    ],
    links: [
      { type: 'speaker', from: 'b-quote', to: 'b-jan' },
      { type: 'speaker', from: 'b-doctor-quote', to: 'b-doctor' },
    ],
  },
  {
    title: 'Evacuation continues',
    outlet: 'TASS',
    publishedAt: '2016-12-15',
    annotator: 'ben',
    text:
      'More than 4,000 civilians fled on Thursday; the Russian Federation said fewer than 10,000 civilians fled in all. ' +
      'Mr Egeland said: "We need a ceasefire now." "It is the end of the city," a banner read. Only 30 percent of convoys arrived; 5 shelters stood open.',
    spans: [
      { key: 'c-4000', label: 'figure', phrase: 'More than 4,000 civilians', measure: 'civilians  fled' },
      { key: 'c-russia', label: 'location', phrase: 'Russian Federation', entityId: RUSSIA },
      { key: 'c-10000', label: 'figure', phrase: 'fewer than 10,000 civilians', measure: 'CIVILIANS FLED' },
      { key: 'c-mr', label: 'actor', phrase: 'Mr Egeland', entityId: EGELAND },
      { key: 'c-quote', label: 'quote', phrase: 'We need a ceasefire now.' },
      { key: 'c-banner', label: 'quote', phrase: 'It is the end of the city,' },
      { key: 'c-30', label: 'figure', phrase: '30 percent', measure: 'convoys arrived' },
      // A single value with both ends open (as a hand-made file may give it) still holds itself.
      { key: 'c-shelters', label: 'figure', phrase: '5 shelters', measure: 'Shelters opened', quantity: openPoint(5) },
    ],
    links: [{ type: 'speaker', from: 'c-quote', to: 'c-mr' }],
  },
];

const codePoints = (text: string) => [...text];
const documentIdOf = (text: string) => `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
const ids = new Map(PLANS.flatMap((p) => p.spans.map((s) => [s.key, randomUUID()] as const)));
const phraseOf = new Map(PLANS.flatMap((p) => p.spans.map((s) => [s.key, s.phrase.replace(/ (told|added)$/, '')] as const)));

/// The exchange file (version 2, code point offsets) of `PLANS`.
function exchangeFile(): unknown {
  const documents = PLANS.map((plan) => ({
    id: documentIdOf(plan.text),
    title: plan.title,
    meta: { outlet: plan.outlet, publishedAt: plan.publishedAt },
    text: plan.text,
    annotations: plan.spans.map((span) => {
      const phrase = phraseOf.get(span.key)!;
      const at = plan.text.indexOf(span.phrase);
      expect(at, span.key).toBeGreaterThanOrEqual(0);
      const start = codePoints(plan.text.slice(0, at)).length;
      return {
        id: ids.get(span.key)!,
        label: span.label,
        start,
        end: start + codePoints(phrase).length,
        text: phrase,
        annotator: span.annotator ?? plan.annotator,
        createdAt: '2016-12-20T10:00:00.000Z',
        ...(span.entityId ? { entityId: span.entityId } : {}),
        ...(span.measure ? { attributes: { measure: span.measure } } : {}),
        ...(span.quantity ? { quantity: span.quantity } : {}),
      };
    }),
    relations: plan.links.map((link) => ({ id: randomUUID(), type: link.type, from: ids.get(link.from)!, to: ids.get(link.to)!, annotator: plan.annotator })),
  }));
  return {
    format: 'annotation-workbench',
    version: 2,
    offsets: 'codepoints',
    exportedAt: '2016-12-20T12:00:00.000Z',
    exportedBy: 'ana',
    labels: [
      { id: 'actor', name: 'Actor', color: '#2f6fdf' },
      { id: 'location', name: 'Location', color: '#1f9d6b' },
      { id: 'figure', name: 'Figure', color: '#d9822b', attributes: [{ id: 'measure', name: 'Measure', kind: 'text' }] },
      { id: 'quote', name: 'Quote', color: '#a454c9' },
    ],
    entities: [
      { id: EGELAND, name: 'Jan Egeland', type: 'actor', aliases: ['Egeland'] },
      { id: RUSSIA, name: 'Russia', type: 'location', aliases: [] },
      { id: DE_MISTURA, name: 'Staffan de Mistura', type: 'actor', aliases: [] },
    ],
    documents,
  };
}

const [A, B, C] = PLANS.map((p) => documentIdOf(p.text));

/// The exact keys every object of the JSON must have, level by level.
function expectShape(report: Compared): void {
  const keys = (value: object) => Object.keys(value).sort();
  expect(keys(report)).toEqual(['entities', 'figures', 'quotes']);
  for (const group of report.figures) {
    expect(keys(group)).toEqual(['conflicts', 'items', 'measure']);
    for (const item of group.items) {
      expect(keys(item)).toEqual(['annotationId', 'documentId', 'end', 'outlet', 'publishedAt', 'quantity', 'source', 'start', 'text']);
      expect(keys(item.quantity)).toEqual(['approximate', 'high', 'highInclusive', 'low', 'lowInclusive', 'qualifier', 'unit']);
      if (item.source !== null) expect(keys(item.source)).toEqual(['annotationId', 'entityId', 'text']);
    }
  }
  for (const group of report.quotes) {
    expect(keys(group)).toEqual(['items', 'speaker']);
    if (group.speaker !== null) expect([['entityId', 'name'], ['text']]).toContainEqual(keys(group.speaker));
    for (const item of group.items) expect(keys(item)).toEqual(['annotationId', 'documentId', 'end', 'outlet', 'start', 'text']);
  }
  for (const entity of report.entities) {
    expect(keys(entity)).toEqual(['documents', 'id', 'name', 'type']);
    for (const d of entity.documents) {
      expect(keys(d)).toEqual(['documentId', 'forms', 'mentions', 'outlet']);
      expect(d.forms.every((f) => typeof f === 'string')).toBe(true);
    }
  }
}

/// Whether two figures' intervals share a value, worked out here from the definition (like units
/// only: a count with a count, a percentage as a share; an open end reaches infinity; a single
/// value holds itself), not with the app's code.
function intervalsMeet(x: Quantity, y: Quantity): boolean {
  const ends = (q: Quantity) => {
    const scale = q.unit === 'percent' ? 100 : 1;
    const point = q.low !== null && q.low === q.high;
    return {
      low: q.low === null ? -Infinity : q.low / scale,
      high: q.high === null ? Infinity : q.high / scale,
      lowIn: q.low !== null && (q.lowInclusive || point),
      highIn: q.high !== null && (q.highInclusive || point),
    };
  };
  const [a, b] = [ends(x), ends(y)];
  const holds = (e: ReturnType<typeof ends>, v: number) => (v > e.low || (v === e.low && e.lowIn)) && (v < e.high || (v === e.high && e.highIn));
  const low = Math.max(a.low, b.low);
  const high = Math.min(a.high, b.high);
  return low < high || (low === high && holds(a, low) && holds(b, low));
}

/// Every pair of a group's items that conflict: different documents, like units, intervals apart.
function expectedConflicts(items: readonly FigureItem[]): [number, number][] {
  const pairs: [number, number][] = [];
  const likeUnits = (x: Quantity, y: Quantity) => (x.unit === 'count') === (y.unit === 'count');
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const [x, y] = [items[i], items[j]];
      if (x.documentId !== y.documentId && likeUnits(x.quantity, y.quantity) && !intervalsMeet(x.quantity, y.quantity)) pairs.push([i, j]);
    }
  }
  return pairs;
}

describe('awb compare', () => {
  let dir: string;
  /// The report without options (asked once: every run of awb starts a process).
  let full: Compared;
  const compare = (...args: string[]): Compared => {
    const result = awb('compare', '--json', ...args, '--workspace', dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Compared;
    expectShape(report);
    return report;
  };
  const group = (report: Compared, measure: string | null) => report.figures.find((g) => g.measure === measure)!;
  const indexOf = (g: FigureGroup, key: string) => g.items.findIndex((item) => item.annotationId === ids.get(key));

  beforeAll(() => {
    dir = join(tempDir(), 'w');
    const file = join(tempDir(), 'aleppo.awb.json');
    writeFileSync(file, JSON.stringify(exchangeFile()));
    const imported = awb('import', file, '--workspace', dir);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    full = compare();
  }, 30_000);

  it('prints figures by measure with code point offsets and the conflicts a pairwise comparison finds', () => {
    const report = full;
    const texts = new Map(PLANS.map((p) => [documentIdOf(p.text), p.text]));
    const plans = new Map(PLANS.map((p) => [documentIdOf(p.text), p]));
    for (const item of report.figures.flatMap((g) => g.items)) {
      expect(codePoints(texts.get(item.documentId)!).slice(item.start, item.end).join('')).toBe(item.text);
      expect(item.outlet).toBe(plans.get(item.documentId)!.outlet);
      expect(item.publishedAt).toBe(plans.get(item.documentId)!.publishedAt);
    }
    // The emoji: the first figure's code point start is one less than its UTF-16 start.
    const first = group(report, 'civilians fled').items[indexOf(group(report, 'civilians fled'), 'a-13346')];
    expect(first.start).toBe(PLANS[0].text.indexOf('13,346') - 1);

    // Spellings that differ in case and spacing are one measure, in its most used spelling;
    // the figure without a measure is last, never compared.
    expect(report.figures.map((g) => [g.measure, g.items.length])).toEqual([
      ['civilians fled', 5],
      ['convoys arrived', 4],
      ['shelters opened', 2],
      [null, 1],
    ]);
    expect(group(report, null)).toEqual({ measure: null, items: [expect.objectContaining({ text: '80,000', documentId: B })], conflicts: [] });
    for (const g of report.figures) expect(g.conflicts, String(g.measure)).toEqual(g.measure === null ? [] : expectedConflicts(g.items));

    // By hand: 13,346 is outside 10,000–13,000 but more than 4,000; figures of one document
    // never conflict; an open end excludes the value it touches.
    const civilians = group(report, 'civilians fled');
    const pair = (x: string, y: string) => [indexOf(civilians, x), indexOf(civilians, y)].sort((i, j) => i - j);
    expect(civilians.conflicts).toContainEqual(pair('a-13346', 'b-range'));
    expect(civilians.conflicts).not.toContainEqual(pair('a-13346', 'c-4000'));
    expect(civilians.conflicts).not.toContainEqual(pair('a-13346', 'a-130000'));
    expect(civilians.conflicts).toContainEqual(pair('b-range', 'c-10000'));
    expect(civilians.conflicts).toHaveLength(5);
    // 45 percent and a share of 0.45 agree; 30 percent conflicts with both; a count is compared
    // with no share.
    const convoys = group(report, 'convoys arrived');
    const at = (key: string) => indexOf(convoys, key);
    expect(convoys.conflicts).toEqual([[at('a-45'), at('c-30')], [at('b-half'), at('c-30')]].map((p) => p.sort((i, j) => i - j)));
    expect(group(report, 'shelters opened').conflicts).toEqual([]);

    expect(civilians.items[indexOf(civilians, 'c-4000')].quantity).toEqual({ low: 4000, high: null, lowInclusive: false, highInclusive: false, approximate: false, qualifier: 'more than', unit: 'count' });
    expect(first.source).toEqual({ annotationId: ids.get('a-jan'), text: 'Jan Egeland', entityId: EGELAND });
    expect(report.figures.flatMap((g) => g.items).filter((item) => item.source !== null)).toHaveLength(1);
  });

  it('groups quotes by speaker (an entity, a text, nobody) and nearly the same words', () => {
    const report = full;
    const texts = new Map(PLANS.map((p) => [documentIdOf(p.text), p.text]));
    for (const item of report.quotes.flatMap((g) => g.items)) {
      expect(codePoints(texts.get(item.documentId)!).slice(item.start, item.end).join('')).toBe(item.text);
    }
    expect(report.quotes.map((g) => ({ speaker: g.speaker, quotes: g.items.map((item) => [item.annotationId, item.outlet]) }))).toEqual([
      { speaker: { text: 'A doctor' }, quotes: [[ids.get('b-doctor-quote'), 'Al Jazeera']] },
      // One statement reported by two outlets in nearly the same words: one group.
      { speaker: { entityId: EGELAND, name: 'Jan Egeland' }, quotes: [[ids.get('a-quote'), 'Reuters'], [ids.get('b-quote'), 'Al Jazeera']] },
      { speaker: { entityId: EGELAND, name: 'Jan Egeland' }, quotes: [[ids.get('c-quote'), 'TASS']] },
      { speaker: null, quotes: [[ids.get('c-banner'), 'TASS']] },
    ]);
  });

  it('lists entities with their mentions and forms in each document, most mentioned first', () => {
    expect(full.entities).toEqual([
      {
        id: EGELAND,
        name: 'Jan Egeland',
        type: 'actor',
        documents: [
          { documentId: A, outlet: 'Reuters', mentions: 3, forms: ['Egeland', 'Jan Egeland'] },
          { documentId: B, outlet: 'Al Jazeera', mentions: 1, forms: ['Jan Egeland'] },
          { documentId: C, outlet: 'TASS', mentions: 1, forms: ['Mr Egeland'] },
        ],
      },
      {
        id: RUSSIA,
        name: 'Russia',
        type: 'location',
        documents: [
          { documentId: A, outlet: 'Reuters', mentions: 1, forms: ['Russia'] },
          { documentId: C, outlet: 'TASS', mentions: 1, forms: ['Russian Federation'] },
        ],
      },
    ]);
  });

  const documentsIn = (report: Compared) =>
    new Set([...report.figures.flatMap((g) => g.items), ...report.quotes.flatMap((g) => g.items), ...report.entities.flatMap((e) => e.documents)].map((x) => x.documentId));

  it('narrows to outlets (case aside) and documents (by the start of their ids)', () => {
    const reuters = compare('--outlet', 'reuters');
    expect(documentsIn(reuters)).toEqual(new Set([A]));
    expect(group(reuters, 'civilians fled')).toMatchObject({ items: [{ text: '13,346 civilians' }, { text: 'about 130,000 civilians' }], conflicts: [] });
    expect(documentsIn(compare('--outlet', 'TASS', '--outlet', 'al jazeera'))).toEqual(new Set([B, C]));

    const second = compare('--document', B.slice(7, 19));
    expect(documentsIn(second)).toEqual(new Set([B]));
    expect(second.quotes.map((g) => g.items.length)).toEqual([1, 1]);
    expect(documentsIn(compare('--document', `${A.slice(0, 20)}…`, '--document', C))).toEqual(new Set([A, C]));
  });

  it('narrows to annotators, days and labels', () => {
    const ben = compare('--annotator', 'ben');
    const benFigures = ben.figures.flatMap((g) => g.items.map((item) => item.annotationId));
    expect(benFigures.sort()).toEqual(['a-130000', 'c-4000', 'c-10000', 'c-30', 'c-shelters'].map((k) => ids.get(k)).sort());
    expect(group(ben, 'civilians fled').conflicts).toEqual(expectedConflicts(group(ben, 'civilians fled').items));
    expect(group(ben, 'civilians fled').conflicts).toHaveLength(1);
    expect(ben.entities.map((e) => e.documents.map((d) => d.documentId))).toEqual([[C], [C]]);

    expect(documentsIn(compare('--from', '2016-12-14', '--to', '2016-12-14'))).toEqual(new Set([B]));
    expect(documentsIn(compare('--from', '2016-12-14'))).toEqual(new Set([B, C]));
    const quotesOnly = compare('--label', 'quote');
    expect([quotesOnly.figures, quotesOnly.entities, quotesOnly.quotes.length]).toEqual([[], [], 4]);
  });

  it('refuses bad options as usage errors, and unknown documents and labels, in words', () => {
    const badDay = awb('compare', '--from', '2016-99-01', '--workspace', dir);
    expect(badDay.code).toBe(2);
    expect(badDay.stderr).toMatch(/^error: --from "2016-99-01": expected a date such as 2016-12-13\n/);
    expect(badDay.stdout).toBe('');
    const backwards = awb('compare', '--from', '2016-12-15', '--to', '2016-12-13', '--workspace', dir);
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toMatch(/--from 2016-12-15 is after --to 2016-12-13/);
    const longOutlet = awb('compare', '--outlet', 'x'.repeat(201), '--workspace', dir);
    expect(longOutlet.code).toBe(2);
    expect(longOutlet.stderr).toMatch(/^error: --outlet "x+": .*200 characters/);

    const unknown = awb('compare', '--document', '0123456789ab', '--workspace', dir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('awb: no document id starts with "0123456789ab"\n');
    const notAnId = awb('compare', '--document', 'aleppo', '--workspace', dir);
    expect(notAnId.code).toBe(1);
    expect(notAnId.stderr).toMatch(/"aleppo" is not a document id/);
    const label = awb('compare', '--label', 'person', '--workspace', dir);
    expect(label.code).toBe(1);
    expect(label.stderr).toBe('awb: --label person: there is no such label in this workspace (labels: actor, location, figure, quote)\n');
  });

  it('prints a report to read: measures with their conflicts, quotes by speaker, entities by document', () => {
    const result = awb('compare', '--workspace', dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines).toContain('  civilians fled: 5 figures, 5 conflicts');
    expect(lines).toContain('  convoys arrived: 4 figures, 2 conflicts');
    expect(lines).toContain('  (no measure): 1 figure, not compared: what they count is not given');
    expect(lines).toContain('    #1  Reuters, 2016-12-13  "13,346 civilians"  13,346  source: Jan Egeland  ✗ conflicts with 2 (#3, #5)');
    expect(lines).toContain('    #2  Reuters, 2016-12-13  "about 130,000 civilians"  [117,000, 143,000] ≈  ✗ conflicts with 2 (#3, #5)');
    expect(lines).toContain('    #4  TASS, 2016-12-15  "More than 4,000 civilians"  (4,000, ∞)');
    expect(lines).toContain('    #5  TASS, 2016-12-15  "fewer than 10,000 civilians"  [0, 10,000)  ✗ conflicts with 3 (#1, #2, #3)');
    expect(lines).toContain('  Jan Egeland: 2 quotes from 2 outlets');
    expect(lines).toContain('  A doctor (not linked to an entity): 1 quote from 1 outlet');
    expect(lines).toContain('  (no speaker recorded): 1 quote from 1 outlet');
    expect(lines).toContain('  Jan Egeland (actor): 5 mentions in 3 documents');
    expect(lines).toContain('    Reuters, 2016-12-13  3 mentions as "Egeland", "Jan Egeland"');
    expect(lines.filter((l) => l.includes('✗ conflicts with')).length).toBe(7);
  });
});
