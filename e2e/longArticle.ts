// A long generated article for the journeys on windowed documents, and opening it.
import type { Locator, Page } from '@playwright/test';
import { expect } from './workbench';

/// What a long article holds besides its numbered paragraphs.
export interface LongArticleParts {
  title: string;
  /// The first paragraph after the title.
  opening: string;
  /// The last paragraph.
  ending: string;
  /// Characters of numbered paragraphs (`Paragraph i: …`, news-like words) to write at least.
  chars: number;
  /// A paragraph to insert after numbered paragraph `i`, if any.
  after?(i: number): string | undefined;
}

/// The title, the opening, numbered paragraphs and the ending, separated by blank lines.
export function longArticle({ title, opening, ending, chars, after }: LongArticleParts): string {
  const words = ['the', 'convoy', 'reached', 'Aleppo', 'after', 'talks', 'with', 'officials', 'who', 'said', 'that', 'civilians', 'were', 'leaving'];
  const paragraphs = [title, '', opening];
  for (let i = 0; paragraphs.join('\n').length < chars; i++) {
    const sentence = Array.from({ length: 48 }, (_, j) => words[(i * 7 + j * 3) % words.length]).join(' ');
    paragraphs.push('', `Paragraph ${i}: ${sentence[0].toUpperCase()}${sentence.slice(1)}.`);
    const extra = after?.(i);
    if (extra !== undefined) paragraphs.push('', extra);
  }
  paragraphs.push('', ending);
  return paragraphs.join('\n');
}

/// Imports `text` as `long.txt` into the open workbench and opens it (by its first line);
/// resolves with its pane, its view and the document's id once `firstWords` are shown.
export async function importAndOpen(page: Page, text: string, firstWords: string): Promise<{ pane: Locator; view: Locator; docId: string }> {
  await page.getByTestId('import-input').setInputFiles({ name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.getByTestId('library-item').filter({ hasText: text.split('\n', 1)[0] }).click();
  const pane = page.getByTestId('document-pane').first();
  const view = pane.getByTestId('document-view');
  await expect(view).toContainText(firstWords);
  return { pane, view, docId: (await pane.getAttribute('data-doc-id'))! };
}
