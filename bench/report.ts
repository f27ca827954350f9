/// The results table of `npm run bench`: each measurement next to its budget (long documents,
/// the 10,000- and 100,000-article corpora, Compare, tagging and start-up), pass or fail, and the
/// machine it ran on.
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import type { SizeResult } from './browser';
import { COMPARE_PARTS, type CompareBenchResult } from './corpus/compareBench';
import type { CompareUiResult } from './corpus/compareUi';
import type { CompareAfterEditResult } from './corpus/compareAfterEdit';
import { FIRST_PAGE_ROWS, type CorpusNodeResult } from './corpus/corpusBench';
import type { ExportResult } from './corpus/corpusExport';
import type { CorpusFixture } from './corpus/fixture';
import type { LibraryUiResult } from './corpus/libraryUi';
import type { ServeStartResult } from './corpus/serveStart';
import type { TagAllBenchResult } from './corpus/tagAllBench';
import type { LargeDocumentResult } from './largeDocument';
import { formatMb, formatMs } from './stats';

/// One line of the table. `pass` is null for a figure without a budget (shown for context).
export interface Row {
  name: string;
  value: string;
  budget: string;
  pass: boolean | null;
  /// The number behind `value` (ms or bytes).
  raw: number;
}

/// The corpus measurements, as far as they ran.
export interface CorpusResults {
  fixture: CorpusFixture;
  node: CorpusNodeResult;
  /// `benchLoad` of the sampled corpus document in the real renderer's page (median of 3).
  sampleShownMs: number;
  exports: ExportResult[];
  agreement: { ms: number; documents: number; spansA: number; spansB: number; kappa: number | null };
  libraryUi: LibraryUiResult;
  serveStart: ServeStartResult;
  compare: CompareBenchResult;
  compareUi: CompareUiResult;
  compareAfterEdit: CompareAfterEditResult;
  /// "Tag all occurrences" previewed over every document.
  tagAll: TagAllBenchResult;
}

/// The machine, for the record.
export function machineInfo(chromium: string | null): Record<string, unknown> {
  const cores = cpus();
  return {
    date: new Date().toISOString(),
    cpus: cores.length,
    cpuModel: cores[0]?.model ?? 'unknown',
    memoryGB: Math.round(totalmem() / 2 ** 30),
    platform: `${platform()} ${release()}`,
    node: process.version,
    chromium,
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
  };
}

const HEAP_BUDGET_BYTES = 60e6;
/// An export's time: 5 s up to 10,000 articles (the default corpus), 60 s beyond (the
/// 100,000-article one's); its peak memory, 500 MB.
const exportBudgetMs = (articles: number) => (articles <= 10_000 ? 5_000 : 60_000);
const EXPORT_MEMORY_BUDGET_BYTES = 500e6;
const INDEX_REBUILD_BUDGET_MS = 300_000;
const SERVE_START_BUDGET_MS = 1_500;
/// Compare computed by the service: 1 s up to 10,000 articles, 3 s beyond (the
/// 100,000-article corpus).
const compareBudgetMs = (articles: number) => (articles <= 10_000 ? 1_000 : 3_000);
/// Compare's first screen drawn after the figures arrive in the page.
const COMPARE_FIRST_SCREEN_BUDGET_MS = 300;

/// A measurement that did not run, with the reason in place of its value.
function notMeasured(name: string, reason: string, budget: string): Row {
  return { name, value: reason, budget, pass: null, raw: NaN };
}

function row(name: string, raw: number, budget: number | null, format = formatMs, budgetText?: string): Row {
  const value = format(raw);
  if (budget === null) return { name, value, budget: budgetText ?? '—', pass: null, raw };
  return { name, value, budget: budgetText ?? `≤ ${format(budget)}`, pass: raw <= budget, raw };
}

/// The rows of the browser part: the app against the floor measured in the same run.
export function browserRows(sizes: readonly SizeResult[]): Row[] {
  const rows: Row[] = [];
  for (const s of sizes) {
    const at = `${s.name}/${s.spans.toLocaleString('en-US')}`;
    const { app, floor } = s;
    rows.push(row(`${at} load`, app.loadMs, floor.loadMs, formatMs, `≤ floor ${formatMs(floor.loadMs)}`));
    rows.push(row(`${at} add median`, app.addMedianMs, null, formatMs, `(floor ${formatMs(floor.addMedianMs)})`));
    rows.push(row(`${at} add p95`, app.addP95Ms, floor.addP95Ms, formatMs, `≤ floor ${formatMs(floor.addP95Ms)}`));
    rows.push(row(`${at} scroll to end`, app.scrollMs, null, formatMs, `(floor ${formatMs(floor.scrollMs)})`));
    const heapBudget = s.chars >= 2_000_000 ? HEAP_BUDGET_BYTES : null;
    rows.push(row(`${at} JS heap after load`, app.heapBytes, heapBudget, formatMb, heapBudget ? `≤ 60 MB (floor ${formatMb(floor.heapBytes)})` : `(floor ${formatMb(floor.heapBytes)})`));
    if (Number.isFinite(app.embedderHeapBytes)) {
      rows.push(row(`${at} DOM (Blink) heap after load`, app.embedderHeapBytes, null, formatMb, `(floor ${formatMb(floor.embedderHeapBytes)})`));
    }
  }
  return rows;
}

/// The rows of the corpus part.
export function corpusRows(c: CorpusResults): Row[] {
  const n = c.fixture.articles.toLocaleString('en-US');
  const { node } = c;
  const rows: Row[] = [
    row(`corpus ${n}: library listed (Workspace.open as the app opens + first page of ${FIRST_PAGE_ROWS})`, node.open.ms, 1000),
    row('  the same, the index checked against the files before open returns (awb commands)', node.open.checkFirstMs, null),
    row('  the same, read-only', node.open.readOnlyMs, null),
  ];
  if (!c.libraryUi.skipped) {
    rows.push(row(`corpus ${n}: library shown in the UI (navigation → first screen of ${c.libraryUi.items.toLocaleString('en-US')} items)`, c.libraryUi.libraryShownMs, 1000));
  }
  if (c.serveStart.skipped) rows.push(notMeasured('awb serve start → URL', `n/a: ${c.serveStart.reason}`, `≤ ${formatMs(SERVE_START_BUDGET_MS)}`));
  else rows.push(row(`awb serve start → URL (median of ${c.serveStart.runs.length})`, c.serveStart.ms, SERVE_START_BUDGET_MS));
  rows.push(
    row('document open + highlighted (readDocument + page load)', node.readDocumentMs + c.sampleShownMs, 150),
    row('  of which readDocument, cold', node.readDocumentMs, null),
    row('  of which shown and highlighted in the page', c.sampleShownMs, null),
    row('phrase search (documents.search), first after opening', node.search.firstMs, 500),
    row('  the same search again', node.search.againMs, null),
    row('  for reference, no index: read + JSON.parse + scan every file', node.search.rawScanMs, null),
    ...tagAllRows(c.tagAll),
  );
  rows.push(...compareRows(c.compare, c.fixture.articles), ...compareAfterEditRows(c.compareAfterEdit, c.fixture.articles), ...compareUiRows(c.compareUi));
  const rebuild = `full index rebuild (Workspace.open without index.sqlite, ${n} documents, with progress)`;
  if (node.indexRebuild.skipped) rows.push(notMeasured(rebuild, node.indexRebuild.reason, `≤ ${formatMs(INDEX_REBUILD_BUDGET_MS)}`));
  else rows.push(row(rebuild, node.indexRebuild.ms, INDEX_REBUILD_BUDGET_MS));
  rows.push(
    row('save acknowledged p50 (annotations.create)', node.save.p50Ms, null),
    row('save acknowledged p95 (annotations.create)', node.save.p95Ms, 50),
    row(`import 1,000 articles into the ${n}-article corpus`, node.import.intoCorpusMs, 5000),
    row('import 1,000 articles into a new workspace', node.import.intoFreshMs, 5000),
  );
  const annotations = c.fixture.annotations.toLocaleString('en-US');
  for (const e of c.exports) {
    if (e.error) {
      rows.push({ name: `export ${annotations} annotations: ${e.format}`, value: 'failed', budget: `≤ ${formatMs(exportBudgetMs(c.fixture.articles))}`, pass: false, raw: NaN });
      rows.push(notMeasured(`  ${e.error.length > 110 ? `${e.error.slice(0, 109)}…` : e.error}`, '', ''));
    } else rows.push(row(`export ${annotations} annotations: ${e.format} (${formatMb(e.bytes)})`, e.ms, exportBudgetMs(c.fixture.articles)));
    rows.push(row(`  peak memory of that export's process (VmHWM)`, e.peakRssBytes, e.error ? null : EXPORT_MEMORY_BUDGET_BYTES, formatMb));
  }
  const spans = `${c.agreement.spansA.toLocaleString('en-US')} + ${c.agreement.spansB.toLocaleString('en-US')}`;
  rows.push(row(`agreement over ${spans} spans (computeAgreement)`, c.agreement.ms, 1000));
  return rows;
}

/// The tag-all preview's rows (1 s at 10,000 articles).
function tagAllRows(t: TagAllBenchResult): Row[] {
  const found = `${t.occurrences.toLocaleString('en-US')} occurrences in ${t.documents.toLocaleString('en-US')} articles, ${t.listed.toLocaleString('en-US')} listed`;
  return [
    row(`tag-all preview of “${t.phrase}”, every document (tagAll.preview: ${found}), first after opening`, t.ms, 1000),
    row('  the same preview again', t.againMs, null),
  ];
}

/// The rows of Compare over the corpus: each tab's answer from the service against the budget (the
/// app asks for one tab at a time, when it is shown), with what it holds, its SQL alone and its
/// size as JSON; then the four together, for the record.
function compareRows(c: CompareBenchResult, articles: number): Row[] {
  const n = articles.toLocaleString('en-US');
  const size = (bytes: number) => (bytes < 1e5 ? `${(bytes / 1e3).toFixed(1)} kB` : formatMb(bytes));
  const name = `Compare over ${n} articles, no filter`;
  if (c.failed) {
    return [
      { name, value: 'failed', budget: `≤ ${formatMs(compareBudgetMs(articles))}`, pass: false, raw: NaN },
      notMeasured(`  ${c.reason.length > 110 ? `${c.reason.slice(0, 109)}…` : c.reason}`, '', ''),
    ];
  }
  const rows: Row[] = [];
  for (const part of COMPARE_PARTS) {
    const p = c.parts[part];
    rows.push(row(`${name}: compare.${part}, a tab's answer (${p.holds}; ${size(p.jsonBytes)} as JSON; median of ${p.runs.length})`, p.ms, compareBudgetMs(articles)));
    rows.push(row(`  of which its SQL (${p.sqlRows.toLocaleString('en-US')} rows)`, p.sqlMs, null));
  }
  rows.push(row(`  the four tabs one after another (in CPU time of the process: ${formatMs(c.totalCpuMs)})`, c.totalMs, null));
  rows.push(row(`  the four results as JSON (${size(c.jsonBytes)}): JSON.stringify`, c.jsonMs, null));
  return rows;
}

/// The rows of Compare right after an edit (the summaries of what it touched worked out again).
function compareAfterEditRows(c: CompareAfterEditResult, articles: number): Row[] {
  const budget = compareBudgetMs(articles);
  if (c.failed) return [{ name: 'Compare after an edit', value: 'failed', budget: `≤ ${formatMs(budget)}`, pass: false, raw: NaN }, notMeasured(`  ${c.reason}`, '', '')];
  const n = (v: number) => v.toLocaleString('en-US');
  return [
    row(`Compare after an edit: compare.figures once a figure of the largest measure (${n(c.figures)} figures) changed (median of ${c.figuresRuns.length})`, c.figuresMs, budget),
    row(`Compare after an edit: compare.entities once a mention of the most mentioned entity (${n(c.mentions)}) was unlinked or linked (median of ${c.entitiesRuns.length})`, c.entitiesMs, budget),
  ];
}

/// The rows of Compare in the real UI: the first screen against its budget, and from the click.
function compareUiRows(c: CompareUiResult): Row[] {
  const name = "Compare's first screen in the UI (figures arrived → table drawn: compare-first-screen";
  if (c.skipped) return [notMeasured(`${name})`, `n/a: ${c.reason}`, `≤ ${formatMs(COMPARE_FIRST_SCREEN_BUDGET_MS)}`)];
  if (c.failed) {
    return [
      { name: `${name})`, value: 'failed', budget: `≤ ${formatMs(COMPARE_FIRST_SCREEN_BUDGET_MS)}`, pass: false, raw: NaN },
      notMeasured(`  ${c.reason.length > 110 ? `${c.reason.slice(0, 109)}…` : c.reason}`, '', ''),
    ];
  }
  const answer = c.responseBytes === null ? 'the answer' : `a ${formatMb(c.responseBytes)} answer`;
  return [
    row(`${name}, median of ${c.runs.length})`, c.firstScreenMs, COMPARE_FIRST_SCREEN_BUDGET_MS),
    row(`  from the click on Compare (the service, ${answer} over HTTP, drawing)`, c.fromClickMs, null),
  ];
}

/// The rows of the save on a document at the annotation limit (budget 1 s a save).
export function largeDocumentRows(r: LargeDocumentResult): Row[] {
  const rows = [
    row(`save at the annotation limit: ${r.annotations.toLocaleString('en-US')} annotations, ${formatMb(r.fileBytes)} (annotations.create, median of ${r.savesMs.length})`, r.medianMs, 1000),
    row('  the slowest of those saves', Math.max(...r.savesMs), null),
  ];
  if (r.refusedAtLimit === false) rows.push({ name: '  one more annotation refused (annotation-limit)', value: 'accepted', budget: 'refused', pass: false, raw: 0 });
  return rows;
}

/// The table as text, with a PASS/FAIL column.
export function formatTable(rows: readonly Row[]): string {
  const header = ['measurement', 'value', 'budget', 'result'];
  const cells = rows.map((r) => [r.name, r.value, r.budget, r.pass === null ? '' : r.pass ? 'pass' : 'FAIL']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => (i === 1 ? x.padStart(widths[i]) : x.padEnd(widths[i]))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i === 1 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`, ...cells.map(line)].join('\n');
}
