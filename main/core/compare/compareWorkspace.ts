/// Compare (DESIGN §11) over a workspace: each part asked of the SQL index (never of the document
/// files, so that it stays fast over 100,000 articles) and shaped by its own module.
import type { Workspace } from '../store/workspace.js';
import { RELATION_ENDS } from '../annotations.js';
import {
  annotatorCounts,
  entityFormRows,
  figureKeyRows,
  figureRows,
  figureRowsOf,
  labelCountRows,
  layerSpanRows,
  quoteRows,
  type CompareFilter,
} from '../store/sqlIndex/compareQuery.js';
import type { CompareReport, EntityAcrossOutlets, FigureChoice, FigureGroup, FigurePage, LabelCharts, QuoteGroup, QuotePage } from './compareReport.js';
import { entitiesAcrossOutlets, entityComparisons } from './entityMentions.js';
import { figureGroups, figureItem, groupByMeasure } from './figureGroups.js';
import { measureKey } from '../quantities/suggestMeasure.js';

/// Figures (and about as many quotes) the app is sent at a time.
export const COMPARE_PAGE = 1000;
import { agreementPerLabel, labelCounts } from './labelCharts.js';
import { quoteGroups } from './quoteGroups.js';

/// Figures by measure, with conflicts (pairs listed up to `pairLimit` per group).
export async function compareFigures(workspace: Workspace, filter: CompareFilter, pairLimit = Infinity): Promise<FigureGroup[]> {
  const groups = figureGroups(await workspace.queryIndex((db) => figureRows(db, filter)), pairLimit);
  // A source linked to an entity no longer in the list is linked to none.
  const known = new Set(workspace.entities.map((e) => e.id));
  for (const item of groups.flatMap((g) => g.items)) if (item.source?.entityId && !known.has(item.source.entityId)) item.source.entityId = null;
  return groups;
}

/// The app's Figures tab: every group in short and a page of the group chosen. The groups and
/// their conflicts come from the figures' measures and quantities alone; the page's figures are
/// then read with their text, sentence and source.
export async function compareFigurePage(workspace: Workspace, filter: CompareFilter, choice: FigureChoice, pairLimit: number, pageSize = COMPARE_PAGE): Promise<FigurePage> {
  const groups = groupByMeasure(await workspace.queryIndex((db) => figureKeyRows(db, filter)), pairLimit);
  const wanted = choice.measure === undefined ? undefined : choice.measure === null ? null : measureKey(choice.measure);
  const found = wanted === undefined ? 0 : groups.findIndex((g) => (g.measure === null ? wanted === null : wanted !== null && measureKey(g.measure) === wanted));
  const chosen = found >= 0 && found < groups.length ? found : groups.length ? 0 : -1;
  const summaries = groups.map((g) => ({ measure: g.measure, figures: g.rows.length, outlets: new Set(g.rows.map((r) => r.outlet?.toLowerCase() ?? '')).size, conflictTotal: g.conflictTotal }));
  if (chosen < 0) return { groups: summaries, chosen, offset: 0, items: [], conflicts: [] };
  const group = groups[chosen];
  const offset = Math.min(choice.offset ?? 0, group.rows.length);
  const page = group.rows.slice(offset, offset + pageSize);
  const full = new Map((await workspace.queryIndex((db) => figureRowsOf(db, page))).map((r) => [`${r.documentId}\u0000${r.annotationId}`, r]));
  const items = page.flatMap((r, i) => {
    const row = full.get(`${r.documentId}\u0000${r.annotationId}`);
    return row ? [figureItem(row, group.quantities[offset + i], group.counts[offset + i])] : [];
  });
  const whole = offset === 0 && page.length === group.rows.length;
  return { groups: summaries, chosen, offset, items, conflicts: whole ? group.pairs : null };
}

/// Quotes by speaker and near-identical words.
export async function compareQuotes(workspace: Workspace, filter: CompareFilter): Promise<QuoteGroup[]> {
  const rows = await workspace.queryIndex((db) => quoteRows(db, filter, RELATION_ENDS.speaker.from));
  return quoteGroups(rows, workspace.entities);
}

/// The app's Quotes tab: the statements from `offset` on, as many as hold `pageSize` quotes (at
/// least one).
export async function compareQuotePage(workspace: Workspace, filter: CompareFilter, offset: number, pageSize = COMPARE_PAGE): Promise<QuotePage> {
  const all = await compareQuotes(workspace, filter);
  const groups: QuoteGroup[] = [];
  let quotes = 0;
  for (let i = offset; i < all.length && (groups.length === 0 || quotes + all[i].items.length <= pageSize); i++) {
    groups.push(all[i]);
    quotes += all[i].items.length;
  }
  return { total: all.length, offset, groups };
}

/// Entities by outlet (the app's table).
export async function compareEntityOutlets(workspace: Workspace, filter: CompareFilter): Promise<EntityAcrossOutlets[]> {
  return entitiesAcrossOutlets(await workspace.queryIndex((db) => entityFormRows(db, filter)), workspace.entities);
}

/// The charts' counts; agreement between `pair` (or the two annotators with the most annotations
/// in the filtered set), when two annotated.
export async function compareCharts(workspace: Workspace, filter: CompareFilter, pair?: [string, string]): Promise<LabelCharts> {
  return workspace.queryIndex((db) => {
    const annotators = annotatorCounts(db, filter).map((r) => ({ name: r.annotator, annotations: r.count }));
    const [a, b] = pair ?? [annotators[0]?.name, annotators[1]?.name];
    const agreement = a !== undefined && b !== undefined && a !== b ? agreementPerLabel(layerSpanRows(db, filter, a, b), a, b) : null;
    return {
      ...labelCounts(
        labelCountRows(db, filter),
        workspace.labels.map((l) => l.id),
      ),
      annotators,
      agreement: agreement?.documents ? agreement : null,
    };
  });
}

/// Everything `awb compare --json` prints, with every conflicting pair.
export async function compareReport(workspace: Workspace, filter: CompareFilter): Promise<CompareReport> {
  const [figures, quotes, entityRows] = [await compareFigures(workspace, filter), await compareQuotes(workspace, filter), await workspace.queryIndex((db) => entityFormRows(db, filter))];
  return { figures, quotes, entities: entityComparisons(entityRows, workspace.entities) };
}

/// `report` in the shape `awb compare --json` prints, key for key (what only the app uses left out).
export function compareJson(report: CompareReport): unknown {
  return {
    figures: report.figures.map((g) => ({
      measure: g.measure,
      items: g.items.map(({ documentId, annotationId, start, end, text, outlet, publishedAt, quantity, source }) => ({
        documentId,
        annotationId,
        start,
        end,
        text,
        outlet,
        publishedAt,
        quantity: { low: quantity.low, high: quantity.high, lowInclusive: quantity.lowInclusive, highInclusive: quantity.highInclusive, approximate: quantity.approximate, qualifier: quantity.qualifier, unit: quantity.unit },
        source,
      })),
      conflicts: g.conflicts ?? [],
    })),
    quotes: report.quotes.map((g) => ({
      speaker: g.speaker,
      items: g.items.map(({ documentId, annotationId, start, end, text, outlet }) => ({ documentId, annotationId, start, end, text, outlet })),
    })),
    entities: report.entities.map(({ id, name, type, documents }) => ({ id, name, type, documents })),
  };
}
