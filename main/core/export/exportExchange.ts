/// Writes documents and their annotations as an exchange file (DESIGN §5), offsets in code points.
import { EXCHANGE_FORMAT, EXCHANGE_VERSION, type ExchangeFile } from '../exchange/exchangeFormat.js';
import type { DocumentFile, Label } from '../model.js';
import { OffsetConverter } from '../offsets.js';

/// The exchange file for `documents`.
export function exportExchange(documents: DocumentFile[], labels: Label[], exportedBy: string, now = new Date()): ExchangeFile {
  return {
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_VERSION,
    offsets: 'codepoints',
    exportedAt: now.toISOString(),
    exportedBy,
    labels: labels.map(({ id, name, color }) => ({ id, name, color })),
    documents: documents.map((file) => {
      const offsets = new OffsetConverter(file.document.text);
      return {
        id: file.document.id,
        title: file.document.title,
        text: file.document.text,
        annotations: file.annotations.map((a) => ({
          id: a.id,
          label: a.label,
          start: offsets.toCodePoint(a.start),
          end: offsets.toCodePoint(a.end),
          text: a.quote,
          annotator: a.annotator,
          ...(a.note ? { note: a.note } : {}),
          createdAt: a.createdAt,
          ...(a.review ? { review: a.review } : {}),
        })),
        relations: file.relations.map(({ id, type, from, to, annotator }) => ({ id, type, from, to, annotator })),
      };
    }),
  };
}
