// Suggestions (issue 18, DESIGN §12) with the real keyboard in browser mode: ghost frames over
// the text; Tab and Shift+Tab step through them; Enter accepts a figure (origin 'suggestion' on
// disk) and a quote with its speaker (the link shows in the inspector); x dismisses one, Ctrl+Z
// brings it back, and a dismissed one stays dismissed after a reload.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { openSeeds, saved, SEED_001, storedDocument } from './pageActions';
import { expect, test } from './workbench';

/// Shows only the kinds named in the suggestions control (the others are switched off).
async function onlyKinds(page: Page, ...kinds: string[]): Promise<void> {
  const control = page.getByTestId('suggestions-control');
  await control.locator('summary').click();
  for (const kind of ['figure', 'quote', 'entity', 'name']) {
    const box = page.getByTestId(`suggestion-kind-${kind}`);
    if ((await box.isChecked()) !== kinds.includes(kind)) await box.click();
  }
  await control.locator('summary').click();
}

/// The key of the current suggestion of a pane.
async function currentKey(pane: Locator): Promise<string | null> {
  const current = pane.locator('.sugg.is-current');
  await expect(current).toHaveCount(1);
  return current.first().getAttribute('data-suggestion-key');
}

/// Presses Tab until the current suggestion matches `selector` (at most `limit` times).
async function tabTo(page: Page, pane: Locator, selector: string, limit = 30): Promise<Locator> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const current = pane.locator(`.sugg.is-current${selector}`);
    if (await current.count()) return current;
  }
  const seen = await pane.locator('.sugg').evaluateAll((els) => els.map((e) => e.outerHTML.slice(0, 300)));
  throw new Error(`no suggestion ${selector} within ${limit} Tabs; the ghosts: ${seen.join('\n')}`);
}

test('Tab and Shift+Tab step through the ghosts; Enter accepts a figure, and a quote with its speaker', async ({ page, workbench }) => {
  const [pane] = await openSeeds(page, workbench.url, SEED_001);
  await onlyKinds(page, 'figure', 'quote');
  const ghosts = pane.locator('.sugg');
  await expect(ghosts.first()).toBeVisible();
  const keys = await ghosts.evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-suggestion-key')))]);
  expect(keys.length).toBeGreaterThan(3);
  expect(new Set(await ghosts.evaluateAll((els) => els.map((e) => e.getAttribute('data-suggestion-kind'))))).toEqual(new Set(['figure', 'quote']));
  await expect(page.getByTestId('suggestions-count')).toHaveText(String(keys.length));

  // Tab from the text: the first, then the second; Shift+Tab back. Focus stays in the text.
  await pane.locator('.pane-scroll').focus();
  await page.keyboard.press('Tab');
  expect(await currentKey(pane)).toBe(keys[0]);
  // A screen reader hears it: a polite status with its label, words, place and keys.
  const first = pane.locator(`.sugg[data-suggestion-key="${keys[0]}"]`).first();
  const firstLabel = (await first.getAttribute('data-label')) === 'figure' ? 'Figure' : 'Quote';
  await expect(page.getByTestId('suggestion-announcement')).toHaveText(new RegExp(`^Suggested ${firstLabel} ‘.+’.*, 1 of ${keys.length}\\. Enter accepts, x dismisses, Tab goes on\\.$`));
  await expect(page.getByTestId('suggestion-announcement')).toHaveAttribute('role', 'status');
  await page.keyboard.press('Tab');
  expect(await currentKey(pane)).toBe(keys[1]);
  await page.keyboard.press('Shift+Tab');
  expect(await currentKey(pane)).toBe(keys[0]);
  await expect(pane.locator('.pane-scroll')).toBeFocused();

  // Enter accepts a figure: a figure highlight, saved with origin 'suggestion'; its ghost goes.
  const figure = await tabTo(page, pane, '[data-suggestion-kind="figure"]');
  const figureText = (await figure.textContent())!;
  const figureKey = (await figure.getAttribute('data-suggestion-key'))!;
  await page.keyboard.press('Enter');
  await expect(pane.locator('.anno[data-label="figure"]', { hasText: figureText })).toBeVisible();
  await expect(pane.locator(`.sugg[data-suggestion-key="${figureKey}"]`)).toHaveCount(0);
  await saved(page);
  const docId = (await pane.getAttribute('data-doc-id'))!;
  const afterFigure = storedDocument(workbench.workspace, docId).annotations as unknown as { quote: string; label: string; origin: string }[];
  expect(afterFigure).toEqual([expect.objectContaining({ label: 'figure', quote: figureText, origin: 'suggestion' })]);

  // Enter on a quote with a speaker candidate: the quote and its speaker, linked.
  const quote = await tabTo(page, pane, '[data-suggestion-kind="quote"][data-speaker]');
  const speaker = (await quote.getAttribute('data-speaker'))!;
  const quoteText = (await quote.first().textContent())!;
  await page.keyboard.press('Enter');
  await saved(page);
  await expect(pane.locator('.anno[data-label="quote"]').first()).toBeVisible();
  await expect(pane.locator('.anno[data-label="actor"]', { hasText: speaker })).toBeVisible();
  await expect(page.getByTestId('inspector').getByTestId('speaker-name')).toContainText(speaker);
  const stored = storedDocument(workbench.workspace, docId);
  const savedQuote = stored.annotations.find((a) => a.label === 'quote')!;
  const savedSpeaker = stored.annotations.find((a) => a.label === 'actor')!;
  expect(savedQuote.quote.startsWith(quoteText.slice(0, 20))).toBe(true);
  expect(savedSpeaker.quote).toBe(speaker);
  expect(stored.relations).toEqual([expect.objectContaining({ from: savedQuote.id, to: savedSpeaker.id })]);

  // One Ctrl+Z takes the quote, its speaker and the link away; the ghost is back.
  await page.keyboard.press('Control+z');
  await saved(page);
  await expect(pane.locator('.anno[data-label="quote"]')).toHaveCount(0);
  await expect(pane.locator('.anno[data-label="actor"]')).toHaveCount(0);
  await expect(pane.locator('.sugg[data-speaker]').first()).toBeVisible();
  expect(storedDocument(workbench.workspace, docId).annotations).toHaveLength(1);

  await page.screenshot({ path: test.info().outputPath('suggestions.png') });
});

test('x dismisses a suggestion, Ctrl+Z brings it back, and a dismissed one stays dismissed after a reload', async ({ page, workbench }) => {
  const [pane] = await openSeeds(page, workbench.url, SEED_001);
  await expect(pane.locator('.sugg').first()).toBeVisible();
  await pane.locator('.pane-scroll').focus();
  await page.keyboard.press('Tab');
  const key = (await currentKey(pane))!;
  await page.screenshot({ path: test.info().outputPath('every-kind.png') });
  await page.keyboard.press('x');
  await expect(pane.locator(`.sugg[data-suggestion-key="${key}"]`)).toHaveCount(0);
  // The next one is current.
  expect(await currentKey(pane)).not.toBe(key);
  const file = join(workbench.workspace, 'suggestions.json');
  const docId = (await pane.getAttribute('data-doc-id'))!;
  const dismissed = () => {
    try {
      return (JSON.parse(readFileSync(file, 'utf8')) as { dismissed: Record<string, string[]> }).dismissed[docId] ?? [];
    } catch {
      return [];
    }
  };
  await expect.poll(dismissed).toEqual([key]);

  await page.keyboard.press('Control+z');
  await expect(pane.locator(`.sugg[data-suggestion-key="${key}"]`)).not.toHaveCount(0);
  await expect.poll(dismissed).toEqual([]);
  await page.keyboard.press('Control+Shift+z');
  await expect(pane.locator(`.sugg[data-suggestion-key="${key}"]`)).toHaveCount(0);
  await expect.poll(dismissed).toEqual([key]);

  // Typing x in a field dismisses nothing.
  const before = await pane.locator('.sugg').count();
  await page.getByTestId('library-search').focus();
  await page.keyboard.press('x');
  await expect(page.getByTestId('library-search')).toHaveValue('x');
  await expect(pane.locator('.sugg')).toHaveCount(before);
  await page.keyboard.press('Backspace');

  await page.reload();
  await page.getByTestId('library-item').nth(SEED_001).click();
  const reopened = page.getByTestId('document-pane').first();
  await expect(reopened.locator('.sugg').first()).toBeVisible();
  await expect(reopened.locator(`.sugg[data-suggestion-key="${key}"]`)).toHaveCount(0);
});

test('a click makes a ghost current; the kinds switched off stay off after a reload; Accept all tags every figure suggested at once, and one Ctrl+Z takes them back', async ({ page, workbench }) => {
  const [pane] = await openSeeds(page, workbench.url, SEED_001);
  await expect(pane.locator('.sugg').first()).toBeVisible();
  await onlyKinds(page, 'figure');
  await expect(pane.locator('.sugg:not([data-suggestion-kind="figure"])')).toHaveCount(0);
  const figures = await pane.locator('.sugg').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-suggestion-key')))]);
  expect(figures.length).toBeGreaterThan(1);

  // A click on a ghost makes it current; Escape leaves it.
  const second = pane.locator(`.sugg[data-suggestion-key="${figures[1]}"]`);
  await second.click();
  await expect(second).toHaveClass(/is-current/);
  await page.keyboard.press('Escape');
  await expect(pane.locator('.sugg.is-current')).toHaveCount(0);

  // Tab from a field moves the focus, not through the suggestions.
  await page.getByTestId('library-search').focus();
  await page.keyboard.press('Tab');
  await expect(pane.locator('.sugg.is-current')).toHaveCount(0);

  await page.reload();
  await page.getByTestId('library-item').nth(SEED_001).click();
  const reopened = page.getByTestId('document-pane').first();
  await expect(reopened.locator('.sugg').first()).toBeVisible();
  await expect(reopened.locator('.sugg:not([data-suggestion-kind="figure"])')).toHaveCount(0);
  await page.getByTestId('suggestions-control').locator('summary').click();
  await expect(page.getByTestId('suggestion-kind-quote')).not.toBeChecked();
  await expect(page.getByTestId('suggestion-kind-figure')).toBeChecked();
  await page.screenshot({ path: test.info().outputPath('suggestions-panel.png') });

  await page.getByTestId('accept-all-figure').click();
  await expect(reopened.locator('.sugg')).toHaveCount(0);
  await expect(reopened.locator('.anno[data-label="figure"]')).toHaveCount(figures.length);
  await saved(page);
  const docId = (await reopened.getAttribute('data-doc-id'))!;
  const stored = () => storedDocument(workbench.workspace, docId).annotations as unknown as { label: string; origin: string }[];
  expect(stored().map((a) => [a.label, a.origin])).toEqual(figures.map(() => ['figure', 'suggestion']));
  await reopened.locator('.pane-scroll').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await saved(page);
  expect(stored()).toEqual([]);
  await expect(reopened.locator('.sugg')).not.toHaveCount(0);
});
