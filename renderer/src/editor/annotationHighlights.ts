/// Annotations drawn as ProseMirror decorations held in a plugin's state (DESIGN §7), never as
/// marks: the text is read-only and overlapping or nested spans need no special casing.
///
/// The `DecorationSet` changes incrementally through transaction meta ({@link HighlightAction}):
/// adding, changing or removing one annotation touches only its own decoration; a change of
/// selection re-draws only the annotations whose look changed. Each annotation keeps a "track"
/// (0, 1, 2, …) so that the underlines of overlapping spans stack instead of hiding each other.
///
/// DOM-free: it builds decorations but never renders them, so it is tested under Node.
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type DecorationAttrs } from '@tiptap/pm/view';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Annotation } from '../../../preload/api';
import { PersistentMap } from '../state/persistentMap';
import { assignTracks, clustersAround, freeTrack, trackList, type TrackedAnnotation } from './highlightTracks';
import type { PositionMap } from './textPositions';
import { labelAbbreviations } from '../labels';

export { assignTracks, freeTrack, type TrackedAnnotation } from './highlightTracks';

/// What an annotation needs to be drawn.
export type HighlightedAnnotation = Pick<Annotation, 'id' | 'label' | 'start' | 'end' | 'annotator'>;

/// How highlights look in one view: colours, whose they are, and what is selected or related.
export interface HighlightLook {
  /// Label id → name and colour (`#rrggbb`).
  labels: ReadonlyMap<string, { name: string; color: string }>;
  /// The current annotator; anyone else's annotations are drawn as "foreign" (dashed).
  me: string;
  /// Whether other annotators' annotations are shown at all.
  showOthers: boolean;
  selectedId: string | null;
  /// Annotations with the same text as the selected one (usually in another pane).
  matchIds: ReadonlySet<string>;
  /// Annotations linked to the selected one (a quote's speaker, an actor's quotes).
  relatedIds: ReadonlySet<string>;
  /// Extra class names by annotation id (the review view marks kinds and decisions with them).
  classes?: ReadonlyMap<string, string>;
}

/// A change to the highlights of one view, sent as transaction meta under {@link highlightsKey}
/// (one action, or several applied in order within one transaction, hence one redraw).
export type HighlightAction =
  | { type: 'reset'; annotations: readonly HighlightedAnnotation[]; look: HighlightLook }
  | { type: 'upsert'; annotation: HighlightedAnnotation }
  | { type: 'remove'; id: string }
  | { type: 'look'; look: HighlightLook }
  /// The document now shows another window of the text (a long document's windowed view):
  /// redraw the annotations that intersect it, mapped by `positions`.
  | { type: 'window'; positions: PositionMap }
  /// Give the annotations away from the document shown their tracks (see `pending`).
  | { type: 'complete' };

/// The plugin's state.
export interface HighlightState {
  entries: PersistentMap<TrackedAnnotation>;
  look: HighlightLook;
  decorations: DecorationSet;
  /// The annotations and look the state was built from when it was seeded at editor creation
  /// (see {@link seededHighlights}); the view diffs its first update against them.
  seededFrom?: HighlightSource;
  /// The mapping of the document shown, once a `window` action has replaced the plugin's own.
  positions?: PositionMap;
  /// Annotations not in `entries` yet: a reset gives tracks at once only to the overlap clusters
  /// that reach the document shown (a long document's first window), and these, none of which
  /// reaches it, get theirs when the browser is next idle or an action needs them.
  pending?: readonly HighlightedAnnotation[];
}

/// The annotations and look a view shows, as its props hold them.
export interface HighlightSource {
  annotations: ReadonlyMap<string, HighlightedAnnotation>;
  look: HighlightLook;
}

/// The plugin's key: `tr.setMeta(highlightsKey, action)`, `highlightsKey.getState(state)`.
export const highlightsKey = new PluginKey<HighlightState>('annotationHighlights');

/// A look with nothing selected, used until the first reset.
export const EMPTY_LOOK: HighlightLook = {
  labels: new Map(),
  me: '',
  showOthers: true,
  selectedId: null,
  matchIds: new Set(),
  relatedIds: new Set(),
};

const FALLBACK_COLOR = '#7a7a7a';

/// Label id → its abbreviation, per labels map (a look's map is kept while the labels stay).
const abbreviationsOf = new WeakMap<HighlightLook['labels'], Map<string, string>>();

function abbreviation(labels: HighlightLook['labels'], id: string): string | undefined {
  let known = abbreviationsOf.get(labels);
  if (!known) {
    const ids = [...labels.keys()];
    const marks = labelAbbreviations(ids.map((i) => labels.get(i)!.name));
    known = new Map(ids.map((i, n) => [i, marks[n]]));
    abbreviationsOf.set(labels, known);
  }
  return known.get(id);
}

/// The DOM attributes of one annotation's decoration, or null when it is hidden. Every
/// decoration gets its own `<span>` (`nodeName`), so nested spans nest instead of merging.
export function highlightAttrs(annotation: HighlightedAnnotation, track: number, look: HighlightLook): DecorationAttrs | null {
  const foreign = annotation.annotator !== look.me;
  if (foreign && !look.showOthers) return null;
  const label = look.labels.get(annotation.label);
  const classes = ['anno'];
  if (foreign) classes.push('is-foreign');
  if (annotation.id === look.selectedId) classes.push('is-selected');
  if (look.matchIds.has(annotation.id)) classes.push('is-match');
  if (look.relatedIds.has(annotation.id)) classes.push('is-related');
  const extra = look.classes?.get(annotation.id);
  if (extra) classes.push(extra);
  return {
    nodeName: 'span',
    class: classes.join(' '),
    style: `--anno-color: ${label?.color ?? FALLBACK_COLOR}; --anno-track: ${track}`,
    'data-annotation-id': annotation.id,
    'data-label': annotation.label,
    title: `${label?.name ?? annotation.label} · ${annotation.annotator}`,
  };
}

/// What a highlight's start mark says: the label's name (with the annotator when it is someone
/// else's) for screen readers, and its abbreviation for the eye when colours are not enough.
export function highlightMark(annotation: HighlightedAnnotation, look: HighlightLook): { name: string; mark: string } {
  const name = look.labels.get(annotation.label)?.name ?? annotation.label;
  return {
    name: annotation.annotator === look.me ? name : `${name} (${annotation.annotator})`,
    mark: abbreviation(look.labels, annotation.label) ?? (name.slice(0, 1).toUpperCase() || '?'),
  };
}

/// An empty `<span class="anno-mark">` before the highlight: CSS generated content from its
/// data attributes (annotations.css) says the label, never text in the DOM, so offsets, the
/// selection and copies stay the article's own.
function markDom(annotation: HighlightedAnnotation, look: HighlightLook): HTMLElement {
  const { name, mark } = highlightMark(annotation, look);
  const span = document.createElement('span');
  span.className = 'anno-mark';
  span.dataset.annoName = name;
  span.dataset.annoMark = mark;
  span.dataset.label = annotation.label;
  span.style.setProperty('--anno-color', look.labels.get(annotation.label)?.color ?? FALLBACK_COLOR);
  return span;
}

function decorationOf(positions: PositionMap, entry: TrackedAnnotation, look: HighlightLook, into: Decoration[]): void {
  const span = positions.toPositions(entry.annotation);
  if (!span) return;
  const attrs = highlightAttrs(entry.annotation, entry.track, look);
  if (!attrs) return;
  const { from, to } = span;
  const { annotation } = entry;
  const { name, mark } = highlightMark(annotation, look);
  into.push(
    Decoration.widget(from, () => markDom(annotation, look), { id: annotation.id, mark: true, key: `mark:${annotation.id}:${mark}:${name}`, side: -1, ignoreSelection: true }),
    Decoration.inline(from, to, attrs, { id: annotation.id }),
  );
}

function decorationsOf(positions: PositionMap, entries: Iterable<TrackedAnnotation>, look: HighlightLook): Decoration[] {
  const result: Decoration[] = [];
  for (const entry of entries) decorationOf(positions, entry, look, result);
  return result;
}

/// `set` without the decorations of `entries` (one removal for all of them).
function withoutDecorationsOf(set: DecorationSet, positions: PositionMap, entries: readonly (TrackedAnnotation | undefined)[]): DecorationSet {
  const found: Decoration[] = [];
  for (const entry of entries) {
    const span = entry && positions.toPositions(entry.annotation);
    if (!entry || !span) continue;
    const { from, to } = span;
    found.push(...set.find(from, to, (spec: { id?: string }) => spec.id === entry.annotation.id));
  }
  return found.length ? set.remove(found) : set;
}

function sameClasses(entry: TrackedAnnotation, a: HighlightLook, b: HighlightLook): boolean {
  return highlightAttrs(entry.annotation, entry.track, a)?.class === highlightAttrs(entry.annotation, entry.track, b)?.class;
}

/// The ids whose classes may differ between two looks with the same labels, annotator and
/// visibility: the selected, matching, related and extra-class ones of either look.
function idsTouchedByLook(a: HighlightLook, b: HighlightLook): Set<string> {
  const ids = new Set<string>();
  for (const id of [a.selectedId, b.selectedId]) if (id !== null) ids.add(id);
  for (const set of [a.matchIds, b.matchIds, a.relatedIds, b.relatedIds]) for (const id of set) ids.add(id);
  if (a.classes !== b.classes) for (const map of [a.classes, b.classes]) for (const id of map?.keys() ?? []) ids.add(id);
  return ids;
}

/// The track for `annotation`: the lowest one that no drawn annotation overlapping it holds.
/// When it lies wholly in the document shown, those are all drawn around it, so its neighbours
/// come from the decorations there rather than from every entry; otherwise every entry counts.
/// (A hidden annotation may then share the new span's track: it is not drawn, and all tracks
/// are assigned afresh when hidden annotations are shown.)
function trackOf(state: HighlightState, annotation: HighlightedAnnotation, positions: PositionMap): number {
  const span = annotation.end > annotation.start && positions.contains(annotation) ? positions.toPositions(annotation) : null;
  if (!span) return freeTrack(annotation, state.entries, annotation.id);
  const near: TrackedAnnotation[] = [];
  for (const decoration of state.decorations.find(span.from, span.to)) {
    const entry = state.entries.get((decoration.spec as { id: string }).id);
    if (entry) near.push(entry);
  }
  return freeTrack(annotation, near, annotation.id);
}

/// `state` with every pending annotation given its track.
function completed(state: HighlightState): HighlightState {
  if (!state.pending) return state;
  const tracked = trackList(state.pending);
  state.entries.forEach((entry) => tracked.push(entry));
  const { pending: _done, ...rest } = state;
  return { ...rest, entries: PersistentMap.keyed(tracked, (entry) => entry.annotation.id) };
}

/// Whether annotation `id` is still waiting for its track (a scan, only until the idle callback
/// has completed the pending ones).
function isPending(state: HighlightState, id: string): boolean {
  return !state.entries.has(id) && (state.pending?.some((annotation) => annotation.id === id) ?? false);
}

/// Whether an action needs the tracks of annotations away from the document shown: a change to
/// a pending annotation, a span whose track must be found among every entry, a new window.
function needsAllTracks(state: HighlightState, action: HighlightAction, positions: PositionMap): boolean {
  switch (action.type) {
    case 'upsert': {
      const { annotation } = action;
      const previous = state.entries.get(annotation.id);
      const moved = !previous || previous.annotation.start !== annotation.start || previous.annotation.end !== annotation.end;
      return (moved && !positions.contains(annotation)) || isPending(state, annotation.id);
    }
    case 'remove':
      return isPending(state, action.id);
    case 'reset':
    case 'look':
      return false;
    default:
      return true;
  }
}

/// Applies one action to the state (the plugin's `apply`, exported for tests).
export function applyHighlightAction(state: HighlightState, action: HighlightAction, doc: ProseMirrorNode, positions: PositionMap): HighlightState {
  if (state.pending && needsAllTracks(state, action, positions)) state = completed(state);
  switch (action.type) {
    case 'reset': {
      const { near, rest } = clustersAround(action.annotations, (annotation) => positions.toPositions(annotation) !== null);
      const entries = assignTracks(near);
      const decorations = DecorationSet.create(doc, decorationsOf(positions, entries.values(), action.look));
      const reset: HighlightState = { entries, look: action.look, decorations };
      if (state.positions) reset.positions = state.positions;
      if (rest.length) reset.pending = rest;
      return reset;
    }
    case 'complete':
      return state;
    case 'upsert': {
      const previous = state.entries.get(action.annotation.id);
      const moved = !previous || previous.annotation.start !== action.annotation.start || previous.annotation.end !== action.annotation.end;
      const entry = { annotation: action.annotation, track: moved ? trackOf(state, action.annotation, positions) : previous.track };
      const entries = state.entries.set(entry.annotation.id, entry);
      // The service's copy of a new tag, say: nothing drawn from it has changed.
      if (!moved && previous.annotation.label === entry.annotation.label && previous.annotation.annotator === entry.annotation.annotator) return { ...state, entries };
      const cleared = withoutDecorationsOf(state.decorations, positions, [previous]);
      return { ...state, entries, decorations: cleared.add(doc, decorationsOf(positions, [entry], state.look)) };
    }
    case 'remove': {
      const previous = state.entries.get(action.id);
      if (!previous) return state;
      return { ...state, entries: state.entries.delete(action.id), decorations: withoutDecorationsOf(state.decorations, positions, [previous]) };
    }
    case 'look': {
      const old = state.look;
      const next = action.look;
      const shown = old.me !== next.me || old.showOthers !== next.showOthers;
      if (shown) {
        // Other annotations are shown or hidden: their tracks are assigned again, all together.
        const annotations = [...(state.pending ?? [])];
        state.entries.forEach((entry) => annotations.push(entry.annotation));
        return applyHighlightAction(state, { type: 'reset', annotations, look: next }, doc, positions);
      }
      if (old.labels !== next.labels) {
        return { ...state, look: next, decorations: DecorationSet.create(doc, decorationsOf(positions, state.entries.values(), next)) };
      }
      const changed: TrackedAnnotation[] = [];
      for (const id of idsTouchedByLook(old, next)) {
        const entry = state.entries.get(id);
        if (entry && !sameClasses(entry, old, next)) changed.push(entry);
      }
      if (changed.length === 0) return { ...state, look: next };
      const decorations = withoutDecorationsOf(state.decorations, positions, changed);
      return { ...state, look: next, decorations: decorations.add(doc, decorationsOf(positions, changed, next)) };
    }
    case 'window':
      return { ...state, positions: action.positions, decorations: DecorationSet.create(doc, decorationsOf(action.positions, state.entries.values(), state.look)) };
  }
}

/// The state of a view that shows nothing yet.
function emptyHighlights(): HighlightState {
  return { entries: PersistentMap.of(), look: EMPTY_LOOK, decorations: DecorationSet.empty };
}

/// The state of a view that shows `source` from the start: built once, before the editor draws
/// anything, so its first paint already has every highlight.
export function seededHighlights(source: HighlightSource | null, doc: ProseMirrorNode, positions: PositionMap): HighlightState {
  const empty = emptyHighlights();
  if (!source) return empty;
  const annotations: HighlightedAnnotation[] = [];
  source.annotations.forEach((annotation) => annotations.push(annotation));
  const reset: HighlightAction = { type: 'reset', annotations, look: source.look };
  return { ...applyHighlightAction(empty, reset, doc, positions), seededFrom: source };
}

/// The ProseMirror plugin that holds and draws the highlights of the document built from
/// `positions.text`; `initial` (when given) is its state at creation.
export function highlightsPlugin(positions: PositionMap, initial?: (doc: ProseMirrorNode) => HighlightState): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: highlightsKey,
    state: {
      init: (_config, state) => initial?.(state.doc) ?? emptyHighlights(),
      apply(tr, value) {
        const meta = tr.getMeta(highlightsKey) as HighlightAction | readonly HighlightAction[] | undefined;
        const actions: readonly HighlightAction[] = !meta ? [] : Array.isArray(meta) ? meta : [meta as HighlightAction];
        // A new window redraws everything: no need to map the old decorations first.
        const remapped = tr.docChanged && !actions.some((action) => action.type === 'window');
        const mapped = remapped ? { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) } : value;
        return actions.reduce((state, action) => applyHighlightAction(state, action, tr.doc, action.type === 'window' ? action.positions : (state.positions ?? positions)), mapped);
      },
    },
    props: {
      decorations: (state: EditorState) => highlightsKey.getState(state)?.decorations,
    },
    view: (editorView) => {
      // Pending tracks are assigned when the browser is idle (after the first paint).
      let idle: number | null = null;
      const schedule = () => {
        if (idle !== null || !highlightsKey.getState(editorView.state)?.pending || typeof requestIdleCallback !== 'function') return;
        idle = requestIdleCallback(() => {
          idle = null;
          if (!editorView.isDestroyed && highlightsKey.getState(editorView.state)?.pending) editorView.dispatch(editorView.state.tr.setMeta(highlightsKey, { type: 'complete' }));
        });
      };
      schedule();
      return {
        update: schedule,
        destroy: () => void (idle !== null && cancelIdleCallback(idle)),
      };
    },
  });
}
