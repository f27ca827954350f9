/// The library in the real UI: `awb serve` on the corpus (browser mode, the app's own renderer
/// build in `out/renderer`), then Chromium from navigation until the library is shown.
///
/// "Shown" means: the library's count says all `expected` articles ("10,000 articles"), and the
/// first screen of rows is rendered and correct, namely the rows from the first one down to the
/// bottom of the library (or to the last row, if fewer fill it) are in the DOM, in order, without
/// overlapping, each with the title and file name of the workspace index entry at its place and
/// announced as "n of `expected`" (`aria-posinset` / `aria-setsize`). The list is virtualised, so
/// rows below the first screen are not in the DOM; until the renderer virtualised it (November
/// 2026), this measured until all `expected` items were in the DOM (about 1.4–2.0 s then).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/// What the UI measurement found, or why it was skipped.
export type LibraryUiResult =
  | {
      skipped: false;
      /// From starting `awb serve` to its URL (Node and tsx start-up, then `Workspace.open`).
      serveStartMs: number;
      /// From navigation to the library shown: its count of `items` articles and its first screen
      /// of rows (page load, `documents.list` over HTTP, React render).
      libraryShownMs: number;
      /// Articles the library lists (its count and each row's `aria-setsize`).
      items: number;
      /// Rows of the first screen, checked against the index.
      firstScreenRows: number;
      /// Library rows in the DOM at that moment (the virtualised window).
      renderedRows: number;
      rendererBuiltAt: string;
    }
  | { skipped: true; reason: string };

function startServe(dir: string): Promise<{ url: string; child: ChildProcess; ms: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'awb.js'), 'serve', '--workspace', dir, '--port', '0'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`awb serve printed no URL within 120 s:\n${output}`)), 120_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = output.match(/http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/)?.[0];
      if (url) {
        clearTimeout(timer);
        resolve({ url, child, ms: performance.now() - started });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`awb serve exited with ${code}:\n${output}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/// The first rows the library must show: title and file name of the first index entries.
function firstRows(dir: string, n: number): { title: string; sourceName: string }[] {
  const index = JSON.parse(readFileSync(join(dir, 'workspace.json'), 'utf8')) as { documents: { title: string; sourceName: string }[] };
  return index.documents.slice(0, n).map((d) => ({ title: d.title.trim() || 'Untitled', sourceName: d.sourceName }));
}

/// Run in the page at each frame: once the library shows `total` and its first screen of rows
/// matches `rows`, the time and the number of those rows, else false (see the module comment).
function firstScreenShown({ total, count, rows }: { total: string; count: number; rows: { title: string; sourceName: string }[] }): { ms: number; rows: number } | false {
  if (document.querySelector('[data-testid="library-total"]')?.textContent !== total) return false;
  const library = document.querySelector('aside[aria-label="Library"]');
  if (!library) return false;
  const bottom = Math.min(window.innerHeight, library.getBoundingClientRect().bottom);
  const items = [...document.querySelectorAll<HTMLElement>('[data-testid="library-item"]')]
    .map((element) => ({ element, place: Number(element.getAttribute('aria-posinset')), rect: element.getBoundingClientRect() }))
    .sort((a, b) => a.place - b.place);
  let previousBottom = -Infinity;
  for (const [i, { element, place, rect }] of items.entries()) {
    if (place !== i + 1 || element.getAttribute('aria-setsize') !== String(count)) return false;
    if (rect.height === 0 || rect.top < previousBottom - 0.5) return false;
    const row = rows[i];
    if (!row || !element.textContent?.includes(row.title) || !element.textContent.includes(row.sourceName)) return false;
    if (rect.bottom >= bottom || place === count) return { ms: performance.now(), rows: place };
    previousBottom = rect.bottom;
  }
  return false;
}

/// Serves `dir` and times the library of `expected` items in the UI (the app's current renderer
/// build is used as it is; it is not rebuilt here).
export async function measureLibraryUi(browser: Browser, dir: string, expected: number): Promise<LibraryUiResult> {
  const index = join(repoRoot, 'out', 'renderer', 'index.html');
  if (!existsSync(index)) return { skipped: true, reason: 'the app is not built (out/renderer is missing): run "npm run build" first' };
  const check = { total: `${expected.toLocaleString('en-US')} article${expected === 1 ? '' : 's'}`, count: expected, rows: firstRows(dir, 200) };
  const served = await startServe(dir);
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(served.url);
      const shown = await page.waitForFunction(firstScreenShown, check, { polling: 'raf', timeout: 300_000 });
      const { ms, rows } = (await shown.jsonValue()) as { ms: number; rows: number };
      return {
        skipped: false,
        serveStartMs: served.ms,
        libraryShownMs: ms,
        items: expected,
        firstScreenRows: rows,
        renderedRows: await page.locator('[data-testid="library-item"]').count(),
        rendererBuiltAt: statSync(index).mtime.toISOString(),
      };
    } finally {
      await context.close();
    }
  } finally {
    await stop(served.child);
  }
}
