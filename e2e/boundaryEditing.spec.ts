// Boundary editing (issue 18 item 3, DESIGN §12) with the real keyboard and mouse in browser
// mode: Shift+Alt+→ extends my selected tag by a word, Ctrl+Z puts it back, Ctrl+Shift+Alt+←
// moves its start, the end's drag handle pulls it over a further word, and the note typed before
// stays through every move.
import type { Locator, Page } from '@playwright/test';
import { clickOn, openSeeds, phrasePoints, saved, select, SEED_001, storedDocument } from './pageActions';
import { expect, test } from './workbench';

const NOTE = 'Check the spelling of the name';

/// The one annotation of the pane's document as stored on disk: its quote and its note's text.
async function storedTag(workspace: string, pane: Locator): Promise<{ quote: string; note: string }> {
  const [annotation] = storedDocument(workspace, (await pane.getAttribute('data-doc-id'))!).annotations;
  return { quote: annotation.quote, note: JSON.stringify(annotation.note ?? null).includes(NOTE) ? NOTE : '' };
}

/// Drags a handle's knob with the mouse as a person does, along its own line (the knob sits above
/// or below the text), to the height of `to`'s line and across to `to`.
async function dragKnob(page: Page, handle: Locator, to: { x: number; y: number }): Promise<void> {
  const knob = (await handle.locator('.anno-handle-knob').boundingBox())!;
  const bar = (await handle.locator('.anno-handle-bar').boundingBox())!;
  const from = { x: knob.x + knob.width / 2, y: knob.y + knob.height / 2 };
  const y = to.y + (from.y - (bar.y + bar.height / 2));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, y, { steps: 4 });
  await page.mouse.move(to.x, y, { steps: 4 });
  await page.mouse.up();
}

test('Shift+Alt+→ extends my tag by a word, Ctrl+Z restores it, and the end handle drags it over one more; the note stays', async ({ page, workbench }, testInfo) => {
  const [pane] = await openSeeds(page, workbench.url, SEED_001);
  await select(page, pane, 'Bashar');
  await page.keyboard.press('1');
  const quote = page.getByTestId('inspector-quote');
  await expect(quote).toHaveText('Bashar');

  // A note first; the keys typed in it do not move the tag.
  await page.getByTestId('note-editor').click();
  await page.keyboard.type(NOTE);
  await page.keyboard.press('Shift+Alt+ArrowRight');
  await expect(page.getByTestId('note-editor')).toHaveText(NOTE);
  await page.getByTestId('annotation-list').click({ position: { x: 5, y: 5 } });
  await saved(page);
  expect(await storedTag(workbench.workspace, pane)).toEqual({ quote: 'Bashar', note: NOTE });

  await page.keyboard.press('Shift+Alt+ArrowRight');
  await expect(quote).toHaveText("Bashar al-Assad's");
  await saved(page);
  expect(await storedTag(workbench.workspace, pane)).toEqual({ quote: "Bashar al-Assad's", note: NOTE });

  await page.keyboard.press('Control+z');
  await expect(quote).toHaveText('Bashar');
  await saved(page);
  expect(await storedTag(workbench.workspace, pane)).toEqual({ quote: 'Bashar', note: NOTE });

  await page.keyboard.press('Control+Shift+Alt+ArrowLeft');
  await expect(quote).toHaveText('President Bashar');
  await page.keyboard.press('Control+Shift+Alt+ArrowRight');
  await expect(quote).toHaveText('Bashar');

  // The handles, on both ends of the selected tag; the end's let go inside "forces".
  const start = pane.locator('.anno-handle.is-start');
  const end = pane.locator('.anno-handle.is-end');
  await expect(start.locator('.anno-handle-knob')).toBeVisible();
  await expect(end.locator('.anno-handle-knob')).toBeVisible();
  await page.keyboard.press('Shift+Alt+ArrowRight');
  await expect(quote).toHaveText("Bashar al-Assad's");
  await saved(page);
  await pane.locator('.anno.is-selected').first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const box = (await pane.locator('.anno.is-selected').first().boundingBox())!;
  await page.screenshot({ path: testInfo.outputPath('handles.png'), clip: { x: box.x - 60, y: box.y - 40, width: box.width + 240, height: box.height + 80 } });

  const { middle } = await phrasePoints(pane, 'forces');
  await dragKnob(page, end, middle);
  await expect(quote).toHaveText("Bashar al-Assad's forces");
  await saved(page);
  expect(await storedTag(workbench.workspace, pane)).toEqual({ quote: "Bashar al-Assad's forces", note: NOTE });
  await expect(page.getByTestId('note-editor')).toHaveText(NOTE);
  // The drag was one step: Ctrl+Z gives back the span before it.
  await page.keyboard.press('Control+z');
  await expect(quote).toHaveText("Bashar al-Assad's");
  await saved(page);
  expect(await storedTag(workbench.workspace, pane)).toEqual({ quote: "Bashar al-Assad's", note: NOTE });
});

test("someone else's tag has no handles and is not moved by the keys: a message says so", async ({ page, workbench }) => {
  const [pane] = await openSeeds(page, workbench.url, SEED_001);
  await select(page, pane, 'Staffan');
  await page.keyboard.press('1');
  await saved(page);
  await expect(pane.locator('.anno-handle')).toHaveCount(2);
  await page.getByTestId('annotator-name').click();
  await page.getByTestId('annotator-input').fill('colleague');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('annotator-name')).toContainText('colleague');
  await clickOn(page, pane, 'Staffan');
  await expect(page.getByTestId('inspector-quote')).toHaveText('Staffan');
  await expect(pane.locator('.anno-handle')).toHaveCount(0);
  await page.keyboard.press('Shift+Alt+ArrowRight');
  await expect(page.getByTestId('boundary-refused-message')).toContainText('only your own tags can have their ends moved');
  await expect(page.getByTestId('inspector-quote')).toHaveText('Staffan');
  await saved(page);
  expect((await storedTag(workbench.workspace, pane)).quote).toBe('Staffan');
});
