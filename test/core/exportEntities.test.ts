// Every export carries entities, attribute values and both kinds of link (DESIGN §10), read back
// here as a reader of each format would: JSONL spans' `entity` and `attributes`; the CSV's
// entity, measure and speaker-or-source columns; brat's `A`, `N` and `R` lines against brat's own
// line and configuration syntax; W3C identifying, describing and classifying bodies and linking
// annotations, expanded as JSON-LD. Texts hold emoji, so offsets are code points throughout.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { RELATION_ENDS } from '../../main/core/annotations';
import { bratAttributeValue, MAX_DECLARED_VALUES } from '../../main/core/export/bratAttributes';
import { bratType, exportBrat } from '../../main/core/export/exportBrat';
import { exportContext } from '../../main/core/export/exportContext';
import { exportCsv, protectCell } from '../../main/core/export/exportCsv';
import { exportJsonl } from '../../main/core/export/exportJsonl';
import { entityIri, exportW3c } from '../../main/core/export/exportW3c';
import { SCHEMA_VERSION, type Annotation, type DocumentFile, type Entity, type Label } from '../../main/core/model';
import { documentIdOf } from '../../main/core/text/readArticle';
import { codePointSlice, LABELS_WITH_ATTRIBUTES, linkedWorkspace } from '../arbitraries';
import { repoRoot } from '../helpers';

const RUNS = { numRuns: 60 };

/// The entity a span names, if it is linked to one of `entities`.
const entityOf = (entities: Entity[], a: Annotation) => entities.find((e) => e.id === a.entityId);

/// The actor span linked from `a` as its speaker (a quote) or its source (a figure).
function actorOf(file: DocumentFile, a: Annotation): Annotation | undefined {
  const type = a.label === 'quote' ? 'speaker' : a.label === 'figure' ? 'source' : undefined;
  const link = file.relations.find((r) => r.type === type && r.from === a.id);
  return file.annotations.find((b) => b.id === link?.to);
}

/// The lines of a brat `.ann` file, by kind (`T`, `A`, `N`, `#`, `R`), as `[id, data, tail]`.
function annLines(content: string): Map<string, string[][]> {
  const byKind = new Map<string, string[][]>();
  for (const line of content.split('\n').filter(Boolean)) {
    const fields = line.split('\t');
    const kind = fields[0].replace(/\d+$/, '');
    byKind.set(kind, [...(byKind.get(kind) ?? []), fields]);
  }
  return byKind;
}

/// `annotation.conf`'s `[attributes]` section as brat reads it: name → argument → values.
function confAttributes(conf: string): Map<string, Map<string, string[]>> {
  const section = conf.split('[attributes]\n')[1];
  const attributes = new Map<string, Map<string, string[]>>();
  for (const line of section.split('\n').filter((l) => l.trim() && !l.startsWith('#'))) {
    // brat's own reading (projectconfig.py): a term, then arguments split at commas, each
    // `key:values` without whitespace, values split at `|`; no `<…>` but its own macros.
    expect(line.match(/<.*?>/g) ?? []).toEqual([]);
    const [, name, args] = line.match(/^(\S+)\s+(.*)$/)!;
    const parsed = new Map<string, string[]>();
    for (const arg of args.split(',').map((a) => a.trim())) {
      const [, key, values] = arg.match(/^(\S*?):(\S*)$/)!;
      parsed.set(key, values.split('|'));
    }
    attributes.set(name, parsed);
  }
  return attributes;
}

describe('exports read back: entities, attribute values, speaker and source links', () => {
  it('JSONL: a span has its entity as {id, name} when linked and its attributes when any; links keep their type', () => {
    fc.assert(
      fc.property(linkedWorkspace, ({ labels, entities, documents }) => {
        const lines = exportJsonl(documents, exportContext(labels, entities)).trimEnd().split('\n').map((l) => JSON.parse(l));
        lines.forEach((line, d) => {
          const file = documents[d];
          expect(line.meta).toEqual(file.document.meta);
          line.spans.forEach((span: Record<string, unknown>, i: number) => {
            const a = file.annotations[i];
            expect(codePointSlice(line.text, span.start as number, span.end as number)).toBe(a.quote);
            const entity = entityOf(entities, a);
            expect(span.entity).toEqual(entity ? { id: entity.id, name: entity.name } : undefined);
            expect(span.attributes).toEqual(a.attributes);
          });
          expect(line.relations).toHaveLength(file.relations.length);
          for (const r of line.relations) {
            expect(line.spans[r.from].label).toBe(RELATION_ENDS[r.type as 'speaker' | 'source'].from);
            expect(line.spans[r.to].label).toBe('actor');
          }
        });
      }),
      RUNS,
    );
  });

  it('CSV: entity, measure and the speaker or source (its text and entity) after the earlier columns', () => {
    fc.assert(
      fc.property(linkedWorkspace, ({ labels, entities, documents }) => {
        const rows = parse(exportCsv(documents, exportContext(labels, entities)), { columns: true, bom: true }) as Record<string, string>[];
        const annotations = new Map(documents.flatMap((file) => file.annotations.map((a) => [a.id, { file, a }] as const)));
        expect(Object.keys(rows[0] ?? { url: '' }).slice(-13)).toEqual(
          rows.length ? ['url', 'author', 'language', 'tags', 'entity_id', 'entity_name', 'measure', 'low', 'high', 'speaker_or_source', 'speaker_or_source_id', 'speaker_or_source_text', 'speaker_or_source_entity'] : ['url'],
        );
        for (const row of rows) {
          const { file, a } = annotations.get(row.annotation_id)!;
          const entity = entityOf(entities, a);
          const actor = actorOf(file, a);
          expect(row.entity_id).toBe(entity?.id ?? '');
          expect(row.entity_name).toBe(protectCell(entity?.name ?? ''));
          expect(row.measure).toBe(protectCell(a.attributes?.measure ?? ''));
          expect(row.speaker_or_source_text).toBe(protectCell(actor?.quote ?? ''));
          expect(row.speaker_or_source_id).toBe(actor?.id ?? '');
          expect(row.speaker_or_source).toBe(actor ? (a.label === 'quote' ? 'speaker' : 'source') : '');
          expect(row.speaker_or_source_entity).toBe(protectCell((actor && entityOf(entities, actor)?.name) ?? ''));
        }
      }),
      RUNS,
    );
  });

  it('brat: A lines decode to the values and are declared, N lines reference Wikidata or the entity, R lines are Speaker or Source', () => {
    fc.assert(
      fc.property(linkedWorkspace, ({ labels, entities, documents }) => {
        const files = exportBrat(documents, labels, entities);
        expect([...files.keys()].at(-1)).toBe('annotation.conf');
        const declared = confAttributes(files.get('annotation.conf')!);
        const anns = [...files.keys()].filter((n) => n.endsWith('.ann'));
        documents.forEach((file, d) => {
          const lines = annLines(files.get(anns[d])!);
          const tOf = new Map(file.annotations.map((a, i) => [`T${i + 1}`, a]));
          const values = (lines.get('A') ?? []).map(([, data]) => {
            // brat's reading of an attribute line (annotation.py): type, target, value.
            const [, name, target, value] = data.match(/^(.+?) (.+?) (.+?)$/)!;
            expect(value).not.toMatch(/[\s,|<>]/u);
            const a = tOf.get(target)!;
            expect(declared.get(name)!.get('Arg')).toContain(bratType(a.label));
            if (declared.get(name)!.get('Value')!.length < MAX_DECLARED_VALUES) expect(declared.get(name)!.get('Value')).toContain(value);
            return [a.id, name, decodeURIComponent(value)];
          });
          expect(values).toEqual(file.annotations.flatMap((a) => Object.entries(a.attributes ?? {}).map(([id, v]) => [a.id, bratType(id), v])));
          const references = (lines.get('N') ?? []).map(([, data, name]) => {
            // brat's reading of a normalisation line: type, target, database:id.
            const [, type, target, database, id] = data.match(/^(\S+) (\S+) (\S+?):(\S+)$/)!;
            expect(type).toBe('Reference');
            return [tOf.get(target)!.id, database, id, name];
          });
          const linked = file.annotations.flatMap((a) => {
            const e = entityOf(entities, a);
            return e ? [[a.id, e.wikidata ? 'Wikidata' : 'AWB', e.wikidata ?? e.id, e.name.replace(/\s+/g, ' ')]] : [];
          });
          expect(references).toEqual(linked);
          const links = (lines.get('R') ?? []).map(([, data]) => {
            const [, type, from, to] = data.match(/^(\S+) Arg1:(T\d+) Arg2:(T\d+)$/)!;
            return [type, tOf.get(from)!.id, tOf.get(to)!.id];
          });
          expect(links).toEqual(file.relations.map((r) => [bratType(r.type), r.from, r.to]));
        });
      }),
      RUNS,
    );
  });

  it('W3C: an identifying body for the entity, a body per attribute value, a linking annotation per link', () => {
    fc.assert(
      fc.property(linkedWorkspace, ({ labels, entities, documents }) => {
        const collection = exportW3c(documents, 'test', new Date(), exportContext(labels, entities)) as { total: number; first: { items: Record<string, unknown>[] } };
        const items = collection.first.items;
        expect(collection.total).toBe(items.length);
        const annotations = documents.flatMap((f) => f.annotations);
        const tagging = items.filter((i) => i.motivation === 'tagging');
        expect(tagging.map((i) => i.id)).toEqual(annotations.map((a) => `urn:uuid:${a.id}`));
        tagging.forEach((item, i) => {
          const a = annotations[i];
          const bodies = item.body as Record<string, unknown>[];
          const entity = entityOf(entities, a);
          expect(bodies.filter((b) => b.purpose === 'identifying')).toEqual(entity ? [{ type: 'SpecificResource', purpose: 'identifying', source: { id: entityIri(entity), label: entity.name } }] : []);
          const stance = (v: string) => ({ type: 'TextualBody', purpose: 'classifying', value: v, label: 'stance' });
          const measure = (v: string) => ({ type: 'TextualBody', purpose: 'describing', value: v, label: 'measure' });
          expect(bodies.filter((b) => b.purpose === 'describing' || b.purpose === 'classifying')).toEqual(
            Object.entries(a.attributes ?? {}).map(([id, v]) => (id === 'stance' ? stance(v) : measure(v))),
          );
        });
        const relations = documents.flatMap((f) => f.relations);
        expect(items.filter((i) => i.motivation === 'linking')).toEqual(
          relations.map((r) => ({ id: `urn:uuid:${r.id}`, type: 'Annotation', motivation: 'linking', label: r.type, body: `urn:uuid:${r.to}`, target: `urn:uuid:${r.from}`, creator: { type: 'Person', name: r.annotator } })),
        );
      }),
      RUNS,
    );
  });
});

const text = 'Lavrov said: "Talks will start in Geneva."\nAbout 13,346 civilians left 😀 Aleppo.';
const docId = documentIdOf(text);
let next = 0;
const span = (label: string, phrase: string, extra: Partial<Annotation> = {}): Annotation => {
  const start = text.indexOf(phrase);
  return {
    id: `00000000-0000-4000-8000-00000000000${++next}`, docId, label, start, end: start + phrase.length, quote: phrase, annotator: 'ana',
    createdAt: '2026-11-22T10:00:00.000Z', updatedAt: '2026-11-22T10:00:00.000Z', origin: 'manual', ...extra,
  };
};
const lavrov: Entity = { id: 'aaaaaaaa-0000-4000-8000-000000000001', name: 'Sergei Lavrov', type: 'actor', aliases: ['Lavrov'] };
const geneva: Entity = { id: 'aaaaaaaa-0000-4000-8000-000000000002', name: 'Geneva', type: 'location', aliases: ['Genève'], wikidata: 'Q71' };
const actor = span('actor', 'Lavrov', { entityId: lavrov.id });
const quote = span('quote', 'Talks will start in Geneva.', { attributes: { stance: 'neutral, or | 50% unsure' } });
const place = span('location', 'Geneva', { entityId: geneva.id });
const figure = span('figure', '13,346', { attributes: { measure: 'civilians left' } });
const aleppo = span('location', 'Aleppo');
const article: DocumentFile = {
  schemaVersion: SCHEMA_VERSION,
  document: { id: docId, title: 'Lavrov said', sourceName: 'a.txt', text, importedAt: '2026-11-22T00:00:00.000Z', meta: { outlet: 'Example News', publishedAt: '2016-12-13' } },
  annotations: [actor, quote, place, figure, aleppo],
  relations: [
    { id: 'bbbbbbbb-0000-4000-8000-000000000001', type: 'speaker', from: quote.id, to: actor.id, annotator: 'ana' },
    { id: 'bbbbbbbb-0000-4000-8000-000000000002', type: 'source', from: figure.id, to: actor.id, annotator: 'ana' },
  ],
};
const labels: Label[] = LABELS_WITH_ATTRIBUTES;
const context = exportContext(labels, [lavrov, geneva]);

describe('one article, as the README shows it', () => {
  it('brat: the .ann lines and annotation.conf', () => {
    const files = exportBrat([article], labels, [lavrov, geneva]);
    expect(files.get('Lavrov_said.ann')).toBe(
      [
        'T1\tActor 0 6\tLavrov',
        'T2\tQuote 14 41\tTalks will start in Geneva.',
        'T3\tLocation 34 40\tGeneva',
        'T4\tFigure 49 55\t13,346',
        'T5\tLocation 73 79\tAleppo',
        'A1\tStance T2 neutral%2C%20or%20%7C%2050%25%20unsure',
        'A2\tMeasure T4 civilians%20left',
        `N1\tReference T1 AWB:${lavrov.id}\tSergei Lavrov`,
        'N2\tReference T3 Wikidata:Q71\tGeneva',
        'R1\tSpeaker Arg1:T2 Arg2:T1',
        'R2\tSource Arg1:T4 Arg2:T1',
        '',
      ].join('\n'),
    );
    const conf = files.get('annotation.conf')!;
    expect(conf).toContain('[relations]\nSpeaker\tArg1:Quote, Arg2:Actor\nSource\tArg1:Figure, Arg2:Actor\n');
    expect(conf.split('[attributes]\n')[1]).toBe('Measure\tArg:Figure, Value:civilians%20left\nStance\tArg:Quote, Value:for|against|neutral%2C%20or%20%7C%2050%25%20unsure\n');
    expect(bratAttributeValue('<5 km>\tnorth')).toBe('%3C5%20km%3E%09north');
  });

  it('CSV: the new columns of the quote and the figure', () => {
    const rows = parse(exportCsv([article], context), { columns: true, bom: true }) as Record<string, string>[];
    const columns = ['entity_id', 'entity_name', 'measure', 'speaker_or_source_text', 'speaker_or_source_entity'];
    expect(rows.map((r) => columns.map((c) => r[c]))).toEqual([
      [lavrov.id, 'Sergei Lavrov', '', '', ''],
      ['', '', '', 'Lavrov', 'Sergei Lavrov'],
      [geneva.id, 'Geneva', '', '', ''],
      ['', '', 'civilians left', 'Lavrov', 'Sergei Lavrov'],
      ['', '', '', '', ''],
    ]);
    expect(rows[4].start).toBe('73');
  });

  it('JSONL: spans with entity and attributes, links with their type', () => {
    const line = JSON.parse(exportJsonl([article], context));
    expect(line.spans.map((s: Record<string, unknown>) => [s.start, s.entity, s.attributes])).toEqual([
      [0, { id: lavrov.id, name: 'Sergei Lavrov' }, undefined],
      [14, undefined, { stance: 'neutral, or | 50% unsure' }],
      [34, { id: geneva.id, name: 'Geneva' }, undefined],
      [49, undefined, { measure: 'civilians left' }],
      [73, undefined, undefined],
    ]);
    expect(line.relations).toEqual([{ from: 1, to: 0, type: 'speaker' }, { from: 3, to: 0, type: 'source' }]);
  });

  it('W3C: valid JSON-LD against the anno.jsonld terms, with the entity, the attribute values and the links', async () => {
    const collection = exportW3c([article], 'test', new Date('2026-11-22T10:00:00.000Z'), context);
    const items = (collection.first as { items: Record<string, unknown>[] }).items;
    expect(items[0].body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: 'actor' },
      { type: 'SpecificResource', purpose: 'identifying', source: { id: `urn:uuid:${lavrov.id}`, label: 'Sergei Lavrov' } },
    ]);
    expect((items[2].body as unknown[])[1]).toEqual({ type: 'SpecificResource', purpose: 'identifying', source: { id: 'http://www.wikidata.org/entity/Q71', label: 'Geneva' } });
    expect((items[3].body as unknown[])[1]).toEqual({ type: 'TextualBody', purpose: 'describing', value: 'civilians left', label: 'measure' });
    expect(items.slice(5).map((i) => [i.motivation, i.label, i.target, i.body])).toEqual([
      ['linking', 'speaker', `urn:uuid:${quote.id}`, `urn:uuid:${actor.id}`],
      ['linking', 'source', `urn:uuid:${figure.id}`, `urn:uuid:${actor.id}`],
    ]);
    expect(collection.total).toBe(7);
    const anno = JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'anno.jsonld'), 'utf8'));
    const documentLoader = async (url: string) => {
      if (url !== 'http://www.w3.org/ns/anno.jsonld') throw new Error(`unexpected context ${url}`);
      return { contextUrl: undefined, documentUrl: url, document: anno };
    };
    // Safe mode throws on any term the context does not define, instead of dropping it.
    const expanded = JSON.stringify(await jsonld.expand(collection as jsonld.JsonLdDocument, { documentLoader, safe: true } as jsonld.Options.Expand));
    for (const iri of ['oa#identifying', 'oa#linking', 'oa#describing', 'oa#classifying', 'oa#hasSource', 'oa#SpecificResource']) expect(expanded).toContain(`http://www.w3.org/ns/${iri}`);
    expect(expanded).toContain('"@id":"http://www.wikidata.org/entity/Q71"');
    expect(expanded).toContain('http://www.w3.org/2000/01/rdf-schema#label');
  });
});
