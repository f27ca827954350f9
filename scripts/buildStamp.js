/// Whether a build in out/ is up to date with its sources, told cheaply: a fingerprint of the
/// inputs' paths, sizes and modification times (a stat of each, no reading), kept in
/// out/.stamps/<target>.json after a successful build. `bin/awb.js` asks before running the built
/// CLI, `npm start` before rebuilding the app. The fingerprint is taken before a build starts, so
/// a file saved while it runs makes the next check find the build stale.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/// Inputs of every target: what decides how sources are compiled and what dependencies are bundled.
const COMMON_INPUTS = ['package.json', 'package-lock.json', 'node_modules/.package-lock.json', 'tsconfig.json', 'scripts/buildStamp.js'];

/// The build targets: their inputs (files or folders, relative to the project root) and the
/// outputs that must exist for a build to count.
export const BUILD_TARGETS = {
  cli: {
    inputs: ['main', 'preload', 'scripts/buildCli.js', ...COMMON_INPUTS],
    outputs: ['out/cli/awb.mjs'],
  },
  app: {
    inputs: ['main', 'preload', 'renderer', 'electron.vite.config.ts', 'scripts/eagerCompile.ts', ...COMMON_INPUTS],
    outputs: ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'],
  },
};

/// The fingerprint of `inputs` under `root`: every file's path, size and modification time, in
/// path order, hashed. A missing input counts as such (creating it changes the fingerprint).
export function inputsFingerprint(root, inputs) {
  const lines = [];
  const visit = (relative) => {
    let info;
    try {
      info = statSync(join(root, relative));
    } catch {
      lines.push(`${relative}\0missing`);
      return;
    }
    if (info.isDirectory()) {
      for (const name of readdirSync(join(root, relative)).sort()) visit(`${relative}/${name}`);
    } else {
      lines.push(`${relative}\0${info.size}\0${info.mtimeMs}`);
    }
  };
  for (const input of inputs) visit(input);
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/// Where a target's stamp is kept.
export function stampPath(root, target) {
  return join(root, 'out', '.stamps', `${target}.json`);
}

/// Whether `target`'s build is up to date: `{ current, fingerprint, reason }`, where `reason`
/// says why not (no build, or sources changed since) and `fingerprint` is what a build started
/// now records on success.
export function buildStatus(root, target) {
  const { inputs, outputs } = BUILD_TARGETS[target];
  const fingerprint = inputsFingerprint(root, inputs);
  if (!outputs.every((output) => existsSync(join(root, output)))) return { current: false, fingerprint, reason: 'there is no build yet' };
  let stamp = null;
  try {
    stamp = JSON.parse(readFileSync(stampPath(root, target), 'utf8'));
  } catch {
    return { current: false, fingerprint, reason: 'the build has no record of its sources' };
  }
  if (stamp?.fingerprint !== fingerprint) return { current: false, fingerprint, reason: 'sources changed since the last build' };
  return { current: true, fingerprint, reason: 'up to date' };
}

/// Records that `target` was built from the inputs with `fingerprint` (taken before the build).
export function writeStamp(root, target, fingerprint) {
  const path = stampPath(root, target);
  mkdirSync(join(root, 'out', '.stamps'), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ fingerprint, builtAt: new Date().toISOString() })}\n`);
  renameSync(temporary, path);
}
