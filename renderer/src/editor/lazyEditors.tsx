/// The document view and the note editor, loaded as a chunk of their own (`editorChunk.ts`:
/// TipTap, ProseMirror and the highlight plugin, more than half of the renderer's script). The
/// first screen (library, empty reading area) does not wait for them; the app starts loading
/// them once the browser is idle after start-up, and the build marks the chunk for V8 to compile
/// as it loads (`scripts/eagerCompile.ts`), so the first document opened does not compile the
/// editor function by function either. Until the chunk is there, a view shows "Opening…".
import { useEffect, useState } from 'react';
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

/// The document view (`DocumentView.tsx`), once the editors are loaded.
export function DocumentView(props: DocumentViewProps) {
  const loaded = useEditors();
  if (loaded instanceof Error)
    return (
      <p className="pane-note is-error" role="alert">
        Could not load the text view: {loaded.message}
      </p>
    );
  return loaded ? <loaded.DocumentView {...props} /> : <p className="pane-note">Opening…</p>;
}

/// The note editor (`NoteEditor.tsx`), once the editors are loaded.
export function NoteEditor(props: NoteEditorProps) {
  const loaded = useEditors();
  if (loaded instanceof Error)
    return (
      <p className="field-hint is-error" role="alert">
        Could not load the note editor: {loaded.message}
      </p>
    );
  return loaded ? <loaded.NoteEditor {...props} /> : <div className="note-editor is-loading" aria-busy="true" />;
}
