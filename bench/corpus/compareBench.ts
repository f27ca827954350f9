/// Compare over the corpus, on the real store and service: `compare.figures`,
/// `compare.quotes`, `compare.entities` and `compare.charts` with no filter (the whole corpus, what
/// Compare shows first), each timed through the service as the app calls it, with the size of its
/// result as JSON (which travels to the renderer) and, to tell where the time goes, the time of
/// its SQL queries alone.
import type Database from 'better-sqlite3';
import { RELATION_ENDS } from '../../main/core/annotations';
import {
  annotatorCounts,
  documentTotal,
  measureFigureKeyRows,
  outletDocumentCounts,
  outletLabelRows,
  quoteSpeakerRows,
  topDocumentLabelRows,
  type CompareFilter,
} from '../../main/core/store/sqlIndex/compareQuery';
import { entitySummaries, measureSummaries, NO_MEASURE_KEY } from '../../main/core/store/sqlIndex/compareSummaryQuery';
import { CHART_DOCUMENTS } from '../../main/core/compare/labelCharts';
import type { QuotePage } from '../../main/core/compare/compareReport';
import { Workspace } from '../../main/core/store/workspace';
import { createWorkbench } from '../../main/service/workbench';
import { median, timed } from '../stats';

/// Timed runs after the warm-up.
const RUNS = 5;
const NO_FILTER: CompareFilter = {};

/// The four parts of Compare, as the service names them.
export const COMPARE_PARTS = ['figures', 'quotes', 'entities', 'charts'] as const;
export type ComparePart = (typeof COMPARE_PARTS)[number];

/// One part of Compare.
export interface ComparePartResult {
  /// Through the service: median and each run.
  ms: number;
  runs: number[];
  /// Its SQL queries alone (rows read, not shaped): median.
  sqlMs: number;
  /// Rows its queries return.
  sqlRows: number;
  /// The result as JSON: bytes, and the time `JSON.stringify` took (median).
  jsonBytes: number;
  jsonMs: number;
  /// What the result holds, for the table ("1,234 groups, 50,000 figures").
  holds: string;
}

/// Compare over the whole corpus, or why it could not be measured (a part that threw).
export type CompareBenchResult = CompareMeasured | { failed: true; reason: string };

/// Compare over the whole corpus, measured.
export interface CompareMeasured {
  failed?: undefined;
  /// The four parts one after another through the service: median and each run.
  totalMs: number;
  totalRuns: number[];
  /// The same runs in CPU time of this process (user + system, all its threads, the garbage
  /// collector's too): median. Tells the work from the waiting on a busy machine.
  totalCpuMs: number;
  parts: Record<ComparePart, ComparePartResult>;
  /// The four results as JSON.
  jsonBytes: number;
  jsonMs: number;
}

type Db = Database.Database;

/// The queries each part asks of an index whose summaries are up to date (the charts' agreement
/// query runs only with two annotators, and the corpus has one).
const QUERIES: Record<ComparePart, (db: Db) => number> = {
  figures: (db) => {
    const groups = measureSummaries(db);
    const largest = groups.filter((g) => g.key !== NO_MEASURE_KEY).sort((x, y) => y.figures - x.figures)[0];
    return groups.length + (largest ? measureFigureKeyRows(db, largest.key).length : 0);
  },
  quotes: (db) => quoteSpeakerRows(db, NO_FILTER, RELATION_ENDS.speaker.from).length,
  entities: (db) => entitySummaries(db).length,
  charts: (db) =>
    annotatorCounts(db, NO_FILTER).length +
    outletLabelRows(db, NO_FILTER).length +
    outletDocumentCounts(db, NO_FILTER).length +
    topDocumentLabelRows(db, NO_FILTER, CHART_DOCUMENTS).length +
    Number(documentTotal(db, NO_FILTER) >= 0),
};

const count = (n: number) => n.toLocaleString('en-US');

/// What a part's result holds, in a few words.
function holds(part: ComparePart, value: unknown): string {
  if (part === 'figures') {
    const { groups, items } = value as { groups: { measure: string | null; figures: number; conflictTotal: number }[]; items: unknown[] };
    const figures = groups.reduce((n, g) => n + g.figures, 0);
    const conflicts = groups.reduce((n, g) => n + g.conflictTotal, 0);
    return `${count(groups.filter((g) => g.measure !== null).length)} measures, ${count(figures)} figures, ${count(conflicts)} conflicting pairs; a page of ${count(items.length)} sent`;
  }
  if (part === 'quotes') {
    const { speakers, quotes, groups } = value as QuotePage;
    return `${count(quotes)} quotes of ${count(speakers)} speakers; a page of ${count(groups.length)} statements (${count(groups.reduce((n, g) => n + g.items.length, 0))} quotes) sent`;
  }
  if (part === 'entities') {
    const entities = value as { outlets: unknown[]; mentions: number }[];
    return `${count(entities.length)} entities, ${count(entities.reduce((n, e) => n + e.mentions, 0))} mentions, ${count(entities.reduce((n, e) => n + e.outlets.length, 0))} entity × outlet rows`;
  }
  const charts = value as { outlets: unknown[]; documents: unknown[]; documentTotal: number };
  return `${count(charts.outlets.length)} outlets, ${count(charts.documents.length)} of ${count(charts.documentTotal)} documents`;
}

/// Opens the corpus read-only (the index checked first, as `measureSearch` opens it) and times
/// Compare: one warm-up of the four parts, then `RUNS` runs of the four one after another; then
/// each part's SQL alone and its result as JSON.
export async function measureCompare(dir: string, log: (line: string) => void): Promise<CompareBenchResult> {
  const workspace = await Workspace.open(dir, { readOnly: true });
  try {
    const service = createWorkbench(workspace);
    const call: Record<ComparePart, () => Promise<unknown>> = {
      figures: () => service.compare.figures(NO_FILTER, {}),
      quotes: () => service.compare.quotes(NO_FILTER, { speaker: 0, statement: 0 }),
      entities: () => service.compare.entities(NO_FILTER),
      charts: () => service.compare.charts(NO_FILTER, null),
    };
    const runs = Object.fromEntries(COMPARE_PARTS.map((p) => [p, [] as number[]])) as Record<ComparePart, number[]>;
    const results = {} as Record<ComparePart, unknown>;
    const totalRuns: number[] = [];
    const cpuRuns: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const times: string[] = [];
      let total = 0;
      const cpu = process.cpuUsage();
      for (const part of COMPARE_PARTS) {
        // The last run's answer goes first: two of the figures at 100,000 articles fill the heap.
        results[part] = null;
        const { value, ms } = await timed(call[part]);
        results[part] = value;
        if (run > 0) runs[part].push(ms);
        times.push(`${part} ${ms.toFixed(0)}`);
        total += ms;
      }
      const used = process.cpuUsage(cpu);
      if (run > 0) totalRuns.push(total);
      if (run > 0) cpuRuns.push((used.user + used.system) / 1000);
      log(`  Compare ${run === 0 ? 'warm-up' : `run ${run}`}: ${total.toFixed(0)} ms (${times.join(', ')})`);
    }
    const parts = {} as Record<ComparePart, ComparePartResult>;
    let jsonBytes = 0;
    let jsonMs = 0;
    for (const part of COMPARE_PARTS) {
      const sql: number[] = [];
      let sqlRows = 0;
      for (let i = 0; i < RUNS; i++) {
        const { value, ms } = await timed(() => workspace.queryIndex(QUERIES[part]));
        sql.push(ms);
        sqlRows = value;
      }
      const stringify: number[] = [];
      let bytes = NaN;
      for (let i = 0; i < RUNS; i++) {
        try {
          const { value, ms } = await timed(() => JSON.stringify(results[part]));
          stringify.push(ms);
          bytes = Buffer.byteLength(value);
        } catch (error) {
          // A result too long for one string (V8's limit is about 2^29 characters).
          log(`  compare.${part} as JSON: ${error instanceof Error ? error.message : String(error)}`);
          break;
        }
      }
      parts[part] = { ms: median(runs[part]), runs: runs[part], sqlMs: median(sql), sqlRows, jsonBytes: bytes, jsonMs: median(stringify), holds: holds(part, results[part]) };
      jsonBytes += bytes;
      jsonMs += parts[part].jsonMs;
    }
    return { totalMs: median(totalRuns), totalRuns, totalCpuMs: median(cpuRuns), parts, jsonBytes, jsonMs };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    log(`  Compare failed: ${reason}`);
    return { failed: true, reason };
  } finally {
    await workspace.close();
  }
}
