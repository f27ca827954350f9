// "Done, but not everything": exit code 3 with every skipped or left-out item named on stderr
// (review issue 14, F and G): an exchange import that skips items, an export that leaves out a
// damaged document file.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { awb, seedArticles, tempDir } from '../helpers';

const seeds = seedArticles();

function exchangeFile(dir: string): string {
  const text = 'Geneva talks went on while civilians left Aleppo.';
  const id = 'sha256:' + createHash('sha256').update(text).digest('hex');
  const annotation = (n: number, start: number, end: number, quote: string) => ({
    id: `0000000${n}-0000-4000-8000-000000000000`, label: 'location', start, end, text: quote, annotator: 'ben', createdAt: '2026-11-22T00:00:00.000Z',
  });
  return writeExchange(join(dir, 'colleague.awb.json'), [{ id: 'location', name: 'Location', color: '#1f9d6b' }], [
    { id, title: 'Geneva', text, relations: [], annotations: [annotation(1, 0, 6, 'Geneva'), annotation(2, 0, 6, 'Nowhere')] },
    { id, title: 'Changed text', text: `${text} Changed.`, relations: [], annotations: [] },
  ]);
}

/// Writes an exchange file by ben holding `labels` and `documents`; returns its path.
function writeExchange(path: string, labels: object[], documents: object[]): string {
  writeFileSync(
    path,
    JSON.stringify({ format: 'annotation-workbench', version: 1, offsets: 'codepoints', exportedAt: '2026-11-22T00:00:00.000Z', exportedBy: 'ben', labels, documents }),
  );
  return path;
}

describe('awb import of an exchange file that skips items', () => {
  it('exits 3 and says how many items were skipped', () => {
    const dir = tempDir();
    const ws = join(dir, 'w');
    const result = awb('import', exchangeFile(dir), '--workspace', ws);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^awb import: .*colleague\.awb\.json: skipped "Changed text": its id does not match the SHA-256 of its text/m);
    expect(result.stderr.trim().split('\n').at(-1)).toMatch(/^awb import: \d+ item\(s\) skipped; see above$/);
    expect(result.stdout).toMatch(/1 documents added/);
  });

  it('the help text documents the exit codes', () => {
    const help = awb('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('3  done, with items skipped or left out');
    expect(awb('repair', '--help').stdout).toContain('--workspace <dir>');
  });
});

describe('awb export with a damaged document file', () => {
  it('exports the rest, names the damaged file with how to repair it, exits 3', () => {
    const ws = join(tempDir(), 'w');
    expect(awb('import', ...seeds, '--workspace', ws).code).toBe(0);
    const [damaged] = readdirSync(join(ws, 'documents')).filter((n) => n.endsWith('.json')).sort();
    writeFileSync(join(ws, 'documents', damaged), '{"truncated": ');
    const out = join(tempDir(), 'all.jsonl');
    const result = awb('export', '--format', 'jsonl', '--out', out, '--workspace', ws);
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/exported 0 annotations from 4 documents as jsonl/);
    expect(result.stderr).toContain(
      `awb export: documents/${damaged} is damaged (not valid JSON (`,
    );
    expect(result.stderr).toContain(
      `); it was left out of the export. Run "awb repair --workspace ${ws}" (or open the workbench) to restore it from the newest backup.`,
    );
    expect(result.stderr.trim().split('\n').at(-1)).toBe('awb export: 1 document(s) left out; see above');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(4);
    // The damaged file was not touched by the read-only export.
    expect(readFileSync(join(ws, 'documents', damaged), 'utf8')).toBe('{"truncated": ');
  });
});

describe('awb import of an exchange file whose labels are taken in with a change', () => {
  it('prints a warning for each, and exits 0 (nothing was skipped)', () => {
    const dir = tempDir();
    const text = 'Geneva talks went on.';
    const id = 'sha256:' + createHash('sha256').update(text).digest('hex');
    // "Location" is the name of this workspace's own label of another id.
    const path = writeExchange(join(dir, 'renamed.awb.json'), [{ id: 'place', name: 'Location', color: '#1f9d6b' }], [
      { id, title: 'Geneva', text, relations: [], annotations: [] },
    ]);
    const result = awb('import', path, '--workspace', join(dir, 'w'));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^awb import: .*renamed\.awb\.json: warning: .*place/m);
  });
});
