/// The message card's content for an imported exchange file: what was added, what was already
/// there, and each skipped item with its reason.
import type { ReactNode } from 'react';
import { MessageSection } from './MessageSection';
import type { ExchangeImportReport } from '../../preload/api';
import { oneLine, plural } from './format';

/// Skipped items listed one by one; the rest are counted.
const SKIPPED_LISTED = 50;

/// Title, tone and body of the card (`data-testid="exchange-report"`).
export function exchangeSummary(report: ExchangeImportReport): { testId: string; tone: 'ok' | 'warn'; title: string; body: ReactNode } {
  const { skipped } = report;
  const added = [
    report.documentsAdded > 0 && `${plural(report.documentsAdded, 'new document')}`,
    report.annotationsAdded > 0 &&
      `${plural(report.annotationsAdded, 'annotation')}${report.annotationsReanchored > 0 ? ` (${report.annotationsReanchored} re-anchored where the text had moved)` : ''}`,
    report.relationsAdded > 0 && plural(report.relationsAdded, 'speaker or source link'),
    report.reviewsUpdated > 0 && plural(report.reviewsUpdated, 'review decision'),
    report.labelsAdded.length > 0 && `${plural(report.labelsAdded.length, 'label')}: ${report.labelsAdded.join(', ')}`,
    report.attributesAdded.length > 0 && `${plural(report.attributesAdded.length, 'attribute')} of labels: ${report.attributesAdded.join(', ')}`,
    report.entitiesAdded > 0 && plural(report.entitiesAdded, 'entity', 'entities'),
  ].filter((s): s is string => Boolean(s));
  const known = [
    report.documentsKnown > 0 && `${plural(report.documentsKnown, 'document')} already in the library`,
    report.annotationsAlreadyPresent > 0 &&
      `${plural(report.annotationsAlreadyPresent, 'annotation')} already here${report.annotationsCompleted > 0 ? ` (${report.annotationsCompleted} took an entity link or attribute values they lacked)` : ''}`,
    report.entitiesMerged > 0 && `${plural(report.entitiesMerged, 'entity', 'entities')} merged into ones of the same id, or name and type`,
  ].filter((s): s is string => Boolean(s));
  const title = [`${plural(report.annotationsAdded, 'annotation')} added`, skipped.length > 0 && `${skipped.length} skipped`].filter(Boolean).join(' · ');
  const body = (
    <>
      <p className="message-name" data-testid="exchange-file">
        {report.file}
      </p>
      {added.length > 0 && (
        <MessageSection title="Added" testId="exchange-added">
          {added.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </MessageSection>
      )}
      {known.length > 0 && (
        <MessageSection title="Already here" testId="exchange-known">
          {known.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </MessageSection>
      )}
      {skipped.length > 0 && (
        <MessageSection title={`Skipped (${skipped.length})`} testId="exchange-skipped">
          {skipped.slice(0, SKIPPED_LISTED).map((s, n) => (
            <li key={n} data-testid="exchange-skipped-item">
              <span className="message-detail message-strong">{oneLine(s.document, 90)}</span>
              {s.item && <span className="message-name">{s.item}</span>}
              <span className="message-warning">{s.reason}</span>
            </li>
          ))}
          {skipped.length > SKIPPED_LISTED && <li>… and {skipped.length - SKIPPED_LISTED} more</li>}
        </MessageSection>
      )}
      {report.warnings.length > 0 && (
        <MessageSection title="Changed" testId="exchange-warnings">
          {report.warnings.map((w, n) => (
            <li key={n} className="message-warning">
              {w}
            </li>
          ))}
        </MessageSection>
      )}
      {added.length + known.length + skipped.length === 0 && <p>The file holds no documents.</p>}
      {added.length === 0 && known.length > 0 && skipped.length === 0 && <p>Nothing new: everything in this file is already here.</p>}
    </>
  );
  return { testId: 'exchange-report', tone: skipped.length > 0 || report.warnings.length > 0 ? 'warn' : 'ok', title: `Exchange import: ${title}`, body };
}
