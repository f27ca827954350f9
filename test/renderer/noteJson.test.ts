// Notes saved from the note editor carry only what the service accepts.
import { describe, expect, it } from 'vitest';
import { noteFromEditor, notePlainText, sameNote } from '../../renderer/src/editor/noteJson';

describe('noteFromEditor', () => {
  it('keeps paragraphs, text, line breaks, bold and italic, and drops everything else', () => {
    const note = noteFromEditor({
      type: 'doc',
      attrs: { x: 1 },
      content: [
        { type: 'paragraph', attrs: { textAlign: 'left' } },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Vows ', marks: [{ type: 'bold' }, { type: 'bold' }, { type: 'link', attrs: { href: 'x' } }] },
            { type: 'hardBreak', attrs: {} },
            { type: 'text', text: 'to fight', marks: [{ type: 'italic', attrs: {} }] },
            { type: 'image', attrs: { src: 'x' } },
          ],
        },
        { type: 'heading', content: [{ type: 'text', text: 'odd' }] },
        { type: 'paragraph' },
      ],
    });
    expect(note).toEqual({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Vows ', marks: [{ type: 'bold' }] },
            { type: 'hardBreak' },
            { type: 'text', text: 'to fight', marks: [{ type: 'italic' }] },
          ],
        },
      ],
    });
    expect(notePlainText(note)).toBe('Vows \nto fight');
  });

  it('gives null for an empty note', () => {
    expect(noteFromEditor({ type: 'doc', content: [{ type: 'paragraph' }, { type: 'paragraph', content: [{ type: 'hardBreak' }] }] })).toBeNull();
    expect(noteFromEditor({ type: 'doc' })).toBeNull();
  });

  it('compares notes by content, no note being null or undefined', () => {
    expect(sameNote(null, undefined)).toBe(true);
    expect(sameNote({ type: 'doc', content: [] }, { type: 'doc', content: [] })).toBe(true);
    expect(sameNote(null, { type: 'doc' })).toBe(false);
  });
});
