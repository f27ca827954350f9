#!/usr/bin/env node
// The `awb` command. It runs the built CLI (out/cli/awb.mjs, made by `npm run build` and
// `npm start`) when that build is up to date with the sources, which starts in a fraction of the
// time; otherwise, with no build yet or sources changed since, it runs the TypeScript sources
// through tsx, so the CLI never lags behind them (scripts/buildStamp.js tells which).
// Exit codes: 0 success, 1 failure, 2 usage error, 3 done with items skipped or left out.
import { fileURLToPath } from 'node:url';
import { buildStatus } from '../scripts/buildStamp.js';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/// The CLI module: the build where it is current, else the sources.
async function loadCli() {
  if (!process.env.AWB_FROM_SOURCE && buildStatus(packageRoot, 'cli').current) {
    return import('../out/cli/awb.mjs');
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import('../main/cli/index.ts');
}

const { runCli, endQuietlyWhenOutputCloses } = await loadCli();
// `awb list | head -1`: the reader going away ends the program quietly, as it ends `git log`.
endQuietlyWhenOutputCloses();
process.exitCode = await runCli(process.argv.slice(2), { packageRoot });
