// Each annotator's status of a document, in the library: marked done from the keyboard (S on the
// row) or with the mouse (the menu in the article's pane), shown on the row in words, stored in the document's file, kept over a reload, and
// filtered by; and the row's annotations counted as yours and a colleague's (imported from an
// exchange file) apart.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { colleagueExchange } from './colleagueExchange';
import { documentFile, openSeeds, saved, SEED_001, tag } from './pageActions';
import { expect, test } from './workbench';

interface StoredFile {
  document: { id: string; title: string; text: string; sourceName: string };
  statuses?: { annotator: string; status: string; at: string }[];
}

const storedFiles = (workspace: string): StoredFile[] =>
  readdirSync(join(workspace, 'documents'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(workspace, 'documents', f), 'utf8')) as StoredFile);

test('mark a document done from the keyboard or the pane’s menu; the library shows it, filters by it, and counts yours and others’ apart', async ({ page, workbench }, testInfo) => {
  await page.goto(workbench.url);
  const items = page.getByTestId('library-item');
  await expect(items).toHaveCount(5);
  const me = (JSON.parse(readFileSync(join(workbench.workspace, 'workspace.json'), 'utf8')) as { currentAnnotator: string }).currentAnnotator;
  const one = storedFiles(workbench.workspace).find((f) => f.document.sourceName.startsWith('001_'))!;
  const row = page.locator(`[data-testid="library-item"][data-doc-id="${one.document.id}"]`);

  // A colleague's three tags, then one of mine.
  await page.getByTestId('import-input').setInputFiles({ name: 'colleague.awb.json', mimeType: 'application/json', buffer: colleagueExchange(['east Aleppo', 'Geneva', 'Damascus'].map((phrase) => ({ file: one, label: 'location', phrase }))) });
  await expect(page.getByTestId('exchange-report')).toContainText('3 annotations added');
  await expect(row.getByTestId('library-whose')).toHaveText('0 yours · 3 others');
  const [pane] = await openSeeds(page, workbench.url, SEED_001);
  await tag(page, pane, '1', 'Sergei Lavrov');
  await saved(page);
  await expect(row.getByTestId('library-whose')).toHaveText('1 yours · 3 others');

  // Every row starts "to do", in words.
  await expect(page.getByTestId('library-status')).toHaveText(Array(5).fill('○ To do'));
  await expect(row.getByTestId('library-status')).toHaveAttribute('aria-label', 'Your status: To do');

  // From the keyboard: S on the row steps to "in progress", then "done".
  await row.locator('.library-open').focus();
  await page.keyboard.press('s');
  await expect(row.getByTestId('library-status')).toHaveText('◐ In progress');
  await page.keyboard.press('s');
  await expect(row.getByTestId('library-status')).toHaveText('● Done');
  await expect(row).toHaveAttribute('data-status', 'done');
  await expect(row.locator('.library-open')).toBeFocused();
  // Stored in the document's own file, as mine.
  await expect
    .poll(() => (JSON.parse(readFileSync(documentFile(workbench.workspace, one.document.id), 'utf8')) as StoredFile).statuses?.map((m) => [m.annotator, m.status]))
    .toEqual([[me, 'done']]);

  // The filter by my status lists only it.
  await page.getByTestId('library-status-filter').selectOption('done');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toHaveAttribute('data-doc-id', one.document.id);
  await expect(page.getByTestId('library-total')).toHaveText('1 of 5 articles');
  const filtered = await page.getByRole('complementary', { name: 'Library' }).screenshot({ path: testInfo.outputPath('library-done.png') });
  await testInfo.attach('library filtered by my status: done', { body: filtered, contentType: 'image/png' });
  await page.getByTestId('library-status-filter').selectOption('todo');
  await expect(items).toHaveCount(4);
  await expect(row).toHaveCount(0);
  await page.getByTestId('library-status-filter').selectOption('in-progress');
  await expect(page.getByText('No article marked “In progress” by you.')).toBeVisible();
  await page.getByTestId('library-status-filter').selectOption('');
  await expect(items).toHaveCount(5);
  const library = await page.getByRole('complementary', { name: 'Library' }).screenshot({ path: testInfo.outputPath('library.png') });
  await testInfo.attach('library with my status and whose annotations', { body: library, contentType: 'image/png' });

  // Kept over a reload, with the counts.
  await page.reload();
  await expect(items).toHaveCount(5);
  await expect(row.getByTestId('library-status')).toHaveText('● Done');
  await expect(row.getByTestId('library-whose')).toHaveText('1 yours · 3 others');
  // And S from done goes back to to do.
  await row.locator('.library-open').focus();
  await page.keyboard.press('Shift+S');
  await expect(row.getByTestId('library-status')).toHaveText('○ To do');
  await expect.poll(() => 'statuses' in (JSON.parse(readFileSync(documentFile(workbench.workspace, one.document.id), 'utf8')) as object)).toBe(false);

  // With the mouse: the status menu in the article's pane; the library follows it, and S on the
  // row shows in the pane.
  const [opened] = await openSeeds(page, workbench.url, SEED_001);
  const paneStatus = opened.getByTestId('pane-status');
  await expect(paneStatus).toHaveValue('todo');
  await expect(paneStatus).toHaveAccessibleName(`Your status of “${one.document.title}”`);
  await paneStatus.selectOption('in-progress');
  await expect(row.getByTestId('library-status')).toHaveText('◐ In progress');
  await expect
    .poll(() => (JSON.parse(readFileSync(documentFile(workbench.workspace, one.document.id), 'utf8')) as StoredFile).statuses?.map((m) => [m.annotator, m.status]))
    .toEqual([[me, 'in-progress']]);
  await row.locator('.library-open').focus();
  await page.keyboard.press('s');
  await expect(row.getByTestId('library-status')).toHaveText('● Done');
  await expect(paneStatus).toHaveValue('done');

  // A status that cannot be saved is said, and the menu shows the one held again.
  await page.route('**/api/documents.setStatus', (route) => route.abort());
  await paneStatus.selectOption('todo');
  await expect(page.locator('.message-title', { hasText: 'Status not saved' })).toBeVisible();
  await expect(paneStatus).toHaveValue('done');
  await page.unroute('**/api/documents.setStatus');

  // Another annotator sees their own status in the pane, and sets it there.
  await page.getByTestId('annotator-name').click();
  await page.getByTestId('annotator-input').fill('colleague');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('annotator-name')).toContainText('colleague');
  await expect(paneStatus).toHaveValue('todo');
  await expect(row.getByTestId('library-status')).toHaveText('○ To do');
  await paneStatus.selectOption('done');
  await expect(row.getByTestId('library-status')).toHaveText('● Done');
  await expect
    .poll(() => (JSON.parse(readFileSync(documentFile(workbench.workspace, one.document.id), 'utf8')) as StoredFile).statuses?.map((m) => [m.annotator, m.status]))
    .toEqual([
      [me, 'done'],
      ['colleague', 'done'],
    ]);
});
