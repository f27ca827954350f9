/// brat standoff (a folder or zip of `<name>.txt` / `<name>.ann` pairs, `annotation.conf` when
/// present). brat counts offsets in characters of the `.txt` as Python reads it, that is in
/// Unicode code points (brat's "Annotation Data Format": "character offsets … from 0, the start
/// included, the end excluded"), and both files are UTF-8. Lines read: `T` (text-bound; a
/// discontinuous span's fragments separated only by whitespace, as brat writes a span that
/// crosses a line break, become one span, other fragments each a span of their own, with a
/// warning), `R` (relations), `#` (AnnotatorNotes → the span's note), `N` (normalisations → an
/// entity link when the reference is one of ours or a Wikidata item we know, else a note), `A`/`M`
/// (attributes; a binary one takes the value `true`). Events (`E`) and equivalences (`*`) are
/// left out with a warning; any other line refuses the file.
import { decodeUtf8, ForeignRejected, type ForeignDocument, type ForeignFile, type ForeignInput, type ForeignSpan } from './foreignFile.js';

const TEXT_BOUND = /^(T\S*)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/;
const RELATION = /^(R\S*)\t(\S+) Arg1:(\S+) Arg2:(\S+)\s*$/;
const NOTE = /^(#\S*)\t(\S+) (\S+)\t(.*)$/;
const NORMALISATION = /^(N\S*)\t(\S+) (\S+) (\S+)(?:\t(.*))?$/;
/// `accepted by ben (2026-11-23T08:00:00.000Z): comment`, as this app's export writes a review.
const REVIEW_NOTE = /^(accepted|rejected) by (.+?) \(([^()]+)\)(?:: (.*))?$/;
const ATTRIBUTE = /^([AM]\S*)\t(\S+) (\S+)(?: (\S+))?\s*$/;

/// The path without its extension, and the extension in lower case.
function splitName(path: string): [string, string] {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') ? [path.slice(0, dot), path.slice(dot + 1).toLowerCase()] : [path, ''];
}

/// Whether `input` holds brat files (an `.ann` file).
export function looksLikeBrat(input: ForeignInput): boolean {
  return [...input.files.keys()].some((path) => splitName(path)[1] === 'ann');
}

/// A brat attribute value as written (`bratAttributeValue` percent-encodes what a value cannot hold).
function attributeValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/// The annotator of each `.ann` file when the pairs are spread over two or more top-level folders
/// and none is outside one: how this app's brat export keeps several annotators' layers apart (a
/// folder per annotator, named after them), so each folder's name is its spans' annotator.
function folderAnnotators(stems: string[]): Map<string, string> | null {
  const folders = stems.map((stem) => (stem.includes('/') ? stem.slice(0, stem.indexOf('/')) : null));
  if (folders.includes(null) || new Set(folders).size < 2) return null;
  return new Map(stems.map((stem, i) => [stem, folders[i]!]));
}

/// Reads every `.txt`/`.ann` pair of `input`; with `byFolder`, spans in a folder per annotator
/// (see `folderAnnotators`) take the folder's name as their annotator.
export function readBrat(input: ForeignInput, byFolder = false): ForeignFile {
  const warnings: string[] = [];
  const texts = new Map<string, string>();
  const anns = new Map<string, string>();
  for (const [path, bytes] of input.files) {
    const [stem, ext] = splitName(path);
    if (ext === 'txt') texts.set(stem, decodeUtf8(bytes, path, input.name));
    else if (ext === 'ann') anns.set(stem, decodeUtf8(bytes, path, input.name));
  }
  const declared = declaredTypes(input);
  const documents: ForeignDocument[] = [];
  const annotators = byFolder ? folderAnnotators([...anns.keys()]) : null;
  if (annotators) warnings.push(`annotators taken from the folders' names: ${[...new Set(annotators.values())].join(', ')} (give --annotator to name one for all)`);
  for (const [stem, ann] of anns) {
    const text = texts.get(stem);
    if (text === undefined) throw new ForeignRejected(input.name, `${stem}.ann has no ${stem}.txt beside it (brat keeps the text in a .txt file of the same name)`);
    const doc = readAnn(input.name, stem, text, ann, declared, warnings);
    const annotator = annotators?.get(stem);
    if (annotator) for (const item of [...doc.spans, ...doc.relations]) item.annotator = annotator;
    documents.push(doc);
  }
  for (const [stem, text] of texts) {
    if (!anns.has(stem) && text.trim()) documents.push({ name: `${stem}.txt`, text, sourceName: `${stem}.txt`, unit: 'codepoints', spans: [], relations: [] });
  }
  if (!documents.length) throw new ForeignRejected(input.name, 'no brat .ann files found');
  return { format: 'brat', documents, warnings };
}

/// The entity types `annotation.conf` declares (lower case), or null when there is none.
function declaredTypes(input: ForeignInput): Set<string> | null {
  const conf = [...input.files].find(([path]) => path.split('/').pop() === 'annotation.conf');
  if (!conf) return null;
  const types = new Set<string>();
  let section = '';
  for (const raw of decodeUtf8(conf[1], conf[0], input.name).split('\n')) {
    const line = raw.trim();
    if (line.startsWith('[')) section = line;
    else if (section === '[entities]' && line && !line.startsWith('#')) types.add(line.replace(/^!/, '').split(/\s/)[0].toLowerCase());
  }
  return types;
}

/// One `.ann` file against its text.
function readAnn(input: string, stem: string, text: string, ann: string, declared: Set<string> | null, warnings: string[]): ForeignDocument {
  const file = `${stem}.ann`;
  const spans: ForeignSpan[] = [];
  const byId = new Map<string, ForeignSpan[]>();
  const doc: ForeignDocument = { name: `${stem}.txt`, text, sourceName: `${stem}.txt`, unit: 'codepoints', spans, relations: [] };
  const chars = [...text];
  const later: [number, string][] = [];
  let leftOut = 0;
  ann.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${file} line ${i + 1}`;
    const t = TEXT_BOUND.exec(line);
    if (t) {
      const [, id, type, ranges, covered] = t;
      if (declared && !declared.has(type.toLowerCase())) warnings.push(`${where}: type ${type} is not declared in annotation.conf`);
      const pieces = ranges.split(';').map((r) => r.split(' ').map(Number) as [number, number]);
      // brat writes a span that crosses a line break as fragments: whitespace-only gaps are joined.
      const joined: [number, number][] = [];
      for (const [s, e] of pieces) {
        const last = joined[joined.length - 1];
        if (last && s >= last[1] && !chars.slice(last[1], s).join('').trim()) last[1] = e;
        else joined.push([s, e]);
      }
      if (joined.length > 1) warnings.push(`${where}: ${id} is discontinuous; each of its ${joined.length} fragments was imported as a span of its own (notes and links go to the first)`);
      const fragments = joined.map(([start, end]) => ({ id, label: type, start, end, where, ...(joined.length === 1 ? { text: covered } : {}) }));
      spans.push(...fragments);
      byId.set(id, fragments);
      return;
    }
    later.push([i + 1, line]);
  });
  for (const [number, line] of later) {
    const where = `${file} line ${number}`;
    const target = (id: string) => {
      const found = byId.get(id)?.[0];
      if (!found) throw new ForeignRejected(input, `${where}: refers to ${id}, which is not a text-bound annotation of ${file}`);
      return found;
    };
    let m: RegExpExecArray | null;
    if ((m = RELATION.exec(line))) {
      target(m[3]);
      target(m[4]);
      doc.relations.push({ id: m[1], type: m[2], from: m[3], to: m[4], where });
    } else if ((m = NOTE.exec(line))) {
      const span = target(m[3]);
      // This app's export writes a review decision as a `Review` note; any other note is a note.
      const review = m[2] === 'Review' ? REVIEW_NOTE.exec(m[4]) : null;
      if (review) span.review = { status: review[1] as 'accepted' | 'rejected', by: review[2], at: review[3], ...(review[4] ? { comment: review[4] } : {}) };
      else span.note = span.note ? `${span.note}\n${m[4]}` : m[4];
    } else if ((m = NORMALISATION.exec(line))) {
      target(m[3]).entity = { reference: m[4], ...(m[5] ? { name: m[5] } : {}) };
    } else if ((m = ATTRIBUTE.exec(line))) {
      const span = target(m[3]);
      span.attributes = { ...span.attributes, [m[2].toLowerCase()]: m[4] === undefined ? 'true' : attributeValue(m[4]) };
    } else if (/^[E*]/.test(line)) leftOut++;
    else throw new ForeignRejected(input, `${where}: not a brat annotation line (${JSON.stringify(line.slice(0, 60))})`);
  }
  if (leftOut) warnings.push(`${file}: ${leftOut} event or equivalence line(s) left out (this workspace keeps spans and links only)`);
  return doc;
}
