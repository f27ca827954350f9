/// Reduces an HTML page to the text a reader sees: no markup, nothing from script, style or other
/// invisible elements, one paragraph per block element (separated by a blank line, like the seeds).
import { Parser } from 'htmlparser2';

const INVISIBLE = new Set([
  'head', 'title', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas',
]);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li', 'main', 'nav', 'ol',
  'p', 'pre', 'section', 'summary', 'table', 'tr', 'ul',
]);

/// Visible text of `html`, paragraphs separated by blank lines, `<br>` as a line break.
export function htmlToText(html: string): string {
  const blocks: string[] = [];
  let current = '';
  let hiddenDepth = 0;
  let preDepth = 0;
  const flush = () => {
    const text = preDepth
      ? current
      : current
          .split('\n')
          .map((line) => line.replace(/[ \t\f\r]+/g, ' ').trim())
          .join('\n');
    const trimmed = text.replace(/^\n+|\n+$/g, '');
    if (trimmed.trim()) blocks.push(trimmed);
    current = '';
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (hiddenDepth || INVISIBLE.has(name) || 'hidden' in attributes) {
          hiddenDepth++;
          return;
        }
        if (BLOCK.has(name)) flush();
        if (name === 'pre') preDepth++;
        if (name === 'br') current += '\n';
      },
      ontext(text) {
        if (!hiddenDepth) current += preDepth ? text : text.replace(/[ \t\n\f\r]+/g, ' '); // HTML collapses ASCII whitespace only (not NBSP)
      },
      onclosetag(name) {
        if (hiddenDepth) {
          hiddenDepth--;
          return;
        }
        if (name === 'td' || name === 'th') current += ' ';
        if (BLOCK.has(name)) flush();
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return blocks.join('\n\n');
}
