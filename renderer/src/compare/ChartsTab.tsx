/// Compare's Charts (DESIGN §11): annotations per label in each outlet and in the documents with
/// the most, and — where two annotators tagged the same documents — how well they agree on each
/// label (exact- and overlap-span F1).
import { useMemo } from 'react';
import type { CompareFilter, Label, LabelCharts } from '../../../preload/api';
import { BarChart, type BarSeries } from './BarChart';
import { ExportCsvButton } from './ExportCsvButton';

/// Props of {@link ChartsTab}.
export interface ChartsTabProps {
  charts: LabelCharts;
  filter: CompareFilter;
  labels: readonly Label[];
  /// The two annotators compared (null: the two with the most annotations).
  pair: [string, string] | null;
  onPairChange(pair: [string, string] | null): void;
}

const FALLBACK_COLOR = '#8a8580';

/// `data-testid="compare-charts"`.
export function ChartsTab({ charts, filter, labels, pair, onPairChange }: ChartsTabProps) {
  const look = useMemo(() => new Map(labels.map((l) => [l.id, l])), [labels]);
  const { byOutlet, byDocument } = useMemo(() => {
    const series = (counts: Record<string, number>[]): BarSeries[] =>
      charts.labels.map((id) => ({ name: look.get(id)?.name ?? id, color: look.get(id)?.color ?? FALLBACK_COLOR, values: counts.map((c) => c[id] ?? 0) }));
    return {
      byOutlet: { categories: charts.outlets.map((o) => o.outlet ?? 'No outlet'), series: series(charts.outlets.map((o) => o.counts)) },
      byDocument: { categories: charts.documents.map((d) => (d.title.length > 26 ? `${d.title.slice(0, 25)}…` : d.title)), series: series(charts.documents.map((d) => d.counts)) },
    };
  }, [charts, look]);
  const agreement = charts.agreement;
  const agreementData = useMemo(() => {
    if (!agreement) return null;
    const ids = charts.labels.filter((id) => agreement.exact[id] || agreement.overlap[id]);
    return {
      categories: ids.map((id) => look.get(id)?.name ?? id),
      series: [
        { name: 'Exact spans', color: '#0f6a73', values: ids.map((id) => agreement.exact[id]?.f1 ?? null) },
        { name: 'Overlapping spans', color: '#7fb8bd', values: ids.map((id) => agreement.overlap[id]?.f1 ?? null) },
      ],
    };
  }, [agreement, charts.labels, look]);
  const names = charts.annotators.map((a) => a.name);
  const [a, b] = pair ?? (agreement ? [agreement.a, agreement.b] : [names[0] ?? '', names[1] ?? '']);

  if (!charts.outlets.length) return <p className="compare-empty" data-testid="compare-charts">Nothing is tagged in the documents chosen.</p>;
  return (
    <div className="compare-charts" data-testid="compare-charts">
      <section className="compare-chart-card">
        <header className="compare-group-head">
          <h3>Tags per outlet</h3>
          <span className="compare-group-summary">{charts.outlets.reduce((n, o) => n + o.documents, 0)} documents</span>
          <ExportCsvButton table="counts" filter={filter} testId="export-counts-csv" />
        </header>
        <BarChart label="Tags per outlet" testId="chart-outlets" categories={byOutlet.categories} series={byOutlet.series} stacked horizontal height={Math.max(140, 34 * byOutlet.categories.length + 60)} />
      </section>
      <section className="compare-chart-card">
        <header className="compare-group-head">
          <h3>Tags per document</h3>
          <span className="compare-group-summary">
            {charts.documentTotal > charts.documents.length ? `the ${charts.documents.length} most tagged of ${charts.documentTotal}` : `${charts.documentTotal} documents`}
          </span>
        </header>
        <BarChart label="Tags per document" testId="chart-documents" categories={byDocument.categories} series={byDocument.series} stacked horizontal height={Math.max(140, 26 * byDocument.categories.length + 60)} />
      </section>
      <section className="compare-chart-card">
        <header className="compare-group-head">
          <h3>Agreement per label</h3>
          {names.length >= 2 && (
            <span className="compare-pair">
              <select aria-label="First annotator" data-testid="agreement-a" value={a} onChange={(e) => onPairChange([e.target.value, b === e.target.value ? a : b])}>
                {names.map((n) => (
                  <option key={n}>{n}</option>
                ))}
              </select>
              <span>and</span>
              <select aria-label="Second annotator" data-testid="agreement-b" value={b} onChange={(e) => onPairChange([a === e.target.value ? b : a, e.target.value])}>
                {names.map((n) => (
                  <option key={n}>{n}</option>
                ))}
              </select>
            </span>
          )}
        </header>
        {agreementData && agreement ? (
          <>
            <p className="compare-muted">
              F1 of {agreement.a} and {agreement.b} over the {agreement.documents} {agreement.documents === 1 ? 'document' : 'documents'} both tagged (1 is full agreement).
            </p>
            <BarChart label="Agreement per label" testId="chart-agreement" categories={agreementData.categories} series={agreementData.series} max={1} height={220} />
          </>
        ) : (
          <p className="compare-empty">{names.length < 2 ? 'Agreement needs two annotators; only one has tagged these documents.' : `${a} and ${b} have tagged no document in common.`}</p>
        )}
      </section>
    </div>
  );
}
