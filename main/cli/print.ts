/// How `awb` prints its reports: one safe line at a time (see output.ts), results on stdout and
/// problems, warnings and notices on stderr prefixed with the command.
import type { AgreementReport } from '../core/agreement.js';
import type { AdjudicationReport } from '../core/adjudicationAgreement.js';
import type { ExchangeImportReport } from '../core/exchange/importExchange.js';
import type { ImportReport } from '../core/importArticles.js';
import { say, warn } from './output.js';
import { terminalSafe } from './terminalText.js';

/// Prints what an article import did; stdout for the outcome, stderr for warnings and rejections.
export function printImportReport(report: ImportReport): void {
  for (const i of report.imported) {
    say(`imported   ${i.name}  →  ${i.document.id}  "${i.document.title}"`);
    for (const w of i.warnings) warn(`awb import: warning: ${w}`);
  }
  for (const d of report.duplicates) say(`duplicate  ${d.name}  (already in the workspace as "${d.document.title}")`);
  for (const r of report.rejected) warn(`awb import: ${r.name}: ${r.reason}`);
  say(`${report.imported.length} imported, ${report.duplicates.length} already present, ${report.rejected.length} rejected`);
}

/// Prints what an exchange import did, each skipped item on stderr.
export function printExchangeReport(r: ExchangeImportReport): void {
  say(
    `${r.file}: ${r.documentsAdded} documents added (${r.documentsKnown} already present), ` +
      `${r.annotationsAdded} annotations added (${r.annotationsReanchored} re-anchored), ${r.annotationsAlreadyPresent} already present, ` +
      `${r.reviewsUpdated} reviews updated, ${r.relationsAdded} speaker or source links added, ${r.skipped.length} skipped`,
  );
  if (r.annotationsCompleted) say(`${r.file}: ${r.annotationsCompleted} annotations already present took an entity link or attribute values they lacked`);
  if (r.entitiesAdded || r.entitiesMerged) say(`${r.file}: ${r.entitiesAdded} entities added, ${r.entitiesMerged} merged into existing ones`);
  if (r.labelsAdded.length) say(`${r.file}: new labels ${r.labelsAdded.join(', ')}`);
  if (r.attributesAdded.length) say(`${r.file}: new attributes ${r.attributesAdded.join(', ')}`);
  for (const s of r.skipped) warn(`awb import: ${r.file}: skipped ${s.item ? `${s.item} in ` : ''}"${s.document}": ${s.reason}`);
  // Labels taken in with a change: worth a line, not the "skipped" exit code.
  for (const w of r.warnings) warn(`awb import: ${r.file}: warning: ${w}`);
}

/// Prints what the store repaired or recovered on the way (a damaged file restored from a backup,
/// a lost index, temporary files removed, a schema upgraded), as `awb <command>: <notice>`.
export function printNotices(command: string, notices: readonly string[]): void {
  for (const notice of notices) warn(`awb ${command}: ${notice}`);
}

const figure = (x: number | null) => (x === null ? '—' : x.toFixed(3));

/// Prints the agreement report as a readable table.
export function printAgreementTable(r: AgreementReport, curated: AdjudicationReport['after'] = null): void {
  const lines = [
    `Agreement between ${r.a} (A) and ${r.b} (B) on ${r.documents} document(s) both annotated, ${r.tokens} tokens`,
    `(their own work, before adjudication: deciding in Review never changes it)`,
    '',
    `  token-level Cohen's kappa  ${figure(r.kappa)}   (agreement on each token's label beyond chance)`,
    `  exact-span F1              ${figure(r.exact.f1)}   (${r.exact.matches} spans with the same start, end and label; A ${r.exact.countA}, B ${r.exact.countB})`,
    `  overlap F1                 ${figure(r.overlap.f1)}   (${r.overlap.matches} same-label spans that overlap, paired one to one)`,
    '',
    `  ${'label'.padEnd(14)}${'A'.padStart(6)}${'B'.padStart(6)}${'exact F1'.padStart(10)}${'overlap F1'.padStart(12)}`,
  ];
  for (const label of Object.keys(r.exact.perLabel).sort()) {
    const e = r.exact.perLabel[label];
    const o = r.overlap.perLabel[label];
    lines.push(`  ${label.padEnd(14)}${String(e.countA).padStart(6)}${String(e.countB).padStart(6)}${figure(e.f1).padStart(10)}${figure(o.f1).padStart(12)}`);
  }
  lines.push('', `  ${'document'.padEnd(50)}${'kappa'.padStart(8)}${'exact'.padStart(8)}${'overlap'.padStart(9)}`);
  for (const d of r.perDocument) {
    // Escaped before it is cut and padded, so a hostile title keeps the columns.
    lines.push(`  ${terminalSafe(d.title).slice(0, 48).padEnd(50)}${figure(d.kappa).padStart(8)}${figure(d.exactF1).padStart(8)}${figure(d.overlapF1).padStart(9)}`);
  }
  if (curated) {
    lines.push('', 'After adjudication: each annotator against the curated layer', '', `  ${''.padEnd(22)}${'documents'.padStart(10)}${'kappa'.padStart(8)}${'exact'.padStart(8)}${'overlap'.padStart(9)}`);
    for (const [side, c] of [['A', curated.a], ['B', curated.b]] as const) {
      lines.push(`  ${`${side} ${terminalSafe(c.a)}`.slice(0, 20).padEnd(22)}${String(c.documents).padStart(10)}${figure(c.kappa).padStart(8)}${figure(c.exact.f1).padStart(8)}${figure(c.overlap.f1).padStart(9)}`);
    }
  }
  for (const line of lines) say(line);
}
