/// Builds the ProseMirror document that shows an article's text (DESIGN §7).
///
/// The mapping is deliberately simple so that text offsets and editor positions stay easy to
/// convert: every line of the text (split on `\n`) becomes exactly one paragraph, in order, and
/// the paragraph boundaries stand for the newlines. A line is inserted as one plain text node,
/// never parsed as HTML or Markdown, so `<script>` in an article is shown as those characters.
///
/// Pure and DOM-free: it only returns JSON, so it runs (and is tested) under plain Node.
import type { JSONContent } from '@tiptap/core';
import type { WindowPositions } from './textPositions';

/// One paragraph of the document: either empty or holding one text node with the whole line.
export interface ParagraphJSON extends JSONContent {
  type: 'paragraph';
  content?: [{ type: 'text'; text: string }];
}

/// The whole document: one paragraph per line of the text, at least one paragraph.
export interface DocumentJSON extends JSONContent {
  type: 'doc';
  content: ParagraphJSON[];
}

/// One line as a paragraph. ProseMirror forbids empty text nodes, so an empty line is a
/// paragraph without content.
export function lineContent(line: string): ParagraphJSON {
  return line === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text: line }] };
}

/// The ProseMirror JSON for `text`: `text.split('\n')` mapped to paragraphs. An empty text gives
/// a single empty paragraph, a trailing newline gives a trailing empty paragraph, and the text
/// of the lines is kept exactly (no trimming, no whitespace collapsing).
export function documentContent(text: string): DocumentJSON {
  return { type: 'doc', content: text.split('\n').map(lineContent) };
}

/// The ProseMirror JSON of a window of the text (a long document's windowed view): the
/// paragraphs of lines `[window.first, window.last)` only, built as {@link documentContent} does.
export function windowContent(window: WindowPositions): DocumentJSON {
  const content: ParagraphJSON[] = [];
  for (let line = window.first; line < window.last; line++) content.push(lineContent(window.full.lineText(line)));
  return { type: 'doc', content };
}
