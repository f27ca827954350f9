// DESIGN §13: a colleague's exchange file is never dropped for a cosmetic reason: ids that are not
// UUIDs get new ones (links follow), plain-string notes become notes, and the report says so.
import { describe, expect, it } from 'vitest';
import { importExchange, parseExchange } from '../../main/core/exchange/importExchange';
import { plainTextNote, repairExchangeEntries } from '../../main/core/exchange/repairExchangeEntries';
import { exportExchange } from '../../main/core/export/exportExchange';
import { DEFAULT_LABELS, notePlainText } from '../../main/core/model';
import { checkWorkspace } from '../../main/core/store/checkWorkspace';
import { Workspace } from '../../main/core/store/workspace';
import { documentIdOf } from '../../main/core/text/readArticle';
import { tempDir } from '../helpers';

const text = 'Staffan de Mistura said "the talks failed" in Geneva.';
const docId = documentIdOf(text);
const at = (phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length, text: phrase });

/// A colleague's file as another program wrote it: ids such as "T1" and 7, notes as plain strings.
function colleagueFile(extra: Record<string, unknown> = {}) {
  const file = exportExchange([], DEFAULT_LABELS, 'ben') as unknown as Record<string, unknown>;
  const common = { annotator: 'ben', createdAt: '2026-11-22T00:00:00.000Z' };
  file.documents = [{
    id: docId, title: 'Talks', text, ...extra,
    annotations: [
      { id: 'T1', label: 'actor', ...at('Staffan de Mistura'), ...common, note: 'UN envoy\nsince 2014' },
      { id: 7, label: 'quote', ...at('"the talks failed"'), ...common },
      { id: crypto.randomUUID(), label: 'location', ...at('Geneva'), ...common, note: '' },
    ],
    relations: [{ id: 'R1', type: 'speaker', from: 7, to: 'T1', annotator: 'ben' }],
  }];
  return file;
}

async function importInto(dir: string, name: string, content: unknown) {
  const ws = await Workspace.open(dir);
  try {
    return await importExchange(ws, name, parseExchange(name, JSON.stringify(content)));
  } finally {
    await ws.close();
  }
}

describe('exchange import of ids that are not UUIDs and of plain-string notes', () => {
  it('imports every annotation, keeps the link, converts the notes and says so; the same file again adds nothing', async () => {
    const dir = tempDir();
    const report = await importInto(dir, '/tmp/from-ben.awb.json', colleagueFile());
    expect(report.skipped).toEqual([]);
    expect(report.annotationsAdded).toBe(3);
    expect(report.relationsAdded).toBe(1);
    expect(report.idsReplaced).toBe(3);
    expect(report.notesConverted).toBe(2);
    expect(report.warnings).toContain('3 ids replaced (not UUIDs; links follow), 2 notes converted (plain text made a one-paragraph note)');
    const ws = await Workspace.open(dir, { readOnly: true });
    const doc = await ws.readDocument(docId);
    await ws.close();
    const actor = doc.annotations.find((a) => a.label === 'actor')!;
    const quote = doc.annotations.find((a) => a.label === 'quote')!;
    expect(actor.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(actor.note).toEqual(plainTextNote('UN envoy\nsince 2014'));
    expect(notePlainText(actor.note)).toBe('UN envoy\nsince 2014');
    expect(doc.annotations.find((a) => a.label === 'location')!.note).toBeUndefined();
    expect(doc.relations).toEqual([expect.objectContaining({ type: 'speaker', from: quote.id, to: actor.id })]);
    // Without a sourceName of its own, a document is named after the exchange file.
    expect(doc.document.sourceName).toBe('from-ben.awb.json');
    expect((await checkWorkspace(dir)).problems).toEqual([]);
    const again = await importInto(dir, '/tmp/from-ben.awb.json', colleagueFile());
    expect([again.annotationsAdded, again.relationsAdded, again.annotationsAlreadyPresent]).toEqual([0, 0, 3]);
    expect(again.skipped).toEqual([]);
  });

  it("keeps a document's own sourceName from the file", async () => {
    const dir = tempDir();
    await importInto(dir, 'from-ben.awb.json', colleagueFile({ sourceName: 'guardian-aleppo.html' }));
    const ws = await Workspace.open(dir, { readOnly: true });
    expect(ws.documentSummaries([docId])[0].sourceName).toBe('guardian-aleppo.html');
    await ws.close();
  });

  it('gives the same old id in two documents two different new ids, and leaves a link to an unknown id to be reported', () => {
    const count = { idsReplaced: 0, notesConverted: 0 };
    const one = repairExchangeEntries('sha256:' + 'a'.repeat(64), { annotations: [{ id: 'T1' }], relations: [{ id: 'R1', from: 'T1', to: 'T9' }] }, count);
    const two = repairExchangeEntries('sha256:' + 'b'.repeat(64), { annotations: [{ id: 'T1' }], relations: [] }, count);
    const firstId = (one.annotations[0] as { id: string }).id;
    expect(firstId).not.toBe((two.annotations[0] as { id: string }).id);
    expect(one.relations[0]).toMatchObject({ from: firstId, to: 'T9' });
    expect(count.idsReplaced).toBe(3);
  });

  it('reports a link naming an annotation the file lacks, and imports the rest', async () => {
    const file = colleagueFile();
    (file.documents as { relations: Record<string, unknown>[] }[])[0].relations[0].to = 'T42';
    const report = await importInto(tempDir(), 'x.awb.json', file);
    expect(report.annotationsAdded).toBe(3);
    expect(report.skipped).toEqual([expect.objectContaining({ item: expect.any(String), reason: expect.stringMatching(/to: Invalid UUID/) })]);
  });
});
