/// The suggestions control of the annotate bar (DESIGN §12): how many suggestions the focused
/// document shows; opened, a switch per kind (figures, quotes, entity mentions, names; remembered
/// in this browser), "Accept all" per label for the focused document (one undo step each), and
/// the keys.
import { useEffect, useRef, type CSSProperties } from 'react';
import type { Label } from '../../../preload/api';
import { useWorkbench } from '../state/useWorkbench';
import { SUGGESTION_KIND_NAMES } from './suggestionsStore';
import { suggestions, useSuggestions } from './useSuggestions';
import { suggestionAnnouncement } from './suggestionWords';

/// Props of {@link SuggestionsControl}.
export interface SuggestionsControlProps {
  labels: readonly Label[];
  /// The document of the focused pane.
  focusedDocId: string | null;
}

/// The control, `data-testid="suggestions-control"`.
export function SuggestionsControl({ labels, focusedDocId }: SuggestionsControlProps) {
  const { docs } = useWorkbench();
  const snapshot = useSuggestions();
  const load = focusedDocId ? docs.get(focusedDocId) : undefined;
  const doc = load?.status === 'ready' ? load.doc : undefined;
  const shown = focusedDocId ? suggestions.shown(focusedDocId, doc) : [];
  const loaded = focusedDocId ? snapshot.docs.get(focusedDocId) : undefined;
  const byLabel = labels.map((l) => ({ label: l, count: shown.filter((s) => s.label === l.id).length })).filter((x) => x.count > 0);
  useEffect(() => suggestions.setLabels(labels.map((l) => l.id)), [labels]);
  // Said when a suggestion becomes current (a step onto the same one says it again), not each
  // time the count of those shown changes.
  const current = focusedDocId ? suggestions.currentIn(focusedDocId, doc) : null;
  const announced = useRef<{ key: string; step: number; text: string } | null>(null);
  if (!current) announced.current = null;
  else if (announced.current?.key !== current.key || announced.current.step !== snapshot.revealCount) {
    const text = suggestionAnnouncement(current, shown.indexOf(current), shown.length, (id) => labels.find((l) => l.id === id)?.name ?? id);
    announced.current = { key: current.key, step: snapshot.revealCount, text };
  }
  const panel = useRef<HTMLDetailsElement>(null);
  // Closes when a click lands outside it.
  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      if (panel.current?.open && e.target instanceof Node && !panel.current.contains(e.target)) panel.current.open = false;
    };
    window.addEventListener('pointerdown', onDown);
    return () => window.removeEventListener('pointerdown', onDown);
  }, []);

  return (
    <>
      <details className="suggestions-control" data-testid="suggestions-control" ref={panel}>
        <summary className="bar-button" title="Suggested tags, drawn as dashed frames: Tab steps through them, Enter accepts, x dismisses">
          Suggestions
          <span className="suggestions-count" data-testid="suggestions-count">
            {loaded?.status === 'loading' && shown.length === 0 ? '…' : shown.length}
          </span>
        </summary>
        <div className="suggestions-panel" role="group" aria-label="Suggestions">
          <p className="suggestions-hint">
            <kbd>Tab</kbd> / <kbd>Shift+Tab</kbd> step · <kbd>Enter</kbd> accepts · <kbd>x</kbd> dismisses
          </p>
          <fieldset className="suggestions-kinds">
            <legend>Suggest</legend>
            {SUGGESTION_KIND_NAMES.map(({ kind, name }) => (
              <label key={kind} className="toggle">
                <input type="checkbox" data-testid={`suggestion-kind-${kind}`} checked={snapshot.kinds.has(kind)} onChange={(e) => suggestions.setKind(kind, e.target.checked)} />
                <span>
                  {name}
                  {kind === 'name' && loaded?.status === 'loading' && snapshot.kinds.has('name') ? ' (looking for them…)' : ''}
                </span>
              </label>
            ))}
          </fieldset>
          <div className="suggestions-accept" role="group" aria-label="Accept all in this document">
            {byLabel.length === 0 && <p className="suggestions-none">{focusedDocId ? 'No suggestions shown in this document.' : 'Open a document to see suggestions.'}</p>}
            {byLabel.map(({ label, count }) => (
              <button
                key={label.id}
                type="button"
                className="bar-button suggestions-accept-all"
                data-testid={`accept-all-${label.id}`}
                style={{ '--chip-color': label.color } as CSSProperties}
                title={`Accept the ${count} ${label.name} suggestion${count === 1 ? '' : 's'} of this document (one undo step)`}
                onClick={() => focusedDocId && suggestions.acceptAll(focusedDocId, doc, label.id)}
              >
                <span className="legend-swatch" aria-hidden="true" />
                Accept all: {label.name} ({count})
              </button>
            ))}
          </div>
        </div>
      </details>
      {/* Outside the panel, which is closed while one steps through the ghosts. */}
      <span className="visually-hidden" role="status" data-testid="suggestion-announcement">
        {announced.current && <span key={announced.current.step}>{announced.current.text}</span>}
      </span>
    </>
  );
}
