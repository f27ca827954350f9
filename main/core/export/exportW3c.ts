/// W3C Web Annotation export (DESIGN §5): a JSON-LD `AnnotationCollection` whose annotations carry
/// the label as a tagging body, the note as a commenting body, and a target with a
/// `TextPositionSelector` (code points) and a `TextQuoteSelector` with 32 code points of context.
import { notePlainText, type DocumentFile } from '../model.js';
import { OffsetConverter } from '../offsets.js';

/// Code points of prefix and suffix in each TextQuoteSelector.
export const QUOTE_CONTEXT = 32;

/// The W3C annotations of one document.
function w3cAnnotations(file: DocumentFile): Record<string, unknown>[] {
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
  return items;
}

/// The collection as a JSON-LD object.
export function exportW3c(documents: DocumentFile[], generator: string, now = new Date()): Record<string, unknown> {
  return w3cCollection(documents.flatMap(w3cAnnotations), generator, now);
}

/// The collection around `items`. `total` follows the items, so that a collection written one
/// document at a time can say it once every item is written (JSON's key order carries no meaning).
function w3cCollection(items: unknown[], generator: string, now: Date): Record<string, unknown> {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    label: 'Annotation Workbench export',
    generator: { type: 'Software', name: generator },
    generated: now.toISOString(),
    first: { type: 'AnnotationPage', startIndex: 0, items },
    total: items.length,
  };
}

/// The JSON text of the W3C annotations of one document, comma-separated, without brackets
/// (empty for a document without annotations).
export function w3cAnnotationsJson(file: DocumentFile): string {
  return JSON.stringify(w3cAnnotations(file)).slice(1, -1);
}

/// The collection's text up to its first item: `JSON.stringify(exportW3c(…))` is this, the
/// documents' non-empty `w3cAnnotationsJson` joined with commas, then `w3cEnd`.
export function w3cStart(generator: string, now = new Date()): string {
  const shell = JSON.stringify(w3cCollection([], generator, now));
  const emptyItems = '[]},"total":0}';
  if (!shell.endsWith(emptyItems)) throw new Error('the collection must end with its items and total');
  return shell.slice(0, -emptyItems.length) + '[';
}

/// The collection's text after its last item, for `total` annotations in all.
export function w3cEnd(total: number): string {
  return `]},"total":${JSON.stringify(total)}}`;
}
