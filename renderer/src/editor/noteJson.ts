/// Notes are small TipTap documents. The service accepts only the nodes `doc`, `paragraph`,
/// `text`, `hardBreak` and the marks `bold`, `italic`, with no other keys (no `attrs`), so
/// what the note editor produces is cleaned to exactly that before it is saved. Pure.
import type { JSONContent } from '@tiptap/core';
import type { NoteNode } from '../../../preload/api';

const MARKS = new Set(['bold', 'italic']);

function cleanInline(node: JSONContent): NoteNode | null {
  if (node.type === 'hardBreak') return { type: 'hardBreak' };
  if (node.type !== 'text' || !node.text) return null;
  const marks = (node.marks ?? [])
    .map((m) => m.type)
    .filter((type, i, all): type is 'bold' | 'italic' => MARKS.has(type) && all.indexOf(type) === i)
    .map((type) => ({ type }));
  return marks.length ? { type: 'text', text: node.text, marks } : { type: 'text', text: node.text };
}

function cleanParagraph(node: JSONContent): NoteNode {
  const content = (node.content ?? []).map(cleanInline).filter((n): n is NoteNode => n !== null);
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
}

/// The note to save for the editor's JSON, or null when it holds no text (no note).
export function noteFromEditor(json: JSONContent): NoteNode | null {
  const paragraphs = (json.content ?? []).filter((n) => n.type === 'paragraph').map(cleanParagraph);
  while (paragraphs.length && !paragraphs[paragraphs.length - 1].content) paragraphs.pop();
  while (paragraphs.length && !paragraphs[0].content) paragraphs.shift();
  const hasText = paragraphs.some((p) => p.content?.some((n) => n.type === 'text'));
  return hasText ? { type: 'doc', content: paragraphs } : null;
}

/// Whether two notes are the same (null and undefined meaning "no note").
export function sameNote(a: NoteNode | null | undefined, b: NoteNode | null | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/// Plain text of a note, paragraphs on their own lines (for lists and tooltips).
export function notePlainText(note: NoteNode | null | undefined): string {
  if (!note) return '';
  if (note.type === 'text') return note.text ?? '';
  if (note.type === 'hardBreak') return '\n';
  const inner = (note.content ?? []).map(notePlainText);
  return note.type === 'doc' ? inner.join('\n') : inner.join('');
}
