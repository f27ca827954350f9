/// W3C Web Annotation export (DESIGN §5, §10): a JSON-LD `AnnotationCollection`. Each annotation
/// carries the label as a tagging body, the note as a commenting body, its entity as an
/// identifying body, each attribute value as a describing (text) or classifying (choice) body
/// named by `label`, and a target with a `TextPositionSelector` (code points) and a
/// `TextQuoteSelector` with 32 code points of context. Each speaker or source link is an
/// annotation of its own, motivated by linking, from the quote or figure (target) to the actor
/// (body), its type as its `label`. A review decision is an assessing body (`accepted` or
/// `rejected`, by the reviewer, when), its comment a second one. The collection and its one page
/// have ids of their own (the model, §5.1 and §5.2).
import { randomUUID } from 'node:crypto';
import { notePlainText, type Annotation, type DocumentFile, type Entity, type Review } from '../model.js';
import { OffsetConverter } from '../offsets.js';
import { declaredAttribute, exportContext, linkedEntity, type ExportContext } from './exportContext.js';

/// Code point prefix and suffix in each TextQuoteSelector.
export const QUOTE_CONTEXT = 32;

/// The IRI of an entity: its Wikidata item when known, else its id here as a UUID URN.
export function entityIri(entity: Entity): string {
  return entity.wikidata ? `http://www.wikidata.org/entity/${entity.wikidata}` : `urn:uuid:${entity.id}`;
}

/// The bodies an annotation carries beside its tag and note: its entity, its attribute values.
function entityAndAttributeBodies(context: ExportContext, a: Annotation): Record<string, unknown>[] {
  const bodies: Record<string, unknown>[] = [];
  const entity = linkedEntity(context, a);
  // A purpose needs a Specific Resource around an external resource (the model, §4.1); the
  // entity's name goes with its IRI as its label.
  if (entity) bodies.push({ type: 'SpecificResource', purpose: 'identifying', source: { id: entityIri(entity), label: entity.name } });
  for (const [id, value] of Object.entries(a.attributes ?? {})) {
    // A choice assigns a class from a fixed list; a text value describes what the span is.
    const purpose = declaredAttribute(context, a.label, id)?.kind === 'choice' ? 'classifying' : 'describing';
    bodies.push({ type: 'TextualBody', purpose, value, label: id });
  }
  return bodies;
}

/// The bodies of a review decision: the decision (`accepted` or `rejected`) assessing the span, by
/// the reviewer, when made (a body may have its own creator and created, the model §3.3.2–3);
/// the reviewer's comment, when there is one, a second assessing body, told apart by its label.
function reviewBodies(review: Review | undefined): Record<string, unknown>[] {
  if (!review) return [];
  const made = { creator: { type: 'Person', name: review.by }, created: review.at };
  return [
    ...(review.status ? [{ type: 'TextualBody', purpose: 'assessing', value: review.status, ...made }] : []),
    ...(review.comment ? [{ type: 'TextualBody', purpose: 'assessing', label: 'comment', value: review.comment, format: 'text/plain', ...made }] : []),
  ];
}

/// The W3C annotations of one document: its spans, then its links.
function w3cAnnotations(file: DocumentFile, context: ExportContext): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  const offsets = new OffsetConverter(file.document.text);
  const source = `urn:sha256:${file.document.id.slice('sha256:'.length)}`;
  for (const a of file.annotations) {
    const start = offsets.toCodePoint(a.start);
    const end = offsets.toCodePoint(a.end);
    const note = notePlainText(a.note);
    items.push({
      id: `urn:uuid:${a.id}`,
      type: 'Annotation',
      motivation: 'tagging',
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: a.label },
        ...(note ? [{ type: 'TextualBody', purpose: 'commenting', value: note, format: 'text/plain' }] : []),
        ...entityAndAttributeBodies(context, a),
        ...reviewBodies(a.review),
      ],
      target: {
        source,
        selector: [
          { type: 'TextPositionSelector', start, end },
          {
            type: 'TextQuoteSelector',
            exact: a.quote,
            prefix: offsets.sliceCodePoints(Math.max(0, start - QUOTE_CONTEXT), start),
            suffix: offsets.sliceCodePoints(end, Math.min(offsets.codePointLength, end + QUOTE_CONTEXT)),
          },
        ],
      },
      creator: { type: 'Person', name: a.annotator },
      created: a.createdAt,
      modified: a.updatedAt,
    });
  }
  for (const r of file.relations) {
    items.push({
      id: `urn:uuid:${r.id}`,
      type: 'Annotation',
      motivation: 'linking',
      label: r.type,
      body: `urn:uuid:${r.to}`,
      target: `urn:uuid:${r.from}`,
      creator: { type: 'Person', name: r.annotator },
    });
  }
  return items;
}

/// A new export's id: a UUID, of which the collection's and its page's IRIs are made.
export function newW3cExportId(): string {
  return randomUUID();
}

/// The IRIs of the collection with export id `exportId` and of its one page (the model, §5.1 and
/// §5.2: each MUST have exactly one IRI).
export function w3cIds(exportId: string): { collection: string; page: string } {
  return { collection: `urn:uuid:${exportId}`, page: `urn:uuid:${exportId}#page1` };
}

/// The collection as a JSON-LD object.
export function exportW3c(
  documents: DocumentFile[],
  generator: string,
  now = new Date(),
  context: ExportContext = exportContext(),
  exportId = newW3cExportId(),
): Record<string, unknown> {
  return w3cCollection(documents.flatMap((file) => w3cAnnotations(file, context)), generator, now, exportId);
}

/// The collection around `items`, all on one page, which is the first and the last. `total`
/// follows the items, so that a collection written one document at a time can say it once every
/// item is written (JSON's key order carries no meaning).
function w3cCollection(items: unknown[], generator: string, now: Date, exportId: string): Record<string, unknown> {
  const ids = w3cIds(exportId);
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: ids.collection,
    type: 'AnnotationCollection',
    label: 'Annotation Workbench export',
    generator: { type: 'Software', name: generator },
    generated: now.toISOString(),
    last: ids.page,
    first: { id: ids.page, type: 'AnnotationPage', partOf: ids.collection, startIndex: 0, items },
    total: items.length,
  };
}

/// The W3C annotations of one document (`items` of them, its spans and links), as JSON text
/// comma-separated without brackets (empty for a document without any).
export function w3cAnnotationsJson(file: DocumentFile, context: ExportContext = exportContext()): { json: string; items: number } {
  const items = w3cAnnotations(file, context);
  return { json: JSON.stringify(items).slice(1, -1), items: items.length };
}

/// The collection's text up to its first item: `JSON.stringify(exportW3c(…))` is this, the
/// documents' non-empty `w3cAnnotationsJson` joined with commas, then `w3cEnd`.
export function w3cStart(generator: string, now = new Date(), exportId = newW3cExportId()): string {
  const shell = JSON.stringify(w3cCollection([], generator, now, exportId));
  const emptyItems = '[]},"total":0}';
  if (!shell.endsWith(emptyItems)) throw new Error('the collection must end with its items and total');
  return shell.slice(0, -emptyItems.length) + '[';
}

/// The collection's text after its last item, for `total` items in all (annotations and links).
export function w3cEnd(total: number): string {
  return `]},"total":${JSON.stringify(total)}}`;
}
