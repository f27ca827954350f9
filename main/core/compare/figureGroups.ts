/// Figures grouped by what they count (DESIGN §11): one group per measure (spellings that differ
/// only in case and spacing are one measure, shown in its most used spelling), each figure with
/// the number of the group's figures it conflicts with. Figures without a measure form a group
/// of their own, last, never compared: what they count is not known.
import { groupConflicts } from '../quantities/intervals.js';
import { measureKey } from '../quantities/suggestMeasure.js';
import type { Quantity } from '../model.js';
import type { FigureRow } from '../store/sqlIndex/compareQuery.js';
import type { FigureGroup, FigureItem } from './compareReport.js';

/// The figure items of `rows` with their measures (a figure with two sources recorded is listed
/// once).
function figureItems(rows: readonly FigureRow[]): { item: FigureItem; measure: string | null }[] {
  const seen = new Set<string>();
  const items: { item: FigureItem; measure: string | null }[] = [];
  for (const r of rows) {
    const key = `${r.documentId}\u0000${r.annotationId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const item: FigureItem = {
      documentId: r.documentId,
      annotationId: r.annotationId,
      start: r.start,
      end: r.end,
      text: r.text,
      outlet: r.outlet,
      publishedAt: r.publishedAt,
      quantity: JSON.parse(r.quantity) as Quantity,
      source: r.sourceId !== null ? { annotationId: r.sourceId, text: r.sourceText ?? '', entityId: r.sourceEntity } : null,
      title: r.title,
      annotator: r.annotator,
      before: r.before,
      after: r.after,
      at: { documentId: r.documentId, start: r.utf16Start, end: r.utf16End },
      conflictCount: 0,
    };
    items.push({ item, measure: r.measure });
  }
  return items;
}

/// The spelling of a measure used most (ties: the first met).
function mostUsed(spellings: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const s of spellings) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/// Groups `rows` (in the order the groups' items are to be listed) by measure, largest group
/// first; each group's conflicting pairs are listed when there are at most `pairLimit`.
export function figureGroups(rows: readonly FigureRow[], pairLimit = Infinity): FigureGroup[] {
  const byMeasure = new Map<string | null, { spellings: string[]; items: FigureItem[] }>();
  for (const { item, measure } of figureItems(rows)) {
    const key = measure === null ? null : measureKey(measure);
    const group = byMeasure.get(key) ?? { spellings: [], items: [] };
    if (measure !== null) group.spellings.push(measure.trim());
    group.items.push(item);
    byMeasure.set(key, group);
  }
  const groups: FigureGroup[] = [];
  for (const [key, group] of byMeasure) {
    if (key === null) {
      groups.push({ measure: null, items: group.items, conflicts: [], conflictTotal: 0 });
      continue;
    }
    const found = groupConflicts(group.items, pairLimit);
    group.items.forEach((item, i) => (item.conflictCount = found.counts[i]));
    groups.push({ measure: mostUsed(group.spellings), items: group.items, conflicts: found.pairs, conflictTotal: found.total });
  }
  return groups.sort((x, y) => Number(x.measure === null) - Number(y.measure === null) || y.items.length - x.items.length || (x.measure ?? '').localeCompare(y.measure ?? ''));
}
