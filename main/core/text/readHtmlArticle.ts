/// The article inside a saved web page, without its navigation, ads, cookie banner, paywall box,
/// related links and footer: Mozilla Readability (the reader view of Firefox) over a linkedom
/// document. linkedom only builds a tree: no script runs, nothing is fetched, no style is applied.
/// A page Readability does not take for an article (a page that is only text, a short note) is
/// read whole, as before, so nothing that imported before is refused or cut now.
import { createRequire } from 'node:module';
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import type * as Linkedom from 'linkedom';
import { htmlToText } from './htmlToText.js';

let linkedom: typeof Linkedom | null = null;
/// linkedom, loaded on the first web page (it takes a second to load under tsx, which the CLI
/// runs on, and most commands read no page).
function parseHTML(html: string): ReturnType<typeof Linkedom.parseHTML> {
  linkedom ??= createRequire(import.meta.url)('linkedom') as typeof Linkedom;
  return linkedom.parseHTML(html);
}

/// Class or id words of boxes that sit inside an article's column yet are not the article:
/// Readability keeps some of them (a "subscribe to read more" box scores like a paragraph).
const INSET_BOILERPLATE = /paywall|subscri|newsletter|cookie|consent|gdpr|sign-?up|register-wall|regwall/i;
/// Pages past these sizes are read whole, as before: Readability works on the whole tree in one
/// go (a page of 20,000 elements takes it seconds), and a page that large is not one news
/// article (a saved news page has a few thousand).
const READABILITY_MAX_CHARS = 8 * 1024 * 1024;
const READABILITY_MAX_ELEMENTS = 15_000;
/// Such a box is short; a longer element with such a name is taken to be the article itself (some
/// sites wrap the whole text in `<div class="subscriber-content">`).
const INSET_MAX_CHARS = 1500;

/// The text of a page: the article Readability finds, its paragraphs separated by blank lines,
/// with the headline first; or, when it finds none, the whole page's visible text.
export function htmlArticleText(html: string): { text: string; extracted: boolean } {
  const article = readabilityArticle(html);
  return article ? { text: article, extracted: true } : { text: htmlToText(html), extracted: false };
}

/// Readability's article as text, or `null` when the page is not an article.
function readabilityArticle(html: string): string | null {
  if (html.length > READABILITY_MAX_CHARS) return null;
  let document: Document;
  try {
    ({ document } = parseHTML(html) as unknown as { document: Document });
    if (!document.body || document.querySelectorAll('*').length > READABILITY_MAX_ELEMENTS) return null;
    if (!isProbablyReaderable(document, { visibilityChecker: isVisible })) return null;
  } catch {
    return null; // markup linkedom or Readability cannot take: read as today
  }
  const headline = document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  // `hidden` is not shown (and not read by htmlToText either); aria-hidden is shown, so it stays.
  for (const element of [...document.querySelectorAll('[class], [id], [hidden]')]) {
    const hidden = element.hasAttribute('hidden');
    const named = INSET_BOILERPLATE.test(`${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`);
    if (hidden || (named && (element.textContent ?? '').length <= INSET_MAX_CHARS)) element.remove();
  }
  let content: string | null | undefined;
  try {
    content = new Readability(document, { charThreshold: 300 }).parse()?.content;
  } catch {
    return null;
  }
  const body = content ? htmlToText(content) : '';
  if (!body.trim()) return null;
  // Readability drops a headline that repeats the page title; it belongs to the text analysed.
  return headline && !body.startsWith(headline) ? `${headline}\n\n${body}` : body;
}

/// Whether a node is shown: not `hidden`, not `display: none` in its style attribute (Readability's
/// own check reads computed style, which linkedom does not have).
function isVisible(node: Node): boolean {
  const element = node as Element;
  const style = element.getAttribute?.('style') ?? '';
  return !element.hasAttribute?.('hidden') && !/display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}
