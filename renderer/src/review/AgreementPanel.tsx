/// Agreement between A and B (DESIGN §6): the three overall figures of their own work, before
/// adjudication (deciding never changes them), each with what it counts; beside them, once there
/// is a curated layer, each annotator against it (after adjudication); a bar chart per label of
/// exact and overlap F1 with the counts of A and B; and a table per document (a row click opens
/// that document). "—" stands for a figure with nothing to count, its tooltip says why. Plain
/// elements, no chart library.
import type { CSSProperties } from 'react';
import type { AgreementReport, Label } from '../../../preload/api';
import { barWidth, countsLine, formatFigure, labelRows, MEASURES, nullReason, overallValue, type Measure } from './agreementModel';

/// Props of {@link AgreementPanel}.
export interface AgreementPanelProps {
  report: AgreementReport | null;
  /// A and B each against the curated layer, once there is one.
  curated: { a: AgreementReport; b: AgreementReport } | null;
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

/// Before and after adjudication side by side: A against B, and each against the curated layer.
function Adjudication({ report, curated }: { report: AgreementReport; curated: { a: AgreementReport; b: AgreementReport } | null }) {
  const columns = [
    { key: 'before', head: 'A vs B', title: `${report.a} against ${report.b}: their own work, before adjudication`, r: report },
    ...(curated
      ? [
          { key: 'after-a', head: 'A vs curated', title: `${report.a} against the curated layer (${curated.a.documents} documents)`, r: curated.a },
          { key: 'after-b', head: 'B vs curated', title: `${report.b} against the curated layer (${curated.b.documents} documents)`, r: curated.b },
        ]
      : []),
  ];
  return (
    <table className="agreement-table adjudication-table" data-testid="adjudication-table">
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">Measure</span>
          </th>
          {columns.map((c) => (
            <th key={c.key} scope="col" title={c.title}>
              {c.head}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {(['kappa', 'exact', 'overlap'] as const).map((m) => (
          <tr key={m}>
            <th scope="row">{MEASURES[m].name}</th>
            {columns.map((c) => (
              <td key={c.key} data-testid={`adjudication-${c.key}-${m}`}>
                <Figure value={overallValue(c.r, m)} reason={nullReason(c.r, m)} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/// `data-testid="agreement-panel"`; focusable, so that the keyboard can scroll it (it holds
/// figures, nothing else to focus).
export function AgreementPanel({ report, curated, labels, docId, reviewable, loading, onOpenDocument }: AgreementPanelProps) {
  return (
    <aside className={`agreement-panel${loading ? ' is-loading' : ''}`} data-testid="agreement-panel" aria-label="Agreement" aria-busy={loading} tabIndex={0}>
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
          <p className="agreement-note" data-testid="agreement-before-note">
            Before adjudication: A's and B's own tags. Decisions go into the curated layer and never change these.
          </p>
          {(['kappa', 'exact', 'overlap'] as const).map((m) => (
            <Overall key={m} report={report} measure={m} />
          ))}
          <h3 className="section-heading agreement-subtitle">Before and after adjudication</h3>
          <Adjudication report={report} curated={curated} />
          {!curated && <p className="agreement-empty">Nothing curated yet: each decision puts its outcome, and the spans both agree on, into the curated layer.</p>}
          <h3 className="section-heading agreement-subtitle">Per label</h3>
          <LabelBars report={report} labels={labels} />
          <h3 className="section-heading agreement-subtitle">Per document</h3>
          <DocumentTable report={report} docId={docId} reviewable={reviewable} onOpenDocument={onOpenDocument} />
        </div>
      )}
    </aside>
  );
}
