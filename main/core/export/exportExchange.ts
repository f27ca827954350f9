/// Writes documents and their annotations as an exchange file (DESIGN §5, §10), offsets in code
/// points: the labels with their attributes, the entities the spans link to, then the documents.
import { EXCHANGE_FORMAT, EXCHANGE_VERSION, type ExchangeDocument, type ExchangeFile } from '../exchange/exchangeFormat.js';
import type { DocumentFile, Entity, Label } from '../model.js';
import { OffsetConverter } from '../offsets.js';

/// The exchange file's entry for one document. A span's entity link is written only when the
/// file lists that entity (`listed`, ids), so that every link in the file can be followed.
export function exchangeDocument(file: DocumentFile, listed: ReadonlySet<string> = new Set()): ExchangeDocument {
  const offsets = new OffsetConverter(file.document.text);
  return {
    id: file.document.id,
    // So that a colleague's import names the document after its own file, not the exchange file
    // (a name the format cannot hold is left out: the import then uses the exchange file's).
    ...(file.document.sourceName && file.document.sourceName.length <= 255 ? { sourceName: file.document.sourceName } : {}),
    title: file.document.title,
    meta: file.document.meta,
    text: file.document.text,
    annotations: file.annotations.map((a) => ({
      id: a.id,
      label: a.label,
      start: offsets.toCodePoint(a.start),
      end: offsets.toCodePoint(a.end),
      text: a.quote,
      annotator: a.annotator,
      ...(a.note ? { note: a.note } : {}),
      createdAt: a.createdAt,
      ...(a.review ? { review: a.review } : {}),
      ...(a.entityId !== undefined && listed.has(a.entityId) ? { entityId: a.entityId } : {}),
      ...(a.attributes && Object.keys(a.attributes).length ? { attributes: a.attributes } : {}),
      ...(a.quantity ? { quantity: a.quantity } : {}),
      ...(a.origin === 'suggestion' ? { origin: a.origin } : {}),
    })),
    relations: file.relations.map(({ id, type, from, to, annotator }) => ({ id, type, from, to, annotator })),
  };
}

/// The exchange file for `documents`, listing `entities` (those its spans may link to).
export function exportExchange(documents: DocumentFile[], labels: Label[], exportedBy: string, now = new Date(), entities: Entity[] = []): ExchangeFile {
  const listed = new Set(entities.map((e) => e.id));
  return {
    ...exchangeEnvelope(labels, exportedBy, now, entities),
    documents: documents.map((file) => exchangeDocument(file, listed)),
  };
}

/// Everything of the exchange file but its documents.
export function exchangeEnvelope(labels: Label[], exportedBy: string, now: Date, entities: Entity[]): Omit<ExchangeFile, 'documents'> {
  return {
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_VERSION,
    offsets: 'codepoints',
    exportedAt: now.toISOString(),
    exportedBy,
    labels: labels.map(({ id, name, color, attributes }) => ({ id, name, color, ...(attributes?.length ? { attributes } : {}) })),
    entities: entities.map(({ id, name, type, aliases, wikidata, note }) => ({ id, name, type, aliases, ...(wikidata ? { wikidata } : {}), ...(note ? { note } : {}) })),
  };
}

/// Indentation of the exchange file's JSON (`JSON.stringify(file, null, 1)`).
const INDENT = 1;

/// The exchange file's text up to its first document: `JSON.stringify(file, null, 1)` is this,
/// the documents' `exchangeDocumentJson` each after `exchangeSeparator`, then `exchangeEnd`.
export function exchangeStart(file: Omit<ExchangeFile, 'documents'>): string {
  const shell = JSON.stringify({ ...file, documents: [] }, null, INDENT);
  const emptyList = '[]\n}';
  if (!shell.endsWith(emptyList)) throw new Error('the exchange file must end with its documents');
  return shell.slice(0, -emptyList.length) + '[';
}

/// What goes before the `index`th document's JSON (from 0).
export function exchangeSeparator(index: number): string {
  return index ? ',\n' : '\n';
}

/// The exchange file's text after its last document, for `documents` documents in all.
export function exchangeEnd(documents: number): string {
  return documents ? `\n${' '.repeat(INDENT)}]\n}` : ']\n}';
}

/// One entry of `documents` as it appears in the exchange file's JSON: indented two levels.
export function exchangeDocumentJson(document: ExchangeDocument): string {
  // Stringified two arrays deep, the entry has the indentation it has in the file; only the two
  // arrays' brackets are cut off.
  const nested = JSON.stringify([[document]], null, INDENT);
  const open = `[\n${' '.repeat(INDENT)}[\n`;
  const close = `\n${' '.repeat(INDENT)}]\n]`;
  return nested.slice(open.length, -close.length);
}
