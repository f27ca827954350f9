/// The articles of the corpus benchmark: document files built from the real store's pieces
/// (article normalisation and ids, `createAnnotation`, `setRelation`, `summarise`), the same for
/// the same seed and index, and the generation of a range of them into a `documents/` folder.
/// Each article has an outlet and a date, its figures a measure, its quotes and figures a speaker
/// or source where tagged, its actors and places links to the corpus's entities (see
/// `corpusAnalysis.ts`), so that Compare over it has what it has over a real workspace.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnnotation, setRelation, type AnnotationInput } from '../../main/core/annotations';
import { DEFAULT_LABELS, SCHEMA_VERSION, type DocumentFile, type DocumentSummary } from '../../main/core/model';
import { documentFileName, summarise } from '../../main/core/store/workspaceFiles';
import { articleFromBytes } from '../../main/core/text/readArticle';
import { seededRandom } from '../../test/seededRandom';
import { corpusArticle, seededUuid, seedOf, spreadMentions, type Mention } from '../workload';
import { corpusMeta, figureMeasure, linksEntity, spansWithLinks } from './corpusAnalysis';
import { corpusEntities, entityLookup } from './corpusEntities';

export { seededUuid };

/// Annotations per article (200,000 over 10,000 articles).
export const SPANS_PER_ARTICLE = 20;
/// Whose annotations the corpus holds.
export const CORPUS_ANNOTATOR = 'analyst-a';
/// When the annotations were made; article `i` was imported `i` seconds after
/// `FIRST_IMPORTED_AT`, so that import order is article order, whatever the index sorts by.
const CREATED = '2016-12-14T09:00:00.000Z';
const FIRST_IMPORTED_AT = Date.parse('2016-12-13T00:00:00.000Z');

/// The file name corpus article `index` is imported from.
export function corpusSourceName(index: number): string {
  return `wire-${String(index).padStart(6, '0')}.txt`;
}

let entitiesOfSeed: { seed: number; find: ReturnType<typeof entityLookup> } | null = null;

/// The entity lookup of the corpus of `seed` (made once per process).
function entitiesFor(seed: number): ReturnType<typeof entityLookup> {
  if (entitiesOfSeed?.seed !== seed) entitiesOfSeed = { seed, find: entityLookup(corpusEntities(seed)) };
  return entitiesOfSeed.find;
}

/// Document file of corpus article `index`: normalised and identified as an import would, with
/// its outlet and date, and `SPANS_PER_ARTICLE` annotations made by `createAnnotation` (with
/// measures and entity links) and the relations between them made by `setRelation`.
export function corpusDocument(seed: number, index: number): DocumentFile {
  const prose = corpusArticle(seed, index);
  const article = articleFromBytes(corpusSourceName(index), Buffer.from(prose.text, 'utf8'));
  if (article.text !== prose.text) throw new Error(`article ${index} changed on normalisation`);
  const random = seededRandom(seedOf(`${seed}:ids:${index}`));
  // The analyst's choices from a stream of their own, so that the ids do not hang on them.
  const analyst = seededRandom(seedOf(`${seed}:analysis:${index}`));
  const importedAt = new Date(FIRST_IMPORTED_AT + index * 1000).toISOString();
  let file: DocumentFile = {
    schemaVersion: SCHEMA_VERSION,
    document: { id: article.id, title: article.title, sourceName: article.sourceName, text: article.text, importedAt, meta: corpusMeta(analyst, index) },
    annotations: [],
    relations: [],
  };
  const author = { annotator: CORPUS_ANNOTATOR, now: CREATED };
  const findEntity = entitiesFor(seed);
  const { chosen, links } = spansWithLinks(spreadMentions(prose.mentions, SPANS_PER_ARTICLE), analyst);
  const ids = new Map<Mention, string>();
  for (const m of chosen) {
    const input: AnnotationInput = { id: seededUuid(random), docId: article.id, label: m.label, start: m.start, end: m.end };
    const measure = m.counted && figureMeasure(m.counted, analyst);
    if (measure) input.attributes = { measure };
    const entity = (m.label === 'actor' || m.label === 'location') && linksEntity(analyst) ? findEntity(prose.text.slice(m.start, m.end), m.label) : undefined;
    if (entity) input.entityId = entity.id;
    file = createAnnotation(file, input, DEFAULT_LABELS, author).file;
    ids.set(m, input.id!);
  }
  for (const link of links) {
    const made = setRelation(file, link.type, ids.get(link.from)!, ids.get(link.to)!, author);
    // setRelation draws a random id: the corpus's is seeded, so that every run writes the same files.
    const id = seededUuid(random);
    file = { ...made.file, relations: made.file.relations.map((r) => (r.id === made.result!.id ? { ...r, id } : r)) };
  }
  return file;
}

/// What generating a range of articles wrote.
export interface GeneratedRange {
  from: number;
  /// Index entries of articles `from`… in order.
  summaries: DocumentSummary[];
  /// Characters of article text (UTF-16 code units).
  textChars: number;
  /// Bytes of the document files.
  fileBytes: number;
}

/// Writes the document files of articles `from` to `to` (exclusive) into `documentsDir`.
export function generateRange(seed: number, from: number, to: number, documentsDir: string, onProgress?: (done: number) => void): GeneratedRange {
  const summaries: DocumentSummary[] = [];
  let textChars = 0;
  let fileBytes = 0;
  for (let i = from; i < to; i++) {
    const file = corpusDocument(seed, i);
    const json = JSON.stringify(file);
    writeFileSync(join(documentsDir, documentFileName(file.document.id)), json);
    summaries.push(summarise(file));
    textChars += file.document.text.length;
    fileBytes += Buffer.byteLength(json);
    if ((i - from + 1) % 1000 === 0) onProgress?.(i - from + 1);
  }
  return { from, summaries, textChars, fileBytes };
}
