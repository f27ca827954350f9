// CoNLL export as readers that take each sentence alone see it: every sentence valid IOB2 (no
// sentence starting with I-, no I-X after O or B-Y), on the seed articles tagged as an analyst
// tags them and on random documents, checked here and by NLTK's own reader; and the token rule
// shared with agreement (ellipses and emoji kept whole).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAgreement } from '../../main/core/agreement';
import { exportConll } from '../../main/core/export/exportConll';
import { writeExport } from '../../main/core/export/renderExport';
import { DocumentFileSchema, SCHEMA_VERSION, type DocumentFile } from '../../main/core/model';
import { Workspace } from '../../main/core/store/workspace';
import { documentIdOf } from '../../main/core/text/readArticle';
import { tokenize } from '../../main/core/tokens';
import { annotatedDocuments } from '../arbitraries';
import { tempDir } from '../helpers';
import { taggedSeeds } from '../seedAnnotations';

/// The sentences of a CoNLL text: each a list of [token, tag], `-DOCSTART-` lines left out.
function sentences(conll: string): [string, string][][] {
  return conll
    .split('\n\n')
    .map((block) => block.split('\n').filter(Boolean).map((line) => line.split('\t') as [string, string]))
    .filter((s) => s.length && s[0][0] !== '-DOCSTART-');
}

/// The IOB2 faults of one sentence: an I- tag that does not go on from a B- or I- of its label.
function iob2Faults(sentence: [string, string][]): string[] {
  const faults: string[] = [];
  let previous = 'O';
  sentence.forEach(([token, tag], i) => {
    if (!/^(O|[BI]-\S+)$/.test(tag)) faults.push(`token ${i} "${token}": tag ${tag} is not IOB2`);
    if (tag.startsWith('I-') && previous.slice(2) !== tag.slice(2)) faults.push(`token ${i} "${token}": ${tag} after ${i ? previous : 'the sentence start'}`);
    previous = tag;
  });
  return faults;
}

/// Every IOB2 fault of a CoNLL text, with its sentence's first tokens.
function conllFaults(conll: string): string[] {
  return sentences(conll).flatMap((s) => iob2Faults(s).map((f) => `${f} in "${s.slice(0, 6).map(([t]) => t).join(' ')} …"`));
}

const doc = (text: string, spans: [label: string, phrase: string][]): DocumentFile => {
  const id = documentIdOf(text);
  return {
    schemaVersion: SCHEMA_VERSION,
    document: { id, title: 'T', sourceName: 't.txt', text, importedAt: '2026-11-22T00:00:00.000Z', meta: {} },
    annotations: spans.map(([label, phrase]) => {
      const start = text.indexOf(phrase);
      return { id: crypto.randomUUID(), docId: id, label, start, end: start + phrase.length, quote: phrase, annotator: 'ana', createdAt: '2026-11-22T00:00:00.000Z', updatedAt: '2026-11-22T00:00:00.000Z', origin: 'manual' as const };
    }),
    relations: [],
  };
};

describe('CoNLL sentences are valid IOB2 each on its own', () => {
  it('starts a sentence inside a span with B-', () => {
    const file = doc('He said: "We stay. We will not leave… Never." Then he left.', [['quote', 'We stay. We will not leave… Never.']]);
    const { text } = exportConll([file]);
    expect(text).toBe(
      '-DOCSTART-\tO\n\nHe\tO\nsaid\tO\n:\tO\n"\tO\nWe\tB-QUOTE\nstay\tI-QUOTE\n.\tI-QUOTE\n\nWe\tB-QUOTE\nwill\tI-QUOTE\nnot\tI-QUOTE\nleave\tI-QUOTE\n…\tI-QUOTE\n\n' +
        'Never\tB-QUOTE\n.\tI-QUOTE\n\n"\tO\nThen\tO\nhe\tO\nleft\tO\n.\tO\n\n',
    );
    expect(conllFaults(text)).toEqual([]);
  });

  it('starts a paragraph inside a span with B-, and writes an ellipsis and emoji as one token each', () => {
    const file = doc('Aid workers said... 👨‍👩‍👧 families\nfled 🇸🇾 today 👍🏽', [['quote', 'families\nfled 🇸🇾 today']]);
    expect(exportConll([file]).text).toBe(
      '-DOCSTART-\tO\n\nAid\tO\nworkers\tO\nsaid\tO\n...\tO\n\n👨‍👩‍👧\tO\nfamilies\tB-QUOTE\n\nfled\tB-QUOTE\n🇸🇾\tI-QUOTE\ntoday\tI-QUOTE\n👍🏽\tO\n\n',
    );
  });

  it('on the seed articles, tagged as an analyst tags them (quotes of several sentences among them)', () => {
    const seeds = taggedSeeds();
    for (const file of seeds) DocumentFileSchema.parse(file);
    const { text } = exportConll(seeds);
    expect(conllFaults(text)).toEqual([]);
    // The check has something to bite on: quotes go on across sentences, so sentences start inside one.
    expect(sentences(text).filter((s) => s[0][1] === 'B-QUOTE').length).toBeGreaterThan(10);
    // …and it finds the fault the export used to make (a span's tag going on with I- in the next sentence).
    expect(conllFaults(text.replace(/\n\n(\S+)\tB-QUOTE\n/, '\n\n$1\tI-QUOTE\n'))).toHaveLength(1);
    expect(conllFaults('a\tB-ACTOR\nb\tI-QUOTE\n\nc\tO\nd\tI-ACTOR\n')).toHaveLength(2);
  });

  it('on random documents with overlapping, nested and multi-line spans', () => {
    fc.assert(
      fc.property(annotatedDocuments, (docs) => {
        expect(conllFaults(exportConll(docs).text)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

/// A Python 3 that has NLTK: `python3` on the PATH, else Debian's own.
function pythonWithNltk(): string | null {
  for (const python of ['python3', '/usr/bin/python3']) {
    const probe = spawnSync(python, ['-c', 'import nltk'], { encoding: 'utf8' });
    if (probe.status === 0) return python;
  }
  return null;
}

const PYTHON = pythonWithNltk();

/// Reads a CoNLL file with NLTK's ConllCorpusReader (the tag column read as its second column)
/// and builds each sentence's tree with conlltags2tree in strict mode, which refuses an I- tag
/// that does not go on from a chunk of its label. Prints the number of sentences read.
const NLTK_CHECK = `
import sys
from nltk.corpus.reader.conll import ConllCorpusReader
from nltk.chunk import conlltags2tree
folder, name = sys.argv[1], sys.argv[2]
reader = ConllCorpusReader(folder, [name], ('words', 'pos'), encoding='utf-8')
count = 0
for sentence in reader.tagged_sents():
    try:
        conlltags2tree([(word, 'X', tag) for word, tag in sentence], strict=True)
    except ValueError as error:
        sys.exit('%s in: %s' % (error, ' '.join('%s/%s' % pair for pair in sentence[:12])))
    count += 1
print(count)
`;

describe('CoNLL read by NLTK', () => {
  it.skipIf(!PYTHON)(
    'NLTK reads every sentence of the seed articles’ export as valid IOB2 (strict conlltags2tree)' + (PYTHON ? '' : ' — skipped: no python3 with NLTK (apt-get install python3-nltk)'),
    async () => {
      const dir = tempDir();
      const ws = await Workspace.open(join(dir, 'ws'));
      const seeds = taggedSeeds();
      for (const file of seeds) {
        const { document } = file;
        await ws.importArticle({ id: document.id, sourceName: document.sourceName, title: document.title, text: document.text, meta: document.meta, encoding: 'utf-8', warnings: [] });
      }
      const { createWorkbench } = await import('../../main/service/workbench');
      const api = createWorkbench(ws);
      for (const file of seeds) for (const a of file.annotations) await api.annotations.create({ docId: a.docId, label: a.label, start: a.start, end: a.end });
      await writeExport(ws, 'conll', {}, join(dir, 'seeds.conll'));
      await ws.close();
      const run = (name: string) => spawnSync(PYTHON!, ['-c', NLTK_CHECK, dir, name], { encoding: 'utf8' });
      const read = run('seeds.conll');
      expect(read.stderr).toBe('');
      expect(read.status).toBe(0);
      expect(Number(read.stdout.trim())).toBe(sentences(exportConll(seeds).text).length + seeds.length);
      // The reader bites: a sentence that starts with I- is refused.
      writeFileSync(join(dir, 'bad.conll'), '-DOCSTART-\tO\n\nsaid\tI-QUOTE\nit\tI-QUOTE\n\n');
      const bad = run('bad.conll');
      expect(bad.status).not.toBe(0);
      expect(bad.stderr).toContain('Bad conll tag sequence');
    },
  );
});

describe('agreement counts the tokens CoNLL writes', () => {
  it('an emoji or an ellipsis is one token in both', () => {
    const text = 'Families 👨‍👩‍👧 fled... 🇸🇾';
    const a = doc(text, [['actor', 'Families 👨‍👩‍👧']]);
    const b = { ...a, annotations: a.annotations.map((x) => ({ ...x, id: crypto.randomUUID(), annotator: 'ben' })) };
    const file = { ...a, annotations: [...a.annotations, ...b.annotations] };
    const report = computeAgreement([file], 'ana', 'ben');
    const conllTokens = exportConll([a]).text.split('\n').filter((l) => l && !l.startsWith('-DOCSTART-'));
    expect(tokenize(text)).toHaveLength(5);
    expect(report.tokens).toBe(conllTokens.length);
  });
});
