/// brat standoff export (DESIGN §5, §10): per document `<name>.txt` (the text) and `<name>.ann`
/// with text-bound annotations (`T`), attribute values (`A`, see bratAttributes.ts), entity
/// normalisations (`N`), notes and review decisions (`#`) and speaker and source links (`R`),
/// offsets in code points; then `annotation.conf`, last because it lists the attribute values the
/// documents use. A span that crosses a newline is written as fragments, as brat requires. When
/// the export holds several annotators' layers, each goes into a folder of its own
/// (`<annotator>/<name>.txt` and `.ann`, every document in every folder), so that layers never mix
/// in one `.ann` file; brat finds the one `annotation.conf` above them.
import { RELATION_ENDS } from '../annotations.js';
import { notePlainText, RELATION_TYPES, type Annotation, type DocumentFile, type Entity, type Label } from '../model.js';
import { OffsetConverter } from '../offsets.js';
import { BratAttributeDeclarations, bratAttributeValue } from './bratAttributes.js';
import { exportContext, linkedEntity, type ExportContext } from './exportContext.js';

/// The brat entity type of a label: its id with a capital first letter (`actor` → `Actor`). The
/// same for relation types (`Speaker`) and attributes (`Measure`).
export function bratType(labelId: string): string {
  return labelId.charAt(0).toUpperCase() + labelId.slice(1).replace(/[^A-Za-z0-9_-]/g, '_');
}

/// A file name from a title: letters, digits, `_` and `-` only (no separators, no `..`, no
/// control characters), at most 60 characters, made unique against `taken`.
export function safeFileName(title: string, taken: Set<string>): string {
  const base =
    title
      .normalize('NFKC')
      .replace(/[^\p{L}\p{N}_-]+/gu, '_')
      .slice(0, 60)
      .replace(/^[_-]+|[_-]+$/g, '') || 'document';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/// Code point fragments of `[start, end)` that do not cross a newline (empty pieces dropped).
function fragments(text: string, offsets: OffsetConverter, start: number, end: number): [number, number][] {
  const pieces: [number, number][] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '\n') {
      if (i > from) pieces.push([offsets.toCodePoint(from), offsets.toCodePoint(i)]);
      from = i + 1;
    }
  }
  return pieces;
}

/// The reference of an `N` line for `entity`: its Wikidata item when known, else its id here under
/// `AWB` (brat reads a reference as `database:id`, the database being everything before the first
/// colon, so a `urn:uuid:` reference would be misread).
export function bratReference(entity: Entity): string {
  return entity.wikidata ? `Wikidata:${entity.wikidata}` : `AWB:${entity.id}`;
}

/// The attribute declarations of an export: every attribute the labels declare, with a choice
/// attribute's choices; `bratDocumentFiles` adds the values it writes.
export function bratDeclarations(labels: readonly Label[]): BratAttributeDeclarations {
  const declarations = new BratAttributeDeclarations();
  for (const label of labels) {
    for (const attribute of label.attributes ?? []) {
      declarations.add(bratType(attribute.id), bratType(label.id));
      for (const choice of attribute.choices ?? []) declarations.add(bratType(attribute.id), bratType(label.id), bratAttributeValue(choice));
    }
  }
  return declarations;
}

/// The `annotation.conf` for `labels`, with the Speaker (quote to actor) and Source (figure to
/// actor) relations and the attributes `declarations` gathered.
export function bratConfig(labels: readonly Label[], declarations = bratDeclarations(labels)): string {
  return [
    '[entities]',
    ...labels.map((l) => bratType(l.id)),
    '',
    '[relations]',
    ...RELATION_TYPES.map((type) => `${bratType(type)}\tArg1:${bratType(RELATION_ENDS[type].from)}, Arg2:${bratType(RELATION_ENDS[type].to)}`),
    '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
    '',
    '[events]',
    '',
    '[attributes]',
    ...declarations.lines(),
    '',
  ].join('\n');
}

/// One line's text without tabs or line breaks (which end a field or a line in a `.ann` file).
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/// The `#` line text of a review decision: `accepted by ben (2026-11-23T08:00:00.000Z)`, and the
/// reviewer's comment after a colon.
function reviewNote(a: Annotation): string {
  const review = a.review!;
  const comment = oneLine(review.comment ?? '');
  return oneLine(`${review.status ?? 'comment'} by ${review.by} (${review.at})`) + (comment ? `: ${comment}` : '');
}

/// What a brat export with a folder per annotator could not write: links between two annotators'
/// spans (the app links an annotator's own spans; an imported file may not), which belong in no
/// one layer's `.ann` file.
export interface BratReport {
  crossLayerLinks: number;
}

/// Where each annotator's layer goes when an export holds several: a folder per annotator, named
/// from the annotator (made safe and unique); an annotator met that was not expected gets one too.
export class BratLayerFolders {
  private readonly folders = new Map<string, string>();
  private readonly taken = new Set<string>();

  /// Folders for `annotators`, in that order.
  constructor(annotators: readonly string[]) {
    for (const annotator of annotators) this.folderOf(annotator);
  }

  /// The folder of `annotator`'s layer.
  folderOf(annotator: string): string {
    let folder = this.folders.get(annotator);
    if (folder === undefined) this.folders.set(annotator, (folder = safeFileName(annotator, this.taken)));
    return folder;
  }

  /// Every annotator with a folder so far, and its folder.
  entries(): [annotator: string, folder: string][] {
    return [...this.folders];
  }

  /// Links left out so far, between spans of two layers.
  readonly report: BratReport = { crossLayerLinks: 0 };
}

/// The `.txt` and `.ann` files of one document, by relative path; `taken` holds the names used so
/// far (lower case), and gets this document's; `declarations` gets the attribute values written.
/// With `layers`, one pair per annotator, in the annotator's folder, each `.ann` holding that
/// annotator's spans and links only.
export function bratDocumentFiles(
  file: DocumentFile,
  taken: Set<string>,
  context: ExportContext = exportContext(),
  declarations = bratDeclarations(context.labels),
  layers?: BratLayerFolders,
): [string, string][] {
  const name = safeFileName(file.document.title, taken);
  const { text } = file.document;
  if (!layers) return [[`${name}.txt`, text], [`${name}.ann`, bratAnn(file, context, declarations)]];
  for (const a of file.annotations) layers.folderOf(a.annotator);
  const annotatorOf = new Map(file.annotations.map((a) => [a.id, a.annotator]));
  layers.report.crossLayerLinks += file.relations.filter((r) => annotatorOf.get(r.from) !== annotatorOf.get(r.to)).length;
  return layers.entries().flatMap(([annotator, folder]): [string, string][] => {
    const annotations = file.annotations.filter((a) => a.annotator === annotator);
    const mine = new Set(annotations.map((a) => a.id));
    const layer = { ...file, annotations, relations: file.relations.filter((r) => mine.has(r.from) && mine.has(r.to)) };
    return [[`${folder}/${name}.txt`, text], [`${folder}/${name}.ann`, bratAnn(layer, context, declarations)]];
  });
}

/// The `.ann` text of one document's annotations.
function bratAnn(file: DocumentFile, context: ExportContext, declarations: BratAttributeDeclarations): string {
  const { text } = file.document;
  const offsets = new OffsetConverter(text);
  const spans: string[] = [];
  const attributes: string[] = [];
  const normalisations: string[] = [];
  const tIds = new Map<string, string>();
  file.annotations.forEach((a, i) => {
    const t = `T${i + 1}`;
    tIds.set(a.id, t);
    const pieces = fragments(text, offsets, a.start, a.end);
    const covered = pieces.map(([s, e]) => offsets.sliceCodePoints(s, e)).join(' ');
    spans.push(`${t}\t${bratType(a.label)} ${pieces.map(([s, e]) => `${s} ${e}`).join(';')}\t${covered}`);
    for (const [id, value] of Object.entries(a.attributes ?? {})) {
      const encoded = bratAttributeValue(value);
      declarations.add(bratType(id), bratType(a.label), encoded);
      attributes.push(`A${attributes.length + 1}\t${bratType(id)} ${t} ${encoded}`);
    }
    const entity = linkedEntity(context, a);
    if (entity) normalisations.push(`N${normalisations.length + 1}\tReference ${t} ${bratReference(entity)}\t${oneLine(entity.name)}`);
  });
  const lines = [...spans, ...attributes, ...normalisations];
  let notes = 0;
  for (const a of file.annotations) {
    const note = oneLine(notePlainText(a.note));
    if (note) lines.push(`#${++notes}\tAnnotatorNotes ${tIds.get(a.id)}\t${note}`);
  }
  // A review decision is a note of its own type, so that it is never read as the annotator's note.
  for (const a of file.annotations) if (a.review) lines.push(`#${++notes}\tReview ${tIds.get(a.id)}\t${reviewNote(a)}`);
  file.relations.forEach((r, i) => {
    lines.push(`R${i + 1}\t${bratType(r.type)} Arg1:${tIds.get(r.from)} Arg2:${tIds.get(r.to)}`);
  });
  return lines.length ? lines.join('\n') + '\n' : '';
}

/// The file names `annotation.conf` leaves to documents (lower case).
export function bratTakenNames(): Set<string> {
  return new Set(['annotation']);
}

/// All files of the export, by relative path: the documents' files, then `annotation.conf`. With
/// more than one of `layerAnnotators`, each annotator's layer is in a folder of its own.
export function exportBrat(documents: DocumentFile[], labels: Label[], entities: Entity[] = [], layerAnnotators: readonly string[] = []): Map<string, string> {
  const context = exportContext(labels, entities);
  const declarations = bratDeclarations(labels);
  const taken = bratTakenNames();
  const layers = layerAnnotators.length > 1 ? new BratLayerFolders(layerAnnotators) : undefined;
  const files = new Map<string, string>();
  for (const file of documents) for (const [path, content] of bratDocumentFiles(file, taken, context, declarations, layers)) files.set(path, content);
  files.set('annotation.conf', bratConfig(labels, declarations));
  return files;
}
