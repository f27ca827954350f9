import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArticleFiles, importSeeds } from '../../main/core/importArticles';
import { checkWorkspace } from '../../main/core/store/checkWorkspace';
import { DamagedFileError } from '../../main/core/store/durableJsonFile';
import { Workspace, WorkspaceError } from '../../main/core/store/workspace';
import { WorkspaceLockedError } from '../../main/core/store/workspaceLock';
import { articleFromBytes } from '../../main/core/text/readArticle';
import { resolveWorkspaceDir } from '../../main/core/workspaceLocation';
import type { LibraryQuery } from '../../main/core/store/sqlIndex/libraryQuery';
import { awb, repoRoot, seedArticles, tempDir } from '../helpers';

const article = (text: string, name = 'a.txt') => articleFromBytes(name, new TextEncoder().encode(text));

describe('workspace store', () => {
  it('creates a new workspace with the default labels and one file per document', async () => {
    const dir = tempDir();
    const ws = await Workspace.open(dir);
    expect(ws.created).toBe(true);
    expect(ws.labels.map((l) => [l.id, l.key])).toEqual([['actor', '1'], ['location', '2'], ['figure', '3'], ['quote', '4']]);
    const report = await importSeeds(ws, join(repoRoot, 'seeds'));
    expect(report.imported).toHaveLength(5);
    await ws.close();
    expect(readdirSync(join(dir, 'documents'))).toHaveLength(5);
    const reopened = await Workspace.open(dir, { readOnly: true });
    expect(reopened.created).toBe(false);
    expect(reopened.listDocuments().map((d) => d.sourceName)).toEqual(seedArticles().map((path) => basename(path)));
    const doc = await reopened.readDocument(reopened.listDocuments()[0].id);
    expect(doc.document.text).toBe(readFileSync(join(repoRoot, 'seeds', doc.document.sourceName), 'utf8').normalize('NFC'));
  });

  it('reports the same text imported twice as a duplicate and adds nothing', async () => {
    const ws = await Workspace.open(tempDir());
    expect((await ws.importArticle(article('Same\ntext'))).status).toBe('imported');
    // Other bytes, same normalised text: the same document.
    const again = await ws.importArticle(article('Same\r\ntext', 'other.txt'));
    expect(again.status).toBe('duplicate');
    expect(ws.listDocuments()).toHaveLength(1);
    await ws.close();
  });

  it('imports a batch with one index write, reporting a repeated text as a duplicate', async () => {
    const dir = tempDir();
    const ws = await Workspace.open(dir);
    const outcomes = await ws.importArticles([article('One'), article('Two'), article('One', 'again.txt')]);
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported', 'duplicate']);
    await ws.close();
    expect((await Workspace.open(dir, { readOnly: true })).listDocuments().map((d) => d.title)).toEqual(['One', 'Two']);
    expect((await checkWorkspace(dir)).problems).toEqual([]);
  });

  it('imports concurrently without losing index entries', async () => {
    const dir = tempDir();
    const ws = await Workspace.open(dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => ws.importArticle(article(`Article number ${i}`))));
    await ws.close();
    expect((await Workspace.open(dir, { readOnly: true })).listDocuments()).toHaveLength(20);
    expect((await checkWorkspace(dir)).problems).toEqual([]);
  });

  it('writes through temp file and rename, leaving no temp files', async () => {
    const dir = tempDir();
    const ws = await Workspace.open(dir);
    await ws.importArticle(article('Durable'));
    await ws.close();
    expect(readdirSync(dir).filter((n) => n.includes('.json.'))).toEqual([]);
    expect(readdirSync(join(dir, 'documents')).every((n) => /^[0-9a-f]{64}\.json$/.test(n))).toBe(true);
  });

  it('refuses a second writer in the same process, naming the holder', async () => {
    const dir = tempDir();
    const ws = await Workspace.open(dir, { app: 'test holder' });
    const second = Workspace.open(dir);
    await expect(second).rejects.toBeInstanceOf(WorkspaceLockedError);
    await expect(second).rejects.toThrow(`is open in another window or process (pid ${process.pid} on ${hostname()}, test holder`);
    await ws.close();
    await (await Workspace.open(dir)).close();
  });

  it('refuses a second writer process with a clear message', async () => {
    const dir = tempDir();
    const ws = await Workspace.open(dir, { app: 'Annotation Workbench' });
    const result = awb('import', join(repoRoot, 'seeds', '000_c762acb0b8e09f19.txt'), '--workspace', dir);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `awb: workspace ${dir} is open in another window or process (pid ${process.pid} on ${hostname()}, Annotation Workbench, since ${JSON.parse(readFileSync(join(dir, '.lock', 'owner.json'), 'utf8')).since}); close it first`,
    );
    await ws.close();
    expect(awb('import', join(repoRoot, 'seeds', '000_c762acb0b8e09f19.txt'), '--workspace', dir).code).toBe(0);
  });

  it('takes over the lock of a process that crashed', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.lock'));
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    writeFileSync(join(dir, '.lock-owner.json'), JSON.stringify({ pid: dead, host: hostname(), app: 'x', since: 'then' }));
    const ws = await Workspace.open(dir);
    expect(JSON.parse(readFileSync(join(dir, '.lock', 'owner.json'), 'utf8')).pid).toBe(process.pid);
    await ws.close();
    expect(existsSync(join(dir, '.lock'))).toBe(false);
  });

  it('validates files on load and names the damaged file', async () => {
    const dir = tempDir();
    const ws = await Workspace.open(dir);
    await ws.close();
    writeFileSync(join(dir, 'workspace.json'), '{"schemaVersion":1,"labels":"nope"}');
    const open = Workspace.open(dir, { readOnly: true });
    await expect(open).rejects.toBeInstanceOf(DamagedFileError);
    await expect(open).rejects.toThrow(`${join(dir, 'workspace.json')} is damaged: labels:`);
    writeFileSync(join(dir, 'workspace.json'), '\0\0\0');
    await expect(Workspace.open(dir, { readOnly: true })).rejects.toThrow(/contains NUL bytes/);
    writeFileSync(join(dir, 'workspace.json'), JSON.stringify({ schemaVersion: 99 }));
    await expect(Workspace.open(dir, { readOnly: true })).rejects.toThrow(/written by a newer version of Annotation Workbench \(schema 99/);
  });

  it('check finds a document whose text no longer matches its id; a file gone is restored from a backup on the next open', async () => {
    const dir = tempDir();
    const ws = await Workspace.open(dir);
    const { document } = (await ws.importArticle(article('Original text'))) as { document: { id: string } };
    await ws.importArticle(article('Other text'));
    await ws.close();
    const file = join(dir, 'documents', document.id.slice(7) + '.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.document.text = 'Tampered text';
    writeFileSync(file, JSON.stringify(data));
    expect((await checkWorkspace(dir)).problems).toEqual([
      `documents/${document.id.slice(7)}.json: the id does not match the SHA-256 of the text`,
    ]);
    unlinkSync(file);
    expect((await checkWorkspace(dir)).problems).toEqual([]);
    // The index remembers it: the next open restores it from the newest backup.
    const reopened = await Workspace.open(dir);
    expect(reopened.listDocuments().map((d) => d.title)).toEqual(['Original text', 'Other text']);
    expect(reopened.notices.join()).toMatch(/documents\/[0-9a-f]{64}\.json was missing\. It was restored from the backup of /);
    await reopened.close();
    expect((await checkWorkspace(dir)).problems).toEqual([]);
  });

  it('a read-only workspace refuses writes, and reading a missing workspace says so', async () => {
    const dir = tempDir();
    await (await Workspace.open(dir)).close();
    const ro = await Workspace.open(dir, { readOnly: true });
    await expect(ro.importArticle(article('x'))).rejects.toThrow(WorkspaceError);
    await expect(Workspace.open(join(dir, 'nope'), { readOnly: true })).rejects.toThrow(/no workspace at/);
  });

  it('reports bad files and still imports the good ones', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.txt'), 'Good article');
    writeFileSync(join(dir, 'empty.txt'), '');
    const ws = await Workspace.open(join(dir, 'ws'));
    const report = await importArticleFiles(ws, [join(dir, 'good.txt'), join(dir, 'empty.txt')]);
    await ws.close();
    expect(report.imported.map((i) => i.document.title)).toEqual(['Good article']);
    expect(report.rejected).toEqual([{ name: join(dir, 'empty.txt'), reason: 'the file is empty' }]);
  });

  it('imports many files a batch at a time, telling the progress, a repeat across batches a duplicate', async () => {
    const dir = tempDir();
    const paths = Array.from({ length: 450 }, (_, i) => {
      const path = join(dir, `a${i}.txt`);
      writeFileSync(path, `Article number ${i % 400}`);
      return path;
    });
    const ws = await Workspace.open(join(dir, 'ws'));
    const progress: [number, number][] = [];
    const report = await importArticleFiles(ws, paths, (done, total) => void progress.push([done, total]));
    expect(progress).toEqual([[200, 450], [400, 450], [450, 450]]);
    expect(report.imported).toHaveLength(400);
    expect(report.duplicates.map((d) => d.name)).toEqual(paths.slice(400));
    expect(ws.documentCount()).toBe(400);
    await ws.close();
  });
});

describe('workspace location', () => {
  it('prefers --workspace, then AWB_WORKSPACE, then the app data folder', () => {
    expect(resolveWorkspaceDir('/a/b', { AWB_WORKSPACE: '/c' })).toBe('/a/b');
    expect(resolveWorkspaceDir(undefined, { AWB_WORKSPACE: '/c' })).toBe('/c');
    if (process.platform === 'linux') {
      expect(resolveWorkspaceDir(undefined, { XDG_CONFIG_HOME: '/cfg' })).toBe('/cfg/Annotation Workbench/workspace');
    }
  });
});

describe('the library (pages from the SQL index)', () => {
  it('sends each entry without importedAt, which the library does not show, in import order by default', async () => {
    const ws = await Workspace.open(tempDir());
    await importSeeds(ws, join(repoRoot, 'seeds'));
    const page = await ws.libraryPage({ offset: 0, limit: 100 });
    expect(page.total).toBe(5);
    expect(page.all).toBe(5);
    expect(page.documents.map((d) => Object.keys(d).sort())).toEqual(page.documents.map(() => ['characters', 'counts', 'id', 'meta', 'mine', 'sourceName', 'status', 'title']));
    expect(page.documents).toEqual(ws.listDocuments().map(({ importedAt: _importedAt, ...rest }) => ({ ...rest, status: 'todo', mine: 0 })));
    expect(ws.listDocuments()[0].importedAt).toMatch(/^\d{4}-/);
    await ws.close();
  });

  it('sorts, filters (ignoring case and accents) and pages in the index', async () => {
    const ws = await Workspace.open(tempDir());
    for (const [i, title] of ['Été à Alep', 'beta report', 'Alpha', 'gamma: Aleppo falls'].entries()) {
      await ws.importArticle(articleFromBytes(`doc-${i}.txt`, new TextEncoder().encode(`${title}\n\n${'word '.repeat(i + 1)}`)));
    }
    const titles = async (query: Omit<LibraryQuery, 'offset' | 'limit'>, offset = 0, limit = 10) =>
      (await ws.libraryPage({ offset, limit, ...query })).documents.map((d) => d.title);
    expect(await titles({ sort: 'title' })).toEqual(['Alpha', 'beta report', 'gamma: Aleppo falls', 'Été à Alep']);
    const longestFirst = (await ws.libraryPage({ offset: 0, limit: 10, sort: 'characters', descending: true })).documents.map((d) => d.characters);
    expect(longestFirst).toEqual([...longestFirst].sort((a, b) => b - a));
    expect(new Set(longestFirst).size).toBe(4);
    expect(await titles({ sort: 'title' }, 1, 2)).toEqual(['beta report', 'gamma: Aleppo falls']);
    expect(await titles({ filter: 'ALEP' })).toEqual(['Été à Alep', 'gamma: Aleppo falls']);
    expect(await titles({ filter: 'ete a' })).toEqual(['Été à Alep']);
    expect(await titles({ filter: 'doc-2' })).toEqual(['Alpha']);
    const filtered = await ws.libraryPage({ offset: 0, limit: 1, filter: 'alep' });
    expect([filtered.total, filtered.all, filtered.documents.length]).toEqual([2, 4, 1]);
    await ws.close();
  });
});

describe('annotation changes in the store', () => {
  it('are on disk when acknowledged, keep the library counts right, and survive reopening', async () => {
    const dir = tempDir();
    const { createWorkbench } = await import('../../main/service/workbench');
    const ws = await Workspace.open(dir);
    await importSeeds(ws, join(repoRoot, 'seeds'));
    const api = createWorkbench(ws);
    const doc = ws.listDocuments()[1];
    const text = (await ws.readDocument(doc.id)).document.text;
    const start = text.indexOf('Sergei Lavrov');
    const created = await api.annotations.create({ docId: doc.id, label: 'actor', start, end: start + 'Sergei Lavrov'.length });
    const onDisk = JSON.parse(readFileSync(join(dir, 'documents', doc.id.slice(7) + '.json'), 'utf8'));
    expect(onDisk.annotations).toEqual([created]);
    // The library's counts follow in the same step.
    expect((await ws.libraryPage({ offset: 1, limit: 1 })).documents[0].counts).toEqual({ actor: 1 });
    await api.annotations.update({ docId: doc.id, id: created.id, label: 'location' });
    await ws.close();
    const reopened = await Workspace.open(dir, { readOnly: true });
    expect((await reopened.readDocument(doc.id)).annotations.map((a) => [a.label, a.quote])).toEqual([['location', 'Sergei Lavrov']]);
    expect(reopened.listDocuments()[1].counts).toEqual({ location: 1 });
    expect((await checkWorkspace(dir)).problems).toEqual([]);
  });
});
