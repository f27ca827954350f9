/// Inter-annotator agreement between two annotators (DESIGN §6), over the documents both have
/// annotated: exact-span F1, overlap F1 (one-to-one, largest overlap first) and token-level
/// Cohen's kappa, overall, per label and per document. A figure with nothing to count is `null`.
import type { Annotation, DocumentFile } from './model.js';
import { tagTokens, tokenize, type Token } from './tokens.js';

/// Matches and counts behind one F1.
export interface F1Counts {
  f1: number | null;
  matches: number;
  countA: number;
  countB: number;
}

/// One kind of F1, overall and per label.
export interface F1Figures extends F1Counts {
  perLabel: Record<string, F1Counts>;
}

/// The figures `awb agreement --json` prints, key for key.
export interface AgreementReport {
  a: string;
  b: string;
  documents: number;
  tokens: number;
  kappa: number | null;
  exact: F1Figures;
  overlap: F1Figures;
  perDocument: { id: string; title: string; kappa: number | null; exactF1: number | null; overlapF1: number | null }[];
}

type Span = Pick<Annotation, 'start' | 'end' | 'label'>;

/// F1 = 2·matches / (|A| + |B|); `null` when both layers are empty.
export function f1(matches: number, countA: number, countB: number): number | null {
  return countA + countB === 0 ? null : (2 * matches) / (countA + countB);
}

/// Pairs of spans with equal start, end and label, one to one.
export function exactMatches(a: Span[], b: Span[]): [Span, Span][] {
  const pool = new Map<string, Span[]>();
  for (const s of b) {
    const key = `${s.label}\u0000${s.start}\u0000${s.end}`;
    pool.set(key, [...(pool.get(key) ?? []), s]);
  }
  const pairs: [Span, Span][] = [];
  for (const s of a) {
    const candidates = pool.get(`${s.label}\u0000${s.start}\u0000${s.end}`);
    const partner = candidates?.pop();
    if (partner) pairs.push([s, partner]);
  }
  return pairs;
}

/// Pairs of overlapping spans with the same label, one to one, taking the largest overlap first
/// (ties: earlier span of A, then earlier span of B).
export function overlapMatches(a: Span[], b: Span[]): [Span, Span][] {
  const candidates: { i: number; j: number; overlap: number }[] = [];
  // Sweep both layers in start order, keeping the spans of B that may still overlap.
  const orderA = [...a.keys()].sort((x, y) => a[x].start - a[y].start);
  const orderB = [...b.keys()].sort((x, y) => b[x].start - b[y].start);
  let active: number[] = [];
  let next = 0;
  for (const i of orderA) {
    const s = a[i];
    while (next < orderB.length && b[orderB[next]].start < s.end) active.push(orderB[next++]);
    active = active.filter((j) => b[j].end > s.start);
    for (const j of active) {
      const t = b[j];
      const overlap = Math.min(s.end, t.end) - Math.max(s.start, t.start);
      if (overlap > 0 && s.label === t.label) candidates.push({ i, j, overlap });
    }
  }
  candidates.sort((x, y) => y.overlap - x.overlap || a[x.i].start - a[y.i].start || x.i - y.i || b[x.j].start - b[y.j].start || x.j - y.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: [Span, Span][] = [];
  for (const { i, j } of candidates) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    pairs.push([a[i], b[j]]);
  }
  return pairs;
}

/// Per-token tags of a layer (label of the covering span, or `O`), DESIGN §5's precedence.
export function tokenTags(tokens: Token[], spans: Span[]): string[] {
  const { owners } = tagTokens(tokens, spans);
  return owners.map((o) => o?.label ?? 'O');
}

/// How often each tag occurs in either layer and how often the layers agree, over some tokens.
class TagCounts {
  tokens = 0;
  agree = 0;
  readonly countA = new Map<string, number>();
  readonly countB = new Map<string, number>();

  add(tagsA: readonly string[], tagsB: readonly string[]): void {
    for (let i = 0; i < tagsA.length; i++) {
      if (tagsA[i] === tagsB[i]) this.agree++;
      this.countA.set(tagsA[i], (this.countA.get(tagsA[i]) ?? 0) + 1);
      this.countB.set(tagsB[i], (this.countB.get(tagsB[i]) ?? 0) + 1);
    }
    this.tokens += tagsA.length;
  }

  /// Cohen's kappa; `null` for no tokens. With p_e = 1, kappa is 1 when p_o = 1 (DESIGN §6).
  kappa(): number | null {
    const n = this.tokens;
    if (n === 0) return null;
    const po = this.agree / n;
    let pe = 0;
    for (const [k, c] of this.countA) pe += (c / n) * ((this.countB.get(k) ?? 0) / n);
    if (pe === 1) return po === 1 ? 1 : 0;
    return (po - pe) / (1 - pe);
  }
}

/// Cohen's kappa of two equally long tag sequences; `null` for none. With p_e = 1, kappa is 1
/// when p_o = 1 (DESIGN §6).
export function cohensKappa(tagsA: string[], tagsB: string[]): number | null {
  const counts = new TagCounts();
  counts.add(tagsA, tagsB);
  return counts.kappa();
}

/// Matches and span counts of one kind of F1, overall and per label, added to document by document.
export class F1Tally {
  private readonly total: F1Counts = { f1: null, matches: 0, countA: 0, countB: 0 };
  private readonly perLabel: Record<string, F1Counts> = {};

  add(pairs: readonly [Span, Span][], a: readonly Span[], b: readonly Span[]): void {
    const entry = (label: string) => (this.perLabel[label] ??= { f1: null, matches: 0, countA: 0, countB: 0 });
    for (const s of a) entry(s.label).countA++;
    for (const s of b) entry(s.label).countB++;
    for (const [s] of pairs) entry(s.label).matches++;
    this.total.matches += pairs.length;
    this.total.countA += a.length;
    this.total.countB += b.length;
  }

  figures(): F1Figures {
    const perLabel: Record<string, F1Counts> = {};
    for (const [label, c] of Object.entries(this.perLabel)) perLabel[label] = { ...c, f1: f1(c.matches, c.countA, c.countB) };
    const { matches, countA, countB } = this.total;
    return { f1: f1(matches, countA, countB), matches, countA, countB, perLabel };
  }
}

/// Agreement of annotators `a` and `b`, built up one document at a time, so that a whole
/// workspace is compared without holding all of it (documents not annotated by both are skipped).
export class AgreementTally {
  private readonly tags = new TagCounts();
  private readonly exact = new F1Tally();
  private readonly overlap = new F1Tally();
  private readonly perDocument: AgreementReport['perDocument'] = [];

  constructor(
    readonly a: string,
    readonly b: string,
  ) {}

  /// Counts one document in.
  add(file: DocumentFile): void {
    const spansA = file.annotations.filter((x) => x.annotator === this.a);
    const spansB = file.annotations.filter((x) => x.annotator === this.b);
    if (!spansA.length || !spansB.length) return;
    const exact = exactMatches(spansA, spansB);
    const overlap = overlapMatches(spansA, spansB);
    const tokens = tokenize(file.document.text);
    const tagsA = tokenTags(tokens, spansA);
    const tagsB = tokenTags(tokens, spansB);
    this.perDocument.push({
      id: file.document.id,
      title: file.document.title,
      kappa: cohensKappa(tagsA, tagsB),
      exactF1: f1(exact.length, spansA.length, spansB.length),
      overlapF1: f1(overlap.length, spansA.length, spansB.length),
    });
    this.exact.add(exact, spansA, spansB);
    this.overlap.add(overlap, spansA, spansB);
    this.tags.add(tagsA, tagsB);
  }

  /// The figures over every document counted so far.
  report(): AgreementReport {
    return {
      a: this.a,
      b: this.b,
      documents: this.perDocument.length,
      tokens: this.tags.tokens,
      kappa: this.tags.kappa(),
      exact: this.exact.figures(),
      overlap: this.overlap.figures(),
      perDocument: [...this.perDocument],
    };
  }
}

/// Agreement of annotators `a` and `b` over `documents` (those not annotated by both are skipped).
export function computeAgreement(documents: Iterable<DocumentFile>, a: string, b: string): AgreementReport {
  const tally = new AgreementTally(a, b);
  for (const file of documents) tally.add(file);
  return tally.report();
}
