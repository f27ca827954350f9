/// `awb compare`: what the app's Compare mode shows (DESIGN §11), from the command line — figures
/// grouped by measure with the pairs that conflict, quotes by speaker and near-identical words,
/// and entities with their mentions and forms in each document. `--json` prints the shape of
/// `compareJson` (offsets in code points); without it, a report to read. Options narrow the
/// documents and annotations covered, as the app's filter does (`CompareFilterSchema`).
import type { Command } from 'commander';
import { compareJson, compareReport } from '../core/compare/compareWorkspace.js';
import type { CompareReport, FigureGroup, FigureItem, QuoteGroup } from '../core/compare/compareReport.js';
import type { Quantity } from '../core/model.js';
import { CompareFilterSchema, type CompareFilter } from '../core/store/sqlIndex/compareQuery.js';
import type { Workspace } from '../core/store/workspace.js';
import { resolveWorkspaceDir } from '../core/workspaceLocation.js';
import { resolveDocumentId } from './documentCommands.js';
import { EXIT_USAGE } from './exit.js';
import { openWorkspace } from './openWorkspace.js';
import { say, sayLines } from './output.js';
import { terminalJson } from './terminalText.js';

/// The options of `awb compare` as commander gives them (repeatable ones as lists).
export interface CompareOptions {
  workspace?: string;
  json?: boolean;
  document: string[];
  outlet: string[];
  annotator: string[];
  label: string[];
  from?: string;
  to?: string;
}

/// The option each field of the filter comes from, for usage errors.
const OPTION_OF: Record<keyof CompareFilter, string> = {
  documents: '--document',
  outlets: '--outlet',
  from: '--from',
  to: '--to',
  annotators: '--annotator',
  labels: '--label',
};

/// The filter the options give, documents aside (they are resolved in the workspace); a bad
/// option is a usage error naming it and what was expected.
export function compareFilterOf(options: CompareOptions, command: Command): Omit<CompareFilter, 'documents'> {
  const given = {
    ...(options.outlet.length ? { outlets: options.outlet } : {}),
    ...(options.annotator.length ? { annotators: options.annotator } : {}),
    ...(options.label.length ? { labels: options.label } : {}),
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.to !== undefined ? { to: options.to } : {}),
  };
  const parsed = CompareFilterSchema.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => {
      const [field, index] = issue.path as [keyof typeof given, number | undefined];
      const value: unknown = index === undefined ? given[field] : given[field]?.[index];
      return `${OPTION_OF[field]}${typeof value === 'string' ? ` ${JSON.stringify(value)}` : ''}: ${issue.message}`;
    });
    command.error(`error: ${problems.join('; ')}`, { exitCode: EXIT_USAGE });
  }
  const filter = parsed.data!;
  if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to) {
    command.error(`error: --from ${filter.from} is after --to ${filter.to}: no day is in between`, { exitCode: EXIT_USAGE });
  }
  return filter;
}

/// `awb compare`: prints the report for the filter the options give.
export async function compareCommand(options: CompareOptions, command: Command): Promise<void> {
  const filter: CompareFilter = compareFilterOf(options, command);
  const workspace = await openWorkspace(resolveWorkspaceDir(options.workspace), { readOnly: true });
  try {
    if (options.document.length) filter.documents = [...new Set(options.document.map((given) => resolveDocumentId(workspace, given)))];
    const labels = workspace.labels.map((l) => l.id);
    for (const label of filter.labels ?? []) {
      if (!labels.includes(label)) throw new Error(`--label ${label}: there is no such label in this workspace (labels: ${labels.join(', ')})`);
    }
    const report = await compareReport(workspace, filter);
    if (options.json) sayLines(terminalJson(compareJson(report)));
    else printCompareReport(report, workspace);
  } finally {
    await workspace.close();
  }
}

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/// A figure's interval as the app's inspector writes it: `[10,000, 13,000]`, `(730, ∞)`, a single
/// value as itself (`13,346`), `45 %`, `0.45 (share)`, an estimate marked `≈`.
export function intervalNotation(q: Quantity): string {
  const low = q.low === null ? '−∞' : number.format(q.low);
  const high = q.high === null ? '∞' : number.format(q.high);
  const unit = q.unit === 'percent' ? ' %' : q.unit === 'share' ? ' (share)' : '';
  const interval =
    q.low !== null && q.low === q.high ? low : `${q.low !== null && q.lowInclusive ? '[' : '('}${low}, ${high}${q.high !== null && q.highInclusive ? ']' : ')'}`;
  return `${interval}${unit}${q.approximate ? ' ≈' : ''}`;
}

function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? noun : nouns}`;
}

/// Where a span comes from: its outlet and day (`Reuters, 2016-12-13`), or the document's title
/// when it has neither.
function whence(document: { outlet: string | null; publishedAt: string | null; title: string }): string {
  const parts = [document.outlet, document.publishedAt?.slice(0, 10)].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join(', ') : `"${document.title}"`;
}

/// The items of each figure `group` conflicts with, by item.
function conflictsByItem(group: FigureGroup): number[][] {
  const partners = group.items.map((): number[] => []);
  for (const [i, j] of group.conflicts ?? []) {
    partners[i].push(j);
    partners[j].push(i);
  }
  return partners;
}

/// One figure's line: number, where from, text, interval, source, conflicts.
function figureLine(item: FigureItem, index: number, partners: number[]): string {
  const source = item.source ? `  source: ${item.source.text}` : '';
  const conflicts = partners.length ? `  ✗ conflicts with ${partners.length} (${partners.map((p) => `#${p + 1}`).join(', ')})` : '';
  return `    #${index + 1}  ${whence(item)}  "${item.text}"  ${intervalNotation(item.quantity)}${source}${conflicts}`;
}

/// Prints the figures by measure.
function printFigures(groups: readonly FigureGroup[]): void {
  say(`Figures (${plural(groups.length, 'measure')})`);
  if (!groups.length) say('  (no figures)');
  for (const group of groups) {
    const conflicts = group.measure === null ? 'not compared: what they count is not given' : plural(group.conflictTotal, 'conflict');
    say(`  ${group.measure ?? '(no measure)'}: ${plural(group.items.length, 'figure')}, ${conflicts}`);
    const partners = conflictsByItem(group);
    group.items.forEach((item, i) => say(figureLine(item, i, partners[i])));
  }
}

/// Who said a group of quotes, in words.
function speakerText(group: QuoteGroup): string {
  if (group.speaker === null) return '(no speaker recorded)';
  return 'name' in group.speaker ? group.speaker.name : `${group.speaker.text} (not linked to an entity)`;
}

/// Prints the quotes by speaker, one statement (as reported by one or more documents) a group.
function printQuotes(groups: readonly QuoteGroup[]): void {
  say(`Quotes (${plural(groups.length, 'statement')})`);
  if (!groups.length) say('  (no quotes)');
  for (const group of groups) {
    const outlets = new Set(group.items.map((item) => item.outlet?.toLowerCase() ?? ''));
    say(`  ${speakerText(group)}: ${plural(group.items.length, 'quote')} from ${plural(outlets.size, 'outlet')}`);
    for (const item of group.items) say(`    ${whence(item)}  "${item.text}"`);
  }
}

/// Prints each entity with its mentions and forms per document.
function printEntities(report: CompareReport, workspace: Workspace): void {
  const ids = [...new Set(report.entities.flatMap((e) => e.documents.map((d) => d.documentId)))];
  const summaries = new Map(workspace.documentSummaries(ids).map((d) => [d.id, d]));
  say(`Entities (${plural(report.entities.length, 'entity', 'entities')})`);
  if (!report.entities.length) say('  (no entities mentioned)');
  for (const entity of report.entities) {
    say(`  ${entity.name} (${entity.type}): ${plural(entity.mentions, 'mention')} in ${plural(entity.documents.length, 'document')}`);
    for (const d of entity.documents) {
      const summary = summaries.get(d.documentId);
      const from = whence({ outlet: d.outlet, publishedAt: summary?.meta.publishedAt ?? null, title: summary?.title ?? d.documentId });
      say(`    ${from}  ${plural(d.mentions, 'mention')} as ${d.forms.map((f) => `"${f}"`).join(', ')}`);
    }
  }
}

/// Prints `report` to read: figures, then quotes, then entities.
export function printCompareReport(report: CompareReport, workspace: Workspace): void {
  printFigures(report.figures);
  say('');
  printQuotes(report.quotes);
  say('');
  printEntities(report, workspace);
}
