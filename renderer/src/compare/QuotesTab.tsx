/// Compare's Quotes by speaker (DESIGN §11): a heading per speaker (an entity, the speaker's text,
/// or nobody recorded), under it each statement — quotes of nearly the same words — with the
/// outlets and dates that reported it. A row opens its document at the quote.
import { useCallback, useMemo, useRef } from 'react';
import type { CompareFilter, QuotePage } from '../../../preload/api';
import { useMorePages } from './useMorePages';
import { workbench } from '../api';
import { quoteLines, speakerName } from './quoteLines';
import { ExportCsvButton } from './ExportCsvButton';
import type { OpenSpan } from './openSpan';
import { VirtualRows } from './VirtualRows';

const ROW_HEIGHT = 44;

/// "1 quote", "2,000 quotes".
function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

/// `data-testid="compare-quotes"`.
/// `reading`: a new first page (another filter, a changed workspace) is on its way, so the one
/// shown is not to be gone on from.
export function QuotesTab({ page, filter, reading, onOpen }: { page: QuotePage; filter: CompareFilter; reading: boolean; onOpen: OpenSpan }) {
  // Where the next page starts: the first page's `next`, then each page's read since.
  const next = useRef({ after: page, next: page.next });
  if (next.current.after !== page) next.current = { after: page, next: page.next };
  const more = useMorePages(page, page.groups, async () => {
    const from = next.current.next;
    if (from === null) return [];
    const read = await workbench.compare.quotes(filter, from);
    if (next.current.after === page) next.current.next = read.next;
    return read.groups;
  });
  const groups = more.rows;
  const lines = useMemo(() => quoteLines(groups), [groups]);
  const open = useCallback(
    (index: number) => {
      const line = lines[index];
      if (line.kind === 'quote') onOpen(line.item.at, line.item.annotationId);
    },
    [lines, onOpen],
  );
  if (!groups.length) return <p className="compare-empty" data-testid="compare-quotes">No quote in the documents chosen. Tag quotes (key 4) and link each to its speaker in the inspector.</p>;
  return (
    <div className="compare-quotes" data-testid="compare-quotes">
      <header className="compare-group-head">
        <h3>Quotes by speaker</h3>
        <span className="compare-group-summary">
          {count(page.quotes, 'quote')} of {count(page.speakers, 'speaker')} · quotes of nearly the same words are one statement
        </span>
        <ExportCsvButton table="quotes" filter={filter} testId="export-quotes-csv" />
      </header>
      {next.current.next !== null && (
        <p className="compare-partial" data-testid="quotes-partial">
          Statements of the first {(next.current.next.speaker + Number(next.current.next.statement > 0)).toLocaleString('en-US')} of{' '}
          {count(page.speakers, 'speaker')} are listed; narrow the outlets or dates, or export CSV for all.{' '}
          <button type="button" className="button button-small" data-testid="quotes-more" disabled={more.loading || reading} onClick={() => void more.showMore()}>
            {more.loading ? 'Reading…' : 'Show more'}
          </button>
          {more.error && <span role="alert"> Could not read more: {more.error}</span>}
        </p>
      )}
      <VirtualRows
        count={lines.length}
        rowHeight={ROW_HEIGHT}
        label="Quotes by speaker"
        testId="quote-rows"
        dataKey={filter}
        onOpen={open}
        renderRow={(i) => {
          const line = lines[i];
          if (line.kind === 'speaker') {
            return (
              <div className="compare-speaker" data-testid="quote-speaker">
                <b>{line.speaker ? speakerName(line.speaker) : 'No speaker recorded'}</b>
                {line.speaker && !('entityId' in line.speaker) && <span className="compare-muted"> (not linked to an entity)</span>}
                <span className="compare-muted">
                  {' '}
                  · {line.statements} {line.statements === 1 ? 'statement' : 'statements'}, {line.quotes} {line.quotes === 1 ? 'quote' : 'quotes'}
                </span>
              </div>
            );
          }
          const { item } = line;
          return (
            <div className={line.first ? 'compare-quote' : 'compare-quote is-also'} data-testid="quote-row" data-annotation-id={item.annotationId}>
              <span className="compare-quote-text">{line.first ? `“${item.text}”` : <span className="compare-muted">also reported: “{item.text}”</span>}</span>
              <span className="compare-where">
                <b>{item.outlet ?? 'No outlet'}</b> {item.publishedAt?.slice(0, 10) ?? ''}
                {line.first && line.outlets > 1 && <span className="compare-report-count"> · reported by {line.outlets} outlets</span>}
              </span>
            </div>
          );
        }}
      />
    </div>
  );
}
