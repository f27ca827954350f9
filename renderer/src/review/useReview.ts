/// The state of the review view: who is compared with whom, the comparison from the service
/// (`review.compare`), the current item, and the reviewer's actions — decide, correct and
/// comment (all `review.decide`, whose outcome goes into the curated layer). After every change
/// the comparison is fetched again, so the figures against the curated layer follow the
/// decisions (A against B never moves: neither layer changes).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Article, ReviewComparison, ReviewDecision, ReviewDocument, ReviewItem } from '../../../preload/api';
import { workbench } from '../api';
import { errorMessage } from '../format';
import { store } from '../state/useWorkbench';
import { defaultColleague, findItem, itemKey, listOrder, stepItem, type AnnotatorCount, type ItemRef } from './reviewModel';

/// Where the reviewer is, by the annotations of the current item (which survive re-pairing).
export interface ReviewAnchor {
  docId: string;
  a?: string;
  b?: string;
}

const anchorOf = (docId: string, item: ReviewItem): ReviewAnchor => ({ docId, a: item.a?.id, b: item.b?.id });

/// Everything the review view renders and does.
export interface ReviewState {
  /// Everyone with annotations (and the known annotator names), most annotations first.
  annotators: AnnotatorCount[] | null;
  a: string;
  b: string;
  setA(name: string): void;
  setB(name: string): void;
  comparison: ReviewComparison | null;
  loading: boolean;
  /// The document shown, its article (null while loading) and current item.
  docId: string | null;
  article: Article | null;
  current: ReviewItem | null;
  busy: boolean;
  /// Whether stepping and the list include the matches (which need no decision).
  withMatches: boolean;
  setWithMatches(on: boolean): void;
  select(anchor: ReviewAnchor | null): void;
  selectDocument(docId: string): void;
  step(direction: 1 | -1): void;
  stepDocument(direction: 1 | -1): void;
  decide(decision: ReviewDecision): Promise<void>;
  /// Puts the current document's agreed spans (`agreedNotCurated`) into the curated layer.
  acceptAgreed(): Promise<void>;
  correct(label: string): Promise<void>;
  refresh(): Promise<void>;
}

/// Resolves once the session's queued saves are done (or one has failed, which the save status
/// shows): Review reads the layers from the service, so a tag made just before must be there.
const savesDone = () => store.whenAllSaved().catch(() => undefined);

/// Who annotated, with counts (counted by the service, without sending every document here).
async function scanWorkspace(): Promise<{ annotators: AnnotatorCount[] }> {
  await savesDone();
  return { annotators: await workbench.review.annotators() };
}

/// The review state for reviewer `me`; failures are reported through `fail`.
export function useReview(me: string, fail: (title: string, text: string) => void): ReviewState {
  const [annotators, setAnnotators] = useState<AnnotatorCount[] | null>(null);
  const [articles, setArticles] = useState<Map<string, Article>>(new Map());
  const [a, setA] = useState(me);
  const [b, setB] = useState('');
  const [comparison, setComparison] = useState<ReviewComparison | null>(null);
  const [loading, setLoading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [anchor, setAnchor] = useState<ReviewAnchor | null>(null);
  const [docChoice, setDocChoice] = useState<string | null>(null);
  const [withMatches, setWithMatches] = useState(false);
  // Bumped by every change, so that an older comparison never overwrites a newer state.
  const generation = useRef(0);

  const rescan = useCallback(async () => {
    try {
      const scan = await scanWorkspace();
      setAnnotators(scan.annotators);
      setB((current) => current || defaultColleague(scan.annotators, me));
    } catch (error) {
      setAnnotators([]);
      fail('Could not read the workspace for review', errorMessage(error));
    }
  }, [me, fail]);
  useEffect(() => void rescan(), [rescan]);

  const compare = useCallback(async () => {
    if (!a || !b || a === b) return setComparison(null);
    const gen = ++generation.current;
    setLoading(true);
    try {
      await savesDone();
      const result = await workbench.review.compare(a, b);
      if (gen === generation.current) setComparison(result);
    } catch (error) {
      fail('Could not compare the annotators', errorMessage(error));
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  }, [a, b, fail]);
  useEffect(() => void compare(), [compare]);

  const documents = useMemo(() => comparison?.documents ?? [], [comparison]);
  const docId = anchor?.docId ?? (docChoice && documents.some((d) => d.id === docChoice) ? docChoice : (documents[0]?.id ?? null));
  const doc = documents.find((d) => d.id === docId);
  const current = (anchor && doc && findItem(doc.items, anchor)) || null;
  const article = (docId && articles.get(docId)) || null;

  // The article of the document under review, fetched when first shown.
  useEffect(() => {
    if (!docId || articles.has(docId)) return;
    workbench.documents.open(docId).then(
      (opened) => setArticles((m) => new Map(m).set(docId, opened.document)),
      (error: unknown) => fail('Could not open the document', errorMessage(error)),
    );
  }, [docId, articles, fail]);

  const refOf = (): ItemRef | null => (docId && current ? { docId, key: itemKey(current) } : docId ? { docId, key: '' } : null);
  const toAnchor = (ref: ItemRef | null): ReviewAnchor | null => {
    const item = ref && documents.find((d) => d.id === ref.docId)?.items.find((i) => itemKey(i) === ref.key);
    return ref && item ? anchorOf(ref.docId, item) : null;
  };

  const select = (next: ReviewAnchor | null) => {
    setAnchor(next);
    if (next) setDocChoice(next.docId);
  };
  const step = (direction: 1 | -1) => {
    const next = toAnchor(stepItem(documents, refOf(), direction, withMatches));
    if (next) select(next);
  };
  const selectDocument = (id: string) => {
    setDocChoice(id);
    const first = listOrder(documents.find((d) => d.id === id)?.items ?? [], withMatches)[0];
    setAnchor(first ? anchorOf(id, first) : null);
  };
  const stepDocument = (direction: 1 | -1) => {
    const at = documents.findIndex((d) => d.id === docId);
    const next = documents[at + direction];
    if (next) selectDocument(next.id);
  };

  /// Runs `change` on the current document (a decision, or the agreed spans curated) and shows
  /// the document as the service answers; false when it failed (said through `fail` under
  /// `failTitle`). The caller reads the comparison again after placing the reviewer.
  async function changeDocument(change: (docId: string) => Promise<ReviewDocument>, failTitle: string): Promise<boolean> {
    if (!docId) return false;
    generation.current++;
    setBusy(true);
    try {
      const result = await change(docId);
      generation.current++;
      setComparison((c) => c && { ...c, documents: c.documents.map((d) => (d.id === result.id ? result : d)) });
      return true;
    } catch (error) {
      fail(failTitle, errorMessage(error));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function decide(decision: ReviewDecision) {
    if (!docId || !current) return;
    const ids = { a: current.a?.id, b: current.b?.id };
    // A decision moves on to the next item; a comment alone stays.
    const following = decision.status || decision.label ? toAnchor(stepItem(documents, refOf(), 1, withMatches)) : null;
    if (following) select(following);
    const recorded = await changeDocument((id) => workbench.review.decide(id, a, b, ids, decision), 'Could not record the decision');
    if (!recorded || !following) setAnchor({ docId, ...ids });
    await compare();
  }

  /// Puts the current document's agreed spans into the curated layer, deciding nothing; the
  /// reviewer stays where they are.
  async function acceptAgreed() {
    await changeDocument((id) => workbench.review.curateAgreed(id, a, b), 'Could not add the agreed spans');
    await compare();
  }

  const correct = (label: string) => decide({ label });

  const refresh = useCallback(async () => {
    await rescan();
    await compare();
  }, [rescan, compare]);

  return {
    annotators,
    a,
    b,
    setA: (name) => {
      // Choosing B's name for A swaps the two.
      if (name === b) setB(a);
      setA(name);
      setAnchor(null);
    },
    setB: (name) => (setB(name), setAnchor(null)),
    comparison,
    loading,
    docId,
    article,
    current,
    busy,
    withMatches,
    setWithMatches,
    select,
    selectDocument,
    step,
    stepDocument,
    decide,
    correct,
    acceptAgreed,
    refresh,
  };
}
