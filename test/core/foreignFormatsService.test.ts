// The app imports another tool's file through the service (`annotations.importFile`): a brat zip
// goes in with a report; a refused file comes back as an error the UI can show, writing nothing.
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../main/core/store/workspace';
import { documentIdOf } from '../../main/core/text/readArticle';
import { dispatch } from '../../main/service/dispatch';
import { createWorkbench } from '../../main/service/workbench';
import { tempDir } from '../helpers';

const text = 'Sergei Lavrov spoke in Moscow.';
const zip = (ann: string) => Buffer.from(zipSync({ 'doc.txt': Buffer.from(text), 'doc.ann': Buffer.from(ann) })).toString('base64');

describe('annotations.importFile', () => {
  it('imports a brat zip with a label map and reports it; refuses a bad one with its reasons and writes nothing', async () => {
    const ws = await Workspace.open(tempDir());
    const api = createWorkbench(ws);
    const bad = await dispatch(api, 'annotations.importFile', [{ name: 'bad.zip', base64: zip('T1\tPER 0 13\tSergei Lavrov\nT2\tLocation 23 99\tMoscow\n') }, { labelMap: { per: 'actor' } }]);
    expect(bad).toMatchObject({ ok: false, error: { code: 'foreign-rejected', message: expect.stringMatching(/^bad\.zip: nothing was imported: doc\.ann line 2: offsets 23–99 \(code points\) are outside the text/) } });
    expect(ws.hasDocument(documentIdOf(text))).toBe(false);
    const good = await dispatch(api, 'annotations.importFile', [{ name: 'good.zip', base64: zip('T1\tPER 0 13\tSergei Lavrov\nT2\tLocation 23 29\tMoscow\n') }, { labelMap: { per: 'actor' }, annotator: 'bo' }]);
    expect(good).toMatchObject({ ok: true, value: { format: 'brat', documentsAdded: 1, annotationsAdded: 2, labelsMapped: [{ from: 'PER', to: 'actor' }] } });
    const doc = await ws.readDocument(documentIdOf(text));
    expect(doc.annotations.map((a) => `${a.label} ${a.quote} ${a.annotator}`)).toEqual(['actor Sergei Lavrov bo', 'location Moscow bo']);
    const unknownOption = await dispatch(api, 'annotations.importFile', [{ name: 'good.zip', base64: zip('') }, { format: 'excel' }]);
    expect(unknownOption).toMatchObject({ ok: false });
    await ws.close();
  });
});
