/// The suggestion layer of the open documents (DESIGN §12): what the service suggests for each
/// (never saved), which kinds are shown (remembered in this browser), and the current suggestion
/// that Tab and Shift+Tab step to, Enter accepts and x dismisses. Accepting goes through the
/// workbench store (one undo step, origin `suggestion`, a quote's speaker linked); a dismissal
/// is saved by the service and can be undone. A suggestion that shares text with an annotation
/// of its label (anyone's) is not shown: that is tagged already, perhaps with other ends; so an
/// undone accept shows it again.
import type { ListedSuggestion, SuggestionKind, WorkbenchApi } from '../../../preload/api';
import type { DocState } from '../state/documentState';
import type { WorkbenchStore } from '../state/workbenchStore';
import { Listeners } from '../state/listeners';

/// Every kind, in the order the control lists them, with its name there.
export const SUGGESTION_KIND_NAMES: readonly { kind: SuggestionKind; name: string }[] = [
  { kind: 'figure', name: 'Figures' },
  { kind: 'quote', name: 'Quotes' },
  { kind: 'entity', name: 'Entity mentions' },
  { kind: 'name', name: 'Names' },
];

const KINDS_KEY = 'awb.suggestionKinds';

/// The label a quote's speaker is tagged with.
const SPEAKER_LABEL = 'actor';

/// One document's suggestions as loaded.
export interface DocSuggestions {
  status: 'loading' | 'ready' | 'error';
  list: readonly ListedSuggestion[];
  /// Keys dismissed in this session (the service leaves out those dismissed before).
  dismissed: ReadonlySet<string>;
}

/// The current suggestion.
export interface CurrentSuggestion {
  docId: string;
  key: string;
}

/// What the UI renders; a new object after every change.
export interface SuggestionsSnapshot {
  docs: ReadonlyMap<string, DocSuggestions>;
  kinds: ReadonlySet<SuggestionKind>;
  current: CurrentSuggestion | null;
  /// Increases when the current suggestion should be scrolled into view.
  revealCount: number;
}

/// Storage for the shown kinds (localStorage in the app).
export interface KindStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function readKinds(storage: KindStorage | null): Set<SuggestionKind> {
  const all = new Set(SUGGESTION_KIND_NAMES.map((k) => k.kind));
  try {
    const saved = storage?.getItem(KINDS_KEY);
    if (!saved) return all;
    const parsed = JSON.parse(saved) as unknown;
    return Array.isArray(parsed) ? new Set(parsed.filter((k): k is SuggestionKind => all.has(k as SuggestionKind))) : all;
  } catch {
    return all;
  }
}

const tagKey = (label: string, start: number, end: number) => `${label}\u0000${start}\u0000${end}`;

/// The text each label's annotations cover, as sorted disjoint spans per label.
function taggedByLabel(doc: DocState): Map<string, { start: number; end: number }[]> {
  const byLabel = new Map<string, { start: number; end: number }[]>();
  for (const a of doc.annotations.values()) {
    const spans = byLabel.get(a.label) ?? [];
    spans.push({ start: a.start, end: a.end });
    byLabel.set(a.label, spans);
  }
  for (const [label, spans] of byLabel) {
    spans.sort((x, y) => x.start - y.start);
    const merged: { start: number; end: number }[] = [];
    for (const span of spans) {
      const last = merged.at(-1);
      if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
      else merged.push({ ...span });
    }
    byLabel.set(label, merged);
  }
  return byLabel;
}

/// Whether [start, end) shares text with one of the sorted disjoint `spans`.
function overlapsAny(spans: readonly { start: number; end: number }[] | undefined, start: number, end: number): boolean {
  if (!spans?.length) return false;
  let low = 0;
  let high = spans.length;
  // The first span that ends after `start`.
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid].end <= start) low = mid + 1;
    else high = mid;
  }
  return low < spans.length && spans[low].start < end;
}

/// The store of the suggestion layer.
export class SuggestionsStore {
  private snapshot: SuggestionsSnapshot;
  private readonly changed = new Listeners();
  private readonly problems = new Listeners<[message: string]>();
  /// The last `shown` list of each document, with what it was worked out from.
  private readonly shownCache = new Map<string, { loaded: DocSuggestions; annotations: DocState['annotations']; kinds: ReadonlySet<SuggestionKind>; shown: ListedSuggestion[] }>();

  constructor(
    private readonly api: Pick<WorkbenchApi, 'suggestions'>,
    private readonly workbench: WorkbenchStore,
    private readonly storage: KindStorage | null,
  ) {
    this.snapshot = { docs: new Map(), kinds: readKinds(storage), current: null, revealCount: 0 };
  }

  /// For `useSyncExternalStore`.
  subscribe = (listener: () => void): (() => void) => this.changed.add(listener);

  /// For `useSyncExternalStore`.
  getSnapshot = (): SuggestionsSnapshot => this.snapshot;

  /// Calls `listener` with what went wrong when suggestions could not be listed or dismissed.
  onProblem(listener: (message: string) => void): () => void {
    return this.problems.add(listener);
  }

  private onError(message: string): void {
    this.problems.emit(message);
  }

  private update(patch: Partial<SuggestionsSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    this.changed.emit();
  }

  private setDoc(docId: string, change: (doc: DocSuggestions) => DocSuggestions): void {
    const doc = this.snapshot.docs.get(docId);
    if (doc) this.update({ docs: new Map(this.snapshot.docs).set(docId, change(doc)) });
  }

  /// Asks the service for a document's suggestions (once): the quick kinds first, then names.
  async load(docId: string): Promise<void> {
    if (this.snapshot.docs.has(docId)) return;
    this.update({ docs: new Map(this.snapshot.docs).set(docId, { status: 'loading', list: [], dismissed: new Set() }) });
    const entitiesAsked = this.entitySignature;
    try {
      const quick = await this.api.suggestions.list(docId, ['figure', 'quote', 'entity']);
      this.setDoc(docId, (doc) => ({ ...doc, list: quick }));
      const names = await this.api.suggestions.list(docId, ['name']);
      // A name that a quicker suggester already gave (same label and span) is shown once.
      const taken = new Set(quick.map((s) => tagKey(s.label, s.start, s.end)));
      const list = [...quick, ...names.filter((s) => !taken.has(tagKey(s.label, s.start, s.end)))].sort((a, b) => a.start - b.start || a.end - b.end);
      this.setDoc(docId, (doc) => ({ ...doc, status: 'ready', list }));
      // The entities changed while the names were found (a long article's first opening).
      if (this.entitySignature !== entitiesAsked) await this.refreshMentions(docId);
    } catch (error) {
      this.setDoc(docId, (doc) => ({ ...doc, status: 'error' }));
      this.onError(`Suggestions could not be worked out: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private entitySignature: string | null = null;

  /// Asks again for the entity mentions of every document loaded when the entities' names,
  /// aliases or types (given as `entities`) changed since the last call.
  async entitiesChanged(entities: readonly { id: string; name: string; type: string; aliases: readonly string[] }[]): Promise<void> {
    const signature = JSON.stringify(entities.map((e) => [e.id, e.type, e.name, e.aliases]));
    const first = this.entitySignature === null;
    if (signature === this.entitySignature) return;
    this.entitySignature = signature;
    if (first) return;
    // A document still loading asks again itself once it is ready (see load).
    for (const [docId, loaded] of this.snapshot.docs) if (loaded.status === 'ready') await this.refreshMentions(docId);
  }

  /// Asks again for one document's entity mentions.
  private async refreshMentions(docId: string): Promise<void> {
    try {
      const mentions = await this.api.suggestions.list(docId, ['entity']);
      this.setDoc(docId, (doc) => {
        const others = doc.list.filter((s) => s.kind !== 'entity');
        const taken = new Set(others.map((s) => tagKey(s.label, s.start, s.end)));
        const list = [...others, ...mentions.filter((s) => !taken.has(tagKey(s.label, s.start, s.end)))].sort((a, b) => a.start - b.start || a.end - b.end);
        return { ...doc, list };
      });
    } catch (error) {
      this.onError(`Entity mentions could not be suggested again: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /// Forgets a document's suggestions (it was closed or left the workspace).
  forget(docId: string): void {
    if (!this.snapshot.docs.has(docId)) return;
    const docs = new Map(this.snapshot.docs);
    docs.delete(docId);
    this.update({ docs, ...(this.snapshot.current?.docId === docId ? { current: null } : {}) });
  }

  /// Shows or hides the suggestions of one kind (remembered).
  setKind(kind: SuggestionKind, shown: boolean): void {
    const kinds = new Set(this.snapshot.kinds);
    if (shown) kinds.add(kind);
    else kinds.delete(kind);
    try {
      this.storage?.setItem(KINDS_KEY, JSON.stringify([...kinds]));
    } catch {
      // Not remembered: the toggle still holds for this session.
    }
    this.update({ kinds });
  }

  /// The suggestions shown on `doc`, in text order: of the shown kinds, not dismissed, and
  /// sharing no text with an annotation of their label. The same array while nothing it depends on changed.
  shown(docId: string, doc: DocState | undefined): ListedSuggestion[] {
    const loaded = this.snapshot.docs.get(docId);
    if (!loaded || !doc) return [];
    const { kinds } = this.snapshot;
    const cached = this.shownCache.get(docId);
    if (cached && cached.loaded === loaded && cached.annotations === doc.annotations && cached.kinds === kinds) return cached.shown;
    const tagged = taggedByLabel(doc);
    const shown = loaded.list.filter((s) => kinds.has(s.kind) && !loaded.dismissed.has(s.key) && !overlapsAny(tagged.get(s.label), s.start, s.end));
    this.shownCache.set(docId, { loaded, annotations: doc.annotations, kinds, shown });
    return shown;
  }

  /// The current suggestion, if it is still shown.
  currentIn(docId: string, doc: DocState | undefined): ListedSuggestion | null {
    const { current } = this.snapshot;
    if (!current || current.docId !== docId) return null;
    return this.shown(docId, doc).find((s) => s.key === current.key) ?? null;
  }

  /// Makes the next (+1) or previous (−1) shown suggestion of `docId` current, from the current
  /// one or, when there is none, from `from` (a text offset: the selected annotation, the top of
  /// the pane); false when the document has none.
  step(docId: string, doc: DocState | undefined, direction: 1 | -1, from = 0): boolean {
    const shown = this.shown(docId, doc);
    if (!shown.length) return false;
    const current = this.currentIn(docId, doc);
    let next: ListedSuggestion | undefined;
    if (current) {
      const at = shown.indexOf(current);
      next = shown[(at + direction + shown.length) % shown.length];
    } else if (direction === 1) next = shown.find((s) => s.start >= from) ?? shown[0];
    else next = shown.findLast((s) => s.start < from) ?? shown.at(-1);
    this.update({ current: { docId, key: next!.key }, revealCount: this.snapshot.revealCount + 1 });
    return true;
  }

  private labelIds: ReadonlySet<string> | null = null;

  /// The workspace's label ids: a quote's speaker is only tagged while there is an `actor` label.
  setLabels(ids: readonly string[]): void {
    this.labelIds = new Set(ids);
  }

  /// `chosen` as accepted: without their speakers when there is no label to tag them with.
  private acceptable(chosen: readonly ListedSuggestion[]): ListedSuggestion[] {
    if (!this.labelIds || this.labelIds.has(SPEAKER_LABEL)) return [...chosen];
    return chosen.map(({ speaker: _speaker, ...rest }) => rest);
  }

  /// Makes the suggestion `key` of `docId` current (a click on its ghost), without scrolling.
  makeCurrent(docId: string, key: string): void {
    const now = this.snapshot.current;
    if (now?.docId !== docId || now.key !== key) this.update({ current: { docId, key } });
  }

  /// Clears the current suggestion.
  clearCurrent(): void {
    if (this.snapshot.current) this.update({ current: null });
  }

  /// Accepts the current suggestion (see `WorkbenchStore.acceptSuggestions`) and makes the next
  /// one current; false when there is none.
  acceptCurrent(docId: string, doc: DocState | undefined): boolean {
    const current = this.currentIn(docId, doc);
    if (!current) return false;
    const shown = this.shown(docId, doc);
    const after = shown[shown.indexOf(current) + 1];
    this.workbench.acceptSuggestions(docId, this.acceptable([current]));
    this.update({ current: after ? { docId, key: after.key } : null, revealCount: this.snapshot.revealCount + (after ? 1 : 0) });
    return true;
  }

  /// Accepts every shown suggestion of `label` in the document, as one undo step; returns how
  /// many annotations were made.
  acceptAll(docId: string, doc: DocState | undefined, label: string): number {
    const chosen = this.shown(docId, doc).filter((s) => s.label === label);
    return chosen.length ? this.workbench.acceptSuggestions(docId, this.acceptable(chosen)) : 0;
  }

  /// Dismisses the current suggestion for good (saved by the service; Ctrl+Z brings it back) and
  /// makes the next one current; false when there is none.
  dismissCurrent(docId: string, doc: DocState | undefined): boolean {
    const current = this.currentIn(docId, doc);
    if (!current) return false;
    const shown = this.shown(docId, doc);
    const after = shown[shown.indexOf(current) + 1];
    const mark = (dismissed: boolean) =>
      this.setDoc(docId, (d) => {
        const keys = new Set(d.dismissed);
        if (dismissed) keys.add(current.key);
        else keys.delete(current.key);
        return { ...d, dismissed: keys };
      });
    mark(true);
    this.update({ current: after ? { docId, key: after.key } : null, revealCount: this.snapshot.revealCount + (after ? 1 : 0) });
    const text = current.text.replace(/\s+/g, ' ').slice(0, 40);
    this.api.suggestions.dismiss(docId, [current.key]).then(
      () =>
        this.workbench.recordWorkspaceChange({
          description: `dismiss the suggestion “${text}”`,
          undo: async () => {
            await this.api.suggestions.undismiss(docId, [current.key]);
            mark(false);
          },
          redo: async () => {
            await this.api.suggestions.dismiss(docId, [current.key]);
            mark(true);
          },
        }),
      (error: unknown) => {
        mark(false);
        this.onError(`The suggestion could not be dismissed: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
    return true;
  }
}
