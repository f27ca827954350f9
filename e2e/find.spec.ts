// The pane's find bar searches a long, windowed article's whole text: Ctrl+F finds a phrase far
// below the first screen (not in the DOM yet), Enter / Shift+Enter / F3 select the matches in
// turn (bringing each into view), typing on refines the query, and after Esc a label key tags
// exactly the match.
import type { Locator, Page } from '@playwright/test';
import { importAndOpen, longArticle } from './longArticle';
import { saved, storedDocument } from './pageActions';
import { expect, test } from './workbench';

/// About 300,000 characters of news-like paragraphs (windowed whatever the threshold), with one
/// phrase twice: in capitals halfway down, and after an emoji at the very end (so offsets are
/// UTF-16 units).
const ARTICLE = longArticle({
  title: 'A long dispatch to search',
  opening: 'The first screen mentions nobody in particular.',
  ending: 'In the end 😀 envoy Zebediah Quark signed the final accord.',
  chars: 300_000,
  after: (i) => (i === 500 ? 'Halfway, ZEBEDIAH QUARK arrived with the (first) convoy.' : undefined),
});

/// The browser selection's text, and whether it is on screen inside the pane's scroll area.
async function selection(pane: Locator): Promise<{ text: string; visible: boolean }> {
  return pane.locator('.pane-scroll').evaluate((scroller) => {
    const s = window.getSelection();
    if (!s || s.rangeCount === 0) return { text: '', visible: false };
    const rect = s.getRangeAt(0).getBoundingClientRect();
    const box = scroller.getBoundingClientRect();
    const visible = rect.height > 0 && rect.top >= box.top && rect.bottom <= box.bottom && scroller.contains(s.anchorNode);
    return { text: s.toString(), visible };
  });
}

/// Whether the page let the last Ctrl+F through to the browser (no handler prevented it).
async function pressFindKey(page: Page): Promise<boolean> {
  await page.evaluate(() => {
    const record = (e: KeyboardEvent) => {
      if (e.key !== 'f') return;
      (window as unknown as { findKeyPrevented: boolean }).findKeyPrevented = e.defaultPrevented;
      window.removeEventListener('keydown', record);
    };
    window.addEventListener('keydown', record);
  });
  await page.keyboard.press('Control+f');
  return page.evaluate(() => !(window as unknown as { findKeyPrevented: boolean }).findKeyPrevented);
}

test('Ctrl+F finds a phrase far down a windowed article; Enter selects it; Esc then a label key tags it', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await expect(page.getByTestId('library-item')).toHaveCount(5);

  // Without a pane, the key is the browser's.
  expect(await pressFindKey(page)).toBe(true);
  await expect(page.getByTestId('find-bar')).toHaveCount(0);

  const { pane, view, docId } = await importAndOpen(page, ARTICLE, 'nobody in particular');
  // Windowed: neither occurrence is in the DOM.
  await expect(view).not.toContainText('Quark', { ignoreCase: true });
  expect(await view.locator('p').count()).toBeLessThan(ARTICLE.split('\n').length / 10);

  // Ctrl+F opens the pane's own bar, not the browser's.
  expect(await pressFindKey(page)).toBe(false);
  const bar = pane.getByRole('search');
  await expect(bar).toBeVisible();
  const input = bar.getByRole('textbox', { name: 'Find in this document' });
  await expect(input).toBeFocused();
  const count = bar.getByRole('status');

  // Typed text is literal: the brackets and the `!` are not a pattern.
  await page.keyboard.type('(first) convoy!');
  await expect(count).toHaveText('No matches');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('zebediah');
  await expect(count).toHaveText('2 matches');

  // Enter: the first match, halfway down, selected and on screen; again: the one at the end.
  await page.keyboard.press('Enter');
  await expect(count).toHaveText('1 of 2');
  await expect.poll(() => selection(pane)).toEqual({ text: 'ZEBEDIAH', visible: true });
  await expect(input).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(count).toHaveText('2 of 2');
  await expect.poll(() => selection(pane)).toEqual({ text: 'Zebediah', visible: true });

  // Typing on refines the query, and the next Enter stays at the place reached.
  await page.keyboard.type(' quark');
  await expect(input).toHaveValue('zebediah quark');
  await expect(count).toHaveText('2 matches');
  await page.keyboard.press('Enter');
  await expect(count).toHaveText('2 of 2');
  await expect.poll(() => selection(pane)).toEqual({ text: 'Zebediah Quark', visible: true });

  // Shift+Enter goes back, then wraps to the end; F3 wraps forwards, Shift+F3 goes back.
  await page.keyboard.press('Shift+Enter');
  await expect(count).toHaveText('1 of 2');
  await expect.poll(() => selection(pane)).toEqual({ text: 'ZEBEDIAH QUARK', visible: true });
  await page.keyboard.press('Shift+Enter');
  await expect(count).toHaveText('2 of 2');
  await page.keyboard.press('F3');
  await expect(count).toHaveText('1 of 2');
  await expect.poll(() => selection(pane)).toEqual({ text: 'ZEBEDIAH QUARK', visible: true });
  await page.keyboard.press('Shift+F3');
  await expect(count).toHaveText('2 of 2');
  await expect.poll(() => selection(pane)).toEqual({ text: 'Zebediah Quark', visible: true });

  // Esc closes the bar, puts the focus back in the text and keeps the match selected.
  await page.keyboard.press('Escape');
  await expect(bar).toHaveCount(0);
  await expect(pane.locator('.pane-scroll')).toBeFocused();
  await expect.poll(() => selection(pane)).toEqual({ text: 'Zebediah Quark', visible: true });

  // A label key tags exactly the match.
  await page.keyboard.press('1');
  await expect(pane.locator('.anno.is-selected')).toHaveText('Zebediah Quark');
  await expect(pane.locator('.anno.is-selected')).toBeInViewport();
  await expect(page.getByTestId('annotation-item')).toHaveCount(1);
  await saved(page);
  const file = storedDocument(workbench.workspace, docId);
  const start = file.document.text.lastIndexOf('Zebediah Quark');
  expect(file.annotations.map((a) => ({ start: a.start, end: a.end, quote: a.quote }))).toEqual([
    { start, end: start + 'Zebediah Quark'.length, quote: 'Zebediah Quark' },
  ]);

  // Ctrl+F again reopens the bar; in Review the key is the browser's again.
  await page.keyboard.press('Control+f');
  await expect(pane.getByRole('search')).toBeVisible();
  await page.getByTestId('review-toggle').click();
  await expect(pane.getByRole('search')).toHaveCount(0);
  expect(await pressFindKey(page)).toBe(true);
});

test('a match in the middle of a paragraph taller than the pane is brought into view itself', async ({ page, workbench }) => {
  // One line of about 40,000 characters (windowed, so drawn as its one paragraph), the phrase a
  // quarter of the way in: far from the paragraph's middle.
  const words = (n: number) => Array.from({ length: n }, (_, i) => ['convoy', 'talks', 'officials', 'leaving'][i % 4]).join(' ');
  const text = `One enormous paragraph\n${words(1_300)} the lone envoy Zebediah Quark arrived ${words(3_900)}.`;
  await page.goto(workbench.url);
  await expect(page.getByTestId('library-item')).toHaveCount(5);
  const { pane } = await importAndOpen(page, text, 'convoy talks');
  await page.keyboard.press('Control+f');
  await page.keyboard.type('zebediah quark');
  await page.keyboard.press('Enter');
  await expect(pane.getByTestId('find-count')).toHaveText('1 of 1');
  await expect.poll(() => selection(pane)).toEqual({ text: 'Zebediah Quark', visible: true });
});
