/// Importing a batch in the real UI (`npm run bench`): `awb serve` on a new workspace (the seed
/// articles), then in Chromium the Import input given a batch of about 20 MB: one article of
/// 19.5 MB, 20 small ones and a 21 MB file that is refused by its size. The renderer's longest
/// task meanwhile (the Long Tasks API: anything that held the page for 50 ms or more) is the
/// longest the window could not answer; the time until the import's report shows is kept too.
///
/// Alone: `npx tsx bench/importBatchUi.ts` (after `npm run build`) prints the rows.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium';
import { serveUnavailable, startServe, stopServe } from './corpus/serveStart';
import type { Row } from './report';
import { formatMs, median } from './stats';

const RUNS = 3;

/// What the import measurement found, or why it was skipped.
export type ImportBatchResult =
  | { skipped: false; longestTaskMs: number; reportShownMs: number; runs: { longestTaskMs: number; reportShownMs: number }[] }
  | { skipped: true; reason: string };

/// The batch: about 20 MB of articles and one file over the limit.
function batch(): { name: string; mimeType: string; buffer: Buffer }[] {
  const paragraph = 'More than 730 civilians left the eastern districts of Aleppo on Tuesday, officials said. ';
  const big = `A long dossier on the evacuation\n\n${`${paragraph.repeat(20)}\n\n`.repeat(Math.floor((19.5 * 1024 * 1024) / (paragraph.length * 20 + 2)))}`;
  return [
    { name: 'dossier.txt', mimeType: 'text/plain', buffer: Buffer.from(big) },
    ...Array.from({ length: 20 }, (_, i) => ({ name: `bulletin-${i}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`Bulletin ${i} ${Date.now()}\n\n${paragraph}`) })),
    { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(21 * 1024 * 1024, 0x20) },
  ];
}

/// One import in a fresh page of a new workspace; the files are given by path (as a file
/// chooser gives them: their bytes never pass through the test's connection to the browser).
async function importOnce(browser: Browser, files: ReturnType<typeof batch>): Promise<{ longestTaskMs: number; reportShownMs: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'awb-import-bench-'));
  await mkdir(join(dir, 'files'));
  const paths = await Promise.all(files.map(async (f) => (await writeFile(join(dir, 'files', f.name), f.buffer), join(dir, 'files', f.name))));
  const served = await startServe(join(dir, 'workspace'));
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(served.url);
    await page.getByTestId('library-item').first().waitFor({ timeout: 120_000 });
    await page.evaluate(() => {
      const w = window as unknown as { benchTasks: [number, number][] };
      w.benchTasks = [];
      // Each task's start (from the import's) and length; one that began before the import (the
      // page settling after its library was drawn) is not the import's.
      const start = performance.now();
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.benchTasks.push([e.startTime - start, e.duration]))).observe({ type: 'longtask' });
    });
    const started = Date.now();
    await page.getByTestId('import-input').setInputFiles(paths);
    await page.getByTestId('import-report').waitFor({ timeout: 300_000 });
    const reportShownMs = Date.now() - started;
    // A frame more, so that a task that drew the report is counted.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
    const tasks = await page.evaluate(() => (window as unknown as { benchTasks: [number, number][] }).benchTasks);
    if (process.env.AWB_BENCH_TASKS) console.error(`    long tasks (start after the import began, length): ${JSON.stringify(tasks.map(([at, ms]) => [Math.round(at), Math.round(ms)]))}`);
    return { longestTaskMs: Math.max(0, ...tasks.filter(([at]) => at >= 0).map(([, ms]) => ms)), reportShownMs };
  } finally {
    await context.close();
    await stopServe(served.child);
    await rm(dir, { recursive: true, force: true });
  }
}

/// Measures the import of a 20 MB batch in the UI, `RUNS` times.
export async function measureImportBatch(browser: Browser, log: (line: string) => void): Promise<ImportBatchResult> {
  const reason = serveUnavailable();
  if (reason) return { skipped: true, reason };
  const files = batch();
  const runs: { longestTaskMs: number; reportShownMs: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    log(`  importing a 20 MB batch in the UI (${i + 1} of ${RUNS})`);
    runs.push(await importOnce(browser, files));
  }
  return { skipped: false, longestTaskMs: Math.max(...runs.map((r) => r.longestTaskMs)), reportShownMs: median(runs.map((r) => r.reportShownMs)), runs };
}

/// The table's rows.
export function importBatchRows(r: ImportBatchResult): Row[] {
  if (r.skipped) return [{ name: `import of a 20 MB batch in the UI: skipped (${r.reason})`, value: '—', budget: '—', pass: null, raw: 0 }];
  return [
    {
      name: `import of a 20 MB batch in the UI (22 files, one refused): the longest the page was held (Long Tasks, worst of ${RUNS})`,
      value: formatMs(r.longestTaskMs),
      budget: `≤ ${formatMs(100)}`,
      pass: r.longestTaskMs <= 100,
      raw: r.longestTaskMs,
    },
    { name: '  until its report shows (median)', value: formatMs(r.reportShownMs), budget: '—', pass: null, raw: r.reportShownMs },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
  try {
    const result = await measureImportBatch(browser, (line) => console.error(line));
    console.log(JSON.stringify(result, null, 1));
    for (const r of importBatchRows(result)) console.log(`${r.name.padEnd(110)} ${r.value.padStart(9)} ${r.budget.padStart(9)} ${r.pass === null ? '' : r.pass ? 'pass' : 'MISS'}`);
  } finally {
    await browser.close();
  }
}
