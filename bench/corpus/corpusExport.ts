/// Exports of the whole corpus in each format, each in a child process of its own (`exportChild.ts`:
/// open read-only, export every document to a file as `awb export` does) so that its wall time
/// and peak memory are measured alone; and agreement over two annotators' 50,000 spans each
/// (`computeAgreement`).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeAgreement } from '../../main/core/agreement';
import { EXPORT_FILES, EXPORT_FORMATS, type ExportFormat } from '../../main/core/export/renderExport';
import type { Annotation, DocumentFile } from '../../main/core/model';
import { median } from '../stats';
import { seededRandom } from '../../test/seededRandom';
import { seedOf } from '../workload';
import { corpusDocument, CORPUS_ANNOTATOR, seededUuid, SPANS_PER_ARTICLE } from './corpusDocument';
import type { ExportChildReport } from './exportChild';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/// Longest an export may run before it is stopped and reported as failed.
const EXPORT_TIMEOUT_MS = 10 * 60 * 1000;

/// One export: what the child reported, or why it failed.
export interface ExportResult {
  format: ExportFormat;
  /// Reading every document, rendering, and writing the file durably (opening not included).
  ms: number;
  /// Opening the workspace read-only, in the same process.
  openMs: number;
  /// From starting the child process until it exited (Node and tsx start-up included).
  wallMs: number;
  /// Peak resident memory of the child process (`VmHWM`, as it reported it or, for a child that
  /// died, the highest seen in /proc while it ran).
  peakRssBytes: number;
  /// Of which reached by opening the workspace.
  openedRssBytes: number;
  /// Annotations exported.
  annotations: number;
  /// Size of the file written.
  bytes: number;
  /// Why the export failed (the child's last lines of output), when it did.
  error?: string;
}

/// The high-water mark of a process's resident memory, from /proc (Linux), or 0.
function residentHighWater(pid: number): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/// Runs `exportChild.ts` for one format.
function exportInChild(dir: string, format: ExportFormat, file: string): Promise<{ report: ExportChildReport | null; wallMs: number; highWater: number; error?: string }> {
  const script = fileURLToPath(new URL('./exportChild.ts', import.meta.url));
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', script, dir, format, file], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let highWater = 0;
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const watch = setInterval(() => (highWater = Math.max(highWater, residentHighWater(child.pid!))), 100);
  const timeout = setTimeout(() => child.kill('SIGKILL'), EXPORT_TIMEOUT_MS);
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      clearInterval(watch);
      clearTimeout(timeout);
      const wallMs = performance.now() - started;
      const line = stdout.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) return resolve({ report: JSON.parse(line) as ExportChildReport, wallMs, highWater });
      const lines = stderr.trim().split('\n').filter(Boolean);
      const why = lines.find((l) => /Error|FATAL|heap/i.test(l)) ?? lines.pop() ?? '';
      const ended = signal ? `killed by ${signal}${signal === 'SIGKILL' && wallMs >= EXPORT_TIMEOUT_MS ? ' after the time limit' : ''}` : `exited with ${code}`;
      resolve({ report: null, wallMs, highWater, error: `${ended}: ${why.trim()}`.slice(0, 300) });
    });
  });
}

/// Exports everything in every format, each in a fresh process from a freshly opened (read-only)
/// workspace, so that reading the documents is part of it, as for `awb export`.
export async function measureExports(dir: string, log: (line: string) => void): Promise<ExportResult[]> {
  const out = await mkdtemp(join(tmpdir(), 'awb-bench-export-'));
  const results: ExportResult[] = [];
  try {
    for (const format of EXPORT_FORMATS) {
      const file = join(out, `all${EXPORT_FILES[format].extension}`);
      const { report, wallMs, highWater, error } = await exportInChild(dir, format, file);
      const bytes = report ? (await stat(file)).size : NaN;
      const result: ExportResult = {
        format,
        ms: report?.ms ?? NaN,
        openMs: report?.openMs ?? NaN,
        wallMs,
        // The child's own figure when it reported (a poll between fork and exec sees the parent's).
        peakRssBytes: report ? report.peakRssBytes : highWater || NaN,
        openedRssBytes: report?.openedRssBytes ?? NaN,
        annotations: report?.annotations ?? NaN,
        bytes,
        ...(error ? { error } : {}),
      };
      results.push(result);
      const memory = `peak ${(result.peakRssBytes / 1e6).toFixed(0)} MB (${(result.openedRssBytes / 1e6).toFixed(0)} MB once opened)`;
      log(error ? `  export ${format} FAILED after ${(wallMs / 1000).toFixed(1)} s (${memory}): ${error}` : `  export ${format}: ${result.ms.toFixed(0)} ms, ${(bytes / 1e6).toFixed(0)} MB, ${memory}`);
      await rm(file, { recursive: true, force: true });
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
