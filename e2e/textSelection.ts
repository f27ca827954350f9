// Selecting and clicking text in a document pane with the real mouse, as a person does.
import type { Locator, Page } from '@playwright/test';

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

