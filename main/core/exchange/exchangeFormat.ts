/// The exchange file (`*.awb.json`, DESIGN §5, §10): a colleague's work, sent and imported back.
/// All offsets are Unicode code points. Version 2 adds each document's metadata (`meta`), the
/// workspace's entities (`entities`, before the documents), labels' attributes, annotations'
/// `entityId` and `attributes`, and `source` links beside `speaker` ones; version 1 files, and
/// version 2 files written before entities, are read as well.
import * as z from 'zod';
import { AnnotationSchema, AttributeSchema, DocumentIdSchema, DocumentMetaSchema, EntitySchema, MAX_LABEL_ATTRIBUTES, NoteSchema, QuantitySchema, RELATION_TYPES, ReviewSchema } from '../model.js';

/// The value of `format` in every exchange file.
export const EXCHANGE_FORMAT = 'annotation-workbench';
/// The exchange version this build writes.
export const EXCHANGE_VERSION = 2;
/// The exchange versions this build reads.
export const EXCHANGE_VERSIONS_READ: readonly number[] = [1, 2];

/// One annotation of an exchange file.
export const ExchangeAnnotationSchema = z.strictObject({
  id: z.uuid(),
  label: z.string().min(1).max(32),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  annotator: z.string().min(1).max(60),
  note: NoteSchema.optional(),
  createdAt: z.iso.datetime({ offset: true }),
  review: ReviewSchema.optional(),
  /// The entity (of the file's `entities`) the span names.
  entityId: z.uuid().optional(),
  /// Values of the label's attributes, by attribute id (a `__proto__` key is dropped by zod).
  attributes: AnnotationSchema.shape.attributes,
  /// A figure's interval; a figure without one is read from its text on import.
  quantity: QuantitySchema.optional(),
  /// `suggestion` for a tag made by accepting a suggestion (DESIGN §12); absent for one typed.
  /// An imported tag is marked `import` whatever it says.
  origin: z.enum(['manual', 'suggestion', 'import']).optional(),
});

/// One relation of an exchange file (`source` links from version 2 on).
export const ExchangeRelationSchema = z.strictObject({
  id: z.uuid(),
  type: z.enum(RELATION_TYPES),
  from: z.uuid(),
  to: z.uuid(),
  annotator: z.string().min(1).max(60),
});

/// A document of an exchange file (as written). Import reads `annotations` and `relations` one
/// by one so that one bad entry is reported and skipped, not fatal.
export const ExchangeDocumentSchema = z.strictObject({
  id: DocumentIdSchema,
  title: z.string().max(500),
  /// The name of the file the document was imported from (optional; a document without one is
  /// named after the exchange file it arrives in).
  sourceName: z.string().min(1).max(255).optional(),
  /// Version 2 on (absent in version 1).
  meta: DocumentMetaSchema.optional(),
  text: z.string().min(1),
  annotations: z.array(ExchangeAnnotationSchema),
  relations: z.array(ExchangeRelationSchema),
});

/// The envelope import requires before it looks at any document. `entities` is optional: files
/// of version 1, and of version 2 written before entities, have none.
export const ExchangeEnvelopeSchema = z.strictObject({
  format: z.literal(EXCHANGE_FORMAT),
  version: z.union([z.literal(1), z.literal(2)]),
  offsets: z.literal('codepoints'),
  exportedAt: z.string(),
  exportedBy: z.string(),
  labels: z.array(z.unknown()),
  entities: z.array(z.unknown()).optional(),
  documents: z.array(z.unknown()),
});

/// The exchange label entry (`attributes` from version 2 on).
export const ExchangeLabelSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/),
  name: z.string().min(1).max(40),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  attributes: z.array(AttributeSchema).max(MAX_LABEL_ATTRIBUTES).optional(),
});

/// The exchange entity entry: an entity as the workspace keeps it.
export const ExchangeEntitySchema = EntitySchema;

/// The whole file, as this build writes it.
export const ExchangeFileSchema = z.strictObject({
  format: z.literal(EXCHANGE_FORMAT),
  version: z.literal(EXCHANGE_VERSION),
  offsets: z.literal('codepoints'),
  exportedAt: z.iso.datetime({ offset: true }),
  exportedBy: z.string(),
  labels: z.array(ExchangeLabelSchema),
  entities: z.array(ExchangeEntitySchema),
  documents: z.array(ExchangeDocumentSchema),
});
export type ExchangeFile = z.infer<typeof ExchangeFileSchema>;
export type ExchangeDocument = z.infer<typeof ExchangeDocumentSchema>;
export type ExchangeAnnotation = z.infer<typeof ExchangeAnnotationSchema>;
