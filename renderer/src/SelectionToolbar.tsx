/// The small toolbar that appears by a text selection in a document: one chip per label (with
/// its key), a click tags the selection. It keeps the selection alive while clicked.
import { useEffect, useState, type CSSProperties } from 'react';
import type { Label } from '../../preload/api';
import { tagsRaw } from './rawSelection';
import { clearTextSelection, currentTextSelection, type OpenViews } from './openViews';
import { store } from './state/useWorkbench';
import { tagAllOrigin } from './tagAll/TagAllHost';
import { requestTagAll } from './tagAll/tagAllRequests';

/// Props of {@link SelectionToolbar}.
export interface SelectionToolbarProps {
  labels: readonly Label[];
  views: OpenViews;
}

interface Placement {
  docId: string;
  top: number;
  left: number;
  below: boolean;
}

const TOOLBAR_HEIGHT = 38;

function placementFor(views: OpenViews): Placement | null {
  const selection = currentTextSelection(views);
  const rect = selection && views.get(selection.docId)?.selectionRect();
  if (!selection || !rect || (rect.width === 0 && rect.height === 0)) return null;
  const below = rect.top < TOOLBAR_HEIGHT + 64;
  const left = Math.min(Math.max(rect.left + rect.width / 2, 180), window.innerWidth - 180);
  // Under a selection that runs past the bottom of the window too, at the window's bottom.
  const top = below ? Math.min(rect.bottom + 8, window.innerHeight - TOOLBAR_HEIGHT - 8) : rect.top - 8;
  return { docId: selection.docId, top, left, below };
}

/// The floating label chips (`data-testid="selection-toolbar"`), shown while text is selected.
export function SelectionToolbar({ labels, views }: SelectionToolbarProps) {
  const [placement, setPlacement] = useState<Placement | null>(null);

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
      className={placement.below ? 'selection-toolbar is-below' : 'selection-toolbar'}
      data-testid="selection-toolbar"
      role="toolbar"
      aria-label="Tag the selection"
      style={{ top: placement.top, left: placement.left }}
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
