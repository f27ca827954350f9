/// The annotations of one document in reading order, filterable by label and by annotator.
/// A click selects an annotation and scrolls the text to it.
import type { CSSProperties } from 'react';
import type { Label } from '../../../preload/api';
import { notePlainText } from '../editor/noteJson';
import { oneLine, plural } from '../format';
import { speakerOf, type DocState } from '../state/documentState';
import { visibleAnnotations, type AnnotationFilter } from '../state/selectors';
import { store, useWorkbench } from '../state/useWorkbench';

/// Props of {@link AnnotationList}.
export interface AnnotationListProps {
  doc: DocState | undefined;
  labels: readonly Label[];
  filter: AnnotationFilter;
  /// Everyone who annotated the open documents (for the annotator filter).
  annotators: readonly string[];
  onFilterChange(filter: AnnotationFilter): void;
}

const chipStyle = (color: string) => ({ '--chip-color': color }) as CSSProperties;

/// The list (`data-testid="annotation-list"`) with its filters.
export function AnnotationList({ doc, labels, filter, annotators, onFilterChange }: AnnotationListProps) {
  const { selected } = useWorkbench();
  if (!doc) {
    return (
      <section className="annotation-list" data-testid="annotation-list">
        <p className="list-note">Open an article to see its annotations.</p>
      </section>
    );
  }
  const shown = visibleAnnotations(doc, filter);
  const docId = doc.document.id;
  const labelOf = (id: string) => labels.find((l) => l.id === id);
  const toggleLabel = (id: string) => {
    const next = new Set(filter.labels);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onFilterChange({ ...filter, labels: next });
  };

  return (
    <section className="annotation-list" data-testid="annotation-list" aria-label="Annotations of the document">
      <div className="list-head">
        <h2 className="section-heading">Annotations</h2>
        <span className="list-total" data-testid="annotation-count">
          {shown.length === doc.annotations.size ? plural(shown.length, 'span') : `${shown.length} of ${doc.annotations.size}`}
        </span>
      </div>
      <p className="list-doc" title={doc.document.title}>
        {doc.document.title}
      </p>
      <div className="list-filters">
        <div className="chip-row" role="group" aria-label="Show labels">
          {labels.map((l) => (
            <button
              key={l.id}
              type="button"
              className="filter-chip"
              data-testid="filter-label"
              data-label={l.id}
              aria-pressed={filter.labels.has(l.id)}
              style={chipStyle(l.color)}
              onClick={() => toggleLabel(l.id)}
            >
              {l.name}
            </button>
          ))}
        </div>
        <select
          className="select select-small"
          data-testid="filter-annotator"
          aria-label="Show annotator"
          value={filter.annotator}
          onChange={(e) => onFilterChange({ ...filter, annotator: e.target.value })}
        >
          <option value="">All annotators</option>
          {annotators.map((name) => (
            <option key={name} value={name}>
              {name === filter.me ? `${name} (you)` : name}
            </option>
          ))}
        </select>
      </div>
      {shown.length === 0 ? (
        <p className="list-note">{doc.annotations.size ? 'No annotation matches the filters.' : 'Nothing tagged yet. Select text and press a label key.'}</p>
      ) : (
        <ol className="list-items">
          {shown.map((a) => {
            const label = labelOf(a.label);
            const speakerId = speakerOf(doc, a.id);
            const speaker = speakerId ? doc.annotations.get(speakerId) : undefined;
            const isSelected = selected?.docId === docId && selected.id === a.id;
            return (
              <li key={a.id}>
                <button
                  type="button"
                  className={isSelected ? 'list-item is-selected' : 'list-item'}
                  data-testid="annotation-item"
                  data-annotation-id={a.id}
                  data-label={a.label}
                  aria-current={isSelected ? 'true' : undefined}
                  style={chipStyle(label?.color ?? '#777777')}
                  onClick={() => store.select({ docId, id: a.id }, true)}
                >
                  <span className="list-item-label">{label?.name ?? a.label}</span>
                  <span className="list-item-quote">{oneLine(a.quote, 140)}</span>
                  <span className="list-item-meta">
                    {speaker && <span>— {oneLine(speaker.quote, 30)}</span>}
                    {a.note && <span title={notePlainText(a.note)}>✎ note</span>}
                    {a.annotator !== filter.me && <span className="foreign-badge">{a.annotator}</span>}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
