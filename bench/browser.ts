/// The browser half of `npm run bench`: drives the real renderer's page and the floor page in
/// headless Chromium through their `window.bench*` functions, at each document size, three
/// fresh pages per size and page, and keeps the medians.
import type { Browser, Page } from 'playwright';
import { median, percentile } from './stats';
import { browserWorkload, type BenchSpan, type BrowserWorkload } from './workload';
import type {} from './page/benchWindow';

/// A document size of the browser benchmark.
export interface BrowserSize {
  name: string;
  chars: number;
  spans: number;
}

/// The three document sizes measured.
export const BROWSER_SIZES: BrowserSize[] = [
  { name: '50k', chars: 50_000, spans: 500 },
  { name: '500k', chars: 500_000, spans: 5_000 },
  { name: '2M', chars: 2_000_000, spans: 20_000 },
];

/// One fresh page's measurements.
export interface PageRun {
  loadMs: number;
  addMs: number[];
  addMedianMs: number;
  addP95Ms: number;
  scrollMs: number;
  /// V8 heap in use after load and a full GC (CDP `Runtime.getHeapUsage().usedSize`).
  heapBytes: number;
  /// `performance.memory.usedJSHeapSize` at the same moment (with --enable-precise-memory-info).
  usedJSHeapSize: number;
  /// Blink's own heap (DOM nodes and the like) when CDP reports it (`embedderHeapUsedSize`).
  embedderHeapBytes: number;
  domElements: number;
}

/// Medians over the runs of one page at one size.
export interface PageSummary {
  name: string;
  loadMs: number;
  addMedianMs: number;
  addP95Ms: number;
  scrollMs: number;
  heapBytes: number;
  embedderHeapBytes: number;
  domElements: number;
  runs: PageRun[];
}

/// One size: the app and the floor, measured in the same run.
export interface SizeResult extends BrowserSize {
  textLength: number;
  app: PageSummary;
  floor: PageSummary;
}

/// What kind of page a URL serves.
export type PageKind = 'app' | 'floor';

const VIEWPORT = { width: 1440, height: 900 };
const PAUSE_BETWEEN_ADDS_MS = 50;
/// A fresh page goes on working after its script has run (compiling, collecting the workload's
/// copy handed to it), often on the same two cores; a load timed 50 ms later varied by ±40%.
const PAUSE_BEFORE_LOAD_MS = 300;

/// A short pause, then until the page's main thread is idle (so that work an earlier call left
/// behind, such as the app adopting an acknowledged save, is not timed with the next call).
async function settle(page: Page, pauseMs = PAUSE_BETWEEN_ADDS_MS): Promise<void> {
  await page.waitForTimeout(pauseMs);
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 5000 })));
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error at ${url}: ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => typeof window.benchLoad === 'function');
  return page;
}

/// Hands the workload to a fresh page of `url`, waits until the page is idle (its own start-up,
/// such as compiling its scripts, is not the document's load), times `benchLoad` inside the
/// page, drops the harness's copy of the text and spans (the page keeps what it rendered), then
/// runs `then` on the page and closes it.
async function withLoadedPage<T>(browser: Browser, url: string, workload: BrowserWorkload, then: (page: Page, loadMs: number) => Promise<T>): Promise<T> {
  const page = await openPage(browser, url);
  try {
    await page.evaluate((w) => void (window.benchWorkload = w), workload);
    await settle(page, PAUSE_BEFORE_LOAD_MS);
    const loadMs = await page.evaluate(async () => {
      const w = window.benchWorkload!;
      const started = performance.now();
      await window.benchLoad!(w.text, w.annotations);
      return performance.now() - started;
    });
    await page.evaluate(() => void (window.benchWorkload = { text: '', annotations: [], adds: window.benchWorkload!.adds }));
    return await then(page, loadMs);
  } finally {
    await page.context().close();
  }
}

/// `benchLoad` time of one document on `runs` fresh pages (median).
export async function measureLoad(browser: Browser, url: string, text: string, annotations: BenchSpan[], runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await withLoadedPage(browser, url, { text, annotations, adds: [] }, async (_page, loadMs) => loadMs));
  return median(times);
}

/// What a page weighs after loading a document.
type Weight = Pick<PageRun, 'heapBytes' | 'usedJSHeapSize' | 'embedderHeapBytes' | 'domElements'>;

/// Loads the workload's document on a fresh page of `url` and weighs the page after a full
/// garbage collection. On a page of its own: the forced collection (and the heap profiler it
/// needs) would otherwise fall between the load and the adds timed after it.
async function weighAfterLoad(browser: Browser, url: string, workload: BrowserWorkload): Promise<Weight> {
  return withLoadedPage(browser, url, workload, async (page) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const usedJSHeapSize = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN);
    const domElements = await page.evaluate(() => document.getElementsByTagName('*').length);
    return { heapBytes: heap.usedSize, embedderHeapBytes: (heap as { embedderHeapUsedSize?: number }).embedderHeapUsedSize ?? NaN, usedJSHeapSize, domElements };
  });
}

/// Loads `url` afresh and measures load, 20 adds and a scroll to the last span; then, on another
/// fresh page, the weight after load.
export async function measurePage(browser: Browser, url: string, workload: BrowserWorkload): Promise<PageRun & { info: { name: string; version: string } }> {
  const timed = await withLoadedPage(browser, url, workload, async (page, loadMs) => {
    const info = await page.evaluate(() => window.benchInfo!);
    const addMs: number[] = [];
    for (let i = 0; i < workload.adds.length; i++) {
      await settle(page);
      addMs.push(
        await page.evaluate(async (index) => {
          const add = window.benchWorkload!.adds[index];
          const started = performance.now();
          await window.benchAdd!(add);
          return performance.now() - started;
        }, i),
      );
    }
    const missing = await page.evaluate((ids) => ids.filter((id) => !window.benchIsHighlighted!(id)), [...workload.annotations.slice(0, 1), ...workload.adds].map((a) => a.id));
    if (missing.length) throw new Error(`${url}: not highlighted after the run: ${missing.join(', ')}`);
    const last: BenchSpan = workload.annotations[workload.annotations.length - 1];
    await settle(page);
    const scrollMs = await page.evaluate(async (span) => {
      const started = performance.now();
      await window.benchScrollTo!(span);
      return performance.now() - started;
    }, last);
    return { info, loadMs, addMs, addMedianMs: median(addMs), addP95Ms: percentile(addMs, 95), scrollMs };
  });
  return { ...timed, ...(await weighAfterLoad(browser, url, workload)) };
}

function summarise(name: string, runs: PageRun[]): PageSummary {
  return {
    name,
    loadMs: median(runs.map((r) => r.loadMs)),
    addMedianMs: median(runs.map((r) => r.addMedianMs)),
    addP95Ms: median(runs.map((r) => r.addP95Ms)),
    scrollMs: median(runs.map((r) => r.scrollMs)),
    heapBytes: median(runs.map((r) => r.heapBytes)),
    embedderHeapBytes: median(runs.map((r) => r.embedderHeapBytes)),
    domElements: median(runs.map((r) => r.domElements)),
    runs,
  };
}

/// Measures every size on both pages, `runs` fresh pages each (app and floor alternate which
/// goes first, so drift in the machine's load does not favour one), after one discarded run of
/// each.
export async function runBrowserBench(
  browser: Browser,
  urls: Record<PageKind, string>,
  sizes: readonly BrowserSize[],
  runs: number,
  log: (line: string) => void,
): Promise<SizeResult[]> {
  const results: SizeResult[] = [];
  // One discarded run of each page first: the browser's first pages pay its own warm-up (its
  // caches, the GPU process), which would otherwise fall on the first size measured.
  const warmUp = browserWorkload(sizes[0]?.chars ?? 50_000, sizes[0]?.spans ?? 500);
  for (const kind of ['app', 'floor'] as const) await measurePage(browser, urls[kind], warmUp);
  for (const size of sizes) {
    const workload = browserWorkload(size.chars, size.spans);
    const measured: Record<PageKind, PageRun[]> = { app: [], floor: [] };
    const names: Record<PageKind, string> = { app: 'app', floor: 'floor' };
    for (let run = 0; run < runs; run++) {
      const order: PageKind[] = run % 2 ? ['floor', 'app'] : ['app', 'floor'];
      for (const kind of order) {
        const { info, ...result } = await measurePage(browser, urls[kind], workload);
        names[kind] = info.name;
        measured[kind].push(result);
        log(`  ${size.name} ${kind} run ${run + 1}: load ${result.loadMs.toFixed(0)} ms, add p95 ${result.addP95Ms.toFixed(1)} ms, scroll ${result.scrollMs.toFixed(0)} ms, heap ${(result.heapBytes / 1e6).toFixed(1)} MB`);
      }
    }
    results.push({ ...size, textLength: workload.text.length, app: summarise(names.app, measured.app), floor: summarise(names.floor, measured.floor) });
  }
  return results;
}
