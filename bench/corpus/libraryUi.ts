/// The library in the real UI: `awb serve` on the corpus (browser mode, the app's own renderer
/// build in `out/renderer`), then Chromium from navigation until every library item is in the
/// DOM.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
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
      /// From navigation to `items` library items in the DOM (page load, `documents.list` over
      /// HTTP, React render).
      libraryShownMs: number;
      items: number;
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

/// Serves `dir` and times the library of `expected` items in the UI (the app's current renderer
/// build is used as it is; it is not rebuilt here).
export async function measureLibraryUi(browser: Browser, dir: string, expected: number): Promise<LibraryUiResult> {
  const index = join(repoRoot, 'out', 'renderer', 'index.html');
  if (!existsSync(index)) return { skipped: true, reason: 'the app is not built (out/renderer is missing): run "npm run build" first' };
  const served = await startServe(dir);
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(served.url);
      const shown = await page.waitForFunction(
        (n) => (document.querySelectorAll('[data-testid="library-item"]').length >= n ? performance.now() : false),
        expected,
        { polling: 'raf', timeout: 300_000 },
      );
      return {
        skipped: false,
        serveStartMs: served.ms,
        libraryShownMs: (await shown.jsonValue()) as number,
        items: await page.locator('[data-testid="library-item"]').count(),
        rendererBuiltAt: statSync(index).mtime.toISOString(),
      };
    } finally {
      await context.close();
    }
  } finally {
    await stop(served.child);
  }
}
