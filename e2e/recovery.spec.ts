// Recovery in browser mode: a document file damaged on disk is moved aside and restored from the
// newest valid backup when it is opened, and the page says so; "Restore from backup…" puts the
// whole workspace back as it was, after keeping the current state as a backup of its own.
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentFile, highlight, openSeeds, saved, SEED_001, tag } from './pageActions';
import { expect, serveArgs, startAndReadUrl, stop, test } from './workbench';

/// `awb serve` on `workspace`.
const serve = (workspace: string) => startAndReadUrl(serveArgs(workspace));

/// "12 Dec 2016, 14:03:07", as the UI shows backup times.
const LOCAL_TIME = /\d{1,2} \w{3,4} \d{4}, \d\d:\d\d:\d\d/;

test('A workspace with a deliberately damaged document file opens with that document restored from backup and a message saying so', async ({ page }, testInfo) => {
  const workspace = join(mkdtempSync(join(tmpdir(), 'awb-recovery-')), 'workspace');

  // First run: the seeds are imported and backed up; tag one span.
  let server = await serve(workspace);
  let [pane] = await openSeeds(page, server.url, SEED_001);
  const docId = (await pane.getAttribute('data-doc-id'))!;
  await tag(page, pane, '1', 'Staffan de Mistura');
  await expect(highlight(pane, 'actor', 'Staffan de Mistura')).toBeVisible();
  await saved(page);
  await stop(server.process);

  // Second run: opening takes another backup, which holds the tag.
  server = await serve(workspace);
  await stop(server.process);

  // Damage the document's file in place: same size, all NUL bytes.
  const file = documentFile(workspace, docId);
  writeFileSync(file, Buffer.alloc(statSync(file).size));

  server = await serve(workspace);
  try {
    [pane] = await openSeeds(page, server.url, SEED_001);
    await expect(pane.getByTestId('document-view')).toContainText('President Bashar al-Assad');
    await expect(highlight(pane, 'actor', 'Staffan de Mistura')).toBeVisible();
    const notice = page.getByTestId('repair-notice');
    await expect(notice).toBeVisible();
    await expect(notice).toHaveClass(/is-warn/);
    await expect(notice).toContainText('Repaired from a backup: “President Bashar al-Assad');
    await expect(notice).toContainText(`documents/${docId.slice('sha256:'.length)}.json was damaged`);
    await expect(notice).toContainText(`It was moved to ${join(workspace, 'damaged')}`);
    await expect(notice).toContainText('restored from the backup of');
    expect(await notice.textContent()).toMatch(new RegExp(`restored from the backup of ${LOCAL_TIME.source}`));
    await testInfo.attach('repaired document with its notice', { body: await page.screenshot(), contentType: 'image/png' });

    // The damaged file was kept aside, and the repair is on disk.
    expect(readdirSync(join(workspace, 'damaged')).some((n) => n.startsWith(`documents_${docId.slice('sha256:'.length)}.json`))).toBe(true);
    expect(existsSync(file)).toBe(true);

    // Three runs, three backups: the one after the seeds, and one as each later run opened.
    await page.getByTestId('backups-button').click();
    await expect(page.getByTestId('backup-item')).toHaveCount(3);
    await page.getByTestId('backup-item').nth(1).click();
    await testInfo.attach('backups dialog with three backups', { body: await page.screenshot(), contentType: 'image/png' });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('backups-dialog')).toBeHidden();

    // Told once: opening the document again brings no new notice.
    await notice.getByTestId('message-dismiss').click();
    await page.reload();
    [pane] = await openSeeds(page, server.url, SEED_001);
    await expect(highlight(pane, 'actor', 'Staffan de Mistura')).toBeVisible();
    await expect(page.getByTestId('repair-notice')).toHaveCount(0);
  } finally {
    await stop(server.process);
  }
});

test('Restore from backup… puts the workspace back as it was and names the backup that keeps the state before', async ({ page, workbench }, testInfo) => {
  const [pane] = await openSeeds(page, workbench.url, SEED_001);
  await tag(page, pane, '1', 'Staffan de Mistura');
  await expect(highlight(pane, 'actor', 'Staffan de Mistura')).toBeVisible();
  await saved(page);
  const libraryItem = page.getByTestId('library-item').nth(SEED_001);
  await expect(libraryItem).not.toContainText('No tags yet');

  await page.getByTestId('backups-button').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('backups-dialog');
  await expect(dialog).toBeVisible();
  const rows = dialog.getByTestId('backup-item');
  await expect(rows.first()).toBeVisible();
  await expect(rows.first()).toContainText('5 documents');
  expect(await rows.first().textContent()).toMatch(LOCAL_TIME);
  // Esc closes, nothing happens.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByTestId('backups-button').click();
  // The oldest backup: taken right after the seeds were imported, before the tag.
  const oldest = rows.last();
  const restoredTime = (await oldest.locator('.backup-time').textContent())!;
  await oldest.click();
  await testInfo.attach('backups dialog', { body: await page.screenshot(), contentType: 'image/png' });
  await dialog.getByTestId('backup-restore').click();
  await expect(dialog.getByTestId('backup-confirm')).toContainText('The current state is saved as a backup first');
  await testInfo.attach('backups dialog asking to confirm', { body: await page.screenshot(), contentType: 'image/png' });
  await dialog.getByTestId('backup-restore-confirm').click();
  await expect(dialog).toBeHidden();

  // Everything reloaded: the open document and the library lost the tag.
  const report = page.getByTestId('restore-report');
  await expect(report).toContainText(`Restored the backup of ${restoredTime}; the previous state is kept as backup `);
  await expect(pane.locator('.anno')).toHaveCount(0);
  await expect(libraryItem).toContainText('No tags yet');
  await expect(page.getByTestId('document-pane')).toHaveCount(1);
  await testInfo.attach('restored', { body: await page.screenshot(), contentType: 'image/png' });

  // The safety backup is the newest one, named in the message; restoring it brings the tag back.
  await page.getByTestId('backups-button').click();
  const safety = (await rows.first().getAttribute('data-name'))!;
  await expect(report).toContainText(`kept as backup ${safety}`);
  await rows.first().click();
  await dialog.getByTestId('backup-restore').click();
  await dialog.getByTestId('backup-restore-confirm').click();
  await expect(highlight(pane, 'actor', 'Staffan de Mistura')).toBeVisible();
  await expect(libraryItem).not.toContainText('No tags yet');
});
