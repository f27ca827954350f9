// Undo acts on the focused article and says what it did, in browser mode with the real keyboard:
// a tag in one article, then a tag in another; the second article's pane is closed; Ctrl+Z in
// the pane left undoes that pane's tag (not the later one of the closed article) and announces
// it; with nothing left there it says so; the closed article, opened again, undoes its own tag.
// The undo and redo buttons are named after the step they would take.
import type { Locator, Page } from '@playwright/test';
import { openSeeds, saved, select, SEED_001, storedDocument } from './pageActions';
import { expect, test } from './workbench';

/// The quotes of a pane's article as stored on disk.
async function quotesOnDisk(workspace: string, pane: Locator | string): Promise<string[]> {
  const docId = typeof pane === 'string' ? pane : (await pane.getAttribute('data-doc-id'))!;
  return storedDocument(workspace, docId).annotations.map((a) => a.quote);
}

async function expectButton(page: Page, testId: 'undo' | 'redo', name: string): Promise<void> {
  const button = page.getByTestId(testId);
  await expect(button).toHaveAttribute('aria-label', name);
  await expect(button).toHaveAttribute('title', new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`));
}

test('undo after closing a pane undoes the focused article’s step, never the closed one’s, and announces it', async ({ page, workbench }, testInfo) => {
  const [hezbollahPane, otherPane] = await openSeeds(page, workbench.url, SEED_001, SEED_001 + 1);
  const hezbollahId = (await hezbollahPane.getAttribute('data-doc-id'))!;
  const otherId = (await otherPane.getAttribute('data-doc-id'))!;
  const hezbollahTitle = (await hezbollahPane.locator('.pane-title').innerText()).trim();
  const otherTitle = (await otherPane.locator('.pane-title').innerText()).trim();
  const toast = page.getByTestId('undo-toast');

  // First a Location in the other article, then an Actor in the first one.
  await select(page, otherPane, 'Aleppo');
  await page.keyboard.press('2');
  await saved(page);
  await select(page, hezbollahPane, 'Hezbollah');
  await page.keyboard.press('1');
  await saved(page);
  await expectButton(page, 'undo', 'Undo Actor ‘Hezbollah’');
  await expectButton(page, 'redo', 'Nothing to redo in this article');

  // The Hezbollah article is closed; the other pane has the focus, and its own step is offered.
  await hezbollahPane.getByTestId('pane-close').click();
  await expect(page.getByTestId('document-pane')).toHaveCount(1);
  await expectButton(page, 'undo', 'Undo Location ‘Aleppo’');
  await page.keyboard.press('Control+z');
  await expect(toast).toHaveText(`Undid: Location ‘Aleppo’ in ${otherTitle}`);
  await expect(page.locator('[role="status"][aria-live="polite"]', { has: toast })).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('undo-toast.png') });
  await saved(page);
  expect(await quotesOnDisk(workbench.workspace, otherId)).toEqual([]);
  expect(await quotesOnDisk(workbench.workspace, hezbollahId)).toEqual(['Hezbollah']);

  // Nothing more in this article: the closed one's tag stays, and the toast says why nothing happened.
  await page.keyboard.press('Control+z');
  await expect(toast).toHaveText(`Nothing to undo in ${otherTitle}`);
  await expect(page.getByTestId('undo')).toBeDisabled();
  await saved(page);
  expect(await quotesOnDisk(workbench.workspace, hezbollahId)).toEqual(['Hezbollah']);

  await expectButton(page, 'redo', 'Redo Location ‘Aleppo’');
  await page.keyboard.press('Control+Shift+z');
  await expect(toast).toHaveText(`Redid: Location ‘Aleppo’ in ${otherTitle}`);
  await saved(page);
  expect(await quotesOnDisk(workbench.workspace, otherId)).toEqual(['Aleppo']);

  // The Hezbollah article opened again keeps its own step.
  await page.getByTestId('library-item').nth(SEED_001).click({ modifiers: ['Control'] });
  const reopened = page.locator(`[data-testid="document-pane"][data-doc-id="${hezbollahId}"]`);
  await expect(reopened.getByTestId('document-view')).toBeVisible();
  await expectButton(page, 'undo', 'Undo Actor ‘Hezbollah’');
  await page.keyboard.press('Control+z');
  await expect(toast).toHaveText(`Undid: Actor ‘Hezbollah’ in ${hezbollahTitle}`);
  await saved(page);
  expect(await quotesOnDisk(workbench.workspace, hezbollahId)).toEqual([]);
  expect(await quotesOnDisk(workbench.workspace, otherId)).toEqual(['Aleppo']);
  await expectButton(page, 'redo', 'Redo Actor ‘Hezbollah’');
});
