/// The current difference in detail: both sides (label, text, annotator), what accepting means
/// for it, its decision (by whom, when, comment), and the actions — accept, reject, correct (a
/// label picker: the span goes into the curated layer with that label) and comment (a box whose
/// comment is saved on its own, or with a decision).
import { useState, type CSSProperties } from 'react';
import type { Annotation, Label, ReviewDecision, ReviewItem } from '../../../preload/api';
import { formatDateTime } from '../format';
import { DecisionBadge, LabelChip, type LabelLook } from './DifferenceList';
import { acceptMeaning, decisionOf, decisionState, KIND_INFO } from './reviewModel';

/// What the card shows below the sides: the buttons, the comment box or the label picker.
export type CardMode = 'actions' | 'comment' | 'pick';

/// Props of {@link ItemCard}.
export interface ItemCardProps {
  item: ReviewItem | null;
  a: string;
  b: string;
  labels: readonly Label[];
  labelLook: LabelLook;
  mode: CardMode;
  busy: boolean;
  /// "3 of 12", where the item is in the whole review.
  position: string;
  /// How many differences the whole review has.
  total: number;
  onMode(mode: CardMode): void;
  onDecide(decision: ReviewDecision): void;
  onCorrect(label: string): void;
}

function Side({ side, name, annotation, labels }: { side: 'a' | 'b'; name: string; annotation?: Annotation; labels: LabelLook }) {
  return (
    <div className={`card-side is-${side}`} data-testid={`card-side-${side}`}>
      <span className={`side-badge is-${side}`} title={name}>
        {side.toUpperCase()}
      </span>
      {annotation ? (
        <div className="card-side-body">
          <LabelChip annotation={annotation} labels={labels} />
          <q className="card-quote">{annotation.quote}</q>
        </div>
      ) : (
        <span className="card-side-empty">no tag</span>
      )}
    </div>
  );
}

/// A decision in words: "Accepted", "Corrected to Location", "Comment only"…
function decisionWords(review: NonNullable<Annotation['review']>, labels: LabelLook): string {
  if (review.correctedTo) return `Corrected to ${labels.get(review.correctedTo)?.name ?? review.correctedTo}`;
  if (review.status) return review.status === 'accepted' ? 'Accepted' : 'Rejected';
  return 'Undecided, commented';
}

function Decision({ item, labels }: { item: ReviewItem; labels: LabelLook }) {
  const review = decisionOf(item);
  const state = decisionState(review);
  return (
    <div className={`card-decision is-${state}`} data-testid="card-decision" data-decision={state}>
      <DecisionBadge item={item} />
      {review ? (
        <span>
          <strong>{decisionWords(review, labels)}</strong> by {review.by} · {formatDateTime(review.at)}
          {review.comment && (
            <q className="card-comment" data-testid="card-comment">
              {review.comment}
            </q>
          )}
        </span>
      ) : (
        <span>Undecided</span>
      )}
    </div>
  );
}

function CommentBox({ item, busy, onDecide, onCancel }: { item: ReviewItem; busy: boolean; onDecide(d: ReviewDecision): void; onCancel(): void }) {
  const existing = decisionOf(item);
  const [text, setText] = useState(existing?.comment ?? '');
  // Always sent, so that an emptied box clears the earlier comment.
  const comment = { comment: text.trim() };
  // Enter saves the comment and nothing else: a comment may argue either way.
  const save = () => (text.trim() || existing?.comment ? onDecide(comment) : undefined);
  const send = (status: NonNullable<ReviewDecision['status']>) => onDecide({ status, ...comment });
  return (
    <div className="card-comment-box">
      <textarea
        className="card-textarea"
        data-testid="review-comment"
        aria-label="Comment"
        placeholder="A comment (Enter saves it; a decision is separate)"
        value={text}
        rows={3}
        maxLength={2000}
        autoFocus
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            save();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onCancel();
          }
        }}
      />
      <div className="card-buttons">
        <button type="button" className="button button-primary" disabled={busy || (!text.trim() && !existing?.comment)} data-testid="save-comment" onClick={save}>
          Save comment
        </button>
        <button type="button" className="button" disabled={busy} data-testid="accept-with-comment" onClick={() => send('accepted')}>
          Accept with it
        </button>
        <button type="button" className="button" disabled={busy} data-testid="reject-with-comment" onClick={() => send('rejected')}>
          Reject with it
        </button>
      </div>
      <p className="card-hint card-hint-row">
        <span>
          <kbd>Enter</kbd> saves the comment · <kbd>Shift</kbd>+<kbd>Enter</kbd> new line · <kbd>Esc</kbd>
        </span>
        <button type="button" className="card-link" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </div>
  );
}

function LabelPicker({ item, labels, onPick }: { item: ReviewItem; labels: readonly Label[]; onPick(id: string): void }) {
  return (
    <div className="card-picker" data-testid="label-picker">
      <p className="card-picker-title">{item.a ? "Into the curated layer, A's span as" : "Into the curated layer, B's span as"}</p>
      <div className="chip-row">
        {labels.map((l, i) => (
          <button
            key={l.id}
            type="button"
            className="tag-chip"
            data-testid="picker-label"
            data-label={l.id}
            aria-checked={item.a?.label === l.id}
            role="radio"
            style={{ '--chip-color': l.color } as CSSProperties}
            onClick={() => onPick(l.id)}
          >
            <span className="tag-chip-swatch" />
            {l.name}
            {item.b?.label === l.id && <span className="picker-b">B</span>}
            <kbd>{l.key || i + 1}</kbd>
          </button>
        ))}
      </div>
      <p className="card-hint">
        Press a label's key · <kbd>Esc</kbd> cancels
      </p>
    </div>
  );
}

/// `data-testid="item-card"`.
export function ItemCard(props: ItemCardProps) {
  const { item, a, b, labels, labelLook, mode, busy, position, total, onMode, onDecide, onCorrect } = props;
  if (!item) {
    return (
      <div className="item-card is-empty" data-testid="item-card">
        {total === 0 ? (
          <p className="card-hint">Nothing to review yet.</p>
        ) : (
          <p className="card-hint">
            Press <kbd>n</kbd> to start with the first difference, or click one in the list or the text.
          </p>
        )}
      </div>
    );
  }
  return (
    <div className={`item-card is-${item.kind}`} data-testid="item-card" data-kind={item.kind}>
      <div className="card-head">
        <span className="kind-pill">
          <span className="kind-dot" aria-hidden="true" />
          {KIND_INFO[item.kind].singular}
        </span>
        <span className="card-position">{position}</span>
      </div>
      <Side side="a" name={a} annotation={item.a} labels={labelLook} />
      <Side side="b" name={b} annotation={item.b} labels={labelLook} />
      <p className="card-meaning">{acceptMeaning(item)}</p>
      <Decision item={item} labels={labelLook} />
      {mode === 'comment' && <CommentBox key={`${item.a?.id}|${item.b?.id}`} item={item} busy={busy} onDecide={onDecide} onCancel={() => onMode('actions')} />}
      {mode === 'pick' && <LabelPicker item={item} labels={labels} onPick={onCorrect} />}
      {mode === 'actions' && (
        <div className="card-buttons">
          <button type="button" className="button action-accept" disabled={busy} data-testid="review-accept" onClick={() => onDecide({ status: 'accepted' })}>
            Accept <kbd>a</kbd>
          </button>
          <button type="button" className="button action-reject" disabled={busy} data-testid="review-reject" onClick={() => onDecide({ status: 'rejected' })}>
            Reject <kbd>r</kbd>
          </button>
          <button type="button" className="bar-button" disabled={busy} data-testid="review-correct" onClick={() => onMode('pick')}>
            Correct <kbd>e</kbd>
          </button>
          <button type="button" className="bar-button" disabled={busy} data-testid="review-comment-open" onClick={() => onMode('comment')}>
            Comment <kbd>c</kbd>
          </button>
        </div>
      )}
    </div>
  );
}
