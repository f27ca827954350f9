// The annotation import dialog's pieces: which files it takes, the label map as typed, and the
// formats it offers, which are the service's.
import { describe, expect, it } from 'vitest';
import { FOREIGN_FORMATS } from '../../main/core/foreignFormats/foreignFile';
import { ANNOTATION_FORMATS, isAnnotationFile, isExchangeFile, parseLabelMap } from '../../renderer/src/import/importedFileKinds';

describe('annotation import', () => {
  it('offers exactly the formats the service reads', () => {
    expect(ANNOTATION_FORMATS.map(([id]) => id).sort()).toEqual([...FOREIGN_FORMATS].sort());
  });

  it('takes annotation files, leaves articles and our exchange files to their own imports', () => {
    for (const name of ['work.zip', 'doccano.JSONL', 'project.json', 'web.jsonld', 'tags.conll', 'a.ann']) expect(isAnnotationFile(name), name).toBe(true);
    for (const name of ['article.txt', 'page.html', 'paper.pdf', 'memo.docx', 'notes.md']) expect(isAnnotationFile(name), name).toBe(false);
    expect(isExchangeFile('colleague.awb.json')).toBe(true);
    expect(isExchangeFile('label-studio.json')).toBe(false);
  });

  it('reads the label map one FROM=TO a line, FROM= leaving a label out, and names a line that is not one', () => {
    expect(parseLabelMap(' PER = actor \n\nGPE=location\nMISC=\n')).toEqual({ PER: 'actor', GPE: 'location', MISC: '' });
    expect(parseLabelMap('PER=actor\nlocation')).toEqual({ problem: 'line 2 of the label map is not FROM=TO: location' });
    expect(parseLabelMap('=actor')).toEqual({ problem: 'line 1 of the label map is not FROM=TO: =actor' });
  });
});
