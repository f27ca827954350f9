// `awb status` sets and shows an annotator's status of a document; `awb list` shows the current
// annotator's and filters by it (`--status`, `--annotator`); a bad status is a usage error that
// names the statuses.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importSeeds } from '../../main/core/importArticles';
import { Workspace } from '../../main/core/store/workspace';
import { awb, repoRoot, tempDir } from '../helpers';

let dir: string;
let ids: string[];
let me: string;

beforeAll(async () => {
  dir = tempDir();
  const ws = await Workspace.open(dir);
  await importSeeds(ws, join(repoRoot, 'seeds'));
  ids = ws.documentIds();
  me = ws.currentAnnotator;
  await ws.close();
});

const listJson = (...args: string[]) => JSON.parse(awb('list', '--json', ...args, '--workspace', dir).stdout) as { id: string; status: string; mine: number }[];

describe('awb status and awb list --status', () => {
  it('sets the current annotator’s status by a short id, lists it, filters by it, and keeps another annotator’s apart', () => {
    const set = awb('status', ids[2].slice(7, 19), 'done', '--workspace', dir);
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(new RegExp(`^${ids[2]}  .+\\n  ${me}: Done\\n$`));
    expect(awb('status', ids[3].slice(7, 19), 'in-progress', '--annotator', 'Ben', '--workspace', dir).code).toBe(0);

    const table = awb('list', '--workspace', dir).stdout.trim().split('\n');
    expect(table).toHaveLength(5);
    expect(table[2]).toMatch(/ann\. {2}Done {8}/);
    expect(table.filter((line) => / To do {7}/.test(line))).toHaveLength(4);

    expect(listJson('--status', 'done').map((r) => r.id)).toEqual([ids[2]]);
    expect(listJson('--status', 'todo').map((r) => r.id)).toEqual([ids[0], ids[1], ids[3], ids[4]]);
    expect(listJson('--status', 'in-progress', '--annotator', 'Ben').map((r) => [r.id, r.status])).toEqual([[ids[3], 'in-progress']]);
    expect(awb('list', '--status', 'in-progress', '--workspace', dir).stdout).toBe(`(no documents in progress for ${me})\n`);

    const shown = awb('status', ids[3], '--workspace', dir).stdout.split('\n');
    expect(shown[1]).toBe(`  ${me} (you): To do`);
    expect(shown[2]).toMatch(/^ {2}Ben: In progress \(since \d{4}-\d\d-\d\d\)$/);

    // Back to to do: the filter no longer lists it.
    expect(awb('status', ids[2], 'todo', '--workspace', dir).code).toBe(0);
    expect(listJson('--status', 'done')).toEqual([]);
    expect(awb('check', '--workspace', dir).code).toBe(0);
  }, 120_000); // fourteen runs of awb

  it('refuses a status it does not know, and a document it cannot find, in words', () => {
    const bad = awb('status', ids[0], 'finished', '--workspace', dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("'finished' is invalid for argument 'status'. expected a status: todo, in-progress, done");
    const badFilter = awb('list', '--status', 'complete', '--workspace', dir);
    expect(badFilter.code).toBe(2);
    expect(badFilter.stderr).toContain('expected a status: todo, in-progress, done');
    const missing = awb('status', 'deadbeefdeadbeef', 'done', '--workspace', dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('awb: no document id starts with "deadbeefdeadbeef"\n');
  });
});
