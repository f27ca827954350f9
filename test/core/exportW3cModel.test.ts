// The W3C export against the Web Annotation Data Model (W3C Recommendation, 23 February 2017,
// https://www.w3.org/TR/annotation-model/), written here as zod schemas from the spec's text: each
// MUST of the sections our export uses is a constraint, and each schema names its section.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exportContext } from '../../main/core/export/exportContext';
import { exportW3c } from '../../main/core/export/exportW3c';
import { SCHEMA_VERSION, type DocumentFile } from '../../main/core/model';
import { readW3c } from '../../main/core/foreignFormats/readW3c';
import { documentIdOf } from '../../main/core/text/readArticle';
import { annotatedDocuments, linkedWorkspace } from '../arbitraries';

/// An IRI (RFC 3987): a scheme, a colon, and no spaces. The model requires one wherever it says "IRI".
const Iri = z.string().regex(/^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/, 'expected an IRI');
/// §3.3.3: created, modified and generated are xsd:dateTime, and SHOULD be in UTC with "Z".
const DateTimeUtc = z.iso.datetime();
/// §3.3.2 / §3.3.4 Agents: creator is a Person, Organization or Software agent; name is a string.
const Agent = z.object({ type: z.enum(['Person', 'Organization', 'Software']), name: z.string().min(1) });
/// §3.3.5 Motivation and Purpose: the motivations the model defines (a body's `purpose` is one).
const Motivation = z.enum(['assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting', 'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging']);

/// §3.2.4 Embedded Textual Body: type TextualBody, exactly one `value` (a string), format and
/// language optional; §3.3.5 a purpose; §3.3.2–3 its own creator and created allowed.
const TextualBody = z.object({
  type: z.literal('TextualBody'),
  value: z.string(),
  purpose: Motivation.optional(),
  format: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/).optional(),
  label: z.string().optional(),
  creator: Agent.optional(),
  created: DateTimeUtc.optional(),
});
/// §4.1 Specific Resource: type SpecificResource, exactly one `source` (an IRI, or a resource with an `id`).
const SpecificResourceBody = z.object({
  type: z.literal('SpecificResource'),
  purpose: Motivation.optional(),
  source: z.union([Iri, z.object({ id: Iri, label: z.string().optional() })]),
});
/// §4.2.4 Text Quote Selector: exactly one `exact`; prefix and suffix at most one each.
const TextQuoteSelector = z.object({ type: z.literal('TextQuoteSelector'), exact: z.string().min(1), prefix: z.string().optional(), suffix: z.string().optional() });
/// §4.2.5 Text Position Selector: exactly one start and one end, non-negative integers (code points).
const TextPositionSelector = z
  .object({ type: z.literal('TextPositionSelector'), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((s) => s.end >= s.start, 'end before start');
/// §4.1 a Specific Resource target: a source IRI and one or more selectors (§4.2).
const SelectedTarget = z.object({ source: Iri, selector: z.array(z.union([TextPositionSelector, TextQuoteSelector])).min(1) });

/// §3.1 Annotations: exactly one IRI `id`; `type` "Annotation"; §3.2 one or more targets, and bodies
/// SHOULD be given; §3.3.5 motivation; §3.3.2–3 creator, created, modified. Inside a page the
/// annotation shares the page's @context (§3.1: "…unless the annotation is embedded").
const AnnotationBase = z.object({
  id: Iri,
  type: z.literal('Annotation'),
  motivation: Motivation,
  creator: Agent,
  created: DateTimeUtc.optional(),
  modified: DateTimeUtc.optional(),
  label: z.string().optional(),
});
/// A tagged span: its bodies, a target with its selectors.
const SpanAnnotation = AnnotationBase.extend({
  motivation: z.literal('tagging'),
  body: z.array(z.union([TextualBody, SpecificResourceBody])).min(1),
  target: SelectedTarget,
});
/// §3.3.5 linking: "to link the target resource to the body" — both are IRIs of resources (here annotations).
const LinkingAnnotation = AnnotationBase.extend({ motivation: z.literal('linking'), body: Iri, target: Iri });

/// §5.2 Annotation Page: exactly one IRI `id`; type AnnotationPage; `partOf` the collection (SHOULD);
/// `items` MUST, a list of annotations; `startIndex` MAY, a non-negative integer.
const AnnotationPage = z.object({
  id: Iri,
  type: z.literal('AnnotationPage'),
  partOf: z.union([Iri, z.object({ id: Iri })]),
  startIndex: z.number().int().nonnegative(),
  items: z.array(z.union([SpanAnnotation, LinkingAnnotation])),
});
/// §5.1 Annotation Collection: @context anno.jsonld (§5: MUST); exactly one IRI `id`; type
/// AnnotationCollection; label SHOULD; `total` SHOULD, a non-negative integer; `first` and `last`
/// SHOULD be given when there are annotations (first may be embedded, last an IRI); §3.3.2–3
/// generator and generated.
const AnnotationCollection = z
  .object({
    '@context': z.literal('http://www.w3.org/ns/anno.jsonld'),
    id: Iri,
    type: z.literal('AnnotationCollection'),
    label: z.string().min(1),
    total: z.number().int().nonnegative(),
    first: AnnotationPage,
    last: Iri,
    generator: Agent,
    generated: DateTimeUtc,
  })
  .refine((c) => c.total === c.first.items.length, 'total counts the one page’s items')
  .refine((c) => c.last === c.first.id, 'the one page is the first and the last')
  .refine((c) => (typeof c.first.partOf === 'string' ? c.first.partOf : c.first.partOf.id) === c.id, 'the page is part of this collection')
  .refine((c) => c.id !== c.first.id, 'the collection and its page are distinct resources');

const AT = '2026-11-22T10:00:00.000Z';

/// A document with a speaker link and two review decisions, one with a comment.
function reviewedDocument(): DocumentFile {
  const text = 'Sergei Lavrov said: "The corridor stays open." 13,346 civilians left Aleppo.';
  const id = documentIdOf(text);
  const span = (label: string, phrase: string, extra = {}) => {
    const start = text.indexOf(phrase);
    return { id: crypto.randomUUID(), docId: id, label, start, end: start + phrase.length, quote: phrase, annotator: 'ana', createdAt: AT, updatedAt: AT, origin: 'manual' as const, ...extra };
  };
  const actor = span('actor', 'Sergei Lavrov', { review: { status: 'accepted' as const, by: 'ben', at: '2026-11-23T08:00:00.000Z' } });
  const quote = span('quote', 'The corridor stays open.', { review: { status: 'rejected' as const, by: 'ben', at: '2026-11-23T08:01:00.000Z', comment: 'He said "corridors"' } });
  const figure = span('figure', '13,346');
  return {
    schemaVersion: SCHEMA_VERSION,
    document: { id, title: 'T', sourceName: 't.txt', text, importedAt: AT, meta: {} },
    annotations: [actor, quote, figure],
    relations: [
      { id: crypto.randomUUID(), type: 'speaker', from: quote.id, to: actor.id, annotator: 'ana' },
      { id: crypto.randomUUID(), type: 'source', from: figure.id, to: actor.id, annotator: 'ana' },
    ],
  };
}

/// The problems zod finds, as readable lines (none for a valid collection).
function problems(collection: unknown): string[] {
  const result = AnnotationCollection.safeParse(collection);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('W3C export against the Web Annotation Data Model', () => {
  it('a collection and its page have ids; links are linking annotations; reviews are assessing bodies', () => {
    const file = reviewedDocument();
    const collection = exportW3c([file], 'Annotation Workbench', new Date(AT)) as { id: string; first: { id: string; items: Record<string, unknown>[] } };
    expect(problems(collection)).toEqual([]);
    expect(collection.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(collection.first.id).not.toBe(collection.id);
    // Another export is another collection.
    expect((exportW3c([file], 'Annotation Workbench', new Date(AT)) as { id: string }).id).not.toBe(collection.id);
    const [actor, quote] = collection.first.items;
    expect(actor.body).toContainEqual({ type: 'TextualBody', purpose: 'assessing', value: 'accepted', creator: { type: 'Person', name: 'ben' }, created: '2026-11-23T08:00:00.000Z' });
    expect((quote.body as Record<string, unknown>[]).filter((b) => b.purpose === 'assessing')).toEqual([
      { type: 'TextualBody', purpose: 'assessing', value: 'rejected', creator: { type: 'Person', name: 'ben' }, created: '2026-11-23T08:01:00.000Z' },
      { type: 'TextualBody', purpose: 'assessing', label: 'comment', value: 'He said "corridors"', format: 'text/plain', creator: { type: 'Person', name: 'ben' }, created: '2026-11-23T08:01:00.000Z' },
    ]);
    const links = collection.first.items.filter((i) => i.motivation === 'linking');
    expect(links.map((l) => [l.label, l.target, l.body])).toEqual(file.relations.map((r) => [r.type, `urn:uuid:${r.from}`, `urn:uuid:${r.to}`]));
  });

  it('the schemas bite: a collection without ids, a bad purpose, a link without a body are refused', () => {
    const collection = exportW3c([reviewedDocument()], 'test', new Date(AT)) as Record<string, unknown> & { first: { id: string; items: Record<string, unknown>[] } };
    const { id: _id, ...noId } = collection;
    expect(problems(noId)).toContain('id: Invalid input: expected string, received undefined');
    const { id: _pageId, ...pageWithoutId } = collection.first;
    expect(problems({ ...collection, first: pageWithoutId }).length).toBeGreaterThan(0);
    const items = collection.first.items;
    const badPurpose = [{ ...items[0], body: [{ type: 'TextualBody', purpose: 'approving', value: 'accepted' }] }, ...items.slice(1)];
    expect(problems({ ...collection, first: { ...collection.first, items: badPurpose } }).length).toBeGreaterThan(0);
    const link = items.findIndex((i) => i.motivation === 'linking');
    const { body: _body, ...linkWithoutBody } = items[link];
    expect(problems({ ...collection, first: { ...collection.first, items: items.map((x, i) => (i === link ? linkWithoutBody : x)) } }).length).toBeGreaterThan(0);
  });

  it('holds for random documents: overlapping spans, notes, reviews, entities, attribute values, links', () => {
    fc.assert(
      fc.property(annotatedDocuments, (docs) => {
        expect(problems(exportW3c(docs, 'test', new Date(AT)))).toEqual([]);
      }),
      { numRuns: 60 },
    );
    fc.assert(
      fc.property(linkedWorkspace, ({ labels, entities, documents }) => {
        expect(problems(exportW3c(documents, 'test', new Date(AT), exportContext(labels, entities)))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('is still read back by the app’s own W3C reader: spans, notes and links, reviews not taken for notes', () => {
    const file = reviewedDocument();
    const bytes = new TextEncoder().encode(JSON.stringify(exportW3c([file], 'test', new Date(AT))));
    const read = readW3c({ name: 'export.jsonld', files: new Map([['export.jsonld', bytes]]) });
    const [doc] = read.documents;
    expect(doc.id).toBe(file.document.id);
    expect(doc.spans.map((s) => [s.label, s.start, s.end, s.note])).toEqual([
      ['actor', 0, 13, undefined],
      ['quote', 21, 45, undefined],
      ['figure', 47, 53, undefined],
    ]);
    expect(doc.relations.map((r) => r.type)).toEqual(['speaker', 'source']);
  });
});
