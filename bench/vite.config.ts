/// Builds the two benchmark pages (the real renderer, `bench/page/`, and the floor,
/// `bench/floor/`) for production into `out/bench/`, as the app's renderer is built.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { EDITORS_CHUNK, eagerCompile } from '../scripts/eagerCompile';

const benchDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(benchDir, '..');
const { version } = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as { version: string };

/// Where `npm run bench` and `npm run bench:serve` find the built pages.
export const BENCH_OUT_DIR = resolve(repoRoot, 'out/bench');

export default defineConfig({
  root: benchDir,
  base: './',
  plugins: [react(), eagerCompile(EDITORS_CHUNK)],
  define: { __BENCH_VERSION__: JSON.stringify(version) },
  logLevel: 'warn',
  build: {
    outDir: BENCH_OUT_DIR,
    emptyOutDir: true,
    minify: true,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 4096,
    rollupOptions: { input: { page: resolve(benchDir, 'page/index.html'), floor: resolve(benchDir, 'floor/index.html') } },
  },
});
