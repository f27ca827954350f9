/// The note of an annotation: a small TipTap editor (paragraphs, bold, italic, line breaks).
/// Changes are saved after a pause in typing and when the editor loses the focus; a note changed
/// from outside (undo) replaces the content unless the person is typing in it.
import { useCallback, useEffect, useRef } from 'react';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import Document from '@tiptap/extension-document';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import type { NoteNode } from '../../../preload/api';
import { noteFromEditor, sameNote } from './noteJson';
import { NoteBold, NoteHardBreak, NoteHistory, NoteItalic } from './noteSchema';

/// Milliseconds without typing before a note is saved.
export const NOTE_SAVE_DELAY = 700;

/// Props of {@link NoteEditor}.
export interface NoteEditorProps {
  /// The saved note.
  value: NoteNode | undefined;
  /// Saves a changed note (`null`: the note was emptied).
  onCommit(note: NoteNode | null): void;
  /// Shown but not editable (a colleague's annotation).
  readOnly?: boolean;
}

const EMPTY = { type: 'doc', content: [{ type: 'paragraph' }] };

/// The note editor, `data-testid="note-editor"`.
export function NoteEditor({ value, onCommit, readOnly = false }: NoteEditorProps) {
  const committed = useRef<NoteNode | null>(value ?? null);
  const latest = useRef<NoteNode | null>(value ?? null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const commitRef = useRef(onCommit);
  commitRef.current = onCommit;

  const editor = useEditor({
    extensions: [Document, Paragraph, Text, NoteBold, NoteItalic, NoteHardBreak, NoteHistory],
    content: value ?? EMPTY,
    editable: !readOnly,
    injectCSS: false,
    enableInputRules: false,
    enablePasteRules: false,
    editorProps: {
      attributes: { 'data-testid': 'note-editor', class: 'note-text', role: 'textbox', 'aria-multiline': 'true', 'aria-label': 'Note' },
    },
  });

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const note = editor && !editor.isDestroyed ? noteFromEditor(editor.getJSON()) : latest.current;
    if (sameNote(note, committed.current)) return;
    committed.current = note;
    commitRef.current(note);
  }, [editor]);

  useEffect(() => {
    if (!editor) return;
    const onUpdate = () => {
      latest.current = noteFromEditor(editor.getJSON());
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, NOTE_SAVE_DELAY);
    };
    editor.on('update', onUpdate);
    editor.on('blur', flush);
    return () => {
      editor.off('update', onUpdate);
      editor.off('blur', flush);
      flush();
    };
  }, [editor, flush]);

  // A note changed elsewhere (undo, redo) shows here, unless it is being edited right now.
  useEffect(() => {
    if (!editor || editor.isDestroyed || sameNote(value, committed.current)) return;
    if (editor.isFocused && timer.current) return;
    committed.current = value ?? null;
    latest.current = value ?? null;
    editor.commands.setContent(value ?? EMPTY, { emitUpdate: false });
  }, [editor, value]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.setEditable(!readOnly, false);
    editor.view.dom.setAttribute('aria-readonly', String(readOnly));
  }, [editor, readOnly]);

  const marks = useEditorState({
    editor,
    selector: ({ editor: e }) => ({ bold: e?.isActive('bold') ?? false, italic: e?.isActive('italic') ?? false }),
  });

  return (
    <div className="note-editor">
      <div className="note-tools" role="toolbar" aria-label="Note formatting">
        <button
          type="button"
          className={marks?.bold ? 'note-tool is-active' : 'note-tool'}
          aria-pressed={marks?.bold ?? false}
          title="Bold (Ctrl/⌘+B)"
          disabled={readOnly}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => editor?.chain().focus().toggleMark('bold').run()}
        >
          <strong>B</strong>
        </button>
        <button
          type="button"
          className={marks?.italic ? 'note-tool is-active' : 'note-tool'}
          aria-pressed={marks?.italic ?? false}
          title="Italic (Ctrl/⌘+I)"
          disabled={readOnly}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => editor?.chain().focus().toggleMark('italic').run()}
        >
          <em>I</em>
        </button>
        <span className="note-hint">{readOnly ? 'Read-only' : 'Saved as you type'}</span>
      </div>
      <EditorContent editor={editor} className="note-body" />
    </div>
  );
}
