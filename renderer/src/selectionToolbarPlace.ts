/// Where the selection toolbar goes: above the line above the selection, so that line stays
/// readable; below the selection when there is no room above; always inside its pane's box.

/// The gap kept between the toolbar and the text or the pane's edges.
export const TOOLBAR_GAP = 4;

/// A box on screen (the parts of a DOMRect used here).
export interface Box {
  top: number;
  left: number;
  right: number;
  bottom: number;
}

/// What the toolbar is placed by.
export interface ToolbarAnchor {
  /// The selection's bounding box.
  selection: Box;
  /// The top of the line of text above the selection's first line (null: none known; one line
  /// height above the selection is assumed).
  lineAboveTop: number | null;
  /// The height of one line of the text.
  lineHeight: number;
  /// The pane's visible text area: the toolbar stays inside it.
  pane: Box;
}

/// The toolbar's top-left corner, and whether it went below the selection.
export interface ToolbarPlace {
  top: number;
  left: number;
  below: boolean;
}

/// Places a toolbar of `size` by `anchor`.
export function placeToolbar(anchor: ToolbarAnchor, size: { width: number; height: number }): ToolbarPlace {
  const { selection, pane } = anchor;
  const lineAboveTop = anchor.lineAboveTop ?? selection.top - anchor.lineHeight;
  const aboveTop = lineAboveTop - TOOLBAR_GAP - size.height;
  const below = aboveTop < pane.top + TOOLBAR_GAP;
  let top = below ? selection.bottom + TOOLBAR_GAP : aboveTop;
  // A selection running past the pane's bottom: the toolbar at the bottom of the pane.
  top = Math.max(pane.top + TOOLBAR_GAP, Math.min(top, pane.bottom - TOOLBAR_GAP - size.height));
  const centre = (selection.left + selection.right) / 2;
  const left = Math.max(pane.left + TOOLBAR_GAP, Math.min(centre - size.width / 2, pane.right - TOOLBAR_GAP - size.width));
  return { top, left, below };
}

/// The top of the line of text above a selection's first line (`firstTop`), read from the
/// layout of the text before it (from the paragraph before the selection's own); null at the
/// top of the text.
export function lineAboveTop(range: Range, firstTop: number, lineHeight: number): number | null {
  const start = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const paragraph = start?.closest('p');
  if (!paragraph) return null;
  // The paragraph before (skipping a few empty lines), so a selection on a paragraph's first
  // line finds the previous paragraph's last line.
  let from: Element = paragraph;
  for (let i = 0; i < 4 && from.previousElementSibling; i++) {
    from = from.previousElementSibling;
    if (from.textContent) break;
  }
  const before = document.createRange();
  before.setStart(from, 0);
  before.setEnd(range.startContainer, range.startOffset);
  let line: { top: number; bottom: number } | null = null;
  for (const rect of before.getClientRects()) {
    // Lines only (a whole paragraph's box is taller), and only those above the selection's.
    if (rect.height === 0 || rect.height > lineHeight * 1.5 || rect.bottom > firstTop + 1) continue;
    if (!line || rect.bottom > line.bottom + 1) line = { top: rect.top, bottom: rect.bottom };
    else if (rect.bottom >= line.bottom - 1) line.top = Math.min(line.top, rect.top);
  }
  return line?.top ?? null;
}
