/// JSONL export (DESIGN §5, §10): one document per line with its metadata, its spans (code point offsets) and its
/// speaker links as indexes into `spans`.
import type { DocumentFile } from '../model.js';
import { OffsetConverter } from '../offsets.js';

/// The JSON line of one document, newline included.
export function jsonlLine(file: DocumentFile): string {
  const offsets = new OffsetConverter(file.document.text);
  const index = new Map(file.annotations.map((a, i) => [a.id, i]));
  const line = JSON.stringify({
    id: file.document.id,
    title: file.document.title,
    meta: file.document.meta,
    text: file.document.text,
    spans: file.annotations.map((a) => ({
      start: offsets.toCodePoint(a.start),
      end: offsets.toCodePoint(a.end),
      label: a.label,
      text: a.quote,
      annotator: a.annotator,
    })),
    relations: file.relations.map((r) => ({ from: index.get(r.from), to: index.get(r.to), type: r.type })),
  });
  return line + '\n';
}

/// One JSON line per document.
export function exportJsonl(documents: DocumentFile[]): string {
  return documents.map(jsonlLine).join('');
}
