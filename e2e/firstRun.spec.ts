// The first run of a workspace asks once for the annotator's name (offering the OS user's), and a
// reload reopens the panes of the last session in order, the focus where it was, and a long
// article scrolled back to the same first visible line.
import { mkdtempSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { longArticle } from './longArticle';
import { expect, repoRoot, startAndReadUrl, stop, test } from './workbench';

test('a fresh workspace asks once for the annotator, offering the OS user name; the name is set and not asked for again', async ({ page, browser }) => {
  const workspace = join(mkdtempSync(join(tmpdir(), 'awb-first-run-')), 'workspace');
  // Served as a person would, without --annotator.
  const served = await startAndReadUrl([join(repoRoot, 'bin', 'awb.js'), 'serve', '--workspace', workspace, '--port', '0']);
  try {
    await page.goto(served.url);
    const dialog = page.getByTestId('annotator-dialog');
    const input = page.getByTestId('annotator-dialog-input');
    await expect(dialog).toBeVisible();
    await expect(input).toHaveValue(userInfo().username);
    await expect(input).toBeFocused();
    // Its text selected: typing replaces it.
    expect(await input.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, userInfo().username.length]);

    // The curated layer of Review is not a name; Enter confirms.
    await page.keyboard.type('curation');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('annotator-dialog-problem')).toContainText('"curation" is the curated layer of Review');
    await expect(dialog).toBeVisible();

    await input.fill('Ana Analyst');
    await input.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('annotator-name')).toContainText('Ana Analyst');

    // Not asked again: after a reload, nor in another browser.
    await page.reload();
    await expect(page.getByTestId('annotator-name')).toContainText('Ana Analyst');
    await expect(page.getByTestId('library-item')).toHaveCount(5);
    await expect(dialog).toHaveCount(0);
    const other = await browser.newPage();
    try {
      await other.goto(served.url);
      await expect(other.getByTestId('annotator-name')).toContainText('Ana Analyst');
      await expect(other.getByTestId('library-item')).toHaveCount(5);
      await expect(other.getByTestId('annotator-dialog')).toHaveCount(0);
    } finally {
      await other.close();
    }
  } finally {
    await stop(served.process);
  }
});

const LONG = longArticle({ title: 'A long dispatch to come back to', opening: 'It opens with Alpha Marker.', ending: 'It ends with Zebediah Quark.', chars: 200_000 });

/// The first paragraph with text at or after the first line at least partly visible at the top of
/// `pane` (a blank line may be that line), how far (in pixels) the top of the pane is below that
/// paragraph's top, and the line height of the text.
function firstVisibleLine(pane: Locator) {
  return pane.locator('.pane-scroll').evaluate((scroller) => {
    const top = scroller.getBoundingClientRect().top;
    const lines = [...scroller.querySelectorAll('[data-testid="document-view"] p')];
    const first = lines.findIndex((p) => p.getBoundingClientRect().bottom > top + 2);
    const paragraph = lines.slice(Math.max(0, first)).find((p) => p.textContent);
    const lineHeight = parseFloat(getComputedStyle(paragraph ?? scroller).lineHeight);
    return { text: paragraph?.textContent?.slice(0, 16) ?? '', below: top - (paragraph?.getBoundingClientRect().top ?? 0), lineHeight };
  });
}

test('a reload reopens both panes in order, the focus where it was, the long article scrolled to the same line', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await expect(page.getByTestId('annotator-dialog')).toHaveCount(0);
  const items = page.getByTestId('library-item');
  await expect(items).toHaveCount(5);
  await page.getByTestId('import-input').setInputFiles({ name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from(LONG) });
  await expect(items).toHaveCount(6);

  // A seed article, and the long one beside it.
  await items.filter({ hasText: 'Bashar al-Assad' }).first().click();
  await items.filter({ hasText: 'A long dispatch to come back to' }).click({ modifiers: ['Control'] });
  const panes = page.getByTestId('document-pane');
  await expect(panes.getByTestId('document-view')).toHaveCount(2);
  await expect(panes.nth(1).getByTestId('document-view')).toContainText('Alpha Marker');
  const ids = [await panes.nth(0).getAttribute('data-doc-id'), await panes.nth(1).getAttribute('data-doc-id')];

  // Far down the long article: about two thirds of the way (the window follows).
  const scroller = panes.nth(1).locator('.pane-scroll');
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight * 0.65));
  await expect(panes.nth(1).getByTestId('document-view')).not.toContainText('Alpha Marker');
  await page.waitForTimeout(300);
  await scroller.evaluate((el) => (el.scrollTop += 37));
  await page.waitForTimeout(300);
  const before = await firstVisibleLine(panes.nth(1));
  expect(before.text).toMatch(/^Paragraph \d{3,}/);

  // The focus back on the first pane.
  await panes.nth(0).getByTestId('document-view').click();
  await expect(panes.nth(0)).toHaveAttribute('data-focused', 'true');

  await page.reload();
  await expect(panes.getByTestId('document-view')).toHaveCount(2);
  expect([await panes.nth(0).getAttribute('data-doc-id'), await panes.nth(1).getAttribute('data-doc-id')]).toEqual(ids);
  await expect(panes.nth(0)).toHaveAttribute('data-focused', 'true');
  await expect(panes.nth(1)).not.toHaveAttribute('data-focused', 'true');
  await expect.poll(async () => (await firstVisibleLine(panes.nth(1))).text, { timeout: 10_000 }).toBe(before.text);
  const after = await firstVisibleLine(panes.nth(1));
  expect(Math.abs(after.below - before.below)).toBeLessThan(after.lineHeight);
});
