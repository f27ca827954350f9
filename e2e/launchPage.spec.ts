// `npm start` opens browser mode through a private launch page rather than the tokenised
// address (main/web/launchPage.ts): the page takes the browser to the workbench, which then
// drops the token from the address bar. An address whose token the server refuses (mistyped, or
// the server restarted with a new one) shows one page saying it has expired.
import { mkdtempSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { writeLaunchPage } from '../main/web/launchPage';
import { expect, repoRoot, startAndReadUrl, stop, test } from './workbench';

test('the launch page opens the workbench, and the token leaves the address bar', async ({ page, workbench }) => {
  const launch = writeLaunchPage(workbench.url);
  try {
    const token = new URL(workbench.url).searchParams.get('token')!;
    await page.goto(`file://${launch.path}`);
    await expect(page.getByTestId('library-item')).toHaveCount(5);
    expect(page.url()).toBe(`${new URL(workbench.url).origin}/`);
    expect(page.url()).not.toContain(token);
  } finally {
    launch.remove();
  }
});

/// Starts `awb serve` on `workspace` with `args` (at the port it kept, under a confirmed
/// annotator so that the first-run question stays away); the URL it prints and the process.
const serve = (workspace: string, ...args: string[]) =>
  startAndReadUrl([join(repoRoot, 'bin', 'awb.js'), 'serve', '--workspace', workspace, '--annotator', userInfo().username, ...args]);

test('an address with a wrong token shows that it has expired, and no library', async ({ page, workbench }) => {
  const wrong = new URL(workbench.url);
  wrong.searchParams.set('token', 'x'.repeat(32));
  await page.goto(wrong.href);
  await expect(page.getByTestId('expired-address')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'This address has expired' })).toBeVisible();
  await expect(page.getByText('The terminal running the workbench shows the current one.')).toBeVisible();
  await expect(page.getByTestId('library-item')).toHaveCount(0);
  await expect(page.getByText(/401|refused/)).toHaveCount(0);
});

test('a restarted workbench keeps its address; after a new token an open page says it has expired', async ({ page }) => {
  const workspace = join(mkdtempSync(join(tmpdir(), 'awb-e2e-')), 'workspace');
  let served = await serve(workspace);
  try {
    await page.goto(served.url);
    await expect(page.getByTestId('library-item')).toHaveCount(5);
    const first = served.url;

    // Restarted as it was: the same address, and the open page keeps working.
    await stop(served.process);
    served = await serve(workspace);
    expect(served.url).toBe(first);
    await page.reload();
    await expect(page.getByTestId('library-item')).toHaveCount(5);

    // Restarted with a new token on the same port: the page's next call is refused.
    await stop(served.process);
    served = await serve(workspace, '--new-token');
    expect(new URL(served.url).port).toBe(new URL(first).port);
    expect(served.url).not.toBe(first);
    await page.getByTestId('library-item').first().click();
    await expect(page.getByTestId('expired-address')).toBeVisible();
    await expect(page.getByTestId('library-item')).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('expired-address.png') });
  } finally {
    await stop(served.process);
  }
});
