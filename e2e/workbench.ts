// A real browser-mode server per test: `awb serve` on a fresh workspace (seeded on first run).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';

export const repoRoot = join(import.meta.dirname, '..');

/// A running `awb serve`.
export interface ServedWorkbench {
  url: string;
  workspace: string;
  process: ChildProcess;
}

/// Starts `command` (a node script and its arguments) and resolves with the first
/// http://127.0.0.1 URL it prints on stdout.
export function startAndReadUrl(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ url: string; process: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 60 s; output:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = output.match(/http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/)?.[0];
      if (url) {
        clearTimeout(timer);
        resolve({ url, process: child, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before printing a URL; output:\n${output}`));
    });
  });
}

/// Stops a child and waits for it to exit.
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/// The arguments of `awb serve` on `workspace` for a journey: any free port, and the OS user
/// named as the annotator (confirmed, so the app's first-run question does not stand in the way;
/// firstRun.spec.ts serves without it to see the question).
export function serveArgs(workspace: string): string[] {
  return [join(repoRoot, 'bin', 'awb.js'), 'serve', '--workspace', workspace, '--port', '0', '--annotator', userInfo().username];
}

export const test = base.extend<{ workbench: ServedWorkbench }>({
  workbench: async ({}, use) => {
    const workspace = join(mkdtempSync(join(tmpdir(), 'awb-e2e-')), 'workspace');
    const served = await startAndReadUrl(serveArgs(workspace));
    await use({ url: served.url, workspace, process: served.process });
    await stop(served.process);
  },
});

export { expect } from '@playwright/test';
