/// Compare's tables as CSV files (one header row, a row per table row; RFC 4180 quoting by
/// csv-stringify's browser build), so that each opens in a spreadsheet as shown.
import { stringify } from 'csv-stringify/browser/esm/sync';
import { saveBlob } from '../export/download';
import type { EntityAcrossOutlets, FigureGroup, LabelCharts, QuoteGroup, Speaker } from '../../../preload/api';

type Cell = string | number | boolean | null;

function csv(header: string[], rows: Cell[][]): string {
  return stringify([header, ...rows.map((r) => r.map((c) => (c === null ? '' : c)))], { record_delimiter: '\r\n', cast: { boolean: (b) => (b ? 'true' : 'false') } });
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

/// The name a speaker is listed under.
export function speakerName(speaker: Speaker): string {
  return speaker === null ? '' : 'name' in speaker ? speaker.name : speaker.text;
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

/// Offers `text` as a CSV download named `fileName`.
export function saveCsv(fileName: string, text: string): void {
  saveBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), fileName);
}
