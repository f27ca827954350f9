import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ARTICLE_BYTES } from '../main/core/text/readArticle';
import { awb, repoRoot, seedArticles, tempDir } from './helpers';

const seeds = seedArticles();

describe('awb import / list / check', () => {
  const ws = join(tempDir(), 'w');

  it('imports the seeds and lists five documents whose ids are the SHA-256 of their normalised text', () => {
    const imported = awb('import', ...seeds, '--workspace', ws);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/5 imported, 0 already present, 0 rejected/);
    const listed = awb('list', '--json', '--workspace', ws);
    expect(listed.code).toBe(0);
    const rows = JSON.parse(listed.stdout) as { id: string; sourceName: string; characters: number; annotations: number }[];
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      const text = readFileSync(join(repoRoot, 'seeds', row.sourceName), 'utf8').replace(/\r\n?/g, '\n').normalize('NFC');
      expect(row.id).toBe('sha256:' + createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex'));
      expect(row.characters).toBe([...text].length);
      expect(row.annotations).toBe(0);
    }
  });

  it('importing the seeds again leaves five documents', () => {
    const again = awb('import', ...seeds, '--workspace', ws);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 imported, 5 already present/);
    expect(JSON.parse(awb('list', '--json', '--workspace', ws).stdout)).toHaveLength(5);
  });

  it('rejects each bad file with exit 1, naming the file and the reason, and writes nothing', () => {
    const dir = tempDir();
    const cases: [string, string | Buffer, string][] = [
      ['empty.txt', '', 'the file is empty'],
      ['blank.txt', '  \n\t\r\n ', 'the file contains only whitespace'],
      ['binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), 'binary file (contains NUL bytes), not text'],
      ['huge.txt', Buffer.alloc(MAX_ARTICLE_BYTES + 1, 0x61), 'file is 20.0 MB, over the 20 MB limit'],
    ];
    for (const [name, content, reason] of cases) {
      writeFileSync(join(dir, name), content);
      const result = awb('import', join(dir, name), '--workspace', ws);
      expect(result.code, name).toBe(1);
      expect(result.stderr, name).toContain(`awb import: ${join(dir, name)}: ${reason}`);
    }
    const missing = awb('import', join(dir, 'missing.txt'), '--workspace', ws);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`awb import: ${join(dir, 'missing.txt')}: file not found`);
    expect(JSON.parse(awb('list', '--json', '--workspace', ws).stdout)).toHaveLength(5);
    const check = awb('check', '--workspace', ws);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^ok: 5 documents, 0 annotations/);
  });

  it('check exits 1 and lists the problems of a damaged workspace', () => {
    const dir = join(tempDir(), 'w');
    awb('import', seeds[0], '--workspace', dir);
    const [file] = readdirSync(join(dir, 'documents'));
    writeFileSync(join(dir, 'documents', file), '{"truncated": ');
    const check = awb('check', '--workspace', dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(`awb check: ${join(dir, 'documents', file)} is damaged: not valid JSON`);
    expect(check.stderr).not.toMatch(/\n\s+at /);
  });

  it('usage errors exit 2; --help exits 0 on every command', () => {
    expect(awb('frobnicate').code).toBe(2);
    expect(awb('import').code).toBe(2);
    expect(awb('serve', '--port', 'x').code).toBe(2);
    expect(awb('list', '--bogus').code).toBe(2);
    for (const command of ['import', 'list', 'check', 'serve']) {
      const help = awb(command, '--help');
      expect(help.code, command).toBe(0);
      expect(help.stdout).toContain('--workspace <dir>');
    }
  });

  it('list on a folder with no workspace exits 1 with one clear line', () => {
    const result = awb('list', '--workspace', join(tempDir(), 'none'));
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^awb: no workspace at /);
  });
});

describe('awb meta set / meta import / list', () => {
  it("sets a document's title and metadata by the start of its id, clears fields, and lists them", () => {
    const ws = join(tempDir(), 'w');
    expect(awb('import', ...seedArticles(), '--workspace', ws).code).toBe(0);
    const [first] = JSON.parse(awb('list', '--json', '--workspace', ws).stdout) as { id: string; meta: object }[];
    expect(first.meta).toEqual({});
    const set = awb('meta', 'set', first.id.slice(0, 19), '--title', 'Aleppo: 728 rebels surrender', '--outlet', 'Gulf News', '--published', '2016-12-12', '--tag', 'Syria', '--tag', 'Aleppo', '--json', '--workspace', ws);
    expect(set.stderr).toBe('');
    expect(JSON.parse(set.stdout)).toEqual({ id: first.id, title: 'Aleppo: 728 rebels surrender', meta: { outlet: 'Gulf News', publishedAt: '2016-12-12', tags: ['Syria', 'Aleppo'] } });
    expect(awb('meta', 'set', first.id, '--clear', 'tags', '--clear', 'published', '--workspace', ws).stdout).toBe(`${first.id}  Aleppo: 728 rebels surrender\n  outlet: Gulf News\n`);
    const listed = JSON.parse(awb('list', '--json', '--workspace', ws).stdout) as { id: string; title: string; meta: object }[];
    expect(listed.find((r) => r.id === first.id)).toMatchObject({ title: 'Aleppo: 728 rebels surrender', meta: { outlet: 'Gulf News' } });
    expect(awb('list', '--workspace', ws).stdout).toContain('Aleppo: 728 rebels surrender  (Gulf News)');
    const bad = awb('meta', 'set', first.id, '--published', 'last Monday', '--workspace', ws);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/meta\.publishedAt/);
    expect(awb('meta', 'set', 'sha256:0000', '--outlet', 'X', '--workspace', ws).stderr).toMatch(/is not a document id/);
    expect(awb('meta', 'set', first.id, '--clear', 'colour', '--workspace', ws).code).toBe(2);
    expect(awb('check', '--workspace', ws).code).toBe(0);
  });

  it('imports a sidecar, one line per row; rows it cannot use go to stderr and make exit 3', () => {
    const dir = tempDir();
    const ws = join(dir, 'w');
    expect(awb('import', ...seedArticles(), '--workspace', ws).code).toBe(0);
    const sidecar = join(dir, 'meta.json');
    writeFileSync(sidecar, JSON.stringify([
      { sourceName: '002_853c5aa4b7faf175.txt', outlet: 'The Outlet', publishedAt: '2016-12-13' },
      { sourceName: 'nowhere.txt', outlet: 'X' },
    ]));
    const applied = awb('meta', 'import', sidecar, '--workspace', ws);
    expect(applied.code).toBe(3);
    expect(applied.stdout).toMatch(/^updated entry 1: Human rights monitor says/m);
    expect(applied.stdout).toMatch(/1 updated, 0 unchanged, 1 problem\(s\)/);
    expect(applied.stderr).toContain('entry 2: no document "nowhere.txt" in this workspace');
    writeFileSync(join(dir, 'meta.xml'), '<x/>');
    expect(awb('meta', 'import', join(dir, 'meta.xml'), '--workspace', ws).stderr).toMatch(/expected a \.csv or \.json metadata sidecar/);
  });
});

describe('awb delete', () => {
  it('deletes documents after a backup, says which; awb check is clean and the backup holds them', () => {
    const ws = join(tempDir(), 'w');
    expect(awb('import', ...seedArticles(), '--workspace', ws).code).toBe(0);
    const [first, second] = JSON.parse(awb('list', '--json', '--workspace', ws).stdout) as { id: string; title: string }[];
    const deleted = awb('delete', first.id.slice(0, 19), second.id, '--workspace', ws);
    expect(deleted.stderr).toBe('');
    expect(deleted.stdout).toContain(`deleted ${first.id}  ${first.title}`);
    const backup = deleted.stdout.match(/backup (\S+) holds them as they were/)![1];
    expect(JSON.parse(awb('list', '--json', '--workspace', ws).stdout)).toHaveLength(3);
    expect(awb('check', '--workspace', ws).code).toBe(0);
    expect(readdirSync(join(ws, 'backups', backup, 'documents'))).toHaveLength(5);
    expect(awb('delete', first.id, '--workspace', ws).stderr).toMatch(/no document id starts with|no document sha256/);
  });
});
