/// Review mode (DESIGN §6, "Review a colleague's tags"): annotator A (by default the reviewer) and
/// B chosen in the bar above; the agreement panel on the left; A's and B's layers of the current
/// document side by side; on the right the current difference with its decision and the
/// document's differences grouped by kind. Keyboard: see `useReviewKeys.ts`.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Label, ReviewDecision, ReviewItem } from '../../../preload/api';
import { store } from '../state/useWorkbench';
import { AgreementPanel } from './AgreementPanel';
import { DifferenceList } from './DifferenceList';
import { ItemCard, type CardMode } from './ItemCard';
import { ReviewPane } from './ReviewPane';
import { isDecided, itemKey, listOrder, progressOf } from './reviewModel';
import { useReview } from './useReview';
import { useReviewKeys } from './useReviewKeys';

/// Props of {@link ReviewMode}.
export interface ReviewModeProps {
  /// The reviewer: the current annotator.
  me: string;
  labels: readonly Label[];
  onError(title: string, text: string): void;
  /// Changes when the workspace was changed elsewhere (an import, a restored backup): read again.
  libraryVersion?: unknown;
  /// Called when review mode closes (the library's counts may have changed).
  onLeave?(): void;
}

function AnnotatorSelect({ side, value, names, onChange }: { side: 'a' | 'b'; value: string; names: { name: string; annotations: number }[]; onChange(v: string): void }) {
  const options = names.some((n) => n.name === value) || !value ? names : [{ name: value, annotations: 0 }, ...names];
  return (
    <label className={`review-who-field is-${side}`}>
      <span className={`side-badge is-${side}`}>{side.toUpperCase()}</span>
      <select className="review-select" data-testid={`review-${side}`} value={value} onChange={(e) => onChange(e.target.value)} aria-label={`Annotator ${side.toUpperCase()}`}>
        {!value && <option value="">Choose…</option>}
        {options.map((n) => (
          <option key={n.name} value={n.name}>
            {n.name} ({n.annotations})
          </option>
        ))}
      </select>
    </label>
  );
}

/// `data-testid="review-mode"`.
export function ReviewMode({ me, labels, onError, libraryVersion, onLeave }: ReviewModeProps) {
  const latestOnError = useRef(onError);
  latestOnError.current = onError;
  const fail = useCallback((title: string, text: string) => latestOnError.current(title, text), []);
  const review = useReview(me, fail);
  const { comparison, current, docId } = review;
  const [mode, setMode] = useState<CardMode>('actions');
  const labelLook = useMemo(() => new Map(labels.map((l) => [l.id, { name: l.name, color: l.color }])), [labels]);
  const documents = useMemo(() => comparison?.documents ?? [], [comparison]);
  const doc = documents.find((d) => d.id === docId);
  const items = useMemo(() => doc?.items ?? [], [doc]);
  const currentKey = current ? itemKey(current) : null;

  // Hidden annotate panes must not act on keys meanwhile, and show the review's changes after.
  // Focus moves into the review (off the header button, which Enter or Space would press).
  const root = useRef<HTMLDivElement>(null);
  const leave = useRef(onLeave);
  leave.current = onLeave;
  useEffect(() => {
    root.current?.focus();
    store.select(null);
    return () => {
      for (const id of store.getSnapshot().docs.keys()) void store.open(id, true);
      leave.current?.();
    };
  }, []);
  const seenVersion = useRef(libraryVersion);
  const { refresh } = review;
  useEffect(() => {
    if (seenVersion.current === libraryVersion) return;
    seenVersion.current = libraryVersion;
    void refresh();
  }, [libraryVersion, refresh]);
  useEffect(() => setMode('actions'), [currentKey]);

  const decide = (decision: ReviewDecision) => {
    setMode('actions');
    void review.decide(decision);
  };
  const correct = (label: string) => {
    setMode('actions');
    void review.correct(label);
  };
  const onPick = useCallback((item: ReviewItem) => docId && review.select({ docId, a: item.a?.id, b: item.b?.id }), [docId, review]);

  useReviewKeys({
    labels,
    picking: mode === 'pick',
    step: review.step,
    stepDocument: review.stepDocument,
    accept: () => current && !review.busy && decide({ status: 'accepted' }),
    reject: () => current && !review.busy && decide({ status: 'rejected' }),
    correct: () => current && setMode('pick'),
    comment: () => current && setMode('comment'),
    toggleMatches: () => review.setWithMatches(!review.withMatches),
    pick: (label) => correct(label.id),
    cancel: () => setMode('actions'),
  });

  const flat = documents.flatMap((d) => listOrder(d.items, review.withMatches).map((i) => `${d.id}#${itemKey(i)}`));
  const at = current && docId ? flat.indexOf(`${docId}#${itemKey(current)}`) : -1;
  const progress = progressOf(documents);
  const docIndex = documents.findIndex((d) => d.id === docId);
  const reviewable = useMemo(() => new Set(documents.map((d) => d.id)), [documents]);
  const others = review.annotators?.filter((n) => n.name !== review.a) ?? [];

  return (
    <div className="review-mode" data-testid="review-mode" ref={root} tabIndex={-1}>
      <div className="review-bar">
        <div className="review-who">
          <AnnotatorSelect side="a" value={review.a} names={review.annotators ?? []} onChange={review.setA} />
          <span className="review-versus">vs</span>
          <AnnotatorSelect side="b" value={review.b} names={others} onChange={review.setB} />
        </div>
        <div className="review-docs" hidden={documents.length === 0}>
          <button type="button" className="icon-button" aria-label="Previous document (Shift+P)" title="Previous document (Shift+P)" disabled={docIndex <= 0} onClick={() => review.stepDocument(-1)}>
            ‹
          </button>
          <select className="review-select review-doc-select" data-testid="review-document" value={docId ?? ''} onChange={(e) => review.selectDocument(e.target.value)} aria-label="Document">
            {documents.map((d, i) => (
              <option key={d.id} value={d.id}>
                {i + 1}. {d.title} ({d.items.filter((x) => x.kind !== 'match' && !isDecided(x)).length} open)
              </option>
            ))}
          </select>
          <button type="button" className="icon-button" aria-label="Next document (Shift+N)" title="Next document (Shift+N)" disabled={docIndex < 0 || docIndex >= documents.length - 1} onClick={() => review.stepDocument(1)}>
            ›
          </button>
        </div>
        <div className="review-progress" data-testid="review-progress" title={`${progress.decided} of ${progress.total} differences decided`}>
          <span className="review-progress-track">
            <span style={{ width: `${progress.total ? (100 * progress.decided) / progress.total : 0}%` }} />
          </span>
          {progress.decided}/{progress.total} decided
        </div>
        <div className="review-keys" aria-label="Keys">
          <kbd>n</kbd>
          <kbd>p</kbd> step <kbd>a</kbd> accept <kbd>r</kbd> reject <kbd>e</kbd> correct <kbd>c</kbd> comment <kbd>m</kbd> matches
        </div>
        <button type="button" className="bar-button" data-testid="review-refresh" title="Read the workspace again" onClick={() => void review.refresh()}>
          ⟳ Refresh
        </button>
      </div>
      <div className="review-body">
        <AgreementPanel report={comparison?.agreement ?? null} curated={comparison?.curated ?? null} labels={labels} docId={docId} reviewable={reviewable} loading={review.loading} onOpenDocument={review.selectDocument} />
        <main className="review-panes">
          {review.annotators && others.length === 0 ? (
            <ReviewEmpty title="Nobody else has tagged in this workspace yet" hint="Import a colleague's exchange file (.awb.json) to review their tags." />
          ) : review.annotators && (!review.b || review.a === review.b) ? (
            <ReviewEmpty title="Choose two different annotators" hint="A is usually you; B the colleague whose tags you review." />
          ) : comparison && documents.length === 0 ? (
            <ReviewEmpty title={`${review.a} and ${review.b} have no tags to compare`} hint="Choose other annotators above." />
          ) : (
            <>
              <ReviewPane side="a" annotator={review.a} isMe={review.a === me} article={review.article} items={items} current={current} labels={labelLook} onPick={onPick} />
              <ReviewPane side="b" annotator={review.b} isMe={review.b === me} article={review.article} items={items} current={current} labels={labelLook} onPick={onPick} />
            </>
          )}
        </main>
        <aside className="review-side" aria-label="Differences">
          <ItemCard
            item={current}
            a={review.a}
            b={review.b}
            labels={labels}
            labelLook={labelLook}
            mode={mode}
            busy={review.busy}
            position={at >= 0 ? `${at + 1} of ${flat.length}` : `${flat.length} differences`}
            total={flat.length}
            onMode={setMode}
            onDecide={decide}
            onCorrect={correct}
          />
          <h2 className="section-heading review-side-title" title={doc?.title}>
            In this document
          </h2>
          {doc && doc.agreedNotCurated > 0 && (
            <p className="review-agreed" data-testid="review-agreed">
              {doc.agreedNotCurated} span{doc.agreedNotCurated === 1 ? '' : 's'} {review.a} and {review.b} agree on {doc.agreedNotCurated === 1 ? 'is' : 'are'} not in the curated layer yet (any decision here adds them).{' '}
              <button type="button" className="card-link" data-testid="review-accept-agreed" disabled={review.busy} onClick={() => void review.acceptAgreed().then(() => root.current?.focus())}>
                Add {doc.agreedNotCurated === 1 ? 'it' : 'them'} now
              </button>
            </p>
          )}
          <DifferenceList items={items} current={current} labels={labelLook} onSelect={onPick} withMatches={review.withMatches} onWithMatches={review.setWithMatches} />
        </aside>
      </div>
    </div>
  );
}

function ReviewEmpty({ title, hint }: { title: string; hint: string }) {
  return (
    <div className="empty-state" data-testid="review-empty">
      <p className="empty-title">{title}</p>
      <p className="empty-hint">{hint}</p>
    </div>
  );
}
