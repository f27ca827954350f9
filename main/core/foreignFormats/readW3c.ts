/// W3C Web Annotation (JSON-LD): an `AnnotationCollection` (its `first.items`), a page, a list,
/// or one `Annotation`. A span's target names its document by `source` (`urn:sha256:<hex>`, as
/// this app writes it, is one of our document ids; another source is matched to a document
/// imported from a file of that name) and places it by a `TextPositionSelector` (code points,
/// as the model says) and/or a `TextQuoteSelector` (exact text with prefix and suffix). Bodies:
/// `tagging` is the label, `commenting` the note, `identifying` an entity, `describing` and
/// `classifying` with a `label` attribute values, `assessing` a review decision. A `linking` annotation (this app's speaker and
/// source links) links two spans by their ids. W3C files carry no document text.
import { ForeignRejected, type ForeignDocument, type ForeignFile, type ForeignInput, type ForeignSpan } from './foreignFile.js';
import { isObject, readSingleJson } from './readJsonLines.js';

/// Whether a parsed JSON value looks like W3C Web Annotation.
export function looksLikeW3c(json: unknown): boolean {
  if (!isObject(json)) return false;
  const context = JSON.stringify(json['@context'] ?? '');
  return context.includes('w3.org/ns/anno') || json.type === 'AnnotationCollection' || json.type === 'Annotation';
}

const asList = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);
const idOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : isObject(value) && typeof value.id === 'string' ? value.id : undefined);

/// The annotations of a collection, page, list or single annotation.
function itemsOf(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  if (!isObject(json)) return [];
  if (json.type === 'AnnotationCollection') return isObject(json.first) ? asList(json.first.items) : [];
  if (json.type === 'AnnotationPage') return asList(json.items);
  return [json];
}

/// Reads a W3C Web Annotation file.
export function readW3c(input: ForeignInput): ForeignFile {
  const json = readSingleJson(input, 'W3C');
  const bySource = new Map<string, ForeignDocument>();
  const links: { item: Record<string, unknown>; where: string }[] = [];
  let untagged = 0;
  itemsOf(json).forEach((item, i) => {
    const where = `items[${i}]`;
    if (!isObject(item)) throw new ForeignRejected(input.name, `${where}: expected an annotation object`);
    if (item.motivation === 'linking') return void links.push({ item, where });
    const target = asList(item.target)[0];
    const source = isObject(target) ? idOf(target.source) : undefined;
    if (!isObject(target) || !source) throw new ForeignRejected(input.name, `${where}: the target names no source document`);
    let doc = bySource.get(source);
    if (!doc) {
      const hash = /^urn:sha256:([0-9a-f]{64})$/.exec(source);
      doc = { name: source, ...(hash ? { id: `sha256:${hash[1]}` } : { sourceName: source.split(/[\\/]/).pop() }), unit: 'codepoints', spans: [], relations: [] };
      bySource.set(source, doc);
    }
    const span = spanOf(input, item, target, where);
    if (span) doc.spans.push(span);
    else untagged++;
  });
  for (const { item, where } of links) {
    const from = idOf(asList(item.target)[0]);
    const to = idOf(asList(item.body)[0]);
    const doc = [...bySource.values()].find((d) => d.spans.some((s) => s.id === from));
    if (!from || !to || !doc) throw new ForeignRejected(input.name, `${where}: a linking annotation must go from one of the file's spans (target) to another (body)`);
    const creator = isObject(item.creator) && typeof item.creator.name === 'string' ? item.creator.name : undefined;
    doc.relations.push({ id: idOf(item), type: typeof item.label === 'string' ? item.label : '', from, to, ...(creator ? { annotator: creator } : {}), where });
  }
  if (!bySource.size) throw new ForeignRejected(input.name, 'the file holds no annotations');
  // A highlight or a comment alone (no tagging body) has no label to become a span of.
  const warnings = untagged ? [`${untagged} annotation(s) without a tagging body (a label) left out`] : [];
  return { format: 'w3c', documents: [...bySource.values()], warnings };
}

/// One tagging annotation as a span; null for one without a tagging body.
function spanOf(input: ForeignInput, item: Record<string, unknown>, target: Record<string, unknown>, where: string): ForeignSpan | null {
  let label: string | undefined;
  const notes: string[] = [];
  let comment: string | undefined;
  const span: ForeignSpan = { label: '', start: -1, end: -1, where };
  for (const body of asList(item.body)) {
    if (typeof body === 'string') continue;
    if (!isObject(body)) continue;
    const purpose = body.purpose ?? (item.motivation === 'tagging' ? 'tagging' : undefined);
    if (purpose === 'tagging' && typeof body.value === 'string') label ??= body.value;
    else if (purpose === 'commenting' && typeof body.value === 'string') notes.push(body.value);
    else if (purpose === 'identifying') {
      const entity = isObject(body.source) ? body.source : body;
      const reference = idOf(entity);
      if (reference) span.entity = { reference, ...(typeof entity.label === 'string' ? { name: entity.label } : {}) };
    } else if (purpose === 'assessing' && typeof body.value === 'string') {
      // A review decision (accepted or rejected, by its creator, when created) and its comment.
      const by = isObject(body.creator) && typeof body.creator.name === 'string' ? body.creator.name : undefined;
      const at = typeof body.created === 'string' ? body.created : undefined;
      if (body.label === 'comment') comment = body.value;
      else if ((body.value === 'accepted' || body.value === 'rejected') && by && at) span.review = { status: body.value, by, at };
    } else if ((purpose === 'describing' || purpose === 'classifying') && typeof body.label === 'string' && typeof body.value === 'string') {
      span.attributes = { ...span.attributes, [body.label]: body.value };
    }
  }
  if (!label) return null;
  if (span.review && comment !== undefined) span.review.comment = comment;
  span.label = label;
  if (notes.length) span.note = notes.join('\n');
  const id = idOf(item);
  if (id) span.id = id;
  if (isObject(item.creator) && typeof item.creator.name === 'string') span.annotator = item.creator.name;
  else if (typeof item.creator === 'string') span.annotator = item.creator;
  for (const selector of asList(target.selector)) {
    if (!isObject(selector)) continue;
    if (selector.type === 'TextPositionSelector') {
      if (typeof selector.start !== 'number' || typeof selector.end !== 'number') throw new ForeignRejected(input.name, `${where}: TextPositionSelector start and end must be numbers`);
      span.start = selector.start;
      span.end = selector.end;
    } else if (selector.type === 'TextQuoteSelector' && typeof selector.exact === 'string') {
      span.text = selector.exact;
      span.quote = { exact: selector.exact, prefix: typeof selector.prefix === 'string' ? selector.prefix : '', suffix: typeof selector.suffix === 'string' ? selector.suffix : '' };
    }
  }
  if (span.start < 0 && !span.quote) throw new ForeignRejected(input.name, `${where}: the target has neither a TextPositionSelector nor a TextQuoteSelector`);
  return span;
}
