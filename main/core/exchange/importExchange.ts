/// Imports an exchange file (DESIGN §5): checks each document's id against its text, adds the
/// documents the workspace lacks, checks every span's text against the code-point slice,
/// re-anchors a span whose text moved when the text occurs exactly once, and reports and skips
/// everything else. Importing the same file twice adds nothing. A file that cannot be used at all
/// (not JSON, not an exchange file, unknown version) is rejected whole before anything is written.
import { z } from 'zod';
import { compareSpans } from '../annotations.js';
import { WorkbenchError } from '../errors.js';
import { describeSchemaError, type Annotation, type DocumentFile, type Label, type Relation } from '../model.js';
import { OffsetConverter } from '../offsets.js';
import type { Workspace } from '../store/workspace.js';
import { documentIdOf } from '../text/readArticle.js';
import {
  EXCHANGE_FORMAT,
  EXCHANGE_VERSION,
  ExchangeAnnotationSchema,
  ExchangeDocumentSchema,
  ExchangeEnvelopeSchema,
  ExchangeLabelSchema,
  ExchangeRelationSchema,
  type ExchangeAnnotation,
} from './exchangeFormat.js';

/// Largest exchange file accepted.
export const MAX_EXCHANGE_BYTES = 200 * 1024 * 1024;

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
  relationsAdded: number;
  labelsAdded: string[];
  /// Everyone whose annotations the file holds.
  annotators: string[];
  skipped: { document: string; item?: string; reason: string }[];
}

type ParsedEnvelope = z.infer<typeof ExchangeEnvelopeSchema>;

const DocumentEntrySchema = ExchangeDocumentSchema.extend({
  annotations: z.array(z.unknown()),
  relations: z.array(z.unknown()),
});

/// Parses the raw file and checks its envelope; throws `ExchangeRejected` for an unusable file.
export function parseExchange(file: string, raw: string): ParsedEnvelope {
  if (raw.length > MAX_EXCHANGE_BYTES) throw new ExchangeRejected(file, 'file is over the 200 MB limit');
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
  if (version !== EXCHANGE_VERSION) {
    throw new ExchangeRejected(file, `exchange version ${JSON.stringify(version)} is not supported (this build reads version ${EXCHANGE_VERSION})`);
  }
  const envelope = ExchangeEnvelopeSchema.safeParse(json);
  if (!envelope.success) throw new ExchangeRejected(file, describeSchemaError(envelope.error).join('; '));
  return envelope.data;
}

/// Imports a parsed exchange file into `workspace`.
export async function importExchange(workspace: Workspace, file: string, envelope: ParsedEnvelope): Promise<ExchangeImportReport> {
  const report: ExchangeImportReport = {
    file, documentsAdded: 0, documentsKnown: 0, annotationsAdded: 0, annotationsReanchored: 0, reviewsUpdated: 0,
    annotationsAlreadyPresent: 0, relationsAdded: 0, labelsAdded: [], annotators: [], skipped: [],
  };
  await addMissingLabels(workspace, envelope.labels, report);
  for (const [index, entry] of envelope.documents.entries()) {
    const parsed = DocumentEntrySchema.safeParse(entry);
    if (!parsed.success) {
      report.skipped.push({ document: `documents[${index}]`, reason: describeSchemaError(parsed.error).join('; ') });
      continue;
    }
    const doc = parsed.data;
    if (documentIdOf(doc.text) !== doc.id) {
      report.skipped.push({ document: doc.title || doc.id, reason: 'its id does not match the SHA-256 of its text (the text was changed)' });
      continue;
    }
    if (workspace.hasDocument(doc.id)) report.documentsKnown++;
    else {
      await workspace.importArticle({ id: doc.id, sourceName: file.split(/[\\/]/).pop() ?? file, title: doc.title, text: doc.text, encoding: 'utf-8', warnings: [] });
      report.documentsAdded++;
    }
    const labels = new Set(workspace.labels.map((l) => l.id));
    await workspace.updateDocument(doc.id, (current) => ({
      file: mergeDocument(current, doc.title || doc.id, doc.annotations, doc.relations, labels, report),
      result: undefined,
    }));
  }
  await addAnnotators(workspace, report.annotators);
  return report;
}

/// Makes the colleagues whose annotations came in known to the workspace (annotator lists, scopes).
async function addAnnotators(workspace: Workspace, names: string[]): Promise<void> {
  const missing = [...new Set(names)].filter((n) => !workspace.annotators.includes(n));
  if (missing.length) await workspace.updateIndex((index) => ({ ...index, annotators: [...index.annotators, ...missing] }));
}

async function addMissingLabels(workspace: Workspace, entries: unknown[], report: ExchangeImportReport): Promise<void> {
  const known = new Set(workspace.labels.map((l) => l.id));
  const names = new Set(workspace.labels.map((l) => l.name.toLowerCase()));
  const added: Label[] = [];
  for (const entry of entries) {
    const label = ExchangeLabelSchema.safeParse(entry);
    if (!label.success || known.has(label.data.id)) continue;
    const name = names.has(label.data.name.toLowerCase()) ? `${label.data.name} (${label.data.id})` : label.data.name;
    added.push({ ...label.data, name: name.slice(0, 40), key: '' });
    known.add(label.data.id);
    names.add(name.toLowerCase());
  }
  if (!added.length) return;
  await workspace.updateIndex((index) => ({ ...index, labels: [...index.labels, ...added] }));
  report.labelsAdded.push(...added.map((l) => l.id));
}

/// Where `incoming` belongs in `text`: its own offsets when the slice matches, else the one place
/// the text occurs; `null` with a reason otherwise.
function anchor(offsets: OffsetConverter, a: ExchangeAnnotation): { start: number; end: number; moved: boolean } | string {
  const inRange = a.start >= 0 && a.end <= offsets.codePointLength && a.start < a.end;
  if (inRange && offsets.sliceCodePoints(a.start, a.end) === a.text) {
    return { start: offsets.toUtf16(a.start), end: offsets.toUtf16(a.end), moved: false };
  }
  const problem = inRange ? 'its text does not match the document at its offsets' : `span ${a.start}–${a.end} is outside the text`;
  if (!a.text.trim()) return problem;
  const first = offsets.text.indexOf(a.text);
  if (first < 0) return `${problem}, and the text does not occur in the document`;
  if (offsets.text.indexOf(a.text, first + 1) >= 0) return `${problem}, and the text occurs in more than one place`;
  return { start: first, end: first + a.text.length, moved: true };
}

function mergeDocument(
  current: DocumentFile,
  title: string,
  annotations: unknown[],
  relations: unknown[],
  labels: Set<string>,
  report: ExchangeImportReport,
): DocumentFile {
  const offsets = new OffsetConverter(current.document.text);
  const byId = new Map(current.annotations.map((a) => [a.id, a]));
  const skip = (item: string, reason: string) => report.skipped.push({ document: title, item, reason });
  for (const [i, entry] of annotations.entries()) {
    const parsed = ExchangeAnnotationSchema.safeParse(entry);
    if (!parsed.success) {
      skip(`annotations[${i}]`, describeSchemaError(parsed.error).join('; '));
      continue;
    }
    const a = parsed.data;
    if (!labels.has(a.label)) {
      skip(a.id, `unknown label "${a.label}"`);
      continue;
    }
    const place = anchor(offsets, a);
    if (typeof place === 'string') {
      skip(a.id, place);
      continue;
    }
    const existing = byId.get(a.id);
    if (existing) {
      if (existing.docId !== current.document.id || existing.start !== place.start || existing.end !== place.end || existing.label !== a.label) {
        skip(a.id, 'an annotation with this id already exists with other content');
      } else if (a.review && (!existing.review || a.review.at > existing.review.at)) {
        byId.set(a.id, { ...existing, review: a.review });
        report.reviewsUpdated++;
      } else report.annotationsAlreadyPresent++;
      continue;
    }
    const annotation: Annotation = {
      id: a.id,
      docId: current.document.id,
      label: a.label,
      start: place.start,
      end: place.end,
      quote: a.text,
      annotator: a.annotator,
      ...(a.note ? { note: a.note } : {}),
      createdAt: a.createdAt,
      updatedAt: a.createdAt,
      ...(a.review ? { review: a.review } : {}),
      origin: 'import',
    };
    byId.set(a.id, annotation);
    if (!report.annotators.includes(a.annotator)) report.annotators.push(a.annotator);
    report.annotationsAdded++;
    if (place.moved) report.annotationsReanchored++;
  }
  const merged = [...byId.values()].sort(compareSpans);
  const known = new Set(current.relations.map((r) => r.id));
  const added: Relation[] = [];
  for (const [i, entry] of relations.entries()) {
    const parsed = ExchangeRelationSchema.safeParse(entry);
    if (!parsed.success) {
      skip(`relations[${i}]`, describeSchemaError(parsed.error).join('; '));
      continue;
    }
    const r = parsed.data;
    if (known.has(r.id)) continue;
    const from = byId.get(r.from);
    const to = byId.get(r.to);
    if (!from || !to) {
      skip(r.id, 'the speaker link names an annotation that was not imported');
      continue;
    }
    if (from.label !== 'quote' || to.label !== 'actor') {
      skip(r.id, 'a speaker link must go from a quote to an actor');
      continue;
    }
    added.push(r);
    known.add(r.id);
    report.relationsAdded++;
  }
  return { ...current, annotations: merged, relations: [...current.relations, ...added] };
}
