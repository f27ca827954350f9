/// Figures grouped by what they count (DESIGN §11): one group per measure (spellings that differ
/// only in case and spacing are one measure, shown in its most used spelling), each figure with
/// the number of the group's figures it conflicts with. Figures without a measure form a group
/// of their own, last, never compared: what they count is not known.
import { groupConflicts } from '../quantities/intervals.js';
import { figureMeasureKey } from '../quantities/suggestMeasure.js';
import type { Quantity } from '../model.js';
import type { FigureKeyRow, FigureRow } from '../store/sqlIndex/compareQuery.js';
import { comparedSpan, type FigureGroup, type FigureGroupSummary, type FigureItem } from './compareReport.js';
import { outletKey } from './entityMentions.js';

/// One measure's figures (`rows`, in listing order, with their parsed quantities) and conflicts.
export interface MeasureGroup<R extends FigureKeyRow> {
  measure: string | null;
  rows: R[];
  quantities: Quantity[];
  /// Per row, the figures of the group it conflicts with.
  counts: number[];
  conflictTotal: number;
  /// The conflicting pairs `[i, j]`, i < j, when there are at most the limit asked for.
  pairs: [number, number][] | null;
}

/// The spelling of a measure used most (ties: the first met).
function mostUsed(spellings: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const s of spellings) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/// Groups `rows` (in the order the groups' figures are to be listed; a figure met twice, with two
/// sources recorded, is kept once) by measure, largest group first; each group's conflicting pairs
/// are listed when there are at most `pairLimit`.
export function groupByMeasure<R extends FigureKeyRow>(rows: readonly R[], pairLimit = Infinity): MeasureGroup<R>[] {
  const byMeasure = new Map<string | null, { spellings: string[]; rows: R[] }>();
  const seen = new Set<string>();
  for (const r of rows) {
    const id = `${r.documentId}\u0000${r.annotationId}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const key = figureMeasureKey(r.measure);
    const group = byMeasure.get(key) ?? { spellings: [], rows: [] };
    if (key !== null) group.spellings.push(r.measure!.trim());
    group.rows.push(r);
    byMeasure.set(key, group);
  }
  const groups: MeasureGroup<R>[] = [];
  for (const [key, group] of byMeasure) {
    const quantities = group.rows.map((r) => JSON.parse(r.quantity) as Quantity);
    if (key === null) {
      groups.push({ measure: null, rows: group.rows, quantities, counts: group.rows.map(() => 0), conflictTotal: 0, pairs: [] });
      continue;
    }
    const found = groupConflicts(
      group.rows.map((r, i) => ({ documentId: r.documentId, quantity: quantities[i] })),
      pairLimit,
    );
    groups.push({ measure: mostUsed(group.spellings), rows: group.rows, quantities, counts: found.counts, conflictTotal: found.total, pairs: found.pairs });
  }
  return groups.sort((x, y) => inGroupOrder({ measure: x.measure, figures: x.rows.length }, { measure: y.measure, figures: y.rows.length }));
}

/// The order groups are listed in: largest first, the figures without a measure last.
export function inGroupOrder(x: Pick<FigureGroupSummary, 'measure' | 'figures'>, y: Pick<FigureGroupSummary, 'measure' | 'figures'>): number {
  return Number(x.measure === null) - Number(y.measure === null) || y.figures - x.figures || (x.measure ?? '').localeCompare(y.measure ?? '');
}

/// A group in short, as the app lists it beside the figures.
export function groupSummary(g: MeasureGroup<FigureKeyRow>): FigureGroupSummary {
  return { measure: g.measure, figures: g.rows.length, outlets: new Set(g.rows.map((r) => outletKey(r.outlet))).size, conflictTotal: g.conflictTotal };
}

/// A figure as Compare lists it.
export function figureItem(r: FigureRow, quantity: Quantity, conflictCount: number): FigureItem {
  const source = r.sourceId !== null ? { annotationId: r.sourceId, text: r.sourceText ?? '', entityId: r.sourceEntity } : null;
  return { ...comparedSpan(r), quantity, source, annotator: r.annotator, before: r.before, after: r.after, conflictCount };
}

/// Every figure of `rows`, grouped by measure with its conflicts (what `awb compare` and the CSV
/// file list).
export function figureGroups(rows: readonly FigureRow[], pairLimit = Infinity): FigureGroup[] {
  return groupByMeasure(rows, pairLimit).map((g) => ({
    measure: g.measure,
    items: g.rows.map((r, i) => figureItem(r, g.quantities[i], g.counts[i])),
    conflicts: g.pairs,
    conflictTotal: g.conflictTotal,
  }));
}
