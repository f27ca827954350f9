/// The articles of the corpus benchmark: document files built from the real store's pieces
/// (article normalisation and ids, `createAnnotation`, `summarise`), the same for the same seed
/// and index, and the generation of a range of them into a `documents/` folder.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnnotation } from '../../main/core/annotations';
import { DEFAULT_LABELS, SCHEMA_VERSION, type DocumentFile, type DocumentSummary } from '../../main/core/model';
import { documentFileName, summarise } from '../../main/core/store/workspaceFiles';
import { articleFromBytes } from '../../main/core/text/readArticle';
import { seededRandom } from '../../test/seededRandom';
import { corpusArticle, seedOf, spreadMentions } from '../workload';

/// Annotations per article (200,000 over 10,000 articles).
export const SPANS_PER_ARTICLE = 20;
/// Whose annotations the corpus holds.
export const CORPUS_ANNOTATOR = 'analyst-a';
/// When the annotations were made; article `i` was imported `i` seconds after
/// `FIRST_IMPORTED_AT`, so that import order is article order, whatever the index sorts by.
const CREATED = '2016-12-14T09:00:00.000Z';
const FIRST_IMPORTED_AT = Date.parse('2016-12-13T00:00:00.000Z');

/// A random (seeded) version 4 UUID.
export function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  const variant = '89ab'[Math.floor(random() * 4)];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/// The file name corpus article `index` is imported from.
export function corpusSourceName(index: number): string {
  return `wire-${String(index).padStart(6, '0')}.txt`;
}

/// Document file of corpus article `index`: normalised and identified as an import would, with
/// `SPANS_PER_ARTICLE` annotations made by `createAnnotation`.
export function corpusDocument(seed: number, index: number): DocumentFile {
  const prose = corpusArticle(seed, index);
  const article = articleFromBytes(corpusSourceName(index), Buffer.from(prose.text, 'utf8'));
  if (article.text !== prose.text) throw new Error(`article ${index} changed on normalisation`);
  const random = seededRandom(seedOf(`${seed}:ids:${index}`));
  const importedAt = new Date(FIRST_IMPORTED_AT + index * 1000).toISOString();
  let file: DocumentFile = {
    schemaVersion: SCHEMA_VERSION,
    document: { id: article.id, title: article.title, sourceName: article.sourceName, text: article.text, importedAt, meta: {} },
    annotations: [],
    relations: [],
  };
  for (const m of spreadMentions(prose.mentions, SPANS_PER_ARTICLE)) {
    const input = { id: seededUuid(random), docId: article.id, label: m.label, start: m.start, end: m.end };
    file = createAnnotation(file, input, DEFAULT_LABELS, { annotator: CORPUS_ANNOTATOR, now: CREATED }).file;
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
