/// Validates a call's arguments against the channel's schema, runs it on the service and wraps
/// the outcome in a `Reply`. Both transports call this and nothing else.
import * as z from 'zod';
import { apiChannels, type Channel, type ChannelArgs, type Reply, type WorkbenchApi } from '../../preload/api.js';
import {
  AnnotationSchema,
  DocumentIdSchema,
  DocumentStatusSchema,
  EntitySchema,
  IdentifierSchema,
  LabelSchema,
  MAX_ATTRIBUTE_LENGTH,
  NoteSchema,
  QuantitySchema,
  RELATION_TYPES,
  RelationSchema,
  describeSchemaError,
} from '../core/model.js';
import { EntityChangeSchema, MAX_ENTITIES, NewEntitySchema } from '../core/entities.js';
import { EXPORT_FORMATS } from '../core/export/renderExport.js';
import { MAX_EXCHANGE_BYTES } from '../core/exchange/exchangeLimits.js';
import { FOREIGN_FORMATS } from '../core/foreignFormats/foreignFile.js';
import { MAX_LABELS } from '../core/labels.js';
import { MAX_ARTICLE_BYTES } from '../core/text/readArticle.js';
import { LibraryQuerySchema, MAX_PAGE_ROWS } from '../core/store/sqlIndex/libraryQuery.js';
import { WorkbenchError } from '../core/errors.js';
import { DocumentDetailsChangeSchema } from '../core/documentDetails.js';
import { CompareFilterSchema } from '../core/store/sqlIndex/compareQuery.js';
import { EntityDocumentsQuerySchema } from '../core/store/sqlIndex/entityUsageQuery.js';
import { COMPARE_TABLES } from '../core/compare/compareCsv.js';
import { MAX_LISTED_OCCURRENCES } from '../core/tagAll/tagAllPreview.js';
import { CURATION_LAYER } from '../core/review.js';
import { SuggestionKeySchema } from '../core/suggestions/dismissedSuggestions.js';
import { SUGGESTION_KINDS } from '../core/suggestions/suggestion.js';

/// An article's bytes as uploaded (a Buffer over HTTP, a Uint8Array over Electron's IPC).
const UploadedFileSchema = z.strictObject({
  name: z.string().min(1).max(255),
  bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_ARTICLE_BYTES, `file is over the ${MAX_ARTICLE_BYTES / 1048576} MB limit`),
});

const AnnotatorName = z.string().min(1).max(60);

/// Annotator A or B of a review: anyone but the curated layer, which is its outcome.
const ReviewSide = AnnotatorName.refine((name) => name !== CURATION_LAYER, 'the curated layer is the outcome of a review, not a side of one');

/// A review pairs two layers: one annotator's against itself would curate all of it unasked.
const TWO_SIDES = 'annotators A and B must be two different annotators';

/// Attribute values as sent: blank ones are dropped by the service.
const AttributeValues = z.record(IdentifierSchema, z.string().max(MAX_ATTRIBUTE_LENGTH));

const EntityUndoSchema = z.strictObject({
  entities: z.array(EntitySchema).max(MAX_ENTITIES),
  links: z.array(z.strictObject({ docId: DocumentIdSchema, annotationIds: z.array(z.uuid()).max(1_000_000), entityId: z.uuid() })).max(1_000_000),
});

/// What "Tag all occurrences" is asked to tag: a phrase, the label, whether case counts.
const TagAllRequestShape = {
  phrase: z.string().trim().min(1, 'type a phrase to tag').max(200),
  label: z.string().min(1).max(32),
  caseSensitive: z.boolean().optional(),
};

/// The argument list each channel accepts (a zod tuple per channel).
export const argumentSchemas: { [C in Channel]: z.ZodType<ChannelArgs<C>> } = {
  'workspace.info': z.tuple([]),
  'documents.list': z.tuple([LibraryQuerySchema]),
  'documents.summaries': z.tuple([z.array(DocumentIdSchema).max(MAX_PAGE_ROWS)]),
  'documents.labelCounts': z.tuple([]),
  'documents.open': z.tuple([DocumentIdSchema]),
  'documents.import': z.tuple([z.array(UploadedFileSchema).min(1).max(1000)]),
  'documents.importUrl': z.tuple([z.string().trim().min(1, 'type a web address').max(2000)]),
  'documents.search': z.tuple([z.string().trim().min(1, 'type something to search for').max(200)]),
  'documents.update': z.tuple([DocumentIdSchema, DocumentDetailsChangeSchema]),
  'documents.outlets': z.tuple([]),
  'documents.setStatus': z.tuple([DocumentIdSchema, DocumentStatusSchema]),
  'documents.delete': z.tuple([z.array(DocumentIdSchema).min(1).max(MAX_PAGE_ROWS)]),
  'documents.undelete': z.tuple([z.array(DocumentIdSchema).min(1).max(MAX_PAGE_ROWS), z.string().regex(/^\d{4}-\d\d-\d\dT[\w.-]+$/, 'expected a backup name')]),
  'annotations.create': z.tuple([
    z.strictObject({
      id: z.uuid().optional(),
      docId: DocumentIdSchema,
      label: z.string().min(1).max(32),
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
      note: NoteSchema.optional(),
      entityId: z.uuid().optional(),
      attributes: AttributeValues.optional(),
      quantity: QuantitySchema.optional(),
      origin: z.enum(['manual', 'suggestion']).optional(),
      linkNamedEntity: z.boolean().optional(),
    }),
  ]),
  'annotations.update': z.tuple([
    z.strictObject({
      docId: DocumentIdSchema,
      id: z.uuid(),
      label: z.string().min(1).max(32).optional(),
      note: NoteSchema.nullable().optional(),
      entityId: z.uuid().nullable().optional(),
      // Changes of the values named (null or blank removes one), or null for none at all.
      attributes: z.record(IdentifierSchema, z.string().max(MAX_ATTRIBUTE_LENGTH).nullable()).nullable().optional(),
      quantity: QuantitySchema.nullable().optional(),
      // A new span (both or neither): checked and trimmed by the core like a new annotation's.
      start: z.number().int().nonnegative().optional(),
      end: z.number().int().nonnegative().optional(),
    }),
  ]),
  'annotations.delete': z.tuple([DocumentIdSchema, z.uuid()]),
  'annotations.restore': z.tuple([
    DocumentIdSchema,
    z.strictObject({ annotation: AnnotationSchema, relations: z.array(RelationSchema).max(1000) }),
  ]),
  // Bounded as an exchange file is: another tool's file becomes one.
  'annotations.importFile': z.tuple([
    z.strictObject({
      name: z.string().min(1).max(255),
      base64: z.base64().max(Math.ceil(MAX_EXCHANGE_BYTES / 3) * 4, `file is over the ${MAX_EXCHANGE_BYTES / 1024 / 1024} MB limit for one import`),
    }),
    z.strictObject({
      format: z.enum(FOREIGN_FORMATS).optional(),
      labelMap: z.record(z.string().min(1).max(100), z.string().max(100)).optional(),
      annotator: z.string().trim().min(1).max(60).optional(),
      offsets: z.enum(['codepoints', 'utf16']).optional(),
    }),
  ]),
  'tagAll.preview': z.tuple([
    z.strictObject({
      ...TagAllRequestShape,
      scope: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('documents'), ids: z.array(DocumentIdSchema).min(1).max(MAX_PAGE_ROWS) }),
        z.strictObject({ kind: z.literal('workspace') }),
      ]),
    }),
  ]),
  'tagAll.apply': z.tuple([
    z.strictObject({
      ...TagAllRequestShape,
      occurrences: z
        .array(z.strictObject({ docId: DocumentIdSchema, start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }))
        .min(1, 'tick at least one occurrence')
        .max(MAX_LISTED_OCCURRENCES),
    }),
  ]),
  'tagAll.remove': z.tuple([z.array(z.strictObject({ docId: DocumentIdSchema, id: z.uuid() })).max(MAX_LISTED_OCCURRENCES)]),
  'tagAll.restore': z.tuple([z.array(z.strictObject({ annotation: AnnotationSchema, relations: z.array(RelationSchema).max(1000) })).max(MAX_LISTED_OCCURRENCES)]),
  'suggestions.list': z.tuple([DocumentIdSchema, z.array(z.enum(SUGGESTION_KINDS)).max(SUGGESTION_KINDS.length)]),
  'suggestions.dismiss': z.tuple([DocumentIdSchema, z.array(SuggestionKeySchema).min(1).max(10_000)]),
  'suggestions.undismiss': z.tuple([DocumentIdSchema, z.array(SuggestionKeySchema).min(1).max(10_000)]),
  'relations.set': z.tuple([DocumentIdSchema, z.enum(RELATION_TYPES), z.uuid(), z.uuid().nullable()]),
  'entities.list': z.tuple([]),
  'entities.documents': z.tuple([z.uuid(), EntityDocumentsQuerySchema]),
  'entities.create': z.tuple([NewEntitySchema]),
  'entities.update': z.tuple([z.uuid(), EntityChangeSchema]),
  'entities.merge': z.tuple([z.uuid(), z.uuid()]),
  'entities.delete': z.tuple([z.uuid()]),
  'entities.restore': z.tuple([EntityUndoSchema]),
  'labels.save': z.tuple([z.array(LabelSchema).max(MAX_LABELS)]),
  'settings.setAnnotator': z.tuple([
    z.string().trim().min(1, 'a name is needed').max(60).refine((name) => name !== CURATION_LAYER, `"${CURATION_LAYER}" is the curated layer of Review, not a name to annotate under`),
  ]),
  'exports.build': z.tuple([
    z.enum(EXPORT_FORMATS),
    z.strictObject({
      documents: z.array(DocumentIdSchema).optional(),
      annotators: z.array(z.string()).optional(),
      labels: z.array(z.string()).optional(),
    }),
  ]),
  // Bounded before it is decoded: base64 takes four characters for three bytes.
  'exchange.import': z.tuple([
    z.strictObject({
      name: z.string().min(1).max(255),
      base64: z.base64().max(Math.ceil(MAX_EXCHANGE_BYTES / 3) * 4, `file is over the ${MAX_EXCHANGE_BYTES / 1024 / 1024} MB limit for an exchange file`),
    }),
  ]),
  'backups.list': z.tuple([]),
  'backups.restore': z.tuple([z.string().regex(/^\d{4}-\d\d-\d\dT[\d.-]+Z(-\d+)?$/, 'not a backup name')]),
  'compare.figures': z.tuple([CompareFilterSchema, z.strictObject({ measure: z.string().max(MAX_ATTRIBUTE_LENGTH).nullable().optional(), offset: z.number().int().nonnegative().optional() })]),
  'compare.quotes': z.tuple([CompareFilterSchema, z.strictObject({ speaker: z.number().int().nonnegative(), statement: z.number().int().nonnegative() })]),
  'compare.entities': z.tuple([CompareFilterSchema]),
  'compare.charts': z.tuple([CompareFilterSchema, z.tuple([AnnotatorName, AnnotatorName]).nullable()]),
  'compare.csv': z.tuple([z.enum(COMPARE_TABLES), CompareFilterSchema]),
  'measures.list': z.tuple([]),
  'measures.suggest': z.tuple([DocumentIdSchema, z.uuid()]),
  'review.annotators': z.tuple([]),
  'review.compare': z.tuple([AnnotatorName, AnnotatorName]),
  'review.decide': z
    .tuple([
      DocumentIdSchema,
      ReviewSide,
      ReviewSide,
      z.strictObject({ a: z.uuid().optional(), b: z.uuid().optional() }),
      z.strictObject({ status: z.enum(['accepted', 'rejected']).optional(), comment: z.string().max(2000).optional(), label: z.string().min(1).optional() }),
    ])
    .refine(([, a, b]) => a !== b, TWO_SIDES),
  'review.curateAgreed': z.tuple([DocumentIdSchema, ReviewSide, ReviewSide]).refine(([, a, b]) => a !== b, TWO_SIDES),
};

/// Whether `name` is a channel of the contract.
export function isChannel(name: string): name is Channel {
  return (apiChannels as readonly string[]).includes(name);
}

/// Runs one call; never throws.
export async function dispatch(api: WorkbenchApi, channel: string, args: unknown): Promise<Reply<unknown>> {
  if (!isChannel(channel)) return failure('unknown-method', `no method "${channel}"`);
  const parsed = argumentSchemas[channel].safeParse(args);
  if (!parsed.success) {
    return failure('invalid-arguments', `${channel}: ${describeSchemaError(parsed.error).join('; ')}`);
  }
  const [area, method] = channel.split('.') as [keyof WorkbenchApi, string];
  const target = api[area] as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  try {
    return { ok: true, value: await target[method](...(parsed.data as unknown[])) };
  } catch (error) {
    if (error instanceof WorkbenchError) return failure(error.code, error.message);
    console.error(`${channel} failed:`, error);
    return failure('internal', error instanceof Error ? error.message : String(error));
  }
}

function failure(code: string, message: string): Reply<never> {
  return { ok: false, error: { code, message } };
}
