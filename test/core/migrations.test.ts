import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importSeeds } from '../../main/core/importArticles';
import { WORKSPACE_SCHEMA_VERSION } from '../../main/core/model';
import { listBackups } from '../../main/core/store/backups';
import { MIGRATIONS, NewerSchemaError, migrate } from '../../main/core/store/migrations';
import { Workspace } from '../../main/core/store/workspace';
import { repoRoot, tempDir } from '../helpers';

// Besides the real steps, the mechanism is tested with a made-up schema 0 registered for the test.
afterEach(() => {
  delete MIGRATIONS.workspace[0];
});

describe('schema migrations', () => {
  it('apply the steps in order and report the starting version', () => {
    const steps = { 1: (f: Record<string, unknown>) => ({ ...f, b: 1 }), 2: (f: Record<string, unknown>) => ({ ...f, c: (f.b as number) + 1 }) };
    expect(migrate('x', 'workspace', { schemaVersion: 1, a: 0 }, steps, 3)).toEqual({ json: { schemaVersion: 3, a: 0, b: 1, c: 2 }, from: 1 });
    expect(migrate('x', 'workspace', { schemaVersion: 3 }, steps, 3)).toEqual({ json: { schemaVersion: 3 }, from: 3 });
    expect(() => migrate('x.json', 'workspace', { schemaVersion: 4 }, steps, 3)).toThrow(NewerSchemaError);
  });

  it('an older workspace.json is migrated on open, after a backup, and the user is told', async () => {
    const dir = tempDir();
    const ws = await Workspace.open(dir);
    await importSeeds(ws, join(repoRoot, 'seeds'));
    await ws.close();
    const current = JSON.parse(readFileSync(join(dir, 'workspace.json'), 'utf8'));
    // A made-up schema 0 that called the annotator list "people".
    const { annotators, ...rest } = current;
    writeFileSync(join(dir, 'workspace.json'), JSON.stringify({ ...rest, schemaVersion: 0, people: annotators }));
    MIGRATIONS.workspace[0] = ({ people, ...file }) => ({ ...file, annotators: people });
    const before = (await listBackups(dir)).length;
    const reopened = await Workspace.open(dir);
    expect(reopened.annotators).toEqual(annotators);
    expect(reopened.notices.join()).toMatch(new RegExp(`upgraded workspace\\.json from schema 0 to ${WORKSPACE_SCHEMA_VERSION}; the previous state is backup `));
    await reopened.close();
    expect(JSON.parse(readFileSync(join(dir, 'workspace.json'), 'utf8')).schemaVersion).toBe(WORKSPACE_SCHEMA_VERSION);
    const backups = await listBackups(dir);
    expect(backups.length).toBeGreaterThan(before);
    const oldest = backups.find((b) => JSON.parse(readFileSync(join(dir, 'backups', b.name, 'workspace.json'), 'utf8')).schemaVersion === 0);
    expect(oldest).toBeDefined();
  });

  it('a version 1 workspace.json (with the document list) becomes the current version; the documents are listed from their files', async () => {
    const dir = tempDir();
    const ws = await Workspace.open(dir);
    await importSeeds(ws, join(repoRoot, 'seeds'));
    const listed = ws.listDocuments();
    await ws.close();
    const current = JSON.parse(readFileSync(join(dir, 'workspace.json'), 'utf8'));
    // As version 1 wrote it: the document index inside workspace.json, and no SQL index.
    writeFileSync(join(dir, 'workspace.json'), JSON.stringify({ ...current, schemaVersion: 1, documents: listed }));
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `index.sqlite${suffix}`), { force: true });
    const reopened = await Workspace.open(dir);
    expect(reopened.notices.join('\n')).toMatch(new RegExp(`upgraded workspace\\.json from schema 1 to ${WORKSPACE_SCHEMA_VERSION}; the previous state is backup `));
    expect(reopened.listDocuments()).toEqual(listed);
    await reopened.close();
    const upgraded = JSON.parse(readFileSync(join(dir, 'workspace.json'), 'utf8'));
    expect(upgraded).toEqual(current);
    expect(upgraded.documents).toBeUndefined();
  });

  it('a file from a newer version is refused, not called damaged and not moved aside', async () => {
    const dir = tempDir();
    await (await Workspace.open(dir)).close();
    const file = JSON.parse(readFileSync(join(dir, 'workspace.json'), 'utf8'));
    writeFileSync(join(dir, 'workspace.json'), JSON.stringify({ ...file, schemaVersion: WORKSPACE_SCHEMA_VERSION + 1 }));
    await expect(Workspace.open(dir)).rejects.toThrow(`was written by a newer version of Annotation Workbench (schema ${WORKSPACE_SCHEMA_VERSION + 1}`);
    expect(JSON.parse(readFileSync(join(dir, 'workspace.json'), 'utf8')).schemaVersion).toBe(WORKSPACE_SCHEMA_VERSION + 1);
  });
});
