// Findings: a writer paused past the stale time kept writing from memory over the work of the
// process that took its lock; a long synchronous task let the lock go stale; two processes
// taking over a dead process's lock at once could both get it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importSeeds } from '../../main/core/importArticles';
import { checkWorkspace } from '../../main/core/store/checkWorkspace';
import { Workspace } from '../../main/core/store/workspace';
import { LOCK_STALE_MS, WorkspaceLock, WorkspaceLockedError } from '../../main/core/store/workspaceLock';
import { dispatch } from '../../main/service/dispatch';
import { createWorkbench } from '../../main/service/workbench';
import { repoRoot, tempDir } from '../helpers';
import { HolderProcess, bundleScript } from './lockProcesses';

let holderScript = '';
let takerScript = '';
beforeAll(async () => {
  holderScript = await bundleScript(join(import.meta.dirname, 'lockHolder.ts'));
  takerScript = await bundleScript(join(import.meta.dirname, 'lockTaker.ts'));
}, 60_000);

async function seeded(): Promise<{ dir: string; docId: string }> {
  const dir = tempDir();
  const ws = await Workspace.open(dir);
  await importSeeds(ws, join(repoRoot, 'seeds'));
  const docId = ws.listDocuments()[0].id;
  await ws.close();
  return { dir, docId };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a writer paused past the stale time', () => {
  it('does not overwrite what the process that took its lock wrote, and takes the lock back after it', async () => {
    const { dir, docId } = await seeded();
    const holder = new HolderProcess(holderScript, dir);
    expect(await holder.next()).toBe('ready');
    expect(await holder.ask(`create ${docId} 0 5`)).toMatch(/^ok /);
    holder.child.kill('SIGSTOP');
    await pause(LOCK_STALE_MS + 1_500);
    // Another writer gets in, as `awb import` did, adds a label and an annotation, and leaves.
    const other = await Workspace.open(dir, { app: 'awb import' });
    await other.updateIndex((index) => ({ ...index, labels: [...index.labels, { id: 'source', name: 'source', color: '#888888', key: '5' }] }));
    const theirs = await createWorkbench(other).annotations.create({ docId, label: 'source', start: 10, end: 15 });
    await other.close();
    // The paused writer's next change is queued before it resumes.
    holder.send(`create ${docId} 20 25`);
    holder.child.kill('SIGCONT');
    expect(await holder.next()).toMatch(/^ok /);
    const notices = JSON.parse(await holder.ask('notices')) as string[];
    expect(notices.join('\n')).toMatch(/another program wrote to this workspace while this one was paused/);
    holder.send('close');
    expect(await holder.exited()).toBe(0);
    const ws = await Workspace.open(dir, { readOnly: true });
    expect(ws.labels.map((l) => l.id)).toContain('source');
    const annotations = (await ws.readDocument(docId)).annotations;
    // (Spans are trimmed of white space, so starts are compared loosely.)
    expect(annotations.map((a) => [Math.floor(a.start / 10), a.label])).toEqual([[0, 'actor'], [1, 'source'], [2, 'actor']]);
    expect(annotations.some((a) => a.id === theirs.id)).toBe(true);
    expect((await checkWorkspace(dir)).problems).toEqual([]);
  }, 60_000);

  it('refuses to write while the other process still holds the lock, then writes once it is gone', async () => {
    const { dir, docId } = await seeded();
    const holder = new HolderProcess(holderScript, dir);
    expect(await holder.next()).toBe('ready');
    holder.child.kill('SIGSTOP');
    await pause(LOCK_STALE_MS + 1_500);
    const other = await Workspace.open(dir, { app: 'awb import' });
    const theirs = await createWorkbench(other).annotations.create({ docId, label: 'figure', start: 10, end: 15 });
    holder.child.kill('SIGCONT');
    const refused = await holder.ask(`create ${docId} 20 25`);
    expect(refused).toMatch(/^error lock-lost awb import \(pid \d+ on .*\) took over the workspace .* this change was not saved/);
    await other.close();
    expect(await holder.ask(`create ${docId} 20 25`)).toMatch(/^ok /);
    holder.send('close');
    await holder.exited();
    const annotations = (await (await Workspace.open(dir, { readOnly: true })).readDocument(docId)).annotations;
    expect(annotations.map((a) => a.id)).toContain(theirs.id);
    expect(annotations).toHaveLength(2);
  }, 60_000);
});

describe('a writer busy for longer than the stale time', () => {
  it('keeps its lock: a long synchronous task does not starve the refresh', async () => {
    const { dir } = await seeded();
    const holder = new HolderProcess(holderScript, dir);
    expect(await holder.next()).toBe('ready');
    holder.send(`busy ${LOCK_STALE_MS + 2_000}`);
    await pause(LOCK_STALE_MS + 1_000);
    await expect(Workspace.open(dir, { app: 'awb import' })).rejects.toBeInstanceOf(WorkspaceLockedError);
    expect(await holder.next()).toBe('idle');
    holder.send('close');
    await holder.exited();
  }, 60_000);
});

describe('taking over the lock of a process that died', () => {
  it('gives it to exactly one of several processes trying at once', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    for (let trial = 0; trial < 12; trial++) {
      const dir = tempDir();
      mkdirSync(join(dir, '.lock'));
      writeFileSync(join(dir, '.lock', 'owner.json'), JSON.stringify({ pid: dead, host: hostname(), app: 'crashed', since: 'then' }));
      const outcomes = await Promise.all(
        Array.from({ length: 4 }, () => {
          const child = spawn(process.execPath, [takerScript, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
          let out = '';
          child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
          return new Promise<string>((resolve) => child.on('exit', () => resolve(out.trim())));
        }),
      );
      expect(outcomes.filter((o) => o === 'took').length, `trial ${trial}: ${outcomes.join(', ')}`).toBe(1);
      expect(outcomes.filter((o) => o === 'locked')).toHaveLength(3);
    }
  }, 120_000);
});

describe('a lock that cannot be confirmed', () => {
  it('after it was released, or while it cannot be refreshed, refuses writes as failed saves, not as taken over', async () => {
    const dir = tempDir();
    const lock = await WorkspaceLock.acquire(dir, 'test');
    await lock.confirm();
    // The refresher cannot read the owner any more (a failing disk would do the same).
    rmSync(join(dir, '.lock', 'owner.json'));
    mkdirSync(join(dir, '.lock', 'owner.json'));
    await pause(3_500);
    await expect(lock.confirm()).rejects.toMatchObject({ code: 'save-failed', message: expect.stringMatching(/could not refresh the lock on the workspace .*EISDIR/) });
    expect(lock.lost).toBe(false);
    lock.release();
    await expect(lock.confirm()).rejects.toMatchObject({ code: 'save-failed', message: expect.stringContaining('was closed') });
  }, 20_000);

  it('a workspace refuses writes once closed', async () => {
    const { dir, docId } = await seeded();
    const ws = await Workspace.open(dir);
    await ws.close();
    const reply = await dispatch(createWorkbench(ws), 'annotations.create', [{ docId, label: 'actor', start: 0, end: 5 }]);
    expect(reply).toMatchObject({ ok: false, error: { message: expect.stringMatching(/was closed/) } });
  });
});
