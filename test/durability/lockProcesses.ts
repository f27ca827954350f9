// Child processes that hold a workspace, for the lock tests (see lockHolder.ts).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/// Bundles a test script once, so each start costs only Node's own start-up. The bundle lives
/// inside the project, so that the native module left out of it (better-sqlite3) is found in
/// node_modules.
export async function bundleScript(entry: string): Promise<string> {
  const cache = fileURLToPath(new URL('../../node_modules/.cache/awb-test-scripts/', import.meta.url));
  mkdirSync(cache, { recursive: true });
  const outfile = join(mkdtempSync(join(cache, 'script-')), 'script.mjs');
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
    external: ['better-sqlite3'],
    // Bundled CommonJS dependencies still call require and read __filename.
    banner: {
      js: [
        "import { createRequire as awbCreateRequire } from 'node:module';",
        "import { fileURLToPath as awbFileUrlToPath } from 'node:url';",
        'const require = awbCreateRequire(import.meta.url);',
        'const __filename = awbFileUrlToPath(import.meta.url);',
      ].join(' '),
    },
  });
  return outfile;
}

/// A running lock holder: send it commands, read its replies line by line.
export class HolderProcess {
  private buffered = '';
  private readonly waiting: ((line: string) => void)[] = [];
  private readonly lines: string[] = [];
  readonly child: ChildProcessWithoutNullStreams;
  stderr = '';

  constructor(script: string, dir: string) {
    this.child = spawn(process.execPath, [script, dir], { stdio: 'pipe' });
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffered += chunk.toString();
      for (let end = this.buffered.indexOf('\n'); end >= 0; end = this.buffered.indexOf('\n')) {
        const line = this.buffered.slice(0, end);
        this.buffered = this.buffered.slice(end + 1);
        const waiter = this.waiting.shift();
        if (waiter) waiter(line);
        else this.lines.push(line);
      }
    });
  }

  /// The next line it prints.
  next(): Promise<string> {
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    return new Promise((resolve, reject) => {
      this.waiting.push(resolve);
      this.child.once('exit', (code) => reject(new Error(`holder exited (${code}): ${this.stderr}`)));
    });
  }

  /// Sends a command without waiting for its reply.
  send(command: string): void {
    this.child.stdin.write(`${command}\n`);
  }

  /// Sends a command and resolves with its reply.
  ask(command: string): Promise<string> {
    this.send(command);
    return this.next();
  }

  /// Resolves once it has exited.
  exited(): Promise<number | null> {
    if (this.child.exitCode !== null) return Promise.resolve(this.child.exitCode);
    return new Promise((resolve) => this.child.once('exit', resolve));
  }
}
