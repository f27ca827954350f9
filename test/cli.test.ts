import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ARTICLE_BYTES } from '../main/core/text/readArticle';
import { awb, repoRoot, tempDir } from './helpers';

const seeds = readdirSync(join(repoRoot, 'seeds')).map((n) => join(repoRoot, 'seeds', n));

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
