/// The attributes one label declares (DESIGN §10), inside the label editor: each shown as a chip
/// that can be removed, and a small form that adds a text attribute or a choice attribute with
/// its choices. Values already given to annotations stay stored when an attribute is removed
/// (declaring it again shows them); ids are derived from names and never change.
import { useState, type KeyboardEvent } from 'react';
import type { Attribute } from '../../preload/api';
import { labelIdFor } from './labels';

/// Props of {@link LabelAttributesEditor}.
export interface LabelAttributesEditorProps {
  labelName: string;
  attributes: readonly Attribute[];
  onChange(attributes: Attribute[]): void;
}

/// `data-testid="label-attributes"`.
export function LabelAttributesEditor({ labelName, attributes, onChange }: LabelAttributesEditorProps) {
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Attribute['kind']>('text');
  const [choices, setChoices] = useState('');
  const choiceList = [...new Set(choices.split(',').map((c) => c.trim()).filter(Boolean))];
  const ready = name.trim() !== '' && (kind === 'text' || choiceList.length > 0);
  // Enter in a field of the form adds the attribute (the label editor's form would save instead).
  const onEnter = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    add();
  };
  const add = () => {
    if (!ready) return;
    const id = labelIdFor(name, attributes.map((a) => a.id));
    onChange([...attributes, { id, name: name.trim(), kind, ...(kind === 'choice' ? { choices: choiceList } : {}) }]);
    setAdding(false);
    setName('');
    setChoices('');
  };
  return (
    <div className="label-attributes" data-testid="label-attributes">
      <span className="caption">Attributes</span>
      {attributes.map((a) => (
        <span key={a.id} className="attribute-chip" data-testid="attribute-chip" data-attribute={a.id} title={a.kind === 'choice' ? `One of: ${a.choices?.join(', ')}` : 'Free text'}>
          {a.name}
          <span className="combo-detail">{a.kind === 'choice' ? ` (${a.choices?.length} choices)` : ' (text)'}</span>
          <button type="button" className="icon-button" aria-label={`Remove the attribute ${a.name} of ${labelName}`} onClick={() => onChange(attributes.filter((x) => x.id !== a.id))}>
            ×
          </button>
        </span>
      ))}
      {adding ? (
        <span className="attribute-form">
          <input className="text-input" data-testid="attribute-name" aria-label={`Name of a new attribute of ${labelName}`} placeholder="Name" maxLength={40} value={name} onChange={(e) => setName(e.target.value)} onKeyDown={onEnter} />
          <select className="select" data-testid="attribute-kind" aria-label="Kind" value={kind} onChange={(e) => setKind(e.target.value as Attribute['kind'])}>
            <option value="text">Text</option>
            <option value="choice">Choice</option>
          </select>
          {kind === 'choice' && (
            <input className="text-input" data-testid="attribute-choices" aria-label="Choices, comma-separated" placeholder="Choices, comma-separated" value={choices} onChange={(e) => setChoices(e.target.value)} onKeyDown={onEnter} />
          )}
          <button type="button" className="button button-small" data-testid="attribute-add-confirm" disabled={!ready} onClick={add}>
            Add
          </button>
        </span>
      ) : (
        <button type="button" className="button button-small button-quiet" data-testid="attribute-add" onClick={() => setAdding(true)}>
          + Attribute
        </button>
      )}
    </div>
  );
}
