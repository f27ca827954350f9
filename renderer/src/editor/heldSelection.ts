/// A span the app selected for the reader (a find match, a search result, a Compare row) stays
/// selected in the browser until the reader does something else. The view is read-only, so
/// ProseMirror does not put the browser selection back when a redraw replaces the text nodes it
/// lies in (suggestions or highlights arriving after the match was selected, the window of a long
/// document moving): this does, right after the redraw's transaction, until a pointer press
/// anywhere, any other selection (made by the keyboard, in another pane or in a field: seen as a
/// `selectionchange` that is not the held span, or as a selection transaction of the view), or
/// {@link HeldSelection.release}.
import type { TextSpan } from './textPositions';

/// Puts the browser selection on `span`, or returns false when the span is not drawn.
export type SelectInBrowser = (span: TextSpan) => boolean;

/// The span held selected in one view.
export class HeldSelection {
  private span: TextSpan | null = null;
  private readonly release_ = () => this.release();
  // A redraw's loss is put back within its own transaction, before this event: any other
  // selection seen here was made by the reader (a caret in the find field included).
  private readonly onSelectionChange = () => {
    if (this.span && !this.holds(this.selectedSpan())) this.release();
  };

  constructor(
    private readonly select: SelectInBrowser,
    private readonly selectedSpan: () => TextSpan | null,
  ) {
    window.addEventListener('pointerdown', this.release_, true);
    document.addEventListener('selectionchange', this.onSelectionChange);
  }

  /// Selects `span` in the browser and keeps it selected.
  hold(span: TextSpan): void {
    this.span = this.select(span) ? span : null;
  }

  /// Stops keeping a span selected.
  release(): void {
    this.span = null;
  }

  /// To be called after each transaction that changes no selection (a redraw): puts the held
  /// span back if the redraw took it away.
  restore(): void {
    const span = this.span;
    if (!span) return;
    if (!this.holds(this.selectedSpan())) this.select(span);
  }

  private holds(selected: TextSpan | null): boolean {
    return selected !== null && this.span !== null && selected.start === this.span.start && selected.end === this.span.end;
  }

  destroy(): void {
    this.release();
    window.removeEventListener('pointerdown', this.release_, true);
    document.removeEventListener('selectionchange', this.onSelectionChange);
  }
}
