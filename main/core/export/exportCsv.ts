/// CSV export (DESIGN §5, §10): one row per annotation with its label's id and name, its
/// document's metadata (outlet, date, address, author, language, tags), its entity, its measure,
/// a figure's interval (`low`, `high`; empty for an open end), and for a quote its speaker, for a
/// figure its source (which of the two, the actor span's id, text and entity); RFC 4180 quoting
/// (csv-stringify), code point offsets, and cells that a spreadsheet would run as a formula
/// prefixed with `'`. A file starts with a UTF-8 byte order mark unless told not to: without it
/// Excel reads the file as the machine's legacy code page and garbles every accent and emoji.
import { stringify } from 'csv-stringify/sync';
import { notePlainText, type DocumentFile } from '../model.js';
import { OffsetConverter } from '../offsets.js';
import { exportContext, linkedActors, linkedEntity, relationTypeFrom, type ExportContext } from './exportContext.js';

/// Column order of the CSV export (DESIGN §10).
export const CSV_COLUMNS = [
  'document_id', 'document_title', 'annotation_id', 'annotator', 'label', 'label_name', 'start', 'end', 'text', 'context', 'note',
  'review_status', 'created_at', 'outlet', 'published_at', 'url', 'author', 'language', 'tags', 'entity_id', 'entity_name', 'measure',
  'low', 'high', 'speaker_or_source', 'speaker_or_source_id', 'speaker_or_source_text', 'speaker_or_source_entity',
] as const;

/// The UTF-8 byte order mark a CSV file starts with by default (LibreOffice and Excel then read it as UTF-8).
export const CSV_BOM = '\uFEFF';

/// How a document's tags are joined in the `tags` cell.
export const CSV_TAG_SEPARATOR = '; ';

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
  const labelNames = new Map(context.labels.map((l) => [l.id, l.name]));
  for (const a of file.annotations) {
    const start = offsets.toCodePoint(a.start);
    const end = offsets.toCodePoint(a.end);
    const entity = linkedEntity(context, a);
    const actor = actors.get(a.id);
    const cells = [
      file.document.id, file.document.title, a.id, a.annotator, a.label, labelNames.get(a.label) ?? '', start, end, a.quote,
      contextOf(offsets, start, end), notePlainText(a.note), a.review?.status ?? '', a.createdAt,
      meta.outlet ?? '', meta.publishedAt ?? '', meta.url ?? '', meta.author ?? '', meta.language ?? '', (meta.tags ?? []).join(CSV_TAG_SEPARATOR),
      entity?.id ?? '', entity?.name ?? '', a.attributes?.measure ?? '', a.quantity?.low ?? '', a.quantity?.high ?? '',
      actor ? (relationTypeFrom(a.label) ?? '') : '', actor?.id ?? '', actor?.quote ?? '', (actor && linkedEntity(context, actor)?.name) ?? '',
    ];
    rows.push(cells.map((c) => (typeof c === 'string' ? protectCell(c) : c)));
  }
  return rows.length ? stringify(rows, { ...CSV_STRINGIFY_OPTIONS, header: false }) : '';
}

/// What a CSV file starts with: the byte order mark (unless `bom` is false), then the header row.
export function csvStart(bom = true): string {
  return (bom ? CSV_BOM : '') + CSV_HEADER;
}

/// The CSV text: a byte order mark (unless `bom` is false), a header row, then one row per annotation.
export function exportCsv(documents: DocumentFile[], context: ExportContext = exportContext(), { bom = true } = {}): string {
  return csvStart(bom) + documents.map((file) => csvRows(file, context)).join('');
}
