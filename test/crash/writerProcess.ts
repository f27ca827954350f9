// The parent's side of one crash writer: starts the bundled writer, reads what it prints and
// kills it.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Annotation } from '../../main/core/model';
import { formatKillPoint, KILL_POINT_VARIABLE, type KillPoint, type KillPointReached } from './indexKillPoint';

/// A change as the writer prints it: `begin` lines carry what the change is meant to do, `ack`
/// lines what it did.
export type Op = { op: string; id?: string; docId?: string; label?: string; note?: unknown; actor?: string; annotation?: Pick<Annotation, 'id' | 'docId' | 'label'> | null };

const repoRoot = join(import.meta.dirname, '..', '..');

/// A running crash writer and what it printed.
export class WriterProcess {
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
  readonly begins: Op[] = [];
  readonly acks: Op[] = [];
  /// Set when the writer killed itself at its kill point.
  killPoint: KillPointReached | null = null;
  errors = '';
  private readonly exit: Promise<void>;

  /// Starts the writer on `dir`; with `killPoint`, it kills itself there (see indexKillPoint.ts).
  constructor(writer: string, dir: string, seed: number, mode = '', killPoint?: KillPoint) {
    // The bundle leaves better-sqlite3 (a native module) out: it is found in the repository's node_modules.
    const env = { ...process.env, NODE_PATH: join(repoRoot, 'node_modules'), [KILL_POINT_VARIABLE]: killPoint ? formatKillPoint(killPoint) : '' };
    this.child = spawn(process.execPath, [writer, dir, String(seed), mode], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let out = '';
    let markReady = () => undefined as void;
    this.ready = new Promise((resolve) => (markReady = resolve));
    this.child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      for (let end = out.indexOf('\n'); end >= 0; end = out.indexOf('\n')) {
        const line = out.slice(0, end);
        out = out.slice(end + 1);
        if (line === 'ready') markReady();
        if (line.startsWith('begin ')) this.begins.push(JSON.parse(line.slice(6)) as Op);
        if (line.startsWith('ack ')) this.acks.push(JSON.parse(line.slice(4)) as Op);
        if (line.startsWith('killpoint ')) this.killPoint = JSON.parse(line.slice(10)) as KillPointReached;
      }
    });
    this.child.stderr!.on('data', (chunk: Buffer) => (this.errors += chunk.toString()));
    this.exit = new Promise((resolve) => this.child.on('close', () => resolve()));
    this.exit.then(markReady, markReady);
  }

  /// Kills it with SIGKILL and waits until it is gone and its output read.
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exit;
  }

  /// Waits until it is gone (killed by itself, say) and its output read, or `ms` have passed;
  /// whether it went.
  async exited(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const gone = await Promise.race([this.exit.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)))]);
    clearTimeout(timer);
    return gone;
  }
}
