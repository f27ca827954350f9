import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArticleFiles, importSeeds } from '../../main/core/importArticles';
import { searchDocuments } from '../../main/core/search';
import { checkWorkspace } from '../../main/core/store/checkWorkspace';
import { foldCase } from '../../main/core/store/textIndex';
import { Workspace } from '../../main/core/store/workspace';
import { awb, repoRoot, tempDir } from '../helpers';

describe('case folding keeps offsets', () => {
  it('folds case without changing length, and final sigma like sigma', () => {
    for (const text of ['İstanbul ΟΔΟΣ', 'ÀÉÎ straße 😀 ǅ', 'plain']) expect(foldCase(text)).toHaveLength(text.length);
    expect(foldCase('ΟΔΟΣ οδός')).toBe('οδοσ οδόσ');
    expect(foldCase('İx')).toBe('İx');
  });
});

describe('searching every document', () => {
  it('finds a phrase case-insensitively, most occurrences first, with context and exact offsets', async () => {
    const ws = await Workspace.open(tempDir());
    await importSeeds(ws, join(repoRoot, 'seeds'));
    const results = await searchDocuments(ws, 'ALEPPO');
    expect(results.length).toBe(5);
    expect(results.map((r) => r.count)).toEqual([...results.map((r) => r.count)].sort((a, b) => b - a));
    for (const r of results) {
      const text = (await ws.readDocument(r.id)).document.text;
      expect(r.count).toBe(text.toLowerCase().split('aleppo').length - 1);
      for (const h of r.hits) {
        expect(text.slice(h.start, h.end).toLowerCase()).toBe('aleppo');
        expect(h.match).toBe(text.slice(h.start, h.end));
      }
      expect(r.hits.length).toBeLessThanOrEqual(5);
    }
    expect(await searchDocuments(ws, 'no such phrase anywhere')).toEqual([]);
    await ws.close();
  });

  it('keeps texts.jsonl up to date on import, and heals a torn or missing index', async () => {
    const dir = tempDir();
    const ws = await Workspace.open(dir);
    await importSeeds(ws, join(repoRoot, 'seeds'));
    await ws.close();
    expect(readFileSync(join(dir, 'texts.jsonl'), 'utf8').trim().split('\n')).toHaveLength(5);
    // A crash mid-append leaves a torn line; a lost file loses everything.
    appendFileSync(join(dir, 'texts.jsonl'), '{"id":"sha256:ab');
    const torn = await Workspace.open(dir);
    expect((await searchDocuments(torn, 'Lavrov')).length).toBeGreaterThan(0);
    const article = join(tempDir(), 'new.txt');
    writeFileSync(article, 'Talks in Geneva about Aleppo with Lavrov.');
    await importArticleFiles(torn, [article]);
    expect((await searchDocuments(torn, 'talks in geneva')).map((r) => r.title)).toEqual(['Talks in Geneva about Aleppo with Lavrov.']);
    await torn.close();
    writeFileSync(join(dir, 'texts.jsonl'), '');
    const lost = await Workspace.open(dir);
    expect((await searchDocuments(lost, 'talks in geneva')).length).toBe(1);
    await lost.close();
    expect(readFileSync(join(dir, 'texts.jsonl'), 'utf8').trim().split('\n')).toHaveLength(6);
    expect((await checkWorkspace(dir)).problems).toEqual([]);
  });

  it('awb search prints the documents and places', () => {
    const dir = join(tempDir(), 'w');
    awb('import', join(repoRoot, 'seeds', '000_c762acb0b8e09f19.txt'), '--workspace', dir);
    const result = awb('search', '13,346 civilians', '--workspace', dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('[13,346 civilians]');
    expect(JSON.parse(awb('search', 'nothing like this', '--json', '--workspace', dir).stdout)).toEqual([]);
  });
});
