/// Agreement between A and B (DESIGN §6): the three overall figures, each with what it counts; a
/// bar chart per label of exact and overlap F1 with the counts of A and B; and a table per
/// document (a row click opens that document). "—" stands for a figure with nothing to count,
/// its tooltip says why. Plain elements, no chart library.
import type { CSSProperties } from 'react';
import type { AgreementReport, Label } from '../../../preload/api';
import { barWidth, countsLine, formatFigure, labelRows, MEASURES, nullReason, overallValue, type Measure } from './agreementModel';

/// Props of {@link AgreementPanel}.
export interface AgreementPanelProps {
  report: AgreementReport | null;
  labels: readonly Label[];
  /// The document shown in the review.
  docId: string | null;
  /// Documents that have differences to review (the others cannot be opened here).
  reviewable: ReadonlySet<string>;
  loading: boolean;
  onOpenDocument(docId: string): void;
}

/// A figure, or "—" with the reason as its tooltip; `data-value` holds the exact number.
function Figure({ value, reason, digits = 2, testId }: { value: number | null; reason: string; digits?: number; testId?: string }) {
  return (
    <span
      className={value === null ? 'agreement-value is-null' : 'agreement-value'}
      data-testid={testId}
      data-value={value === null ? 'null' : String(value)}
      title={value === null ? reason : String(Number(value.toFixed(4)))}
    >
      {formatFigure(value, digits)}
    </span>
  );
}

function Overall({ report, measure }: { report: AgreementReport; measure: Measure }) {
  const value = overallValue(report, measure);
  return (
    <div className="agreement-figure" data-testid={`agreement-${measure}`}>
      <div className="agreement-figure-head">
        <span className="agreement-figure-name">{MEASURES[measure].name}</span>
        <Figure value={value} reason={nullReason(report, measure)} digits={3} testId={`agreement-${measure}-value`} />
      </div>
      <div className="agreement-meter" aria-hidden="true">
        <span style={{ width: `${barWidth(value)}%` }} />
      </div>
      <p className="agreement-explanation">{MEASURES[measure].explanation}</p>
      <p className="agreement-counts">{countsLine(report, measure)}</p>
    </div>
  );
}

function LabelBars({ report, labels }: { report: AgreementReport; labels: readonly Label[] }) {
  const rows = labelRows(report, labels);
  if (!rows.length) return <p className="agreement-empty">No labels used in the documents both annotated.</p>;
  const reason = 'Neither A nor B used this label in the documents both annotated.';
  return (
    <div className="label-bars" data-testid="label-bars">
      <div className="label-bars-legend" aria-hidden="true">
        <span className="legend-exact">exact</span>
        <span className="legend-overlap">overlap</span>
      </div>
      {rows.map((row) => (
        <div key={row.id} className="label-bar" data-testid="label-bar" data-label={row.id} style={{ '--chip-color': row.color } as CSSProperties}>
          <div className="label-bar-head">
            <span className="label-bar-name">{row.name}</span>
            <span className="label-bar-counts" title={`${row.countA} spans by A, ${row.countB} by B`}>
              A {row.countA} · B {row.countB}
            </span>
          </div>
          <div className="label-bar-rows">
            <div className="label-bar-row" title={`Exact F1: ${row.exactMatches} identical spans`}>
              <span className="label-bar-track">
                <span className="label-bar-fill is-exact" style={{ width: `${barWidth(row.exact)}%` }} />
              </span>
              <Figure value={row.exact} reason={reason} />
            </div>
            <div className="label-bar-row" title={`Overlap F1: ${row.overlapMatches} overlapping pairs`}>
              <span className="label-bar-track">
                <span className="label-bar-fill is-overlap" style={{ width: `${barWidth(row.overlap)}%` }} />
              </span>
              <Figure value={row.overlap} reason={reason} />
            </div>
          </div>
        </div>
      ))}
    </div>
  );
}

function DocumentTable({ report, docId, reviewable, onOpenDocument }: { report: AgreementReport; docId: string | null; reviewable: ReadonlySet<string>; onOpenDocument(id: string): void }) {
  if (!report.perDocument.length) return <p className="agreement-empty">No document has tags by both.</p>;
  const reason = 'Nothing to count in this document.';
  return (
    <table className="agreement-table" data-testid="agreement-documents">
      <thead>
        <tr>
          <th scope="col">Document</th>
          <th scope="col" title="Token kappa">κ</th>
          <th scope="col" title="Exact-span F1">Exact</th>
          <th scope="col" title="Overlap F1">Overlap</th>
        </tr>
      </thead>
      <tbody>
        {report.perDocument.map((d) => (
          <tr
            key={d.id}
            className={d.id === docId ? 'is-current' : undefined}
            data-testid="agreement-document"
            data-doc-id={d.id}
            onClick={reviewable.has(d.id) ? () => onOpenDocument(d.id) : undefined}
          >
            <th scope="row" title={d.title}>
              {d.title}
            </th>
            <td>
              <Figure value={d.kappa} reason={reason} />
            </td>
            <td>
              <Figure value={d.exactF1} reason={reason} />
            </td>
            <td>
              <Figure value={d.overlapF1} reason={reason} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/// `data-testid="agreement-panel"`.
export function AgreementPanel({ report, labels, docId, reviewable, loading, onOpenDocument }: AgreementPanelProps) {
  return (
    <aside className={`agreement-panel${loading ? ' is-loading' : ''}`} data-testid="agreement-panel" aria-label="Agreement" aria-busy={loading}>
      <header className="agreement-header">
        <h2 className="section-heading">Agreement</h2>
        {report && (
          <span className="agreement-scope" data-testid="agreement-scope">
            {report.documents} {report.documents === 1 ? 'document' : 'documents'} both tagged
          </span>
        )}
      </header>
      {!report ? (
        <p className="agreement-empty">Choose two annotators to compare.</p>
      ) : (
        <div className="agreement-body">
          {(['kappa', 'exact', 'overlap'] as const).map((m) => (
            <Overall key={m} report={report} measure={m} />
          ))}
          <h3 className="section-heading agreement-subtitle">Per label</h3>
          <LabelBars report={report} labels={labels} />
          <h3 className="section-heading agreement-subtitle">Per document</h3>
          <DocumentTable report={report} docId={docId} reviewable={reviewable} onOpenDocument={onOpenDocument} />
        </div>
      )}
    </aside>
  );
}
