/// A Vite (Rollup) plugin that marks chunks for V8 to compile every function as the chunk loads,
/// with the `//# allFunctionsCalledOnLoad` compile hint (Chromium 136 and later, so Electron 36
/// and later; other engines ignore the comment), rather than each function on its first call.
/// Worth it for a chunk loaded ahead of its use whose functions mostly run together when it is
/// used: the editors' chunk, whose first use (opening a document) otherwise spent about half its
/// time compiling.
import type { Plugin } from 'vite';

/// The renderer's editors' chunk (`renderer/src/editor/lazyEditors.tsx`), in the app's build and
/// the benchmark page's.
export const EDITORS_CHUNK = '/renderer/src/editor/editorChunk.ts';

/// The compile hint; it must be the chunk's first line.
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/// Adds {@link COMPILE_HINT} to the chunks whose entry module's path ends with one of `entries`
/// (e.g. `/renderer/src/editor/editorChunk.ts`); fails the build when one of them is not a chunk
/// entry, so a renamed or statically imported entry cannot silently lose its hint.
export function eagerCompile(entries: readonly string[]): Plugin {
  return {
    name: 'awb:eager-compile',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const found = new Set<string>();
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk' || !file.facadeModuleId) continue;
        const path = file.facadeModuleId.replaceAll('\\', '/');
        const entry = entries.find((e) => path.endsWith(e));
        if (!entry) continue;
        found.add(entry);
        if (!file.code.startsWith(COMPILE_HINT)) file.code = `${COMPILE_HINT}\n${file.code}`;
      }
      const missing = entries.filter((e) => !found.has(e));
      if (missing.length) this.error(`eager-compile: no chunk has the entry ${missing.join(', ')} (is it still imported only with import()?)`);
    },
  };
}
