// A very long article (about 600,000 characters) is shown windowed: only the paragraphs near the
// viewport are in the DOM. Tagging with the mouse at its end stores exact offsets, and j/k to an
// annotation far away moves the window there and shows it highlighted.
import type { Locator, Page } from '@playwright/test';
import { importAndOpen, longArticle } from './longArticle';
import { recordCopies, saved, select, storedDocument } from './pageActions';
import { expect, test } from './workbench';

/// About 600,000 characters of news-like paragraphs separated by blank lines, with one phrase to
/// find at the start and one at the end (and an emoji before it, so offsets are UTF-16 units).
const ARTICLE = longArticle({
  title: 'A very long dispatch from the front',
  opening: 'Opening remark by Alpha Marker about the ceasefire.',
  ending: 'In the end 😀 envoy Zebediah Quark signed the final accord.',
  chars: 600_000,
});

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
  const lines = ARTICLE.split('\n').length;
  await page.goto(workbench.url);
  await expect(page.getByTestId('library-item')).toHaveCount(5);
  const { pane, view, docId } = await importAndOpen(page, ARTICLE, 'Alpha Marker');

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

  const file = storedDocument(workbench.workspace, docId);
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

  // Opened afresh from the library's text search, the article shows the match selected, in view.
  // (The import report may cover the close button.)
  await page.getByTestId('pane-close').dispatchEvent('click');
  await expect(view).toHaveCount(0);
  await page.getByTestId('library-search').fill('the final accord');
  await page.getByTestId('text-search-result').click();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('the final accord');
  const match = await page.evaluate(() => window.getSelection()!.getRangeAt(0).getBoundingClientRect().top);
  const box = (await pane.locator('.pane-scroll').boundingBox())!;
  expect(match).toBeGreaterThan(box.y);
  expect(match).toBeLessThan(box.y + box.height);
});

/// The screen point just inside the end (or start) of `phrase` in the view, after bringing it to
/// the middle of the pane and letting the window settle around it.
async function pointAt(page: Page, view: Locator, phrase: string, side: 'start' | 'end'): Promise<{ x: number; y: number }> {
  const locate = (scroll: boolean) =>
    view.evaluate(
      (root, [p, s, scrollTo]) => {
        // The phrase may span several text nodes (a highlight or a suggestion's frame splits them).
        const at = root.textContent?.indexOf(p) ?? -1;
        if (at === -1) throw new Error(`${p} is not drawn`);
        let char = s === 'end' ? at + p.length - 1 : at;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const node = walker.currentNode as Text;
          if (char >= node.data.length) {
            char -= node.data.length;
            continue;
          }
          if (scrollTo) node.parentElement!.scrollIntoView({ block: 'center' });
          const range = document.createRange();
          range.setStart(node, char);
          range.setEnd(node, char + 1);
          const box = range.getBoundingClientRect();
          return { x: s === 'end' ? box.right - 1 : box.left + 1, y: box.top + box.height / 2 };
        }
        throw new Error(`${p} is not drawn`);
      },
      [phrase, side, scroll] as const,
    );
  await locate(true);
  await page.waitForTimeout(300);
  return locate(false);
}

/// Presses at `from`, scrolls the pane by `step` pixels at a time with the button held (as the
/// pane scrolls when a drag passes its edge) until `to` is drawn, and releases there.
/// (Playwright's wheel events carry no buttons: they would end the drag.)
async function dragWhileScrolling(page: Page, pane: Locator, from: { x: number; y: number }, to: string, toSide: 'start' | 'end', step: number) {
  const view = pane.getByTestId('document-view');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 40, from.y, { steps: 2 });
  const scroller = pane.locator('.pane-scroll');
  await expect
    .poll(
      async () => {
        await scroller.evaluate((el, by) => void (el.scrollTop += by), step);
        return view.evaluate((root, t) => root.textContent?.includes(t) ?? false, to);
      },
      { timeout: 20_000, intervals: [50] },
    )
    .toBe(true);
  const end = await pointAt(page, view, to, toSide);
  await page.mouse.move(end.x, end.y, { steps: 4 });
  await page.mouse.up();
}

test('drags that scroll the pane select text far beyond the window, down and up, and tag it exactly', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await expect(page.getByTestId('library-item')).toHaveCount(5);
  const { pane, view, docId } = await importAndOpen(page, ARTICLE, 'Alpha Marker');
  const selection = () => page.evaluate(() => window.getSelection()?.toString() ?? '');

  // Down: from "Opening remark" to the number of "Paragraph 80", not drawn at first.
  await expect(view).not.toContainText('Paragraph 80:');
  await dragWhileScrolling(page, pane, await pointAt(page, view, 'Opening remark', 'start'), 'Paragraph 80', 'end', 400);
  const down = await selection();
  expect(down.startsWith('Opening remark'), `selected ${down.length}: ${down.slice(0, 40)} … ${down.slice(-40)}`).toBe(true);
  expect(down.endsWith('Paragraph 80')).toBe(true);
  await expect(page.getByTestId('selection-toolbar')).toBeInViewport();
  await page.keyboard.press('1');
  await saved(page);

  // Up: from "Zebediah" at the very end back to "Paragraph 1700", far above.
  await scrollToEnd(page, pane, 'Zebediah Quark');
  await expect(view).not.toContainText('Paragraph 1700:');
  await dragWhileScrolling(page, pane, await pointAt(page, view, 'Zebediah', 'end'), 'Paragraph 1700:', 'start', -400);
  const up = await selection();
  expect(up.startsWith('Paragraph 1700:'), `selected ${up.length}: ${up.slice(0, 40)} … ${up.slice(-40)}`).toBe(true);
  expect(up.endsWith('Zebediah')).toBe(true);
  await expect(page.getByTestId('selection-toolbar')).toBeInViewport();
  await page.keyboard.press('2');
  await saved(page);

  const file = storedDocument(workbench.workspace, docId);
  const spans = file.annotations.map((a) => [a.label, a.start, a.end]).sort();
  const text = ARTICLE;
  const paragraph80 = text.indexOf('Paragraph 80:');
  const zebediah = text.indexOf('Zebediah');
  expect(spans).toEqual([
    ['actor', text.indexOf('Opening remark'), paragraph80 + 'Paragraph 80'.length],
    ['location', text.indexOf('Paragraph 1700:'), zebediah + 'Zebediah'.length],
  ]);
  for (const a of file.annotations) expect(a.quote).toBe(text.slice(a.start, a.end));
});

test('copying gives the article’s own text: a selection across lines, and Ctrl+A, all of a long article', async ({ page, workbench }) => {
  const copied = await recordCopies(page);
  await page.goto(workbench.url);
  await expect(page.getByTestId('library-item')).toHaveCount(5);
  const { pane, view, docId } = await importAndOpen(page, ARTICLE, 'Alpha Marker');
  const text = storedDocument(workbench.workspace, docId).document.text;

  // A drag from the opening into the next paragraph: the text between, one newline per line
  // break (ProseMirror would put a blank line for each).
  await select(page, pane, 'Opening remark', 'Paragraph 0');
  const from = text.indexOf('Opening remark');
  expect(await copied('Control+c')).toBe(text.slice(from, text.indexOf('Paragraph 0') + 'Paragraph 0'.length));

  // Ctrl+A in the pane: all 600,000 characters, though a few thousand are drawn.
  await pane.locator('.pane-scroll').focus();
  await page.keyboard.press('Control+a');
  await expect(pane.locator('.document-view')).toHaveClass(/is-all-selected/);
  await expect(pane.getByRole('status')).toHaveText(`Whole text selected, ${text.length.toLocaleString('en-US')} characters; Ctrl+C copies it`);
  expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('');
  const all = await copied('Control+c');
  expect(all?.length).toBe(text.length);
  expect(all).toBe(text);
  expect(await paragraphsInView(pane)).toBeLessThan(200);
  // A label key does not tag a whole article; a click ends the selection, and copying then
  // takes what the browser has selected again.
  await page.keyboard.press('1');
  await expect(page.getByTestId('annotation-item')).toHaveCount(0);
  await view.getByText('Opening remark', { exact: false }).click();
  await expect(pane.locator('.document-view')).not.toHaveClass(/is-all-selected/);
  expect(await copied('Control+c')).toBeUndefined();

  // Focus elsewhere ends it too: a copy in the library filter is the filter's text.
  await pane.locator('.pane-scroll').focus();
  await page.keyboard.press('Control+a');
  await expect(pane.locator('.document-view')).toHaveClass(/is-all-selected/);
  await page.keyboard.press('/');
  await page.keyboard.type('dispatch');
  await page.keyboard.press('Control+a');
  expect(await copied('Control+c')).toBeUndefined();
  await expect(pane.locator('.document-view')).not.toHaveClass(/is-all-selected/);
});
