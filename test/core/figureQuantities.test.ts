// A figure's quantity on the annotation (DESIGN §10): read from its text when it is made or
// relabelled a figure, corrected by the analyst (null reads it again), and carried by the
// exchange file (an import reads the text of a figure that comes without one), JSONL and CSV.
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { importExchange, parseExchange } from '../../main/core/exchange/importExchange';
import { exportCsv } from '../../main/core/export/exportCsv';
import { exportContext } from '../../main/core/export/exportContext';
import { exportExchange } from '../../main/core/export/exportExchange';
import { exportJsonl } from '../../main/core/export/exportJsonl';
import { importSeeds } from '../../main/core/importArticles';
import type { Quantity } from '../../main/core/model';
import { Workspace } from '../../main/core/store/workspace';
import { createWorkbench } from '../../main/service/workbench';
import { repoRoot, tempDir } from '../helpers';

async function seeded() {
  const ws = await Workspace.open(tempDir());
  await importSeeds(ws, join(repoRoot, 'seeds'));
  const api = createWorkbench(ws);
  const docId = ws.listDocuments()[2].id;
  const { text } = (await ws.readDocument(docId)).document;
  const at = (phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });
  return { ws, api, docId, at };
}

describe('a figure’s quantity', () => {
  it('is read when a figure is made or a span relabelled one; corrected by hand; null reads the text again; other labels have none', async () => {
    const { ws, api, docId, at } = await seeded();
    const figure = await api.annotations.create({ docId, label: 'figure', ...at('Between 10,000 and 13,000 civilians') });
    expect(figure.quantity).toEqual({ low: 10000, high: 13000, lowInclusive: true, highInclusive: true, approximate: false, qualifier: 'between', unit: 'count' });
    const actor = await api.annotations.create({ docId, label: 'actor', ...at('at least 413 civilians') });
    expect(actor.quantity).toBeUndefined();
    expect((await api.annotations.update({ docId, id: actor.id, label: 'figure' })).quantity).toMatchObject({ low: 413, high: null, lowInclusive: true });
    const corrected: Quantity = { low: 10000, high: 13000, lowInclusive: true, highInclusive: true, approximate: true, qualifier: 'between', unit: 'count' };
    expect((await api.annotations.update({ docId, id: figure.id, quantity: corrected })).quantity).toEqual(corrected);
    // Kept across a relabel and back.
    await api.annotations.update({ docId, id: figure.id, label: 'quote' });
    expect((await api.annotations.update({ docId, id: figure.id, label: 'figure' })).quantity).toEqual(corrected);
    expect((await api.annotations.update({ docId, id: figure.id, quantity: null })).quantity).toMatchObject({ approximate: false });
    await expect(api.annotations.update({ docId, id: figure.id, quantity: { ...corrected, low: 20000 } })).rejects.toThrow();
    await ws.close();
  });

  it('travels in the exchange file (a corrected one too), and one that comes without is read from the text', async () => {
    const { ws, api, docId, at } = await seeded();
    const figure = await api.annotations.create({ docId, label: 'figure', ...at('an estimated 130,000') });
    const corrected: Quantity = { low: 125000, high: 135000, lowInclusive: true, highInclusive: true, approximate: true, qualifier: 'an estimated', unit: 'count' };
    await api.annotations.update({ docId, id: figure.id, quantity: corrected });
    await api.annotations.create({ docId, label: 'figure', ...at('2,200 rebels') });
    const file = exportExchange([await ws.readDocument(docId)], ws.labels, 'ana', new Date(), ws.entities);
    await ws.close();
    // Into an empty workspace: the corrected one as it was; the other's removed from the file and read again.
    const withoutOne = { ...file, documents: file.documents.map((d) => ({ ...d, annotations: d.annotations.map((a) => (a.text === '2,200 rebels' ? { ...a, quantity: undefined } : a)) })) };
    const other = await Workspace.open(tempDir());
    await importExchange(other, 'x.awb.json', parseExchange('x.awb.json', JSON.stringify(withoutOne)));
    const imported = (await other.readDocument(docId)).annotations;
    expect(imported.find((a) => a.quote === 'an estimated 130,000')?.quantity).toEqual(corrected);
    expect(imported.find((a) => a.quote === '2,200 rebels')?.quantity).toMatchObject({ low: 2200, high: 2200 });
    // JSONL carries it; CSV gives low and high (an open end empty).
    const files = [await other.readDocument(docId)];
    const spans = JSON.parse(exportJsonl(files, exportContext(other.labels, other.entities)).trim()).spans;
    expect(spans.find((s: { text: string }) => s.text === 'an estimated 130,000').quantity).toEqual(corrected);
    const rows = parse(exportCsv(files, exportContext(other.labels, other.entities)), { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.text === 'an estimated 130,000')).toMatchObject({ low: '125000', high: '135000' });
    await other.close();
  });
});
