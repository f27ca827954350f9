// The same journey in the real desktop app, where an Electron binary is present
// (a normal install, or ELECTRON_OVERRIDE_DIST_PATH pointing at an Electron build).
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronSqliteBinding } from '../scripts/electronSqlite.js';
import { repoRoot } from './workbench';

const require = createRequire(import.meta.url);

function electronBinary(): string | null {
  try {
    const path = require('electron') as string;
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

test('desktop app: loads, lists the five seed articles, opens two side by side', async ({}, testInfo) => {
  test.skip(
    !binary,
    'no Electron binary: it is downloaded from the internet on first use, which this machine cannot reach ' +
      '(run "node node_modules/electron/install.js" on a connected machine, or set ELECTRON_OVERRIDE_DIST_PATH)',
  );
  // The app's SQLite index needs better-sqlite3 built for Electron, as npm start builds it.
  test.setTimeout(20 * 60_000);
  const sqlite = electronSqliteBinding(binary!, { log: (line: string) => console.log(line) });
  if ('failure' in sqlite) test.skip(true, sqlite.failure);
  const workspace = join(mkdtempSync(join(tmpdir(), 'awb-electron-')), 'workspace');
  const app = await electron.launch({
    executablePath: binary!,
    args: [repoRoot, '--workspace', workspace, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: { ...process.env, AWB_SQLITE_BINDING: (sqlite as { binding: string }).binding } as Record<string, string>,
  });
  try {
    const page = await app.firstWindow();
    // The desktop app's first run asks for the annotator's name, offering the OS user's.
    await page.getByTestId('annotator-dialog-confirm').click();
    await expect(page.getByTestId('annotator-dialog')).toHaveCount(0);
    const items = page.getByTestId('library-item');
    await expect(items).toHaveCount(5);
    await items.nth(1).click();
    await items.nth(2).click({ modifiers: ['Control'] });
    await expect(page.getByTestId('document-pane')).toHaveCount(2);
    await testInfo.attach('desktop app, two articles', { body: await page.screenshot(), contentType: 'image/png' });
  } finally {
    await app.close();
  }
});
