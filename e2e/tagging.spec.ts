// Tagging as a new analyst does it (issue 18, DESIGN §12), with a real mouse in browser mode: a
// sloppy drag saves whole words, Alt keeps the raw selection, and the same tag twice is one span.
import type { Locator } from '@playwright/test';
import { highlight, openSeeds, saved, select, SEED_001, storedDocument, type StoredDocument } from './pageActions';
import { expect, test } from './workbench';

async function stored(workspace: string, pane: Locator): Promise<StoredDocument> {
  return storedDocument(workspace, (await pane.getAttribute('data-doc-id'))!);
}

test('a sloppy drag from inside "Bashar" to inside "forces" saves the whole words', async ({ page, workbench }) => {
  const [pane] = await openSeeds(page, workbench.url, SEED_001);
  await select(page, pane, 'ashar', 'forc');
  await expect(page.getByTestId('selection-toolbar')).toBeVisible();
  await page.keyboard.press('1');
  await expect(highlight(pane, 'actor', 'Bashar')).toBeVisible();
  await saved(page);
  expect((await stored(workbench.workspace, pane)).annotations.map((a) => [a.label, a.quote])).toEqual([['actor', "Bashar al-Assad's forces"]]);
});

test('Alt held while dragging, or at the label key, keeps the raw selection', async ({ page, workbench }) => {
  const [pane] = await openSeeds(page, workbench.url, SEED_001);
  await page.keyboard.down('Alt');
  await select(page, pane, 'ashar', 'forc');
  await page.keyboard.up('Alt');
  await page.keyboard.press('1');
  await saved(page);
  await select(page, pane, 'ormer', 'rebe');
  await page.keyboard.press('Alt+2');
  await saved(page);
  const quotes = (await stored(workbench.workspace, pane)).annotations.map((a) => a.quote);
  expect(quotes.sort()).toEqual(["ashar al-Assad's forc", 'ormer rebe']);
});

test('pressing 1 twice on the same selection makes one span and says it was already tagged', async ({ page, workbench }) => {
  const [pane] = await openSeeds(page, workbench.url, SEED_001);
  await select(page, pane, 'ashar', 'forc');
  await page.keyboard.press('1');
  await saved(page);
  await select(page, pane, 'Bashar', 'forces');
  await page.keyboard.press('1');
  await expect(page.getByTestId('already-tagged-message')).toBeVisible();
  await expect(page.getByTestId('inspector-quote')).toHaveText("Bashar al-Assad's forces");
  await saved(page);
  expect((await stored(workbench.workspace, pane)).annotations).toHaveLength(1);
  await expect(page.getByTestId('annotation-item')).toHaveCount(1);
});

test('a selection extending my actor offers to extend it: Enter extends (one span), Ctrl+Z puts it back', async ({ page, workbench }) => {
  const [pane] = await openSeeds(page, workbench.url, SEED_001);
  await select(page, pane, 'Staffan');
  await page.keyboard.press('1');
  await saved(page);
  await select(page, pane, 'Staffan de Mistura');
  await page.keyboard.press('1');
  await expect(page.getByTestId('extend-offer')).toContainText('Extend “Staffan” to “Staffan de Mistura”?');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('extend-offer')).toHaveCount(0);
  await expect(page.getByTestId('inspector-quote')).toHaveText('Staffan de Mistura');
  await saved(page);
  expect((await stored(workbench.workspace, pane)).annotations.map((a) => a.quote)).toEqual(['Staffan de Mistura']);
  await page.keyboard.press('Control+z');
  await saved(page);
  expect((await stored(workbench.workspace, pane)).annotations.map((a) => a.quote)).toEqual(['Staffan']);

  // Esc keeps both.
  await select(page, pane, 'Staffan de Mistura');
  await page.keyboard.press('1');
  await expect(page.getByTestId('extend-offer')).toBeVisible();
  await page.keyboard.press('Escape');
  await saved(page);
  expect((await stored(workbench.workspace, pane)).annotations.map((a) => a.quote).sort()).toEqual(['Staffan', 'Staffan de Mistura']);
});
