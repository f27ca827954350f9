/// A bar chart drawn by Chart.js on a canvas (no inline script, no injected style sheet: it works
/// under the app's Content-Security-Policy), stacked or side by side, horizontal or vertical.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/// One series of bars.
export interface BarSeries {
  name: string;
  color: string;
  values: (number | null)[];
}

/// Props of {@link BarChart}.
export interface BarChartProps {
  /// The chart's accessible name and the text a screen reader is given.
  label: string;
  categories: string[];
  series: BarSeries[];
  stacked?: boolean;
  horizontal?: boolean;
  /// The value axis' largest value (1 for F1), else fitted.
  max?: number;
  height: number;
  testId: string;
}

/// `data-testid={testId}`: a canvas, with the figures as text for screen readers.
export function BarChart({ label, categories, series, stacked = false, horizontal = false, max, height, testId }: BarChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const style = getComputedStyle(canvas.current);
    const text = style.getPropertyValue('--text-muted').trim() || '#6b665e';
    const grid = style.getPropertyValue('--border').trim() || '#dcd8d0';
    const value = { stacked, max, grid: { color: grid }, ticks: { color: text }, beginAtZero: true };
    const category = { stacked, grid: { display: false }, ticks: { color: text, autoSkip: false } };
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: { labels: categories, datasets: series.map((s) => ({ label: s.name, data: s.values, backgroundColor: s.color, borderRadius: 2, maxBarThickness: 28 })) },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: horizontal ? { x: value, y: category } : { x: category, y: value },
        plugins: { legend: { position: 'bottom', labels: { color: text, boxWidth: 12 } } },
      },
    };
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [categories, series, stacked, horizontal, max]);
  const summary = categories.map((c, i) => `${c}: ${series.map((s) => `${s.name} ${s.values[i] ?? '—'}`).join(', ')}`).join('; ');
  return (
    <div className="compare-chart" style={{ height }} data-testid={testId}>
      <canvas ref={canvas} role="img" aria-label={`${label}. ${summary}`} />
    </div>
  );
}
