// What `awb` prints is safe on a terminal (review issue 14, A and B): control characters, bidi
// controls and line separators from titles, file names, annotator names, search hits and paths
// are printed as visible escapes; JSON output parses back to the same data; a reader that goes
// away ends the program quietly.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { terminalJson, terminalSafe } from '../../main/cli/terminalText';
import { Workspace } from '../../main/core/store/workspace';
import { articleFromBytes } from '../../main/core/text/readArticle';
import { awb, repoRoot, tempDir } from '../helpers';

/// Anything a terminal acts on rather than shows (but the line breaks between lines).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/// The first line retitles the terminal, clears it and prints a fake line; then a C1 CSI, a bidi
/// override and a line separator.
const HOSTILE_TITLE = 'Aleppo \u001b]0;pwned\u0007\u001b[2J\u001b[1;1Hawb: all good\u009b31m \u202egnp.exe\u2028fake line\u2069 end';
const HOSTILE_TEXT = `${HOSTILE_TITLE}\nSecond line with 13,346 civilians and \u001b[31mred\u001b[0m.\n`;

function expectSafe(output: string, what: string): void {
  expect(output, what).not.toMatch(UNSAFE);
}

describe('terminalSafe and terminalJson', () => {
  it('shows every control character as a visible escape and leaves other text alone', () => {
    expect(terminalSafe('a\u001b[2Jb\nc\rd\te\u0007f\u007fg\u009bh\u202ei\u2028j\u2066k')).toBe(
      'a\\x1b[2Jb\\nc\\rd\\te\\x07f\\x7fg\\x9bh\\u202ei\\u2028j\\u2066k',
    );
    expect(terminalSafe('Café — “13,346” 😀 قال C:\\Users')).toBe('Café — “13,346” 😀 قال C:\\Users');
  });

  it('JSON keeps its data and escapes what JSON.stringify leaves raw (DEL, C1, bidi, U+2028/2029)', () => {
    const value = { title: HOSTILE_TITLE, del: 'x\u007fy' };
    const json = terminalJson(value);
    expectSafe(json, 'json');
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('awb prints hostile names and texts as visible escapes', () => {
  // The workspace folder's own name is hostile too: it shows up in check and export lines.
  const root = tempDir();
  const ws = join(root, 'w\u001b[2J\u202e');
  const articleDir = join(root, 'in');
  mkdirSync(articleDir);
  const article = join(articleDir, 'evil\nname\u001b[31m.txt');
  writeFileSync(article, HOSTILE_TEXT);

  it('import: one line per file, no control character on stdout or stderr', () => {
    const result = awb('import', article, '--workspace', ws);
    expect(result.code).toBe(0);
    expectSafe(result.stdout, 'stdout');
    expectSafe(result.stderr, 'stderr');
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('evil\\nname\\x1b[31m.txt');
    expect(lines[0]).toContain('Aleppo \\x1b]0;pwned\\x07\\x1b[2J\\x1b[1;1Hawb: all good\\x9b31m \\u202egnp.exe\\u2028fake line\\u2069 end');
  });

  it('list, list --json, search, search --json, check, export and agreement', () => {
    const list = awb('list', '--workspace', ws);
    expect(list.code).toBe(0);
    expectSafe(list.stdout, 'list');
    expect(list.stdout.trim().split('\n')).toHaveLength(1);

    const json = awb('list', '--json', '--workspace', ws);
    expectSafe(json.stdout, 'list --json');
    const [row] = JSON.parse(json.stdout) as { title: string; sourceName: string }[];
    expect(row.title).toBe(HOSTILE_TITLE);
    expect(row.sourceName).toBe('evil\nname\u001b[31m.txt');

    // "red" stands inside the word "31mred" here, so the search is for the word before it.
    const search = awb('search', 'civilians and', '--workspace', ws);
    expect(search.code).toBe(0);
    expectSafe(search.stdout, 'search');
    expect(search.stdout).toContain('[civilians and] \\x1b[31mred\\x1b[0m');
    const searchJson = awb('search', 'civilians', '--json', '--workspace', ws);
    expectSafe(searchJson.stdout, 'search --json');
    expect(JSON.parse(searchJson.stdout)[0].title).toBe(HOSTILE_TITLE);

    const check = awb('check', '--workspace', ws);
    expect(check.code).toBe(0);
    expectSafe(check.stdout, 'check');
    expect(check.stdout).toContain('w\\x1b[2J\\u202e');

    const out = join(root, 'out\u001b[2J.csv');
    const exported = awb('export', '--format', 'csv', '--out', out, '--workspace', ws);
    expect(exported.code).toBe(0);
    expectSafe(exported.stdout, 'export');
    expect(exported.stdout).toContain('out\\x1b[2J.csv');

    const agreement = awb('agreement', '--a', 'ana\u001b[2J', '--b', 'ben\u202e', '--workspace', ws);
    expect(agreement.code).toBe(1);
    expectSafe(agreement.stderr, 'agreement');
    expect(agreement.stderr.trim().split('\n')).toHaveLength(1);
    expect(agreement.stderr).toContain('no annotations by "ana\\x1b[2J"');
  });

  it('usage errors quote what was typed safely', () => {
    const result = awb('list', '--bogus\u001b[2J', '--workspace', ws);
    expect(result.code).toBe(2);
    expectSafe(result.stderr, 'usage');
    expect(result.stderr).toContain('--bogus\\x1b[2J');
  });

  it('a missing workspace with a hostile name is named safely', () => {
    const result = awb('list', '--workspace', join(root, 'none\n\u001b[31m'));
    expect(result.code).toBe(1);
    expectSafe(result.stderr, 'stderr');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('awb list | head -1', () => {
  it('ends quietly with exit 0 when the reader closes the pipe', async () => {
    const ws = join(tempDir(), 'w');
    // Far more than a pipe buffer (64 KiB) of lines, so the reader leaves mid-way.
    const workspace = await Workspace.open(ws, { app: 'test' });
    const long = 'Aleppo civilians left the city as talks in Geneva went on. '.repeat(3);
    await workspace.importArticles(
      Array.from({ length: 1500 }, (_, i) => articleFromBytes(`article-${i}.txt`, Buffer.from(`${long} ${i}\n\nBody ${i}.\n`))),
    );
    await workspace.close();
    expect(readdirSync(join(ws, 'documents')).length).toBe(1500);

    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'awb.js'), 'list', '--workspace', ws], {
      env: { ...process.env, AWB_WORKSPACE: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    let firstLine = '';
    child.stdout.setEncoding('utf8').once('data', (chunk: string) => {
      firstLine = chunk.split('\n')[0];
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (exitCode) => resolve(exitCode)));
    expect(firstLine).toMatch(/^sha256:/);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
