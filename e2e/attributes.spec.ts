// Attributes in the browser: the label editor declares a choice attribute on quotes (figures
// come with their measure), the inspector gives a quote a value from the choices, and the value
// and the declaration survive a reload; relabelling keeps the value for when the label comes back.
import { clickOn, openSeeds, saved, tag, SEED_001 } from './pageActions';
import { expect, test } from './workbench';

test('declare a choice attribute on quotes in the label editor, give a quote a value, and find both after a reload', async ({ page, workbench }) => {
  const [pane] = await openSeeds(page, workbench.url, SEED_001);

  // The label editor: figures already declare Measure; quotes get Stance, one of three values.
  await page.getByRole('button', { name: 'Edit labels' }).click();
  const editor = page.getByTestId('label-editor');
  const rows = editor.getByTestId('label-row');
  await expect(rows.nth(2).getByTestId('attribute-chip')).toHaveText(/Measure/);
  const quoteRow = rows.nth(3);
  await quoteRow.getByTestId('attribute-add').click();
  await quoteRow.getByTestId('attribute-name').fill('Stance');
  await quoteRow.getByTestId('attribute-kind').selectOption('choice');
  await quoteRow.getByTestId('attribute-choices').fill('hostile, neutral, conciliatory');
  await quoteRow.getByTestId('attribute-add-confirm').click();
  await expect(quoteRow.getByTestId('attribute-chip')).toHaveText(/Stance/);
  await editor.getByTestId('label-save').click();
  await expect(editor).toBeHidden();

  // A quote's stance, chosen in the inspector.
  const inspector = page.getByTestId('inspector');
  await tag(page, pane, '4', 'It is for the Russians to leave');
  const stance = inspector.locator('[data-testid="attribute-field"][data-attribute="stance"]');
  await expect(stance.locator('option')).toHaveText(['—', 'hostile', 'neutral', 'conciliatory']);
  await stance.selectOption('hostile');
  // Back in the text: undo and redo the value; relabelled as an actor it has no stance to show,
  // back as a quote the value is there.
  await pane.locator('.pane-scroll').focus();
  await page.keyboard.press('Control+z');
  await expect(stance).toHaveValue('');
  await page.keyboard.press('Control+Shift+z');
  await expect(stance).toHaveValue('hostile');
  await page.keyboard.press('1');
  await expect(stance).toHaveCount(0);
  await page.keyboard.press('4');
  await expect(stance).toHaveValue('hostile');
  await saved(page);

  const [again] = await openSeeds(page, workbench.url, SEED_001);
  await clickOn(page, again, 'It is for the Russians');
  await expect(inspector.locator('[data-testid="attribute-field"][data-attribute="stance"]')).toHaveValue('hostile');
});
