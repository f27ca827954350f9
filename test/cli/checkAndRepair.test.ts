// `awb check` tells damage from a newer app's files and from the index's designed lag, and points
// at `awb repair`; `awb repair` restores damaged documents from the newest backup; writing
// commands print the store's repair notices (review issue 14, E and G).
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSeeds } from '../../main/core/importArticles';
import { DocumentFileSchema } from '../../main/core/model';
import { Workspace } from '../../main/core/store/workspace';
import { awb, repoRoot, seedArticles, tempDir } from '../helpers';

/// A workspace holding the five seed articles, optionally with a snapshot taken.
async function seededWorkspace(backup: boolean): Promise<{ dir: string; files: string[] }> {
  const dir = join(tempDir(), 'w');
  const workspace = await Workspace.open(dir, { app: 'test' });
  await importSeeds(workspace, join(repoRoot, 'seeds'));
  if (backup) await workspace.backup();
  await workspace.close();
  return { dir, files: readdirSync(join(dir, 'documents')).filter((n) => n.endsWith('.json')).sort() };
}

const REPAIR_HINT = /awb check: run "awb repair --workspace .*" \(or open the workbench\) to move the damaged file\(s\) aside and restore them from the newest backup/;

describe('awb check', () => {
  it('ends a report of damaged files with the hint to run awb repair', async () => {
    const { dir, files } = await seededWorkspace(false);
    writeFileSync(join(dir, 'documents', files[0]), '{"truncated": ');
    const check = awb('check', '--workspace', dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(`awb check: ${join(dir, 'documents', files[0])} is damaged: not valid JSON`);
    expect(check.stderr.trim().split('\n').at(-1)).toMatch(REPAIR_HINT);
  });

  it('says a file of a newer schema was written by a newer version and left untouched, not damaged', async () => {
    const { dir, files } = await seededWorkspace(false);
    const path = join(dir, 'documents', files[0]);
    const before = JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), schemaVersion: 99 });
    writeFileSync(path, before);
    const check = awb('check', '--workspace', dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(`awb check: ${path} was written by a newer version of Annotation Workbench (schema 99`);
    expect(check.stderr).toContain('it was left untouched');
    expect(check.stderr).not.toMatch(/damaged/);
    expect(check.stderr).not.toMatch(REPAIR_HINT);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });
});

describe('awb repair', () => {
  it('restores a damaged document from the newest backup, says so on stderr and exits 0', async () => {
    const { dir, files } = await seededWorkspace(true);
    const path = join(dir, 'documents', files[2]);
    const good = readFileSync(path, 'utf8');
    writeFileSync(path, 'garbage \u0000\u0000 not json');
    const repair = awb('repair', '--workspace', dir);
    expect(repair.code).toBe(0);
    expect(repair.stderr).toMatch(new RegExp(`^awb repair: documents/${files[2]} was damaged \\(.*\\)\\. It was moved to .* and restored from the backup of `, 'm'));
    expect(repair.stdout.trim()).toBe('5 documents checked, 1 repaired');
    expect(DocumentFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8'))).success).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(good);
    expect(readdirSync(join(dir, 'damaged'))).toHaveLength(1);
    expect(awb('check', '--workspace', dir).code).toBe(0);

    const again = awb('repair', '--workspace', dir);
    expect(again.code).toBe(0);
    expect(again.stdout.trim()).toBe('5 documents checked, 0 repaired');
  });

  it('exits 1 naming the document when no backup holds a valid copy', async () => {
    const { dir, files } = await seededWorkspace(false);
    rmSync(join(dir, 'backups'), { recursive: true, force: true });
    writeFileSync(join(dir, 'documents', files[0]), '{"truncated": ');
    const repair = awb('repair', '--workspace', dir);
    expect(repair.code).toBe(1);
    expect(repair.stderr).toMatch(new RegExp(`^awb repair: documents/${files[0]} was damaged \\(.*\\) and no backup holds a valid copy`, 'm'));
    expect(repair.stderr).toMatch(/^awb repair: ".*" could not be restored and was removed from the library$/m);
    expect(repair.stdout.trim()).toBe('5 documents checked, 0 repaired, 1 could not be restored');
    expect(awb('check', '--workspace', dir).code).toBe(0);
  });

  it('refuses a folder that holds no workspace instead of making one there', () => {
    const dir = join(tempDir(), 'mistyped');
    const repair = awb('repair', '--workspace', dir);
    expect(repair.code).toBe(1);
    expect(repair.stderr).toBe(`awb: no workspace at ${dir} (nothing has been imported there yet)\n`);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('writing commands print the store notices', () => {
  it('awb import says it removed the temporary files an interrupted save left', async () => {
    const { dir, files } = await seededWorkspace(false);
    writeFileSync(join(dir, 'documents', `${files[0]}.123456`), '{"half');
    const imported = awb('import', seedArticles()[0], '--workspace', dir);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain('awb import: removed 1 temporary file(s) left by an interrupted save');
  });

  it('awb restore prints the repair of a damaged workspace.json found on opening', async () => {
    const { dir, files } = await seededWorkspace(true);
    const backups = JSON.parse(awb('backups', '--json', '--workspace', dir).stdout) as { name: string }[];
    writeFileSync(join(dir, 'workspace.json'), '{"truncated": ');
    const restored = awb('restore', backups[0].name, '--workspace', dir);
    expect(restored.code).toBe(0);
    expect(restored.stderr).toMatch(/^awb restore: workspace.json was damaged \(.*\)\. It was moved to .* and restored from the backup of /m);
    expect(files).toHaveLength(5);
  });
});
