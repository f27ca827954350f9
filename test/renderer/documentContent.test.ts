import { getSchema } from '@tiptap/core';
import Document from '@tiptap/extension-document';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { Node } from '@tiptap/pm/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentContent } from '../../renderer/src/editor/documentContent';

const schema = getSchema([Document, Paragraph, Text]);

describe('article text as a ProseMirror document', () => {
  it('has one paragraph per line and gives back the exact text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 6 }), (lines) => {
        const text = lines.map((l) => l.replace(/\n/g, '')).join('\n');
        const doc = Node.fromJSON(schema, documentContent(text));
        doc.check();
        expect(doc.childCount).toBe(text.split('\n').length);
        expect(doc.textBetween(0, doc.content.size, '\n')).toBe(text);
      }),
    );
  });

  it('inserts markup as text', () => {
    const doc = Node.fromJSON(schema, documentContent('<script>alert(1)</script>'));
    expect(doc.firstChild!.textContent).toBe('<script>alert(1)</script>');
  });
});
