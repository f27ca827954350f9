/// W3C Web Annotation export (DESIGN §5): a JSON-LD `AnnotationCollection` whose annotations carry
/// the label as a tagging body, the note as a commenting body, and a target with a
/// `TextPositionSelector` (code points) and a `TextQuoteSelector` with 32 code points of context.
import { notePlainText, type DocumentFile } from '../model.js';
import { OffsetConverter } from '../offsets.js';

/// Code points of prefix and suffix in each TextQuoteSelector.
export const QUOTE_CONTEXT = 32;

/// The collection as a JSON-LD object.
export function exportW3c(documents: DocumentFile[], generator: string, now = new Date()): Record<string, unknown> {
  const items: Record<string, unknown>[] = [];
  for (const file of documents) {
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
  }
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    label: 'Annotation Workbench export',
    generator: { type: 'Software', name: generator },
    generated: now.toISOString(),
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}
