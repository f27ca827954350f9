/// The TipTap editor inside a document view: created for a text (its content, label and first
/// highlights) and not rendered again while annotations and their look change, which reach it as
/// transactions (see `DocumentView`), so a tag does not run TipTap's hooks and `EditorContent`'s
/// update for nothing.
import { memo, useLayoutEffect, type MouseEvent } from 'react';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import Document from '@tiptap/extension-document';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { highlightsKey, type HighlightState } from './annotationHighlights';
import type { DocumentJSON } from './documentContent';
import { AnnotationHighlights, type BoundaryHandles } from './highlightsExtension';
import { readSelectionOnlyWhenNeeded } from './selectionReads';
import type { PositionMap } from './textPositions';

/// Props of {@link DocumentEditor}; a change of `content`, `label`, `mapping` or `seed` makes a
/// new editor.
export interface DocumentEditorProps {
  content: DocumentJSON;
  /// Accessible name of the view.
  label: string;
  /// How text offsets map to positions of `content`.
  mapping: PositionMap;
  /// The highlight plugin's state for a new editor's document.
  seed: (doc: ProseMirrorNode) => HighlightState;
  /// Whether the whole text is selected (drawn as selected; see `wholeTextSelection.ts`).
  allSelected: boolean;
  /// Receives the editor once it is created (before the browser paints it).
  onEditor(editor: Editor | null): void;
  /// A click (not a drag) in the text: the ids of the annotations under the pointer, innermost first.
  onHighlightsClick(ids: string[]): void;
  /// Drag handles on the selected annotation's ends, when its ends may be moved here.
  handles?: BoundaryHandles;
}

/// The annotation ids of the highlight elements from `target` up to `root`, innermost first.
function annotationIdsAt(target: EventTarget | null, root: Element): string[] {
  const ids: string[] = [];
  for (let el = target instanceof Element ? target : null; el && el !== root; el = el.parentElement) {
    const id = el.getAttribute('data-annotation-id');
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/// The read-only editor whose root is `data-testid="document-view"`.
export const DocumentEditor = memo(function DocumentEditor({ content, label, mapping, seed, allSelected, onEditor, onHighlightsClick, handles }: DocumentEditorProps) {
  const editor = useEditor(
    {
      extensions: [Document, Paragraph, Text, AnnotationHighlights.configure({ positions: mapping, initial: seed, handles })],
      content,
      editable: false,
      // A read-only view needs only TipTap's editable switch and its plain-text copy; the other
      // core extensions (commands, keymaps, drop, paste, focus events...) serve editing, and
      // setting them up is a good part of the cost of opening a document.
      enableCoreExtensions: { commands: false, focusEvents: false, keymap: false, tabindex: false, drop: false, paste: false, delete: false, textDirection: false },
      // Copied text is the article's own text: one paragraph per line, so one newline between
      // paragraphs (TipTap's default puts a blank line).
      coreExtensionOptions: { clipboardTextSerializer: { blockSeparator: '\n' } },
      injectCSS: false,
      onMount: ({ editor: created }) => void readSelectionOnlyWhenNeeded(created.view, true),
      enableInputRules: false,
      enablePasteRules: false,
      editorProps: {
        // Until TipTap installs the plugins (right after creating the view), the view draws the
        // seeded highlights itself, so that installing them changes nothing on screen.
        decorations: (state) => (highlightsKey.getState(state) ? undefined : seed(state.doc).decorations),
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
    [content, label, mapping, seed, handles],
  );
  useLayoutEffect(() => onEditor(editor), [editor, onEditor]);

  function onClick(event: MouseEvent<HTMLDivElement>) {
    if (!editor || editor.isDestroyed) return;
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    onHighlightsClick(annotationIdsAt(event.target, editor.view.dom));
  }

  return <EditorContent editor={editor} className={allSelected ? 'document-view is-all-selected' : 'document-view'} onClick={onClick} />;
});
