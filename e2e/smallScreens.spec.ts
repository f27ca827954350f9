// Small screens, by measurement: at 1024×768, 1280×720, 800×600 and 600×800 nothing scrolls
// sideways, every header button is on screen, panes keep their minimum width (the rest become
// tabs), words wrap whole; the inspector's note is reachable beside the annotation list; the
// library and the inspector hide and show by button and by key; the selection toolbar stays in
// its pane and off the line above the selection.
import type { Locator, Page } from '@playwright/test';
import { clickOn, select, tag } from './pageActions';
import { expect, test } from './workbench';

const MIN_PANE_WIDTH = 350;
const HEADER_BUTTONS = ['compare-toggle', 'review-toggle', 'annotator-name', 'import-button', 'import-url-button', 'entities-button', 'export-button', 'backups-button'];

/// Opens the workbench at a window size and the given seed articles, the first in the focused
/// pane and the others beside it, through the library (shown first where it starts hidden).
async function openAt(page: Page, url: string, size: { width: number; height: number }, ...seeds: number[]): Promise<void> {
  await page.setViewportSize(size);
  await page.goto(url);
  for (const [i, seed] of seeds.entries()) {
    const toggle = page.getByTestId('library-toggle');
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    const item = page.getByTestId('library-item').nth(seed);
    await expect(page.getByTestId('library-item')).toHaveCount(5);
    await item.click(i === 0 ? undefined : { modifiers: ['Control'] });
    await expect(page.getByTestId('document-pane').getByTestId('document-view')).toHaveCount(i + 1);
  }
  // A drawer still open after opening beside is closed, as a click in the text would.
  if (await page.locator('.library-slot.is-drawer').isVisible()) await page.getByTestId('library-toggle').click();
}

/// Words of the visible text of `root` that the browser broke across lines (a word of 4 to 15
/// letters drawn as more than one line box).
async function brokenWords(root: Locator): Promise<string[]> {
  return root.evaluate((element) => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const parent = node.parentElement;
      if (!parent || parent.closest('[hidden], .visually-hidden') || !parent.checkVisibility()) continue;
      for (const match of node.data.matchAll(/[\p{L}\p{N}]{4,15}/gu)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
    return broken;
  });
}

/// Whether the element's middle is on screen and not covered by anything else.
async function onTop(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const r = element.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return false;
    const hit = document.elementFromPoint(x, y);
    return hit !== null && (element === hit || element.contains(hit));
  });
}

for (const size of [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 800, height: 600 },
  { width: 600, height: 800 },
]) {
  test(`three articles at ${size.width}×${size.height}: no sideways scroll, every header button on screen, panes wide enough or tabbed, words whole`, async ({ page, workbench }, testInfo) => {
    await openAt(page, workbench.url, size, 1, 3, 4);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);

    for (const id of HEADER_BUTTONS) {
      const button = page.getByTestId(id);
      const box = (await button.boundingBox())!;
      expect(box, id).not.toBeNull();
      expect(box.x, id).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, id).toBeLessThanOrEqual(size.width);
      expect(box.y + box.height, id).toBeLessThanOrEqual(size.height);
      expect(await onTop(button), `${id} is not covered`).toBe(true);
    }

    const panes = page.getByTestId('document-pane');
    const shown: number[] = [];
    for (let i = 0; i < 3; i++) if (await panes.nth(i).isVisible()) shown.push((await panes.nth(i).boundingBox())!.width);
    for (const width of shown) expect(width).toBeGreaterThanOrEqual(MIN_PANE_WIDTH);
    if (shown.length < 3) {
      // The panes that do not fit are tabs of the last column, one of them shown.
      await expect(page.getByTestId('pane-tab')).toHaveCount(3 - shown.length + 1);
      await expect(page.getByTestId('pane-tab').and(page.locator('[aria-selected="true"]'))).toHaveCount(1);
    }

    // Select a tag, so that the inspector (where it is shown) has its fields.
    const focused = page.locator('[data-testid="document-pane"][data-focused="true"]');
    await select(page, focused, 'Aleppo');
    await page.keyboard.press('2');
    await expect(page.getByTestId('inspector-quote').first()).toBeAttached();
    for (const area of ['.app-header', '.annotate-bar', '.library-slot', '.reading-area', '.side-panel']) {
      const root = page.locator(area);
      if (await root.isVisible()) expect(await brokenWords(root), `words broken in ${area}`).toEqual([]);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
    {
      const path = testInfo.outputPath(`three-articles-${size.width}x${size.height}.png`);
      await page.screenshot({ path });
      await testInfo.attach(`three articles at ${size.width}×${size.height}`, { path, contentType: 'image/png' });
    }
  });
}

test('at 1280×720 the note field of a selected tag is on screen beside the annotation list', async ({ page, workbench }, testInfo) => {
  await openAt(page, workbench.url, { width: 1280, height: 720 }, 1);
  const pane = page.getByTestId('document-pane');
  for (const phrase of ['Staffan de Mistura', 'Aleppo', 'Russians']) {
    await select(page, pane, phrase);
    await page.keyboard.press('1');
  }
  await clickOn(page, pane, 'Staffan de Mistura');
  const note = page.getByTestId('inspector').getByTestId('note-editor');
  await note.scrollIntoViewIfNeeded();
  await expect(note).toBeInViewport({ ratio: 1 });
  await expect.poll(() => onTop(note)).toBe(true);
  // The annotation list is below it, a readable height, its items reachable too.
  const list = page.locator('.side-panel .annotation-list');
  expect((await list.boundingBox())!.height).toBeGreaterThanOrEqual(200);
  const item = page.getByTestId('annotation-item').first();
  await item.scrollIntoViewIfNeeded();
  // Polled: the list may still be scrolling the selected tag's row into view, smoothly.
  await expect.poll(() => onTop(item)).toBe(true);
  const path = testInfo.outputPath('inspector-1280x720.png');
  await page.screenshot({ path });
  await testInfo.attach('inspector at 1280×720', { path, contentType: 'image/png' });
});

test('the library and the inspector hide and show by button and by key; the choice is remembered', async ({ page, workbench }) => {
  await openAt(page, workbench.url, { width: 1440, height: 900 }, 1);
  const library = page.locator('#library-panel');
  const inspector = page.locator('#inspector-panel');
  const libraryToggle = page.getByTestId('library-toggle');
  const inspectorToggle = page.getByTestId('inspector-toggle');
  const paneWidth = async () => (await page.getByTestId('document-pane').boundingBox())!.width;
  const before = await paneWidth();

  await libraryToggle.click();
  await expect(library).toBeHidden();
  await expect(libraryToggle).toHaveAttribute('aria-expanded', 'false');
  await expect(libraryToggle).toHaveAccessibleName('Show library');
  expect(await paneWidth()).toBeGreaterThan(before + 150);
  await page.locator('body').click({ position: { x: 5, y: 890 } });
  await page.keyboard.press(']');
  await expect(inspector).toBeHidden();
  await expect(page.getByTestId('inspector-toggle-status')).toHaveText('Inspector hidden');

  // Remembered across a reload.
  await page.reload();
  await expect(page.getByTestId('library-toggle')).toHaveAttribute('aria-expanded', 'false');
  await expect(library).toBeHidden();
  await page.keyboard.press('[');
  await expect(library).toBeVisible();
  await expect(page.getByTestId('library-toggle-status')).toHaveText('Library shown');
  await page.getByTestId('library-item').nth(1).click();
  await expect(inspectorToggle).toHaveAttribute('aria-expanded', 'false');
  await inspectorToggle.click();
  await expect(inspector).toBeVisible();
  await expect(inspectorToggle).toHaveAccessibleName('Hide inspector');

  // `/` shows a hidden library and filters it.
  await libraryToggle.click();
  await page.getByTestId('document-pane').locator('.pane-scroll').click();
  await page.keyboard.press('/');
  await expect(library).toBeVisible();
  await expect(library.locator('input').first()).toBeFocused();
});

test('at 1024×768 the library starts hidden and opens over the articles; Esc or an article opened from it closes it', async ({ page, workbench }, testInfo) => {
  await openAt(page, workbench.url, { width: 1024, height: 768 }, 1);
  const library = page.locator('#library-panel');
  await expect(library).toBeHidden();
  const pane = page.getByTestId('document-pane');
  const before = (await pane.boundingBox())!;
  await page.keyboard.press('[');
  await expect(library).toBeVisible();
  // Drawn over the article, which keeps its width.
  expect((await pane.boundingBox())!.width).toBe(before.width);
  expect(await onTop(page.getByTestId('library-item').nth(2))).toBe(true);
  const path = testInfo.outputPath('library-drawer-1024x768.png');
  await page.screenshot({ path });
  await testInfo.attach('library drawer at 1024×768', { path, contentType: 'image/png' });
  // Esc in the drawer closes it and puts the focus on its toggle; the filter keeps Esc for itself.
  await page.getByTestId('library-search').fill('Aleppo');
  await page.getByTestId('library-search').press('Escape');
  await expect(page.getByTestId('library-search')).toHaveValue('');
  await expect(library).toBeVisible();
  await expect(page.getByTestId('library-item')).toHaveCount(5);
  await page.getByTestId('library-item').nth(0).locator('.library-open').focus();
  await page.keyboard.press('Escape');
  await expect(library).toBeHidden();
  await expect(page.getByTestId('library-toggle')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(library).toBeVisible();
  await page.getByTestId('library-item').nth(2).click();
  await expect(library).toBeHidden();
  await expect(pane.getByTestId('document-view')).toContainText('13,000 civilians');
});

test('at 900×700 the inspector is a drawer below the bar: Esc while picking a speaker stops the picking only; Esc again closes it', async ({ page, workbench }) => {
  await openAt(page, workbench.url, { width: 900, height: 700 }, 1);
  const pane = page.getByTestId('document-pane');
  await tag(page, pane, '4', 'It is for the Russians to leave');
  await tag(page, pane, '1', 'Lavrov');
  await clickOn(page, pane, 'Russians to leave');
  const inspector = page.locator('#inspector-panel');
  if (!(await inspector.isVisible())) await page.getByTestId('inspector-toggle').click();
  await expect(page.locator('.side-panel.is-drawer')).toBeVisible();
  // A drawer as wide as the inspector, over the article, below the bar: both toggles uncovered.
  expect((await inspector.boundingBox())!.width).toBeGreaterThanOrEqual(280);
  expect(await onTop(page.getByTestId('inspector-toggle'))).toBe(true);
  expect(await onTop(page.getByTestId('library-toggle'))).toBe(true);
  const pick = inspector.getByTestId('pick-speaker');
  await pick.click();
  await expect(pick).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  await expect(pick).toHaveAttribute('aria-pressed', 'false');
  await expect(inspector).toBeVisible();
  await pick.focus();
  await page.keyboard.press('Escape');
  await expect(inspector).toBeHidden();
  await expect(page.getByTestId('inspector-toggle')).toBeFocused();
});

test('panes that do not fit are tabs: a click or the arrow keys show another; closing and opening keep working', async ({ page, workbench }) => {
  await openAt(page, workbench.url, { width: 1024, height: 768 }, 1, 3, 4);
  const tabs = page.getByTestId('pane-tab');
  const panes = page.getByTestId('document-pane');
  await expect(tabs).toHaveCount(2);
  const visibleDocs = async () => {
    const ids: string[] = [];
    for (let i = 0; i < (await panes.count()); i++) if (await panes.nth(i).isVisible()) ids.push((await panes.nth(i).getAttribute('data-doc-id'))!);
    return ids;
  };
  // The last opened is the focused one: its tab is active.
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  const [first, second] = [await tabs.nth(0).getAttribute('data-doc-id'), await tabs.nth(1).getAttribute('data-doc-id')];
  expect(await visibleDocs()).toContain(second);
  await tabs.nth(0).click();
  await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
  expect(await visibleDocs()).toContain(first);
  expect(await visibleDocs()).not.toContain(second);
  await page.keyboard.press('ArrowRight');
  await expect(tabs.nth(1)).toBeFocused();
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  expect(await visibleDocs()).toContain(second);

  // Closing the shown tab's pane: two panes left, side by side, no tabs.
  await page.locator(`[data-testid="document-pane"][data-doc-id="${second}"]`).getByTestId('pane-close').click();
  await expect(tabs).toHaveCount(0);
  expect(await visibleDocs()).toHaveLength(2);
  await page.keyboard.press('[');
  await page.getByTestId('library-item').nth(2).click({ modifiers: ['Control'] });
  await expect(tabs).toHaveCount(2);
  await expect(panes).toHaveCount(3);
});

/// The rectangle of the line of text above the first line of `phrase` in a pane.
async function lineAbove(pane: Locator, phrase: string): Promise<{ top: number; bottom: number }> {
  return pane.getByTestId('document-view').evaluate((root, phrase) => {
    const selection = window.getSelection()!.getRangeAt(0);
    const first = selection.getClientRects()[0];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let best: DOMRect | null = null;
    while (walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(walker.currentNode);
      for (const r of range.getClientRects()) if (r.bottom <= first.top + 1 && r.height > 0 && (!best || r.bottom > best.bottom)) best = r;
    }
    if (!best) throw new Error(`no line above ${phrase}`);
    return { top: best.top, bottom: best.bottom };
  }, phrase);
}

test('the selection toolbar stays inside its pane and off the line above the selection', async ({ page, workbench }) => {
  await openAt(page, workbench.url, { width: 1280, height: 720 }, 1, 3);
  const toolbar = page.getByTestId('selection-toolbar');
  for (const [index, phrase] of [
    [0, 'Staffan de Mistura'],
    [1, 'Syrian Observatory'],
  ] as const) {
    const pane = page.getByTestId('document-pane').nth(index);
    await select(page, pane, phrase);
    await expect(toolbar).toBeVisible();
    const box = (await toolbar.boundingBox())!;
    const paneBox = (await pane.locator('.pane-scroll').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(paneBox.x);
    expect(box.x + box.width).toBeLessThanOrEqual(paneBox.x + paneBox.width);
    expect(box.y).toBeGreaterThanOrEqual(paneBox.y);
    expect(box.y + box.height).toBeLessThanOrEqual(paneBox.y + paneBox.height);
    const above = await lineAbove(pane, phrase);
    const overlaps = box.y < above.bottom && box.y + box.height > above.top;
    expect(overlaps, `toolbar ${JSON.stringify(box)} over the line above ${JSON.stringify(above)}`).toBe(false);
  }

  // The first line of a pane scrolled to the top: no room above, so below the selection.
  const pane = page.getByTestId('document-pane').nth(0);
  await pane.locator('.pane-scroll').evaluate((e) => e.scrollTo(0, 0));
  const firstWord = ((await pane.locator('.document-text p').first().innerText()).match(/\p{L}{4,}/u) ?? [''])[0];
  await select(page, pane, firstWord);
  await expect(toolbar).toBeVisible();
  const box = (await toolbar.boundingBox())!;
  const paneBox = (await pane.locator('.pane-scroll').boundingBox())!;
  const selected = await page.evaluate(() => window.getSelection()!.getRangeAt(0).getBoundingClientRect().bottom);
  expect(box.y).toBeGreaterThanOrEqual(selected);
  expect(box.y + box.height).toBeLessThanOrEqual(paneBox.y + paneBox.height);
  expect(box.x + box.width).toBeLessThanOrEqual(paneBox.x + paneBox.width);
});
