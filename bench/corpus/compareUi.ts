/// Compare in the real UI: `awb serve` on the corpus (browser mode, the app's own
/// renderer build in `out/renderer`), then in Chromium, once the library is listed, a click on
/// the Compare button; the Figures tab asks `compare.figures` over the whole corpus and draws its
/// first screen. The renderer records that as the `performance.measure` named
/// `compare-first-screen`: from the moment the figures data arrives (parsed, in the page) to the
/// frame after the table is drawn. The time from the click is kept too (service, transport and
/// drawing), and the size of the figures' answer.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import { median } from '../stats';
import { repoRoot, serveUnavailable, startServe, stopServe } from './serveStart';

/// Fresh pages, each clicking Compare once (a shown tab asks only once per page).
const RUNS = 3;
/// The renderer's names (`renderer/src/compare/FiguresTab.tsx`, `useCompareData.ts`).
const FIRST_SCREEN_MEASURE = 'compare-first-screen';
const CLICK_MARK = 'bench-compare-click';

/// What the UI measurement found, or why it was skipped or failed.
export type CompareUiResult =
  | {
      skipped: false;
      failed?: undefined;
      /// `compare-first-screen`: the figures' arrival to the frame after the table is drawn;
      /// median and each run.
      firstScreenMs: number;
      runs: number[];
      /// From the click on Compare to the end of that frame (median).
      fromClickMs: number;
      /// Bytes of the `compare.figures` answer over HTTP (JSON, uncompressed).
      responseBytes: number | null;
      /// Figure rows in the DOM at that moment (the table is virtualised).
      renderedRows: number;
      rendererBuiltAt: string;
    }
  | { skipped: false; failed: true; reason: string }
  | { skipped: true; reason: string };

/// One page's first screen, or why it was not drawn.
type PageOutcome = { firstScreen: number; fromClick: number; responseBytes: number | null; renderedRows: number } | { error: string };

/// Run in the page at each frame: the renderer's measure, the time since the click and the size of
/// the figures' answer (Resource Timing: the inspector's own count stops short on hundreds of MB)
/// once the measure is there, the error Compare shows if it failed, else false.
function drawnOrFailed({ measure, mark }: { measure: string; mark: string }): { firstScreen: number; fromClick: number; responseBytes: number | null } | { error: string } | false {
  const failed = document.querySelector('[data-testid="compare-mode"] .compare-empty.is-error');
  if (failed) return { error: failed.textContent ?? 'Compare failed' };
  const entry = performance.getEntriesByName(measure, 'measure')[0];
  const click = performance.getEntriesByName(mark, 'mark')[0];
  if (!entry || !click) return false;
  const answer = performance.getEntriesByType('resource').find((r) => r.name.endsWith('/api/compare.figures')) as PerformanceResourceTiming | undefined;
  return { firstScreen: entry.duration, fromClick: entry.startTime + entry.duration - click.startTime, responseBytes: answer ? answer.decodedBodySize : null };
}

/// Opens the served app in a fresh page, waits for the library of `total`, clicks Compare and
/// waits for the first screen (or Compare's error).
async function firstScreenOnce(browser: Browser, url: string, total: string): Promise<PageOutcome> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction((text) => document.querySelector('[data-testid="library-total"]')?.textContent === text, total, { timeout: 300_000 });
    await page.evaluate((mark) => {
      performance.mark(mark);
      document.querySelector<HTMLElement>('[data-testid="compare-toggle"]')!.click();
    }, CLICK_MARK);
    const shown = await page.waitForFunction(drawnOrFailed, { measure: FIRST_SCREEN_MEASURE, mark: CLICK_MARK }, { polling: 'raf', timeout: 300_000 });
    const outcome = (await shown.jsonValue()) as Exclude<ReturnType<typeof drawnOrFailed>, false>;
    if ('error' in outcome) return outcome;
    return { ...outcome, renderedRows: await page.locator('[data-testid="figure-row"]').count() };
  } catch (error) {
    return { error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  } finally {
    await context.close();
  }
}

/// Serves `dir` and, `RUNS` times in a fresh page, shows the library of `expected` articles, clicks
/// Compare and reads the renderer's `compare-first-screen` measure; stops at the first failure.
export async function measureCompareUi(browser: Browser, dir: string, expected: number, log: (line: string) => void): Promise<CompareUiResult> {
  const reason = serveUnavailable();
  if (reason) return { skipped: true, reason };
  const total = `${expected.toLocaleString('en-US')} article${expected === 1 ? '' : 's'}`;
  const served = await startServe(dir);
  const outcomes: Exclude<PageOutcome, { error: string }>[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const outcome = await firstScreenOnce(browser, served.url, total);
      if ('error' in outcome) {
        log(`  Compare in the UI, page ${run + 1}: failed: ${outcome.error}`);
        return { skipped: false, failed: true, reason: outcome.error };
      }
      outcomes.push(outcome);
      const answer = outcome.responseBytes === null ? '' : ` (${(outcome.responseBytes / 1e6).toFixed(1)} MB answer)`;
      log(`  Compare in the UI, page ${run + 1}: first screen ${outcome.firstScreen.toFixed(0)} ms after the figures arrived, ${outcome.fromClick.toFixed(0)} ms after the click${answer}`);
    }
  } finally {
    await stopServe(served.child);
  }
  return {
    skipped: false,
    firstScreenMs: median(outcomes.map((o) => o.firstScreen)),
    runs: outcomes.map((o) => o.firstScreen),
    fromClickMs: median(outcomes.map((o) => o.fromClick)),
    responseBytes: outcomes[0].responseBytes,
    renderedRows: outcomes[0].renderedRows,
    rendererBuiltAt: statSync(join(repoRoot, 'out', 'renderer', 'index.html')).mtime.toISOString(),
  };
}
