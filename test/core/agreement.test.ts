import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAgreement } from '../../main/core/agreement';
import { exportExchange } from '../../main/core/export/exportExchange';
import { DEFAULT_LABELS, SCHEMA_VERSION, type Annotation, type DocumentFile } from '../../main/core/model';
import { documentIdOf } from '../../main/core/text/readArticle';
import { annotatedDocuments } from '../arbitraries';
import { awb, tempDir } from '../helpers';
import { tokensByRule } from '../tokenRule';

function document(text: string, spans: [annotator: string, label: string, phrase: string, nth?: number][]): DocumentFile {
  const id = documentIdOf(text);
  const annotations: Annotation[] = spans.map(([annotator, label, phrase, nth = 0]) => {
    let start = -1;
    for (let k = 0; k <= nth; k++) start = text.indexOf(phrase, start + 1);
    return {
      id: crypto.randomUUID(), docId: id, label, start, end: start + phrase.length, quote: phrase, annotator,
      createdAt: '2026-11-22T00:00:00.000Z', updatedAt: '2026-11-22T00:00:00.000Z', origin: 'manual',
    };
  });
  return { schemaVersion: SCHEMA_VERSION, document: { id, title: text.slice(0, 20), sourceName: 'x.txt', text, importedAt: '2026-11-22T00:00:00.000Z', meta: {} }, annotations, relations: [] };
}

describe('agreement, hand-computed', () => {
  it('identical layers: kappa 1, both F1 1', () => {
    const doc = document('Staffan de Mistura left Aleppo .', [['A', 'actor', 'Staffan de Mistura'], ['B', 'actor', 'Staffan de Mistura'], ['A', 'location', 'Aleppo'], ['B', 'location', 'Aleppo']]);
    const r = computeAgreement([doc], 'A', 'B');
    expect([r.kappa, r.exact.f1, r.overlap.f1, r.documents, r.tokens]).toEqual([1, 1, 1, 1, 6]);
    expect(r.exact.perLabel).toEqual({ actor: { f1: 1, matches: 1, countA: 1, countB: 1 }, location: { f1: 1, matches: 1, countA: 1, countB: 1 } });
  });

  it('disjoint layers: F1 0, kappa -1/3', () => {
    // Tokens: Aleppo and Geneva . — A: loc O O O; B: O O loc O. p_o = 1/2, p_e = 1/16 + 9/16.
    const r = computeAgreement([document('Aleppo and Geneva .', [['A', 'location', 'Aleppo'], ['B', 'location', 'Geneva']])], 'A', 'B');
    expect([r.exact.f1, r.overlap.f1]).toEqual([0, 0]);
    expect(r.kappa).toBeCloseTo(-1 / 3, 12);
  });

  it('one boundary conflict: exact 0, overlap 1, kappa 0.32/0.52', () => {
    // A: actor actor actor O O; B: O actor actor O O. p_o = 4/5, p_e = 3/5·2/5 + 2/5·3/5 = 12/25.
    const r = computeAgreement([document('Staffan de Mistura said .', [['A', 'actor', 'Staffan de Mistura'], ['B', 'actor', 'de Mistura']])], 'A', 'B');
    expect([r.exact.f1, r.overlap.f1, r.exact.matches, r.overlap.matches]).toEqual([0, 1, 0, 1]);
    expect(r.kappa).toBeCloseTo(0.32 / 0.52, 12);
  });

  it('one label conflict: both F1 0 with per-label counts, kappa 0.4', () => {
    // A: actor O O; B: location O O. p_o = 2/3, p_e = 2/3·2/3 = 4/9.
    const r = computeAgreement([document('Aleppo fell .', [['A', 'actor', 'Aleppo'], ['B', 'location', 'Aleppo']])], 'A', 'B');
    expect([r.exact.f1, r.overlap.f1]).toEqual([0, 0]);
    expect(r.exact.perLabel).toEqual({ actor: { f1: 0, matches: 0, countA: 1, countB: 0 }, location: { f1: 0, matches: 0, countA: 0, countB: 1 } });
    expect(r.kappa).toBeCloseTo(0.4, 12);
  });

  it('nested spans: the outer quote tags the tokens; exact F1 2/3', () => {
    const text = 'Lavrov said talks would start . Fine .';
    const r = computeAgreement(
      [document(text, [['A', 'quote', 'Lavrov said talks would start'], ['A', 'actor', 'Lavrov'], ['B', 'quote', 'Lavrov said talks would start']])],
      'A',
      'B',
    );
    expect(r.exact.f1).toBeCloseTo(2 / 3, 12);
    expect(r.kappa).toBe(1);
  });

  it('largest overlap first, one to one', () => {
    // A1 overlaps B1 by 3 and B2 by 6; A2 overlaps B2 by 2. Largest first: A1–B2, then A2 has nothing left.
    const text = 'aaaa bbbb cccc dddd';
    const a1 = { start: 2, end: 11 };
    const spans = (pairs: [string, number, number][]) =>
      pairs.map(([annotator, start, end]) => ({ id: crypto.randomUUID(), docId: documentIdOf(text), label: 'actor', start, end, quote: text.slice(start, end), annotator, createdAt: '2026-11-22T00:00:00.000Z', updatedAt: '2026-11-22T00:00:00.000Z', origin: 'manual' as const }));
    const doc = { ...document(text, []), annotations: spans([['A', a1.start, a1.end], ['A', 12, 16], ['B', 0, 5], ['B', 5, 14]]) };
    const r = computeAgreement([doc], 'A', 'B');
    expect(r.overlap.matches).toBe(1);
    expect(r.overlap.f1).toBe(0.5);
  });

  it('a document annotated by one side only is excluded; an empty layer divides nothing by zero', () => {
    const shared = document('Aleppo fell .', [['A', 'location', 'Aleppo'], ['B', 'location', 'Aleppo']]);
    const onlyA = document('Geneva talks .', [['A', 'location', 'Geneva']]);
    const r = computeAgreement([shared, onlyA], 'A', 'B');
    expect([r.documents, r.exact.countA, r.tokens]).toEqual([1, 1, 3]);
    const empty = computeAgreement([onlyA], 'A', 'B');
    expect(empty).toMatchObject({ documents: 0, tokens: 0, kappa: null, exact: { f1: null, matches: 0, countA: 0, countB: 0, perLabel: {} }, overlap: { f1: null } });
  });
});

/// DESIGN §6 computed a second way: tokens by the token rule read on the whole text's grapheme
/// clusters, kappa from a confusion matrix, exact F1 from multiset intersection, overlap F1 by
/// brute force over all pairs.
function independentAgreement(docs: DocumentFile[], a: string, b: string) {
  const matrix = new Map<string, number>();
  let exact = 0;
  let overlap = 0;
  let countA = 0;
  let countB = 0;
  let documents = 0;
  for (const d of docs) {
    const A = d.annotations.filter((x) => x.annotator === a);
    const B = d.annotations.filter((x) => x.annotator === b);
    if (!A.length || !B.length) continue;
    documents++;
    countA += A.length;
    countB += B.length;
    const keys = B.map((x) => `${x.label}|${x.start}|${x.end}`);
    for (const x of A) {
      const k = keys.indexOf(`${x.label}|${x.start}|${x.end}`);
      if (k >= 0) {
        exact++;
        keys.splice(k, 1);
      }
    }
    const pairs = A.flatMap((x, i) => B.map((y, j) => ({ i, j, o: Math.min(x.end, y.end) - Math.max(x.start, y.start), same: x.label === y.label })))
      .filter((p) => p.o > 0 && p.same)
      .sort((p, q) => q.o - p.o || A[p.i].start - A[q.i].start || p.i - q.i || B[p.j].start - B[q.j].start || p.j - q.j);
    const used = { a: new Set<number>(), b: new Set<number>() };
    for (const p of pairs) {
      if (used.a.has(p.i) || used.b.has(p.j)) continue;
      used.a.add(p.i);
      used.b.add(p.j);
      overlap++;
    }
    const tag = (layer: Annotation[], s: number, e: number) =>
      layer.filter((x) => x.start <= s && x.end >= e).sort((x, y) => x.start - y.start || y.end - x.end)[0]?.label ?? 'O';
    // DESIGN §5's token rule, read plainly on the text's grapheme clusters.
    for (const t of tokensByRule(d.document.text)) {
      const key = `${tag(A, t.start, t.end)}>${tag(B, t.start, t.end)}`;
      matrix.set(key, (matrix.get(key) ?? 0) + 1);
    }
  }
  const n = [...matrix.values()].reduce((x, y) => x + y, 0);
  const row = new Map<string, number>();
  const col = new Map<string, number>();
  let diagonal = 0;
  for (const [key, c] of matrix) {
    const [x, y] = key.split('>');
    row.set(x, (row.get(x) ?? 0) + c);
    col.set(y, (col.get(y) ?? 0) + c);
    if (x === y) diagonal += c;
  }
  const chance = [...row].reduce((s, [k, r]) => s + r * (col.get(k) ?? 0), 0);
  const kappa = n === 0 ? null : n * n === chance ? (diagonal === n ? 1 : 0) : (n * diagonal - chance) / (n * n - chance);
  const f1 = (m: number) => (countA + countB ? (2 * m) / (countA + countB) : null);
  return { documents, tokens: n, kappa, exactF1: f1(exact), overlapF1: f1(overlap) };
}

describe('awb agreement --json', () => {
  it('matches an independent computation of DESIGN §6 on two imported exchange files', () => {
    fc.assert(
      fc.property(annotatedDocuments, (docs) => {
        const dir = tempDir();
        const byAnnotator = (name: string) => docs.map((d) => ({ ...d, annotations: d.annotations.filter((a) => a.annotator === name), relations: [] }));
        writeFileSync(join(dir, 'ana.awb.json'), JSON.stringify(exportExchange(byAnnotator('ana'), DEFAULT_LABELS, 'ana')));
        writeFileSync(join(dir, 'ben.awb.json'), JSON.stringify(exportExchange(byAnnotator('ben'), DEFAULT_LABELS, 'ben')));
        const ws = join(dir, 'w');
        expect(awb('import', join(dir, 'ana.awb.json'), join(dir, 'ben.awb.json'), '--workspace', ws).code).toBe(0);
        const result = awb('agreement', '--a', 'ana', '--b', 'ben', '--json', '--workspace', ws);
        const present = new Set(docs.flatMap((d) => d.annotations.map((a) => a.annotator)));
        if (!present.has('ana') || !present.has('ben')) {
          expect(result.code).toBe(1);
          return;
        }
        expect(result.code, result.stderr).toBe(0);
        const report = JSON.parse(result.stdout);
        expect(Object.keys(report)).toEqual(['a', 'b', 'documents', 'tokens', 'kappa', 'exact', 'overlap', 'perDocument', 'curated']);
        expect(report.curated).toBeNull(); // nothing curated in these workspaces
        expect(Object.keys(report.exact)).toEqual(['f1', 'matches', 'countA', 'countB', 'perLabel']);
        expect(Object.keys(report.perDocument[0] ?? { id: 0, title: 0, kappa: 0, exactF1: 0, overlapF1: 0 })).toEqual(['id', 'title', 'kappa', 'exactF1', 'overlapF1']);
        const expected = independentAgreement(docs, 'ana', 'ben');
        expect(report.documents).toBe(expected.documents);
        expect(report.tokens).toBe(expected.tokens);
        for (const [got, want] of [[report.kappa, expected.kappa], [report.exact.f1, expected.exactF1], [report.overlap.f1, expected.overlapF1]]) {
          if (want === null) expect(got).toBeNull();
          else expect(got).toBeCloseTo(want, 10);
        }
      }),
      { numRuns: 12 },
    );
    // 24 starts of the CLI (each compiles its TypeScript through tsx) on a busy 2-core machine.
  }, 120_000);

  it('prints a readable table, and fails clearly for an unknown annotator', () => {
    const dir = tempDir();
    const doc = document('Aleppo fell .', [['ana', 'location', 'Aleppo'], ['ben', 'location', 'Aleppo']]);
    writeFileSync(join(dir, 'x.awb.json'), JSON.stringify(exportExchange([doc], DEFAULT_LABELS, 'ana')));
    const ws = join(dir, 'w');
    awb('import', join(dir, 'x.awb.json'), '--workspace', ws);
    const table = awb('agreement', '--a', 'ana', '--b', 'ben', '--workspace', ws);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("token-level Cohen's kappa  1.000");
    const unknown = awb('agreement', '--a', 'ana', '--b', 'zoe', '--workspace', ws);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('awb: no annotations by "zoe" in this workspace (annotators: ana, ben)');
  });
});
