/// Exports of the whole corpus in each format (`renderExport` + `writeExport`, as the CLI and the
/// export dialog run them), and agreement over two annotators' 50,000 spans each
/// (`computeAgreement`).
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeAgreement } from '../../main/core/agreement';
import { EXPORT_FILES, EXPORT_FORMATS, renderExport, writeExport, type ExportFormat } from '../../main/core/export/renderExport';
import type { Annotation, DocumentFile } from '../../main/core/model';
import { Workspace } from '../../main/core/store/workspace';
import { median, timed } from '../stats';
import { seededRandom } from '../../test/seededRandom';
import { seedOf } from '../workload';
import { corpusDocument, CORPUS_ANNOTATOR, seededUuid, SPANS_PER_ARTICLE } from './fixture';

/// One export.
export interface ExportResult {
  format: ExportFormat;
  /// Reading every document (fresh workspace), rendering, and writing the file durably.
  ms: number;
  /// Annotations exported.
  annotations: number;
  /// Size of the file written.
  bytes: number;
}

/// Exports everything in every format, each from a freshly opened (read-only) workspace so that
/// reading the documents is part of it, as for the first export after opening.
export async function measureExports(dir: string, log: (line: string) => void): Promise<ExportResult[]> {
  const out = await mkdtemp(join(tmpdir(), 'awb-bench-export-'));
  const results: ExportResult[] = [];
  try {
    for (const format of EXPORT_FORMATS) {
      const workspace = await Workspace.open(dir, { readOnly: true });
      const file = join(out, `all${EXPORT_FILES[format].extension}`);
      const { value: annotations, ms } = await timed(async () => {
        const rendered = await renderExport(workspace, format, {});
        await writeExport(rendered, file);
        return rendered.summary.annotations;
      });
      await workspace.close();
      const bytes = (await stat(file)).size;
      results.push({ format, ms, annotations, bytes });
      log(`  export ${format}: ${ms.toFixed(0)} ms, ${(bytes / 1e6).toFixed(0)} MB`);
      await rm(file, { force: true });
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
  return results;
}

/// Annotator B's version of A's span: mostly the same, sometimes relabelled, a boundary moved,
/// or shifted onto other words.
function perturbed(a: Annotation, text: string, random: () => number): Annotation {
  const roll = random();
  const b = { ...a, id: seededUuid(random), annotator: 'analyst-b' };
  if (roll < 0.7) return b;
  if (roll < 0.8) return { ...b, label: a.label === 'actor' ? 'location' : 'actor' };
  if (roll < 0.9) return a.end - a.start > 2 ? { ...b, end: a.end - 1, quote: text.slice(a.start, a.end - 1) } : b;
  const shift = 3 + Math.floor(random() * 20);
  const start = Math.min(a.start + shift, text.length - 2);
  const end = Math.min(a.end + shift, text.length);
  return { ...b, start, end, quote: text.slice(start, end) };
}

/// Documents annotated by two annotators, `spansEach` spans each (20 per document).
export function agreementDocuments(seed: number, spansEach: number): DocumentFile[] {
  const documents: DocumentFile[] = [];
  for (let i = 0; documents.length * SPANS_PER_ARTICLE < spansEach; i++) {
    const file = corpusDocument(seed, i);
    const random = seededRandom(seedOf(`${seed}:agreement:${i}`));
    const theirs = file.annotations.map((a) => perturbed(a, file.document.text, random));
    documents.push({ ...file, annotations: [...file.annotations, ...theirs] });
  }
  return documents;
}

/// `computeAgreement` of the two annotators, median of three.
export function measureAgreement(seed: number, spansEach = 50_000): { ms: number; documents: number; spansA: number; spansB: number; kappa: number | null } {
  const documents = agreementDocuments(seed, spansEach);
  const times: number[] = [];
  let report = computeAgreement(documents, CORPUS_ANNOTATOR, 'analyst-b');
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    report = computeAgreement(documents, CORPUS_ANNOTATOR, 'analyst-b');
    times.push(performance.now() - started);
  }
  return { ms: median(times), documents: report.documents, spansA: report.exact.countA, spansB: report.exact.countB, kappa: report.kappa };
}
