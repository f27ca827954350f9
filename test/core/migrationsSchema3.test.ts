import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSeeds } from '../../main/core/importArticles';
import { DEFAULT_LABELS, DocumentFileSchema, MEASURE_ATTRIBUTE, SCHEMA_VERSION, WORKSPACE_SCHEMA_VERSION, WorkspaceFileSchema, type Label } from '../../main/core/model';
import { listBackups } from '../../main/core/store/backups';
import { parseJsonFile, upgradedFrom } from '../../main/core/store/durableJsonFile';
import { migrate } from '../../main/core/store/migrations';
import { Workspace } from '../../main/core/store/workspace';
import { createWorkbench } from '../../main/service/workbench';
import { repoRoot, tempDir } from '../helpers';

/// The default labels as schema 2 wrote them: no label declared attributes.
const LABELS_2 = DEFAULT_LABELS.map(({ attributes: _attributes, ...label }) => label);

/// A `workspace.json` of schema 2 with `labels`.
const workspace2 = (labels: object[]) => ({ schemaVersion: 2, labels, annotators: ['ana'], currentAnnotator: 'ana' });

describe('workspace.json from schema 2 to 3', () => {
  it('the figure label gains the measure attribute; the other labels are left as they were', () => {
    expect(WORKSPACE_SCHEMA_VERSION).toBe(3);
    const { json, from } = migrate('workspace.json', 'workspace', workspace2(LABELS_2));
    expect(from).toBe(2);
    expect(json).toEqual({ ...workspace2(DEFAULT_LABELS), schemaVersion: 3 });
    expect((json as { labels: Label[] }).labels.find((l) => l.id === 'figure')?.attributes).toEqual([MEASURE_ATTRIBUTE]);
    expect(WorkspaceFileSchema.safeParse(json).success).toBe(true);
  });

  it('a figure label that already declares attributes keeps its own, and a renamed figure label still gains measure', () => {
    const unit = { id: 'unit', name: 'Unit', kind: 'choice', choices: ['people', 'families'] };
    const declared = LABELS_2.map((l) => (l.id === 'figure' ? { ...l, attributes: [unit] } : l));
    const kept = migrate('workspace.json', 'workspace', workspace2(declared)).json as { labels: Label[] };
    expect(kept.labels.find((l) => l.id === 'figure')?.attributes).toEqual([unit]);
    const none = LABELS_2.map((l) => (l.id === 'figure' ? { ...l, attributes: [] } : l));
    expect((migrate('workspace.json', 'workspace', workspace2(none)).json as { labels: Label[] }).labels.find((l) => l.id === 'figure')?.attributes).toEqual([]);
    const renamed = LABELS_2.map((l) => (l.id === 'figure' ? { ...l, name: 'Casualties' } : l));
    const upgraded = migrate('workspace.json', 'workspace', workspace2([...renamed, { id: 'claim', name: 'Claim', color: '#000000', key: '5' }])).json as { labels: Label[] };
    expect(upgraded.labels.find((l) => l.id === 'figure')).toMatchObject({ name: 'Casualties', attributes: [MEASURE_ATTRIBUTE] });
    expect(upgraded.labels.find((l) => l.id === 'claim')).toEqual({ id: 'claim', name: 'Claim', color: '#000000', key: '5' });
  });

  it('a schema 1 file (with the document list) goes through both steps', () => {
    const { json, from } = migrate('workspace.json', 'workspace', { ...workspace2(LABELS_2), schemaVersion: 1, documents: [] });
    expect(from).toBe(1);
    expect(json).toEqual({ ...workspace2(DEFAULT_LABELS), schemaVersion: 3 });
  });

  it('is upgraded on open after a backup of the old file, and the user is told', async () => {
    const dir = tempDir();
    const ws = await Workspace.open(dir);
    await importSeeds(ws, join(repoRoot, 'seeds'));
    await ws.close();
    const current = JSON.parse(readFileSync(join(dir, 'workspace.json'), 'utf8'));
    writeFileSync(join(dir, 'workspace.json'), JSON.stringify({ ...current, schemaVersion: 2, labels: LABELS_2 }));
    const reopened = await Workspace.open(dir);
    expect(reopened.labels).toEqual(DEFAULT_LABELS);
    expect(reopened.notices.join('\n')).toMatch(/upgraded workspace\.json from schema 2 to 3; the previous state is backup /);
    // A figure may now carry a measure.
    const doc = reopened.listDocuments()[0].id;
    const created = await createWorkbench(reopened).annotations.create({ docId: doc, label: 'figure', start: 0, end: 5, attributes: { measure: 'rebels' } });
    expect(created.attributes).toEqual({ measure: 'rebels' });
    await reopened.close();
    expect(JSON.parse(readFileSync(join(dir, 'workspace.json'), 'utf8'))).toEqual(current);
    const backups = await listBackups(dir);
    expect(backups.some((b) => JSON.parse(readFileSync(join(dir, 'backups', b.name, 'workspace.json'), 'utf8')).schemaVersion === 2)).toBe(true);
  });
});

describe('document files from schema 2 on', () => {
  it('a schema 2 file reads in the current schema, unchanged otherwise, and is marked as upgraded from 2', async () => {
    expect(SCHEMA_VERSION).toBe(5);
    const dir = tempDir();
    const ws = await Workspace.open(dir);
    await importSeeds(ws, join(repoRoot, 'seeds'));
    const doc = ws.listDocuments()[0].id;
    await createWorkbench(ws).annotations.create({ docId: doc, label: 'actor', start: 0, end: 5 });
    const current = await ws.readDocument(doc);
    await ws.close();
    const path = join(dir, 'documents', `${doc.slice(7)}.json`);
    const old = JSON.stringify({ ...current, schemaVersion: 2 });
    const parsed = parseJsonFile(path, old, DocumentFileSchema, 'document');
    expect(parsed).toEqual(current);
    expect(upgradedFrom.get(parsed)).toBe(2);
  });

  it('in a workspace, a schema 2 file is read in the current schema and written so at its next save', async () => {
    const dir = tempDir();
    const ws = await Workspace.open(dir);
    await importSeeds(ws, join(repoRoot, 'seeds'));
    const doc = ws.listDocuments()[1].id;
    const first = await createWorkbench(ws).annotations.create({ docId: doc, label: 'actor', start: 0, end: 5 });
    const current = await ws.readDocument(doc);
    await ws.close();
    const path = join(dir, 'documents', `${doc.slice(7)}.json`);
    writeFileSync(path, JSON.stringify({ ...current, schemaVersion: 2 }));
    const reopened = await Workspace.open(dir);
    expect(await reopened.readDocument(doc)).toEqual(current);
    expect(reopened.listDocuments()[1].counts).toEqual({ actor: 1 });
    // Reading alone does not write it back; the next save does.
    expect(JSON.parse(readFileSync(path, 'utf8')).schemaVersion).toBe(2);
    await createWorkbench(reopened).annotations.update({ docId: doc, id: first.id, attributes: null, label: 'location' });
    expect(JSON.parse(readFileSync(path, 'utf8')).schemaVersion).toBe(SCHEMA_VERSION);
    await reopened.close();
  });

  it('a schema 3 file’s figures are given the quantity their text states; others and unreadable ones stay as they were', async () => {
    const dir = tempDir();
    const ws = await Workspace.open(dir);
    await importSeeds(ws, join(repoRoot, 'seeds'));
    const doc = ws.listDocuments()[2].id;
    const api = createWorkbench(ws);
    const { text } = (await ws.readDocument(doc)).document;
    const at = (phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });
    await api.annotations.create({ docId: doc, label: 'figure', ...at('Between 10,000 and 13,000 civilians') });
    await api.annotations.create({ docId: doc, label: 'figure', ...at('civilians') });
    await api.annotations.create({ docId: doc, label: 'actor', ...at('Observatory') });
    const current = await ws.readDocument(doc);
    await ws.close();
    expect(current.annotations.find((a) => a.quote.startsWith('Between'))?.quantity).toMatchObject({ low: 10000, high: 13000 });
    // As schema 3 wrote it: no quantity anywhere.
    const asSchema3 = { ...current, schemaVersion: 3, annotations: current.annotations.map(({ quantity: _quantity, ...a }) => a) };
    const parsed = parseJsonFile(join(dir, 'documents', `${doc.slice(7)}.json`), JSON.stringify(asSchema3), DocumentFileSchema, 'document');
    expect(parsed).toEqual(current);
    expect(upgradedFrom.get(parsed)).toBe(3);
  });
});
