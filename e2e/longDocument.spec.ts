// A very long article (about 600,000 characters) is shown windowed: only the paragraphs near the
// viewport are in the DOM. Tagging with the mouse at its end stores exact offsets, and j/k to an
// annotation far away moves the window there and shows it highlighted.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { documentFile, saved, select } from './pageActions';
import { expect, test } from './workbench';

interface StoredFile {
  document: { text: string };
  annotations: { id: string; start: number; end: number; quote: string; label: string }[];
}

function stored(workspace: string, docId: string): StoredFile {
  return JSON.parse(readFileSync(documentFile(workspace, docId), 'utf8')) as StoredFile;
}

/// About 600,000 characters of news-like paragraphs separated by blank lines, with one phrase to
/// find at the start and one at the end (and an emoji before it, so offsets are UTF-16 units).
function longArticle(): string {
  const words = ['the', 'convoy', 'reached', 'Aleppo', 'after', 'talks', 'with', 'officials', 'who', 'said', 'that', 'civilians', 'were', 'leaving'];
  const paragraphs = ['A very long dispatch from the front', '', 'Opening remark by Alpha Marker about the ceasefire.'];
  for (let i = 0; paragraphs.join('\n').length < 600_000; i++) {
    const sentence = Array.from({ length: 48 }, (_, j) => words[(i * 7 + j * 3) % words.length]).join(' ');
    paragraphs.push('', `Paragraph ${i}: ${sentence[0].toUpperCase()}${sentence.slice(1)}.`);
  }
  paragraphs.push('', 'In the end 😀 envoy Zebediah Quark signed the final accord.');
  return paragraphs.join('\n');
}

async function paragraphsInView(pane: Locator): Promise<number> {
  return pane.getByTestId('document-view').locator('p').count();
}

/// Scrolls the pane's text to its very end (the window follows, frame by frame).
async function scrollToEnd(page: Page, pane: Locator, phrase: string): Promise<void> {
  const scroller = pane.locator('.pane-scroll');
  await expect
    .poll(
      async () =>
        scroller.evaluate((el, text) => {
          el.scrollTop = el.scrollHeight;
          return el.querySelector('[data-testid="document-view"]')?.textContent?.includes(text) ?? false;
        }, phrase),
      { timeout: 20_000 },
    )
    .toBe(true);
  // Settled: the window no longer moves.
  await page.waitForTimeout(200);
}

test('a 600,000-character article is windowed; tags at its end are exact; j/k reach far annotations', async ({ page, workbench }) => {
  const text = longArticle();
  const lines = text.split('\n').length;
  await page.goto(workbench.url);
  await expect(page.getByTestId('library-item')).toHaveCount(5);
  await page.getByTestId('import-input').setInputFiles({ name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.getByTestId('library-item').filter({ hasText: 'A very long dispatch' }).click();
  const pane = page.getByTestId('document-pane').first();
  const view = pane.getByTestId('document-view');
  await expect(view).toContainText('Alpha Marker');
  const docId = (await pane.getAttribute('data-doc-id'))!;

  // Far fewer paragraphs in the DOM than the text has lines.
  expect(lines).toBeGreaterThan(2_000);
  expect(await paragraphsInView(pane)).toBeLessThan(lines / 10);

  // Tag a phrase on the first screen.
  await select(page, pane, 'Alpha Marker');
  await expect(page.getByTestId('selection-toolbar')).toBeVisible();
  await page.keyboard.press('1');
  await saved(page);

  // Scroll to the end and tag a phrase there with the mouse.
  await scrollToEnd(page, pane, 'Zebediah Quark');
  expect(await paragraphsInView(pane)).toBeLessThan(lines / 10);
  await expect(view).not.toContainText('Alpha Marker');
  await select(page, pane, 'Zebediah Quark');
  await expect(page.getByTestId('selection-toolbar')).toBeVisible();
  await page.keyboard.press('1');
  await expect(pane.locator('.anno.is-selected', { hasText: 'Zebediah Quark' })).toBeVisible();
  await saved(page);

  const file = stored(workbench.workspace, docId);
  expect(file.document.text.length).toBeGreaterThan(590_000);
  const quotes = file.annotations.map((a) => file.document.text.slice(a.start, a.end)).sort();
  expect(quotes).toEqual(['Alpha Marker', 'Zebediah Quark']);
  for (const a of file.annotations) expect(file.document.text.slice(a.start, a.end)).toBe(a.quote);
  const last = file.annotations.find((a) => a.quote === 'Zebediah Quark')!;
  expect(last.start).toBe(file.document.text.indexOf('Zebediah Quark'));

  // k: the previous annotation, 600,000 characters back, is brought into view, highlighted.
  await page.keyboard.press('k');
  const first = pane.locator('.anno.is-selected', { hasText: 'Alpha Marker' });
  await expect(first).toBeInViewport();
  expect(await paragraphsInView(pane)).toBeLessThan(lines / 10);
  // j: back to the end.
  await page.keyboard.press('j');
  await expect(pane.locator('.anno.is-selected', { hasText: 'Zebediah Quark' })).toBeInViewport();
});
