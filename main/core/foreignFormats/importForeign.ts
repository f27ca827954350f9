/// Imports another tool's annotation file (DESIGN §13) by turning it into an exchange file and
/// importing that through the exchange import (importExchange.ts), so that labels, duplicates,
/// links, limits and reports work alike. Every check that could refuse the file (its format, its
/// lines, offsets, span texts, labels, documents) runs before anything is written: a file goes
/// in whole or is refused whole. Spans go on the document of ours with the same id or the same
/// normalised text, else on a new document made from the text the file carries. Span ids are
/// derived from the document, annotator, label and offsets, so the same file twice adds nothing.
import { EXCHANGE_FORMAT, type ExchangeDocument } from '../exchange/exchangeFormat.js';
import { importExchange, parseExchange, type ExchangeImportReport, type ParsedEnvelope } from '../exchange/importExchange.js';
import { MAX_EXCHANGE_ANNOTATIONS, MAX_EXCHANGE_DOCUMENTS } from '../exchange/exchangeLimits.js';
import { isUuid, nameBasedUuid, plainTextNote } from '../exchange/repairExchangeEntries.js';
import { ReviewSchema } from '../model.js';
import { OffsetConverter } from '../offsets.js';
import type { Workspace } from '../store/workspace.js';
import { documentIdOf, MAX_ARTICLE_BYTES, titleOf } from '../text/readArticle.js';
import { normaliseText } from '../text/normaliseText.js';
import { detectFormat } from './detectFormat.js';
import { decodeUtf8, ForeignRejected, NormalisedOffsets, quoted, spanInText, unitWords, type ForeignDocument, type ForeignFile, type ForeignFormat, type ForeignInput, type ForeignSpan, type OffsetUnit } from './foreignFile.js';
import { LabelMapper, type LabelMap } from './foreignLabels.js';
import { placeConll } from './placeConll.js';
import { readBrat } from './readBrat.js';
import { readConll, type ConllDocument } from './readConll.js';
import { readDoccano } from './readDoccano.js';
import { readLabelStudio } from './readLabelStudio.js';
import { singleFile } from './readJsonLines.js';
import { readProdigy } from './readProdigy.js';
import { readW3c } from './readW3c.js';

/// What the user may say about a file.
export interface ForeignImportOptions {
  /// The format, when it should not be told from the content.
  format?: ForeignFormat;
  /// FROM → TO label mapping (see foreignLabels.ts).
  labelMap?: LabelMap;
  /// Who made the annotations, when the file does not say.
  annotator?: string;
  /// The offsets' unit for doccano (which counts UTF-16 code units unless told otherwise).
  offsets?: OffsetUnit;
}

/// What an import of another tool's file did: the exchange import's report (documents added and
/// known, annotations added, `annotationsAlreadyPresent` the duplicates, `skipped` with reasons,
/// `warnings`), the format read, and the labels mapped to another name (null: left out).
export interface ForeignImportReport extends ExchangeImportReport {
  format: ForeignFormat;
  labelsMapped: { from: string; to: string | null }[];
}

/// Most problems listed when a file is refused.
const PROBLEMS_LISTED = 10;
/// The longest annotator name the exchange format takes.
const MAX_ANNOTATOR = 60;

/// Reads `input` in `format`.
function readForeign(input: ForeignInput, format: Exclude<ForeignFormat, 'exchange'>, options: ForeignImportOptions): ForeignFile {
  switch (format) {
    case 'brat': return readBrat(input, options.annotator === undefined);
    case 'doccano': return readDoccano(input, options.offsets ?? 'utf16');
    case 'prodigy': return readProdigy(input);
    case 'label-studio': return readLabelStudio(input);
    case 'w3c': return readW3c(input);
    case 'conll': return readConll(input);
  }
}

/// Imports one file (or folder or zip) of another tool; throws `ForeignRejected` with every
/// problem found (up to ten) when it cannot go in whole.
export async function importForeign(workspace: Workspace, input: ForeignInput, options: ForeignImportOptions = {}): Promise<ForeignImportReport> {
  const format = options.format ?? detectFormat(input);
  if (format === 'exchange') {
    const [path, bytes] = singleFile(input, 'exchange');
    const envelope = parseExchange(input.name, decodeUtf8(bytes, path, input.name));
    return { ...(await importExchange(workspace, input.name, envelope)), format, labelsMapped: [] };
  }
  const file = readForeign(input, format, options);
  const labels = new LabelMapper(workspace.labels, options.labelMap);
  const mapProblems = labels.problems();
  if (mapProblems.length) throw new ForeignRejected(input.name, mapProblems.join('; '));
  const fallback = (options.annotator ?? defaultAnnotator(input.name)).slice(0, MAX_ANNOTATOR);
  const problems: string[] = [];
  const warnings = [...file.warnings];
  const documents: ExchangeDocument[] = [];
  let empty = 0;
  for (const doc of file.documents) {
    // A document the file annotates nothing on is not brought in for its text alone.
    if (!doc.spans.length && !(doc as Partial<ConllDocument>).tokenSpans?.length) {
      empty++;
      continue;
    }
    const converted = await convertDocument(workspace, format, doc, labels, fallback, problems, warnings);
    if (converted) documents.push(converted);
  }
  if (empty) warnings.push(`${empty} document(s) without annotations left out`);
  if (labels.unknown.size) problems.unshift(labels.unknownSentence());
  if (problems.length) {
    const more = problems.length > PROBLEMS_LISTED ? `; and ${problems.length - PROBLEMS_LISTED} more` : '';
    throw new ForeignRejected(input.name, `nothing was imported: ${problems.slice(0, PROBLEMS_LISTED).join('; ')}${more}`);
  }
  const annotations = documents.reduce((n, d) => n + d.annotations.length, 0);
  if (documents.length > MAX_EXCHANGE_DOCUMENTS || annotations > MAX_EXCHANGE_ANNOTATIONS) {
    throw new ForeignRejected(input.name, `the file holds ${documents.length} documents and ${annotations} spans, over the limits of one import (${MAX_EXCHANGE_DOCUMENTS} and ${MAX_EXCHANGE_ANNOTATIONS}); import it in parts`);
  }
  const envelope: ParsedEnvelope = {
    format: EXCHANGE_FORMAT, version: 2, offsets: 'codepoints', exportedAt: new Date().toISOString(), exportedBy: format,
    labels: [], entities: [], documents,
  };
  const report = await importExchange(workspace, input.name, envelope);
  report.warnings.unshift(...warnings);
  return { ...report, format, labelsMapped: [...labels.used].map(([from, to]) => ({ from, to })) };
}

/// An annotator's name from the input's name: its file name without extensions.
function defaultAnnotator(name: string): string {
  return (name.split(/[\\/]/).filter(Boolean).pop() ?? name).replace(/\..*$/, '') || 'imported';
}

/// The document's text as ours (normalised), its id, and a map from the file's offsets; the
/// workspace's text when the file names one of our documents; null (with a problem) otherwise.
async function documentText(workspace: Workspace, doc: ForeignDocument, problems: string[]): Promise<{ text: string; id: string; raw: NormalisedOffsets; known: boolean } | null> {
  if (doc.text !== undefined) {
    const raw = new NormalisedOffsets(doc.text);
    if (!raw.normalised.trim()) return void problems.push(`${doc.name}: the text is empty`), null;
    if (Buffer.byteLength(raw.normalised, 'utf8') > MAX_ARTICLE_BYTES) return void problems.push(`${doc.name}: the text is over the ${MAX_ARTICLE_BYTES / 1048576} MB limit for an article`), null;
    const id = documentIdOf(raw.normalised);
    return { text: raw.normalised, id, raw, known: workspace.hasDocument(id) };
  }
  const id = doc.id ?? (doc.sourceName ? uniqueNamed(workspace, doc.sourceName) : undefined);
  if (!id || !workspace.hasDocument(id)) {
    problems.push(`${doc.name}: no document here ${doc.id ? 'has this id' : 'was imported from a file of this name'}, and the file does not carry the text; import the article first`);
    return null;
  }
  const text = (await workspace.readDocument(id)).document.text;
  return { text, id, raw: new NormalisedOffsets(text), known: true };
}

/// The one document imported from a file named `name`, if exactly one was.
function uniqueNamed(workspace: Workspace, name: string): string | undefined {
  const ids = workspace.documentIdsNamed(name);
  return ids.length === 1 ? ids[0] : undefined;
}

/// Whether two texts are the same but for their whitespace (brat writes a span's fragments
/// joined by a space where the text has a line break).
const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/// Where `span` is in the document, as UTF-16 offsets of our text, or why it cannot be placed.
function placeSpan(doc: ForeignDocument, raw: NormalisedOffsets, rawConverter: OffsetConverter, span: ForeignSpan): { start: number; end: number } | string {
  const units: OffsetUnit[] = doc.unitFromSpanText && span.text !== undefined ? [doc.unit, doc.unit === 'codepoints' ? 'utf16' : 'codepoints'] : [doc.unit];
  let problem = '';
  if (span.start >= 0 || !span.quote) {
    for (const unit of units) {
      const place = spanInText(raw.raw, rawConverter, unit, span);
      if (typeof place === 'string') {
        problem ||= place;
        continue;
      }
      const start = raw.map(place.start);
      const end = raw.map(place.end);
      const covered = raw.normalised.slice(start, end);
      if (span.text === undefined || sameText(covered, normaliseText(span.text))) return { start, end };
      problem ||= `the text at ${span.start}–${span.end} (${unitWords(unit)}) is ${quoted(covered)}, the file says ${quoted(span.text)}`;
    }
  }
  if (span.quote) {
    const { exact, prefix, suffix } = span.quote;
    const text = raw.normalised;
    const found: number[] = [];
    for (let at = text.indexOf(exact); at >= 0 && found.length < 2; at = text.indexOf(exact, at + 1)) {
      if (at >= prefix.length && text.startsWith(prefix, at - prefix.length) && text.startsWith(suffix, at + exact.length)) found.push(at);
    }
    if (found.length === 1) return { start: found[0], end: found[0] + exact.length };
    problem = `${problem ? `${problem}, and its` : 'its'} quote ${quoted(exact)} ${found.length ? 'occurs in more than one place' : 'is not in the text'}`;
  }
  return problem;
}

/// One document of the file as an exchange document, or null when it has problems (added to `problems`).
async function convertDocument(
  workspace: Workspace,
  format: ForeignFormat,
  doc: ForeignDocument,
  labels: LabelMapper,
  fallback: string,
  problems: string[],
  warnings: string[],
): Promise<ExchangeDocument | null> {
  if (doc.tokens) {
    const conll = doc as ConllDocument;
    const placed = placeConll(workspace, conll);
    if (placed.rebuilt) warnings.push(`${doc.name}: no document here has these ${conll.tokens.length} tokens; a new document was made from them (single spaces, a line per sentence; the original spacing is not in a CoNLL file)`);
    doc.text = placed.text;
    doc.spans = conll.tokenSpans.map((s) => ({ label: s.label, start: placed.places[s.first].start, end: placed.places[s.last].end, where: s.where }));
  }
  const resolved = await documentText(workspace, doc, problems);
  if (!resolved) return null;
  const { text, id, raw } = resolved;
  const rawConverter = new OffsetConverter(raw.raw);
  const ours = new OffsetConverter(text);
  const ids = new Map<string, string>();
  const leftOut = new Set<string>();
  const annotations: ExchangeDocument['annotations'] = [];
  let trimmed = 0;
  let entitiesAsNotes = 0;
  const now = new Date().toISOString();
  for (const span of doc.spans) {
    const label = labels.labelFor(span.label);
    if (label === null) {
      if (span.id !== undefined) leftOut.add(span.id);
      continue;
    }
    const place = placeSpan(doc, raw, rawConverter, span);
    if (typeof place === 'string') {
      problems.push(`${span.where}: ${place}`);
      continue;
    }
    if (label === undefined) continue;
    // DESIGN §3: a span never starts or ends in whitespace.
    let { start, end } = place;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (start === end) {
      problems.push(`${span.where}: the span covers only whitespace`);
      continue;
    }
    if (start !== place.start || end !== place.end) trimmed++;
    const annotator = (span.annotator ?? fallback).slice(0, MAX_ANNOTATOR);
    const cpStart = ours.toCodePoint(start);
    const cpEnd = ours.toCodePoint(end);
    const ownId = span.id?.replace(/^urn:uuid:/, '');
    const annotationId = ownId && isUuid(ownId) ? ownId : nameBasedUuid(`${format}\t${id}\t${annotator}\t${label}\t${cpStart}\t${cpEnd}`);
    if (span.id !== undefined && !ids.has(span.id)) ids.set(span.id, annotationId);
    const entity = entityLink(workspace, span.entity);
    const noteLines = [span.note ?? '', entity === undefined && span.entity ? `Entity: ${span.entity.reference}${span.entity.name ? ` (${span.entity.name})` : ''}` : ''].filter(Boolean);
    if (entity === undefined && span.entity) entitiesAsNotes++;
    annotations.push({
      id: annotationId, label, start: cpStart, end: cpEnd, text: text.slice(start, end), annotator, createdAt: now,
      ...(noteLines.length ? { note: plainTextNote(noteLines.join('\n')) } : {}),
      ...(entity ? { entityId: entity } : {}),
      ...(span.attributes ? { attributes: span.attributes } : {}),
      ...(span.review && ReviewSchema.safeParse(span.review).success ? { review: span.review } : {}),
    });
  }
  if (trimmed) warnings.push(`${doc.name}: ${trimmed} span(s) trimmed of the whitespace at their ends`);
  if (entitiesAsNotes) warnings.push(`${doc.name}: ${entitiesAsNotes} entity reference(s) name no entity of this workspace and were kept in the span's note`);
  const relations: ExchangeDocument['relations'] = [];
  let otherTypes = 0;
  for (const r of doc.relations) {
    const type = r.type.toLowerCase();
    const from = ids.get(r.from);
    const to = ids.get(r.to);
    if (type !== 'speaker' && type !== 'source') {
      otherTypes++;
      continue;
    }
    if (!from || !to) {
      // A link from or to a span whose label was left out goes with it.
      if (!leftOut.has(r.from) && !leftOut.has(r.to)) problems.push(`${r.where}: the link names a span the file does not have`);
      continue;
    }
    const annotator = (r.annotator ?? fallback).slice(0, MAX_ANNOTATOR);
    const relationId = r.id && isUuid(r.id.replace(/^urn:uuid:/, '')) ? r.id.replace(/^urn:uuid:/, '') : nameBasedUuid(`${format}\t${id}\t${type}\t${from}\t${to}`);
    relations.push({ id: relationId, type, from, to, annotator });
  }
  if (otherTypes) warnings.push(`${doc.name}: ${otherTypes} link(s) of types other than speaker and source left out`);
  const title = doc.title ?? titleOf(text);
  return { id, title: title.slice(0, 500), text, ...(doc.sourceName && !resolved.known ? { sourceName: doc.sourceName.slice(0, 255) } : {}), annotations, relations };
}

/// This workspace's entity for a reference (`AWB:<uuid>`, `urn:uuid:<uuid>`, `Wikidata:Q159`, a
/// Wikidata IRI), or undefined.
function entityLink(workspace: Workspace, entity: ForeignSpan['entity']): string | undefined {
  if (!entity) return undefined;
  const reference = entity.reference;
  const uuid = /^(?:AWB:|urn:uuid:)(.+)$/.exec(reference)?.[1];
  if (uuid) return workspace.entities.find((e) => e.id === uuid)?.id;
  const wikidata = /(?:^Wikidata:|wikidata\.org\/entity\/)(Q[1-9]\d*)$/.exec(reference)?.[1];
  return wikidata ? workspace.entities.find((e) => e.wikidata === wikidata)?.id : undefined;
}
