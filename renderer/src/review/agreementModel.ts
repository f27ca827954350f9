/// What the agreement panel shows, worked out from an `AgreementReport` (DESIGN §6): figures as
/// text ("—" when there is nothing to count, with the reason), the one-line explanation of each
/// measure, and the per-label rows in the workspace's label order. Pure.
import type { AgreementReport, Label } from '../../../preload/api';

/// A figure as the panel prints it: two decimals by default, "—" for null.
export function formatFigure(value: number | null, digits = 2): string {
  return value === null ? '—' : value.toFixed(digits);
}

/// The overall measures, in the order shown.
export type Measure = 'kappa' | 'exact' | 'overlap';

/// Each measure's name and what it counts.
export const MEASURES: Record<Measure, { name: string; explanation: string }> = {
  kappa: {
    name: 'Token kappa',
    explanation: "Agreement on each token's label beyond chance (Cohen's κ); untagged tokens count as “O”.",
  },
  exact: {
    name: 'Exact-span F1',
    explanation: 'Spans with the same start, end and label: 2·matches / (A + B).',
  },
  overlap: {
    name: 'Overlap F1',
    explanation: 'Same-label spans that overlap, paired one to one, largest overlap first.',
  },
};

/// The overall value of a measure.
export function overallValue(report: AgreementReport, measure: Measure): number | null {
  return measure === 'kappa' ? report.kappa : report[measure].f1;
}

/// Why a measure has no value, for the tooltip of its "—".
export function nullReason(report: AgreementReport, measure: Measure): string {
  if (report.documents === 0) return `No document has annotations by both ${report.a} and ${report.b}, so there is nothing to compare.`;
  if (measure === 'kappa') return 'The documents both annotated have no tokens to compare.';
  return 'Neither annotator has a span here.';
}

/// The counts behind an overall figure, as a short line.
export function countsLine(report: AgreementReport, measure: Measure): string {
  if (measure === 'kappa') return `${report.tokens.toLocaleString('en-US')} tokens in ${report.documents} ${report.documents === 1 ? 'document' : 'documents'}`;
  const f = report[measure];
  return `${f.matches} ${f.matches === 1 ? 'pair' : 'pairs'} · A ${f.countA} · B ${f.countB}`;
}

/// One label's row of the bar chart.
export interface LabelRow {
  id: string;
  name: string;
  color: string;
  countA: number;
  countB: number;
  exact: number | null;
  overlap: number | null;
  exactMatches: number;
  overlapMatches: number;
}

/// Per-label rows, in the workspace's label order, then any label the report has that the
/// workspace does not (shown by id, in grey).
export function labelRows(report: AgreementReport, labels: readonly Label[]): LabelRow[] {
  const ids = Object.keys(report.exact.perLabel);
  const known = labels.filter((l) => ids.includes(l.id));
  const unknown = ids.filter((id) => !labels.some((l) => l.id === id)).sort();
  return [...known.map((l) => ({ id: l.id, name: l.name, color: l.color })), ...unknown.map((id) => ({ id, name: id, color: '#7a7a7a' }))].map(
    ({ id, name, color }) => {
      const exact = report.exact.perLabel[id];
      const overlap = report.overlap.perLabel[id];
      return {
        id,
        name,
        color,
        countA: exact.countA,
        countB: exact.countB,
        exact: exact.f1,
        overlap: overlap?.f1 ?? null,
        exactMatches: exact.matches,
        overlapMatches: overlap?.matches ?? 0,
      };
    },
  );
}

/// A bar's width in percent of the track for a figure in [0, 1] (kappa may be negative: 0).
export function barWidth(value: number | null): number {
  if (value === null || !Number.isFinite(value)) return 0;
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 10;
}
