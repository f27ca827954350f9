// The parent half of the crash test: starts the writer, kills it with SIGKILL at a random moment,
// reopens the workspace, and checks that every file is valid, `awb check` finds nothing, and
// every change the writer saw acknowledged is there.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { importSeeds } from '../../main/core/importArticles';
import type { Annotation, DocumentFile } from '../../main/core/model';
import { checkWorkspace } from '../../main/core/store/checkWorkspace';
import { Workspace } from '../../main/core/store/workspace';
import { LOCK_STALE_MS } from '../../main/core/store/workspaceLock';
import { seededRandom } from '../seededRandom';

/// How a crash test went.
export interface CrashTestResult {
  seed: number;
  kills: number;
  acknowledged: number;
  corruptWorkspaces: number;
  lostChanges: number;
  /// Rounds in which the writer was paused past the lock's stale time and another let in.
  stalls: number;
  failures: string[];
}

type Op = { op: string; id?: string; docId?: string; label?: string; note?: unknown; actor?: string; annotation?: Annotation | null };

const repoRoot = join(import.meta.dirname, '..', '..');

/// Bundles the writer once, so each of the thousand starts costs only Node's own start-up.
async function bundleWriter(): Promise<string> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'awb-crash-')), 'writer.cjs');
  await build({ entryPoints: [join(repoRoot, 'test', 'crash', 'crashWriter.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'error' });
  return outfile;
}

/// Runs the writer until a random moment after it is ready, then kills it.
async function runAndKill(writer: string, dir: string, seed: number, delayMs: number): Promise<{ begins: Op[]; acks: Op[]; errors: string }> {
  const run = new WriterProcess(writer, dir, seed);
  await run.ready;
  await sleep(delayMs);
  await run.kill();
  return run;
}

/// What the acknowledged changes say the workspace must hold.
class ExpectedState {
  readonly annotations = new Map<string, { docId: string; label: string; note?: string } | 'deleted'>();
  readonly speakers = new Map<string, { docId: string; actor: string }>();
  readonly documents = new Set<string>();
  readonly labels = new Set<string>();

  apply(op: Op): void {
    const forgetLinks = (id: string) => {
      for (const [quote, link] of this.speakers) if (quote === id || link.actor === id) this.speakers.delete(quote);
    };
    const current = op.id ? this.annotations.get(op.id) : undefined;
    if (op.op === 'import' && op.id) this.documents.add(op.id);
    if (op.op === 'label' && op.id) this.labels.add(op.id);
    if (op.op === 'create' && op.annotation) this.annotations.set(op.annotation.id, { docId: op.annotation.docId, label: op.annotation.label });
    if (op.op === 'relabel' && current && current !== 'deleted') {
      this.annotations.set(op.id!, { ...current, label: op.label! });
      forgetLinks(op.id!);
    }
    if (op.op === 'note' && current && current !== 'deleted') this.annotations.set(op.id!, { ...current, note: JSON.stringify(op.note) });
    if (op.op === 'delete') {
      this.annotations.set(op.id!, 'deleted');
      forgetLinks(op.id!);
    }
    if (op.op === 'link') this.speakers.set(op.id!, { docId: op.docId!, actor: op.actor! });
  }

  /// Takes what is on disk for an entity whose last change may or may not have landed.
  adopt(op: Op, files: Map<string, DocumentFile>): void {
    if (op.op === 'import' || op.op === 'label' || !op.id) return;
    const file = files.get(op.docId!);
    const found = file?.annotations.find((a) => a.id === op.id);
    this.annotations.set(op.id, found ? { docId: found.docId, label: found.label, ...(found.note ? { note: JSON.stringify(found.note) } : {}) } : 'deleted');
    for (const [quote, link] of this.speakers) if (quote === op.id || link.actor === op.id) this.speakers.delete(quote);
  }

  /// Differences between this and the files on disk.
  compare(files: Map<string, DocumentFile>, labels: string[]): string[] {
    const lost: string[] = [];
    for (const id of this.labels) if (!labels.includes(id)) lost.push(`label ${id} is missing`);
    for (const id of this.documents) if (!files.has(id)) lost.push(`imported document ${id} is missing`);
    const all = new Map([...files.values()].flatMap((f) => f.annotations.map((a) => [a.id, a] as const)));
    for (const [id, want] of this.annotations) {
      const got = all.get(id);
      if (want === 'deleted') {
        if (got) lost.push(`deleted annotation ${id} is back`);
        continue;
      }
      if (!got) lost.push(`annotation ${id} is missing`);
      else if (got.label !== want.label) lost.push(`annotation ${id} has label ${got.label}, not ${want.label}`);
      else if (want.note !== undefined && JSON.stringify(got.note) !== want.note) lost.push(`annotation ${id} lost its note`);
    }
    for (const [quote, link] of this.speakers) {
      if (!files.get(link.docId)?.relations.some((r) => r.from === quote && r.to === link.actor)) lost.push(`speaker link of ${quote} is missing`);
    }
    return lost;
  }
}

/// Kills the writer `kills` times and checks the workspace after each kill.
export async function runCrashTest(options: {
  kills: number;
  /// Stalled rounds after the kills (each lasts more than the lock's stale time).
  stalls?: number;
  seed: number;
  maxDelayMs?: number;
  onKill?: (done: number) => void;
  onStall?: (done: number) => void;
}): Promise<CrashTestResult> {
  const writer = await bundleWriter();
  const dir = join(mkdtempSync(join(tmpdir(), 'awb-crash-ws-')), 'workspace');
  const seeding = await Workspace.open(dir);
  await importSeeds(seeding, join(repoRoot, 'seeds'));
  const expected = new ExpectedState();
  for (const d of seeding.listDocuments()) expected.documents.add(d.id);
  await seeding.close();
  const random = seededRandom(options.seed);
  const result: CrashTestResult = { seed: options.seed, kills: 0, stalls: 0, acknowledged: 0, corruptWorkspaces: 0, lostChanges: 0, failures: [] };
  for (let k = 0; k < options.kills; k++) {
    const runSeed = Math.floor(random() * 2 ** 31);
    const { begins, acks, errors } = await runAndKill(writer, dir, runSeed, Math.floor(random() * (options.maxDelayMs ?? 250)));
    result.kills++;
    if (errors.trim()) result.failures.push(`kill ${k} (run seed ${runSeed}): the writer failed: ${errors.trim().split('\n')[0]}`);
    for (const op of acks) expected.apply(op);
    result.acknowledged += acks.length;
    await checkRound(dir, expected, result, `kill ${k} (seed ${options.seed}, run seed ${runSeed})`, [{ begins, acks }]);
    options.onKill?.(k + 1);
  }
  for (let s = 0; s < (options.stalls ?? 0); s++) {
    const runSeed = Math.floor(random() * 2 ** 31);
    const round = await runStalled(writer, dir, runSeed, random);
    result.stalls++;
    for (const error of round.errors) result.failures.push(`stall ${s} (run seed ${runSeed}): a writer failed: ${error.split('\n')[0]}`);
    for (const op of round.ordered) expected.apply(op);
    result.acknowledged += round.ordered.length;
    await checkRound(dir, expected, result, `stall ${s} (seed ${options.seed}, run seed ${runSeed})`, round.writers);
    options.onStall?.(s + 1);
  }
  return result;
}

/// Reopens the workspace after a round and checks it against what was acknowledged.
async function checkRound(dir: string, expected: ExpectedState, result: CrashTestResult, round: string, writers: { begins: Op[]; acks: Op[] }[]): Promise<void> {
  // Opening for writing runs recovery (stale temp files, lock of the dead writer, index).
  const reopened = await Workspace.open(dir);
  const files = new Map<string, DocumentFile>();
  for (const d of reopened.listDocuments()) files.set(d.id, await reopened.readDocument(d.id));
  const labels = reopened.labels.map((l) => l.id);
  await reopened.close();
  const problems = (await checkWorkspace(dir)).problems;
  if (problems.length) {
    result.corruptWorkspaces++;
    result.failures.push(`${round}: ${problems.join('; ')}`);
  }
  // A change begun but not acknowledged when its writer was killed may or may not have landed.
  for (const { begins, acks } of writers) if (begins.length > acks.length) expected.adopt(begins[begins.length - 1], files);
  const lost = expected.compare(files, labels);
  if (lost.length) {
    result.lostChanges += lost.length;
    result.failures.push(`${round}: ${lost.slice(0, 5).join('; ')}`);
    // Start the next round from what is really there, so one loss is reported once.
    for (const { begins } of writers) for (const op of begins) expected.adopt(op, files);
    for (const id of expected.labels) if (!labels.includes(id)) expected.labels.delete(id);
  }
}

/// One stalled round: the writer is paused (SIGSTOP) past the lock's stale time, a guest writer
/// takes the workspace over, works a while and is killed, the writer resumes (SIGCONT), works a
/// while and is killed. Returns the acknowledgements in the order the changes were made.
async function runStalled(writer: string, dir: string, seed: number, random: () => number) {
  const host = new WriterProcess(writer, dir, seed);
  await host.ready;
  await sleep(20 + random() * 200);
  host.child.kill('SIGSTOP');
  await sleep(200); // what it printed before the pause reaches us
  const acksBeforePause = host.acks.length;
  await sleep(LOCK_STALE_MS + 1_500);
  const guest = new WriterProcess(writer, dir, seed + 1, 'guest');
  await guest.ready;
  await sleep(50 + random() * 400);
  await guest.kill();
  host.child.kill('SIGCONT');
  // It first finds its lock taken, takes it back from the dead guest and reads everything again.
  await sleep(300 + random() * 500);
  await host.kill();
  return {
    ordered: [...host.acks.slice(0, acksBeforePause), ...guest.acks, ...host.acks.slice(acksBeforePause)],
    writers: [host, guest],
    errors: [host.errors, guest.errors].filter((e) => e.trim()),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/// A running crash writer and what it printed.
class WriterProcess {
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
  readonly begins: Op[] = [];
  readonly acks: Op[] = [];
  errors = '';
  private readonly exit: Promise<void>;

  constructor(writer: string, dir: string, seed: number, mode = '') {
    this.child = spawn(process.execPath, [writer, dir, String(seed), mode], { stdio: ['ignore', 'pipe', 'pipe'] });
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
      }
    });
    this.child.stderr!.on('data', (chunk: Buffer) => (this.errors += chunk.toString()));
    this.exit = new Promise((resolve) => this.child.on('exit', () => resolve()));
    this.exit.then(markReady, markReady);
  }

  /// Kills it with SIGKILL and waits until it is gone and its output read.
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exit;
  }
}
