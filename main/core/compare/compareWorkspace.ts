/// Compare (DESIGN §11) over a workspace: each part asked of the SQL index (never of the document
/// files, so that it stays fast over 100,000 articles) and shaped by its own module.
import type { Workspace } from '../store/workspace.js';
import { RELATION_ENDS } from '../annotations.js';
import {
  annotatorCounts,
  documentTotal,
  entityFormRows,
  figureKeyRows,
  figureRows,
  figureRowsOf,
  layerSpanRows,
  measureFigureKeyRows,
  outletDocumentCounts,
  outletLabelRows,
  quoteRows,
  quoteRowsOf,
  quoteSpeakerRows,
  topDocumentLabelRows,
  type CompareFilter,
  type FigureKeyRow,
  type QuoteSpeakerRow,
} from '../store/sqlIndex/compareQuery.js';
import { entitySummaries, measureSummaries, NO_MEASURE_KEY } from '../store/sqlIndex/compareSummaryQuery.js';
import type { CompareReport, EntityAcrossOutlets, EntityOutlet, FigureChoice, FigureGroup, FigureGroupSummary, FigurePage, LabelCharts, QuoteCursor, QuoteGroup, QuotePage } from './compareReport.js';
import { refreshCompareSummaries } from './compareSummaries.js';
import { entitiesAcrossOutlets, entitiesByOutlet, entityComparisons, inOutletOrder } from './entityMentions.js';
import { figureGroups, figureItem, groupByMeasure, groupSummary, inGroupOrder, type MeasureGroup } from './figureGroups.js';
import { agreementPerLabel, CHART_DOCUMENTS, labelCounts } from './labelCharts.js';
import { bySpeaker, quoteGroups } from './quoteGroups.js';
import { figureMeasureKey } from '../quantities/suggestMeasure.js';

/// Figures (and about as many quotes) the app is sent at a time.
export const COMPARE_PAGE = 1000;

/// Figures by measure, with conflicts (pairs listed up to `pairLimit` per group).
export async function compareFigures(workspace: Workspace, filter: CompareFilter, pairLimit = Infinity): Promise<FigureGroup[]> {
  const groups = figureGroups(await workspace.queryIndex((db) => figureRows(db, filter)), pairLimit);
  // A source linked to an entity no longer in the list is linked to none.
  const known = new Set(workspace.entities.map((e) => e.id));
  for (const item of groups.flatMap((g) => g.items)) if (item.source?.entityId && !known.has(item.source.entityId)) item.source.entityId = null;
  return groups;
}

/// The figure groups a filter selects in short, and a way to read one of them whole.
interface FigureGroupsFound {
  summaries: (FigureGroupSummary & { key: string | null })[];
  read(index: number): Promise<MeasureGroup<FigureKeyRow> | undefined>;
}

/// The groups of the whole corpus from the index's summaries (a group read when chosen), or, under
/// a filter or where the summaries cannot be brought up to date, from every figure it selects.
async function findFigureGroups(workspace: Workspace, filter: CompareFilter, pairLimit: number): Promise<FigureGroupsFound> {
  const kept = coversAll(filter) ? await workspace.queryIndex((db) => (refreshCompareSummaries(db) ? measureSummaries(db) : null)) : null;
  if (kept) {
    const summaries = kept
      .map((r) => ({ key: r.key === NO_MEASURE_KEY ? null : r.key, measure: r.measure, figures: r.figures, outlets: r.outlets, conflictTotal: r.conflicts }))
      .sort(inGroupOrder);
    const read = async (i: number) => groupByMeasure(await workspace.queryIndex((db) => measureFigureKeyRows(db, summaries[i].key)), pairLimit)[0];
    return { summaries, read };
  }
  const groups = groupByMeasure(await workspace.queryIndex((db) => figureKeyRows(db, filter)), pairLimit);
  return { summaries: groups.map((g) => ({ key: figureMeasureKey(g.measure), ...groupSummary(g) })), read: async (i) => groups[i] };
}

/// The app's Figures tab: every group in short and a page of the group chosen. The groups and
/// their conflicts come from the figures' measures and quantities alone; the page's figures are
/// then read with their text, sentence and source.
export async function compareFigurePage(workspace: Workspace, filter: CompareFilter, choice: FigureChoice, pairLimit: number, pageSize = COMPARE_PAGE): Promise<FigurePage> {
  const found = await findFigureGroups(workspace, filter, pairLimit);
  const groups = found.summaries.map(({ key: _key, ...summary }) => summary);
  const wanted = choice.measure === undefined ? undefined : figureMeasureKey(choice.measure);
  const at = wanted === undefined ? 0 : found.summaries.findIndex((g) => g.key === wanted);
  const chosen = at >= 0 && at < groups.length ? at : groups.length ? 0 : -1;
  const group = chosen < 0 ? undefined : await found.read(chosen);
  if (!group) return { groups, chosen: -1, offset: 0, items: [], conflicts: [] };
  const offset = Math.min(choice.offset ?? 0, group.rows.length);
  const page = group.rows.slice(offset, offset + pageSize);
  const full = new Map((await workspace.queryIndex((db) => figureRowsOf(db, page))).map((r) => [`${r.documentId}\u0000${r.annotationId}`, r]));
  const items = page.flatMap((r, i) => {
    const row = full.get(`${r.documentId}\u0000${r.annotationId}`);
    return row ? [figureItem(row, group.quantities[offset + i], group.counts[offset + i])] : [];
  });
  const whole = offset === 0 && page.length === group.rows.length;
  return { groups, chosen, offset, items, conflicts: whole ? group.pairs : null };
}

/// Quotes by speaker and near-identical words.
export async function compareQuotes(workspace: Workspace, filter: CompareFilter): Promise<QuoteGroup[]> {
  const rows = await workspace.queryIndex((db) => quoteRows(db, filter, RELATION_ENDS.speaker.from));
  return quoteGroups(rows, workspace.entities);
}

/// The app's Quotes tab: from `from` on, statements until they hold `pageSize` quotes (one at
/// least). Only which speaker each quote has is read of them all; the text of a speaker's quotes
/// when its statements are listed.
export async function compareQuotePage(workspace: Workspace, filter: CompareFilter, from: QuoteCursor, pageSize = COMPARE_PAGE): Promise<QuotePage> {
  return workspace.queryIndex((db) => {
    const keys = quoteSpeakerRows(db, filter, RELATION_ENDS.speaker.from);
    // A quote with two speakers recorded is listed under the first.
    const first = new Map<string, QuoteSpeakerRow>();
    for (const k of keys) {
      const id = `${k.doc}\u0000${k.annotationId}`;
      const met = first.get(id);
      if (!met || (k.link !== null && met.link !== null && k.link < met.link)) first.set(id, k);
    }
    const speakers = bySpeaker([...first.values()], workspace.entities);
    const groups: QuoteGroup[] = [];
    let quotes = 0;
    let at = { ...from };
    while (at.speaker < speakers.length && (groups.length === 0 || quotes < pageSize)) {
      const statements = quoteGroups(quoteRowsOf(db, speakers[at.speaker].rows), workspace.entities);
      while (at.statement < statements.length && (groups.length === 0 || quotes + statements[at.statement].items.length <= pageSize)) {
        groups.push(statements[at.statement]);
        quotes += statements[at.statement].items.length;
        at.statement++;
      }
      if (at.statement < statements.length) break;
      at = { speaker: at.speaker + 1, statement: 0 };
    }
    return { speakers: speakers.length, quotes: first.size, from, next: at.speaker < speakers.length ? at : null, groups };
  });
}

/// Entities by outlet (the app's table): over the whole corpus from the index's summaries.
export async function compareEntityOutlets(workspace: Workspace, filter: CompareFilter): Promise<EntityAcrossOutlets[]> {
  const kept = coversAll(filter) ? await workspace.queryIndex((db) => (refreshCompareSummaries(db) ? entitySummaries(db) : null)) : null;
  if (!kept) return entitiesAcrossOutlets(await workspace.queryIndex((db) => entityFormRows(db, filter)), workspace.entities);
  const outletsOf = new Map<string, EntityOutlet[]>();
  for (const { entity, row } of kept) {
    const list = outletsOf.get(entity);
    if (list) list.push(JSON.parse(row) as EntityOutlet);
    else outletsOf.set(entity, [JSON.parse(row) as EntityOutlet]);
  }
  for (const list of outletsOf.values()) list.sort(inOutletOrder);
  return entitiesByOutlet(outletsOf, workspace.entities);
}

/// The charts' counts (from the index's tallies of annotations per document and label); agreement
/// between `pair` (or the two annotators with the most annotations in the filtered set), when two
/// annotated.
export async function compareCharts(workspace: Workspace, filter: CompareFilter, pair?: [string, string]): Promise<LabelCharts> {
  return workspace.queryIndex((db) => {
    const annotators = annotatorCounts(db, filter).map((r) => ({ name: r.annotator, annotations: r.count }));
    const [a, b] = pair ?? [annotators[0]?.name, annotators[1]?.name];
    const agreement = a !== undefined && b !== undefined && a !== b ? agreementPerLabel(layerSpanRows(db, filter, a, b), a, b) : null;
    const source = {
      outletLabels: outletLabelRows(db, filter),
      outletDocuments: outletDocumentCounts(db, filter),
      topDocuments: topDocumentLabelRows(db, filter, CHART_DOCUMENTS),
      documentTotal: documentTotal(db, filter),
    };
    return {
      ...labelCounts(
        source,
        workspace.labels.map((l) => l.id),
      ),
      annotators,
      agreement: agreement?.documents ? agreement : null,
    };
  });
}

/// Whether `filter` selects the whole corpus (what the index keeps summaries of).
function coversAll(filter: CompareFilter): boolean {
  return Object.values(filter).every((v) => v === undefined);
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
