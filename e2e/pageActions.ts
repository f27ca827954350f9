// What the journeys do in the page: open seed articles, select or click a phrase with the real
// mouse as a person does, tag it, wait for the save, export, find and read a document's file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect } from './workbench';

/// Exports `format` from the open Export dialog into `dir`; resolves with the saved file's path
/// and name.
export async function exportAs(page: Page, format: string, dir: string): Promise<{ path: string; name: string }> {
  await page.locator(`[data-testid="export-format"][data-format="${format}"]`).click();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-run').click();
  const file = await download;
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  await expect(page.getByTestId('export-summary')).toBeVisible();
  return { path, name: file.suggestedFilename() };
}

/// Library position of "President Bashar al-Assad's forces …" (AFP via Business Standard).
export const SEED_001 = 1;

/// Opens the workbench and the given library items side by side; resolves with their panes.
export async function openSeeds(page: Page, url: string, ...seeds: number[]): Promise<Locator[]> {
  await page.goto(url);
  const items = page.getByTestId('library-item');
  await expect(items).toHaveCount(5);
  for (const [i, seed] of seeds.entries()) await items.nth(seed).click(i === 0 ? undefined : { modifiers: ['Control'] });
  const panes = page.getByTestId('document-pane');
  await expect(panes.getByTestId('document-view')).toHaveCount(seeds.length);
  return seeds.map((_, i) => panes.nth(i));
}

/// Drags the mouse over `first … last` (default: `first` alone) in a pane and presses `key`.
export async function tag(page: Page, pane: Locator, key: string, first: string, last = first): Promise<void> {
  await select(page, pane, first, last);
  await expect(page.getByTestId('selection-toolbar')).toBeVisible();
  await page.keyboard.press(key);
}

export interface Point {
  x: number;
  y: number;
}

/// Screen points inside the first and last characters of `first … last` in a pane's text (the
/// phrases are found in the concatenated text nodes; `last` defaults to `first`).
export async function phrasePoints(pane: Locator, first: string, last = first): Promise<{ start: Point; end: Point; middle: Point }> {
  return pane.getByTestId('document-view').evaluate(
    (root, [a, b]) => {
      const nodes: { node: Text; at: number }[] = [];
      let all = '';
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        nodes.push({ node: walker.currentNode as Text, at: all.length });
        all += (walker.currentNode as Text).data;
      }
      const from = all.indexOf(a);
      const to = all.indexOf(b, from) + b.length;
      if (from < 0 || to < from + b.length) throw new Error(`phrase not found: ${a} … ${b}`);
      const rectOf = (index: number, width: number) => {
        const hit = nodes.findLast((n) => n.at <= index)!;
        const range = document.createRange();
        range.setStart(hit.node, index - hit.at);
        range.setEnd(hit.node, index - hit.at + width);
        return range;
      };
      rectOf(from, 1).startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const isLow = (i: number) => /[\uDC00-\uDFFF]/.test(all[i]);
      const firstRect = rectOf(from, /[\uD800-\uDBFF]/.test(all[from]) ? 2 : 1).getClientRects()[0];
      const lastRect = rectOf(isLow(to - 1) ? to - 2 : to - 1, isLow(to - 1) ? 2 : 1).getClientRects()[0];
      const middle = rectOf(from + Math.floor(a.length / 2), 1).getClientRects()[0];
      const mid = (r: DOMRect) => r.top + r.height / 2;
      return {
        start: { x: firstRect.left + 1, y: mid(firstRect) },
        end: { x: lastRect.right - 1, y: mid(lastRect) },
        middle: { x: middle.left + middle.width / 2, y: mid(middle) },
      };
    },
    [first, last],
  );
}

/// Drags the mouse over `first … last` in a pane, as a person selects text.
export async function select(page: Page, pane: Locator, first: string, last?: string): Promise<void> {
  const { start, end } = await phrasePoints(pane, first, last);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 4 });
  await page.mouse.move(end.x, end.y, { steps: 4 });
  await page.mouse.up();
}

/// Clicks the middle of `phrase` in a pane.
export async function clickOn(page: Page, pane: Locator, phrase: string): Promise<void> {
  const { middle } = await phrasePoints(pane, phrase);
  await page.mouse.click(middle.x, middle.y);
}

/// Waits until every change is on disk.
export async function saved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
}

/// A highlight of `label` covering `text` in a pane.
export function highlight(pane: Locator, label: string, text: string): Locator {
  return pane.locator(`.anno[data-label="${label}"]`, { hasText: text });
}

/// The database file of a document in a workspace.
export function documentFile(workspace: string, docId: string): string {
  return join(workspace, 'documents', `${docId.slice('sha256:'.length)}.json`);
}

/// A document's database file as the journeys read it back.
export interface StoredDocument {
  document: { id: string; title: string; text: string };
  annotations: { id: string; start: number; end: number; quote: string; label: string; note?: unknown }[];
  relations: { from: string; to: string }[];
}

/// Reads a document's file from the workspace on disk.
export function storedDocument(workspace: string, docId: string): StoredDocument {
  return JSON.parse(readFileSync(documentFile(workspace, docId), 'utf8')) as StoredDocument;
}

/// Records what each copy puts on the clipboard as plain text (read where it is written, since
/// headless Chromium's clipboard cannot be read back); resolves with `copied(keys)`, which presses
/// `keys` and resolves with the text that copy wrote (undefined when it wrote none). Call before
/// the page is opened.
export async function recordCopies(page: Page): Promise<(keys: string) => Promise<string | undefined>> {
  await page.addInitScript(`{
    const setData = DataTransfer.prototype.setData;
    DataTransfer.prototype.setData = function (type, data) {
      if (type === 'text/plain') window.copiedText = data;
      return setData.call(this, type, data);
    };
  }`);
  return async (keys) => {
    await page.evaluate(() => void ((window as unknown as { copiedText?: string }).copiedText = undefined));
    await page.keyboard.press(keys);
    return page.evaluate(() => (window as unknown as { copiedText?: string }).copiedText);
  };
}
