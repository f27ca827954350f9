/// "Select all" in a document view (Ctrl/⌘+A): the article's whole text. A long document's
/// window holds only some of it, so this is not a browser selection: the view is drawn as
/// selected and says so to assistive technology, a copy from its pane puts the whole text on the
/// clipboard, and a click in the text, a new selection, focus elsewhere or Escape ends it. Label
/// keys leave it alone: a whole article is not a span to tag.
import { useEffect, useRef, useState } from 'react';

/// Whether the whole text of `text`'s view is selected, and a switch for it. `area()` is the
/// element whose focus a copy must come from (the view's scroll area).
export function useWholeTextSelection(text: string, area: () => Element | null): [selected: boolean, setSelected: (selected: boolean) => void] {
  const [selected, setSelected] = useState(false);
  const latestArea = useRef(area);
  latestArea.current = area;
  useEffect(() => {
    if (!selected) return;
    const inArea = (node: unknown) => node instanceof Node && latestArea.current()?.contains(node) === true;
    // Before ProseMirror's own copy handler, which knows only the lines drawn.
    const onCopy = (event: ClipboardEvent) => {
      if (!event.clipboardData || !inArea(document.activeElement)) return;
      event.clipboardData.setData('text/plain', text);
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    const end = () => setSelected(false);
    // Not a right click, nor the scroll bar (a press on the scroll area itself).
    const onPointerDown = (event: PointerEvent) => {
      if (event.button === 0 && event.target !== latestArea.current()) end();
    };
    const onFocusIn = (event: FocusEvent) => {
      if (!inArea(event.target)) end();
    };
    const onSelectionChange = () => {
      if (window.getSelection()?.isCollapsed === false) end();
    };
    document.addEventListener('copy', onCopy, true);
    window.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('selectionchange', onSelectionChange);
    return () => {
      document.removeEventListener('copy', onCopy, true);
      window.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('selectionchange', onSelectionChange);
    };
  }, [selected, text]);
  return [selected, setSelected];
}
