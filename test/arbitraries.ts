// fast-check generators for random workspaces: texts with emoji, ZWJ sequences, combining marks,
// CJK, right-to-left script and several paragraphs; overlapping and nested spans; notes; speaker
// links; reviews.
import fc from 'fast-check';
import { createAnnotation, setRelation } from '../main/core/annotations';
import { DEFAULT_LABELS, SCHEMA_VERSION, type DocumentFile, type NoteNode } from '../main/core/model';
import { normaliseText } from '../main/core/text/normaliseText';
import { documentIdOf } from '../main/core/text/readArticle';

const WORDS = [
  'Aleppo', 'civilians', '13,346', 'de', 'Mistura', 'said', '“left”', 'rebels', '😀', '👨‍👩‍👧', '🇸🇾', 'q\u0307', 'e\u0301',
  '北京', '叙利亚', 'حلب', 'x̱', '—', '.', ',', "don't", 'U.N.', '10,000-13,000', '🏳️‍🌈', 'a\u0308\u0304',
];

/// A normalised article text of one to four paragraphs.
export const articleText = fc
  .array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 25 }).map((w) => w.join(' ')), { minLength: 1, maxLength: 4 })
  .chain((paragraphs) => fc.constantFrom('\n', '\n\n').map((sep) => paragraphs.join(sep)))
  .map(normaliseText);

const note: fc.Arbitrary<NoteNode> = fc
  .array(fc.string({ minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 2 })
  .map((lines) => ({ type: 'doc', content: lines.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) }));

const ANNOTATORS = ['ana', 'ben', 'Chloé'];

/// A document file with random annotations (some overlapping or nested), notes, links, reviews.
export const annotatedDocument: fc.Arbitrary<DocumentFile> = articleText.chain((text) => {
  const points = Array.from(text).length;
  const span = fc
    .tuple(fc.nat(points), fc.nat(points), fc.constantFrom(...DEFAULT_LABELS.map((l) => l.id)), fc.constantFrom(...ANNOTATORS), fc.option(note), fc.option(fc.constantFrom('accepted', 'rejected')))
    .map(([a, b, label, annotator, n, review]) => ({ a: Math.min(a, b), b: Math.max(a, b), label, annotator, note: n, review }));
  return fc.tuple(fc.array(span, { maxLength: 12 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 })).map(([spans, links]) => {
    const chars = Array.from(text);
    const utf16 = (cp: number) => chars.slice(0, cp).join('').length;
    let file: DocumentFile = {
      schemaVersion: SCHEMA_VERSION,
      document: { id: documentIdOf(text), title: text.split('\n')[0].slice(0, 80), sourceName: 'random.txt', text, importedAt: '2026-11-22T00:00:00.000Z', meta: {} },
      annotations: [],
      relations: [],
    };
    spans.forEach((s, i) => {
      const created = new Date(Date.UTC(2026, 10, 22, 0, 0, i)).toISOString();
      try {
        const { file: next, result } = createAnnotation(
          file,
          { docId: file.document.id, label: s.label, start: utf16(s.a), end: utf16(s.b), ...(s.note ? { note: s.note } : {}) },
          DEFAULT_LABELS,
          { annotator: s.annotator, now: created },
        );
        file = next;
        if (s.review) {
          const review = { status: s.review, by: 'ben', at: created };
          file = { ...file, annotations: file.annotations.map((a) => (a.id === result.id ? { ...a, review } : a)) };
        }
      } catch {
        // Whitespace-only selections are refused, as in the app.
      }
    });
    const quotes = file.annotations.filter((a) => a.label === 'quote');
    const actors = file.annotations.filter((a) => a.label === 'actor');
    for (const [q, a] of links) {
      if (quotes.length && actors.length) {
        file = setRelation(file, 'speaker', quotes[q % quotes.length].id, actors[a % actors.length].id, { annotator: 'ana', now: '2026-11-22T01:00:00.000Z' }).file;
      }
    }
    return file;
  });
});

/// One to three documents with distinct texts.
export const annotatedDocuments = fc.uniqueArray(annotatedDocument, { minLength: 1, maxLength: 3, selector: (d) => d.document.id });

/// Code point slice, computed independently of the app's converter.
export function codePointSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}
