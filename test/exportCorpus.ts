// Workspaces of any size for the export tests, written straight in the store's layout (document
// files checked by the store's schema, `workspace.json` from `emptyWorkspace`; the SQL index is
// built by the first open), fast enough for a corpus larger than JavaScript's longest string: one
// generated body of news-like sentences with its spans, shared by every document behind a title
// line of its own (so every text, and id, differs), instead of generating each text anew.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LABELS, DocumentFileSchema, SCHEMA_VERSION, WorkspaceFileSchema, type Annotation, type DocumentFile, type Relation } from '../main/core/model';
import { documentFileName, emptyWorkspace } from '../main/core/store/workspaceFiles';
import { articleFromBytes, documentIdOf, titleOf } from '../main/core/text/readArticle';
import { seededRandom } from './seededRandom';

/// Who made the corpus's annotations.
export const CORPUS_ANNOTATOR = 'analyst-a';

/// A span of the shared body, in UTF-16 offsets of the body.
interface BodySpan {
  label: 'actor' | 'location' | 'quote';
  start: number;
  end: number;
  /// The note's text, one paragraph.
  note?: string;
}

/// The shared body: its text, its spans (in order, never overlapping, never across a line
/// break, on word boundaries) and speaker links between them (indexes into `spans`).
export interface CorpusBody {
  text: string;
  spans: BodySpan[];
  links: [quote: number, actor: number][];
}

const ACTORS = ['Staffan de Mistura', 'the UN envoy', 'Sergey Lavrov', 'a Red Cross spokesman', 'the mayor', 'Jan Egeland', 'an aid worker'];
const PLACES = ['Aleppo', 'Geneva', 'Idlib', 'Homs', 'Damascus', 'eastern Ghouta', 'Raqqa'];
const WORDS = (
  'talks will start again next week after the convoy reached the city and the ceasefire held for ' +
  'most of the night while thousands of civilians left the besieged districts through corridors ' +
  'that officials said would stay open until the evacuation is complete'
).split(' ');

/// A body of about `characters` characters: sentences such as `Sergey Lavrov said: "…" in Geneva.`,
/// paragraphs of five, an emoji now and then (so offsets differ between UTF-16 and code points).
/// In every `annotateEvery`th sentence the speaker and the quote are spans (and the place, in one
/// of four), and in one of ten such sentences the quote is linked to its speaker. `quoteWords`
/// sets how long the quotes are; with `noteWords`, every span has a note of about that many words.
export function corpusBody(characters: number, { seed = 1, quoteWords = 40, annotateEvery = 1, noteWords = 0 } = {}): CorpusBody {
  const random = seededRandom(seed);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const parts: string[] = [];
  const spans: BodySpan[] = [];
  const links: [number, number][] = [];
  const notes = Array.from({ length: 7 }, (_, i) => `Note ${i}: ${Array.from({ length: noteWords }, () => pick(WORDS)).join(' ')}.`);
  let length = 0;
  const add = (piece: string, label?: BodySpan['label']) => {
    if (label) spans.push({ label, start: length, end: length + piece.length, ...(noteWords ? { note: notes[spans.length % notes.length] } : {}) });
    parts.push(piece);
    length += piece.length;
  };
  for (let sentence = 0; length < characters; sentence++) {
    const annotated = sentence % annotateEvery === 0;
    const linked = annotated && (sentence / annotateEvery) % 10 === 0;
    add(pick(ACTORS), annotated ? 'actor' : undefined);
    const actor = spans.length - 1;
    add(' said: "');
    const words = Array.from({ length: quoteWords - 4 + Math.floor(random() * 8) }, () => pick(WORDS));
    add(words.join(' '), annotated ? 'quote' : undefined);
    if (linked) links.push([spans.length - 1, actor]);
    add(sentence % 10 === 0 ? '" 😀 in ' : '" in ');
    add(pick(PLACES), annotated && (sentence / annotateEvery) % 4 === 0 ? 'location' : undefined);
    add(sentence % 5 === 4 ? '.\n\n' : '. ');
  }
  return { text: parts.join(''), spans, links };
}

/// A version 4 UUID made of two numbers, so a corpus's ids are unique without a random source.
function numberedUuid(a: number, b: number): string {
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
  return `${hex(a, 8)}-0000-4000-8000-${hex(b, 12)}`;
}

/// When every annotation was made.
const ANNOTATED_AT = '2026-11-22T12:00:00.000Z';

/// When document `index` was imported: a second after the one before (import order is index order).
function importedAt(index: number): string {
  return new Date(Date.UTC(2026, 10, 22) + index * 1000).toISOString();
}

/// The title line of document `index`: long (titles are repeated on every CSV row), unique in its
/// first 60 characters (brat file names are cut there).
export function corpusTitle(index: number): string {
  return `Dispatch ${String(index).padStart(4, '0')} of the export corpus: statements, places and figures as reported on the wire`;
}

/// Document `index`: its title line, then `body`; its spans are the body's, moved along.
export function corpusDocument(body: CorpusBody, index: number): DocumentFile {
  const head = `${corpusTitle(index)}\n\n`;
  const text = head + body.text;
  const id = documentIdOf(text);
  const annotations: Annotation[] = body.spans.map((span, i) => ({
    id: numberedUuid(index, i),
    docId: id,
    label: span.label,
    start: head.length + span.start,
    end: head.length + span.end,
    quote: body.text.slice(span.start, span.end),
    annotator: CORPUS_ANNOTATOR,
    ...(span.note ? { note: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: span.note }] }] } } : {}),
    createdAt: ANNOTATED_AT,
    updatedAt: ANNOTATED_AT,
    origin: 'manual',
  }));
  const relations: Relation[] = body.links.map(([quote, actor], i) => ({
    id: numberedUuid(index, body.spans.length + i),
    type: 'speaker',
    from: annotations[quote].id,
    to: annotations[actor].id,
    annotator: CORPUS_ANNOTATOR,
  }));
  return {
    schemaVersion: SCHEMA_VERSION,
    document: { id, title: titleOf(text), sourceName: `dispatch-${index}.txt`, text, importedAt: importedAt(index), meta: {} },
    annotations,
    relations,
  };
}

/// What a written corpus holds.
export interface CorpusTotals {
  documents: number;
  annotations: number;
  /// Characters of text (UTF-16 code units), all documents together.
  characters: number;
  /// Bytes of the document files.
  fileBytes: number;
}

/// Document files as JSON, made fast: document 0 stringified once with markers where documents
/// differ (title, id, the ids' prefix, import time, file name), then for each document the pieces
/// joined with its own values. JSON.stringify of 10,000 spans and 5 M characters for every
/// document would cost more than writing it; `writeCorpusWorkspace` checks the result.
function documentJsonMaker(body: CorpusBody): (index: number) => { id: string; json: string } {
  const first = corpusDocument(body, 0);
  const rest = first.document.text.slice(corpusTitle(0).length);
  const prefix = (uuid: string) => `@@UUID@@${uuid.slice(24)}`;
  const marked: DocumentFile = {
    ...first,
    document: { id: '@@ID@@', title: '@@TITLE@@', sourceName: '@@SOURCE@@', text: `@@TITLE@@${rest}`, importedAt: '@@DATE@@', meta: {} },
    annotations: first.annotations.map((a) => ({ ...a, id: prefix(a.id), docId: '@@ID@@' })),
    relations: first.relations.map((r) => ({ ...r, id: prefix(r.id), from: prefix(r.from), to: prefix(r.to) })),
  };
  const pieces = JSON.stringify(marked).split(/(@@[A-Z]+@@)/);
  return (index) => {
    const title = corpusTitle(index);
    const id = documentIdOf(title + rest);
    const values: Record<string, string> = {
      '@@ID@@': id,
      '@@TITLE@@': title,
      '@@SOURCE@@': `dispatch-${index}.txt`,
      '@@DATE@@': importedAt(index),
      '@@UUID@@': numberedUuid(index, 0).slice(0, 24),
    };
    return { id, json: pieces.map((piece, i) => (i % 2 ? values[piece] : piece)).join('') };
  };
}

/// Writes a workspace of `documents` documents over `body` into `dir`: document files as
/// `corpusDocument` makes them (the first checked by the store's schema and against the import's
/// normalisation, the first and last made both ways and compared), then `workspace.json`.
export function writeCorpusWorkspace(dir: string, body: CorpusBody, documents: number): CorpusTotals {
  mkdirSync(join(dir, 'documents'), { recursive: true });
  const firstFile = DocumentFileSchema.parse(corpusDocument(body, 0));
  const imported = articleFromBytes('first.txt', Buffer.from(firstFile.document.text, 'utf8'));
  if (imported.text !== firstFile.document.text || imported.id !== firstFile.document.id) throw new Error('the corpus text is not as an import normalises it');
  const documentJson = documentJsonMaker(body);
  for (const index of [0, documents - 1]) {
    if (documentJson(index).json !== JSON.stringify(corpusDocument(body, index))) throw new Error(`document ${index} is not as corpusDocument makes it`);
  }
  const totals: CorpusTotals = { documents, annotations: 0, characters: 0, fileBytes: 0 };
  for (let i = 0; i < documents; i++) {
    const { id, json } = documentJson(i);
    writeFileSync(join(dir, 'documents', documentFileName(id)), json);
    totals.annotations += firstFile.annotations.length;
    totals.characters += firstFile.document.text.length;
    totals.fileBytes += Buffer.byteLength(json);
  }
  const index = { ...emptyWorkspace(), labels: DEFAULT_LABELS, annotators: [CORPUS_ANNOTATOR], currentAnnotator: CORPUS_ANNOTATOR };
  writeFileSync(join(dir, 'workspace.json'), JSON.stringify(WorkspaceFileSchema.parse(index)));
  return totals;
}
