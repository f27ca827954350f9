/// One side of the review: the read-only document view showing one annotator's layer (A solid,
/// B dashed, as someone else's tags are drawn elsewhere), the current item highlighted and
/// scrolled into view. Where this side has nothing for the current item, a dotted outline marks
/// the place the other side tagged.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Annotation, Article, ReviewItem } from '../../../preload/api';
import type { HighlightLook } from '../editor/annotationHighlights';
import type { DocumentViewHandle } from '../editor/DocumentView';
import { DocumentView } from '../editor/lazyEditors';
import { itemKey, sideClasses } from './reviewModel';

/// The id of the placeholder drawn where this side has no span for the current item.
export const GAP_ID = 'review-gap';

/// Props of {@link ReviewPane}.
export interface ReviewPaneProps {
  side: 'a' | 'b';
  annotator: string;
  /// Whether this annotator is the reviewer (the current annotator).
  isMe: boolean;
  article: Article | null;
  items: readonly ReviewItem[];
  current: ReviewItem | null;
  /// Label id → name and colour.
  labels: HighlightLook['labels'];
  /// A click on highlighted text: the item of the innermost annotation under the pointer.
  onPick(item: ReviewItem): void;
}

const NO_IDS: ReadonlySet<string> = new Set();

/// Shows `article` with `side`'s annotations of `items`; `data-testid="review-pane"`, `data-side`.
export function ReviewPane({ side, annotator, isMe, article, items, current, labels, onPick }: ReviewPaneProps) {
  const other = side === 'a' ? 'b' : 'a';
  const currentKey = current ? itemKey(current) : null;
  const gap = current && !current[side] ? current[other] : undefined;
  const annotations = useMemo(() => {
    const map = new Map<string, Annotation>();
    for (const item of items) {
      const annotation = item[side];
      if (annotation) map.set(annotation.id, annotation);
    }
    if (gap) map.set(GAP_ID, { ...gap, id: GAP_ID, annotator: '' });
    return map;
  }, [items, side, gap]);
  const look = useMemo<HighlightLook>(() => {
    const classes = sideClasses(items, side, currentKey);
    if (gap) classes.set(GAP_ID, 'rv-gap rv-current');
    return {
      labels,
      // B's layer is drawn as someone else's (dashed); A's as one's own.
      me: side === 'a' ? annotator : `${annotator}\u0000`,
      showOthers: true,
      selectedId: current?.[side]?.id ?? (gap ? GAP_ID : null),
      matchIds: NO_IDS,
      relatedIds: NO_IDS,
      classes,
    };
  }, [items, side, currentKey, gap, labels, annotator, current]);

  // State, not a ref: the view may arrive after the item to reveal (while the editors load).
  const [handle, onHandle] = useState<DocumentViewHandle | null>(null);
  const revealId = current?.[side]?.id ?? (gap ? GAP_ID : null);
  useEffect(() => {
    if (!revealId || !article || !handle) return;
    const frame = requestAnimationFrame(() => handle.reveal(revealId));
    return () => cancelAnimationFrame(frame);
  }, [revealId, currentKey, article, handle]);

  const byAnnotation = useMemo(() => new Map(items.flatMap((i) => [i.a, i.b].filter(Boolean).map((x) => [x!.id, i] as const))), [items]);
  const onClick = useCallback(
    (ids: string[]) => {
      const item = ids.map((id) => byAnnotation.get(id)).find(Boolean);
      if (item) onPick(item);
    },
    [byAnnotation, onPick],
  );
  const count = items.filter((i) => i[side]).length;

  return (
    <section className={`pane review-pane is-side-${side}`} data-testid="review-pane" data-side={side} aria-label={`${side.toUpperCase()}: ${annotator}`}>
      <header className="pane-header review-pane-header">
        <span className={`side-badge is-${side}`} aria-hidden="true">
          {side.toUpperCase()}
        </span>
        <div className="pane-heading">
          <h2 className="pane-title" data-testid="review-pane-annotator">
            {annotator}
            {isMe && <span className="review-you">you</span>}
          </h2>
          <div className="pane-subtitle">
            <span>
              {count} {count === 1 ? 'span' : 'spans'} · {side === 'a' ? 'solid' : 'dashed'} underline
            </span>
          </div>
        </div>
      </header>
      <div className="pane-scroll" tabIndex={0} aria-label={`${annotator}'s tags in “${article?.title ?? ''}”`}>
        {article ? (
          <DocumentView text={article.text} label={article.title} annotations={annotations} look={look} onAnnotationClick={onClick} onHandle={onHandle} />
        ) : (
          <p className="pane-note">Opening…</p>
        )}
      </div>
    </section>
  );
}
