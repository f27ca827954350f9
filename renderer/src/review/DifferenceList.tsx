/// The differences of the current document, grouped by kind (match, label conflict, boundary
/// conflict, only A, only B) with counts; each row shows the text, the labels on either side and
/// the decision. A click selects; the current row scrolls into view.
import { useEffect, useRef, type CSSProperties } from 'react';
import type { Annotation, ReviewItem } from '../../../preload/api';
import { oneLine } from '../format';
import { decisionOf, groupItems, itemKey, KIND_INFO } from './reviewModel';

/// Label id → name and colour.
export type LabelLook = ReadonlyMap<string, { name: string; color: string }>;

/// Props of {@link DifferenceList}.
export interface DifferenceListProps {
  items: readonly ReviewItem[];
  current: ReviewItem | null;
  labels: LabelLook;
  onSelect(item: ReviewItem): void;
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
  const text = review ? (review.status === 'accepted' ? '✓' : '✕') : '•';
  const title = review ? `${review.status === 'accepted' ? 'Accepted' : 'Rejected'} by ${review.by}${review.comment ? `: “${review.comment}”` : ''}` : 'Undecided';
  return (
    <span className={`decision-badge is-${review?.status ?? 'undecided'}`} title={title} data-testid="decision-badge">
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
  const review = decisionOf(item);
  return (
    <li>
      <button
        ref={ref}
        type="button"
        className={`review-item is-${item.kind}${current ? ' is-current' : ''}`}
        data-testid="review-item"
        data-kind={item.kind}
        data-decision={review?.status ?? 'undecided'}
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
export function DifferenceList({ items, current, labels, onSelect }: DifferenceListProps) {
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
          </h3>
          {group.items.length > 0 && (
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
