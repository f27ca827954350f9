/// `awb serve` as a user starts it (`node bin/awb.js serve --workspace <dir> --port 0`): the time
/// from starting the process until it prints the URL of the workbench, and stopping it again.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from '../stats';

/// The repository's root folder.
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = 3;

/// A running `awb serve`.
export interface ServedWorkspace {
  url: string;
  child: ChildProcess;
  /// From starting the process to its URL on stdout.
  ms: number;
}

/// Why `awb serve` cannot run here, or null: it serves the app's renderer build.
export function serveUnavailable(): string | null {
  return existsSync(join(repoRoot, 'out', 'renderer', 'index.html')) ? null : 'the app is not built (out/renderer is missing): run "npm run build" first';
}

/// Starts `awb serve` on `dir` and resolves when it has printed its URL.
export function startServe(dir: string): Promise<ServedWorkspace> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'awb.js'), 'serve', '--workspace', dir, '--port', '0'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`awb serve printed no URL within 300 s:\n${output}`)), 300_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = output.match(/http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/)?.[0];
      if (url) {
        clearTimeout(timer);
        resolve({ url, child, ms: performance.now() - started });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`awb serve exited with ${code}:\n${output}`));
    });
  });
}

/// Stops a served workspace (SIGTERM, as Ctrl+C would) and waits for it to close it.
export async function stopServe(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/// `awb serve` start → URL, `RUNS` times on `dir`.
export type ServeStartResult = { skipped: false; ms: number; runs: number[] } | { skipped: true; reason: string };

/// Starts and stops `awb serve` on `dir` `RUNS` times; the median time to its URL.
export async function measureServeStart(dir: string): Promise<ServeStartResult> {
  const reason = serveUnavailable();
  if (reason) return { skipped: true, reason };
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const served = await startServe(dir);
    runs.push(served.ms);
    await stopServe(served.child);
  }
  return { skipped: false, ms: median(runs), runs };
}
