/// brat standoff export (DESIGN §5): `annotation.conf`, and per document `<name>.txt` (the text)
/// and `<name>.ann` with text-bound annotations, notes and speaker links, offsets in code points.
/// A span that crosses a newline is written as fragments, as brat requires.
import { notePlainText, type DocumentFile, type Label } from '../model.js';
import { OffsetConverter } from '../offsets.js';

/// The brat entity type of a label: its id with a capital first letter (`actor` → `Actor`).
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

/// The `annotation.conf` for `labels`, with the Speaker relation from quotes to actors.
export function bratConfig(labels: Label[]): string {
  return [
    '[entities]',
    ...labels.map((l) => bratType(l.id)),
    '',
    '[relations]',
    `Speaker\tArg1:${bratType('quote')}, Arg2:${bratType('actor')}`,
    '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
    '',
    '[events]',
    '',
    '[attributes]',
    '',
  ].join('\n');
}

/// The `.txt` and `.ann` files of one document, by relative path; `taken` holds the names used so
/// far (lower case), and gets this document's.
export function bratDocumentFiles(file: DocumentFile, taken: Set<string>): [string, string][] {
  const name = safeFileName(file.document.title, taken);
  const { text } = file.document;
  const offsets = new OffsetConverter(text);
  const lines: string[] = [];
  const tIds = new Map<string, string>();
  file.annotations.forEach((a, i) => {
    const t = `T${i + 1}`;
    tIds.set(a.id, t);
    const pieces = fragments(text, offsets, a.start, a.end);
    const covered = pieces.map(([s, e]) => offsets.sliceCodePoints(s, e)).join(' ');
    lines.push(`${t}\t${bratType(a.label)} ${pieces.map(([s, e]) => `${s} ${e}`).join(';')}\t${covered}`);
  });
  let notes = 0;
  for (const a of file.annotations) {
    const note = notePlainText(a.note).replace(/\s+/g, ' ').trim();
    if (note) lines.push(`#${++notes}\tAnnotatorNotes ${tIds.get(a.id)}\t${note}`);
  }
  file.relations.forEach((r, i) => {
    lines.push(`R${i + 1}\tSpeaker Arg1:${tIds.get(r.from)} Arg2:${tIds.get(r.to)}`);
  });
  return [
    [`${name}.txt`, text],
    [`${name}.ann`, lines.length ? lines.join('\n') + '\n' : ''],
  ];
}

/// The file names `annotation.conf` leaves to documents (lower case).
export function bratTakenNames(): Set<string> {
  return new Set(['annotation']);
}

/// All files of the export, by relative path.
export function exportBrat(documents: DocumentFile[], labels: Label[]): Map<string, string> {
  const files = new Map<string, string>([['annotation.conf', bratConfig(labels)]]);
  const taken = bratTakenNames();
  for (const file of documents) for (const [path, content] of bratDocumentFiles(file, taken)) files.set(path, content);
  return files;
}
