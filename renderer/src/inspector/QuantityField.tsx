/// A figure's interval (DESIGN §10): what the app read from its text ("more than 730" is (730, ∞)),
/// shown in words and in interval notation, and a small form to correct it (an empty end is
/// open) or to read it from the text again. Each change is one undo step.
import { useState, type KeyboardEvent } from 'react';
import type { Annotation, Quantity } from '../../../preload/api';
import { store } from '../state/useWorkbench';
import { intervalText } from './intervalText';

const UNITS: { unit: Quantity['unit']; name: string }[] = [
  { unit: 'count', name: 'count' },
  { unit: 'percent', name: 'percent' },
  { unit: 'share', name: 'share of 1' },
];

/// Props of {@link QuantityField}.
export interface QuantityFieldProps {
  annotation: Annotation;
}

/// `data-testid="quantity-field"`; the interval `data-testid="quantity-interval"`.
export function QuantityField({ annotation }: QuantityFieldProps) {
  const [editing, setEditing] = useState(false);
  const ref = { docId: annotation.docId, id: annotation.id };
  const q = annotation.quantity;
  return (
    <div className="field" data-testid="quantity-field">
      <span className="caption field-label">Interval</span>
      {!editing && (
        <div className="speaker-row">
          <span className="quantity-interval" data-testid="quantity-interval" title={q?.qualifier ? `Read from “${q.qualifier}”` : undefined}>
            {q ? intervalText(q) : 'No number read in this text'}
          </span>
          <button type="button" className="button button-small" data-testid="quantity-edit" onClick={() => setEditing(true)}>
            {q ? 'Correct' : 'Give one'}
          </button>
        </div>
      )}
      {editing && (
        <QuantityForm
          quantity={q}
          onSave={(next) => {
            store.change(ref, { quantity: next });
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      )}
    </div>
  );
}

/// The correction form: ends (empty is open), whether each is included, an estimate, a unit.
function QuantityForm({ quantity, onSave, onCancel }: { quantity: Quantity | undefined; onSave(q: Quantity | null): void; onCancel(): void }) {
  const [low, setLow] = useState(quantity?.low?.toString() ?? '');
  const [high, setHigh] = useState(quantity?.high?.toString() ?? '');
  const [lowInclusive, setLowInclusive] = useState(quantity?.lowInclusive ?? true);
  const [highInclusive, setHighInclusive] = useState(quantity?.highInclusive ?? true);
  const [approximate, setApproximate] = useState(quantity?.approximate ?? false);
  const [unit, setUnit] = useState<Quantity['unit']>(quantity?.unit ?? 'count');
  const read = (text: string) => (text.trim() === '' ? null : Number(text.replace(/[,\s]/g, '')));
  const [l, h] = [read(low), read(high)];
  const problem =
    (l !== null && !Number.isFinite(l)) || (h !== null && !Number.isFinite(h))
      ? 'An end is a number, or empty for none.'
      : l === null && h === null
        ? 'Give at least one end.'
        : l !== null && h !== null && l > h
          ? 'The low end is above the high end.'
          : null;
  const save = () => {
    if (problem) return;
    onSave({ low: l, high: h, lowInclusive: l === null ? false : lowInclusive, highInclusive: h === null ? false : highInclusive, approximate, qualifier: quantity?.qualifier ?? null, unit });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      save();
    } else if (e.key === 'Escape') {
      e.stopPropagation();
      onCancel();
    }
  };
  return (
    <div className="quantity-form" onKeyDown={onKeyDown}>
      <div className="quantity-ends">
        <label>
          <span className="caption">Low</span>
          <input className="text-input" data-testid="quantity-low" inputMode="decimal" value={low} onChange={(e) => setLow(e.target.value)} placeholder="none" autoFocus />
        </label>
        <label>
          <span className="caption">High</span>
          <input className="text-input" data-testid="quantity-high" inputMode="decimal" value={high} onChange={(e) => setHigh(e.target.value)} placeholder="none" />
        </label>
      </div>
      <div className="quantity-flags">
        <label>
          <input type="checkbox" checked={lowInclusive} onChange={(e) => setLowInclusive(e.target.checked)} /> low included
        </label>
        <label>
          <input type="checkbox" checked={highInclusive} onChange={(e) => setHighInclusive(e.target.checked)} /> high included
        </label>
        <label>
          <input type="checkbox" data-testid="quantity-approximate" checked={approximate} onChange={(e) => setApproximate(e.target.checked)} /> estimate
        </label>
        <select className="select select-small" aria-label="Unit" value={unit} onChange={(e) => setUnit(e.target.value as Quantity['unit'])}>
          {UNITS.map((u) => (
            <option key={u.unit} value={u.unit}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      {problem && (
        <p className="field-hint is-error" role="alert">
          {problem}
        </p>
      )}
      <div className="speaker-row">
        <button type="button" className="button button-small button-primary" data-testid="quantity-save" disabled={problem !== null} onClick={save}>
          Save
        </button>
        <button type="button" className="button button-small" data-testid="quantity-reread" title="Read the interval from the figure's text again" onClick={() => onSave(null)}>
          Read from text
        </button>
        <button type="button" className="button button-small button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
