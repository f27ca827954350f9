/// The question asked when a new tag strictly contains or extends one of the annotator's own
/// tags of that label (DESIGN §12): extend that tag (Enter), or keep both (Esc).
import { store, useWorkbench } from './state/useWorkbench';

function short(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 60 ? `${oneLine.slice(0, 59)}…` : oneLine;
}

/// `data-testid="extend-offer"`, shown while an offer waits.
export function ExtendOffer() {
  const { extendOffer } = useWorkbench();
  if (!extendOffer) return null;
  return (
    <div className="extend-offer" data-testid="extend-offer" role="alertdialog" aria-label="Extend the tag?" onMouseDown={(e) => e.preventDefault()}>
      <span>
        Extend “{short(extendOffer.from)}” to “{short(extendOffer.to)}”?
      </span>
      <button type="button" className="bar-button" data-testid="extend-offer-extend" onClick={() => store.answerExtendOffer(true)} title="Enter">
        Extend (Enter)
      </button>
      <button type="button" className="bar-button" data-testid="extend-offer-keep" onClick={() => store.answerExtendOffer(false)} title="Esc">
        Keep both (Esc)
      </button>
    </div>
  );
}
