/// The TipTap extension that installs the highlight plugin (see `annotationHighlights.ts`) on a
/// document view, for the text the view shows.
import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { highlightsPlugin, type HighlightState } from './annotationHighlights';
import { boundaryHandlesPlugin, type MoveEnd } from './boundaryHandles';
import { suggestionLayerPlugin } from './suggestionLayer';
import { TextPositions, type PositionMap } from './textPositions';

/// Options of {@link AnnotationHighlights}.
export interface AnnotationHighlightsOptions {
  /// The article text the document was built from.
  positions: PositionMap;
  /// The plugin's state when the editor is created (so the first paint has the highlights);
  /// empty when absent.
  initial?: (doc: ProseMirrorNode) => HighlightState;
  /// Drag handles on the ends of the selected annotation of the current annotator (see
  /// `boundaryHandles.ts`): the whole article text and what to do when one is let go. None when absent.
  handles?: BoundaryHandles;
}

/// What a view with drag handles needs.
export interface BoundaryHandles {
  text: string;
  onMoveEnd: MoveEnd;
}

/// Draws annotations as decorations, and suggestions as ghosts (see `suggestionLayer.ts`); drive
/// them with `highlightsKey` and `suggestionLayerKey` transaction meta.
export const AnnotationHighlights = Extension.create<AnnotationHighlightsOptions>({
  name: 'annotationHighlights',
  addOptions() {
    return { positions: new TextPositions(''), initial: undefined, handles: undefined };
  },
  addProseMirrorPlugins() {
    const { positions, initial, handles } = this.options;
    const highlights = highlightsPlugin(positions, initial);
    const ghosts = suggestionLayerPlugin(positions);
    return handles ? [highlights, ghosts, boundaryHandlesPlugin(positions, handles.text, handles.onMoveEnd)] : [highlights, ghosts];
  },
});
