// `npm start` opens browser mode through a private launch page rather than the tokenised
// address (main/web/launchPage.ts): the page takes the browser to the workbench, which then
// drops the token from the address bar.
import { writeLaunchPage } from '../main/web/launchPage';
import { expect, test } from './workbench';

test('the launch page opens the workbench, and the token leaves the address bar', async ({ page, workbench }) => {
  const launch = writeLaunchPage(workbench.url);
  try {
    const token = new URL(workbench.url).searchParams.get('token')!;
    await page.goto(`file://${launch.path}`);
    await expect(page.getByTestId('library-item')).toHaveCount(5);
    expect(page.url()).toBe(`${new URL(workbench.url).origin}/`);
    expect(page.url()).not.toContain(token);
  } finally {
    launch.remove();
  }
});
