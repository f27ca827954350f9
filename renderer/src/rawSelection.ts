/// Whether the text selection should be tagged raw, not snapped to whole words (DESIGN §12):
/// when Alt was held while it was made with the mouse.
///
/// The selection itself does not say how it was made, so the Alt key is read from the pointer
/// events in a document pane: held at the press or at the release of the drag. Those events
/// carry `altKey` reliably in Chromium whatever element has the focus, unlike a tracked
/// keydown/keyup pair (a release outside the window is never seen). Some window managers take
/// Alt+drag for moving the window and the drag never reaches the page, so the callers also
/// count Alt held when the label key is pressed or the label chip clicked. A selection made or
/// extended from the keyboard afterwards (Shift+arrows, Ctrl+A, a match of Ctrl+F) is snapped
/// again, and so is the next one once this one is tagged.
let altDrag = false;

function inDocument(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[data-testid="document-pane"]') !== null;
}

if (typeof window !== 'undefined') {
  window.addEventListener(
    'pointerdown',
    (e) => {
      if (e.button === 0 && inDocument(e.target)) altDrag = e.altKey;
    },
    true,
  );
  window.addEventListener(
    'pointerup',
    (e) => {
      if (e.button === 0 && e.altKey && inDocument(e.target)) altDrag = true;
    },
    true,
  );
  window.addEventListener(
    'keydown',
    (e) => {
      if ((e.shiftKey || e.ctrlKey || e.metaKey) && !e.altKey) altDrag = false;
    },
    true,
  );
}

/// True when the current selection is to be tagged raw: made with Alt held, or `altNow` (Alt
/// held at the key press or click that tags it). Called when it is tagged, which ends it.
export function tagsRaw(altNow: boolean): boolean {
  const raw = altNow || altDrag;
  altDrag = false;
  return raw;
}
