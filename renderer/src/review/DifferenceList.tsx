/// The differences of the current document, grouped by kind (match, label conflict, boundary
/// conflict, only A, only B) with counts; each row shows the text, the labels on either side and
/// the decision. The matches are listed only on request (they need no decision). A click
/// selects; the current row scrolls into view.
import { useEffect, useRef, type CSSProperties } from 'react';
import type { Annotation, ReviewItem } from '../../../preload/api';
import { oneLine } from '../format';
import { decisionOf, decisionState, groupItems, itemKey, KIND_INFO } from './reviewModel';

/// Label id → name and colour.
export type LabelLook = ReadonlyMap<string, { name: string; color: string }>;

/// Props of {@link DifferenceList}.
export interface DifferenceListProps {
  items: readonly ReviewItem[];
  current: ReviewItem | null;
  labels: LabelLook;
  onSelect(item: ReviewItem): void;
  withMatches: boolean;
  onWithMatches(on: boolean): void;
}

/// A label as a small chip.
export function LabelChip({ annotation, labels }: { annotation: Annotation; labels: LabelLook }) {
  const label = labels.get(annotation.label);
  return (
    <span className="review-label" style={{ '--chip-color': label?.color ?? '#7a7a7a' } as CSSProperties}>
      {label?.name ?? annotation.label}
    </span>
  );
}

/// An item's decision as a small badge (✓, ✕ or a dot).
export function DecisionBadge({ item }: { item: ReviewItem }) {
  const review = decisionOf(item);
  const state = decisionState(review);
  const text = { accepted: '✓', rejected: '✕', corrected: '✎', commented: '•', undecided: '•' }[state];
  const words = { accepted: 'Accepted', rejected: 'Rejected', corrected: 'Corrected', commented: 'Undecided, commented', undecided: 'Undecided' }[state];
  const title = review ? `${words} by ${review.by}${review.comment ? `: “${review.comment}”` : ''}` : words;
  return (
    <span className={`decision-badge is-${state}`} title={title} aria-label={title} data-testid="decision-badge">
      {text}
      {review?.comment && <span className="decision-comment-mark" aria-label="with comment">”</span>}
    </span>
  );
}

function ItemRow({ item, current, labels, onSelect }: { item: ReviewItem; current: boolean; labels: LabelLook; onSelect(): void }) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (current) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [current]);
  const main = (item.a ?? item.b)!;
  return (
    <li>
      <button
        ref={ref}
        type="button"
        className={`review-item is-${item.kind}${current ? ' is-current' : ''}`}
        data-testid="review-item"
        data-kind={item.kind}
        data-decision={decisionState(decisionOf(item))}
        data-current={current ? 'true' : undefined}
        aria-current={current ? 'true' : undefined}
        onClick={onSelect}
      >
        <span className="review-item-text">{oneLine(main.quote, 70)}</span>
        <span className="review-item-sides">
          {item.a && <LabelChip annotation={item.a} labels={labels} />}
          {item.kind === 'label-conflict' && <span className="review-vs">≠</span>}
          {item.b && item.kind !== 'match' && item.kind !== 'boundary-conflict' && <LabelChip annotation={item.b} labels={labels} />}
          {item.kind === 'boundary-conflict' && item.b && <span className="review-item-alt">B: {oneLine(item.b.quote, 40)}</span>}
        </span>
        <DecisionBadge item={item} />
      </button>
    </li>
  );
}

/// `data-testid="difference-list"`; groups are `difference-group` with `data-kind`.
export function DifferenceList({ items, current, labels, onSelect, withMatches, onWithMatches }: DifferenceListProps) {
  const currentKey = current ? itemKey(current) : null;
  return (
    <div className="difference-list" data-testid="difference-list">
      {groupItems(items).map((group) => (
        <section key={group.kind} className={`difference-group is-${group.kind}`} data-testid="difference-group" data-kind={group.kind}>
          <h3 className="difference-group-title" title={KIND_INFO[group.kind].explanation}>
            <span className="kind-dot" aria-hidden="true" />
            {KIND_INFO[group.kind].title}
            <span className="difference-count" data-testid="difference-count">
              {group.items.length}
            </span>
            {group.kind === 'match' && group.items.length > 0 && (
              <button type="button" className="card-link difference-show" data-testid="show-matches" aria-pressed={withMatches} title="Matches need no decision: n and p pass them by unless they are shown (m)" onClick={() => onWithMatches(!withMatches)}>
                {withMatches ? 'Hide' : 'Show'} <kbd>m</kbd>
              </button>
            )}
          </h3>
          {group.items.length > 0 && (group.kind !== 'match' || withMatches) && (
            <ul className="difference-items">
              {group.items.map((item) => (
                <ItemRow key={itemKey(item)} item={item} current={itemKey(item) === currentKey} labels={labels} onSelect={() => onSelect(item)} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
