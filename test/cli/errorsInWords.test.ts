// Every error `awb` reports names the file and says what is wrong in words (review issue 14, C
// and D): a folder given to import, and a failed file operation (a disk error) during a restore.
import fs, { mkdirSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join, sep } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeError } from '../../main/core/fileErrors';
import { runCli } from '../../main/cli/index';
import { importSeeds } from '../../main/core/importArticles';
import { Workspace } from '../../main/core/store/workspace';
import { awb, repoRoot, tempDir } from '../helpers';

describe('awb import of a folder', () => {
  it('names the folder and says it is not a file, for articles and exchange files alike', () => {
    const dir = tempDir();
    const ws = join(dir, 'w');
    const folder = join(dir, 'articles');
    const exchangeFolder = join(dir, 'work.awb.json');
    mkdirSync(folder);
    mkdirSync(exchangeFolder);
    const article = awb('import', folder, '--workspace', ws);
    expect(article.code).toBe(1);
    expect(article.stderr).toContain(`awb import: ${folder}: is a folder, not a file`);
    const exchange = awb('import', exchangeFolder, '--workspace', ws);
    expect(exchange.code).toBe(1);
    expect(exchange.stderr).toContain(`awb import: ${exchangeFolder}: is a folder, not a file`);
    expect(exchange.stderr).not.toMatch(/EISDIR|file not found/);
  });
});

describe('a failed file operation reaching the CLI', () => {
  it('is described with what failed, the file and the error code in words', () => {
    const error = Object.assign(new Error("ENOSPC: no space left on device, copyfile '/w/a.json' -> '/w/b.json'"), {
      code: 'ENOSPC', errno: -28, syscall: 'copyfile', path: '/w/a.json', dest: '/w/b.json',
    });
    expect(describeError(error)).toBe('could not copy /w/a.json to /w/b.json: the disk is full (ENOSPC)');
    const denied = Object.assign(new Error("EACCES: permission denied, mkdir '/w/backups'"), { code: 'EACCES', syscall: 'mkdir', path: '/w/backups' });
    expect(describeError(denied)).toBe('could not create the folder /w/backups: permission denied (EACCES)');
    expect(describeError(new Error('plain words'))).toBe('plain words');
  });

  describe('awb restore on a failing disk', () => {
    const undo: (() => void)[] = [];
    afterEach(() => {
      for (const u of undo.splice(0)) u();
    });

    it('prints one line naming the file and saying what the disk reported, exit 1', async () => {
      const dir = join(tempDir(), 'w');
      const workspace = await Workspace.open(dir, { app: 'test' });
      await importSeeds(workspace, join(repoRoot, 'seeds'));
      const backup = await workspace.backup();
      await workspace.close();

      // Reading the backup's copies of the documents fails as a failing disk does; Node's own
      // message names neither what was being done in words nor why.
      const original = fs.promises.readFile;
      let failed = '';
      fs.promises.readFile = (async (path: fs.PathLike, options?: unknown) => {
        const name = String(path);
        if (name.includes(`${sep}backups${sep}`) && name.includes(`${sep}documents${sep}`)) {
          failed = name;
          throw Object.assign(new Error(`EIO: i/o error, open '${name}'`), { code: 'EIO', errno: -5, syscall: 'open', path: name });
        }
        return original(path, options as never);
      }) as typeof fs.promises.readFile;
      syncBuiltinESMExports();
      undo.push(() => {
        fs.promises.readFile = original;
        syncBuiltinESMExports();
      });
      const stderr: string[] = [];
      const stdout: string[] = [];
      vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => stderr.push(String(chunk)) > 0);
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => stdout.push(String(chunk)) > 0);
      undo.push(() => vi.restoreAllMocks());

      const code = await runCli(['restore', backup.name, '--workspace', dir], { packageRoot: repoRoot });
      vi.restoreAllMocks();
      expect(code).toBe(1);
      expect(failed).not.toBe('');
      const lines = stderr.join('').trim().split('\n');
      expect(lines.at(-1)).toMatch(/^awb: the restore of backup \S+ stopped half-way \(could not open (.*): the disk reported an input\/output error \(EIO\)\); every file is whole, and the state before the restore is backup \S+$/);
      expect(lines.at(-1)).toContain(`could not open ${failed}:`);
      expect(stderr.join('')).not.toContain('EIO: i/o error');
      expect(stdout.join('')).toBe('');
    });
  });
});
