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
import type { TextPositions } from './textPositions';

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

/// A change to the highlights of one view, sent as transaction meta under {@link highlightsKey}.
export type HighlightAction =
  | { type: 'reset'; annotations: readonly HighlightedAnnotation[]; look: HighlightLook }
  | { type: 'upsert'; annotation: HighlightedAnnotation }
  | { type: 'remove'; id: string }
  | { type: 'look'; look: HighlightLook };

interface Entry {
  annotation: HighlightedAnnotation;
  track: number;
}

/// The plugin's state.
export interface HighlightState {
  entries: ReadonlyMap<string, Entry>;
  look: HighlightLook;
  decorations: DecorationSet;
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

/// The lowest track not taken by an overlapping span in `others`.
export function freeTrack(span: { start: number; end: number }, others: Iterable<Entry>): number {
  const taken = new Set<number>();
  for (const o of others) {
    if (o.annotation.start < span.end && span.start < o.annotation.end) taken.add(o.track);
  }
  let track = 0;
  while (taken.has(track)) track += 1;
  return track;
}

/// Tracks for a whole set, outer (earlier, longer) spans first, so they sit nearest the text.
export function assignTracks(annotations: readonly HighlightedAnnotation[]): Map<string, Entry> {
  const ordered = [...annotations].sort((a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id));
  const entries = new Map<string, Entry>();
  for (const annotation of ordered) {
    entries.set(annotation.id, { annotation, track: freeTrack(annotation, entries.values()) });
  }
  return entries;
}

function decorationOf(positions: TextPositions, entry: Entry, look: HighlightLook): Decoration | null {
  const attrs = highlightAttrs(entry.annotation, entry.track, look);
  if (!attrs) return null;
  const { from, to } = positions.toPositions(entry.annotation);
  return Decoration.inline(from, to, attrs, { id: entry.annotation.id });
}

function decorationsOf(positions: TextPositions, entries: Iterable<Entry>, look: HighlightLook): Decoration[] {
  const result: Decoration[] = [];
  for (const entry of entries) {
    const decoration = decorationOf(positions, entry, look);
    if (decoration) result.push(decoration);
  }
  return result;
}

function withoutDecorationOf(set: DecorationSet, positions: TextPositions, entry: Entry | undefined): DecorationSet {
  if (!entry) return set;
  const { from, to } = positions.toPositions(entry.annotation);
  const found = set.find(from, to, (spec: { id?: string }) => spec.id === entry.annotation.id);
  return found.length ? set.remove(found) : set;
}

function sameClasses(entry: Entry, a: HighlightLook, b: HighlightLook): boolean {
  return highlightAttrs(entry.annotation, entry.track, a)?.class === highlightAttrs(entry.annotation, entry.track, b)?.class;
}

/// Applies one action to the state (the plugin's `apply`, exported for tests).
export function applyHighlightAction(state: HighlightState, action: HighlightAction, doc: ProseMirrorNode, positions: TextPositions): HighlightState {
  switch (action.type) {
    case 'reset': {
      const entries = assignTracks(action.annotations);
      return { entries, look: action.look, decorations: DecorationSet.create(doc, decorationsOf(positions, entries.values(), action.look)) };
    }
    case 'upsert': {
      const previous = state.entries.get(action.annotation.id);
      const others = [...state.entries.values()].filter((e) => e.annotation.id !== action.annotation.id);
      const moved = !previous || previous.annotation.start !== action.annotation.start || previous.annotation.end !== action.annotation.end;
      const entry = { annotation: action.annotation, track: moved ? freeTrack(action.annotation, others) : previous.track };
      const entries = new Map(state.entries).set(entry.annotation.id, entry);
      const cleared = withoutDecorationOf(state.decorations, positions, previous);
      return { ...state, entries, decorations: cleared.add(doc, decorationsOf(positions, [entry], state.look)) };
    }
    case 'remove': {
      const previous = state.entries.get(action.id);
      if (!previous) return state;
      const entries = new Map(state.entries);
      entries.delete(action.id);
      return { ...state, entries, decorations: withoutDecorationOf(state.decorations, positions, previous) };
    }
    case 'look': {
      const old = state.look;
      const next = action.look;
      const everything = old.labels !== next.labels || old.me !== next.me || old.showOthers !== next.showOthers;
      if (everything) {
        return { ...state, look: next, decorations: DecorationSet.create(doc, decorationsOf(positions, state.entries.values(), next)) };
      }
      const changed = [...state.entries.values()].filter((e) => !sameClasses(e, old, next));
      let decorations = state.decorations;
      for (const entry of changed) decorations = withoutDecorationOf(decorations, positions, entry);
      return { ...state, look: next, decorations: decorations.add(doc, decorationsOf(positions, changed, next)) };
    }
  }
}

/// The ProseMirror plugin that holds and draws the highlights of the document built from
/// `positions.text`.
export function highlightsPlugin(positions: TextPositions): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: highlightsKey,
    state: {
      init: () => ({ entries: new Map(), look: EMPTY_LOOK, decorations: DecorationSet.empty }),
      apply(tr, value) {
        const action = tr.getMeta(highlightsKey) as HighlightAction | undefined;
        const mapped = tr.docChanged ? { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) } : value;
        return action ? applyHighlightAction(mapped, action, tr.doc, positions) : mapped;
      },
    },
    props: {
      decorations: (state: EditorState) => highlightsKey.getState(state)?.decorations,
    },
  });
}
