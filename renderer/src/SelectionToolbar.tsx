/// The small toolbar that appears by a text selection in a document: one chip per label (with
/// its key), a click tags the selection. It keeps the selection alive while clicked, leaves the
/// line above the selection readable and stays inside its pane (`selectionToolbarPlace.ts`).
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import type { Label } from '../../preload/api';
import { tagsRaw } from './rawSelection';
import { clearTextSelection, currentTextSelection, type OpenViews } from './openViews';
import { store } from './state/useWorkbench';
import { tagAllOrigin } from './tagAll/TagAllHost';
import { requestTagAll } from './tagAll/tagAllRequests';
import { lineAboveTop, placeToolbar, TOOLBAR_GAP, type ToolbarAnchor } from './selectionToolbarPlace';

/// Props of {@link SelectionToolbar}.
export interface SelectionToolbarProps {
  labels: readonly Label[];
  views: OpenViews;
}

interface Placement extends ToolbarAnchor {
  docId: string;
}

function placementFor(views: OpenViews): Placement | null {
  const selection = currentTextSelection(views);
  const rect = selection && views.get(selection.docId)?.selectionRect();
  if (!selection || !rect || (rect.width === 0 && rect.height === 0)) return null;
  const scroller = document.querySelector(`[data-testid="document-pane"][data-doc-id="${CSS.escape(selection.docId)}"] .pane-scroll`);
  const pane = (scroller ?? document.documentElement).getBoundingClientRect();
  const text = scroller?.querySelector('.document-text');
  const lineHeight = text ? parseFloat(getComputedStyle(text).lineHeight) || 27 : 27;
  const range = window.getSelection()?.rangeCount ? window.getSelection()!.getRangeAt(0) : null;
  return { docId: selection.docId, selection: rect, pane, lineHeight, lineAboveTop: range ? lineAboveTop(range, rect.top, lineHeight) : null };
}

/// The floating label chips (`data-testid="selection-toolbar"`), shown while text is selected.
export function SelectionToolbar({ labels, views }: SelectionToolbarProps) {
  const [placement, setPlacement] = useState<Placement | null>(null);
  const toolbar = useRef<HTMLDivElement>(null);
  // Placed once drawn, by its measured size (the chips wrap in a narrow pane).
  useLayoutEffect(() => {
    const element = toolbar.current;
    if (!placement || !element) return;
    const place = placeToolbar(placement, { width: element.offsetWidth, height: element.offsetHeight });
    element.style.top = `${place.top}px`;
    element.style.left = `${place.left}px`;
    element.style.visibility = '';
    element.classList.toggle('is-below', place.below);
  }, [placement]);

  useEffect(() => {
    let frame = 0;
    // Hidden while a button is held down: during a drag the toolbar would sit under the
    // pointer (by the end of the growing selection) and take the selection's end.
    let dragging = false;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setPlacement(dragging ? null : placementFor(views)));
    };
    const onDown = (event: PointerEvent) => {
      if (event.button !== 0 || (event.target instanceof Element && event.target.closest('[data-testid="selection-toolbar"]'))) return;
      dragging = true;
      update();
    };
    const onUp = () => {
      if (!dragging) return;
      dragging = false;
      update();
    };
    document.addEventListener('selectionchange', update);
    window.addEventListener('pointerdown', onDown, true);
    window.addEventListener('pointerup', onUp, true);
    window.addEventListener('pointercancel', onUp, true);
    window.addEventListener('scroll', update, true);
    window.addEventListener('resize', update);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', update);
      window.removeEventListener('pointerdown', onDown, true);
      window.removeEventListener('pointerup', onUp, true);
      window.removeEventListener('pointercancel', onUp, true);
      window.removeEventListener('scroll', update, true);
      window.removeEventListener('resize', update);
    };
  }, [views]);

  if (!placement || labels.length === 0) return null;

  function tag(label: Label, alt: boolean) {
    const selection = currentTextSelection(views);
    if (!selection) return;
    store.tag(selection.docId, label.id, selection.span.start, selection.span.end, tagsRaw(alt));
    clearTextSelection(views);
    setPlacement(null);
  }

  return (
    <div
      ref={toolbar}
      className="selection-toolbar"
      data-testid="selection-toolbar"
      role="toolbar"
      aria-label="Tag the selection"
      style={{ maxWidth: Math.max(placement.pane.right - placement.pane.left - 2 * TOOLBAR_GAP, 0), visibility: 'hidden' }}
      onMouseDown={(e) => e.preventDefault()}
    >
      {labels.map((label) => (
        <button
          key={label.id}
          type="button"
          className="tag-chip"
          data-testid="tag-chip"
          data-label={label.id}
          style={{ '--chip-color': label.color } as CSSProperties}
          title={label.key ? `Tag as ${label.name} (${label.key})` : `Tag as ${label.name}`}
          onClick={(e) => tag(label, e.altKey)}
        >
          <span className="tag-chip-swatch" aria-hidden="true" />
          {label.name}
          {label.key && <kbd>{label.key}</kbd>}
        </button>
      ))}
      <button
        type="button"
        className="tag-chip tag-all-chip"
        data-testid="tag-all-chip"
        title="Tag every occurrence of the selection, after a preview (t)"
        onClick={() => {
          const origin = tagAllOrigin(views);
          if (origin) requestTagAll(origin);
        }}
      >
        Tag all… <kbd>t</kbd>
      </button>
    </div>
  );
}
