/// The suggestion layer (DESIGN §12): suggestions drawn as ghost highlights, dashed frames in
/// their label's colour with no fill, apart from the annotation highlights (their own plugin and
/// decorations), the current one filled and marked. Set with `tr.setMeta(suggestionLayerKey,
/// { suggestions, currentKey, colors })`; a long document's new window (the highlight plugin's
/// `window` action) redraws them for the text it shows. DOM-free, tested under Node.
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { highlightsKey, type HighlightAction } from './annotationHighlights';
import type { PositionMap } from './textPositions';

/// What a ghost highlight needs.
export interface GhostSuggestion {
  key: string;
  kind: string;
  label: string;
  start: number;
  end: number;
  /// A quote's speaker candidate.
  speaker?: { text: string };
}

/// What the layer shows: the suggestions, the current one's key, label colours and names.
export interface SuggestionLayerContent {
  suggestions: readonly GhostSuggestion[];
  currentKey: string | null;
  labels: ReadonlyMap<string, { name: string; color: string }>;
}

/// The plugin's state.
export interface SuggestionLayerState extends SuggestionLayerContent {
  positions: PositionMap;
  decorations: DecorationSet;
}

/// The plugin's key.
export const suggestionLayerKey = new PluginKey<SuggestionLayerState>('suggestionLayer');

const KIND_NAMES: Record<string, string> = { figure: 'figure', quote: 'quote', entity: 'entity mention', name: 'name' };

/// The decoration of one suggestion, or null when it is not in the document shown.
function ghostOf(s: GhostSuggestion, positions: PositionMap, content: SuggestionLayerContent): Decoration | null {
  const span = positions.toPositions(s);
  if (!span || span.from >= span.to) return null;
  const label = content.labels.get(s.label);
  const current = s.key === content.currentKey;
  return Decoration.inline(
    span.from,
    span.to,
    {
      nodeName: 'span',
      class: current ? 'sugg is-current' : 'sugg',
      style: `--sugg-color: ${label?.color ?? '#7a7a7a'}`,
      'data-suggestion-key': s.key,
      'data-suggestion-kind': s.kind,
      'data-label': s.label,
      title: `Suggested ${label?.name ?? s.label} (${KIND_NAMES[s.kind] ?? s.kind})${s.speaker ? `, said by ${s.speaker.text}` : ''} · Enter accepts, x dismisses, Tab goes on`,
      ...(s.speaker ? { 'data-speaker': s.speaker.text } : {}),
    },
    { key: s.key },
  );
}

/// The decorations of `content` in `doc`, mapped by `positions`.
export function ghostDecorations(doc: ProseMirrorNode, positions: PositionMap, content: SuggestionLayerContent): DecorationSet {
  const decorations: Decoration[] = [];
  for (const s of content.suggestions) {
    const ghost = ghostOf(s, positions, content);
    if (ghost) decorations.push(ghost);
  }
  return DecorationSet.create(doc, decorations);
}

/// `state`'s decorations with only the ghosts of the old and the new current suggestion redrawn
/// (a step with Tab, among thousands of suggestions, touches two).
function withCurrent(state: SuggestionLayerState, doc: ProseMirrorNode, currentKey: string | null): DecorationSet {
  const touched = state.suggestions.filter((s) => s.key === state.currentKey || s.key === currentKey);
  const next = { ...state, currentKey };
  let set = state.decorations;
  for (const s of touched) {
    const span = state.positions.toPositions(s);
    if (span) set = set.remove(set.find(span.from, span.to, (spec: { key?: string }) => spec.key === s.key));
    const ghost = ghostOf(s, state.positions, next);
    if (ghost) set = set.add(doc, [ghost]);
  }
  return set;
}

/// The plugin, for the document built from `positions`.
export function suggestionLayerPlugin(positions: PositionMap): Plugin<SuggestionLayerState> {
  return new Plugin<SuggestionLayerState>({
    key: suggestionLayerKey,
    state: {
      init: () => ({ suggestions: [], currentKey: null, labels: new Map(), positions, decorations: DecorationSet.empty }),
      apply(tr, value) {
        const content = tr.getMeta(suggestionLayerKey) as SuggestionLayerContent | undefined;
        const meta = tr.getMeta(highlightsKey) as HighlightAction | readonly HighlightAction[] | undefined;
        const actions: readonly HighlightAction[] = !meta ? [] : Array.isArray(meta) ? meta : [meta as HighlightAction];
        const moved = actions.findLast((a): a is Extract<HighlightAction, { type: 'window' }> => a.type === 'window');
        if (!content && !moved) return tr.docChanged ? { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) } : value;
        if (content && !moved && !tr.docChanged && content.suggestions === value.suggestions && content.labels === value.labels) {
          return content.currentKey === value.currentKey ? value : { ...value, currentKey: content.currentKey, decorations: withCurrent(value, tr.doc, content.currentKey) };
        }
        const next = { ...value, ...(content ?? {}), positions: moved?.positions ?? value.positions };
        return { ...next, decorations: next.suggestions.length ? ghostDecorations(tr.doc, next.positions, next) : DecorationSet.empty };
      },
    },
    props: {
      decorations: (state: EditorState) => suggestionLayerKey.getState(state)?.decorations,
    },
  });
}
