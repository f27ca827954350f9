/// The TipTap extension that installs the highlight plugin (see `annotationHighlights.ts`) on a
/// document view, for the text the view shows.
import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { highlightsPlugin, type HighlightState } from './annotationHighlights';
import { TextPositions, type PositionMap } from './textPositions';

/// Options of {@link AnnotationHighlights}.
export interface AnnotationHighlightsOptions {
  /// The article text the document was built from.
  positions: PositionMap;
  /// The plugin's state when the editor is created (so the first paint has the highlights);
  /// empty when absent.
  initial?: (doc: ProseMirrorNode) => HighlightState;
}

/// Draws annotations as decorations; drive it with `highlightsKey` transaction meta.
export const AnnotationHighlights = Extension.create<AnnotationHighlightsOptions>({
  name: 'annotationHighlights',
  addOptions() {
    return { positions: new TextPositions(''), initial: undefined };
  },
  addProseMirrorPlugins() {
    return [highlightsPlugin(this.options.positions, this.options.initial)];
  },
});
