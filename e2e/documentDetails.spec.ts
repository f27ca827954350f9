import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { expect, test } from './workbench';

const page = `<!doctype html><html lang="en"><head>
<title>Evacuation of east Aleppo begins | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="og:title" content="Evacuation of east Aleppo begins">
<meta property="article:published_time" content="2016-12-15T08:00:00+00:00">
<meta name="author" content="Jane Roe">
</head><body><h1>Evacuation of east Aleppo begins</h1><p>The first buses left east Aleppo on Thursday.</p></body></html>`;

test('an HTML article states its outlet, date and author; another document is given them by hand; the library sorts and filters by outlet', async ({ page: tab, workbench }, testInfo) => {
  await tab.goto(workbench.url);
  const items = tab.getByTestId('library-item');
  await expect(items).toHaveCount(5);

  // Import a page whose head states where and when it appeared.
  const file = join(mkdtempSync(join(tmpdir(), 'awb-e2e-html-')), 'evacuation.html');
  writeFileSync(file, page);
  await tab.getByTestId('import-input').setInputFiles(file);
  await expect(items).toHaveCount(6);
  const imported = items.filter({ hasText: 'Evacuation of east Aleppo begins' });
  await expect(imported.getByTestId('library-outlet')).toHaveText('Example News · 15 Dec 2016');
  await imported.locator('.library-open').click();
  const pane = tab.getByTestId('document-pane');
  await expect(pane.getByTestId('pane-outlet')).toHaveText('Example News · 15 Dec 2016');
  await pane.getByTestId('pane-details').click();
  const dialog = tab.getByTestId('details-dialog');
  await expect(dialog.getByTestId('details-author')).toHaveValue('Jane Roe');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Give a seed article its outlet and date from the library row, with the keyboard (Alt+Enter).
  const seed = items.filter({ hasText: 'Human rights monitor says the battle for Aleppo' });
  await seed.locator('.library-open').focus();
  await tab.keyboard.press('Alt+Enter');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('details-outlet').fill('The Outlet');
  await dialog.getByTestId('details-publishedAt').fill('last Tuesday');
  await dialog.getByTestId('details-save').click();
  await expect(dialog.getByRole('alert')).toContainText('publishedAt');
  await dialog.getByTestId('details-publishedAt').fill('2016-12-13');
  await testInfo.attach('the details form', { body: await tab.screenshot(), contentType: 'image/png' });
  await tab.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(seed.getByTestId('library-outlet')).toHaveText('The Outlet · 13 Dec 2016');

  // Persisted: after a reload, the row still says so.
  await tab.reload();
  await expect(items).toHaveCount(6);
  await expect(items.filter({ hasText: 'Human rights monitor' }).getByTestId('library-outlet')).toHaveText('The Outlet · 13 Dec 2016');

  // Sorted by outlet: Business Standard (the seeds' sidecar), Example News, The Outlet, then the rest.
  await tab.getByTestId('library-sort').selectOption('outlet:ascending');
  await expect(items.nth(0).getByTestId('library-outlet')).toHaveText('Business Standard');
  await expect(items.nth(1).getByTestId('library-outlet')).toHaveText('Example News · 15 Dec 2016');
  await expect(items.nth(2).getByTestId('library-outlet')).toHaveText('The Outlet · 13 Dec 2016');
  // Filtered by outlet.
  await tab.getByTestId('library-outlet-filter').selectOption('Example News');
  await expect(items).toHaveCount(1);
  await expect(tab.getByTestId('library-total')).toHaveText('1 of 6 articles');
  await testInfo.attach('the library filtered by outlet', { body: await tab.screenshot(), contentType: 'image/png' });
  await tab.getByTestId('library-outlet-filter').selectOption('');
  await expect(items).toHaveCount(6);
});

test('delete an article from the library (Delete, then confirm): gone from the library and search; Undo brings it back', async ({ page: tab, workbench }) => {
  await tab.goto(workbench.url);
  const items = tab.getByTestId('library-item');
  await expect(items).toHaveCount(5);
  const row = items.filter({ hasText: 'Smoke and flames rise' });
  await row.locator('.library-open').click();
  await expect(tab.getByTestId('document-pane')).toHaveCount(1);
  await row.locator('.library-open').focus();
  await tab.keyboard.press('Delete');
  const dialog = tab.getByTestId('delete-dialog');
  await expect(dialog).toContainText('Smoke and flames rise');
  await tab.keyboard.press('Enter');
  await expect(items).toHaveCount(4);
  await expect(tab.getByTestId('document-pane')).toHaveCount(0);
  const note = tab.getByTestId('deleted-message');
  await expect(note).toContainText(/Backup \S+ holds it/);
  await tab.keyboard.press('/');
  await tab.keyboard.type('13,346 civilians');
  await expect(tab.getByTestId('text-search-result')).toHaveCount(0);
  await tab.getByTestId('library-search').fill('');
  await note.getByTestId('undo-delete').click();
  await expect(items).toHaveCount(5);
  await expect(tab.getByTestId('undeleted-message')).toBeVisible();
  await tab.reload();
  await expect(items).toHaveCount(5);
  await tab.keyboard.press('/');
  await tab.keyboard.type('13,346 civilians');
  await expect(tab.getByTestId('text-search-result')).toHaveCount(1);
});
