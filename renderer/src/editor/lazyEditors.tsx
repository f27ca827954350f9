/// The document view and the note editor, loaded as a chunk of their own (`editorChunk.ts`:
/// TipTap, ProseMirror and the highlight plugin, about half of the renderer's script). The
/// first screen (library, empty reading area) does not wait for them; the app starts loading
/// them once the browser is idle after start-up, and the build marks the chunk for V8 to compile
/// as it loads (`scripts/eagerCompile.ts`), so the first document opened does not compile the
/// editor function by function either. Until the chunk is there, the document view shows
/// "Opening…" and the note editor an empty frame.
import { useEffect, useState, type ComponentType, type ReactNode } from 'react';
import type { DocumentViewProps } from './DocumentView';
import type * as EditorChunk from './editorChunk';
import type { NoteEditorProps } from './NoteEditor';

/// What the editors' chunk exports.
export type Editors = typeof EditorChunk;

let editors: Editors | null = null;
let loading: Promise<Editors> | null = null;

/// Loads the editors' chunk (once; a failed load is tried again by the next call).
export function loadEditors(): Promise<Editors> {
  loading ??= import('./editorChunk').then(
    (chunk) => (editors = chunk),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/// Starts loading the editors when the browser is next idle (at the latest after a second).
export function preloadEditorsWhenIdle(): void {
  // A failure is reported by the view that needs the editors, which loads them again.
  const preload = () => void loadEditors().catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(preload, { timeout: 1000 });
  else setTimeout(preload, 0);
}

/// The editors once loaded (at once when they already are), or why they could not be (tried
/// again when the view is shown again).
function useEditors(): Editors | Error | null {
  const [state, setState] = useState<Editors | Error | null>(editors);
  useEffect(() => {
    if (state) return;
    let live = true;
    loadEditors().then(
      (chunk) => live && setState(chunk),
      (error: unknown) => live && setState(error instanceof Error ? error : new Error(String(error))),
    );
    return () => void (live = false);
  }, [state]);
  return state;
}

/// A component of the editors' chunk: `waiting` until the chunk is loaded, then the component;
/// if it cannot be loaded, a paragraph of class `errorClass` that says so.
function lazyEditor<P extends object>(pick: (chunk: Editors) => ComponentType<P>, waiting: ReactNode, what: string, errorClass: string) {
  return function LazyEditor(props: P) {
    const loaded = useEditors();
    if (loaded instanceof Error)
      return (
        <p className={errorClass} role="alert">
          Could not load {what}: {loaded.message}
        </p>
      );
    if (!loaded) return waiting;
    const Editor = pick(loaded);
    return <Editor {...props} />;
  };
}

/// The document view (`DocumentView.tsx`); "Opening…" until the editors are loaded.
export const DocumentView = lazyEditor<DocumentViewProps>((chunk) => chunk.DocumentView, <p className="pane-note">Opening…</p>, 'the text view', 'pane-note is-error');

/// The note editor (`NoteEditor.tsx`); an empty frame of its size until the editors are loaded.
export const NoteEditor = lazyEditor<NoteEditorProps>((chunk) => chunk.NoteEditor, <div className="note-editor is-loading" aria-busy="true" />, 'the note editor', 'field-hint is-error');
