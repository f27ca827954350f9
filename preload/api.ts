/// THE contract between the renderer and the main process (DESIGN §2). Every operation the UI can
/// do is a method here, named `area.verb` on the wire. Electron IPC and browser-mode HTTP both
/// serve exactly these methods from one implementation; others import this file's types only.
import type { Article, Annotation, Attribute, Entity, Label, NoteNode, Quantity, Relation, RelationType } from '../main/core/model';
import type { DocumentStatus } from '../main/core/model';
import type { StatusChange } from '../main/core/documentStatus';
import type { ImportReport } from '../main/core/importArticles';
import type { SearchResult } from '../main/core/search';
import type { AnnotationInput, AnnotationUpdate, Removal } from '../main/core/annotations';
import type { EntityChange, NewEntity } from '../main/core/entities';
import type { EntityUndo } from '../main/core/entityChanges';
import type { EntityUsage } from '../main/core/entityUsage';
import type { EntityDocument, EntityDocumentPage, EntityDocumentsQuery } from '../main/core/store/sqlIndex/entityUsageQuery';
import type { ExchangeImportReport } from '../main/core/exchange/importExchange';
import type { ForeignImportOptions, ForeignImportReport } from '../main/core/foreignFormats/importForeign';
import type { ExportFormat, ExportSummary } from '../main/core/export/renderExport';
import type { ExportScope } from '../main/core/export/exportScope';
import type { AgreementReport } from '../main/core/agreement';
import type { BackupInfo } from '../main/core/store/backups';
import type { DifferenceKind, ReviewDecision, ReviewDocument, ReviewItem } from '../main/core/review';
import type { LibraryPage, LibraryQuery, LibraryRow, LibrarySort, ListedDocument } from '../main/core/store/sqlIndex/libraryQuery';
import type { DocumentDetails, DocumentDetailsChange } from '../main/core/documentDetails';
import type { CompareFilter } from '../main/core/store/sqlIndex/compareQuery';
import type { CompareTable } from '../main/core/compare/compareCsv';
import type { Suggestion, SuggestionKind } from '../main/core/suggestions/suggestion';
import type { TagAllDocument, TagAllOccurrence, TagAllPreview } from '../main/core/tagAll/tagAllPreview';
import type { ConfirmedOccurrence, TagAllApplied, TagAllApplyRequest, TagAllPreviewRequest, TagAllScope } from '../main/core/tagAll/tagAllWorkspace';
import type {
  EntityAcrossOutlets,
  EntityOutlet,
  FigureChoice,
  FigureGroupSummary,
  FigurePage,
  QuoteCursor,
  QuotePage,
  FigureGroup,
  FigureItem,
  LabelCharts,
  QuoteGroup,
  QuoteItem,
  SpanAt,
  Speaker,
} from '../main/core/compare/compareReport';

export type { DocumentStatus, LibraryRow, StatusChange };
export type {
  Suggestion,
  SuggestionKind,
  ConfirmedOccurrence,
  TagAllApplied,
  TagAllApplyRequest,
  TagAllDocument,
  TagAllOccurrence,
  TagAllPreview,
  TagAllPreviewRequest,
  TagAllScope,
  CompareFilter,
  CompareTable,
  FigureChoice,
  FigureGroupSummary,
  FigurePage,
  QuoteCursor,
  QuotePage,
  EntityAcrossOutlets,
  EntityOutlet,
  FigureGroup,
  FigureItem,
  LabelCharts,
  QuoteGroup,
  QuoteItem,
  SpanAt,
  Speaker,
  Attribute,
  Quantity,
  Entity,
  EntityChange,
  EntityUndo,
  EntityUsage,
  EntityDocument,
  EntityDocumentPage,
  EntityDocumentsQuery,
  NewEntity,
  RelationType,
  DocumentDetails,
  DocumentDetailsChange,
  SearchResult,
  AgreementReport,
  BackupInfo,
  DifferenceKind,
  ReviewDecision,
  ReviewDocument,
  ReviewItem,
  Article,
  Annotation,
  ExchangeImportReport,
  ForeignImportOptions,
  ForeignImportReport,
  ExportFormat,
  ExportScope,
  ExportSummary,
  ImportReport,
  Label,
  LibraryPage,
  LibraryQuery,
  LibrarySort,
  ListedDocument,
  NoteNode,
  Relation,
};

/// A finished export, ready to save: one file (brat comes zipped).
export interface ExportFile {
  fileName: string;
  mimeType: string;
  base64: string;
  summary: ExportSummary;
}

/// The workspace as the UI shows it.
export interface WorkspaceInfo {
  /// Absolute folder of the workspace.
  path: string;
  labels: Label[];
  annotators: string[];
  currentAnnotator: string;
  /// Whether someone confirmed `currentAnnotator` as their name (the app asks once when not).
  annotatorConfirmed: boolean;
  /// The name of the user the service runs as, to offer as the annotator's name.
  systemUserName: string;
  /// Things opening the workspace found or repaired, to show once.
  notices: string[];
}

/// One document with everything annotated on it.
export interface OpenDocument {
  document: Article;
  annotations: Annotation[];
  relations: Relation[];
  /// Set when the document's file was damaged and has just been repaired: what happened.
  repairNotice?: string;
}

/// An article file chosen in the UI, with its bytes (sent as they are: no base64). The app may
/// give the chosen file itself (a Blob): the transport reads it (Electron) or sends it as it is
/// (browser mode); the service always receives bytes.
export interface UploadedFile {
  name: string;
  bytes: Uint8Array | Blob;
}

/// A file chosen in the UI, its bytes base64-encoded.
export interface ArticleFile {
  name: string;
  base64: string;
}

/// A new tag. Offsets are UTF-16 code units of the document text; the service trims surrounding
/// whitespace, records the covered text as `quote`, and stamps annotator and times. `id` may be
/// given (a UUID) so that undo and redo keep one identity. With `linkNamedEntity`, a span whose
/// text is the name or an alias of exactly one entity of its label is linked to it at once.
export type NewAnnotation = AnnotationInput & { linkNamedEntity?: boolean };

/// A change to one annotation: its label, note, entity link or attribute values (`null` removes
/// the note, the link; `attributes` changes the values it names, a blank or null one removing
/// it, and `attributes: null` removes them all), or its span (`start` and `end` together, as on
/// create: trimmed, inside the text, splitting no surrogate pair; the quote follows, and a
/// figure's interval is read again unless given). The same span and label as another of the
/// annotator's annotations is refused (DESIGN §12).
export type AnnotationChange = AnnotationUpdate & { docId: string };

/// An annotation as it was removed, with the relations that went with it (for undo).
export type RemovedAnnotation = Removal;

/// Two annotators' layers compared: every document either annotated, and the agreement figures.
export interface ReviewComparison {
  a: string;
  b: string;
  documents: ReviewDocument[];
  /// A against B on their own work: what the adjudication never changes.
  agreement: AgreementReport;
  /// Each of A and B against the curated layer, once one is there (null before).
  curated: { a: AgreementReport; b: AgreementReport } | null;
}

/// A suggestion as the app gets it: offsets in UTF-16 code units, and the key that dismisses it.
export type ListedSuggestion = Suggestion & { key: string };

/// Most conflicting pairs of one figure group sent to the app (beyond, each figure's count).
export const MAX_SENT_PAIRS = 5000;

/// The service both transports serve.
export interface WorkbenchApi {
  workspace: {
    info(): Promise<WorkspaceInfo>;
  };
  documents: {
    /// One page of the library (at most 1,000 rows), sorted and filtered by the service: the whole
    /// list of a large workspace is never sent.
    list(query: LibraryQuery): Promise<LibraryPage>;
    /// The library rows of the documents asked for (at most 1,000), in that order, leaving out
    /// those not in the workspace, with the current annotator's status: what a pane or the export
    /// dialog knows of its documents.
    summaries(ids: string[]): Promise<LibraryRow[]>;
    /// How many annotations carry each label, over every document (the label editor keeps a label
    /// in use from being removed).
    labelCounts(): Promise<Record<string, number>>;
    open(id: string): Promise<OpenDocument>;
    import(files: UploadedFile[]): Promise<ImportReport>;
    /// Imports the article at a web address (http or https), fetched by the service within the
    /// limits of an article file (20 MB), 30 s and 5 redirects; refused in the report otherwise.
    importUrl(address: string): Promise<ImportReport>;
    /// Documents containing a phrase (case-insensitive), most occurrences first, with context.
    search(phrase: string): Promise<SearchResult[]>;
    /// Changes a document's title and metadata (a field given replaces, `null` removes); resolves
    /// with the details as saved.
    update(id: string, change: DocumentDetailsChange): Promise<DocumentDetails>;
    /// Every outlet a document names, with how many do, by name (the library's outlet filter).
    outlets(): Promise<{ outlet: string; documents: number }[]>;
    /// Sets the current annotator's status of a document (`todo` clears it); others' stay as
    /// they are. Resolves with the status as saved.
    setStatus(id: string, status: DocumentStatus): Promise<StatusChange>;
    /// Deletes documents after a backup that holds them (named, for `undelete`).
    delete(ids: string[]): Promise<{ backup: string; deleted: ListedDocument[] }>;
    /// Puts deleted documents back from that backup; resolves with those put back.
    undelete(ids: string[], backup: string): Promise<string[]>;
  };
  annotations: {
    create(annotation: NewAnnotation): Promise<Annotation>;
    update(change: AnnotationChange): Promise<Annotation>;
    /// Removes an annotation and any speaker link to or from it.
    delete(docId: string, id: string): Promise<RemovedAnnotation>;
    /// Puts back exactly what `delete` removed (undo of a delete, redo of a create).
    restore(docId: string, removed: RemovedAnnotation): Promise<Annotation>;
    /// Imports another tool's annotation file (brat zip, doccano or Prodigy JSONL, Label Studio
    /// JSON, W3C, CoNLL; an exchange file too), its format told by content unless given. It goes in
    /// whole, or is refused whole with an error (code `foreign-rejected`) that lists the problems.
    importFile(file: ArticleFile, options: ForeignImportOptions): Promise<ForeignImportReport>;
  };
  tagAll: {
    /// "Tag all occurrences" (DESIGN §12): every whole-word occurrence of a phrase (case folded
    /// unless `caseSensitive`) in the documents of the scope, each in context and marked when the
    /// current annotator already has a span of the label on exactly it (skipped) or when it
    /// overlaps other spans; documents with something left to tag first, at most
    /// `MAX_LISTED_OCCURRENCES` listed, all counted. Every document's candidates come from the
    /// index's full-text search, confirmed in each text; no document file is read.
    preview(request: TagAllPreviewRequest): Promise<TagAllPreview>;
    /// Tags the occurrences confirmed in a preview: each missing span made once (one write per
    /// document), one the annotator already has left alone; resolves with the spans made.
    apply(request: TagAllApplyRequest): Promise<TagAllApplied>;
    /// Takes away spans a tag-all made (its undo), with their relations; resolves with what went.
    remove(annotations: { docId: string; id: string }[]): Promise<RemovedAnnotation[]>;
    /// Puts back exactly what `remove` took away (the redo).
    restore(removed: RemovedAnnotation[]): Promise<Annotation[]>;
  };
  suggestions: {
    /// The document's suggestions of `kinds` (DESIGN §12), never saved: those dismissed and
    /// those whose label and span an annotation already has left out. Worked out in slices, so
    /// that a long document's do not hold up other calls.
    list(docId: string, kinds: SuggestionKind[]): Promise<ListedSuggestion[]>;
    /// Dismisses suggestions of a document (by key), for good: they stay dismissed when it is
    /// opened again.
    dismiss(docId: string, keys: string[]): Promise<void>;
    /// Takes back a dismissal (its undo).
    undismiss(docId: string, keys: string[]): Promise<void>;
  };
  relations: {
    /// Links a quote to the actor who said it (`speaker`) or a figure to the actor it is
    /// attributed to (`source`), replacing its previous link of that type, or unlinks it with
    /// `null`; resolves with the new link or `null`.
    set(docId: string, type: RelationType, fromId: string, toId: string | null): Promise<Relation | null>;
  };
  entities: {
    /// Every entity with its mentions and how many documents hold them, by name.
    list(): Promise<EntityUsage[]>;
    /// A page of the documents that mention entity `id` (their titles, and mentions in each),
    /// most mentions first, then by id, with how many there are in all.
    documents(id: string, query: EntityDocumentsQuery): Promise<EntityDocumentPage>;
    create(entity: NewEntity): Promise<Entity>;
    /// Renames (the old name becomes an alias), re-aliases, retypes an entity or sets its
    /// Wikidata id or note; resolves with it as saved and what undoes the change.
    update(id: string, change: EntityChange): Promise<{ entity: Entity; undo: EntityUndo }>;
    /// Folds `fromId` into `intoId`: its links, name and aliases follow.
    merge(fromId: string, intoId: string): Promise<{ entity: Entity; undo: EntityUndo }>;
    /// Deletes an entity and its links (the annotations stay).
    delete(id: string): Promise<EntityUndo>;
    /// Puts entities and their links back as an `EntityUndo` holds them.
    restore(undo: EntityUndo): Promise<Entity[]>;
  };
  labels: {
    /// Replaces the label list (add, rename, recolour, rekey); ids of existing labels never change,
    /// and a label still in use cannot be removed.
    save(labels: Label[]): Promise<Label[]>;
  };
  settings: {
    /// Sets the name new annotations are made under, and records it as confirmed (the app's
    /// first-run question is not asked again). "curation" is refused: it is Review's curated layer.
    setAnnotator(name: string): Promise<WorkspaceInfo>;
  };
  exports: {
    /// Renders an export of the workspace (or the part in `scope`).
    build(format: ExportFormat, scope: ExportScope): Promise<ExportFile>;
  };
  exchange: {
    /// Imports a colleague's exchange file (`.awb.json`).
    import(file: ArticleFile): Promise<ExchangeImportReport>;
  };
  backups: {
    /// Snapshots of the workspace, newest first.
    list(): Promise<BackupInfo[]>;
    /// Restores a snapshot, after taking one of the current state (returned).
    restore(name: string): Promise<BackupInfo>;
  };
  compare: {
    /// Every measure's group of figures in short, and a page of the chosen group's figures, each
    /// with how many of its group it conflicts with; the group's conflicting pairs when the page
    /// holds it all and there are at most `MAX_SENT_PAIRS` (DESIGN §11).
    figures(filter: CompareFilter, choice: FigureChoice): Promise<FigurePage>;
    /// Quotes grouped by speaker and near-identical words: the statements from `from` on (the
    /// first page: `{ speaker: 0, statement: 0 }`; the next: the page's `next`), about a page of
    /// quotes.
    quotes(filter: CompareFilter, from: QuoteCursor): Promise<QuotePage>;
    /// Entities with their mentions and forms per outlet.
    entities(filter: CompareFilter): Promise<EntityAcrossOutlets[]>;
    /// Label counts per outlet and document, and agreement per label between `pair` (or the two
    /// annotators with the most annotations).
    charts(filter: CompareFilter, pair: [string, string] | null): Promise<LabelCharts>;
    /// One of the tables as a CSV file (every conflict counted), ready to save.
    csv(table: CompareTable, filter: CompareFilter): Promise<{ fileName: string; mimeType: string; base64: string }>;
  };
  measures: {
    /// Every measure figures are given, most used first (completion in the inspector).
    list(): Promise<{ measure: string; figures: number }[]>;
    /// The measure a figure's sentence suggests, spelt as a measure in use where one matches.
    suggest(docId: string, annotationId: string): Promise<string | null>;
  };
  review: {
    /// Everyone who annotated, with how many annotations, most first (workspace annotators with
    /// none included).
    annotators(): Promise<{ name: string; annotations: number }[]>;
    /// Pairs the layers of annotators `a` and `b` in every document either annotated.
    compare(a: string, b: string): Promise<ReviewComparison>;
    /// Records the current annotator's decision on one item (by its annotations' ids) and puts
    /// its outcome into the curated layer (`CURATION_LAYER`; A's and B's spans never change); a
    /// decision without status is a comment only. Resolves with that document's new pairs.
    decide(docId: string, a: string, b: string, item: { a?: string; b?: string }, decision: ReviewDecision): Promise<ReviewDocument>;
    /// Puts the spans `a` and `b` agree on in a document (matches nobody rejected) into the curated
    /// layer, recording no decision. Resolves with that document's new pairs.
    curateAgreed(docId: string, a: string, b: string): Promise<ReviewDocument>;
  };
}

type MethodPaths<T> = {
  [A in keyof T & string]: { [M in keyof T[A] & string]: `${A}.${M}` }[keyof T[A] & string];
}[keyof T & string];

/// A method's wire name, e.g. `documents.open`.
export type Channel = MethodPaths<WorkbenchApi>;

type MethodAt<C extends Channel> = C extends `${infer A}.${infer M}`
  ? A extends keyof WorkbenchApi
    ? M extends keyof WorkbenchApi[A]
      ? WorkbenchApi[A][M]
      : never
    : never
  : never;

/// Arguments of a method, as sent on the wire (a JSON array).
export type ChannelArgs<C extends Channel> = MethodAt<C> extends (...args: infer P) => unknown ? P : never;
/// What a method resolves to.
export type ChannelResult<C extends Channel> = MethodAt<C> extends (...args: never[]) => Promise<infer R> ? R : never;

/// The reply envelope on both transports: errors travel as data, not as transport failures.
export type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/// What the preload exposes as `window.workbench`: every contract method, resolving with the reply
/// envelope itself, because the context bridge keeps only the message of a thrown error and the
/// UI needs the error code too.
export type WorkbenchBridge = {
  [A in keyof WorkbenchApi]: {
    [M in keyof WorkbenchApi[A]]: WorkbenchApi[A][M] extends (...args: infer P) => Promise<infer R> ? (...args: P) => Promise<Reply<R>> : never;
  };
};

/// Every channel, at run time. The type below fails to compile if one is missing.
export const apiChannels = [
  'workspace.info',
  'documents.list',
  'documents.summaries',
  'documents.labelCounts',
  'documents.open',
  'documents.import',
  'documents.importUrl',
  'documents.search',
  'documents.update',
  'documents.outlets',
  'documents.setStatus',
  'documents.delete',
  'documents.undelete',
  'annotations.create',
  'annotations.update',
  'annotations.delete',
  'annotations.restore',
  'annotations.importFile',
  'tagAll.preview',
  'tagAll.apply',
  'tagAll.remove',
  'tagAll.restore',
  'suggestions.list',
  'suggestions.dismiss',
  'suggestions.undismiss',
  'relations.set',
  'entities.list',
  'entities.documents',
  'entities.create',
  'entities.update',
  'entities.merge',
  'entities.delete',
  'entities.restore',
  'labels.save',
  'settings.setAnnotator',
  'exports.build',
  'exchange.import',
  'compare.figures',
  'compare.quotes',
  'compare.entities',
  'compare.charts',
  'compare.csv',
  'measures.list',
  'measures.suggest',
  'review.annotators',
  'review.compare',
  'review.decide',
  'review.curateAgreed',
  'backups.list',
  'backups.restore',
] as const;

type Missing = Exclude<Channel, (typeof apiChannels)[number]>;
const everyChannelListed: [Missing] extends [never] ? true : Missing = true;
void everyChannelListed;
