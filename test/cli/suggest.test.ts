// `awb suggest` on the seed articles: the documented JSON shape in code points, --document and
// --label, and --apply making annotations with origin 'suggestion' and speaker relations, after
// which the same suggestions are not made again.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importSeeds } from '../../main/core/importArticles';
import type { DocumentFile } from '../../main/core/model';
import { OffsetConverter } from '../../main/core/offsets';
import { Workspace } from '../../main/core/store/workspace';
import type { PrintedSuggestion } from '../../main/cli/suggestCommand';
import { awb, repoRoot, tempDir } from '../helpers';

/// The document files of the workspace in `dir`, by id.
function documentsOf(dir: string): Map<string, DocumentFile> {
  const files = readdirSync(join(dir, 'documents')).filter((name) => name.endsWith('.json'));
  const parsed = files.map((name) => JSON.parse(readFileSync(join(dir, 'documents', name), 'utf8')) as DocumentFile);
  return new Map(parsed.map((f) => [f.document.id, f]));
}

function suggested(dir: string, ...args: string[]): PrintedSuggestion[] {
  const result = awb('suggest', '--json', ...args, '--workspace', dir);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as PrintedSuggestion[];
}

describe('awb suggest', () => {
  let dir: string;
  let lavrovDoc: string;
  beforeAll(async () => {
    dir = join(tempDir(), 'w');
    const workspace = await Workspace.open(dir, { app: 'test' });
    await importSeeds(workspace, join(repoRoot, 'seeds'));
    await workspace.close();
    lavrovDoc = [...documentsOf(dir).values()].find((f) => f.document.text.includes('It looks like an attempt to buy time'))!.document.id;
  });

  it('prints the suggestions of a document in code points, a quote with its speaker; --label keeps one label', () => {
    const rows = suggested(dir, '--document', lavrovDoc.slice(0, 20));
    const text = documentsOf(dir).get(lavrovDoc)!.document.text;
    const offsets = new OffsetConverter(text);
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) {
      expect(r.documentId).toBe(lavrovDoc);
      expect(offsets.sliceCodePoints(r.start, r.end)).toBe(r.text);
      if (r.speaker) expect(offsets.sliceCodePoints(r.speaker.start, r.speaker.end)).toBe(r.speaker.text);
    }
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['figure', 'quote', 'name']));
    const quote = rows.find((r) => r.text.startsWith('It looks like an attempt'));
    expect(quote).toMatchObject({ label: 'quote', kind: 'quote', speaker: { text: 'Lavrov' } });
    expect(rows.filter((r) => r.label === 'figure').map((r) => r.text)).toContain('44 children');

    const figures = suggested(dir, '--document', lavrovDoc, '--label', 'figure');
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.every((r) => r.label === 'figure')).toBe(true);
  });

  it('--apply accepts them: annotations with origin suggestion, quotes linked to their speakers; none suggested again', () => {
    const before = suggested(dir, '--document', lavrovDoc, '--label', 'quote', '--label', 'figure');
    const applied = awb('suggest', '--apply', '--document', lavrovDoc, '--label', 'quote', '--label', 'figure', '--workspace', dir);
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    const file = documentsOf(dir).get(lavrovDoc)!;
    const made = file.annotations.filter((a) => a.origin === 'suggestion');
    const quotes = made.filter((a) => a.label === 'quote');
    expect(made.filter((a) => a.label !== 'actor')).toHaveLength(before.length);
    const lavrovQuote = quotes.find((a) => a.quote.startsWith('It looks like an attempt'))!;
    const relation = file.relations.find((r) => r.type === 'speaker' && r.from === lavrovQuote.id)!;
    expect(file.annotations.find((a) => a.id === relation.to)).toMatchObject({ label: 'actor', quote: 'Lavrov', origin: 'suggestion' });
    expect(suggested(dir, '--document', lavrovDoc, '--label', 'quote', '--label', 'figure')).toEqual([]);
    const check = awb('check', '--workspace', dir);
    expect(check.code).toBe(0);
  });
});

describe('awb suggest and the app’s dismissals', () => {
  it('leaves out what was dismissed in the app, listing and applying', async () => {
    const dir = join(tempDir(), 'w');
    const workspace = await Workspace.open(dir, { app: 'test' });
    await importSeeds(workspace, join(repoRoot, 'seeds'));
    const { createWorkbench } = await import('../../main/service/workbench');
    const api = createWorkbench(workspace);
    const docId = workspace.documentIds().sort()[0];
    const [figure] = await api.suggestions.list(docId, ['figure']);
    await api.suggestions.dismiss(docId, [figure.key]);
    await workspace.close();
    const offsets = new OffsetConverter(documentsOf(dir).get(docId)!.document.text);
    const at = { start: offsets.toCodePoint(figure.start), end: offsets.toCodePoint(figure.end) };
    const figures = suggested(dir, '--document', docId, '--label', 'figure');
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.filter((r) => r.start === at.start && r.end === at.end)).toEqual([]);
    expect(awb('suggest', '--apply', '--document', docId, '--label', 'figure', '--workspace', dir).code).toBe(0);
    const made = documentsOf(dir).get(docId)!.annotations;
    expect(made.map((a) => a.quote)).not.toContain(figure.text);
    expect(made).toHaveLength(figures.length);
  });
});
