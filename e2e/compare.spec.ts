// Compare in the browser (DESIGN §11): the civilian figures of three seed articles from three
// outlets, tagged with one measure (in two spellings), are one group in Compare with the right
// intervals, every pair of them in conflict on the table and on the number line; a row opens its
// article at the figure; the Figures table exports as CSV that a CSV parser reads back; the tabs
// are reached with the keyboard, and axe finds no serious or critical violation on any of them.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { openSeeds, saved, tag } from './pageActions';
import { expect, test } from './workbench';

/// The three figures: seed position in the library, outlet and date given, the text tagged, the
/// measure typed (two spellings of one measure), and the interval Compare must show.
const FIGURES = [
  { seed: 0, outlet: 'Gulf News', date: '2016-12-13', text: '13,346 civilians', measure: 'civilians fled', interval: '13,346' },
  { seed: 2, outlet: 'The Irish Times', date: '2016-12-14', text: 'Between 10,000 and 13,000 civilians', measure: 'Civilians  fled', interval: '[10,000, 13,000]' },
  { seed: 3, outlet: 'Middle East Eye', date: '2016-12-15', text: '80,000', measure: 'civilians fled', interval: '80,000' },
];

/// Gives a pane's document its outlet and date through its Details dialog.
async function setOutlet(page: Page, pane: Locator, outlet: string, date: string): Promise<void> {
  await pane.getByTestId('pane-details').click();
  const dialog = page.getByTestId('details-dialog');
  await dialog.getByTestId('details-outlet').fill(outlet);
  await dialog.getByTestId('details-publishedAt').fill(date);
  await dialog.getByTestId('details-save').click();
  await expect(dialog).toBeHidden();
}

// Three articles side by side, each at least its minimum width, beside the library and the
// inspector (narrower windows show the third as a tab).
test.use({ viewport: { width: 1920, height: 1080 } });

test('the civilian figures of three outlets in Compare: one measure, their intervals, every pair in conflict; a row opens the article at its figure; the table as CSV', async ({ page, workbench }, testInfo) => {
  test.setTimeout(120_000); // axe takes seconds a run
  const panes = await openSeeds(page, workbench.url, ...FIGURES.map((f) => f.seed));
  const inspector = page.getByTestId('inspector');
  const measureField = inspector.locator('[data-testid="attribute-field"][data-attribute="measure"]');
  for (const [i, figure] of FIGURES.entries()) {
    await setOutlet(page, panes[i], figure.outlet, figure.date);
    await tag(page, panes[i], '3', figure.text);
    await measureField.fill(figure.measure);
    await measureField.press('Enter');
    await expect(inspector.getByTestId('quantity-interval')).toHaveText(figure.interval);
  }
  await saved(page);

  // Compare, from the keyboard.
  await page.getByTestId('compare-toggle').focus();
  await page.keyboard.press('Enter');
  const compare = page.getByTestId('compare-mode');
  await expect(compare).toBeVisible();
  await expect(page.getByTestId('compare-tab-figures')).toBeFocused();
  await expect(page.getByTestId('compare-tab-figures')).toHaveAttribute('aria-selected', 'true');

  // One group (the two spellings are one measure), three figures, three conflicting pairs.
  const groups = compare.getByTestId('measure-group');
  await expect(groups).toHaveCount(1);
  await expect(groups).toContainText('civilians fled');
  await expect(groups).toContainText('3 figures');
  await expect(groups).toContainText('3 in conflict');
  await expect(compare.getByTestId('measure-summary')).toHaveText('3 figures from 3 outlets · 3 conflicts');
  const rows = compare.getByTestId('figure-row');
  await expect(rows).toHaveCount(3);
  // In date order, each with its interval and in conflict with the other two.
  for (const [i, figure] of FIGURES.entries()) {
    const row = rows.nth(i);
    await expect(row).toContainText(figure.outlet);
    await expect(row).toContainText(figure.date);
    await expect(row.locator('mark')).toHaveText(figure.text);
    await expect(row.getByTestId('figure-interval')).toHaveText(figure.interval);
    await expect(row.getByTestId('figure-conflicts')).toHaveText('✗ 2');
  }
  // The number line: a lane per outlet, each figure's mark marked as in conflict.
  const line = compare.getByTestId('number-line');
  for (const figure of FIGURES) await expect(line.locator(`[data-outlet="${figure.outlet}"] [data-testid="number-mark"]`)).toHaveClass(/is-conflict/);
  await expect(line.getByTestId('number-mark')).toHaveCount(3);
  await testInfo.attach('Compare: figures', { body: await page.screenshot(), contentType: 'image/png' });

  // The Figures table as CSV, read back by a CSV parser.
  const [download] = await Promise.all([page.waitForEvent('download'), compare.getByTestId('export-figures-csv').click()]);
  expect(download.suggestedFilename()).toBe('figures.csv');
  const records = parse(readFileSync(await download.path(), 'utf8'), { columns: true }) as Record<string, string>[];
  expect(records.map((r) => [r.measure, r.outlet, r.text, r.low, r.high, r.conflicts])).toEqual([
    ['civilians fled', 'Gulf News', '13,346 civilians', '13346', '13346', '2'],
    ['civilians fled', 'The Irish Times', 'Between 10,000 and 13,000 civilians', '10000', '13000', '2'],
    ['civilians fled', 'Middle East Eye', '80,000', '80000', '80000', '2'],
  ]);

  // A filter by outlet leaves one figure and no conflict.
  await compare.getByTestId('compare-outlets').click();
  await compare.getByRole('checkbox', { name: /The Irish Times/ }).check();
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId('figure-conflicts')).toHaveText('—');
  await compare.getByTestId('compare-clear').click();
  await expect(rows).toHaveCount(3);

  // The other tabs, with the arrow keys; axe finds no serious or critical violation on any.
  await expectNoSeriousViolations(page, 'Compare: figures', '[data-testid="compare-mode"]');
  await page.getByTestId('compare-tab-figures').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('compare-tab-quotes')).toHaveAttribute('aria-selected', 'true');
  await expect(compare.getByTestId('compare-quotes')).toBeVisible();
  await expectNoSeriousViolations(page, 'Compare: quotes', '[data-testid="compare-mode"]');
  await page.keyboard.press('ArrowRight');
  await expect(compare.getByTestId('compare-entities')).toBeVisible();
  await expectNoSeriousViolations(page, 'Compare: entities', '[data-testid="compare-mode"]');
  await page.keyboard.press('ArrowRight');
  await expect(compare.getByTestId('chart-outlets')).toBeVisible();
  await expectNoSeriousViolations(page, 'Compare: charts', '[data-testid="compare-mode"]');
  await page.getByTestId('compare-tab-charts').focus();
  await page.keyboard.press('ArrowRight');
  await expect(compare.getByTestId('figure-row')).toHaveCount(3);

  // A row (chosen with the keyboard) opens its article at the figure, selected in the inspector.
  await compare.getByTestId('figure-rows').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(compare).toBeHidden();
  await expect(inspector).toContainText(FIGURES[1].text);
  await expect(measureField).toHaveValue(FIGURES[1].measure);
  const focused = page.locator('[data-testid="document-pane"].is-focused');
  await expect(focused.getByTestId('pane-outlet')).toContainText(FIGURES[1].outlet);
  await expect(focused.locator('.anno.is-selected')).toContainText('Between 10,000');

  // Keys act on the documents only while they are shown: Delete in Compare removes nothing.
  await page.getByTestId('compare-toggle').click();
  await page.keyboard.press('Delete');
  await page.getByTestId('compare-toggle').click();
  await expect(inspector).toContainText(FIGURES[1].text);
  await expect(focused.locator('.anno.is-selected')).toContainText('Between 10,000');

  // Back in Compare, it is as it was left: the same tab and group, the second row current.
  await page.getByTestId('compare-toggle').click();
  await expect(compare.getByTestId('figure-row')).toHaveCount(3);
  await expect(compare.locator('[data-testid="figure-rows"] [aria-selected="true"]')).toHaveAttribute('data-row-index', '1');
});
