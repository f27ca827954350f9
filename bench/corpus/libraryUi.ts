/// The library in the real UI: `awb serve` on the corpus (browser mode, the app's own renderer
/// build in `out/renderer`), then Chromium from navigation until the library is shown.
///
/// "Shown" means: the library's count says all `expected` articles ("10,000 articles"), and the
/// first screen of rows is rendered and correct, namely the rows from the first one down to the
/// bottom of the library (or to the last row, if fewer fill it) are in the DOM, in order, without
/// overlapping, each with the title and file name of the entry at its place in the store's first
/// library page (`libraryPage` in its default order) and announced as "n of `expected`"
/// (`aria-posinset` / `aria-setsize`). The list is virtualised, so rows below the first screen
/// are not in the DOM; until the renderer virtualised it (November 2026), this measured until all
/// `expected` items were in the DOM (about 1.4–2.0 s then).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import { Workspace } from '../../main/core/store/workspace';
import { repoRoot, serveUnavailable, startServe, stopServe } from './serveStart';

/// What the UI measurement found, or why it was skipped.
export type LibraryUiResult =
  | {
      skipped: false;
      /// From starting `awb serve` to its URL, this once (see `measureServeStart` for the row).
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

/// The first rows the library must show: title and file name of the first entries of the
/// store's first page (`libraryPage` in its default order, import order).
async function firstRows(dir: string, n: number): Promise<{ title: string; sourceName: string }[]> {
  const workspace = await Workspace.open(dir, { readOnly: true });
  try {
    const page = await workspace.libraryPage({ offset: 0, limit: n });
    return page.documents.map((d) => ({ title: d.title.trim() || 'Untitled', sourceName: d.sourceName }));
  } finally {
    await workspace.close();
  }
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
  const unavailable = serveUnavailable();
  if (unavailable) return { skipped: true, reason: unavailable };
  const index = join(repoRoot, 'out', 'renderer', 'index.html');
  const check = { total: `${expected.toLocaleString('en-US')} article${expected === 1 ? '' : 's'}`, count: expected, rows: await firstRows(dir, 200) };
  // The page is open before the server starts, as a user's browser is: a new tab's own start-up
  // (headless Chromium loads its omnibox's pages into each) is not the library's.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    const served = await startServe(dir);
    try {
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
      await stopServe(served.child);
    }
  } finally {
    await context.close();
  }
}
