/// CSV export (DESIGN §5, §10): one row per annotation, its document's outlet, date and address,
/// its entity, its measure, a figure's interval (`low`, `high`; empty for an open end), and for a quote its speaker, for a figure its source (the actor span's
/// text and entity); RFC 4180 quoting (csv-stringify), code point offsets, and cells that a
/// spreadsheet would run as a formula prefixed with `'`.
import { stringify } from 'csv-stringify/sync';
import { notePlainText, type DocumentFile } from '../model.js';
import { OffsetConverter } from '../offsets.js';
import { exportContext, linkedActors, linkedEntity, type ExportContext } from './exportContext.js';

/// Column order of the CSV export (DESIGN §10).
export const CSV_COLUMNS = [
  'document_id', 'document_title', 'annotation_id', 'annotator', 'label', 'start', 'end', 'text', 'context', 'note',
  'review_status', 'created_at', 'outlet', 'published_at', 'url', 'entity_id', 'entity_name', 'measure',
  'low', 'high', 'speaker_or_source_text', 'speaker_or_source_entity',
] as const;

/// Characters around a span shown in the `context` column, on each side (code points).
export const CONTEXT_CODE_POINTS = 40;

/// Neutralises a cell a spreadsheet would evaluate (`=`, `+`, `-`, `@`, tab, CR first).
export function protectCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/// The span with up to 40 code points of text on either side, on one line.
function contextOf(offsets: OffsetConverter, start: number, end: number): string {
  const from = Math.max(0, start - CONTEXT_CODE_POINTS);
  const to = Math.min(offsets.codePointLength, end + CONTEXT_CODE_POINTS);
  return offsets.sliceCodePoints(from, to).replace(/\s+/g, ' ');
}

/// How csv-stringify writes the export: RFC 4180 quoting, CRLF, and a quoted cell for any line break.
export const CSV_STRINGIFY_OPTIONS = { columns: [...CSV_COLUMNS], record_delimiter: '\r\n', quoted_match: /[\r\n]/ };

/// The header row of the CSV export, line break included.
export const CSV_HEADER = stringify([], { ...CSV_STRINGIFY_OPTIONS, header: true });

/// The rows of one document's annotations, each ending in a line break.
export function csvRows(file: DocumentFile, context: ExportContext = exportContext()): string {
  const rows: (string | number)[][] = [];
  const offsets = new OffsetConverter(file.document.text);
  const { meta } = file.document;
  const actors = linkedActors(file);
  for (const a of file.annotations) {
    const start = offsets.toCodePoint(a.start);
    const end = offsets.toCodePoint(a.end);
    const entity = linkedEntity(context, a);
    const actor = actors.get(a.id);
    const cells = [
      file.document.id, file.document.title, a.id, a.annotator, a.label, start, end, a.quote,
      contextOf(offsets, start, end), notePlainText(a.note), a.review?.status ?? '', a.createdAt,
      meta.outlet ?? '', meta.publishedAt ?? '', meta.url ?? '', entity?.id ?? '', entity?.name ?? '',
      a.attributes?.measure ?? '', a.quantity?.low ?? '', a.quantity?.high ?? '', actor?.quote ?? '', (actor && linkedEntity(context, actor)?.name) ?? '',
    ];
    rows.push(cells.map((c) => (typeof c === 'string' ? protectCell(c) : c)));
  }
  return rows.length ? stringify(rows, { ...CSV_STRINGIFY_OPTIONS, header: false }) : '';
}

/// The CSV text: a header row, then one row per annotation.
export function exportCsv(documents: DocumentFile[], context: ExportContext = exportContext()): string {
  return CSV_HEADER + documents.map((file) => csvRows(file, context)).join('');
}
