// Entities in the browser: three outlets' names for one country linked to one entity from the
// inspector (created from a span, found by typing), marked across panes when one is selected
// (with the count of those outside a pane's view), a new tag linked at once by an alias, and
// the Entities panel's documents of an entity (a page at a time), merge and rename, both undone.
import { expect, test } from './workbench';
import { clickOn, openSeeds, saved, tag } from './pageActions';

// Three articles side by side, each at least its minimum width, beside the library and the
// inspector (narrower windows show the third as a tab).
test.use({ viewport: { width: 1920, height: 1080 } });

test('link “Moscow”, “Russian Federation” and “Russia” from three outlets to one entity; merge and rename entities, and undo both', async ({ page, workbench }, testInfo) => {
  // Seeds 001 (AFP via Business Standard), 003 and 004, side by side.
  const [afp, third, fourth] = await openSeeds(page, workbench.url, 1, 3, 4);
  const inspector = page.getByTestId('inspector');
  const search = inspector.getByTestId('entity-search');

  // "Russia" in the fourth (the first not inside "Russian"; the space is trimmed) becomes a new
  // location entity, made from the span.
  await tag(page, fourth, '2', 'Russia ');
  await search.focus();
  await expect(inspector.getByTestId('entity-create')).toHaveText('Create “Russia” as a new location');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(inspector.getByTestId('entity-name')).toHaveText('Russia');

  // "Moscow" in the AFP article and "Russian Federation" in the third are linked to it by typing.
  for (const [pane, phrase] of [
    [afp, 'Moscow'],
    [third, 'Russian Federation'],
  ] as const) {
    await tag(page, pane, '2', phrase);
    await search.fill('rus');
    await expect(inspector.getByTestId('entity-option').first()).toContainText('Russia');
    await page.keyboard.press('Enter');
    await expect(inspector.getByTestId('entity-name')).toHaveText('Russia');
    // The span's own text becomes an alias.
    await inspector.getByTestId('entity-alias-span').click();
    await expect(inspector.getByTestId('entity-aliases')).toContainText(phrase);
  }
  await expect(inspector.getByTestId('entity-aliases')).toHaveText('Also: Moscow · Russian Federation');
  await saved(page);

  // Selecting "Moscow" marks the entity's other names in the other panes.
  await clickOn(page, afp, 'Moscow');
  await expect(inspector.getByTestId('entity-name')).toHaveText('Russia');
  await expect(third.locator('.anno.is-match')).toHaveText('Russian Federation');
  await expect(fourth.locator('.anno.is-match')).toHaveText('Russia');
  // Scrolled away from it, the third pane says where the match is.
  await third.locator('.pane-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(third.getByTestId('outside-matches')).toHaveAttribute('data-above', '1');
  await testInfo.attach('one entity marked across three outlets', { body: await page.screenshot(), contentType: 'image/png' });

  // A new tag whose text is an alias is linked at once, and the link can be taken back.
  await tag(page, fourth, '2', 'Moscow');
  await expect(page.getByTestId('entity-linked-message')).toContainText('Linked to Russia');
  await page.getByTestId('undo-entity-link').click();
  await expect(inspector.getByTestId('entity-name')).toHaveCount(0);

  // Two actors, "Lavrov" (fourth) and "Sergei Lavrov" (AFP), each made an entity.
  for (const [pane, phrase] of [
    [fourth, 'Lavrov'],
    [afp, 'Sergei Lavrov'],
  ] as const) {
    await tag(page, pane, '1', phrase);
    await page.keyboard.press('e'); // to the entity box
    await expect(search).toBeFocused();
    await inspector.getByTestId('entity-create').click();
    await expect(inspector.getByTestId('entity-name')).toHaveText(phrase);
  }
  await saved(page);

  // The Entities panel: merge "Lavrov" into "Sergei Lavrov", then rename "Russia".
  await page.getByTestId('entities-button').click();
  const panel = page.getByTestId('entities-dialog');
  const row = (name: string) => panel.getByTestId('entity-row').filter({ has: page.locator('.entity-row-name', { hasText: new RegExp(`^${name}$`) }) });
  await expect(panel.getByTestId('entity-row')).toHaveCount(3);
  await expect(row('Russia')).toContainText('3 in 3 docs');
  // The documents that mention it are read when it is chosen, a page at a time (cut to one
  // document a page here, to show the next ones), with their titles.
  await page.route('**/api/entities.documents', (route) => {
    const [id, query] = route.request().postDataJSON() as [string, { offset: number; limit: number }];
    return route.continue({ postData: JSON.stringify([id, { ...query, limit: 1 }]) });
  });
  await row('Russia').click();
  await expect(panel.getByTestId('entity-editor')).toContainText('Mentioned 3 times in 3 documents');
  const documents = panel.getByTestId('entity-doc');
  const more = panel.getByTestId('entity-documents-more');
  await expect(documents).toHaveCount(1);
  await more.click();
  await expect(documents).toHaveCount(2);
  await expect(more).toHaveText('Show 1 more of 1');
  await more.click();
  await expect(documents).toHaveCount(3);
  await expect(more).toHaveCount(0);
  await expect(documents.filter({ hasText: 'Untitled' })).toHaveCount(0);
  await page.unroute('**/api/entities.documents');
  await row('Lavrov').click();
  await panel.getByTestId('entity-merge-target').selectOption({ label: 'Sergei Lavrov (Actor)' });
  await panel.getByTestId('entity-merge').click();
  await expect(panel.getByTestId('entity-row')).toHaveCount(2);
  await row('Sergei Lavrov').click();
  await expect(panel.getByTestId('entity-edit-aliases')).toHaveValue('Lavrov');
  await expect(row('Sergei Lavrov')).toContainText('2 in 2 docs');
  await row('Russia').click();
  await panel.getByTestId('entity-edit-name').fill('Russian state');
  await panel.getByTestId('entity-save').click();
  await expect(row('Russian state')).toHaveCount(1);
  await testInfo.attach('the Entities panel', { body: await page.screenshot(), contentType: 'image/png' });

  // The fourth's "Lavrov" now names Sergei Lavrov.
  await panel.getByRole('button', { name: 'Close' }).last().click();
  await clickOn(page, fourth, 'Lavrov');
  await expect(inspector.getByTestId('entity-name')).toHaveText('Sergei Lavrov');

  // Undo the rename, then the merge: "Lavrov" is its own entity again, with its link.
  await page.getByTestId('entities-button').click();
  await panel.getByTestId('entities-undo').click();
  await expect(row('Russia')).toHaveCount(1);
  await panel.getByTestId('entities-undo').click();
  await expect(panel.getByTestId('entity-row')).toHaveCount(3);
  await row('Sergei Lavrov').click();
  await expect(panel.getByTestId('entity-edit-aliases')).toHaveValue('');
  await panel.getByRole('button', { name: 'Close' }).last().click();
  await clickOn(page, fourth, 'Lavrov');
  await expect(inspector.getByTestId('entity-name')).toHaveText('Lavrov');

  // All of it survives a reload.
  await saved(page);
  // (The reload reopens the panes of the session; the AFP article is among them.)
  const afpId = await afp.getAttribute('data-doc-id');
  await page.reload();
  await page.getByTestId('library-item').nth(1).click();
  const afpAgain = page.locator(`[data-testid="document-pane"][data-doc-id="${afpId}"]`);
  await expect(afpAgain.getByTestId('document-view')).toBeVisible();
  await clickOn(page, afpAgain, 'Moscow');
  await expect(inspector.getByTestId('entity-name')).toHaveText('Russia');
  await expect(inspector.getByTestId('entity-aliases')).toHaveText('Also: Moscow · Russian Federation');
});
