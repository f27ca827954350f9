/// The entry of the editors' chunk: every component that needs TipTap and ProseMirror. Loaded
/// only through `lazyEditors.tsx`, so that the chunk stays apart from the app's first screen.
export { DocumentView } from './DocumentView';
export { NoteEditor } from './NoteEditor';
