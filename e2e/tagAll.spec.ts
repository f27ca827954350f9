// "Tag all occurrences" (issue 18, DESIGN §12) with a real mouse and keyboard in browser mode:
// tag one "Aleppo", press t, choose every article, untick one occurrence, confirm: every other
// whole-word occurrence in every article is tagged once (the one already tagged is shown and
// skipped), and one Ctrl+Z removes them all, in the articles that are not open too (one redo
// puts them back).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findOccurrences } from '../main/core/tagAll/phraseOccurrences';
import { highlight, openSeeds, saved, select, SEED_001, type StoredDocument } from './pageActions';
import { expect, test } from './workbench';

/// Every document file of the workspace.
function storedDocuments(workspace: string): StoredDocument[] {
  const dir = join(workspace, 'documents');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as StoredDocument);
}

/// Every location span on disk, as `docId:start:end`.
function locationSpans(workspace: string): string[] {
  return storedDocuments(workspace)
    .flatMap((f) => f.annotations.filter((a) => a.label === 'location').map((a) => `${f.document.id}:${a.start}:${a.end}`))
    .sort();
}

test('Tag all "Aleppo" in every article with one occurrence unticked tags the rest; one Ctrl+Z removes them all', async ({ page, workbench }) => {
  const [pane] = await openSeeds(page, workbench.url, SEED_001);
  await select(page, pane, 'Aleppo');
  await page.keyboard.press('2');
  await saved(page);
  const [first] = locationSpans(workbench.workspace);
  const everywhere = storedDocuments(workbench.workspace).flatMap((f) => findOccurrences(f.document.text, 'Aleppo').map((s) => `${f.document.id}:${s.start}:${s.end}`));
  expect(everywhere.length).toBeGreaterThan(20);

  // The selected span's inspector offers it with its count in this article; t opens it.
  await expect(page.getByTestId('tag-all-button')).toContainText(/Tag all \d+ occurrences/);
  await page.keyboard.press('t');
  const dialog = page.getByTestId('tag-all-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('tag-all-label')).toHaveValue('location');
  await dialog.getByText('Every article').click();
  await expect(dialog.getByTestId('tag-all-summary')).toHaveText(`${everywhere.length} occurrences in 5 articles · 1 already tagged.`);
  const rows = dialog.getByTestId('tag-all-occurrence');
  await expect(rows).toHaveCount(everywhere.length);

  // The one already tagged is shown, disabled, and not counted in the confirm button.
  const tagged = dialog.locator('.tag-all-occurrence.is-tagged');
  await expect(tagged).toHaveCount(1);
  await expect(tagged.getByRole('checkbox')).toBeDisabled();
  await expect(tagged).toContainText('already tagged');
  await expect(dialog.getByTestId('tag-all-confirm')).toHaveText(`Tag ${everywhere.length - 1} occurrences`);

  // Untick one in another article with the mouse.
  const other = rows.filter({ hasNot: page.locator('input:disabled') }).last();
  const left = `${await other.getAttribute('data-doc-id')}:${await other.getAttribute('data-start')}`;
  await other.getByRole('checkbox').click();
  await expect(other.getByRole('checkbox')).not.toBeChecked();
  await expect(dialog.getByTestId('tag-all-confirm')).toHaveText(`Tag ${everywhere.length - 2} occurrences`);
  await page.mouse.move(0, 0);
  await tagged.scrollIntoViewIfNeeded();
  await dialog.screenshot({ path: test.info().outputPath('tag-all-dialog.png') });

  // Enter confirms (the focus is back on the confirm button).
  await dialog.getByTestId('tag-all-confirm').focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('tag-all-message')).toContainText(`Tagged ${everywhere.length - 2} occurrences of “Aleppo” as Location`);
  const expected = everywhere.filter((s) => !s.startsWith(`${left}:`)).sort();
  expect(locationSpans(workbench.workspace)).toEqual(expected);
  // The open article shows them.
  await expect(highlight(pane, 'location', 'Aleppo')).toHaveCount(findOccurrences(storedDocuments(workbench.workspace).find((f) => first.startsWith(f.document.id))!.document.text, 'Aleppo').length);

  // One Ctrl+Z takes every one of them away, in every article; the first tag stays.
  await page.keyboard.press('Control+z');
  await expect.poll(() => locationSpans(workbench.workspace)).toEqual([first]);
  await saved(page);
  await expect(highlight(pane, 'location', 'Aleppo')).toHaveCount(1);
  // And one Ctrl+Shift+Z puts them all back, the same spans.
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => locationSpans(workbench.workspace)).toEqual(expected);
});

test('the dialog works from the keyboard: arrows choose the scope, Space unticks, Enter tags, Esc closes', async ({ page, workbench }) => {
  const [pane] = await openSeeds(page, workbench.url, SEED_001);
  const docId = (await pane.getAttribute('data-doc-id'))!;
  const text = storedDocuments(workbench.workspace).find((f) => f.document.id === docId)!.document.text;
  const inArticle = findOccurrences(text, 'Aleppo').length;
  expect(inArticle).toBeGreaterThan(2);
  await select(page, pane, 'Aleppo');
  await page.keyboard.press('t');
  const dialog = page.getByTestId('tag-all-dialog');
  await expect(dialog.getByRole('radio', { name: 'This article' })).toBeFocused();
  await expect(dialog.getByTestId('tag-all-summary')).toHaveText(`${inArticle} occurrences in 1 article.`);
  // Esc closes without tagging; t opens it again.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(locationSpans(workbench.workspace)).toEqual([]);

  await select(page, pane, 'Aleppo');
  await page.keyboard.press('t');
  await expect(dialog.getByRole('radio', { name: 'This article' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByRole('radio', { name: 'Every article' })).toBeChecked();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(dialog.getByRole('radio', { name: 'This article' })).toBeChecked();
  await expect(dialog.getByTestId('tag-all-summary')).toHaveText(`${inArticle} occurrences in 1 article.`);
  await dialog.screenshot({ path: test.info().outputPath('tag-all-dialog-keyboard.png') });
  // The label (chosen with the keyboard too), then Match case, then the first occurrence.
  await dialog.getByTestId('tag-all-label').selectOption('location');
  await dialog.getByRole('radio', { name: 'This article' }).focus();
  await page.keyboard.press('Tab');
  await expect(dialog.getByTestId('tag-all-case')).toBeFocused();
  await page.keyboard.press('Tab');
  const first = dialog.getByTestId('tag-all-occurrence').first().getByRole('checkbox');
  await expect(first).toBeFocused();
  await page.keyboard.press('Space');
  await expect(first).not.toBeChecked();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('tag-all-message')).toContainText(`Tagged ${inArticle - 1} occurrences`);
  expect(locationSpans(workbench.workspace)).toHaveLength(inArticle - 1);
  await expect(highlight(pane, 'location', 'Aleppo')).toHaveCount(inArticle - 1);
});
