/// Metadata sidecars (DESIGN §10): a CSV or JSON file that gives documents their title and
/// metadata, each row naming its document by `id` or by `sourceName` (the imported file's name).
/// Read whole (a sidecar is a list of rows, not a corpus), checked row by row: a row that cannot
/// be used is reported with its line and why, and the others still apply. Empty cells change
/// nothing; to remove a value, use `awb meta set … --clear FIELD` or the app.
///
/// CSV: a header row; columns `id` or `source_name` (also `sourceName`), then any of `title`,
/// `outlet`, `published_at` (`publishedAt`), `author`, `url`, `language`, `tags` (separated by
/// `;`). JSON: an array of objects with the same fields in camelCase (`tags` an array).
import { parse as parseCsv } from 'csv-parse/sync';
import { DocumentDetailsChangeSchema, editDocumentDetails, type DocumentDetailsChange } from './documentDetails.js';
import type { Workspace } from './store/workspace.js';
import { describeSchemaError } from './model.js';

/// One usable row.
export interface SidecarRow {
  /// Where it is in the file (the line of a CSV row, the place of a JSON entry), for reports.
  where: string;
  id?: string;
  sourceName?: string;
  change: DocumentDetailsChange;
}

/// A sidecar read: its usable rows and the rows it could not use.
export interface Sidecar {
  rows: SidecarRow[];
  problems: string[];
}

/// Largest sidecar read (bytes).
export const MAX_SIDECAR_BYTES = 16 * 1024 * 1024;

const COLUMNS: Record<string, string> = {
  id: 'id',
  source_name: 'sourceName',
  sourcename: 'sourceName',
  title: 'title',
  outlet: 'outlet',
  published_at: 'publishedAt',
  publishedat: 'publishedAt',
  author: 'author',
  url: 'url',
  language: 'language',
  tags: 'tags',
};

/// Reads a sidecar's text; `csv` tells the format (else JSON).
export function readSidecar(text: string, csv: boolean): Sidecar {
  const entries: { where: string; fields: Record<string, unknown> }[] = [];
  const problems: string[] = [];
  if (csv) {
    let records: Record<string, string>[];
    try {
      records = parseCsv(text.replace(/^\uFEFF/, ''), { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, info: false });
    } catch (error) {
      return { rows: [], problems: [`not a CSV file this can read: ${(error as Error).message}`] };
    }
    const unknown = Object.keys(records[0] ?? {}).filter((column) => !(column in COLUMNS));
    if (unknown.length) problems.push(`columns ignored (not metadata): ${unknown.join(', ')}`);
    records.forEach((record, i) => {
      const fields: Record<string, unknown> = {};
      for (const [column, value] of Object.entries(record)) {
        const field = COLUMNS[column];
        if (!field || value.trim() === '') continue;
        fields[field] = field === 'tags' ? value.split(';').map((tag) => tag.trim()).filter(Boolean) : value.trim();
      }
      entries.push({ where: `row ${i + 2}`, fields });
    });
  } else {
    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      return { rows: [], problems: [`not valid JSON: ${(error as Error).message}`] };
    }
    if (!Array.isArray(data)) return { rows: [], problems: ['expected a JSON array of objects, one per document'] };
    data.forEach((item, i) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) problems.push(`entry ${i + 1}: not an object`);
      // Empty values change nothing (as empty CSV cells).
      else entries.push({ where: `entry ${i + 1}`, fields: Object.fromEntries(Object.entries(item).filter(([, value]) => value !== '' && value !== null && !(Array.isArray(value) && !value.length))) });
    });
  }
  const rows: SidecarRow[] = [];
  for (const { where, fields } of entries) {
    const { id, sourceName, title, ...meta } = fields;
    if (typeof id !== 'string' && typeof sourceName !== 'string') {
      problems.push(`${where}: names no document (give id or sourceName)`);
      continue;
    }
    const unknown = Object.keys(meta).filter((key) => !Object.values(COLUMNS).includes(key));
    if (unknown.length && !csv) {
      problems.push(`${where}: unknown field(s) ${unknown.join(', ')}`);
      continue;
    }
    const parsed = DocumentDetailsChangeSchema.safeParse({ ...(title !== undefined ? { title } : {}), ...(Object.keys(meta).length ? { meta } : {}) });
    if (!parsed.success) {
      problems.push(`${where}: ${describeSchemaError(parsed.error).join('; ')}`);
      continue;
    }
    rows.push({ where, ...(typeof id === 'string' ? { id } : {}), ...(typeof sourceName === 'string' ? { sourceName } : {}), change: parsed.data });
  }
  return { rows, problems };
}

/// What applying a sidecar did, a line per row.
export interface SidecarReport {
  /// "<where>: <title>" of each document changed.
  updated: string[];
  /// Rows whose document already had those details.
  unchanged: string[];
  /// Rows that could not be applied, and why (the sidecar's own problems first).
  problems: string[];
}

/// Applies a sidecar's rows to the documents they name (a file name naming several documents is
/// a problem, not a guess).
export async function applySidecar(workspace: Workspace, sidecar: Sidecar): Promise<SidecarReport> {
  const report: SidecarReport = { updated: [], unchanged: [], problems: [...sidecar.problems] };
  for (const row of sidecar.rows) {
    const ids = row.id !== undefined ? (workspace.hasDocument(row.id) ? [row.id] : []) : workspace.documentIdsNamed(row.sourceName!);
    const named = row.id ?? `"${row.sourceName}"`;
    if (!ids.length) {
      report.problems.push(`${row.where}: no document ${named} in this workspace`);
      continue;
    }
    if (ids.length > 1) {
      report.problems.push(`${row.where}: ${ids.length} documents were imported from ${named} (${ids.join(', ')}); name one by its id`);
      continue;
    }
    const before = await workspace.readDocument(ids[0]);
    const after = editDocumentDetails(before, row.change).result;
    if (JSON.stringify(after) === JSON.stringify({ title: before.document.title, meta: before.document.meta })) {
      report.unchanged.push(`${row.where}: ${after.title}`);
      continue;
    }
    await workspace.updateDocument(ids[0], (file) => editDocumentDetails(file, row.change));
    report.updated.push(`${row.where}: ${after.title}`);
  }
  return report;
}
