// Suggestions through the service (DESIGN §12): listed in UTF-16 offsets with their keys, those
// dismissed or already tagged left out; a dismissal kept in the workspace across a reopen;
// accepting makes an annotation with origin 'suggestion' (and the quote's speaker linked); a
// suggestion never accepted is in no export.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkbenchApi } from '../../preload/api';
import { articleFromBytes } from '../../main/core/text/readArticle';
import { Workspace } from '../../main/core/store/workspace';
import { STORED_NAMES_FOLDER, documentFileName } from '../../main/core/store/workspaceFiles';
import { dispatch } from '../../main/service/dispatch';
import { createWorkbench } from '../../main/service/workbench';
import { tempDir } from '../helpers';

const TEXT = [
  'Aleppo 😀 evacuation',
  'More than 730 civilians fled the city on Tuesday.',
  '“We have nowhere left to go in the east of the city,” said Abu Ahmed, a resident.',
  'Officials counted 13,346 people on the buses.',
].join('\n');

let dir: string;
let workspace: Workspace;
let api: WorkbenchApi;
let docId: string;

async function open(): Promise<void> {
  workspace = await Workspace.open(dir, { app: 'test' });
  api = createWorkbench(workspace);
}

beforeEach(async () => {
  dir = join(tempDir(), 'w');
  await open();
  const outcome = (await workspace.importArticle(articleFromBytes('evacuation.txt', new TextEncoder().encode(TEXT)))) as { document: { id: string } };
  docId = outcome.document.id;
});

afterEach(() => workspace.close());

describe('suggestions.list', () => {
  it('lists figures and quotes with their keys, in UTF-16 offsets (an emoji before them counts two)', async () => {
    const suggestions = await api.suggestions.list(docId, ['figure', 'quote']);
    expect(suggestions.map((s) => [s.kind, s.text])).toEqual([
      ['figure', 'More than 730 civilians'],
      ['quote', 'We have nowhere left to go in the east of the city,'],
      ['figure', '13,346 people'],
    ]);
    for (const s of suggestions) {
      expect(TEXT.slice(s.start, s.end)).toBe(s.text);
      expect(s.key).toBe(`${s.kind}:${s.label}:${s.start}-${s.end}`);
    }
    expect(suggestions[1].speaker?.text).toBe('Abu Ahmed');
    expect(TEXT.slice(suggestions[1].speaker!.start, suggestions[1].speaker!.end)).toBe('Abu Ahmed');
  });

  it('lists only the kinds asked for, names included', async () => {
    const suggestions = await api.suggestions.list(docId, ['name']);
    expect(suggestions.every((s) => s.kind === 'name')).toBe(true);
    expect(suggestions.map((s) => s.text)).toContain('Abu Ahmed');
  });

  it('keeps the names it found in the workspace (cache/names), not in the document', async () => {
    const before = readFileSync(join(dir, 'documents', documentFileName(docId)), 'utf8');
    const names = await api.suggestions.list(docId, ['name']);
    const kept = JSON.parse(readFileSync(join(dir, STORED_NAMES_FOLDER, documentFileName(docId)), 'utf8')) as { names: [string, number, number][] };
    expect(kept.names.map(([label, start, end]) => `name:${label}:${start}-${end}`)).toEqual(names.map((s) => s.key));
    expect(readFileSync(join(dir, 'documents', documentFileName(docId)), 'utf8')).toBe(before);
  });

  it('refuses an unknown kind or a malformed key', async () => {
    expect(await dispatch(api, 'suggestions.list', [docId, ['verbs']])).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await dispatch(api, 'suggestions.dismiss', [docId, ['figure:figure:1']])).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
  });
});

describe('suggestions.dismiss', () => {
  it('keeps a dismissed suggestion out of the list, also after the workspace is opened again; undismiss brings it back', async () => {
    const [figure] = await api.suggestions.list(docId, ['figure']);
    expect(await dispatch(api, 'suggestions.dismiss', [docId, [figure.key]])).toEqual({ ok: true });
    expect((await api.suggestions.list(docId, ['figure'])).map((s) => s.key)).not.toContain(figure.key);
    await workspace.close();
    await open();
    const after = (await api.suggestions.list(docId, ['figure'])).map((s) => s.key);
    expect(after).not.toContain(figure.key);
    expect(after).toHaveLength(1);
    await api.suggestions.undismiss(docId, [figure.key]);
    await workspace.close();
    await open();
    expect((await api.suggestions.list(docId, ['figure'])).map((s) => s.key)).toContain(figure.key);
  });

  it('moves a damaged suggestions.json aside, says so, and starts afresh', async () => {
    const [figure] = await api.suggestions.list(docId, ['figure']);
    await workspace.close();
    writeFileSync(join(dir, 'suggestions.json'), '{"schemaVersion": 1, "dismissed": {"x": [42]}');
    await open();
    expect((await api.suggestions.list(docId, ['figure'])).map((s) => s.key)).toContain(figure.key);
    expect(workspace.notices.join('\n')).toMatch(/dismissed suggestions was damaged/);
    expect(readdirSync(dir).filter((n) => n.startsWith('suggestions.damaged-'))).toHaveLength(1);
    await api.suggestions.dismiss(docId, [figure.key]);
    expect(JSON.parse(readFileSync(join(dir, 'suggestions.json'), 'utf8'))).toEqual({ schemaVersion: 1, dismissed: { [docId]: [figure.key] } });
  });

  it('refuses a document that is not in the workspace', async () => {
    expect(await dispatch(api, 'suggestions.dismiss', [`sha256:${'0'.repeat(64)}`, ['figure:figure:1-2']])).toMatchObject({ ok: false, error: { code: 'invalid-change' } });
  });
});

describe('accepting a suggestion', () => {
  it('makes an annotation with origin suggestion, the quote linked to its speaker, and both leave the list', async () => {
    const suggestions = await api.suggestions.list(docId, ['quote', 'name']);
    const quote = suggestions.find((s) => s.kind === 'quote')!;
    const made = await dispatch(api, 'annotations.create', [{ docId, label: quote.label, start: quote.start, end: quote.end, origin: 'suggestion' }]);
    expect(made).toMatchObject({ ok: true, value: { origin: 'suggestion', label: 'quote', quote: quote.text } });
    const speaker = await api.annotations.create({ docId, label: 'actor', start: quote.speaker!.start, end: quote.speaker!.end, origin: 'suggestion' });
    await api.relations.set(docId, 'speaker', (made as { value: { id: string } }).value.id, speaker.id);
    const opened = await api.documents.open(docId);
    expect(opened.relations).toEqual([expect.objectContaining({ type: 'speaker', from: (made as { value: { id: string } }).value.id, to: speaker.id })]);
    const left = (await api.suggestions.list(docId, ['quote', 'name'])).map((s) => s.key);
    expect(left).not.toContain(quote.key);
    expect(left).not.toContain(`name:actor:${quote.speaker!.start}-${quote.speaker!.end}`);
    // A tag made by hand stays manual.
    expect((await api.annotations.create({ docId, label: 'location', start: 0, end: 6 })).origin).toBe('manual');
  });

  it('refuses an origin other than manual or suggestion from the app', async () => {
    expect(await dispatch(api, 'annotations.create', [{ docId, label: 'figure', start: 0, end: 6, origin: 'import' }])).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
  });
});

describe('exports', () => {
  it('hold the accepted suggestion and none that was only listed', async () => {
    const suggestions = await api.suggestions.list(docId, ['figure', 'quote', 'name']);
    expect(suggestions.length).toBeGreaterThan(3);
    const [accepted, ...rest] = suggestions.filter((s) => s.kind === 'figure');
    await api.annotations.create({ docId, label: accepted.label, start: accepted.start, end: accepted.end, origin: 'suggestion' });
    const read = async (format: 'jsonl' | 'exchange') => Buffer.from((await api.exports.build(format, {})).base64, 'base64').toString('utf8');
    const jsonl = JSON.parse((await read('jsonl')).trim()) as { spans: { text: string; start: number }[] };
    expect(jsonl.spans.map((s) => s.text)).toEqual([accepted.text]);
    const exchange = JSON.parse(await read('exchange')) as { documents: { annotations: { text: string; origin?: string }[] }[] };
    expect(exchange.documents[0].annotations.map((a) => [a.text, a.origin])).toEqual([[accepted.text, 'suggestion']]);
    // The file, origin and all, is a valid exchange file for a colleague.
    const other = await Workspace.open(join(tempDir(), 'colleague'), { app: 'test' });
    try {
      const report = await createWorkbench(other).exchange.import({ name: 'mine.awb.json', base64: Buffer.from(await read('exchange')).toString('base64') });
      expect(report).toMatchObject({ annotationsAdded: 1 });
      const [file] = await Promise.all(other.documentIds().map((id) => other.readDocument(id)));
      expect(file.annotations.map((a) => [a.quote, a.origin])).toEqual([[accepted.text, 'import']]);
    } finally {
      await other.close();
    }
    expect(rest.length + suggestions.filter((x) => x.kind !== 'figure').length).toBeGreaterThan(2);
  });
});
