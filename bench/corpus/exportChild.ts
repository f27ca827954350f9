/// One export of the whole corpus in a process of its own, so that its peak memory is its own:
/// opens the workspace read-only, exports every document in one format to a file (as `awb
/// export` does, streaming: `writeExport`), and prints one JSON line (`ExportChildReport`) on
/// stdout.
///
/// Arguments: workspace folder, format, output file. Run by `measureExports` (corpusExport.ts).
import { readFileSync } from 'node:fs';
import { EXPORT_FORMATS, writeExport, type ExportFormat } from '../../main/core/export/renderExport';
import { Workspace } from '../../main/core/store/workspace';

/// What the child reports.
export interface ExportChildReport {
  /// `Workspace.open`, read-only.
  openMs: number;
  /// Reading every document, rendering, and writing the file durably.
  ms: number;
  documents: number;
  annotations: number;
  /// The process's peak resident set in bytes: `VmHWM` of /proc/self/status (Linux), else
  /// `process.resourceUsage().maxRSS`, which on Linux also counts the parent's resident set at
  /// the fork that started this process.
  peakRssBytes: number;
  /// The same, right after opening.
  openedRssBytes: number;
}

function peakResident(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}

const [dir, format, out] = process.argv.slice(2);
if (!EXPORT_FORMATS.includes(format as ExportFormat)) throw new Error(`unknown format ${format}`);
let started = performance.now();
const workspace = await Workspace.open(dir, { readOnly: true });
const openMs = performance.now() - started;
const openedRssBytes = peakResident();
started = performance.now();
const summary = await writeExport(workspace, format as ExportFormat, {}, out);
const ms = performance.now() - started;
await workspace.close();
const report: ExportChildReport = { openMs, ms, documents: summary.documents, annotations: summary.annotations, peakRssBytes: peakResident(), openedRssBytes };
process.stdout.write(`${JSON.stringify(report)}\n`);
