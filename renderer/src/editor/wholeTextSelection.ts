/// "Select all" in a document view (Ctrl/⌘+A): the article's whole text. A long document's
/// window holds only some of it, so this is not a browser selection: the view is drawn as
/// selected, copying puts the whole text on the clipboard, and a click, a new selection or
/// Escape ends it. Label keys leave it alone: a whole article is not a span to tag.
import { useEffect, useState } from 'react';

/// Whether the whole text of `text`'s view is selected, and a switch for it.
export function useWholeTextSelection(text: string): [selected: boolean, setSelected: (selected: boolean) => void] {
  const [selected, setSelected] = useState(false);
  useEffect(() => {
    if (!selected) return;
    // Before ProseMirror's own copy handler, which knows only the lines drawn.
    const onCopy = (event: ClipboardEvent) => {
      if (!event.clipboardData) return;
      event.clipboardData.setData('text/plain', text);
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    const end = () => setSelected(false);
    const onSelectionChange = () => {
      if (window.getSelection()?.isCollapsed === false) end();
    };
    document.addEventListener('copy', onCopy, true);
    window.addEventListener('pointerdown', end, true);
    document.addEventListener('selectionchange', onSelectionChange);
    return () => {
      document.removeEventListener('copy', onCopy, true);
      window.removeEventListener('pointerdown', end, true);
      document.removeEventListener('selectionchange', onSelectionChange);
    };
  }, [selected, text]);
  return [selected, setSelected];
}
