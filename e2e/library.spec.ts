import { expect, test } from './workbench';

test('the workbench loads, lists the five seed articles and opens two side by side', async ({ page, workbench }, testInfo) => {
  await page.goto(workbench.url);
  await expect(page.getByTestId('workspace-path')).toContainText(workbench.workspace);
  const items = page.getByTestId('library-item');
  await expect(items).toHaveCount(5);

  await items.nth(1).click();
  await items.nth(2).click({ modifiers: ['Control'] });
  const panes = page.getByTestId('document-pane');
  await expect(panes).toHaveCount(2);
  await expect(panes.nth(0).getByTestId('document-view')).toContainText('President Bashar al-Assad');
  await expect(panes.nth(1).getByTestId('document-view')).toContainText('Between 10,000 and 13,000 civilians have fled');

  // Side by side: the second pane starts to the right of the first, on the same row.
  const [a, b] = [await panes.nth(0).boundingBox(), await panes.nth(1).boundingBox()];
  expect(b!.x).toBeGreaterThanOrEqual(a!.x + a!.width - 1);
  expect(Math.abs(b!.y - a!.y)).toBeLessThan(2);

  await testInfo.attach('two seed articles side by side', { body: await page.screenshot(), contentType: 'image/png' });

  // The token survives a reload of the tab.
  await page.reload();
  await expect(page.getByTestId('library-item')).toHaveCount(5);
});

test('the library filter also finds a phrase in the text of every article, and opens it there, selected', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await expect(page.getByTestId('library-item')).toHaveCount(5);
  await page.keyboard.press('/');
  await page.keyboard.type('13,346 CIVILIANS');
  const result = page.getByTestId('text-search-result');
  await expect(result).toHaveCount(1);
  await expect(result).toContainText('13,346 civilians');
  await result.click();
  await expect(page.getByTestId('document-view')).toContainText('The Defence Ministry also said that 13,346 civilians left');
  // The match is selected in the document, so a label key tags exactly it.
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('13,346 civilians');
  await page.keyboard.press('3');
  await expect(page.locator('.anno[data-label="figure"]')).toHaveText('13,346 civilians');
  await page.getByTestId('library-search').fill('Atlantis');
  await expect(page.getByTestId('text-search')).toContainText('No article contains “Atlantis”.');
});

test('a match selected from the library stays selected when the suggestions drawn over it arrive later', async ({ page, workbench }) => {
  // The figure's ghost is drawn over the selected match itself once the suggestions come: a
  // redraw of the very text the selection lies in.
  let arrived = false;
  await page.route('**/api/suggestions.list', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
    arrived = true;
  });
  await page.goto(workbench.url);
  await expect(page.getByTestId('library-item')).toHaveCount(5);
  await page.keyboard.press('/');
  await page.keyboard.type('13,346 civilians');
  await page.getByTestId('text-search-result').click();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('13,346 civilians');
  await expect.poll(() => arrived).toBe(true);
  await expect(page.locator('.sugg').filter({ hasText: '13,346 civilians' })).toHaveCount(1);
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('13,346 civilians');
  await page.keyboard.press('3');
  await expect(page.locator('.anno[data-label="figure"]')).toHaveText('13,346 civilians');
});

test('the service sorts and filters the library: by title both ways, by a word of a title or file name', async ({ page, workbench }, testInfo) => {
  const asked: { sort?: string; descending?: boolean; filter?: string; offset: number; limit: number }[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/documents.list')) asked.push((JSON.parse(request.postData() ?? '[]') as (typeof asked)[number][])[0]);
  });
  await page.goto(workbench.url);
  const items = page.getByTestId('library-item');
  await expect(items).toHaveCount(5);
  const titles = () => items.locator('.library-title').allTextContents();
  const imported = await titles();
  const byTitle = [...imported].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
  expect(byTitle).not.toEqual(imported);

  // The sort is the next stop after the filter, and says the order in words.
  await page.getByTestId('library-search').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('library-sort')).toBeFocused();
  await expect(page.getByRole('combobox', { name: 'Sort' })).toHaveValue('imported:ascending');
  await page.getByTestId('library-sort').selectOption('title:ascending');
  await expect.poll(titles).toEqual(byTitle);
  await expect(items.first()).toHaveAttribute('aria-posinset', '1');
  await page.getByTestId('library-sort').selectOption('title:descending');
  await expect.poll(titles).toEqual([...byTitle].reverse());
  await testInfo.attach('library sorted by title, Z–A', { body: await page.getByRole('complementary', { name: 'Library' }).screenshot(), contentType: 'image/png' });

  // The filter goes to the service too (after a pause in typing), in the order chosen.
  await page.getByTestId('library-search').fill('FEDERATION');
  await expect(items).toHaveCount(1);
  await expect(items).toContainText('Russian Federation');
  await expect(page.getByTestId('library-total')).toHaveText('1 of 5 articles');
  await page.getByTestId('library-search').fill('002_');
  await expect(items).toHaveCount(1);
  await expect(items).toContainText('002_');
  await page.getByTestId('library-search').fill('no such title');
  await expect(page.getByRole('complementary', { name: 'Library' })).toContainText('No title matches “no such title”.');
  await page.getByTestId('library-search').press('Escape');
  await expect.poll(titles).toEqual([...byTitle].reverse());
  await expect(page.getByTestId('library-total')).toHaveText('5 articles');

  expect(asked).toContainEqual(expect.objectContaining({ sort: 'title', descending: true, filter: 'FEDERATION', offset: 0 }));
  expect(asked).toContainEqual(expect.objectContaining({ sort: 'title', descending: false }));
  // Never the whole library at once: a page at a time, and never one per keystroke.
  for (const query of asked) expect(query.limit).toBeLessThanOrEqual(100);
  expect(asked.filter((q) => q.filter?.startsWith('no such')).map((q) => q.filter)).toEqual(['no such title']);
});

test('article text is shown as text, never as HTML', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await expect(page.getByTestId('library-item')).toHaveCount(5);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.getByTestId('import-input').setInputFiles({
    name: 'hostile.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Hostile <script>alert(1)</script> and <img src=x onerror=alert(2)> here'),
  });
  const item = page.getByTestId('library-item').filter({ hasText: 'Hostile' });
  await expect(item).toHaveCount(1);
  // A report that only says all went well goes by itself (it sits over the first pane's header),
  // but not while the focus is in it, wherever the pointer is.
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('1 added');
  await report.getByTestId('message-dismiss').focus();
  await page.mouse.move(400, 400);
  await page.waitForTimeout(9_000);
  await expect(report).toBeVisible();
  await page.getByTestId('library-search').focus();
  await expect(report).toHaveCount(0, { timeout: 12_000 });
  await item.click();
  await expect(page.getByTestId('document-view')).toContainText('<script>alert(1)</script> and <img src=x onerror=alert(2)>');
  expect(dialogs).toEqual([]);
});

test('a long library draws only the rows near the view, yet lists, announces and reaches every article', async ({ page, workbench }) => {
  const bulk = 300;
  const total = bulk + 5;
  await page.goto(workbench.url);
  const items = page.getByTestId('library-item');
  await expect(items).toHaveCount(5);
  await page.getByTestId('import-input').setInputFiles(
    Array.from({ length: bulk }, (_, i) => {
      const n = String(i).padStart(3, '0');
      return { name: `bulk-${n}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`Bulletin ${n} on the convoy\n\nThe convoy ${n} reached the crossing.`) };
    }),
  );
  await expect(page.getByTestId('library-total')).toHaveText(`${total} articles`);

  // Only the rows near the view are in the DOM, each telling its place in the whole list.
  await expect(items.first()).toHaveAttribute('aria-posinset', '1');
  const rendered = await items.count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(40);
  for (const size of await items.evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-setsize')))) expect(size).toBe(String(total));

  // The list is one Tab stop: Tab from the last filter lands on the first row, the next Tab
  // leaves the list.
  const focusedPlace = () => page.evaluate(() => document.activeElement?.closest('[data-testid="library-item"]')?.getAttribute('aria-posinset') ?? null);
  await page.getByTestId('library-status-filter').focus();
  await page.keyboard.press('Tab');
  expect(await focusedPlace()).toBe('1');
  await page.keyboard.press('Tab');
  expect(await focusedPlace()).toBeNull();

  // End, arrows and Home move the focus through the whole list; → and ← reach "Open beside".
  await page.keyboard.press('Shift+Tab');
  expect(await focusedPlace()).toBe('1');
  await page.keyboard.press('End');
  await expect.poll(focusedPlace).toBe(String(total));
  await expect(page.locator('[data-testid="library-item"][aria-posinset="' + total + '"]')).toBeInViewport();
  await page.keyboard.press('ArrowUp');
  await expect.poll(focusedPlace).toBe(String(total - 1));
  // A row still loading has no "Open beside" yet; this one fills in once its page arrives.
  await expect(page.locator(`[data-testid="library-item"][aria-posinset="${total - 1}"]`)).not.toHaveAttribute('aria-busy', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator(`[data-testid="library-item"][aria-posinset="${total - 1}"] [data-testid="open-beside"]`)).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator(`[data-testid="library-item"][aria-posinset="${total - 1}"] .library-open`)).toBeFocused();
  // Leaving and coming back returns to the row last focused.
  await page.keyboard.press('Tab');
  expect(await focusedPlace()).toBeNull();
  await page.keyboard.press('Shift+Tab');
  expect(await focusedPlace()).toBe(String(total - 1));
  await page.keyboard.press('Home');
  await expect.poll(focusedPlace).toBe('1');

  // The focused row stays in the DOM, and focused, when the list is scrolled far away.
  await page.getByTestId('library-list').evaluate((list) => (list.parentElement!.scrollTop = list.parentElement!.scrollHeight));
  await expect(page.locator('[data-testid="library-item"][aria-posinset="' + total + '"]')).toBeAttached();
  expect(await focusedPlace()).toBe('1');

  // The filter finds a row that was never drawn; opening it marks it open.
  await page.getByTestId('library-search').fill('bulk-250');
  await expect(items).toHaveCount(1);
  await expect(items).toHaveAttribute('aria-setsize', '1');
  await items.click();
  await expect(page.getByTestId('document-view')).toContainText('The convoy 250 reached the crossing.');
  await expect(items).toHaveAttribute('data-open', 'true');
});

test('the editors load on their own once the library is shown, before any article is opened', async ({ page, workbench }) => {
  const editors = page.waitForResponse(/\/assets\/editorChunk-[^/]+\.js$/);
  await page.goto(workbench.url);
  await expect(page.getByTestId('library-item')).toHaveCount(5);
  expect((await editors).ok()).toBe(true);
  await expect(page.getByTestId('document-pane')).toHaveCount(0);
  await page.getByTestId('library-item').nth(1).click();
  await expect(page.getByTestId('document-view')).toContainText('President Bashar al-Assad');
});

test('when the editors cannot be loaded, an opened article says so instead of staying blank', async ({ page, workbench }) => {
  await page.route(/\/assets\/editorChunk-[^/]+\.js$/, (route) => route.abort());
  await page.goto(workbench.url);
  await expect(page.getByTestId('library-item')).toHaveCount(5);
  await page.getByTestId('library-item').nth(1).click();
  await expect(page.getByTestId('document-pane').getByRole('alert')).toContainText('Could not load the text view');
  await expect(page.getByTestId('document-view')).toHaveCount(0);
});
