/// JSONL export (DESIGN §5, §10): one document per line with its metadata, its spans (code point
/// offsets, each with its entity `{id, name}` when linked and its `attributes` when it has any)
/// and its speaker and source links as indexes into `spans`, with their `type`.
import type { DocumentFile } from '../model.js';
import { OffsetConverter } from '../offsets.js';
import { exportContext, linkedEntity, type ExportContext } from './exportContext.js';

/// The JSON line of one document, newline included.
export function jsonlLine(file: DocumentFile, context: ExportContext = exportContext()): string {
  const offsets = new OffsetConverter(file.document.text);
  const index = new Map(file.annotations.map((a, i) => [a.id, i]));
  const line = JSON.stringify({
    id: file.document.id,
    title: file.document.title,
    meta: file.document.meta,
    text: file.document.text,
    spans: file.annotations.map((a) => {
      const entity = linkedEntity(context, a);
      return {
        start: offsets.toCodePoint(a.start),
        end: offsets.toCodePoint(a.end),
        label: a.label,
        text: a.quote,
        annotator: a.annotator,
        ...(entity ? { entity: { id: entity.id, name: entity.name } } : {}),
        ...(a.attributes && Object.keys(a.attributes).length ? { attributes: a.attributes } : {}),
        ...(a.quantity ? { quantity: a.quantity } : {}),
      };
    }),
    relations: file.relations.map((r) => ({ from: index.get(r.from), to: index.get(r.to), type: r.type })),
  });
  return line + '\n';
}

/// One JSON line per document.
export function exportJsonl(documents: DocumentFile[], context: ExportContext = exportContext()): string {
  return documents.map((file) => jsonlLine(file, context)).join('');
}
