/// The speaker of a quote: pick one of the document's actors from a list, or click "Pick in
/// text" and then the actor's highlight. Saved with `relations.set`.
import type { Annotation } from '../../../preload/api';
import { oneLine } from '../format';
import { inTextOrder, speakerOf, type DocState } from '../state/documentState';
import { store } from '../state/useWorkbench';

/// The label id of the annotations a quote can be linked to.
export const SPEAKER_LABEL = 'actor';
/// The label id of the annotations that can have a speaker.
export const QUOTE_LABEL = 'quote';

/// Props of {@link SpeakerField}.
export interface SpeakerFieldProps {
  doc: DocState;
  quote: Annotation;
  picking: boolean;
  onPickingChange(picking: boolean): void;
}

/// A select of the document's actors plus the pick-in-text toggle.
export function SpeakerField({ doc, quote, picking, onPickingChange }: SpeakerFieldProps) {
  const actors = inTextOrder(doc.annotations.values()).filter((a) => a.label === SPEAKER_LABEL);
  const speakerId = speakerOf(doc, quote.id);
  const speaker = speakerId ? doc.annotations.get(speakerId) : undefined;
  const repeated = (a: Annotation) => actors.filter((b) => b.quote === a.quote).length > 1;

  return (
    <div className="field">
      <label className="caption field-label" htmlFor="speaker-select">
        Speaker
      </label>
      <div className="speaker-row">
        <select
          id="speaker-select"
          className="select"
          data-testid="speaker-select"
          value={speakerId ?? ''}
          onChange={(e) => store.setLink(doc.document.id, 'speaker', quote.id, e.target.value || null)}
        >
          <option value="">{actors.length ? 'No speaker' : 'No actors tagged in this text'}</option>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {oneLine(a.quote, 48)}
              {repeated(a) ? ` (at ${a.start})` : ''}
            </option>
          ))}
        </select>
        <button
          type="button"
          className={picking ? 'button button-small is-active' : 'button button-small'}
          data-testid="pick-speaker"
          aria-pressed={picking}
          title="Then click the actor’s highlight in the text"
          onClick={() => onPickingChange(!picking)}
        >
          {picking ? 'Click an actor…' : 'Pick in text'}
        </button>
      </div>
      {speaker && (
        <p className="field-hint" data-testid="speaker-name">
          Said by <strong>{oneLine(speaker.quote, 60)}</strong>
        </p>
      )}
    </div>
  );
}
