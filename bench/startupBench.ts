/// The start-up rows of `npm run bench`: `awb list` on a workspace of the five seed articles,
/// run by the built CLI (out/cli, up to date with the sources), budget 200 ms; and `npm start`
/// to its printed URL when the build is up to date (browser mode: the Electron binary absent, or
/// AWB_BROWSER_MODE=1), budget 3 s. Both are wall-clock times of a new process, as a user waits
/// for them. The build is brought up to date first (scripts/build.js --if-stale); a start that
/// rebuilt anyway fails its row.
///
/// Alone: `npx tsx bench/startupBench.ts` prints the rows.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTargets } from '../scripts/build.js';
import { buildStatus } from '../scripts/buildStamp.js';
import type { Row } from './report';
import { formatMs, median } from './stats';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const AWB = join(ROOT, 'bin', 'awb.js');
const LIST_RUNS = 7;
const START_RUNS = 3;
const LIST_BUDGET_MS = 200;
const START_BUDGET_MS = 3000;

/// What the start-up measurements found.
export interface StartupResult {
  listMs: number;
  listRuns: number[];
  /// `node -e 0` on the same machine, for comparison: the part of `awb list` that is Node starting.
  nodeMs: number;
  /// Whether `awb list` ran the build (it falls back to the sources when the build is stale).
  listBuilt: boolean;
  startMs: number;
  startRuns: number[];
  /// How many of the measured starts rebuilt something (none should).
  startsThatBuilt: number;
}

/// Runs `args` (a node script and its arguments) and resolves with the time until it exits.
function timedRun(args: string[]): number {
  const started = performance.now();
  execFileSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  return performance.now() - started;
}

/// Starts `npm start` in browser mode on `workspace`; resolves with the time to its URL and its
/// output, then stops it (its whole process group: npm, the start script and the server).
function timedStart(workspace: string): Promise<{ ms: number; output: string }> {
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, AWB_BROWSER_MODE: '1', AWB_WORKSPACE: workspace, DISPLAY: '', WAYLAND_DISPLAY: '' },
  });
  let output = '';
  let finished = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`npm start printed no URL within 120 s:\n${output}`)), 120_000);
    const finish = (result: Error | number) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      const settle = () => (result instanceof Error ? reject(result) : resolve({ ms: result, output }));
      if (child.exitCode !== null || child.signalCode !== null) return settle();
      child.once('exit', settle);
      process.kill(-child.pid!, 'SIGTERM');
    };
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.test(output)) finish(performance.now() - started);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (error) => finish(error));
    child.once('exit', (code) => finish(new Error(`npm start exited with ${code} before printing a URL:\n${output}`)));
  });
}

/// Brings the build up to date, then measures `awb list` on the seeds and an up-to-date `npm start`.
export async function measureStartup(log: (line: string) => void): Promise<StartupResult> {
  log('  bringing the build up to date (scripts/build.js --if-stale)');
  await buildTargets(ROOT, { onlyStale: true, log });
  const scratch = await mkdtemp(join(tmpdir(), 'awb-bench-startup-'));
  try {
    const seeds = join(scratch, 'seeds');
    const seedFiles = (await readdir(join(ROOT, 'seeds'))).filter((name) => name.endsWith('.txt')).map((name) => join(ROOT, 'seeds', name));
    execFileSync(process.execPath, [AWB, 'import', ...seedFiles, '--workspace', seeds], { cwd: ROOT, stdio: 'ignore' });
    log(`  awb list on the seeds (${LIST_RUNS} runs after one to warm the file cache)`);
    const listBuilt = buildStatus(ROOT, 'cli').current;
    timedRun([AWB, 'list', '--workspace', seeds]);
    const listRuns = Array.from({ length: LIST_RUNS }, () => timedRun([AWB, 'list', '--workspace', seeds]));
    const nodeMs = median(Array.from({ length: LIST_RUNS }, () => timedRun(['-e', '0'])));
    log(`  npm start → URL with the build up to date (${START_RUNS} runs after a first that seeds the workspace)`);
    const workspace = join(scratch, 'started');
    await timedStart(workspace);
    const startRuns: number[] = [];
    let startsThatBuilt = 0;
    for (let run = 0; run < START_RUNS; run++) {
      const { ms, output } = await timedStart(workspace);
      startRuns.push(ms);
      if (/^Building /m.test(output)) startsThatBuilt++;
    }
    return { listMs: median(listRuns), listRuns, nodeMs, listBuilt, startMs: median(startRuns), startRuns, startsThatBuilt };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/// The table's rows.
export function startupRows(r: StartupResult): Row[] {
  const listPass = r.listBuilt && r.listMs <= LIST_BUDGET_MS;
  const startPass = r.startsThatBuilt === 0 && r.startMs <= START_BUDGET_MS;
  return [
    {
      name: `awb list on the 5 seed articles (built CLI${r.listBuilt ? '' : ' — stale, ran the sources'}, median of ${LIST_RUNS})`,
      value: formatMs(r.listMs),
      budget: `≤ ${formatMs(LIST_BUDGET_MS)}`,
      pass: listPass,
      raw: r.listMs,
    },
    {
      name: `  for comparison: node -e 0, Node starting and doing nothing (median of ${LIST_RUNS})`,
      value: formatMs(r.nodeMs),
      budget: '—',
      pass: null,
      raw: r.nodeMs,
    },
    {
      name: `npm start → URL, build up to date (browser mode, median of ${START_RUNS}${r.startsThatBuilt ? `; ${r.startsThatBuilt} rebuilt` : ''})`,
      value: formatMs(r.startMs),
      budget: `≤ ${formatMs(START_BUDGET_MS)}`,
      pass: startPass,
      raw: r.startMs,
    },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await measureStartup((line) => console.error(line));
  console.log(JSON.stringify(result, null, 1));
  for (const r of startupRows(result)) console.log(`${r.name.padEnd(100)} ${r.value.padStart(9)} ${r.budget.padStart(9)} ${r.pass === null ? '' : r.pass ? 'pass' : 'MISS'}`);
}
