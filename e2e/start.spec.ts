// `npm start` on a machine without the Electron binary: it explains that and serves the same
// workbench in browser mode on the seeds; started again with nothing changed, it builds nothing
// and serves the same address. It may rebuild `out/`, which every other journey serves, so it
// runs in its own project after them (playwright.config.ts).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, repoRoot, startAndReadUrl, stop, test } from './workbench';

const require = createRequire(import.meta.url);
function electronInstalled(): boolean {
  try {
    return existsSync(require('electron') as string);
  } catch {
    return false;
  }
}

test('npm start without the Electron binary explains and serves browser mode on the seeds', async ({ page }) => {
  test.skip(electronInstalled(), 'the Electron binary is installed here, so npm start launches the desktop app instead');
  test.setTimeout(120_000);
  const workspace = join(tmpdir(), `awb-start-${process.pid}-${Date.now()}`);
  const started = await startAndReadUrl([join(repoRoot, 'scripts', 'start.js')], {
    AWB_WORKSPACE: workspace,
    // Offline the download fails anyway; this keeps a connected machine from fetching it mid-test.
    ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    DISPLAY: '',
    WAYLAND_DISPLAY: '',
  });
  try {
    expect(started.output()).toContain('The Electron binary is not installed');
    await page.goto(started.url);
    await expect(page.getByTestId('library-item')).toHaveCount(5);
  } finally {
    await stop(started.process);
  }

  // Started again with nothing changed: no build, and the same address as before.
  const again = await startAndReadUrl([join(repoRoot, 'scripts', 'start.js')], {
    AWB_WORKSPACE: workspace,
    ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    DISPLAY: '',
    WAYLAND_DISPLAY: '',
  });
  try {
    expect(again.output()).toContain('The build in out/ is up to date with the sources.');
    expect(again.output()).not.toMatch(/^Building |vite v\d/m);
    expect(again.url).toBe(started.url);
    await page.reload();
    await expect(page.getByTestId('library-item')).toHaveCount(5);
  } finally {
    await stop(again.process);
  }
});
