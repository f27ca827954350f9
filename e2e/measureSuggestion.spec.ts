// A figure's measure in the inspector: the measure its sentence suggests ("at least 413 civilians
// have been killed" → civilians killed), used with the keyboard (one undo step, like a typed
// one) and kept after a reload; a figure of another document whose sentence suggests the same
// measure is offered it in the spelling the analyst gave the first; the Measure field completes
// from the measures in use; the suggestion is asked for the selected figures only.
import type { Locator, Page } from '@playwright/test';
import { clickOn, saved, tag } from './pageActions';
import { expect, test } from './workbench';

/// The Syrian Observatory's toll (The Independent) and Russia's "combat stopped" (Reuters).
const MONITOR = "has reached its end";
const COMBAT = 'combat stopped';

/// Opens the workbench and the two articles side by side, found by their titles.
async function openBoth(page: Page, url: string): Promise<[Locator, Locator]> {
  await page.goto(url);
  const items = page.getByTestId('library-item');
  await expect(items).toHaveCount(5);
  await items.filter({ hasText: MONITOR }).click();
  await items.filter({ hasText: COMBAT }).click({ modifiers: ['Control'] });
  const panes = page.getByTestId('document-pane');
  await expect(panes.getByTestId('document-view')).toHaveCount(2);
  return [panes.nth(0), panes.nth(1)];
}

test('a figure is offered the measure its sentence suggests, in the spelling in use, and the field completes from the measures in use', async ({ page, workbench }) => {
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/measures.suggest')) asked.push((JSON.parse(request.postData() ?? '[]') as string[])[1]);
  });
  const [monitor, combat] = await openBoth(page, workbench.url);
  const inspector = page.getByTestId('inspector');
  const measure = inspector.locator('[data-testid="attribute-field"][data-attribute="measure"]');
  const suggestion = inspector.getByTestId('measure-suggestion');

  // The first figure: suggested, not saved until chosen; reached from the field with Tab.
  await tag(page, monitor, '3', 'at least 413 civilians');
  await expect(suggestion).toHaveText(/Suggested: civilians killed/);
  await expect(measure).toHaveValue('');
  await measure.focus();
  await page.keyboard.press('Tab');
  const use = inspector.getByRole('button', { name: 'Use suggested measure civilians killed' });
  await expect(use).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(measure).toHaveValue('civilians killed');
  await expect(measure).toBeFocused();
  await expect(suggestion).toHaveCount(0);
  const first = await inspector.getAttribute('data-annotation-id');

  // One undo step, as for a typed measure: undone, the suggestion is back.
  await monitor.locator('.pane-scroll').focus();
  await page.keyboard.press('Control+z');
  await expect(measure).toHaveValue('');
  await expect(suggestion).toHaveText(/Suggested: civilians killed/);
  await page.keyboard.press('Control+Shift+z');
  await expect(measure).toHaveValue('civilians killed');
  await expect(suggestion).toHaveCount(0);

  // The analyst edits it.
  await measure.fill('Civilians killed');
  await measure.press('Enter');
  await saved(page);

  // A figure of the other article: the same measure, in the first one's spelling; the field
  // offers the measure in use.
  await tag(page, combat, '3', '288 civilians');
  await expect(inspector).not.toHaveAttribute('data-annotation-id', first ?? '');
  await expect(measure).toHaveAttribute('list', 'measures-in-use');
  await expect(page.locator('#measures-in-use option')).toHaveCount(1);
  await expect(page.locator('#measures-in-use option')).toHaveAttribute('value', 'Civilians killed');
  await inspector.getByRole('button', { name: 'Use suggested measure Civilians killed' }).focus();
  await page.keyboard.press('Enter');
  await expect(measure).toHaveValue('Civilians killed');
  const second = await inspector.getAttribute('data-annotation-id');
  await saved(page);

  // After a reload both are kept, and a figure with a measure is offered none.
  const [monitorAgain, combatAgain] = await openBoth(page, workbench.url);
  await clickOn(page, monitorAgain, 'at least 413');
  await expect(measure).toHaveValue('Civilians killed');
  await clickOn(page, combatAgain, '288 civilians');
  await expect(measure).toHaveValue('Civilians killed');
  await expect(suggestion).toHaveCount(0);
  expect(new Set(asked)).toEqual(new Set([first, second]));
});
