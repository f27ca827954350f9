/// Imports an exchange file (DESIGN §5, §10): merges its labels (and their attributes) and its
/// entities into the workspace's, checks each document's id against its text, adds the
/// documents the workspace lacks, checks every span's text against the code-point slice,
/// re-anchors a span whose text moved when the text occurs exactly once, links spans to this
/// workspace's entities, and reports and skips everything else. Importing the same file twice
/// adds nothing. A file that cannot be used at all (not JSON, not an exchange file, unknown
/// version, over a limit of exchangeLimits.ts) is rejected whole before anything is written.
import * as z from 'zod';
import { WorkbenchError } from '../errors.js';
import { describeSchemaError, MAX_LABEL_ATTRIBUTES } from '../model.js';
import type { Workspace } from '../store/workspace.js';
import { documentIdOf, MAX_ARTICLE_BYTES } from '../text/readArticle.js';
import { EXCHANGE_FORMAT, EXCHANGE_VERSIONS_READ, ExchangeDocumentSchema, ExchangeEnvelopeSchema } from './exchangeFormat.js';
import { mergeExchangeEntities } from './exchangeEntities.js';
import { mergeExchangeMeta } from './exchangeMeta.js';
import { mergeLabels } from './exchangeLabels.js';
import { exchangeSizeProblem, formatMegabytes, MAX_EXCHANGE_ANNOTATIONS, MAX_EXCHANGE_BYTES, MAX_EXCHANGE_DOCUMENTS, MAX_EXCHANGE_ENTITIES } from './exchangeLimits.js';
import { mergeExchangeDocument, reanchorBudget } from './mergeExchangeDocument.js';
import { repairExchangeEntries, repairSentence, type RepairCount } from './repairExchangeEntries.js';

export { MAX_EXCHANGE_ANNOTATIONS, MAX_EXCHANGE_BYTES, MAX_EXCHANGE_DOCUMENTS, MAX_EXCHANGE_ENTITIES, exchangeSizeProblem };

/// A file that is not a usable exchange file; nothing was written.
export class ExchangeRejected extends WorkbenchError {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super('exchange-rejected', `${file}: ${reason}`);
    this.name = 'ExchangeRejected';
  }
}

/// What an exchange import did.
export interface ExchangeImportReport {
  file: string;
  documentsAdded: number;
  documentsKnown: number;
  annotationsAdded: number;
  annotationsReanchored: number;
  reviewsUpdated: number;
  annotationsAlreadyPresent: number;
  /// Annotations already present that took an entity link or attribute values they lacked.
  annotationsCompleted: number;
  relationsAdded: number;
  labelsAdded: string[];
  /// Attributes added to labels this workspace had, as `label.attribute`.
  attributesAdded: string[];
  /// The file's entities added as new ones.
  entitiesAdded: number;
  /// The file's entities merged into one of this workspace's (the same id, or the same name and type).
  entitiesMerged: number;
  /// Everyone whose annotations the file holds.
  annotators: string[];
  /// Annotation and link ids that were not UUIDs and were given new ones (their links follow).
  idsReplaced: number;
  /// Notes written as plain strings, made one-paragraph notes.
  notesConverted: number;
  /// What was not imported, and why: documents, annotations, links, label and entity entries,
  /// attribute values.
  skipped: { document: string; item?: string; reason: string }[];
  /// What was imported with a change, and which (a label renamed, or the workspace's name and
  /// colour kept for a label of the same id), one sentence each.
  warnings: string[];
}

/// An exchange file whose envelope passed `parseExchange`.
export type ParsedEnvelope = z.infer<typeof ExchangeEnvelopeSchema>;

/// Where skipped label entries are reported (the `document` of their `skipped` line).
export const LABELS_ENTRY = "the file's labels";
/// Where skipped entity entries are reported.
export const ENTITIES_ENTRY = "the file's entities";

const DocumentEntrySchema = ExchangeDocumentSchema.extend({
  annotations: z.array(z.unknown()),
  relations: z.array(z.unknown()),
});

/// Parses the raw file and checks its envelope; throws `ExchangeRejected` for an unusable file.
export function parseExchange(file: string, raw: string): ParsedEnvelope {
  // A UTF-16 unit is 1–3 bytes of UTF-8: the bytes are counted only where that leaves a doubt.
  const size = raw.length * 3 <= MAX_EXCHANGE_BYTES ? raw.length : Buffer.byteLength(raw, 'utf8');
  const tooLarge = exchangeSizeProblem(size);
  if (tooLarge) throw new ExchangeRejected(file, tooLarge);
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ExchangeRejected(file, `not JSON (${(error as Error).message})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ExchangeRejected(file, 'not an exchange file (expected a JSON object)');
  }
  const { format, version } = json as Record<string, unknown>;
  if (format !== EXCHANGE_FORMAT) {
    throw new ExchangeRejected(file, `not an Annotation Workbench exchange file ("format" is ${JSON.stringify(format) ?? 'missing'})`);
  }
  if (typeof version !== 'number' || !EXCHANGE_VERSIONS_READ.includes(version)) {
    throw new ExchangeRejected(file, `exchange version ${JSON.stringify(version)} is not supported (this build reads versions ${EXCHANGE_VERSIONS_READ.join(' and ')})`);
  }
  const envelope = ExchangeEnvelopeSchema.safeParse(json);
  if (!envelope.success) throw new ExchangeRejected(file, describeSchemaError(envelope.error).join('; '));
  checkCounts(file, envelope.data);
  return envelope.data;
}

/// Refuses a file with more documents or annotations than one import may take.
function checkCounts(file: string, envelope: ParsedEnvelope): void {
  const { documents, entities = [] } = envelope;
  if (entities.length > MAX_EXCHANGE_ENTITIES) {
    throw new ExchangeRejected(file, `the file holds ${entities.length.toLocaleString('en-US')} entities, over the limit of ${MAX_EXCHANGE_ENTITIES.toLocaleString('en-US')} per exchange file`);
  }
  if (documents.length > MAX_EXCHANGE_DOCUMENTS) {
    throw new ExchangeRejected(file, `the file holds ${documents.length.toLocaleString('en-US')} documents, over the limit of ${MAX_EXCHANGE_DOCUMENTS.toLocaleString('en-US')} per exchange file; export fewer documents at a time`);
  }
  let annotations = 0;
  for (const entry of documents) {
    const list = typeof entry === 'object' && entry !== null ? (entry as { annotations?: unknown }).annotations : undefined;
    if (Array.isArray(list)) annotations += list.length;
  }
  if (annotations > MAX_EXCHANGE_ANNOTATIONS) {
    throw new ExchangeRejected(file, `the file holds ${annotations.toLocaleString('en-US')} annotations, over the limit of ${MAX_EXCHANGE_ANNOTATIONS.toLocaleString('en-US')} per exchange file; export fewer documents at a time`);
  }
}

/// Imports a parsed exchange file into `workspace`: the labels, then the entities (so that a
/// span's link never points at an entity not yet written), then every new document at once (one
/// index write), then each document's annotations and links (one write each, none for a document
/// that brings neither).
export async function importExchange(workspace: Workspace, file: string, envelope: ParsedEnvelope): Promise<ExchangeImportReport> {
  const report: ExchangeImportReport = {
    file, documentsAdded: 0, documentsKnown: 0, annotationsAdded: 0, annotationsReanchored: 0, reviewsUpdated: 0,
    annotationsAlreadyPresent: 0, annotationsCompleted: 0, relationsAdded: 0, labelsAdded: [], attributesAdded: [],
    entitiesAdded: 0, entitiesMerged: 0, annotators: [], idsReplaced: 0, notesConverted: 0, skipped: [], warnings: [],
  };
  const labels = await addLabels(workspace, envelope.labels, report);
  const entities = await addEntities(workspace, envelope.entities ?? [], report);
  const documents = usableDocuments(envelope.documents, report);
  const repaired = repairSentence(report);
  if (repaired) report.warnings.push(repaired);
  // A document keeps the file name it came from; one the file does not name is named after the file.
  const fileName = file.split(/[\\/]/).pop() ?? file;
  const missing = new Map(documents.filter((d) => !workspace.hasDocument(d.id)).map((d) => [d.id, d]));
  if (missing.size) {
    const outcomes = await workspace.importArticles(
      [...missing.values()].map((d) => ({ id: d.id, sourceName: d.sourceName ?? fileName, title: d.title, text: d.text, meta: d.meta ?? {}, encoding: 'utf-8' as const, warnings: [] })),
    );
    report.documentsAdded = outcomes.filter((o) => o.status === 'imported').length;
  }
  for (const doc of documents) if (doc.meta && !missing.has(doc.id)) await mergeExchangeMeta(workspace, doc.id, doc.title || doc.id, doc.meta, report);
  report.documentsKnown = documents.length - report.documentsAdded;
  const budget = reanchorBudget();
  const known = new Set(workspace.labels.map((l) => l.id));
  const attributes = new Map(workspace.labels.map((l) => [l.id, l.attributes ?? []]));
  const targets = { known, dropped: labels.dropped, attributes, entities };
  for (const doc of documents) {
    if (!doc.annotations.length && !doc.relations.length) continue;
    await workspace.updateDocument(doc.id, (current) => ({
      file: mergeExchangeDocument(current, doc.title || doc.id, doc, targets, budget, report),
      result: undefined,
    }));
  }
  await addAnnotators(workspace, report.annotators);
  return report;
}

/// The document entries that can be imported, their ids and notes repaired (repairExchangeEntries.ts);
/// the others are reported and skipped.
function usableDocuments(entries: unknown[], report: ExchangeImportReport & RepairCount): z.infer<typeof DocumentEntrySchema>[] {
  const usable = [];
  for (const [index, entry] of entries.entries()) {
    const parsed = DocumentEntrySchema.safeParse(entry);
    if (!parsed.success) {
      report.skipped.push({ document: `documents[${index}]`, reason: describeSchemaError(parsed.error).join('; ') });
      continue;
    }
    const doc = parsed.data;
    const name = doc.title || doc.id;
    // Checked as an article file is (readArticle.ts): no document file larger than import allows.
    const bytes = Buffer.byteLength(doc.text, 'utf8');
    if (bytes > MAX_ARTICLE_BYTES) {
      report.skipped.push({ document: name, reason: `its text is ${formatMegabytes(bytes)}, over the ${MAX_ARTICLE_BYTES / 1048576} MB limit for an article` });
      continue;
    }
    if (documentIdOf(doc.text) !== doc.id) {
      report.skipped.push({ document: name, reason: 'its id does not match the SHA-256 of its text (the text was changed)' });
      continue;
    }
    usable.push({ ...doc, ...repairExchangeEntries(doc.id, doc, report) });
  }
  return usable;
}

/// Adds the file's labels the workspace lacks, and to its labels the attributes they lack;
/// reports each entry dropped or changed.
async function addLabels(workspace: Workspace, entries: unknown[], report: ExchangeImportReport): Promise<{ dropped: Set<string> }> {
  const merge = mergeLabels(workspace.labels, entries);
  for (const s of merge.skipped) report.skipped.push({ document: LABELS_ENTRY, ...s });
  report.warnings.push(...merge.warnings);
  if (merge.added.length || merge.extended.size) {
    await workspace.updateIndex((index) => {
      const present = new Set(index.labels.map((l) => l.id));
      const extended = index.labels.map((label) => {
        const room = MAX_LABEL_ATTRIBUTES - (label.attributes?.length ?? 0);
        const gained = (merge.extended.get(label.id) ?? []).filter((a) => !label.attributes?.some((mine) => mine.id === a.id)).slice(0, room);
        return gained.length ? { ...label, attributes: [...(label.attributes ?? []), ...gained] } : label;
      });
      return { ...index, labels: [...extended, ...merge.added.filter((l) => !present.has(l.id))] };
    });
    report.labelsAdded.push(...merge.added.map((l) => l.id));
    report.attributesAdded.push(...merge.attributesAdded);
  }
  return { dropped: merge.dropped };
}

/// Merges the file's entities into the workspace's (one write, none when nothing changes);
/// resolves with this workspace's entity for each of the file's entity ids, and for each of its own.
async function addEntities(workspace: Workspace, entries: unknown[], report: ExchangeImportReport): Promise<Map<string, string>> {
  const labels = workspace.labels;
  // Worked out first, so that a file that changes nothing (the same file again) writes nothing;
  // worked out again in the write's turn, against the list as it is then.
  let merge = mergeExchangeEntities(workspace.entities, entries, labels);
  if (merge.changed) {
    merge = await workspace.updateEntities((current) => {
      const result = mergeExchangeEntities(current, entries, labels);
      return { entities: result.entities, result };
    });
  }
  for (const s of merge.skipped) report.skipped.push({ document: ENTITIES_ENTRY, ...s });
  report.warnings.push(...merge.warnings);
  report.entitiesAdded = merge.added;
  report.entitiesMerged = merge.merged;
  // A link to an entity the file does not list may still be to one of ours: the same entity, sent back.
  const ids = new Map(merge.entities.map((e) => [e.id, e.id]));
  for (const [theirs, ours] of merge.ids) ids.set(theirs, ours);
  return ids;
}

/// Makes the colleagues whose annotations came in known to the workspace (annotator lists, scopes).
async function addAnnotators(workspace: Workspace, names: string[]): Promise<void> {
  const missing = [...new Set(names)].filter((n) => !workspace.annotators.includes(n));
  if (missing.length) await workspace.updateIndex((index) => ({ ...index, annotators: [...index.annotators, ...missing] }));
}
