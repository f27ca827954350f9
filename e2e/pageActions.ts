// What the exchange and recovery journeys do in the page: open seed articles, select a phrase with
// the mouse as a person does and tag it, wait for the save, find a document's file.
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect } from './workbench';

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
  const { start, end } = await pane.getByTestId('document-view').evaluate(
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
      const rectOf = (index: number) => {
        const hit = nodes.findLast((n) => n.at <= index)!;
        const range = document.createRange();
        range.setStart(hit.node, index - hit.at);
        range.setEnd(hit.node, index - hit.at + 1);
        return range;
      };
      rectOf(from).startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const [s, e] = [rectOf(from).getClientRects()[0], rectOf(to - 1).getClientRects()[0]];
      return { start: { x: s.left + 1, y: s.top + s.height / 2 }, end: { x: e.right - 1, y: e.top + e.height / 2 } };
    },
    [first, last],
  );
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 4 });
  await page.mouse.move(end.x, end.y, { steps: 4 });
  await page.mouse.up();
  await expect(page.getByTestId('selection-toolbar')).toBeVisible();
  await page.keyboard.press(key);
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
