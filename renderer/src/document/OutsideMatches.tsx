/// How many of the marked matches (the same entity, or the same text, as the selected annotation)
/// lie above and below what a pane shows, kept up to date as the pane scrolls; each count is a
/// button that brings the nearest such match into view.
import { useEffect, useState, type RefObject } from 'react';
import type { Annotation } from '../../../preload/api';
import type { DocumentViewHandle } from '../editor/DocumentView';

/// Props of {@link OutsideMatches}.
export interface OutsideMatchesProps {
  /// The marked annotations of this pane's document.
  matches: readonly Annotation[];
  view: RefObject<DocumentViewHandle | null>;
  scrollArea: RefObject<HTMLElement | null>;
}

interface Outside {
  above: Annotation[];
  below: Annotation[];
}

function outsideOf(matches: readonly Annotation[], view: DocumentViewHandle | null): Outside {
  const shown = view?.visibleSpan();
  if (!shown) return { above: [], below: [] };
  return {
    above: matches.filter((a) => a.end <= shown.start).sort((a, b) => b.start - a.start),
    below: matches.filter((a) => a.start >= shown.end).sort((a, b) => a.start - b.start),
  };
}

/// `data-testid="outside-matches"` with `data-above` and `data-below`; nothing when every match
/// is in view.
export function OutsideMatches({ matches, view, scrollArea }: OutsideMatchesProps) {
  const [outside, setOutside] = useState<Outside>({ above: [], below: [] });
  useEffect(() => {
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setOutside(outsideOf(matches, view.current)));
    };
    measure();
    const area = scrollArea.current;
    area?.addEventListener('scroll', measure, { passive: true });
    window.addEventListener('resize', measure);
    return () => {
      cancelAnimationFrame(frame);
      area?.removeEventListener('scroll', measure);
      window.removeEventListener('resize', measure);
    };
  }, [matches, view, scrollArea]);
  const { above, below } = outside;
  if (above.length + below.length === 0) return null;
  const reveal = (a: Annotation | undefined) => a && view.current?.reveal(a.id);
  return (
    // Not a live region: it changes with every scroll, which a screen reader would read out each time.
    <div className="outside-matches" data-testid="outside-matches" data-above={above.length} data-below={below.length}>
      <span className="outside-matches-caption">Outside the view:</span>
      {above.length > 0 && (
        <button type="button" className="button button-small button-quiet" title="Show the nearest one above" onClick={() => reveal(above[0])}>
          ↑ {above.length} above
        </button>
      )}
      {below.length > 0 && (
        <button type="button" className="button button-small button-quiet" title="Show the nearest one below" onClick={() => reveal(below[0])}>
          ↓ {below.length} below
        </button>
      )}
    </div>
  );
}
