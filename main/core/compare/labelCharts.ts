/// The counts Compare's charts draw (DESIGN §11): annotations per label in each outlet and in the
/// documents with the most, and — where two annotators tagged the same documents — exact- and
/// overlap-span F1 per label between them, from the index's spans alone.
import { exactMatches, F1Tally, overlapMatches } from '../agreement.js';
import type { DocumentLabelRow, LayerSpanRow, OutletLabelRow } from '../store/sqlIndex/compareQuery.js';
import type { LabelCharts } from './compareReport.js';

/// Documents the per-document chart shows at most (those with the most annotations).
export const CHART_DOCUMENTS = 40;

/// What the label charts are drawn from: the counts per outlet and label, the documents per
/// outlet, and the label counts of the documents with the most annotations (most first).
export interface LabelCountSource {
  outletLabels: readonly OutletLabelRow[];
  outletDocuments: readonly { outlet: string | null; documents: number }[];
  topDocuments: readonly DocumentLabelRow[];
  documentTotal: number;
}

/// The label counts per outlet and per document.
export function labelCounts(source: LabelCountSource, labelOrder: readonly string[]): Pick<LabelCharts, 'labels' | 'outlets' | 'documents' | 'documentTotal'> {
  const outletKey = (outlet: string | null) => outlet?.toLowerCase() ?? '';
  const outlets = new Map<string, LabelCharts['outlets'][number]>();
  for (const o of source.outletDocuments) {
    // SQLite folds the case of ASCII letters only: outlets it told apart are one here.
    const outlet = outlets.get(outletKey(o.outlet));
    if (outlet) outlet.documents += o.documents;
    else outlets.set(outletKey(o.outlet), { outlet: o.outlet, documents: o.documents, counts: {} });
  }
  const used = new Set<string>();
  for (const r of source.outletLabels) {
    used.add(r.label);
    const outlet = outlets.get(outletKey(r.outlet));
    if (outlet) outlet.counts[r.label] = (outlet.counts[r.label] ?? 0) + r.count;
  }
  const documents = new Map<string, LabelCharts['documents'][number]>();
  for (const r of source.topDocuments) {
    const doc = documents.get(r.documentId) ?? { documentId: r.documentId, title: r.title, outlet: r.outlet, counts: {} };
    doc.counts[r.label] = r.count;
    documents.set(r.documentId, doc);
  }
  // The workspace's labels in their order, then any other label met (from a colleague's file).
  const labels = [...labelOrder.filter((l) => used.has(l)), ...[...used].filter((l) => !labelOrder.includes(l)).sort()];
  return {
    labels,
    outlets: [...outlets.values()].sort((x, y) => Number(x.outlet === null) - Number(y.outlet === null) || (x.outlet ?? '').localeCompare(y.outlet ?? '')),
    documents: [...documents.values()].slice(0, CHART_DOCUMENTS),
    documentTotal: source.documentTotal,
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
