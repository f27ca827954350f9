/// The counts Compare's charts draw (DESIGN §11): annotations per label in each outlet and in the
/// documents with the most, and — where two annotators tagged the same documents — exact- and
/// overlap-span F1 per label between them, from the index's spans alone.
import { exactMatches, F1Tally, overlapMatches } from '../agreement.js';
import type { LabelCountRow, LayerSpanRow } from '../store/sqlIndex/compareQuery.js';
import type { LabelCharts } from './compareReport.js';

/// Documents the per-document chart shows at most (those with the most annotations).
export const CHART_DOCUMENTS = 40;

/// Label counts per outlet and per document, from `rows` (by document).
export function labelCounts(rows: readonly LabelCountRow[], labelOrder: readonly string[]): Pick<LabelCharts, 'labels' | 'outlets' | 'documents' | 'documentTotal'> {
  const outlets = new Map<string, LabelCharts['outlets'][number] & { ids: Set<string> }>();
  const documents = new Map<string, LabelCharts['documents'][number] & { total: number }>();
  const used = new Set<string>();
  for (const r of rows) {
    used.add(r.label);
    const key = r.outlet?.toLowerCase() ?? '';
    const outlet = outlets.get(key) ?? { outlet: r.outlet, documents: 0, counts: {}, ids: new Set<string>() };
    outlet.ids.add(r.documentId);
    outlet.counts[r.label] = (outlet.counts[r.label] ?? 0) + r.count;
    outlets.set(key, outlet);
    const doc = documents.get(r.documentId) ?? { documentId: r.documentId, title: r.title, outlet: r.outlet, counts: {}, total: 0 };
    doc.counts[r.label] = (doc.counts[r.label] ?? 0) + r.count;
    doc.total += r.count;
    documents.set(r.documentId, doc);
  }
  // The workspace's labels in their order, then any other label met (from a colleague's file).
  const labels = [...labelOrder.filter((l) => used.has(l)), ...[...used].filter((l) => !labelOrder.includes(l)).sort()];
  return {
    labels,
    outlets: [...outlets.values()]
      .map(({ ids, ...o }) => ({ ...o, documents: ids.size }))
      .sort((x, y) => Number(x.outlet === null) - Number(y.outlet === null) || (x.outlet ?? '').localeCompare(y.outlet ?? '')),
    documents: [...documents.values()]
      .sort((x, y) => y.total - x.total)
      .slice(0, CHART_DOCUMENTS)
      .map(({ total: _total, ...d }) => d),
    documentTotal: documents.size,
  };
}

/// F1 per label between annotators `a` and `b` over `rows` (their spans in the documents both
/// annotated, by document), exact and overlapping spans.
export function agreementPerLabel(rows: readonly LayerSpanRow[], a: string, b: string): NonNullable<LabelCharts['agreement']> {
  const exact = new F1Tally();
  const overlap = new F1Tally();
  let documents = 0;
  for (let i = 0; i < rows.length; ) {
    const doc = rows[i].doc;
    const spansA: LayerSpanRow[] = [];
    const spansB: LayerSpanRow[] = [];
    for (; i < rows.length && rows[i].doc === doc; i++) (rows[i].annotator === a ? spansA : spansB).push(rows[i]);
    documents++;
    exact.add(exactMatches(spansA, spansB), spansA, spansB);
    overlap.add(overlapMatches(spansA, spansB), spansA, spansB);
  }
  return { a, b, documents, exact: exact.figures().perLabel, overlap: overlap.figures().perLabel };
}
