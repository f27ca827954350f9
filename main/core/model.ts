/// The data model of a workspace (DESIGN §3) as zod schemas; the TypeScript types are inferred
/// from them so the validator and the type can never disagree.
import * as z from 'zod';

/// Current on-disk schema version of `documents/<hex>.json` (2: the document's `meta`; 3: an
/// annotation's `entityId` and `attributes`, and `source` relations; 4: a figure's `quantity`;
/// 5: each annotator's `statuses` of the document).
export const SCHEMA_VERSION = 5;

/// Schema version of `workspace.json`, which moves on its own since version 2 left the document
/// list to the SQL index (DESIGN §4, scale); 3: labels declare attributes.
export const WORKSPACE_SCHEMA_VERSION = 3;

/// Schema version of `entities.json`.
export const ENTITIES_SCHEMA_VERSION = 1;

/// The id of a label or of an attribute: short, lowercase, stable.
export const IdentifierSchema = z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'expected a short lowercase id such as measure');

/// A property a label's annotations may carry (DESIGN §10): free text, or one of a few choices.
export const AttributeSchema = z
  .strictObject({
    id: IdentifierSchema,
    name: z.string().trim().min(1).max(40),
    kind: z.enum(['text', 'choice']),
    choices: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
  })
  .refine((a) => (a.kind === 'choice') === (a.choices !== undefined && a.choices.length > 0), { message: 'a choice attribute lists its choices, a text one none' })
  .refine((a) => new Set(a.choices ?? []).size === (a.choices ?? []).length, { message: 'choices must differ' });
export type Attribute = z.infer<typeof AttributeSchema>;

/// Most attributes one label declares.
export const MAX_LABEL_ATTRIBUTES = 20;

/// Most aliases one entity has.
export const MAX_ALIASES = 200;

/// Longest attribute value.
export const MAX_ATTRIBUTE_LENGTH = 500;

/// `sha256:` followed by 64 lowercase hex digits.
export const DocumentIdSchema = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'expected "sha256:" and 64 hex digits');
export type DocumentId = z.infer<typeof DocumentIdSchema>;

/// A tag category. `id` never changes; name, colour and key may.
export const LabelSchema = z
  .strictObject({
    id: IdentifierSchema,
    name: z.string().min(1).max(40),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    key: z.string().max(1),
    attributes: z.array(AttributeSchema).max(MAX_LABEL_ATTRIBUTES).optional(),
  })
  .refine((l) => new Set((l.attributes ?? []).map((a) => a.id)).size === (l.attributes ?? []).length, { message: 'attribute ids must differ' });
export type Label = z.infer<typeof LabelSchema>;

/// The label of figures, whose spans have a quantity (DESIGN §10).
export const FIGURE_LABEL = 'figure';

/// What a figure counts ("civilians fled"), by which figures are compared (DESIGN §10, §11).
export const MEASURE_ATTRIBUTE: Attribute = { id: 'measure', name: 'Measure', kind: 'text' };

/// The four labels every new workspace starts with (DESIGN §3, §10).
export const DEFAULT_LABELS: Label[] = [
  { id: 'actor', name: 'Actor', color: '#2f6fdf', key: '1' },
  { id: 'location', name: 'Location', color: '#1f9d6b', key: '2' },
  { id: 'figure', name: 'Figure', color: '#d9822b', key: '3', attributes: [MEASURE_ATTRIBUTE] },
  { id: 'quote', name: 'Quote', color: '#a454c9', key: '4' },
];

const IsoDate = z.iso.datetime({ offset: true });

/// A review decision on one annotation (DESIGN §3, §6); without `status`, a comment only.
/// `correctedTo`: the label the reviewer gave the span in the curated layer instead.
export const ReviewSchema = z.strictObject({
  status: z.enum(['accepted', 'rejected']).optional(),
  correctedTo: z.string().min(1).optional(),
  by: z.string().min(1),
  at: IsoDate,
  comment: z.string().optional(),
});
export type Review = z.infer<typeof ReviewSchema>;

/// Most annotations one document may hold. A save writes the whole document file, so its cost
/// grows with this: at 50,000 (a 16.6 MB file) a save took 0.4–0.6 s on the 2-core bench machine
/// (`npm run bench`, "save at the annotation limit", budget 1 s), where 1,000,000 made every save
/// take 27 s. Enforced where annotations are added (create, restore, review, exchange import),
/// not on reading, so no stored document becomes unreadable.
export const MAX_ANNOTATIONS_PER_DOCUMENT = 50_000;

/// Deepest nesting of a note's nodes. A TipTap note is three deep (doc, paragraph, text); far
/// deeper nesting is only ever hostile, and validating it recursively overflows the stack (at
/// about 1,000 levels), which would end an import half done instead of skipping one entry.
export const MAX_NOTE_DEPTH = 32;

/// Longest note, as the length of its JSON: ample for a paragraph or two of comment (a note is
/// "short rich text"), and it keeps a note from growing its document file without bound.
/// Enforced where notes are set (create, update, restore, exchange import), not on reading.
export const MAX_NOTE_JSON_LENGTH = 20_000;

/// A node of a note: the small TipTap document an annotation may carry (paragraphs, text, line
/// breaks, bold and italic). Strict, so no unknown key (`__proto__` included) gets through.
export interface NoteNode {
  type: 'doc' | 'paragraph' | 'text' | 'hardBreak';
  text?: string;
  content?: NoteNode[];
  marks?: { type: 'bold' | 'italic' }[];
}
export const NoteNodeSchema: z.ZodType<NoteNode> = z.lazy(() =>
  z.strictObject({
    type: z.enum(['doc', 'paragraph', 'text', 'hardBreak']),
    text: z.string().max(10_000).optional(),
    content: z.array(NoteNodeSchema).max(2_000).optional(),
    marks: z.array(z.strictObject({ type: z.enum(['bold', 'italic']) })).max(2).optional(),
  }),
);
/// How deeply `value` nests objects and arrays, counted without recursion and given up on past
/// `limit` (so a hostile value costs at most `limit` levels of work per branch).
function nestingDepthOver(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

/// A note: a TipTap document, at most `MAX_NOTE_DEPTH` nodes deep (checked before the recursive
/// schema runs, so a deep note is refused instead of overflowing the stack).
export const NoteSchema: z.ZodType<NoteNode> = z
  .unknown()
  // A node is an object whose `content` is an array: two levels of JSON per level of nodes.
  .refine((value) => !nestingDepthOver(value, 2 * MAX_NOTE_DEPTH), { message: `a note may nest at most ${MAX_NOTE_DEPTH} levels deep`, abort: true })
  .pipe(NoteNodeSchema)
  .refine((n) => n.type === 'doc', { message: 'a note is a "doc" node' });

/// The plain text of a note (what exports carry): paragraphs on their own lines.
export function notePlainText(note: NoteNode | undefined): string {
  if (!note) return '';
  if (note.type === 'text') return note.text ?? '';
  if (note.type === 'hardBreak') return '\n';
  const inner = (note.content ?? []).map(notePlainText);
  return note.type === 'doc' ? inner.join('\n') : inner.join('');
}

/// The interval a figure states (DESIGN §10, quantities): `low` and `high` (null for an open end),
/// whether each end is included, whether it is an estimate, the words that bounded it ("more
/// than", "between"; null for a plain number) and what it counts in.
export const QuantitySchema = z
  .strictObject({
    low: z.number().finite().nullable(),
    high: z.number().finite().nullable(),
    lowInclusive: z.boolean(),
    highInclusive: z.boolean(),
    approximate: z.boolean(),
    qualifier: z.string().max(60).nullable(),
    unit: z.enum(['count', 'percent', 'share']),
  })
  .refine((q) => q.low === null || q.high === null || q.low <= q.high, { message: 'low must not be above high' });
export type Quantity = z.infer<typeof QuantitySchema>;

/// A tagged span. Offsets are UTF-16 code units of the document's normalised text.
export const AnnotationSchema = z
  .strictObject({
    id: z.uuid(),
    docId: DocumentIdSchema,
    label: z.string().min(1),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    quote: z.string().min(1),
    annotator: z.string().min(1),
    note: NoteSchema.optional(),
    createdAt: IsoDate,
    updatedAt: IsoDate,
    review: ReviewSchema.optional(),
    origin: z.enum(['manual', 'suggestion', 'import']),
    /// The entity this span names (DESIGN §10); one missing from `entities.json` counts as none.
    entityId: z.uuid().optional(),
    /// Values of the label's attributes, by attribute id.
    attributes: z.record(IdentifierSchema, z.string().trim().min(1).max(MAX_ATTRIBUTE_LENGTH)).optional(),
    /// A figure's interval, read from its text when it is made (or as the analyst corrected it).
    quantity: QuantitySchema.optional(),
  })
  .refine((a) => a.end > a.start, { message: 'end must be greater than start' });
export type Annotation = z.infer<typeof AnnotationSchema>;

/// Which way a relation points: `speaker` from a quote to the actor who said it, `source` from a
/// figure to the actor it is attributed to.
export const RELATION_TYPES = ['speaker', 'source'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/// A link from a quote to its speaker, or from a figure to its source (both actors).
export const RelationSchema = z.strictObject({
  id: z.uuid(),
  type: z.enum(RELATION_TYPES),
  from: z.uuid(),
  to: z.uuid(),
  annotator: z.string().min(1),
});
export type Relation = z.infer<typeof RelationSchema>;

/// What the workspace index keeps about a document, so the library never reads document files.
export const DocumentSummarySchema = z.strictObject({
  id: DocumentIdSchema,
  title: z.string(),
  sourceName: z.string(),
  characters: z.number().int().nonnegative(),
  importedAt: IsoDate,
  counts: z.record(z.string(), z.number().int().nonnegative()),
  meta: z.lazy(() => DocumentMetaSchema),
});
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

/// Whether `value` is an absolute http or https address.
function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/// A publication date: an ISO date (`2016-12-13`) or date-time, with or without its offset
/// (sources state either).
export const PublishedAtSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true, local: true })], {
  error: 'expected a date such as 2016-12-13, or a date and time such as 2016-12-13T09:30:00Z',
});

/// What is known about where and when an article appeared (DESIGN §10). Only what a source states
/// or an analyst enters: nothing is guessed.
export const DocumentMetaSchema = z.strictObject({
  outlet: z.string().trim().min(1).max(200).optional(),
  publishedAt: PublishedAtSchema.optional(),
  author: z.string().trim().min(1).max(200).optional(),
  url: z.string().max(2000).refine(isHttpUrl, 'expected an absolute http or https address').optional(),
  /// A BCP 47 language tag (`en`, `en-GB`).
  language: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'expected a language tag such as en or en-GB').optional(),
  tags: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
});
export type DocumentMeta = z.infer<typeof DocumentMetaSchema>;

/// An article: immutable normalised text plus its metadata (the title and `meta` are editable).
export const ArticleSchema = z.strictObject({
  id: DocumentIdSchema,
  title: z.string(),
  sourceName: z.string(),
  text: z.string().min(1),
  importedAt: IsoDate,
  meta: DocumentMetaSchema,
});
export type Article = z.infer<typeof ArticleSchema>;

/// Where an annotator is with a document. Each annotator has their own; none stored is `todo`.
export const DOCUMENT_STATUSES = ['todo', 'in-progress', 'done'] as const;
export const DocumentStatusSchema = z.enum(DOCUMENT_STATUSES, { error: 'expected a status: todo, in-progress or done' });
export type DocumentStatus = z.infer<typeof DocumentStatusSchema>;

/// One annotator's status of a document, and when they set it.
export const StatusMarkSchema = z.strictObject({
  annotator: z.string().min(1),
  status: DocumentStatusSchema,
  at: IsoDate,
});
export type StatusMark = z.infer<typeof StatusMarkSchema>;

/// `documents/<hex>.json`: one article with everything annotated on it.
export const DocumentFileSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  document: ArticleSchema,
  annotations: z.array(AnnotationSchema),
  relations: z.array(RelationSchema),
  /// Each annotator's status of the document (left out while nobody set one).
  statuses: z
    .array(StatusMarkSchema)
    .max(10_000)
    .refine((marks) => new Set(marks.map((m) => m.annotator)).size === marks.length, { message: 'an annotator has one status per document' })
    .optional(),
});
export type DocumentFile = z.infer<typeof DocumentFileSchema>;

/// `workspace.json`: labels, annotators and settings. Which documents there are is told by the
/// files in `documents/`, and listed by the SQL index built from them.
export const WorkspaceFileSchema = z.strictObject({
  schemaVersion: z.literal(WORKSPACE_SCHEMA_VERSION),
  labels: z.array(LabelSchema),
  annotators: z.array(z.string().min(1)),
  currentAnnotator: z.string().min(1),
  /// True once someone confirmed `currentAnnotator` as their name (the app's first-run question,
  /// Settings, or `awb serve --annotator`); absent in workspaces made before it was recorded.
  annotatorConfirmed: z.boolean().optional(),
});
export type WorkspaceFile = z.infer<typeof WorkspaceFileSchema>;

/// Something several spans name (DESIGN §10): "Russia", also written "Moscow" or "Russian
/// Federation". `type` is a label id (usually actor or location).
export const EntitySchema = z.strictObject({
  id: z.uuid(),
  name: z.string().trim().min(1).max(200),
  type: IdentifierSchema,
  aliases: z.array(z.string().trim().min(1).max(200)).max(MAX_ALIASES),
  wikidata: z.string().regex(/^Q[1-9]\d*$/, 'expected a Wikidata id such as Q159').optional(),
  note: z.string().max(2000).optional(),
});
export type Entity = z.infer<typeof EntitySchema>;

/// `entities.json`: the workspace's entities.
export const EntitiesFileSchema = z.strictObject({
  schemaVersion: z.literal(ENTITIES_SCHEMA_VERSION),
  entities: z.array(EntitySchema),
});
export type EntitiesFile = z.infer<typeof EntitiesFileSchema>;

/// Turns a zod error into short "path: message" lines a person can act on.
export function describeSchemaError(error: z.ZodError): string[] {
  return error.issues.slice(0, 10).map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : '(top level)';
    return `${where}: ${issue.message}`;
  });
}
