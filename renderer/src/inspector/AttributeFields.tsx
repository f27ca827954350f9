/// The values of the attributes the annotation's label declares (DESIGN §10): a text box for a
/// text attribute (saved when it loses focus or on Enter), a select for a choice. Each change is
/// one undo step. A measure is completed from the measures in use, and a figure without one is
/// offered the measure its sentence suggests.
import { useEffect, useRef, useState, type Ref } from 'react';
import type { Annotation, Attribute, Label } from '../../../preload/api';
import { store } from '../state/useWorkbench';
import { MEASURES_DATALIST_ID, MeasureOptions, MeasureSuggestion } from './MeasureHelp';

/// The attribute that says what a figure counts (DESIGN §10).
const MEASURE = 'measure';

/// Props of {@link AttributeFields}.
export interface AttributeFieldsProps {
  annotation: Annotation;
  label: Label | undefined;
}

/// One field per declared attribute; nothing when the label declares none.
export function AttributeFields({ annotation, label }: AttributeFieldsProps) {
  const measureInput = useRef<HTMLInputElement>(null);
  const declared = label?.attributes ?? [];
  if (declared.length === 0) return null;
  // Only the value changed is sent: values of attributes the label no longer declares stay.
  const save = (attribute: Attribute, value: string) => {
    if ((annotation.attributes?.[attribute.id] ?? '') === value.trim()) return;
    store.change({ docId: annotation.docId, id: annotation.id }, { attributes: { [attribute.id]: value.trim() || null } });
  };
  return (
    <>
      {declared.map((attribute) => (
        <div className="field" key={attribute.id}>
          <label className="caption field-label" htmlFor={`attribute-${attribute.id}`}>
            {attribute.name}
          </label>
          {attribute.kind === 'choice' ? (
            <select
              id={`attribute-${attribute.id}`}
              className="select"
              data-testid="attribute-field"
              data-attribute={attribute.id}
              value={annotation.attributes?.[attribute.id] ?? ''}
              onChange={(e) => save(attribute, e.target.value)}
            >
              <option value="">—</option>
              {attribute.choices?.map((choice) => (
                <option key={choice} value={choice}>
                  {choice}
                </option>
              ))}
            </select>
          ) : attribute.id === MEASURE ? (
            <>
              <TextAttribute
                attribute={attribute}
                value={annotation.attributes?.[MEASURE] ?? ''}
                list={MEASURES_DATALIST_ID}
                inputRef={measureInput}
                onCommit={(value) => save(attribute, value)}
              />
              <MeasureOptions />
              {annotation.label === 'figure' && !annotation.attributes?.[MEASURE] && (
                <MeasureSuggestion
                  figure={annotation}
                  onUse={(measure) => {
                    save(attribute, measure);
                    // The button goes once the measure is saved: the analyst carries on in the field.
                    measureInput.current?.focus();
                  }}
                />
              )}
            </>
          ) : (
            <TextAttribute attribute={attribute} value={annotation.attributes?.[attribute.id] ?? ''} onCommit={(value) => save(attribute, value)} />
          )}
        </div>
      ))}
    </>
  );
}

interface TextAttributeProps {
  attribute: Attribute;
  value: string;
  /// The id of a `<datalist>` of completions.
  list?: string;
  inputRef?: Ref<HTMLInputElement>;
  onCommit(value: string): void;
}

/// A text box that keeps what is typed until it is committed (blur or Enter); Esc goes back.
function TextAttribute({ attribute, value, list, inputRef, onCommit }: TextAttributeProps) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <input
      ref={inputRef}
      id={`attribute-${attribute.id}`}
      className="text-input"
      data-testid="attribute-field"
      data-attribute={attribute.id}
      placeholder={attribute.id === MEASURE ? 'What is counted, e.g. civilians fled' : undefined}
      list={list}
      autoComplete={list ? 'off' : undefined}
      value={draft}
      maxLength={500}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => onCommit(draft)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          onCommit(draft);
        } else if (e.key === 'Escape') {
          e.stopPropagation();
          setDraft(value);
        }
      }}
    />
  );
}
