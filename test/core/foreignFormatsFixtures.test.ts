// Files written by hand to each tool's documented shape (test/fixtures/foreign/): brat with
// discontinuous spans, notes, attributes, normalisations and events; a Label Studio export whose
// spans count in code points or in UTF-16 units.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputFromPath } from '../../main/core/foreignFormats/foreignInput';
import { importForeign, type ForeignImportOptions } from '../../main/core/foreignFormats/importForeign';
import { notePlainText, type DocumentFile } from '../../main/core/model';
import { Workspace } from '../../main/core/store/workspace';
import { documentIdOf } from '../../main/core/text/readArticle';
import { repoRoot, tempDir } from '../helpers';

const fixtures = join(repoRoot, 'test', 'fixtures', 'foreign');

async function importFixture(dir: string, name: string, options: ForeignImportOptions = {}) {
  const ws = await Workspace.open(dir);
  try {
    return await importForeign(ws, await inputFromPath(join(fixtures, name)), options);
  } finally {
    await ws.close();
  }
}
async function read(dir: string, text: string): Promise<DocumentFile> {
  const ws = await Workspace.open(dir, { readOnly: true });
  try {
    return await ws.readDocument(documentIdOf(text));
  } finally {
    await ws.close();
  }
}

describe('a brat folder with every kind of line', () => {
  it('joins fragments split at a line break, splits others, keeps notes, attributes and unknown entities as notes, maps a label', async () => {
    const dir = tempDir();
    const report = await importFixture(dir, 'brat-sample', { labelMap: { organisation: 'actor' }, annotator: 'bo' });
    expect(report.format).toBe('brat');
    expect(report.skipped).toEqual([]);
    expect([report.documentsAdded, report.annotationsAdded, report.relationsAdded]).toEqual([1, 6, 1]);
    expect(report.warnings.join('\n')).toMatch(/T4 is discontinuous; each of its 2 fragments was imported as a span of its own/);
    expect(report.warnings.join('\n')).toMatch(/1 event or equivalence line\(s\) left out/);
    const doc = await read(dir, readFileSync(join(fixtures, 'brat-sample', 'aleppo.txt'), 'utf8'));
    const by = (quote: string) => doc.annotations.find((a) => a.quote === quote)!;
    expect(by('the ceasefire\nwould hold').label).toBe('quote');
    expect([by('Aleppo').label, by('Idlib').label, by('The UN').label]).toEqual(['location', 'location', 'actor']);
    expect(by('13,346').attributes).toEqual({ measure: 'people counted' });
    expect(notePlainText(by('13,346').note)).toBe('counted by the UN');
    expect(notePlainText(by('Lavrov').note)).toBe('Entity: Wikidata:Q1234 (Sergei Lavrov)');
    expect(doc.relations).toEqual([expect.objectContaining({ type: 'speaker', from: by('the ceasefire\nwould hold').id, to: by('Lavrov').id })]);
    expect(doc.document.sourceName).toBe('aleppo.txt');
  });

  it('links a normalisation to the entity with that Wikidata item', async () => {
    const dir = tempDir();
    const ws = await Workspace.open(dir);
    const entityId = crypto.randomUUID();
    await ws.updateEntities(() => ({ entities: [{ id: entityId, name: 'Sergei Lavrov', type: 'actor', aliases: [], wikidata: 'Q1234' }], result: undefined }));
    await ws.close();
    await importFixture(dir, 'brat-sample', { labelMap: { organisation: '' } });
    const doc = await read(dir, readFileSync(join(fixtures, 'brat-sample', 'aleppo.txt'), 'utf8'));
    expect(doc.annotations.find((a) => a.quote === 'Lavrov')).toMatchObject({ entityId });
    expect(doc.annotations.some((a) => a.quote === 'The UN')).toBe(false);
  });
});

describe('a Label Studio export', () => {
  it('places a span counted in code points and one counted in UTF-16 units, names the annotator, leaves out a cancelled annotation', async () => {
    const dir = tempDir();
    const report = await importFixture(dir, 'label-studio-export.json');
    expect(report.format).toBe('label-studio');
    expect([report.documentsAdded, report.annotationsAdded]).toEqual([1, 2]);
    expect(report.warnings).toContain('1 document(s) without annotations left out');
    const doc = await read(dir, 'Assad’s forces 😀 shelled 東アレッポ on Tuesday.');
    expect(doc.annotations.map((a) => `${a.label} ${a.quote} ${a.annotator}`).sort()).toEqual(['actor Assad’s forces label-studio user 3', 'location 東アレッポ label-studio user 3']);
  });
});
