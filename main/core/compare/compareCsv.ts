/// Compare's tables as CSV files (DESIGN §11): one header row, a row per row of the table shown
/// (offsets in code points), written as the CSV export writes (RFC 4180 quoting, CRLF, cells a
/// spreadsheet would run as a formula prefixed with `'`), so that each opens in a spreadsheet as
/// the app shows it.
import { stringify } from 'csv-stringify/sync';
import type { Entity } from '../model.js';
import { protectCell } from '../export/exportCsv.js';
import type { CompareFilter } from '../store/sqlIndex/compareQuery.js';
import type { Workspace } from '../store/workspace.js';
import type { EntityAcrossOutlets, FigureGroup, LabelCharts, QuoteGroup } from './compareReport.js';
import { compareCharts, compareEntityOutlets, compareFigures, compareQuotes } from './compareWorkspace.js';
import { speakerName } from './quoteGroups.js';

/// The tables of Compare that export as CSV (`counts`: the tags per outlet of the charts).
export const COMPARE_TABLES = ['figures', 'quotes', 'entities', 'counts'] as const;
export type CompareTable = (typeof COMPARE_TABLES)[number];

type Cell = string | number | boolean | null;

function csv(header: string[], rows: Cell[][]): string {
  const cell = (c: Cell) => (c === null ? '' : typeof c === 'string' ? protectCell(c) : typeof c === 'boolean' ? String(c) : c);
  return stringify([header, ...rows.map((r) => r.map(cell))], { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}

/// Figures, a row per figure with its measure, interval and conflicts (offsets in code points).
export function figuresCsv(groups: readonly FigureGroup[], entityName: (id: string) => string | undefined): string {
  return csv(
    ['measure', 'outlet', 'published_at', 'document_id', 'title', 'annotation_id', 'start', 'end', 'text', 'context', 'low', 'high', 'low_inclusive', 'high_inclusive', 'approximate', 'qualifier', 'unit', 'source_text', 'source_entity', 'conflicts'],
    groups.flatMap((g) =>
      g.items.map((f) => [
        g.measure,
        f.outlet,
        f.publishedAt,
        f.documentId,
        f.title,
        f.annotationId,
        f.start,
        f.end,
        f.text,
        `${f.before}${f.text}${f.after}`,
        f.quantity.low,
        f.quantity.high,
        f.quantity.lowInclusive,
        f.quantity.highInclusive,
        f.quantity.approximate,
        f.quantity.qualifier,
        f.quantity.unit,
        f.source?.text ?? null,
        f.source?.entityId ? (entityName(f.source.entityId) ?? null) : null,
        f.conflictCount,
      ]),
    ),
  );
}

/// Quotes, a row per quote with its speaker and group (quotes of one group are nearly the same).
export function quotesCsv(groups: readonly QuoteGroup[]): string {
  return csv(
    ['speaker', 'speaker_entity_id', 'group', 'outlet', 'published_at', 'document_id', 'title', 'annotation_id', 'start', 'end', 'text'],
    groups.flatMap((g, n) =>
      g.items.map((q) => [speakerName(g.speaker), g.speaker && 'entityId' in g.speaker ? g.speaker.entityId : null, n + 1, q.outlet, q.publishedAt, q.documentId, q.title, q.annotationId, q.start, q.end, q.text]),
    ),
  );
}

/// Entities × outlets, a row per entity and outlet with its forms (most used first).
export function entitiesCsv(entities: readonly EntityAcrossOutlets[]): string {
  return csv(
    ['entity_id', 'name', 'type', 'outlet', 'documents', 'mentions', 'forms'],
    entities.flatMap((e) => e.outlets.map((o) => [e.id, e.name, e.type, o.outlet, o.documents, o.mentions, o.forms.map((f) => `${f.form} (${f.mentions})`).join('; ')])),
  );
}

/// Label counts per outlet.
export function labelCountsCsv(charts: LabelCharts): string {
  return csv(
    ['outlet', 'documents', ...charts.labels],
    charts.outlets.map((o) => [o.outlet, o.documents, ...charts.labels.map((l) => o.counts[l] ?? 0)]),
  );
}

/// Table `table` of Compare over `filter`, as a CSV file's name and text.
export async function compareCsv(workspace: Workspace, table: CompareTable, filter: CompareFilter): Promise<{ fileName: string; text: string }> {
  const names = new Map(workspace.entities.map((e: Entity) => [e.id, e.name]));
  switch (table) {
    case 'figures':
      return { fileName: 'figures.csv', text: figuresCsv(await compareFigures(workspace, filter, 0), (id) => names.get(id)) };
    case 'quotes':
      return { fileName: 'quotes.csv', text: quotesCsv(await compareQuotes(workspace, filter)) };
    case 'entities':
      return { fileName: 'entities-by-outlet.csv', text: entitiesCsv(await compareEntityOutlets(workspace, filter)) };
    case 'counts':
      return { fileName: 'tags-per-outlet.csv', text: labelCountsCsv(await compareCharts(workspace, filter)) };
  }
}
