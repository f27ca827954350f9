import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/// A new empty folder under the system temp folder.
export function tempDir(prefix = 'awb-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/// The repo root.
export const repoRoot = join(import.meta.dirname, '..');

/// The seed articles' paths (the seeds folder also holds their metadata sidecar).
export function seedArticles(): string[] {
  return readdirSync(join(repoRoot, 'seeds'))
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => join(repoRoot, 'seeds', name));
}

/// Runs the real `awb` command and returns its exit code and output.
export function awb(...args: string[]): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(repoRoot, 'bin', 'awb.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, AWB_WORKSPACE: '' },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
