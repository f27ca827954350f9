// fast-check generators for random workspaces: texts with emoji, ZWJ sequences, combining marks,
// CJK, right-to-left script and several paragraphs; overlapping and nested spans; notes; speaker
// links; reviews; and (`linkedWorkspace`) metadata, entities, attribute values and source links.
import fc from 'fast-check';
import { createAnnotation, setRelation } from '../main/core/annotations';
import { addEntity } from '../main/core/entities';
import { DEFAULT_LABELS, SCHEMA_VERSION, type DocumentFile, type DocumentMeta, type Entity, type Label, type NoteNode } from '../main/core/model';
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

/// The default labels, quotes with a choice attribute whose choices hold what brat must encode
/// (a space, a comma, a `|`, a `%`), figures with their text attribute `measure`.
export const LABELS_WITH_ATTRIBUTES: Label[] = DEFAULT_LABELS.map((l) =>
  l.id === 'quote' ? { ...l, attributes: [{ id: 'stance', name: 'Stance', kind: 'choice', choices: ['for', 'against', 'neutral, or | 50% unsure'] }] } : l,
);

const ENTITY_NAMES = ['Russia', 'Sergei Lavrov', 'Aleppo', 'Staffan de Mistura', 'الأمم المتحدة', '北京', 'United 😀 Nations'];
const ALIASES = ['Moscow', 'Russian Federation', 'Lavrov', 'the UN', 'Москва', 'حلب'];
const MEASURES = ['civilians fled', 'civilians killed, mostly children', 'rebels  surrendered', '😀 <100% | all>', 'tab\there', 'e\u0301vacue\u0301s'];
const STANCES = ['for', 'against', 'neutral, or | 50% unsure'];

/// A new entity as an analyst would make it (the list is built with `addEntity`, as the app does).
const entityInput = fc.record({
  id: fc.uuid(),
  name: fc.constantFrom(...ENTITY_NAMES),
  type: fc.constantFrom('actor', 'location'),
  aliases: fc.subarray(ALIASES),
  wikidata: fc.option(fc.constantFrom('Q159', 'Q7747', 'Q41183', 'Q1065'), { nil: undefined }),
  note: fc.option(fc.string({ minLength: 1, maxLength: 30 }), { nil: undefined }),
});

const documentMeta: fc.Arbitrary<DocumentMeta> = fc.record(
  { outlet: fc.constantFrom('Example News', 'Агентство', 'Le Monde'), publishedAt: fc.constantFrom('2016-12-13', '2016-12-08T09:30:00Z'), url: fc.constant('https://example.org/a') },
  { requiredKeys: [] },
);

/// A workspace's content: labels with attributes, entities (with aliases, some with a Wikidata id
/// or a note), and one to three documents with metadata, spans linked to entities, attribute
/// values, speaker links and source links.
export const linkedWorkspace: fc.Arbitrary<{ labels: Label[]; entities: Entity[]; documents: DocumentFile[] }> = fc
  .tuple(annotatedDocuments, fc.array(entityInput, { maxLength: 5 }), fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), fc.array(documentMeta, { minLength: 3, maxLength: 3 }))
  .map(([docs, inputs, picks, metas]) => {
    let entities: Entity[] = [];
    for (const input of inputs) {
      try {
        entities = addEntity(entities, input, LABELS_WITH_ATTRIBUTES).entities;
      } catch {
        // A second entity of one name and type (or id) is refused, as in the app.
      }
    }
    let turn = 0;
    const pick = () => picks[turn++ % picks.length] + turn;
    const documents = docs.map((doc, d) => {
      const annotations = doc.annotations.map((a) => {
        const choice = pick();
        const candidates = entities.filter((e) => e.type === a.label);
        if (candidates.length && choice % 3) return { ...a, entityId: candidates[choice % candidates.length].id };
        if (a.label === 'figure' && choice % 2) return { ...a, attributes: { measure: MEASURES[choice % MEASURES.length] } };
        if (a.label === 'quote' && choice % 3 === 1) return { ...a, attributes: { stance: STANCES[choice % STANCES.length] } };
        return a;
      });
      let file: DocumentFile = { ...doc, document: { ...doc.document, meta: metas[d] }, annotations };
      const actors = annotations.filter((a) => a.label === 'actor');
      for (const figure of annotations.filter((a) => a.label === 'figure')) {
        const choice = pick();
        if (actors.length && choice % 2) file = setRelation(file, 'source', figure.id, actors[choice % actors.length].id, { annotator: 'ben', now: '2026-11-22T02:00:00.000Z' }).file;
      }
      return file;
    });
    return { labels: LABELS_WITH_ATTRIBUTES, entities, documents };
  });
