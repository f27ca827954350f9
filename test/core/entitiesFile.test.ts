import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSeeds } from '../../main/core/importArticles';
import { ENTITIES_SCHEMA_VERSION, EntitiesFileSchema } from '../../main/core/model';
import { listBackups } from '../../main/core/store/backups';
import { scanWorkspace } from '../../main/core/store/workspaceScan';
import { Workspace } from '../../main/core/store/workspace';
import { createWorkbench } from '../../main/service/workbench';
import { repoRoot, tempDir } from '../helpers';

/// A workspace of the seed articles, closed; `names` are made entities (actors) before it is.
async function seededWorkspace(...names: string[]) {
  const dir = tempDir();
  const ws = await Workspace.open(dir);
  await importSeeds(ws, join(repoRoot, 'seeds'));
  for (const name of names) await createWorkbench(ws).entities.create({ name, type: 'actor' });
  await ws.close();
  return { dir, file: join(dir, 'entities.json') };
}

/// Opens `dir`, adds entities named `names`, and closes it (which takes a snapshot).
async function addEntities(dir: string, ...names: string[]): Promise<void> {
  const ws = await Workspace.open(dir);
  for (const name of names) await createWorkbench(ws).entities.create({ name, type: 'actor' });
  await ws.close();
}

/// The entities' names of the workspace in `dir`, and what opening it told.
async function openedNames(dir: string, readOnly = false): Promise<{ names: string[]; notices: string[] }> {
  const ws = await Workspace.open(dir, { readOnly });
  const opened = { names: ws.entities.map((e) => e.name), notices: [...ws.notices] };
  await ws.close();
  return opened;
}

const DAMAGE: [string, (path: string) => void][] = [
  ['truncated', (p) => writeFileSync(p, readFileSync(p, 'utf8').slice(0, 30))],
  ['NUL-filled', (p) => writeFileSync(p, Buffer.alloc(statSync(p).size))],
  ['not JSON', (p) => writeFileSync(p, 'hello')],
  ['failing its schema', (p) => writeFileSync(p, JSON.stringify({ ...JSON.parse(readFileSync(p, 'utf8')), entities: [{ id: 1 }] }))],
];

describe('entities.json', () => {
  it('is written at the first entity, validates, and survives reopening for writing and for reading', async () => {
    const { dir, file } = await seededWorkspace('Russia', 'Sergei Lavrov');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    expect(EntitiesFileSchema.safeParse(json).success).toBe(true);
    expect(json.schemaVersion).toBe(ENTITIES_SCHEMA_VERSION);
    expect(await openedNames(dir)).toEqual({ names: ['Russia', 'Sergei Lavrov'], notices: [] });
    expect((await openedNames(dir, true)).names).toEqual(['Russia', 'Sergei Lavrov']);
  });

  it('a workspace that never had entities has none, with nothing to tell', async () => {
    const { dir, file } = await seededWorkspace();
    expect(existsSync(file)).toBe(false);
    expect(await openedNames(dir)).toEqual({ names: [], notices: [] });
    expect(await openedNames(dir, true)).toEqual({ names: [], notices: [] });
  });

  for (const [kind, damage] of DAMAGE) {
    it(`${kind}, is moved aside and restored from the newest backup holding a valid copy, and the user is told`, async () => {
      const { dir, file } = await seededWorkspace('Russia');
      await addEntities(dir, 'Sergei Lavrov'); // a newer snapshot holds both
      damage(file);
      const damagedBytes = readFileSync(file);
      // Reading without the lock changes nothing.
      await expect(Workspace.open(dir, { readOnly: true })).rejects.toThrow('entities.json is damaged');
      expect(readFileSync(file)).toEqual(damagedBytes);
      const { names, notices } = await openedNames(dir);
      expect(names).toEqual(['Russia', 'Sergei Lavrov']);
      expect(notices.join('\n')).toMatch(/entities\.json was damaged .* moved to .*damaged.* restored from the backup of /);
      const aside = readdirSync(join(dir, 'damaged'));
      expect(aside).toHaveLength(1);
      expect(aside[0]).toMatch(/^entities\.json\./);
      expect(readFileSync(join(dir, 'damaged', aside[0]))).toEqual(damagedBytes);
      expect(EntitiesFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8'))).success).toBe(true);
      expect(await openedNames(dir)).toEqual({ names: ['Russia', 'Sergei Lavrov'], notices: [] });
    });
  }

  it('damaged with no backup holding a copy, is moved aside and the list starts empty, the user told', async () => {
    const { dir, file } = await seededWorkspace('Russia');
    rmSync(join(dir, 'backups'), { recursive: true, force: true });
    writeFileSync(file, '{"schemaVersion":1,');
    const { names, notices } = await openedNames(dir);
    expect(names).toEqual([]);
    expect(notices.join('\n')).toMatch(/entities\.json was damaged .* no backup holds a valid copy.*The list of entities is empty again/s);
    expect(readdirSync(join(dir, 'damaged'))).toHaveLength(1);
  });

  it('missing, is restored from the newest backup holding one, and the user is told', async () => {
    const { dir, file } = await seededWorkspace('Russia', 'Sergei Lavrov');
    rmSync(file);
    // Reading without the lock restores nothing.
    expect(await openedNames(dir, true)).toEqual({ names: [], notices: [] });
    expect(existsSync(file)).toBe(false);
    const { names, notices } = await openedNames(dir);
    expect(names).toEqual(['Russia', 'Sergei Lavrov']);
    expect(notices.join('\n')).toMatch(/entities\.json was missing\. It was restored from the backup of /);
    expect(existsSync(file)).toBe(true);
    expect(existsSync(join(dir, 'damaged'))).toBe(false);
  });

  it('of a newer schema, is refused with what to do, not called damaged, not moved and not overwritten', async () => {
    const { dir, file } = await seededWorkspace('Russia');
    const newer = JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), schemaVersion: ENTITIES_SCHEMA_VERSION + 1, groups: [] });
    writeFileSync(file, newer);
    const message = `was written by a newer version of Annotation Workbench (schema ${ENTITIES_SCHEMA_VERSION + 1}`;
    await expect(Workspace.open(dir)).rejects.toThrow(message);
    await expect(Workspace.open(dir, { readOnly: true })).rejects.toThrow(message);
    expect(readFileSync(file, 'utf8')).toBe(newer);
    expect(existsSync(join(dir, 'damaged'))).toBe(false);
    // The refused open released the lock: a second try says the same, not "open in another window".
    await expect(Workspace.open(dir)).rejects.toThrow(message);
  });
});

describe('entities and backups', () => {
  it('a change of entities.json alone changes the files\' digest, and the next backup is taken, not skipped', async () => {
    const { dir, file } = await seededWorkspace('Russia');
    const before = await scanWorkspace(dir);
    const ws = await Workspace.open(dir);
    const newest = (await ws.backups())[0];
    expect((await ws.backup({ unlessUnchanged: true })).name).toBe(newest.name);
    await createWorkbench(ws).entities.create({ name: 'Sergei Lavrov', type: 'actor' });
    const after = await scanWorkspace(dir);
    expect(after.documentsDigest).toBe(before.documentsDigest);
    expect(after.digest).not.toBe(before.digest);
    const taken = await ws.backup({ unlessUnchanged: true });
    expect(taken.name).not.toBe(newest.name);
    expect(readFileSync(join(dir, 'backups', taken.name, 'entities.json'))).toEqual(readFileSync(file));
    expect(statSync(join(dir, 'backups', taken.name, 'entities.json')).ino).not.toBe(statSync(file).ino);
    // Unchanged since, it is not stored twice: the next snapshot links the copy.
    const next = await ws.backup();
    expect(statSync(join(dir, 'backups', next.name, 'entities.json')).ino).toBe(statSync(join(dir, 'backups', taken.name, 'entities.json')).ino);
    await ws.close();
  });

  it('restoring a backup taken before any entity existed leaves an empty list, which reopening keeps', async () => {
    const { dir, file } = await seededWorkspace();
    const ws = await Workspace.open(dir);
    const [old] = await ws.backups();
    expect(existsSync(join(dir, 'backups', old.name, 'entities.json'))).toBe(false);
    await createWorkbench(ws).entities.create({ name: 'Russia', type: 'actor' });
    const safety = await ws.restoreBackup(old.name);
    expect(ws.entities).toEqual([]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ schemaVersion: ENTITIES_SCHEMA_VERSION, entities: [] });
    // The safety snapshot holds the entity, and restoring it brings it back.
    await ws.restoreBackup(safety.name);
    expect(ws.entities.map((e) => e.name)).toEqual(['Russia']);
    await ws.restoreBackup(old.name);
    await ws.close();
    expect(await openedNames(dir)).toEqual({ names: [], notices: [] });
  });

  it('a backup whose entities.json cannot be read (newer schema, damaged) is refused before anything is restored', async () => {
    const { dir, file } = await seededWorkspace('Russia');
    const ws = await Workspace.open(dir);
    const api = createWorkbench(ws);
    const newer = await ws.backup();
    const damaged = await ws.backup();
    const copy = (name: string) => join(dir, 'backups', name, 'entities.json');
    for (const name of [newer.name, damaged.name]) rmSync(copy(name)); // a hard link to the previous copy: not changed in place
    writeFileSync(copy(newer.name), JSON.stringify({ schemaVersion: ENTITIES_SCHEMA_VERSION + 1, entities: [] }));
    writeFileSync(copy(damaged.name), '{"schemaVersion":1,');
    await api.entities.create({ name: 'Sergei Lavrov', type: 'actor' });
    const doc = ws.listDocuments()[0].id;
    await api.annotations.create({ docId: doc, label: 'actor', start: 0, end: 5 });
    const live = readFileSync(file, 'utf8');
    await expect(ws.restoreBackup(newer.name)).rejects.toThrow(`backup ${newer.name} has an entities.json that cannot be read`);
    await expect(ws.restoreBackup(damaged.name)).rejects.toThrow(`backup ${damaged.name} has an entities.json that cannot be read`);
    expect(ws.entities.map((e) => e.name)).toEqual(['Russia', 'Sergei Lavrov']);
    expect(readFileSync(file, 'utf8')).toBe(live);
    expect((await ws.readDocument(doc)).annotations).toHaveLength(1);
    await ws.close();
  });

  it('restoring a backup brings back its entities with its documents, links included', async () => {
    const { dir } = await seededWorkspace('Russia');
    const ws = await Workspace.open(dir);
    const api = createWorkbench(ws);
    const [russia] = ws.entities;
    const doc = ws.listDocuments()[0].id;
    const text = (await ws.readDocument(doc)).document.text;
    const start = text.indexOf('Russia');
    await api.annotations.create({ docId: doc, label: 'actor', start, end: start + 6, entityId: russia.id });
    const linked = await ws.backup();
    await api.entities.delete(russia.id);
    expect((await api.entities.list()).length).toBe(0);
    await ws.restoreBackup(linked.name);
    expect((await api.entities.list()).map((e) => [e.name, e.mentions])).toEqual([['Russia', 1]]);
    await ws.close();
    expect((await listBackups(dir)).length).toBeGreaterThan(2);
  });
});
