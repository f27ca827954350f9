/// The TipTap extension that installs the highlight plugin (see `annotationHighlights.ts`) on a
/// document view, for the text the view shows.
import { Extension } from '@tiptap/core';
import { highlightsPlugin } from './annotationHighlights';
import { TextPositions } from './textPositions';

/// Options of {@link AnnotationHighlights}.
export interface AnnotationHighlightsOptions {
  /// The article text the document was built from.
  positions: TextPositions;
}

/// Draws annotations as decorations; drive it with `highlightsKey` transaction meta.
export const AnnotationHighlights = Extension.create<AnnotationHighlightsOptions>({
  name: 'annotationHighlights',
  addOptions() {
    return { positions: new TextPositions('') };
  },
  addProseMirrorPlugins() {
    return [highlightsPlugin(this.options.positions)];
  },
});
