/// Agreement around an adjudication (DESIGN §6): A against B on their own work, which deciding
/// never changes (the outcome goes into the curated layer), and, once something is curated, each
/// of them against the curated layer: how close each annotator came to the adjudicated result.
import { AgreementTally, type AgreementReport } from './agreement.js';
import type { DocumentFile } from './model.js';
import { CURATION_LAYER } from './review.js';

/// The figures of one review: `before` is A against B; `after`, each of them against the
/// curated layer (null while no document with the curated layer was tagged by either).
export interface AdjudicationReport {
  before: AgreementReport;
  after: { a: AgreementReport; b: AgreementReport } | null;
}

/// Counts documents in one at a time (only the counts are kept), for the three comparisons.
export class AdjudicationTally {
  private readonly before: AgreementTally;
  private readonly afterA: AgreementTally;
  private readonly afterB: AgreementTally;

  constructor(a: string, b: string) {
    this.before = new AgreementTally(a, b);
    this.afterA = new AgreementTally(a, CURATION_LAYER);
    this.afterB = new AgreementTally(b, CURATION_LAYER);
  }

  /// Counts one document in.
  add(file: DocumentFile): void {
    this.before.add(file);
    this.afterA.add(file);
    this.afterB.add(file);
  }

  /// The figures so far.
  report(): AdjudicationReport {
    const a = this.afterA.report();
    const b = this.afterB.report();
    return { before: this.before.report(), after: a.documents || b.documents ? { a, b } : null };
  }
}
