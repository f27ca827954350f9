/// The inspector of the selected annotation: its text, label (chips), entity, attribute values,
/// speaker (for quotes) or source (for figures), note, the spans it overlaps, who made it and
/// when, and Delete. Without a selection it shows the keyboard paths. A colleague's annotation is
/// shown with every control disabled and the reason above them: it is decided on in Review.
import type { CSSProperties } from 'react';
import type { Annotation, Label } from '../../../preload/api';
import { NoteEditor } from '../editor/lazyEditors';
import { formatDateTime, oneLine } from '../format';
import type { DocState } from '../state/documentState';
import { linkedFrom, overlapping } from '../state/selectors';
import { store, useWorkbench } from '../state/useWorkbench';
import { colleagueTagReason } from '../colleagueTags';
import { TagAllButton } from '../tagAll/TagAllButton';
import { AttributeFields } from './AttributeFields';
import { QuantityField } from './QuantityField';
import { EntityField } from './EntityField';
import { ACTOR_LABEL, LINK_OF_LABEL, LinkField } from './LinkField';

/// Props of {@link Inspector}.
export interface InspectorProps {
  labels: readonly Label[];
  me: string;
  /// Whether the selected quote or figure waits for its actor to be clicked in the text.
  picking: boolean;
  onPickingChange(picking: boolean): void;
  onError(title: string, text: string): void;
}

const chipStyle = (color: string) => ({ '--chip-color': color }) as CSSProperties;

/// The inspector card (`data-testid="inspector"`), or the shortcut help when nothing is selected.
export function Inspector({ labels, me, picking, onPickingChange, onError }: InspectorProps) {
  const { selected, docs } = useWorkbench();
  const load = selected ? docs.get(selected.docId) : undefined;
  const doc = load?.status === 'ready' ? load.doc : undefined;
  const annotation = selected && doc?.annotations.get(selected.id);
  if (!doc || !annotation) return <ShortcutHelp labels={labels} />;
  return <AnnotationDetails key={annotation.id} {...{ doc, annotation, labels, me, picking, onPickingChange, onError }} />;
}

interface DetailsProps extends InspectorProps {
  doc: DocState;
  annotation: Annotation;
}

/// What an actor is linked from, in the words of its list.
const LINKED_FROM = [
  { type: 'speaker', caption: 'Speaker of' },
  { type: 'source', caption: 'Source of' },
] as const;

function AnnotationDetails({ doc, annotation, labels, me, picking, onPickingChange, onError }: DetailsProps) {
  const ref = { docId: doc.document.id, id: annotation.id };
  const label = labels.find((l) => l.id === annotation.label);
  const around = overlapping(doc, annotation);
  const linkType = LINK_OF_LABEL[annotation.label];
  const select = (a: Annotation) => store.select({ docId: a.docId, id: a.id }, true);
  const readOnly = me !== '' && annotation.annotator !== me;
  const reason = readOnly ? colleagueTagReason(annotation.annotator) : undefined;

  return (
    <section className="inspector" data-testid="inspector" data-annotation-id={annotation.id} aria-label="Selected annotation">
      <div className="inspector-head">
        <span className="label-pill" data-testid="inspector-label-name" style={chipStyle(label?.color ?? '#777777')}>
          {label?.name ?? annotation.label}
        </span>
        {annotation.annotator !== me && <span className="foreign-badge">by {annotation.annotator}</span>}
        <button type="button" className="icon-button" aria-label="Close the inspector" title="Deselect (Esc)" onClick={() => store.select(null)}>
          ×
        </button>
      </div>
      <blockquote className="inspector-quote" data-testid="inspector-quote" style={chipStyle(label?.color ?? '#777777')}>
        {annotation.quote}
      </blockquote>
      {reason && (
        <p className="inspector-read-only" id="inspector-read-only" data-testid="inspector-read-only">
          {reason}
        </p>
      )}

      <fieldset className="inspector-fields" disabled={readOnly} data-testid="inspector-fields" aria-describedby={reason ? 'inspector-read-only' : undefined} title={reason}>
        <div className="field">
          <span className="caption field-label">Label</span>
          <div className="chip-row" role="radiogroup" aria-label="Label">
            {labels.map((l) => (
              <button
                key={l.id}
                type="button"
                role="radio"
                aria-checked={l.id === annotation.label}
                className="tag-chip"
                data-testid="inspector-label"
                data-label={l.id}
                style={chipStyle(l.color)}
                title={reason ?? (l.key ? `${l.name} (${l.key})` : l.name)}
                onClick={() => store.relabel(ref, l.id)}
              >
                <span className="tag-chip-swatch" aria-hidden="true" />
                {l.name}
                {l.key && <kbd>{l.key}</kbd>}
              </button>
            ))}
          </div>
        </div>

        {/* A quote or a figure names no entity of its own; one linked (by an import) can be seen and unlinked. */}
        {(!linkType || annotation.entityId) && <EntityField annotation={annotation} labels={labels} onError={onError} />}
        <AttributeFields annotation={annotation} label={label} />
        {annotation.label === 'figure' && <QuantityField annotation={annotation} />}
        {linkType && <LinkField doc={doc} from={annotation} type={linkType} picking={picking} onPickingChange={onPickingChange} />}
      </fieldset>
      {annotation.label === ACTOR_LABEL &&
        LINKED_FROM.map(({ type, caption }) => {
          const linked = linkedFrom(doc, type, annotation.id);
          return (
            linked.length > 0 && (
              <div className="field" key={type}>
                <span className="caption field-label">{caption}</span>
                <ul className="link-list">
                  {linked.map((q) => (
                    <li key={q.id}>
                      <button type="button" className="link-button" onClick={() => select(q)}>
                        “{oneLine(q.quote, 70)}”
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            )
          );
        })}

      <div className="field">
        <span className="caption field-label">Note</span>
        <NoteEditor value={annotation.note} onCommit={(note) => store.setNote(ref, note)} readOnly={readOnly} />
      </div>

      {around.length > 0 && (
        <div className="field">
          <span className="caption field-label">Overlaps</span>
          <div className="chip-row">
            {around.map((a) => {
              const l = labels.find((x) => x.id === a.label);
              return (
                <button key={a.id} type="button" className="overlap-chip" data-testid="overlap-chip" style={chipStyle(l?.color ?? '#777777')} onClick={() => select(a)}>
                  <span className="tag-chip-swatch" aria-hidden="true" />
                  {oneLine(a.quote, 28)}
                </button>
              );
            })}
          </div>
        </div>
      )}

      <dl className="inspector-meta">
        <dt>Annotator</dt>
        <dd data-testid="inspector-annotator">{annotation.annotator}</dd>
        <dt>Created</dt>
        <dd>{formatDateTime(annotation.createdAt)}</dd>
        <dt>Updated</dt>
        <dd>{formatDateTime(annotation.updatedAt)}</dd>
        <dt>Offsets</dt>
        <dd className="mono">
          {annotation.start}–{annotation.end}
        </dd>
      </dl>
      <div className="inspector-actions">
        <TagAllButton annotation={annotation} />
        <button
          type="button"
          className="button button-danger"
          data-testid="delete-annotation"
          disabled={readOnly}
          title={reason ?? 'Delete this annotation (Del)'}
          aria-describedby={reason ? 'inspector-read-only' : undefined}
          onClick={() => store.remove(ref)}
        >
          Delete <kbd>Del</kbd>
        </button>
      </div>
    </section>
  );
}

function ShortcutHelp({ labels }: { labels: readonly Label[] }) {
  const keys = labels.filter((l) => l.key).map((l) => l.key);
  return (
    <section className="inspector inspector-empty" data-testid="inspector-empty" aria-label="How to annotate">
      <p className="inspector-empty-title">No annotation selected</p>
      <ul className="shortcut-list">
        <li>
          Select text, then press <kbd>{keys.length ? `${keys[0]}–${keys[keys.length - 1]}` : '1'}</kbd> or click a label
        </li>
        <li>Click a highlight to inspect it; click again for a colleague’s tag on the same text, then the span around it</li>
        <li>With a span selected, a label key relabels it</li>
        <li>
          <kbd>t</kbd> tags every occurrence of the selected span or text, after a preview
        </li>
        <li>
          <kbd>j</kbd> <kbd>k</kbd> step through annotations · <kbd>Del</kbd> deletes
        </li>
        <li>
          <kbd>Ctrl</kbd>+<kbd>Z</kbd> undo · <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>Z</kbd> redo, in the focused article
        </li>
      </ul>
    </section>
  );
}
