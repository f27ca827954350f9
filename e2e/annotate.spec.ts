// Annotating in browser mode with real mouse selections: tag, relabel, undo/redo, delete,
// overlapping spans, speaker links and notes, side-by-side counts, offsets across paragraphs and
// next to emoji, saving with retry. The workspace files are read to check what was stored.
import { writeFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { clickOn, highlight, openSeeds, saved, select, storedDocument, type StoredDocument } from './pageActions';
import { expect, test } from './workbench';

const SEED_001 = 1; // "President Bashar al-Assad's forces …" (AFP via Business Standard)
const SEED_003 = 3; // "Russian Federation says Aleppo combat stopped …"

async function stored(workspace: string, pane: Locator): Promise<StoredDocument> {
  return storedDocument(workspace, (await pane.getAttribute('data-doc-id'))!);
}

test('tag with the mouse and a key, relabel, undo, delete, undo; it all survives a reload', async ({ page, workbench }) => {
  let [pane] = await openSeeds(page, workbench.url, SEED_001);
  await select(page, pane, 'Staffan de Mistura');
  await expect(page.getByTestId('selection-toolbar')).toBeVisible();
  await page.keyboard.press('1');
  await expect(highlight(pane, 'actor', 'Staffan de Mistura')).toBeVisible();
  await expect(page.getByTestId('annotation-item').filter({ hasText: 'Staffan de Mistura' })).toHaveAttribute('data-label', 'actor');
  await saved(page);

  await page.reload();
  [pane] = await openSeeds(page, workbench.url, SEED_001);
  await expect(highlight(pane, 'actor', 'Staffan de Mistura')).toBeVisible();
  await clickOn(page, pane, 'Staffan de Mistura');
  await expect(page.getByTestId('inspector-quote')).toHaveText('Staffan de Mistura');

  await page.getByTestId('inspector-label').and(page.locator('[data-label="location"]')).click();
  await expect(highlight(pane, 'location', 'Staffan de Mistura')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(highlight(pane, 'actor', 'Staffan de Mistura')).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(pane.locator('.anno')).toHaveCount(0);
  await saved(page);
  expect((await stored(workbench.workspace, pane)).annotations).toEqual([]);
  await page.keyboard.press('Control+z');
  await expect(highlight(pane, 'actor', 'Staffan de Mistura')).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(pane.locator('.anno')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await saved(page);

  await page.reload();
  [pane] = await openSeeds(page, workbench.url, SEED_001);
  await expect(highlight(pane, 'actor', 'Staffan de Mistura')).toBeVisible();
  const file = await stored(workbench.workspace, pane);
  expect(file.annotations.map((a) => [a.label, a.quote])).toEqual([['actor', 'Staffan de Mistura']]);
});

test('a quote with an actor inside: both highlighted, each selectable by clicking', async ({ page, workbench }) => {
  const [pane] = await openSeeds(page, workbench.url, SEED_001);
  await select(page, pane, 'It is for the Russians to leave');
  await page.keyboard.press('4');
  await select(page, pane, 'Russians');
  await page.getByTestId('selection-toolbar').getByTestId('tag-chip').and(page.locator('[data-label="actor"]')).click();
  await expect(highlight(pane, 'quote', 'It is for the')).toBeVisible();
  await expect(highlight(pane, 'actor', 'Russians')).toBeVisible();
  await page.keyboard.press('Escape');

  await clickOn(page, pane, 'Russians');
  await expect(page.getByTestId('inspector-label-name')).toHaveText('Actor');
  await page.waitForTimeout(600); // two quick clicks are a double-click, which selects the word
  await clickOn(page, pane, 'Russians');
  await expect(page.getByTestId('inspector-label-name')).toHaveText('Quote');
  await expect(page.getByTestId('inspector-quote')).toHaveText('It is for the Russians to leave');
  await clickOn(page, pane, 'leave');
  await expect(page.getByTestId('inspector-quote')).toHaveText('It is for the Russians to leave');
  await expect(page.getByTestId('overlap-chip')).toHaveText('Russians');

  // j/k step through in reading order.
  await page.keyboard.press('j');
  await expect(page.getByTestId('inspector-quote')).toHaveText('Russians');
  await page.keyboard.press('k');
  await expect(page.getByTestId('inspector-quote')).toHaveText('It is for the Russians to leave');
  await saved(page);
});

test('link a quote to its speaker and write a note; both survive a reload', async ({ page, workbench }) => {
  let [pane] = await openSeeds(page, workbench.url, SEED_001);
  await select(page, pane, 'The revolutionaries will', 'last drop of blood');
  await page.keyboard.press('4');
  await select(page, pane, 'Abu Abdel Rahman al-Hamawi');
  await page.keyboard.press('1');
  await clickOn(page, pane, 'revolutionaries');
  await expect(page.getByTestId('inspector-label-name')).toHaveText('Quote');

  await page.getByTestId('pick-speaker').click();
  await clickOn(page, pane, 'Abu Abdel Rahman al-Hamawi');
  await expect(page.getByTestId('speaker-name')).toHaveText('Said by Abu Abdel Rahman al-Hamawi');
  await expect(page.getByTestId('inspector-label-name')).toHaveText('Quote');

  await page.getByTestId('note-editor').click();
  await page.keyboard.type('Vows to fight on; ');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('no date');
  await page.getByTestId('annotation-list').click({ position: { x: 5, y: 5 } });
  await saved(page);

  await page.reload();
  [pane] = await openSeeds(page, workbench.url, SEED_001);
  await clickOn(page, pane, 'revolutionaries');
  await expect(page.getByTestId('speaker-name')).toHaveText('Said by Abu Abdel Rahman al-Hamawi');
  await expect(page.getByTestId('note-editor')).toHaveText('Vows to fight on; no date');
  await expect(page.getByTestId('note-editor').locator('strong')).toHaveText('no date');
  const file = await stored(workbench.workspace, pane);
  const quote = file.annotations.find((a) => a.label === 'quote')!;
  const actor = file.annotations.find((a) => a.label === 'actor')!;
  expect(file.relations).toMatchObject([{ from: quote.id, to: actor.id }]);
  expect(quote.note).toEqual({
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Vows to fight on; ' }, { type: 'text', text: 'no date', marks: [{ type: 'bold' }] }] }],
  });
});

test('two documents side by side: tag in both, same text marked across panes, library counts update', async ({ page, workbench }) => {
  const [left, right] = await openSeeds(page, workbench.url, SEED_001, SEED_003);
  await select(page, left, 'Aleppo');
  await page.keyboard.press('2');
  await select(page, right, 'Syrian Observatory for Human Rights');
  await page.keyboard.press('1');
  await select(page, right, 'Aleppo');
  await page.keyboard.press('2');
  await saved(page);

  // The selected "Aleppo" on the right marks the "Aleppo" on the left.
  await expect(highlight(left, 'location', 'Aleppo')).toHaveClass(/is-match/);
  const counts = (pane: Locator) => page.locator(`[data-testid="library-item"][data-doc-id="${pane === left ? leftId : rightId}"] .count-chip`);
  const leftId = await left.getAttribute('data-doc-id');
  const rightId = await right.getAttribute('data-doc-id');
  await expect(counts(left)).toHaveText(['1']);
  await expect(counts(right)).toHaveText(['1', '1']);

  await page.reload();
  // Both panes come back (the last session), and the library's counts are the saved ones.
  await expect(page.getByTestId('document-pane').getByTestId('document-view')).toHaveCount(2);
  await expect(page.locator(`[data-testid="library-item"][data-doc-id="${rightId}"] .count-chip`)).toHaveText(['1', '1']);
  await expect(page.locator(`[data-testid="library-item"][data-doc-id="${leftId}"] .count-chip[data-label="location"]`)).toHaveText('1');
});

test('offsets: a selection across two paragraphs, and next to emoji, store exactly the selected text', async ({ page, workbench }) => {
  let [pane] = await openSeeds(page, workbench.url, SEED_001);
  await select(page, pane, 'swiftly rejected', 'Yasser al-Youssef');
  await page.keyboard.press('2');
  const crossing = 'swiftly rejected any talk of an evacuation.\nYasser al-Youssef';
  await expect(page.getByTestId('inspector-quote')).toHaveText(crossing);
  await saved(page);
  let file = await stored(workbench.workspace, pane);
  expect(file.annotations.map((a) => file.document.text.slice(a.start, a.end))).toEqual([crossing]);
  expect(file.annotations[0].quote).toBe(crossing);

  const text = 'Crowds 👩‍👩‍👧‍👦 cheered 🎉 the convoy.\nIn 東京 they said 😀Damascus agreed, é.';
  await page.getByTestId('import-input').setInputFiles({ name: 'emoji.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.getByTestId('library-item').filter({ hasText: 'Crowds' }).click();
  pane = page.getByTestId('document-pane').first();
  await expect(pane.getByTestId('document-view')).toContainText('Damascus');
  await select(page, pane, 'Damascus');
  await page.keyboard.press('1');
  await select(page, pane, 'cheered 🎉');
  await page.keyboard.press('3');
  await select(page, pane, '👩‍👩‍👧‍👦 cheered');
  await page.keyboard.press('4');
  await saved(page);
  file = await stored(workbench.workspace, pane);
  const quotes = file.annotations.map((a) => file.document.text.slice(a.start, a.end));
  expect(quotes.sort()).toEqual(['Damascus', 'cheered 🎉', '👩‍👩‍👧‍👦 cheered'].sort());
  for (const a of file.annotations) expect(a.quote).toBe(file.document.text.slice(a.start, a.end));
});

test('a failed save stays on screen, says so, and is retried', async ({ page, workbench }) => {
  const [pane] = await openSeeds(page, workbench.url, SEED_001);
  let failures = 2;
  await page.route('**/api/annotations.create', (route) => (failures-- > 0 ? route.abort() : route.continue()));
  await select(page, pane, 'Staffan de Mistura');
  await page.keyboard.press('1');
  await expect(page.getByTestId('save-status')).toContainText('Not saved');
  await expect(page.getByTestId('save-error')).toContainText('cannot be reached');
  await expect(highlight(pane, 'actor', 'Staffan de Mistura')).toBeVisible();
  await page.getByTestId('save-retry').click();
  await saved(page);
  expect((await stored(workbench.workspace, pane)).annotations).toHaveLength(1);
});

test('annotator identity, others hidden on request, list filters, labels added and renamed', async ({ page, workbench }) => {
  let [pane] = await openSeeds(page, workbench.url, SEED_001);
  await select(page, pane, 'Staffan de Mistura');
  await page.keyboard.press('1');
  await page.getByTestId('annotator-name').click();
  await page.getByTestId('annotator-input').fill('colleague');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('annotator-name')).toContainText('colleague');
  await expect(highlight(pane, 'actor', 'Staffan de Mistura')).toHaveClass(/is-foreign/);
  await select(page, pane, 'Sergei Lavrov');
  await page.keyboard.press('1');
  await saved(page);
  await expect(page.getByTestId('inspector-annotator')).toHaveText('colleague');
  await page.getByTestId('toggle-others').uncheck();
  await expect(pane.locator('.anno')).toHaveCount(1);
  await page.getByTestId('toggle-others').check();
  await page.getByTestId('filter-annotator').selectOption('root');
  await expect(page.getByTestId('annotation-item')).toHaveText([/Staffan de Mistura/]);
  await page.getByTestId('filter-annotator').selectOption('');

  await page.getByTestId('edit-labels').click();
  await page.getByTestId('label-name').first().fill('Person');
  await page.getByTestId('label-add').click();
  await page.getByTestId('label-name').last().fill('Event');
  await page.getByTestId('label-key').last().fill('5');
  await page.getByTestId('label-save').click();
  await expect(page.getByTestId('legend-chip')).toHaveText(['1Person', '2Location', '3Figure', '4Quote', '5Event']);
  await expect(highlight(pane, 'actor', 'Sergei Lavrov')).toHaveAttribute('title', 'Person · colleague');
  await select(page, pane, 'talks would be held');
  await page.keyboard.press('5');
  await expect(highlight(pane, 'event', 'talks would be held')).toBeVisible();
  await saved(page);

  await page.reload();
  [pane] = await openSeeds(page, workbench.url, SEED_001);
  await expect(page.getByTestId('annotator-name')).toContainText('colleague');
  await expect(page.getByTestId('legend-chip').last()).toHaveText('5Event');
  await expect(pane.locator('.anno')).toHaveCount(3);
});

test('screenshot: two annotated articles side by side, overlapping spans, inspector open', async ({ page, workbench }, testInfo) => {
  const [left, right] = await openSeeds(page, workbench.url, SEED_001, SEED_003);
  const tags: [Locator, string, string, string?][] = [
    [left, '4', 'The revolutionaries will', 'last drop of blood'],
    [left, '1', 'The revolutionaries'],
    [left, '2', 'leave Aleppo'],
    [left, '1', 'Abu Abdel Rahman al-Hamawi'],
    [left, '1', 'Army of Islam'],
    [left, '1', 'Yasser al-Youssef'],
    [left, '1', 'Nureddine al-Zinki'],
    [left, '4', 'It is for the Russians to leave'],
    [left, '1', 'Russians'],
    [right, '1', 'A military source'],
    [right, '4', 'Until now, 32', 'faster than expected'],
    [right, '3', '32 neighbourhoods'],
    [right, '3', 'an original 40'],
    [right, '2', 'east Aleppo.'],
    [right, '1', 'Syrian Observatory for Human Rights'],
    [right, '1', 'Assad'],
  ];
  for (const [pane, key, first, last] of tags) {
    await select(page, pane, first, last);
    await page.keyboard.press(key);
  }
  await clickOn(page, left, 'will not');
  await page.getByTestId('speaker-select').selectOption({ label: 'Abu Abdel Rahman al-Hamawi' });
  await page.getByTestId('note-editor').click();
  await page.keyboard.type('Hardline stance from the Army of Islam; compare the AFP wording with Reuters.');
  await clickOn(page, right, 'Until now');
  await page.keyboard.press('Escape');
  await clickOn(page, left, 'will not');
  await saved(page);
  await left.locator('.anno.is-selected').first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await right.locator('.pane-scroll').evaluate((el) => el.scrollTo(0, 0));
  await page.mouse.move(0, 0);
  const shot = await page.screenshot();
  await testInfo.attach('annotating side by side', { body: shot, contentType: 'image/png' });
  if (process.env.AWB_SCREENSHOT) writeFileSync(process.env.AWB_SCREENSHOT, shot);
});
