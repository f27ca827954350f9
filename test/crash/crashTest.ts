// The parent half of the crash test: starts the writer, kills it with SIGKILL at a random moment
// (or lets it kill itself between a document's write and its index write), reopens the workspace,
// and checks that every file is valid, `awb check` finds nothing, every change the writer saw
// acknowledged is there, and the SQL index agrees with the document files.
import { mkdtempSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { importSeeds } from '../../main/core/importArticles';
import type { Annotation, DocumentFile } from '../../main/core/model';
import { checkWorkspace } from '../../main/core/store/checkWorkspace';
import { INDEX_FILE, removeIndexFiles } from '../../main/core/store/sqlIndex/indexDatabase';
import { Workspace } from '../../main/core/store/workspace';
import { LOCK_STALE_MS } from '../../main/core/store/workspaceLock';
import { seededRandom } from '../seededRandom';
import { documentFilesOnDisk, indexBehindFile, indexDisagreements } from './indexAgreement';
import type { KillPoint, KillPointReached } from './indexKillPoint';
import { WriterProcess, type Op } from './writerProcess';

/// How a crash test went.
export interface CrashTestResult {
  seed: number;
  kills: number;
  /// Kills at the kill point between a document's durable write and its index write, by the
  /// write's kind (an import, an annotation change).
  killPoints: Record<KillPoint['kind'], number>;
  acknowledged: number;
  corruptWorkspaces: number;
  lostChanges: number;
  /// Kills after which the index file was deleted or truncated, or its write-ahead log cut short.
  damagedIndexes: number;
  /// Reopened workspaces whose index failed or disagreed with the document files.
  indexDisagreements: number;
  /// Rounds in which the writer was paused past the lock's stale time and another let in.
  stalls: number;
  failures: string[];
}

const repoRoot = join(import.meta.dirname, '..', '..');

/// Bundles the writer once, so each of the thousand starts costs only Node's own start-up.
async function bundleWriter(): Promise<string> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'awb-crash-')), 'writer.cjs');
  // better-sqlite3 stays out of the bundle: its native module is found from its own package.
  await build({
    entryPoints: [join(repoRoot, 'test', 'crash', 'crashWriter.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'error',
    external: ['better-sqlite3'],
  });
  return outfile;
}

/// How long a writer may take to reach its kill point before it is killed anyway.
const KILL_POINT_TIMEOUT_MS = 20_000;

/// Runs the writer until a random moment after it is ready, then kills it.
async function runAndKill(writer: string, dir: string, seed: number, delayMs: number): Promise<WriterProcess> {
  const run = new WriterProcess(writer, dir, seed);
  await run.ready;
  await sleep(delayMs);
  await run.kill();
  return run;
}

/// Runs the writer until it kills itself at `point` (or, past the timeout, kills it).
async function runToKillPoint(writer: string, dir: string, seed: number, point: KillPoint): Promise<WriterProcess> {
  const run = new WriterProcess(writer, dir, seed, '', point);
  if (await run.exited(KILL_POINT_TIMEOUT_MS)) return run;
  await run.kill();
  run.errors += `never reached its kill point in ${KILL_POINT_TIMEOUT_MS / 1000} s (does the store still write the index through WorkspaceIndex.${point.kind === 'import' ? 'putDocument' : 'updateDocument'}?)\n`;
  return run;
}

/// A kill point: mostly annotation changes (any of the first 20), else one of the first two
/// imports (the writer imports in about one change in twenty).
function pickKillPoint(random: () => number): KillPoint {
  return random() < 0.3 ? { kind: 'import', nth: 1 + Math.floor(random() * 2) } : { kind: 'update', nth: 1 + Math.floor(random() * 20) };
}

/// What to expect of an annotation as a file holds it (or does not).
function expectedOf(found: Annotation | undefined): ExpectedAnnotation {
  return found ? { docId: found.docId, label: found.label, ...(found.note ? { note: JSON.stringify(found.note) } : {}) } : 'deleted';
}

type ExpectedAnnotation = { docId: string; label: string; note?: string } | 'deleted';

/// What the acknowledged changes say the workspace must hold.
class ExpectedState {
  readonly annotations = new Map<string, ExpectedAnnotation>();
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
    this.annotations.set(op.id, expectedOf(found));
    for (const [quote, link] of this.speakers) if (quote === op.id || link.actor === op.id) this.speakers.delete(quote);
  }

  /// Takes what is on disk for everything expected (after a loss, so that it is reported once).
  adoptAll(files: Map<string, DocumentFile>, labels: string[]): void {
    const all = new Map([...files.values()].flatMap((f) => f.annotations.map((a) => [a.id, a] as const)));
    for (const id of this.annotations.keys()) {
      this.annotations.set(id, expectedOf(all.get(id)));
    }
    for (const [quote, link] of this.speakers) if (!files.get(link.docId)?.relations.some((r) => r.from === quote && r.to === link.actor)) this.speakers.delete(quote);
    for (const id of this.documents) if (!files.has(id)) this.documents.delete(id);
    for (const id of this.labels) if (!labels.includes(id)) this.labels.delete(id);
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
  /// The share of kills made at the kill point between a document write and its index write.
  killPointShare?: number;
  /// The share of kills after which the index is damaged (see `damageIndex`).
  damageIndexShare?: number;
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
  const result: CrashTestResult = {
    seed: options.seed,
    kills: 0,
    killPoints: { import: 0, update: 0 },
    stalls: 0,
    acknowledged: 0,
    corruptWorkspaces: 0,
    lostChanges: 0,
    damagedIndexes: 0,
    indexDisagreements: 0,
    failures: [],
  };
  for (let k = 0; k < options.kills; k++) {
    const runSeed = Math.floor(random() * 2 ** 31);
    const delayMs = Math.floor(random() * (options.maxDelayMs ?? 250));
    const point = random() < (options.killPointShare ?? 0.3) ? pickKillPoint(random) : null;
    const damage = random() < (options.damageIndexShare ?? 0.1) ? random() : null;
    const run = point ? await runToKillPoint(writer, dir, runSeed, point) : await runAndKill(writer, dir, runSeed, delayMs);
    let round = `kill ${k} (seed ${options.seed}, run seed ${runSeed}${point ? `, killed before the index write of ${point.kind} ${point.nth}` : ''}`;
    result.kills++;
    if (run.errors.trim()) result.failures.push(`${round}: the writer failed: ${run.errors.trim().split('\n')[0]}`);
    for (const op of run.acks) expected.apply(op);
    result.acknowledged += run.acks.length;
    if (run.killPoint) {
      result.killPoints[run.killPoint.kind]++;
      await expectWrittenNotIndexed(dir, run, expected, result, `${round})`);
    }
    if (damage !== null) {
      round += `, then ${damageIndex(dir, damage)}`;
      result.damagedIndexes++;
    }
    round += ')';
    // Half the reopens check the index in the background, as the app does.
    await checkRound(dir, expected, result, round, [run], k % 2 === 1);
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

/// After a kill at the kill point: the change under way had its document written, so it must be
/// there as an acknowledged one must, and the index on disk must not have it yet.
async function expectWrittenNotIndexed(dir: string, run: WriterProcess, expected: ExpectedState, result: CrashTestResult, round: string): Promise<void> {
  const { kind, docId } = run.killPoint!;
  const begun = run.begins[run.begins.length - 1];
  if ((begun?.op === 'import') !== (kind === 'import')) result.failures.push(`${round}: killed before the index write of an ${kind} during ${JSON.stringify(begun)}`);
  if (kind === 'import') expected.documents.add(docId);
  else if (begun) expected.apply(begun);
  if (!(await indexBehindFile(dir, docId))) result.failures.push(`${round}: the index already held the write of ${docId} when the writer was killed before it`);
}

/// Damages the index as the kill left it, by `share`: deletes its file (below 0.2), cuts its
/// write-ahead log short (below 0.4, as a power cut may), or else truncates its file, leaving the
/// log (SQLite then takes the log's pages for the file's). Says what it did.
function damageIndex(dir: string, share: number): string {
  const path = join(dir, INDEX_FILE);
  if (share < 0.2) {
    rmSync(path);
    return `${INDEX_FILE} deleted`;
  }
  const target = share < 0.4 ? `${path}-wal` : path;
  const size = statSync(target, { throwIfNoEntry: false })?.size ?? 0;
  const length = Math.floor(((share < 0.4 ? share - 0.2 : share - 0.4) / (share < 0.4 ? 0.2 : 0.6)) * size);
  if (size) truncateSync(target, length);
  return `${target.slice(dir.length + 1)} truncated from ${size} to ${length} bytes`;
}

/// Opens the workspace for writing, which runs recovery (stale temp files, the dead writer's lock,
/// the index), waits for its index check, and compares the index with the files on disk.
async function reopenAndCompare(dir: string, background: boolean) {
  const reopened = await Workspace.open(dir, { checkIndexInBackground: background });
  try {
    await reopened.indexChecked;
    // The files as they are on disk, not as the index lists them: the index is checked against them.
    const onDisk = await documentFilesOnDisk(dir);
    return { onDisk, labels: reopened.labels.map((l) => l.id), disagreements: await indexDisagreements(reopened, onDisk.files) };
  } finally {
    await reopened.close();
  }
}

/// Reopens the workspace after a round (checking its index in the background when `background`)
/// and checks it against the files and what was acknowledged.
async function checkRound(
  dir: string,
  expected: ExpectedState,
  result: CrashTestResult,
  round: string,
  writers: { begins: Op[]; acks: Op[]; killPoint?: KillPointReached | null }[],
  background = false,
): Promise<void> {
  let reopened: Awaited<ReturnType<typeof reopenAndCompare>>;
  try {
    reopened = await reopenAndCompare(dir, background);
  } catch (error) {
    result.indexDisagreements++;
    result.failures.push(`${round}: the reopened workspace failed: ${error instanceof Error ? error.message : String(error)}`);
    // Started afresh, so that this round's changes are still checked and one failure is reported once.
    removeIndexFiles(dir);
    reopened = await reopenAndCompare(dir, false);
  }
  const { onDisk, labels, disagreements } = reopened;
  const files = onDisk.files;
  const problems = [...onDisk.damaged, ...(await checkWorkspace(dir)).problems];
  if (problems.length) {
    result.corruptWorkspaces++;
    result.failures.push(`${round}: ${problems.join('; ')}`);
  }
  if (disagreements.length) {
    result.indexDisagreements++;
    result.failures.push(`${round}: ${disagreements.slice(0, 5).join('; ')}`);
  }
  // A change begun but not acknowledged when its writer was killed may or may not have landed
  // (unless the writer was killed at its kill point, after the change's document was written).
  for (const { begins, acks, killPoint } of writers) if (begins.length > acks.length && !killPoint) expected.adopt(begins[begins.length - 1], files);
  const lost = expected.compare(files, labels);
  if (lost.length) {
    result.lostChanges += lost.length;
    result.failures.push(`${round}: ${lost.slice(0, 5).join('; ')}`);
    // Start the next round from what is really there, so one loss is reported once.
    expected.adoptAll(files, labels);
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
