// A colleague's layer is read-only outside Review, in browser mode with the real keyboard and
// mouse: Dana's and Eve's tags come in by their exchange file (Import…); a label key and Delete on
// Dana's tag change nothing and the message area says why; the inspector shows her tag with its
// controls disabled and the reason; a click on a text that I, Dana and Eve tagged alike takes my
// tag first and cycles through theirs.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { clickOn, saved, select, SEED_001, storedDocument, type StoredDocument } from './pageActions';
import { expect, test, type ServedWorkbench } from './workbench';

/// The seed article that names Hezbollah (AFP via Business Standard).
const SEED_SOURCE = '001_';
const PHRASE = 'Hezbollah';

interface SeedFile {
  document: { id: string; title: string; text: string; sourceName: string };
}

function seedFile(workspace: string): SeedFile {
  const dir = join(workspace, 'documents');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as SeedFile)
    .find((f) => f.document.sourceName.startsWith(SEED_SOURCE))!;
}

/// An exchange file (code point offsets) with one tag of `PHRASE` per colleague.
function colleaguesFile(file: SeedFile, tags: { annotator: string; label: string }[]): Buffer {
  const { text } = file.document;
  const start = text.indexOf(PHRASE);
  const cp = (at: number) => [...text.slice(0, at)].length;
  const annotations = tags.map(({ annotator, label }) => ({
    id: randomUUID(),
    label,
    start: cp(start),
    end: cp(start + PHRASE.length),
    text: PHRASE,
    annotator,
    createdAt: new Date().toISOString(),
  }));
  const documents = [{ id: file.document.id, title: file.document.title, text, annotations, relations: [] }];
  return Buffer.from(JSON.stringify({ format: 'annotation-workbench', version: 1, offsets: 'codepoints', exportedAt: new Date().toISOString(), exportedBy: 'Dana', labels: [], documents }));
}

/// Imports the colleagues' tags, opens the seed article and clicks Dana's tag; resolves with its pane.
async function openWithColleagues(page: Page, workbench: ServedWorkbench, tags: { annotator: string; label: string }[]): Promise<Locator> {
  const file = seedFile(workbench.workspace);
  await page.goto(workbench.url);
  await page.getByTestId('import-input').setInputFiles({ name: 'colleagues.awb.json', mimeType: 'application/json', buffer: colleaguesFile(file, tags) });
  await expect(page.getByTestId('exchange-report')).toContainText(`${tags.length} annotation${tags.length === 1 ? '' : 's'} added`);
  await page.getByTestId('library-item').nth(SEED_001).click();
  const pane = page.getByTestId('document-pane').first();
  await expect(pane).toHaveAttribute('data-doc-id', file.document.id);
  await expect(pane.locator('.anno', { hasText: PHRASE })).toHaveCount(tags.length);
  return pane;
}

const DANA_ONLY = [{ annotator: 'Dana', label: 'actor' }];
const REASON = 'This is Dana’s tag: colleagues’ tags are read-only here; adjudicate them in Review.';

/// The pane's annotations on disk, as [annotator, label, quote].
function onDisk(workspace: string, docId: string): string[][] {
  const stored: StoredDocument = storedDocument(workspace, docId);
  return stored.annotations.map((a) => [(a as { annotator?: string }).annotator ?? '', a.label, a.quote]);
}

test("a label key on a colleague's tag changes nothing and says why", async ({ page, workbench }) => {
  const pane = await openWithColleagues(page, workbench, DANA_ONLY);
  const docId = (await pane.getAttribute('data-doc-id'))!;
  await clickOn(page, pane, PHRASE);
  await expect(page.getByTestId('inspector-annotator')).toHaveText('Dana');
  await page.keyboard.press('2');
  const message = page.getByTestId('colleague-tag-message');
  await expect(message).toContainText('Not changed: Dana’s Actor “Hezbollah”');
  await expect(message).toContainText(REASON);
  await expect(page.getByTestId('inspector-label-name')).toHaveText('Actor');
  await expect(pane.locator('.anno[data-label="location"]')).toHaveCount(0);
  await saved(page);
  expect(onDisk(workbench.workspace, docId)).toEqual([['Dana', 'actor', PHRASE]]);
  await expect(page.getByTestId('undo')).toBeDisabled();
});

test("Delete and Backspace on a colleague's tag change nothing and say why", async ({ page, workbench }) => {
  const pane = await openWithColleagues(page, workbench, DANA_ONLY);
  const docId = (await pane.getAttribute('data-doc-id'))!;
  await clickOn(page, pane, PHRASE);
  await expect(page.getByTestId('inspector-annotator')).toHaveText('Dana');
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('colleague-tag-message')).toContainText(REASON);
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId('colleague-tag-message')).toHaveCount(2);
  await expect(page.getByTestId('inspector-quote')).toHaveText(PHRASE);
  await expect(pane.locator('.anno', { hasText: PHRASE })).toHaveCount(1);
  await saved(page);
  expect(onDisk(workbench.workspace, docId)).toEqual([['Dana', 'actor', PHRASE]]);
});

test("the inspector shows a colleague's tag read-only, with the reason", async ({ page, workbench }, testInfo) => {
  const pane = await openWithColleagues(page, workbench, DANA_ONLY);
  await clickOn(page, pane, PHRASE);
  const inspector = page.getByTestId('inspector');
  await expect(page.getByTestId('inspector-read-only')).toHaveText(REASON);
  const chips = inspector.getByTestId('inspector-label');
  await expect(chips).toHaveCount(4);
  for (const chip of await chips.all()) await expect(chip).toBeDisabled();
  await expect(inspector.getByTestId('entity-search')).toBeDisabled();
  await expect(inspector.getByTestId('delete-annotation')).toBeDisabled();
  await expect(inspector.getByTestId('delete-annotation')).toHaveAttribute('title', REASON);
  await expect(inspector.getByTestId('inspector-fields')).toHaveAttribute('aria-describedby', 'inspector-read-only');
  const note = inspector.getByTestId('note-editor');
  await expect(note).toHaveAttribute('contenteditable', 'false');
  await expect(note).toHaveAttribute('aria-readonly', 'true');
  await note.click();
  await page.keyboard.type('my remark');
  await expect(note).not.toContainText('my remark');
  await page.getByTestId('exchange-report').getByTestId('message-dismiss').click();
  await page.screenshot({ path: testInfo.outputPath('read-only-inspector.png'), clip: (await page.locator('.side-panel').boundingBox())! });

  // My own tag beside it: everything is editable again.
  await select(page, pane, 'Shiite', 'Shiite');
  await page.keyboard.press('1');
  await expect(page.getByTestId('inspector-annotator')).not.toHaveText('Dana');
  await expect(page.getByTestId('inspector-read-only')).toHaveCount(0);
  await expect(inspector.getByTestId('delete-annotation')).toBeEnabled();
  await expect(inspector.getByTestId('note-editor')).toHaveAttribute('contenteditable', 'true');
});

test('a click on identical spans takes my own tag first, then cycles through the colleagues’', async ({ page, workbench }) => {
  const pane = await openWithColleagues(page, workbench, [
    { annotator: 'Eve', label: 'location' },
    { annotator: 'Dana', label: 'actor' },
  ]);
  const me = (await page.getByTestId('annotator-name').locator('strong').innerText()).trim();
  await select(page, pane, PHRASE);
  await page.keyboard.press('1');
  await saved(page);
  await expect(pane.locator('.anno', { hasText: PHRASE })).toHaveCount(3);
  await page.keyboard.press('Escape');
  const annotator = page.getByTestId('inspector-annotator');
  const seen: string[] = [];
  for (let i = 0; i < 4; i++) {
    if (i > 0) await page.waitForTimeout(600); // two quick clicks are a double-click, which selects the word
    await clickOn(page, pane, PHRASE);
    await expect(annotator).not.toHaveText(seen.at(-1) ?? '');
    seen.push((await annotator.innerText()).trim());
  }
  expect(seen).toEqual([me, 'Dana', 'Eve', me]);
});
