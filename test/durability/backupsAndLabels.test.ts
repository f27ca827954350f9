// Findings: backups named in the future wiped out new ones; a workspace changed only from the CLI
// had no backups; a label could be removed while a save still used it; writes followed a
// symlinked document file out of the workspace; a rejected first import kept the seeds away.
import { copyFileSync, lstatSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSeeds } from '../../main/core/importArticles';
import { DEFAULT_LABELS } from '../../main/core/model';
import { BACKUPS_KEPT, listBackups, snapshotWorkspace } from '../../main/core/store/backups';
import { checkWorkspace } from '../../main/core/store/checkWorkspace';
import { Workspace } from '../../main/core/store/workspace';
import { createWorkbench } from '../../main/service/workbench';
import { awb, repoRoot, tempDir } from '../helpers';

async function seeded() {
  const dir = tempDir();
  const ws = await Workspace.open(dir);
  await importSeeds(ws, join(repoRoot, 'seeds'));
  return { dir, ws, api: createWorkbench(ws), docId: ws.listDocuments()[0].id };
}

describe('backups after a clock that ran ahead', () => {
  it('keep the snapshot just taken, list it first, and a restore names a safety backup that exists', async () => {
    const { dir, ws, api, docId } = await seeded();
    for (let i = 0; i < BACKUPS_KEPT; i++) await snapshotWorkspace(dir, { now: new Date(Date.UTC(2099, 0, 1, 0, 0, i)) });
    const future = await listBackups(dir);
    await api.annotations.create({ docId, label: 'actor', start: 0, end: 5 });
    const present = await ws.backup();
    const after = await listBackups(dir);
    expect(after).toHaveLength(BACKUPS_KEPT);
    expect(after[0].name).toBe(present.name);
    // The oldest of the future-named ones went, not the new one.
    expect(after.map((b) => b.name)).not.toContain(future[future.length - 1].name);
    const safety = await ws.restoreBackup(future[0].name);
    expect((await listBackups(dir)).map((b) => b.name)).toContain(safety.name);
    expect((await listBackups(dir))[0].name).toBe(safety.name);
    // The present state is in the safety backup.
    const copy = JSON.parse(readFileSync(join(dir, 'backups', safety.name, 'documents', `${docId.slice(7)}.json`), 'utf8'));
    expect(copy.annotations).toHaveLength(1);
    await ws.close();
  });
});

describe('a workspace used only from the command line', () => {
  it('has a backup of each change, from which a damaged document is repaired', async () => {
    const dir = tempDir();
    expect(awb('import', ...['000_c762acb0b8e09f19.txt', '001_4cd43b957855e42c.txt'].map((f) => join(repoRoot, 'seeds', f)), '--workspace', dir).code).toBe(0);
    const backups = await listBackups(dir);
    expect(backups).toHaveLength(1);
    expect(backups[0].documents).toBe(2);
    const ws = await Workspace.open(dir, { readOnly: true });
    const docId = ws.listDocuments()[0].id;
    writeFileSync(join(dir, 'documents', `${docId.slice(7)}.json`), '{"truncated": ');
    const writable = await Workspace.open(dir);
    expect((await writable.readDocument(docId)).document.id).toBe(docId);
    expect(writable.notices.join('\n')).toMatch(/was damaged .* restored from the backup of/);
    await writable.close();
    expect((await checkWorkspace(dir)).problems).toEqual([]);
  });

  it('has a missing document file restored from the newest backup, with a message', async () => {
    const { dir, ws, docId } = await seeded();
    await ws.close();
    rmSync(join(dir, 'documents', `${docId.slice(7)}.json`));
    const writable = await Workspace.open(dir, { app: 'awb repair' });
    expect((await writable.readDocument(docId)).document.id).toBe(docId);
    expect(writable.notices.join('\n')).toMatch(/was missing\. It was restored from the backup of/);
    await writable.close();
    expect((await checkWorkspace(dir)).problems).toEqual([]);
  });

  it('takes no new backup for a command that changed nothing', async () => {
    const { dir, ws } = await seeded();
    await ws.close();
    const before = (await listBackups(dir)).length;
    await (await Workspace.open(dir)).close();
    await (await Workspace.open(dir)).close();
    expect((await listBackups(dir)).length).toBe(before);
  });
});

describe('removing a label', () => {
  it('is refused while a save that uses it is still on its way', async () => {
    const { dir, ws, api, docId } = await seeded();
    const creating = api.annotations.create({ docId, label: 'figure', start: 0, end: 5 });
    const removing = api.labels.save(DEFAULT_LABELS.filter((l) => l.id !== 'figure'));
    await creating;
    await expect(removing).rejects.toThrow('label "figure" is used by 1 annotation and cannot be removed');
    expect(ws.labels.map((l) => l.id)).toContain('figure');
    await ws.close();
    expect((await checkWorkspace(dir)).problems).toEqual([]);
  });

  it('waits for a save that repairs its document first, without either waiting for ever', async () => {
    const { dir, ws, api, docId } = await seeded();
    await ws.backup();
    await ws.close();
    writeFileSync(join(dir, 'documents', `${docId.slice(7)}.json`), 'damaged');
    const reopened = await Workspace.open(dir);
    const reapi = createWorkbench(reopened);
    // The save reads (and repairs) the document inside its write; the label change waits for it.
    const creating = reapi.annotations.create({ docId, label: 'figure', start: 0, end: 5 });
    const removing = reapi.labels.save(DEFAULT_LABELS.filter((l) => l.id !== 'figure'));
    await creating;
    await expect(removing).rejects.toThrow(/label "figure" is used by 1 annotation/);
    expect(reopened.notices.join('\n')).toMatch(/was damaged/);
    await reopened.close();
    void api;
  });

  it('goes through when no document uses it', async () => {
    const { ws, api } = await seeded();
    expect((await api.labels.save(DEFAULT_LABELS.filter((l) => l.id !== 'figure'))).map((l) => l.id)).not.toContain('figure');
    await ws.close();
  });
});

describe('a document file that is a symbolic link', () => {
  it('is replaced by a file in the workspace, and what it pointed to is left alone', async () => {
    const { dir, ws, docId } = await seeded();
    await ws.close();
    const file = join(dir, 'documents', `${docId.slice(7)}.json`);
    const outside = join(tempDir(), 'outside.json');
    copyFileSync(file, outside);
    const original = readFileSync(outside);
    rmSync(file);
    symlinkSync(outside, file);
    const reopened = await Workspace.open(dir);
    await createWorkbench(reopened).annotations.create({ docId, label: 'actor', start: 0, end: 5 });
    await reopened.close();
    expect(readFileSync(outside)).toEqual(original);
    expect(lstatSync(file).isSymbolicLink()).toBe(false);
    expect(JSON.parse(readFileSync(file, 'utf8')).annotations).toHaveLength(1);
  });
});

describe('a first import that was all rejected', () => {
  it('leaves the workspace new, so the app still imports the seed articles', async () => {
    const dir = tempDir();
    const empty = join(tempDir(), 'empty.txt');
    writeFileSync(empty, '');
    expect(awb('import', empty, '--workspace', dir).code).toBe(1);
    const ws = await Workspace.open(dir);
    expect(ws.created).toBe(true);
    await ws.close();
  });
});

describe('awb check', () => {
  it('reports a stored span that cuts an emoji in half (stored before imports refused them)', async () => {
    const dir = tempDir();
    const ws = await Workspace.open(dir);
    const text = 'Rebels 😀 left.';
    const { articleFromBytes } = await import('../../main/core/text/readArticle');
    await ws.importArticle(articleFromBytes('emoji.txt', new TextEncoder().encode(text)));
    const docId = ws.listDocuments()[0].id;
    await createWorkbench(ws).annotations.create({ docId, label: 'actor', start: 0, end: 6 });
    await ws.close();
    const file = join(dir, 'documents', `${docId.slice(7)}.json`);
    const data = JSON.parse(readFileSync(file, 'utf8'));
    Object.assign(data.annotations[0], { end: 8, quote: text.slice(0, 8) });
    writeFileSync(file, JSON.stringify(data));
    expect((await checkWorkspace(dir)).problems.join('\n')).toMatch(/the span 0–8 ends inside a character/);
  });
});
