/// Compare in the real UI (issue 17): `awb serve` on the corpus (browser mode, the app's own
/// renderer build in `out/renderer`), then in Chromium, once the library is listed, a click on
/// the Compare button; the Figures tab asks `compare.figures` over the whole corpus and draws its
/// first screen. The renderer records that as the `performance.measure` named
/// `compare-first-screen`: from the moment the figures data arrives (parsed, in the page) to the
/// frame after the table is drawn. The time from the click is kept too (service, transport and
/// drawing), and the size of the answer as it crossed HTTP.
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

/// What the UI measurement found, or why it was skipped.
export type CompareUiResult =
  | {
      skipped: false;
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
  | { skipped: true; reason: string };

/// Serves `dir` and, `RUNS` times in a fresh page, shows the library of `expected` articles, clicks
/// Compare and reads the renderer's `compare-first-screen` measure.
export async function measureCompareUi(browser: Browser, dir: string, expected: number, log: (line: string) => void): Promise<CompareUiResult> {
  const reason = serveUnavailable();
  if (reason) return { skipped: true, reason };
  const total = `${expected.toLocaleString('en-US')} article${expected === 1 ? '' : 's'}`;
  const served = await startServe(dir);
  const runs: number[] = [];
  const fromClick: number[] = [];
  let responseBytes: number | null = null;
  let renderedRows = 0;
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      try {
        const page = await context.newPage();
        await page.goto(served.url);
        await page.waitForFunction((text) => document.querySelector('[data-testid="library-total"]')?.textContent === text, total, { timeout: 300_000 });
        const answer = page.waitForResponse((r) => r.url().endsWith('/api/compare.figures'), { timeout: 300_000 });
        await page.evaluate((mark) => {
          performance.mark(mark);
          document.querySelector<HTMLElement>('[data-testid="compare-toggle"]')!.click();
        }, CLICK_MARK);
        const response = await answer;
        // Its size as the network saw it: a body of tens of MB is evicted from the inspector's cache.
        responseBytes = (await response.request().sizes()).responseBodySize;
        const shown = await page.waitForFunction(
          ({ measure, mark }) => {
            const entry = performance.getEntriesByName(measure, 'measure')[0];
            const click = performance.getEntriesByName(mark, 'mark')[0];
            return entry && click ? { firstScreen: entry.duration, fromClick: entry.startTime + entry.duration - click.startTime } : false;
          },
          { measure: FIRST_SCREEN_MEASURE, mark: CLICK_MARK },
          { polling: 'raf', timeout: 300_000 },
        );
        const { firstScreen, fromClick: sinceClick } = (await shown.jsonValue()) as { firstScreen: number; fromClick: number };
        renderedRows = await page.locator('[data-testid="figure-row"]').count();
        runs.push(firstScreen);
        fromClick.push(sinceClick);
        log(`  Compare in the UI, page ${run + 1}: first screen ${firstScreen.toFixed(0)} ms after the figures arrived, ${sinceClick.toFixed(0)} ms after the click (${(responseBytes / 1e6).toFixed(1)} MB answer)`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await stopServe(served.child);
  }
  return {
    skipped: false,
    firstScreenMs: median(runs),
    runs,
    fromClickMs: median(fromClick),
    responseBytes,
    renderedRows,
    rendererBuiltAt: statSync(join(repoRoot, 'out', 'renderer', 'index.html')).mtime.toISOString(),
  };
}
