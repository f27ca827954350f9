// Leaving browser mode while a change is still being saved: the page's beforeunload guard makes
// the browser ask first; once the change is saved the page closes without asking.
import type { Route } from '@playwright/test';
import { highlight, openSeeds, saved, SEED_001, tag } from './pageActions';
import { expect, test } from './workbench';

test('closing the tab while a save hangs asks first; once it is saved the tab closes without asking', async ({ page, workbench }) => {
  const [pane] = await openSeeds(page, workbench.url, SEED_001);
  const held: Route[] = [];
  await page.route('**/api/annotations.create', (route) => void held.push(route));
  await tag(page, pane, '1', 'Staffan de Mistura');
  await expect(highlight(pane, 'actor', 'Staffan de Mistura')).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saving');
  await expect.poll(() => held.length).toBe(1);

  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.dismiss(); // stay on the page
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(['beforeunload']);
  expect(page.isClosed()).toBe(false);

  await held[0].continue();
  await saved(page);
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
  expect(dialogs).toEqual(['beforeunload']);
});
