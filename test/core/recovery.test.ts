import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSeeds } from '../../main/core/importArticles';
import { BACKUPS_KEPT, listBackups, snapshotWorkspace } from '../../main/core/store/backups';
import { checkWorkspace } from '../../main/core/store/checkWorkspace';
import { Workspace } from '../../main/core/store/workspace';
import { articleFromBytes } from '../../main/core/text/readArticle';
import { createWorkbench } from '../../main/service/workbench';
import { awb, repoRoot, tempDir } from '../helpers';

async function seededWorkspace() {
  const dir = tempDir();
  const ws = await Workspace.open(dir);
  await importSeeds(ws, join(repoRoot, 'seeds'));
  const api = createWorkbench(ws);
  const doc = ws.listDocuments()[0];
  const created = await api.annotations.create({ docId: doc.id, label: 'location', start: 0, end: 5 });
  await ws.close();
  return { dir, doc, created, docFile: join(dir, 'documents', doc.id.slice(7) + '.json') };
}

const DAMAGE: [string, (path: string) => void][] = [
  ['truncated', (p) => writeFileSync(p, readFileSync(p, 'utf8').slice(0, 200))],
  ['NUL-filled', (p) => writeFileSync(p, Buffer.alloc(statSync(p).size))],
  ['not JSON', (p) => writeFileSync(p, 'hello')],
  ['failing its schema', (p) => writeFileSync(p, JSON.stringify({ ...JSON.parse(readFileSync(p, 'utf8')), annotations: [{ id: 1 }] }))],
];

describe('backups', () => {
  it('are taken when a workspace with documents is opened, never share storage with live files, and the newest 20 are kept', async () => {
    const { dir, docFile } = await seededWorkspace();
    const ws = await Workspace.open(dir);
    const [first] = await ws.backups();
    expect(first.documents).toBe(5);
    const name = docFile.split('/').pop()!;
    const copy = join(dir, 'backups', first.name, 'documents', name);
    expect(statSync(copy).ino).not.toBe(statSync(docFile).ino);
    expect(readFileSync(copy)).toEqual(readFileSync(docFile));
    // An unchanged file is not stored twice: the next snapshot links the previous copy.
    const second = await ws.backup();
    expect(statSync(join(dir, 'backups', second.name, 'documents', name)).ino).toBe(statSync(copy).ino);
    await ws.close();
    for (let i = 0; i < BACKUPS_KEPT + 3; i++) await snapshotWorkspace(dir, { now: new Date(Date.UTC(2030, 0, 1, 0, 0, i)) });
    const all = await listBackups(dir);
    expect(all).toHaveLength(BACKUPS_KEPT);
    expect(all[0].createdAt).toBe('2030-01-01T00:00:22.000Z');
  });

  it('awb backups lists them; awb restore brings one back after snapshotting the present', async () => {
    const { dir, doc } = await seededWorkspace();
    const before = JSON.parse(awb('backups', '--json', '--workspace', dir).stdout);
    expect(before.length).toBeGreaterThanOrEqual(0);
    const ws = await Workspace.open(dir);
    const [snapshot] = await ws.backups();
    await createWorkbench(ws).annotations.create({ docId: doc.id, label: 'actor', start: 10, end: 15 });
    await ws.close();
    expect(readFileSync(join(dir, 'documents', doc.id.slice(7) + '.json'), 'utf8')).toContain('"actor"');
    const restored = awb('restore', snapshot.name, '--workspace', dir);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(new RegExp(`^restored ${snapshot.name}; the state before the restore is backup `));
    expect(readFileSync(join(dir, 'documents', doc.id.slice(7) + '.json'), 'utf8')).not.toContain('"actor"');
    expect((await checkWorkspace(dir)).problems).toEqual([]);
    expect(awb('restore', 'nope', '--workspace', dir).code).toBe(1);
  });
});

describe('recovery of damaged files', () => {
  for (const [kind, damage] of DAMAGE) {
    it(`a document file ${kind} is moved aside and restored from the newest valid backup`, async () => {
      const { dir, doc, created, docFile } = await seededWorkspace();
      await (await Workspace.open(dir)).close(); // snapshot holding the annotation
      damage(docFile);
      const damagedBytes = readFileSync(docFile);
      // Reading without the lock changes nothing.
      await expect((await Workspace.open(dir, { readOnly: true })).readDocument(doc.id)).rejects.toThrow('is damaged');
      expect(readFileSync(docFile)).toEqual(damagedBytes);
      const ws = await Workspace.open(dir);
      const api = createWorkbench(ws);
      const opened = await api.documents.open(doc.id);
      expect(opened.annotations.map((a) => a.id)).toEqual([created.id]);
      expect(opened.repairNotice).toMatch(new RegExp(`documents/${doc.id.slice(7)}\\.json was damaged .* moved to .*damaged.* restored from the backup of `));
      expect((await api.documents.open(doc.id)).repairNotice).toBeUndefined();
      await ws.close();
      const aside = readdirSync(join(dir, 'damaged'));
      expect(aside).toHaveLength(1);
      expect(readFileSync(join(dir, 'damaged', aside[0]))).toEqual(damagedBytes);
      expect((await checkWorkspace(dir)).problems).toEqual([]);
    });
  }

  it('a damaged workspace.json is restored from a backup, and later documents are adopted', async () => {
    const { dir } = await seededWorkspace();
    const ws = await Workspace.open(dir);
    await ws.importArticle(articleFromBytes('later.txt', new TextEncoder().encode('Imported after the backup')));
    await ws.close();
    writeFileSync(join(dir, 'workspace.json'), '{"schemaVersion":1,');
    const reopened = await Workspace.open(dir);
    expect(reopened.notices.join('\n')).toMatch(/workspace\.json was damaged .* restored from the backup of /);
    expect(reopened.listDocuments().map((d) => d.title)).toContain('Imported after the backup');
    expect(reopened.listDocuments()).toHaveLength(6);
    await reopened.close();
    expect((await checkWorkspace(dir)).problems).toEqual([]);
  });

  it('with no backup at all, workspace.json starts afresh and the documents are listed from their files', async () => {
    const { dir } = await seededWorkspace();
    rmSync(join(dir, 'backups'), { recursive: true, force: true });
    writeFileSync(join(dir, 'workspace.json'), '\0\0\0\0');
    const ws = await Workspace.open(dir);
    expect(ws.notices.join('\n')).toMatch(/no backup holds a valid copy.*Labels and annotator names are the defaults again/s);
    expect(ws.listDocuments()).toHaveLength(5);
    expect(ws.listDocuments().map((d) => d.counts).filter((c) => Object.keys(c).length)).toEqual([{ location: 1 }]);
    await ws.close();
    expect((await checkWorkspace(dir)).problems).toEqual([]);
  });

  it('a lost workspace.json is restored from a backup: labels kept, later documents adopted, no seeds imported', async () => {
    const { dir } = await seededWorkspace();
    const ws = await Workspace.open(dir);
    await createWorkbench(ws).labels.save([...ws.labels, { id: 'weapon', name: 'Weapon', color: '#884400', key: '5' }]);
    await ws.close();
    const later = await Workspace.open(dir);
    await later.importArticle(articleFromBytes('later.txt', new TextEncoder().encode('Imported after the backup')));
    await later.close();
    rmSync(join(dir, 'workspace.json'));
    const reopened = await Workspace.open(dir);
    expect(reopened.created).toBe(false);
    expect(reopened.notices.join('\n')).toMatch(/workspace\.json was missing\. It was restored from the backup of /);
    expect(reopened.labels.map((l) => l.id)).toContain('weapon');
    expect(reopened.listDocuments().map((d) => d.title)).toContain('Imported after the backup');
    expect(reopened.listDocuments()).toHaveLength(6);
    await reopened.close();
    expect((await checkWorkspace(dir)).problems).toEqual([]);
  });

  it('a lost workspace.json with no backup starts afresh, the documents listed from their files; read-only opening says what to do', async () => {
    const { dir } = await seededWorkspace();
    rmSync(join(dir, 'backups'), { recursive: true, force: true });
    rmSync(join(dir, 'workspace.json'));
    await expect(Workspace.open(dir, { readOnly: true })).rejects.toThrow(/workspace\.json is missing; open the workspace for writing/);
    const ws = await Workspace.open(dir);
    expect(ws.created).toBe(false);
    expect(ws.notices.join('\n')).toMatch(/missing and no backup holds a valid copy; labels and annotator names are the defaults again/);
    expect(ws.listDocuments()).toHaveLength(5);
    expect(ws.listDocuments().map((d) => d.counts).filter((c) => Object.keys(c).length)).toEqual([{ location: 1 }]);
    await ws.close();
  });

  it('an empty folder is a new workspace', async () => {
    const ws = await Workspace.open(tempDir());
    expect(ws.created).toBe(true);
    expect(ws.notices).toEqual([]);
    await ws.close();
  });

  it('a temporary file left by a crash is removed when the workspace is opened', async () => {
    const { dir } = await seededWorkspace();
    writeFileSync(join(dir, 'documents', 'abc.json.123456'), '{"half');
    writeFileSync(join(dir, 'workspace.json.987'), '');
    expect((await checkWorkspace(dir)).problems.join()).toMatch(/temporary file left by an interrupted write/);
    const ws = await Workspace.open(dir);
    expect(ws.notices).toContain('removed 2 temporary file(s) left by an interrupted save');
    await ws.close();
    expect(existsSync(join(dir, 'documents', 'abc.json.123456'))).toBe(false);
    expect((await checkWorkspace(dir)).problems).toEqual([]);
  });
});
