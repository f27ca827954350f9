/// The read-only TipTap view of one article's text (DESIGN §7). Annotation decorations are added
/// to this editor later; for now it only shows the text, selectable but never editable.
import { useMemo } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import Document from '@tiptap/extension-document';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { documentContent } from './documentContent';

/// Props of {@link DocumentView}.
export interface DocumentViewProps {
  /// The normalised text of the article; it never changes for a given document.
  text: string;
  /// Accessible name of the view, usually the article's title.
  label: string;
}

/// Shows `text` as paragraphs in a read-only editor whose root is `data-testid="document-view"`.
export function DocumentView({ text, label }: DocumentViewProps) {
  const content = useMemo(() => documentContent(text), [text]);
  const editor = useEditor(
    {
      extensions: [Document, Paragraph, Text],
      content,
      editable: false,
      injectCSS: false,
      enableInputRules: false,
      enablePasteRules: false,
      editorProps: {
        attributes: {
          'data-testid': 'document-view',
          class: 'document-text',
          role: 'document',
          'aria-label': label,
          spellcheck: 'false',
          translate: 'no',
        },
      },
    },
    [content, label],
  );
  return <EditorContent editor={editor} className="document-view" />;
}
