// `awb import` of other tools' annotation files: told apart by content, labels mapped on the
// command line, a report per file, a refused file writing nothing and setting the exit code.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../main/core/store/workspace';
import { documentIdOf } from '../../main/core/text/readArticle';
import { awb, repoRoot, tempDir } from '../helpers';

const brat = join(repoRoot, 'test', 'fixtures', 'foreign', 'brat-sample');
const text = 'Sergei Lavrov spoke in Moscow.';

describe('awb import of annotation files', () => {
  it('reads a brat folder and a W3C .json by their content, with --label-map and --annotator; refuses unknown labels whole', async () => {
    const dir = tempDir();
    const ws = join(dir, 'ws');
    const refused = awb('import', brat, '--workspace', ws);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`awb import: ${brat}: nothing was imported: labels this workspace does not have: "Organisation" (1 span); map them with --label-map Organisation=<label>`);
    const done = awb('import', brat, '--label-map', 'Organisation=actor', '--annotator', 'bo', '--workspace', ws);
    expect(done.stderr).not.toMatch(/nothing was imported/);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain(`${brat}: read as brat; labels mapped: Organisation → actor`);
    expect(done.stdout).toMatch(/1 documents added \(0 already present\), 6 annotations added/);
    const w3c = join(dir, 'tags.json');
    writeFileSync(w3c, JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', motivation: 'tagging', creator: { type: 'Person', name: 'wu' },
      body: [{ type: 'TextualBody', purpose: 'tagging', value: 'location' }],
      target: { source: 'aleppo.txt', selector: { type: 'TextQuoteSelector', exact: 'Idlib', prefix: 'and ', suffix: '.' } },
    }));
    const placed = awb('import', w3c, '--workspace', ws);
    expect(placed.code).toBe(0);
    expect(placed.stdout).toMatch(/read as w3c/);
    expect(placed.stdout).toMatch(/1 annotations added/);
    const again = awb('import', w3c, '--workspace', ws);
    expect(again.stdout).toMatch(/0 annotations added \(0 re-anchored\), 1 already present/);
  });

  it('imports an article and a Prodigy file together; a bad --label-map is a usage error', async () => {
    const dir = tempDir();
    const ws = join(dir, 'ws');
    const article = join(dir, 'lavrov.txt');
    writeFileSync(article, text);
    const prodigy = join(dir, 'spans.jsonl');
    writeFileSync(prodigy, JSON.stringify({ text, spans: [{ start: 0, end: 13, label: 'PERSON' }, { start: 23, end: 29, label: 'GPE' }], _annotator_id: 'pat' }) + '\n');
    expect(awb('import', article, prodigy, '--label-map', 'nonsense', '--workspace', ws).code).toBe(2);
    const result = awb('import', article, prodigy, '--label-map', 'PERSON=Actor', '--label-map', 'gpe=location', '--workspace', ws);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/0 documents added \(1 already present\), 2 annotations added/);
    const opened = await Workspace.open(ws, { readOnly: true });
    const doc = await opened.readDocument(documentIdOf(text));
    await opened.close();
    expect(doc.document.sourceName).toBe('lavrov.txt');
    expect(doc.annotations.map((a) => `${a.label} ${a.quote} ${a.annotator}`)).toEqual(['actor Sergei Lavrov pat', 'location Moscow pat']);
  });
});
