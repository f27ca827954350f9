/// Help with a figure's measure (DESIGN §10): the measures already in use, offered as the Measure
/// field's completions, and, while the figure has none, the measure its sentence suggests with a
/// button to use it. The suggestion is never saved unless the analyst chooses it.
import { useEffect, useState } from 'react';
import type { Annotation } from '../../../preload/api';
import { workbench } from '../api';
import { store } from '../state/useWorkbench';
import { askMeasureSuggestion, MeasureList, useMeasureList } from './measureList';

/// The window's list of measures in use.
const measureList = new MeasureList(workbench, store);

/// The id of the `<datalist>` the Measure field names as its `list`.
export const MEASURES_DATALIST_ID = 'measures-in-use';

/// The measures in use as a `<datalist>` (`data-testid="measures-in-use"`).
export function MeasureOptions() {
  const measures = useMeasureList(measureList);
  return (
    <datalist id={MEASURES_DATALIST_ID} data-testid="measures-in-use">
      {measures.map((measure) => (
        <option key={measure} value={measure} />
      ))}
    </datalist>
  );
}

/// Props of {@link MeasureSuggestion}.
export interface MeasureSuggestionProps {
  /// The selected figure, which has no measure yet.
  figure: Annotation;
  /// Saves `measure` as the figure's, as a typed one is saved.
  onUse(measure: string): void;
}

/// "Suggested: civilians fled [Use]" (`data-testid="measure-suggestion"`), or nothing while the
/// suggestion is asked for and when the sentence names none.
export function MeasureSuggestion({ figure, onUse }: MeasureSuggestionProps) {
  const { docId, id, start, end } = figure;
  // The figure the answer is for: one asked for another (or another span) is not shown.
  const asked = `${docId} ${id} ${start} ${end}`;
  const [answer, setAnswer] = useState<{ for: string; measure: string | null } | null>(null);
  useEffect(() => askMeasureSuggestion(workbench, store, { docId, id }, (measure) => setAnswer({ for: asked, measure })), [asked, docId, id]);
  const measure = answer?.for === asked ? answer.measure : null;
  if (!measure) return null;
  return (
    <div className="measure-suggestion" data-testid="measure-suggestion">
      <span className="measure-suggestion-text">
        Suggested: <span className="measure-suggestion-value">{measure}</span>
      </span>
      <button type="button" className="button button-small" aria-label={`Use suggested measure ${measure}`} title="Save it as this figure's measure" onClick={() => onUse(measure)}>
        Use
      </button>
    </div>
  );
}
