/// Builds the `awb` command into out/cli/: main/cli/index.ts and everything it imports, bundled by
/// esbuild into ES modules for Node, so `awb` starts without compiling TypeScript. Each command's
/// own code is a chunk loaded when that command runs (main/cli/index.ts imports them lazily), so
/// `awb list` reads a fraction of it. Native modules (better-sqlite3), pdf.js (it loads its worker
/// and fonts by path) and electron stay in node_modules, and so do compromise and iconv-lite:
/// bundled, their half a megabyte each would be parsed by every command that imports them,
/// where from node_modules compromise loads when a suggestion needs it and iconv-lite reads an
/// encoding's table when a file needs that encoding.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/// Packages left out of the bundle, loaded from node_modules at run time.
export const CLI_EXTERNALS = ['better-sqlite3', 'pdfjs-dist', 'pdfjs-dist/*', 'compromise', 'iconv-lite', 'electron'];

/// Builds out/cli/awb.mjs (and its chunks) under `root`; replaces the previous build whole.
export async function buildCli(root) {
  const { build } = await import('esbuild');
  const finalDir = join(root, 'out', 'cli');
  const stagingDir = join(root, 'out', `.cli-${process.pid}`);
  rmSync(stagingDir, { recursive: true, force: true });
  try {
    await build({
      absWorkingDir: root,
      entryPoints: { awb: 'main/cli/index.ts' },
      outdir: stagingDir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outExtension: { '.js': '.mjs' },
      chunkNames: 'chunks/[name]-[hash]',
      external: CLI_EXTERNALS,
      // Bundled CommonJS packages call require(); ES modules have none of their own.
      banner: { js: "import { createRequire as __awbCreateRequire } from 'node:module'; const require = __awbCreateRequire(import.meta.url);" },
      minifyWhitespace: true,
      minifySyntax: true,
      legalComments: 'none',
      logLevel: 'warning',
    });
    if (existsSync(finalDir)) rmSync(finalDir, { recursive: true, force: true });
    renameSync(stagingDir, finalDir);
  } finally {
    rmSync(stagingDir, { recursive: true, force: true });
  }
}
