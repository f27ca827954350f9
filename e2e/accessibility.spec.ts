// Accessibility in browser mode: axe-core (WCAG 2.0–2.2 A and AA rules) finds no serious or
// critical violation on the library, an article with tags, Review and every dialog opened from
// the UI; the page's landmarks; a highlight's label reaches screen readers (Chrome's own
// accessibility tree) without entering the text or a copy, and can be shown as a letter; the
// library list is one Tab stop.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expectNoSeriousViolations } from './axe';
import type { Page } from '@playwright/test';
import { clickOn, openSeeds, recordCopies, saved, select, SEED_001, tag } from './pageActions';
import { expect, test } from './workbench';

/// Opens a dialog with `open`, checks it (the page behind was checked before), and closes it with
/// Escape.
async function checkDialog(page: Page, testId: string, open: () => Promise<void>): Promise<void> {
  await open();
  const dialog = page.getByTestId(testId);
  await expect(dialog).toBeVisible();
  await expectNoSeriousViolations(page, `the ${testId}`, `[data-testid="${testId}"]`);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
}

test('the library, an article with tags and every dialog have no serious or critical axe violation', async ({ page, workbench }) => {
  test.setTimeout(180_000); // axe takes seconds a run
  await page.goto(workbench.url);
  await expect(page.getByTestId('library-item')).toHaveCount(5);
  await expectNoSeriousViolations(page, 'the library');

  const [pane] = await openSeeds(page, workbench.url, SEED_001);
  for (const [key, phrase] of [['1', 'Staffan de Mistura'], ['2', 'Aleppo'], ['3', 'two-thirds']] as const) {
    await select(page, pane, phrase);
    await page.keyboard.press(key);
  }
  await saved(page);
  await clickOn(page, pane, 'Staffan de Mistura');
  await expect(page.getByTestId('inspector-quote')).toHaveText('Staffan de Mistura');
  await expectNoSeriousViolations(page, 'an article with tags, one selected');

  await checkDialog(page, 'tag-all-dialog', () => page.getByTestId('tag-all-button').click());
  await checkDialog(page, 'export-dialog', () => page.getByTestId('export-button').click());
  await checkDialog(page, 'import-url-dialog', () => page.getByTestId('import-url-button').click());
  await checkDialog(page, 'entities-dialog', () => page.getByTestId('entities-button').click());
  await checkDialog(page, 'backups-dialog', () => page.getByTestId('backups-button').click());
  await checkDialog(page, 'label-editor', () => page.getByTestId('edit-labels').click());
  await checkDialog(page, 'details-dialog', () => pane.getByTestId('pane-details').click());
  await checkDialog(page, 'delete-dialog', async () => {
    await pane.getByTestId('pane-details').click();
    await page.getByTestId('details-delete').click();
  });
  await checkDialog(page, 'annotation-import-dialog', () =>
    page.getByTestId('import-input').setInputFiles({ name: 'tags.jsonl', mimeType: 'application/json', buffer: Buffer.from('{"text":"x","label":[]}\n') }),
  );
});

test('Review of a colleague’s exchange file has no serious or critical axe violation', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await expect(page.getByTestId('library-item')).toHaveCount(5);
  const files = readdirSync(join(workbench.workspace, 'documents')).filter((f) => f.endsWith('.json'));
  const stored = files.map((f) => JSON.parse(readFileSync(join(workbench.workspace, 'documents', f), 'utf8')) as { document: { id: string; title: string; text: string } });
  const one = stored.find((f) => f.document.text.includes('Staffan de Mistura'))!;
  const cp = (at: number) => [...one.document.text.slice(0, at)].length;
  const tagOf = (label: string, phrase: string) => {
    const start = one.document.text.indexOf(phrase);
    return { id: `${label}-${start}`, label, start: cp(start), end: cp(start + phrase.length), text: phrase, annotator: 'colleague', createdAt: new Date().toISOString() };
  };
  const exchange = {
    format: 'annotation-workbench',
    version: 1,
    offsets: 'codepoints',
    exportedAt: new Date().toISOString(),
    exportedBy: 'colleague',
    labels: [],
    documents: [{ id: one.document.id, title: one.document.title, text: one.document.text, annotations: [tagOf('actor', 'Staffan de Mistura'), tagOf('location', 'Aleppo')], relations: [] }],
  };
  await page.getByTestId('import-input').setInputFiles({ name: 'colleague.awb.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exchange)) });
  await expect(page.getByTestId('exchange-report')).toContainText('2 annotations added');
  const [pane] = await openSeeds(page, workbench.url, SEED_001);
  await select(page, pane, 'Staffan de Mistura');
  await page.keyboard.press('2');
  await saved(page);

  await page.getByTestId('review-toggle').click();
  await expect(page.getByTestId('review-mode')).toBeVisible();
  await page.getByTestId('review-b').selectOption('colleague');
  await expect(page.locator('[data-testid="review-pane"] .anno').first()).toBeVisible();
  await expectNoSeriousViolations(page, 'Review');
  // Its landmarks: the two panes are the main area, agreement and differences beside it; the
  // tags' labels are read there too.
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('main').getByTestId('review-pane')).toHaveCount(2);
  await expect(page.getByRole('complementary', { name: 'Differences' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Agreement' })).toBeVisible();
  await expect(page.locator('[data-testid="review-pane"] .anno-mark[data-anno-name="Actor (colleague)"]')).toHaveCount(1);
});

test('landmarks: banner, the library and inspector beside main, the tagging tools in a region of their own', async ({ page, workbench }) => {
  const [pane] = await openSeeds(page, workbench.url, SEED_001);
  await expect(pane.getByTestId('document-view')).toBeVisible();
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('banner').getByTestId('export-button')).toBeVisible();
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('main').getByTestId('document-view')).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Library' }).getByTestId('library-list')).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeVisible();
  const tagging = page.getByRole('region', { name: 'Tagging' });
  await expect(tagging.getByTestId('legend-chip')).toHaveCount(4);
  await expect(tagging.getByTestId('undo')).toHaveCount(1);
  await expect(tagging.getByTestId('redo')).toHaveCount(1);
  // Everything the page shows is inside one of them (axe's best-practice region rule).
  const { violations } = await new AxeBuilder({ page }).withRules(['region', 'landmark-one-main', 'landmark-unique', 'landmark-no-duplicate-banner']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('a tag’s label reaches screen readers and, as a letter, the eye; the text, copies and selections stay the article’s own', async ({ page, workbench }) => {
  const copied = await recordCopies(page);
  let [pane] = await openSeeds(page, workbench.url, SEED_001);
  const view = pane.getByTestId('document-view');
  const textBefore = await view.evaluate((v) => v.textContent);
  await tag(page, pane, '1', 'Staffan de Mistura');
  await tag(page, pane, '2', 'Aleppo');
  await saved(page);
  expect(await view.evaluate((v) => v.textContent)).toBe(textBefore);

  // Chrome's accessibility tree: the label name, then the tagged words.
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string } }[] };
  const texts = nodes.filter((n) => n.role?.value === 'StaticText').map((n) => n.name?.value ?? '');
  const labelled = (name: string, words: string) => texts.some((t, i) => t === name && texts[i + 1]?.startsWith(words));
  expect(labelled('Actor:', 'Staffan de Mistura')).toBe(true);
  expect(labelled('Location:', 'Aleppo')).toBe(true);

  // Copying a selection across a tag gives the article's words only.
  await select(page, pane, 'Staffan de Mistura');
  expect(await copied('Control+c')).toBe('Staffan de Mistura');
  await page.keyboard.press('Escape');

  // Label letters: off at first, on from the bar, remembered after a reload; still no text.
  const mark = pane.locator('.anno-mark[data-label="actor"]').first();
  const shownLetter = () => mark.evaluate((m) => getComputedStyle(m, '::before').content);
  expect(await shownLetter()).toBe('none');
  await page.getByTestId('toggle-label-letters').check();
  await expect.poll(shownLetter).toMatch(/^"A"/);
  [pane] = await openSeeds(page, workbench.url, SEED_001);
  await expect(page.getByTestId('toggle-label-letters')).toBeChecked();
  await expect.poll(() => pane.locator('.anno-mark[data-label="location"]').first().evaluate((m) => getComputedStyle(m, '::before').content)).toMatch(/^"L"/);
  expect(await pane.getByTestId('document-view').evaluate((v) => v.textContent)).toBe(textBefore);
  await clickOn(page, pane, 'Staffan de Mistura');
  await expect(page.getByTestId('inspector-quote')).toHaveText('Staffan de Mistura');
  await page.waitForTimeout(200);
  await pane.screenshot({ path: test.info().outputPath('label-letters.png') });
});
