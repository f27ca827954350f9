// The parent half of the crash test: starts the writer, kills it with SIGKILL at a random moment,
// reopens the workspace, and checks that every file is valid, `awb check` finds nothing, and
// every change the writer saw acknowledged is there.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { importSeeds } from '../../main/core/importArticles';
import type { Annotation, DocumentFile } from '../../main/core/model';
import { checkWorkspace } from '../../main/core/store/checkWorkspace';
import { Workspace } from '../../main/core/store/workspace';
import { seededRandom } from '../seededRandom';

/// How a crash test went.
export interface CrashTestResult {
  seed: number;
  kills: number;
  acknowledged: number;
  corruptWorkspaces: number;
  lostChanges: number;
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

/// Runs the writer until a random moment, then kills it; resolves with what it printed.
function runAndKill(writer: string, dir: string, seed: number, delayMs: number): Promise<{ begins: Op[]; acks: Op[]; errors: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dir, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let errors = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!timer && out.includes('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('exit', () => {
      clearTimeout(guard);
      clearTimeout(timer);
      const lines = out.split('\n').filter((l) => l.startsWith('begin ') || l.startsWith('ack '));
      const parse = (prefix: string) => lines.filter((l) => l.startsWith(prefix)).map((l) => JSON.parse(l.slice(prefix.length)) as Op);
      resolve({ begins: parse('begin '), acks: parse('ack '), errors });
    });
  });
}

/// What the acknowledged changes say the workspace must hold.
class ExpectedState {
  readonly annotations = new Map<string, { docId: string; label: string; note?: string } | 'deleted'>();
  readonly speakers = new Map<string, { docId: string; actor: string }>();
  readonly documents = new Set<string>();

  apply(op: Op): void {
    const forgetLinks = (id: string) => {
      for (const [quote, link] of this.speakers) if (quote === id || link.actor === id) this.speakers.delete(quote);
    };
    const current = op.id ? this.annotations.get(op.id) : undefined;
    if (op.op === 'import' && op.id) this.documents.add(op.id);
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
    if (op.op === 'import' || !op.id) return;
    const file = files.get(op.docId!);
    const found = file?.annotations.find((a) => a.id === op.id);
    this.annotations.set(op.id, found ? { docId: found.docId, label: found.label, ...(found.note ? { note: JSON.stringify(found.note) } : {}) } : 'deleted');
    for (const [quote, link] of this.speakers) if (quote === op.id || link.actor === op.id) this.speakers.delete(quote);
  }

  /// Differences between this and the files on disk.
  compare(files: Map<string, DocumentFile>): string[] {
    const lost: string[] = [];
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
export async function runCrashTest(options: { kills: number; seed: number; maxDelayMs?: number; onKill?: (done: number) => void }): Promise<CrashTestResult> {
  const writer = await bundleWriter();
  const dir = join(mkdtempSync(join(tmpdir(), 'awb-crash-ws-')), 'workspace');
  const seeding = await Workspace.open(dir);
  await importSeeds(seeding, join(repoRoot, 'seeds'));
  const expected = new ExpectedState();
  for (const d of seeding.listDocuments()) expected.documents.add(d.id);
  await seeding.close();
  const random = seededRandom(options.seed);
  const result: CrashTestResult = { seed: options.seed, kills: 0, acknowledged: 0, corruptWorkspaces: 0, lostChanges: 0, failures: [] };
  for (let k = 0; k < options.kills; k++) {
    const runSeed = Math.floor(random() * 2 ** 31);
    const { begins, acks, errors } = await runAndKill(writer, dir, runSeed, Math.floor(random() * (options.maxDelayMs ?? 250)));
    result.kills++;
    if (errors.trim()) result.failures.push(`kill ${k} (run seed ${runSeed}): the writer failed: ${errors.trim().split('\n')[0]}`);
    for (const op of acks) expected.apply(op);
    result.acknowledged += acks.length;
    // Opening for writing runs recovery (stale temp files, lock of the dead writer, index).
    const reopened = await Workspace.open(dir);
    const files = new Map<string, DocumentFile>();
    for (const d of reopened.listDocuments()) files.set(d.id, await reopened.readDocument(d.id));
    await reopened.close();
    const problems = (await checkWorkspace(dir)).problems;
    if (problems.length) {
      result.corruptWorkspaces++;
      result.failures.push(`kill ${k} (seed ${options.seed}, run seed ${runSeed}): ${problems.join('; ')}`);
    }
    if (begins.length > acks.length) expected.adopt(begins[begins.length - 1], files);
    const lost = expected.compare(files);
    if (lost.length) {
      result.lostChanges += lost.length;
      result.failures.push(`kill ${k} (seed ${options.seed}, run seed ${runSeed}): ${lost.slice(0, 5).join('; ')}`);
      // Start the next round from what is really there, so one loss is reported once.
      for (const op of begins) expected.adopt(op, files);
    }
    options.onKill?.(k + 1);
  }
  return result;
}
