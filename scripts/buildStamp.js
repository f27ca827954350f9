/// Whether a build in out/ is up to date with its sources, told cheaply: a fingerprint of the
/// inputs' paths, sizes and modification times (a stat of each, no reading; one line per file,
/// kept as it is rather than hashed, which spares loading node:crypto on every `awb` command and
/// lets the check name a changed file), kept in out/.stamps/<target>.json after a successful build. `bin/awb.js` asks before running the built
/// CLI, `npm start` before rebuilding the app. The fingerprint is taken before a build starts, so
/// a file saved while it runs makes the next check find the build stale.
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
/// path order, a line each. A missing input counts as such (creating it changes the fingerprint).
export function inputsFingerprint(root, inputs) {
  const lines = [];
  const visit = (relative) => {
    const info = statSync(join(root, relative), { throwIfNoEntry: false });
    if (!info) {
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
  return lines.join('\n');
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
  if (stamp?.fingerprint !== fingerprint) {
    const changed = firstDifference(typeof stamp?.fingerprint === 'string' ? stamp.fingerprint : '', fingerprint);
    return { current: false, fingerprint, reason: `sources changed since the last build${changed ? ` (${changed})` : ''}` };
  }
  return { current: true, fingerprint, reason: 'up to date' };
}

/// The first file whose line differs between two fingerprints (added, removed or changed).
function firstDifference(before, after) {
  const old = new Set(before.split('\n'));
  const now = new Set(after.split('\n'));
  const line = after.split('\n').find((l) => !old.has(l)) ?? before.split('\n').find((l) => !now.has(l));
  return line ? line.split('\0')[0] : null;
}

/// Records that `target` was built from the inputs with `fingerprint` (taken before the build).
export function writeStamp(root, target, fingerprint) {
  const path = stampPath(root, target);
  mkdirSync(join(root, 'out', '.stamps'), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ fingerprint, builtAt: new Date().toISOString() })}\n`);
  renameSync(temporary, path);
}
