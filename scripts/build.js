#!/usr/bin/env node
// `npm run build`: the app (electron-vite: out/main, out/preload, out/renderer) and the `awb`
// command (esbuild: out/cli), each recorded in out/.stamps with the fingerprint of its sources
// (scripts/buildStamp.js). `--if-stale` builds only what is not up to date, as `npm start` does.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from './buildCli.js';
import { buildStatus, writeStamp } from './buildStamp.js';

/// Builds the app and the CLI under `root` (only the stale ones when `onlyStale`); resolves with
/// the targets built. Throws when a build fails (its output has been shown).
export async function buildTargets(root, { onlyStale = false, log = console.log } = {}) {
  const built = [];
  const app = buildStatus(root, 'app');
  if (!onlyStale || !app.current) {
    if (onlyStale) log(`Building the app: ${app.reason}.`);
    const result = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`the app's build failed (electron-vite exited with ${result.status ?? result.signal})`);
    writeStamp(root, 'app', app.fingerprint);
    built.push('app');
  }
  const cli = buildStatus(root, 'cli');
  if (!onlyStale || !cli.current) {
    if (onlyStale) log(`Building the awb command: ${cli.reason}.`);
    await buildCli(root);
    writeStamp(root, 'cli', cli.fingerprint);
    built.push('cli');
  }
  return built;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--if-stale');
  if (unknown.length) {
    console.error(`build: unknown option ${unknown[0]} (the only option is --if-stale)`);
    process.exit(2);
  }
  const root = fileURLToPath(new URL('..', import.meta.url));
  try {
    const built = await buildTargets(root, { onlyStale: args.includes('--if-stale') });
    console.log(built.length ? `Built: ${built.join(', ')} (out/).` : 'The build in out/ is up to date.');
  } catch (error) {
    console.error(`build: ${error.message}`);
    process.exit(1);
  }
}
