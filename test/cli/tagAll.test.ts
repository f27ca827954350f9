// `awb tag-all` on the seed articles and an article with emoji: --dry-run changes nothing,
// --json prints code point offsets with each occurrence's status, a run makes each missing span
// once (a second run makes none), --document and --case-sensitive narrow it, a wrong label is
// refused in words.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PrintedOccurrence } from '../../main/cli/tagAllCommand';
import { importSeeds } from '../../main/core/importArticles';
import type { DocumentFile } from '../../main/core/model';
import { OffsetConverter } from '../../main/core/offsets';
import { Workspace } from '../../main/core/store/workspace';
import { articleFromBytes } from '../../main/core/text/readArticle';
import { awb, repoRoot, tempDir } from '../helpers';

const EMOJI_TEXT = '😀 Fighting near Aleppo 👨‍👩‍👧 went on.\r\nIn ALEPPO, 👍🏽 aleppo and Aleppo’s east.';

/// The document files of the workspace in `dir`, by id.
function documentsOf(dir: string): Map<string, DocumentFile> {
  const files = readdirSync(join(dir, 'documents')).filter((name) => name.endsWith('.json'));
  const parsed = files.map((name) => JSON.parse(readFileSync(join(dir, 'documents', name), 'utf8')) as DocumentFile);
  return new Map(parsed.map((f) => [f.document.id, f]));
}

function tagAll(dir: string, ...args: string[]): PrintedOccurrence[] {
  const result = awb('tag-all', ...args, '--json', '--workspace', dir);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as PrintedOccurrence[];
}

const locations = (dir: string) => [...documentsOf(dir).values()].flatMap((f) => f.annotations.filter((a) => a.label === 'location'));

describe('awb tag-all', () => {
  let dir: string;
  let emojiDoc: string;
  beforeAll(async () => {
    dir = join(tempDir(), 'w');
    const workspace = await Workspace.open(dir, { app: 'test' });
    await importSeeds(workspace, join(repoRoot, 'seeds'));
    const outcome = (await workspace.importArticle(articleFromBytes('emoji.txt', new TextEncoder().encode(EMOJI_TEXT)))) as { document: { id: string } };
    emojiDoc = outcome.document.id;
    await workspace.close();
  });

  it('--dry-run --json prints every whole-word occurrence in code points and changes nothing', () => {
    const rows = tagAll(dir, 'Aleppo', '--label', 'location', '--document', emojiDoc.slice(0, 20), '--dry-run');
    const text = documentsOf(dir).get(emojiDoc)!.document.text;
    const offsets = new OffsetConverter(text);
    // Aleppo’s is one word: not an occurrence.
    expect(rows.map((r) => r.text)).toEqual(['Aleppo', 'ALEPPO', 'aleppo']);
    for (const r of rows) {
      expect(r).toMatchObject({ documentId: emojiDoc, status: 'to create' });
      expect(offsets.sliceCodePoints(r.start, r.end)).toBe(r.text);
    }
    // Code points, not UTF-16: the first is after one emoji (one code point, two units).
    expect(rows[0].start).toBe(Array.from('😀 Fighting near ').length);
    expect(locations(dir)).toEqual([]);
  });

  it('tags each missing span once; a second run finds them all tagged', () => {
    const rows = tagAll(dir, 'aleppo', '--label', 'location', '--document', emojiDoc);
    expect(rows.map((r) => r.status)).toEqual(['created', 'created', 'created']);
    const made = locations(dir);
    expect(made.map((a) => a.id).sort()).toEqual(rows.map((r) => r.annotationId).sort());
    expect(made.map((a) => a.quote)).toEqual(['Aleppo', 'ALEPPO', 'aleppo']);
    const again = tagAll(dir, 'aleppo', '--label', 'location', '--document', emojiDoc);
    expect(again.map((r) => r.status)).toEqual(['already tagged', 'already tagged', 'already tagged']);
    expect(locations(dir)).toHaveLength(3);
  });

  it('--case-sensitive keeps the case; without --document every document is searched', () => {
    expect(tagAll(dir, 'ALEPPO', '--label', 'location', '--document', emojiDoc, '--case-sensitive', '--dry-run').map((r) => r.text)).toEqual(['ALEPPO']);
    const everywhere = tagAll(dir, 'Aleppo', '--label', 'location', '--dry-run');
    expect(new Set(everywhere.map((r) => r.documentId)).size).toBeGreaterThan(3);
    expect(everywhere.filter((r) => r.status === 'already tagged')).toHaveLength(3);
    const run = tagAll(dir, 'Aleppo', '--label', 'location');
    expect(run.filter((r) => r.status === 'created')).toHaveLength(everywhere.length - 3);
    const spans = locations(dir).map((a) => `${a.docId}:${a.start}:${a.end}`);
    expect(new Set(spans).size).toBe(spans.length);
    expect(spans).toHaveLength(everywhere.length);
    expect(awb('check', '--workspace', dir).code).toBe(0);
  });

  it('prints a summary without --json, and refuses an unknown label in words', () => {
    const summary = awb('tag-all', 'Aleppo', '--label', 'location', '--dry-run', '--workspace', dir);
    expect(summary.code).toBe(0);
    expect(summary.stdout).toMatch(/occurrence\(s\) in \d+ document\(s\): 0 to create, \d+ already tagged \(dry run: nothing changed\)/);
    const wrong = awb('tag-all', 'Aleppo', '--label', 'place', '--workspace', dir);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('--label place: there is no such label in this workspace (labels: actor, location, figure, quote)');
    expect(awb('tag-all', 'Aleppo', '--workspace', dir).code).toBe(2);
  });
});
