/// A Vite (Rollup) plugin that marks a chunk for V8 to compile every function as the chunk loads,
/// with the `//# allFunctionsCalledOnLoad` compile hint (Chromium 136 and later, so Electron 36
/// and later; other engines ignore the comment), rather than each function on its first call.
/// Worth it for a chunk loaded ahead of its use whose functions mostly run together when it is
/// used: the editors' chunk, whose first use (opening a document) otherwise spent about half its
/// time compiling.
import type { Plugin } from 'vite';

/// A chunk to compile eagerly: the chunk of entry module `entry` (the end of its path, e.g.
/// `/renderer/src/editor/editorChunk.ts`), which must hold every module whose path matches
/// `modules` (with `/` as separator) wherever the build puts them.
export interface EagerChunk {
  entry: string;
  modules: RegExp;
}

/// The renderer's editors' chunk (`renderer/src/editor/lazyEditors.tsx`), in the app's build and
/// the benchmark page's: TipTap and ProseMirror belong in it and nowhere else.
export const EDITORS_CHUNK: EagerChunk = {
  entry: '/renderer/src/editor/editorChunk.ts',
  modules: /\/node_modules\/(@tiptap|prosemirror-)/,
};

/// The compile hint; it must be the chunk's first line.
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

const slashed = (path: string) => path.replaceAll('\\', '/');

/// Adds {@link COMPILE_HINT} to `chunk`'s chunk. Fails the build when no chunk has that entry
/// (it was renamed, or is imported statically and so merged into another chunk) or when a module
/// matching `chunk.modules` is in another chunk (imported from outside the lazy chunk), so that
/// the code meant to load apart cannot silently end up in the first screen's chunk.
export function eagerCompile(chunk: EagerChunk): Plugin {
  return {
    name: 'awb:eager-compile',
    enforce: 'post',
    // After the file names are hashed: the hint does not change a chunk's name.
    generateBundle(_options, bundle) {
      let found = false;
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        if (file.facadeModuleId && slashed(file.facadeModuleId).endsWith(chunk.entry)) {
          found = true;
          if (!file.code.startsWith(COMPILE_HINT)) file.code = `${COMPILE_HINT}\n${file.code}`;
          continue;
        }
        const stray = file.moduleIds.find((id) => chunk.modules.test(slashed(id)));
        if (stray) this.error(`eager-compile: ${stray} is in ${file.fileName}, not in the chunk of ${chunk.entry} (imported from outside it?)`);
      }
      if (!found) this.error(`eager-compile: no chunk has the entry ${chunk.entry} (is it still imported only with import()?)`);
    },
  };
}
