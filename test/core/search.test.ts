import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArticleFiles, importSeeds } from '../../main/core/importArticles';
import { searchDocuments } from '../../main/core/search';
import { checkWorkspace } from '../../main/core/store/checkWorkspace';
import { foldCase } from '../../main/core/text/foldCase';
import { INDEX_FILE } from '../../main/core/store/sqlIndex/indexDatabase';
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
  it('finds a phrase case-insensitively, most occurrences first, with context and every place', async () => {
    const ws = await Workspace.open(tempDir());
    await importSeeds(ws, join(repoRoot, 'seeds'));
    const results = await searchDocuments(ws, 'ALEPPO');
    expect(results.length).toBe(5);
    expect(results.map((r) => r.count)).toEqual([...results.map((r) => r.count)].sort((a, b) => b - a));
    for (const r of results) {
      const text = (await ws.readDocument(r.id)).document.text;
      // Whole words only: "Aleppo's" is a hit, a longer word would not be.
      expect(r.count).toBe(text.match(/(?<![\p{L}\p{N}])aleppo(?![\p{L}\p{N}])/giu)!.length);
      expect(r.hits).toHaveLength(r.count);
      for (const h of r.hits) {
        expect(text.slice(h.start, h.end).toLowerCase()).toBe('aleppo');
        expect(h.match).toBe(text.slice(h.start, h.end));
      }
    }
    expect(await searchDocuments(ws, 'no such phrase anywhere')).toEqual([]);
    expect(await searchDocuments(ws, 'Alepp')).toEqual([]);
    expect(await searchDocuments(ws, '—')).toEqual([]);
    await ws.close();
  });

  it('finds a document as soon as it is imported, and after its index is lost', async () => {
    const dir = tempDir();
    const ws = await Workspace.open(dir);
    await importSeeds(ws, join(repoRoot, 'seeds'));
    const article = join(tempDir(), 'new.txt');
    writeFileSync(article, 'Talks in Geneva about Aleppo with Lavrov.');
    await importArticleFiles(ws, [article]);
    expect((await searchDocuments(ws, 'talks in geneva')).map((r) => r.title)).toEqual(['Talks in Geneva about Aleppo with Lavrov.']);
    await ws.close();
    rmSync(join(dir, INDEX_FILE));
    const lost = await Workspace.open(dir);
    expect(lost.notices.join()).toMatch(/the document index was built from the document files \(index\.sqlite is missing\)/);
    expect((await searchDocuments(lost, 'talks in geneva')).length).toBe(1);
    await lost.close();
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
