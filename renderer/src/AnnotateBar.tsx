/// The bar above the panes: the label legend with keys (a chip tags the selected text), the
/// label editor, the "others' tags" and "label letters" toggles, undo and redo, and the save
/// indicator; a region landmark of its own ("Tagging"), so that screen readers list it.
import { useLayoutEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import type { Label } from '../../preload/api';
import { tagsRaw } from './rawSelection';
import { clearTextSelection, currentTextSelection, type OpenViews } from './openViews';
import { SaveStatus } from './SaveStatus';
import { store } from './state/useWorkbench';
import { UndoButtons } from './UndoControls';
import { useLabelLetters } from './useLabelLetters';

/// Props of {@link AnnotateBar}.
export interface AnnotateBarProps {
  labels: readonly Label[];
  views: OpenViews;
  showOthers: boolean;
  /// Annotations by other annotators in the open documents.
  othersCount: number;
  onShowOthersChange(show: boolean): void;
  onEditLabels(): void;
  /// The suggestions control, shown before the others' tags toggle.
  suggestions?: ReactNode;
  /// The focused pane's article, which undo and redo act on.
  focusedDocId: string | null;
  /// First in the bar, by the library: its show/hide button.
  start?: ReactNode;
  /// Last in the bar, by the inspector: its show/hide button.
  end?: ReactNode;
}


/// The bar, `data-testid="annotate-bar"`.
export function AnnotateBar({ labels, views, showOthers, othersCount, onShowOthersChange, onEditLabels, suggestions, focusedDocId, start, end }: AnnotateBarProps) {
  function tagSelection(label: Label, alt: boolean) {
    const selection = currentTextSelection(views);
    if (!selection) return;
    store.tag(selection.docId, label.id, selection.span.start, selection.span.end, tagsRaw(alt));
    clearTextSelection(views);
  }
  const [labelLetters, setLabelLetters] = useLabelLetters();
  const bar = useRef<HTMLElement>(null);
  // The drawers open below this bar (layout.css reads its height), so that its buttons, the
  // panels' show/hide buttons among them, stay in reach however many rows it wraps to.
  useLayoutEffect(() => {
    const element = bar.current;
    const body = element?.closest<HTMLElement>('.app-body');
    if (!element || !body) return;
    const observer = new ResizeObserver(() => body.style.setProperty('--annotate-bar-height', `${element.offsetHeight}px`));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return (
    <section className="annotate-bar" data-testid="annotate-bar" aria-label="Tagging" ref={bar}>
      {start}
      <div className="legend" data-testid="label-legend" role="group" aria-label="Labels and their keys">
        {labels.map((l) => (
          <button
            key={l.id}
            type="button"
            className="legend-chip"
            data-testid="legend-chip"
            data-label={l.id}
            style={{ '--chip-color': l.color } as CSSProperties}
            title={`Select text, then press ${l.key || 'this chip'} to tag it as ${l.name}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={(e) => tagSelection(l, e.altKey)}
          >
            {l.key && <kbd>{l.key}</kbd>}
            <span className="legend-swatch" aria-hidden="true" />
            {l.name}
          </button>
        ))}
        <button type="button" className="bar-button" data-testid="edit-labels" onClick={onEditLabels} title="Add, rename, recolour or re-key labels">
          Edit labels
        </button>
      </div>
      <div className="bar-actions">
        {suggestions}
        <label className="toggle" title="Show or hide annotations made by other annotators (drawn dashed)">
          <input type="checkbox" data-testid="toggle-others" checked={showOthers} onChange={(e) => onShowOthersChange(e.target.checked)} />
          <span>Others’ tags{othersCount ? ` (${othersCount})` : ''}</span>
        </label>
        <label className="toggle" title="Start each tag with its label’s letter, so that labels differ by more than colour">
          <input type="checkbox" data-testid="toggle-label-letters" checked={labelLetters} onChange={(e) => setLabelLetters(e.target.checked)} />
          <span>Label letters</span>
        </label>
        <span className="bar-separator" aria-hidden="true" />
        <UndoButtons labels={labels} focusedDocId={focusedDocId} />
        <span className="bar-separator" aria-hidden="true" />
        <SaveStatus />
      </div>
      {end}
    </section>
  );
}
