/// The "Tag all occurrences" dialog (DESIGN §12): the label, where to look (this article, the open
/// articles, every article), whether case counts, and every whole-word occurrence in context with
/// a checkbox; occurrences already tagged with the label are shown, disabled and skipped.
/// Confirming tags the ticked ones (one undo step, recorded by the caller).
import { useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { Label, TagAllApplied, TagAllPreview, TagAllScope } from '../../../preload/api';
import { workbench } from '../api';
import { useDialogAction } from '../dialogs/useDialogAction';
import { errorMessage, formatInteger, plural } from '../format';
import { ModalDialog } from '../ModalDialog';
import { store } from '../state/useWorkbench';
import type { TagAllOrigin } from './tagAllRequests';

/// Where the dialog looks.
export type ScopeChoice = 'document' | 'open' | 'workspace';

/// Props of {@link TagAllDialog}.
export interface TagAllDialogProps {
  origin: TagAllOrigin;
  labels: readonly Label[];
  /// The documents open in panes ("the open articles").
  openDocIds: readonly string[];
  onClose(): void;
  /// The ticked occurrences were tagged.
  onApplied(applied: TagAllApplied, phrase: string, label: Label): void;
}

const keyOf = (docId: string, start: number) => `${docId}:${start}`;

function scopeFor(choice: ScopeChoice, origin: TagAllOrigin, openDocIds: readonly string[]): TagAllScope {
  if (choice === 'workspace') return { kind: 'workspace' };
  return { kind: 'documents', ids: choice === 'open' ? [...new Set([origin.docId, ...openDocIds])] : [origin.docId] };
}

/// The preview for the choices, read again whenever one changes (a late answer is dropped).
function usePreview(origin: TagAllOrigin, label: string, choice: ScopeChoice, caseSensitive: boolean, openDocIds: readonly string[]) {
  const [state, setState] = useState<{ preview: TagAllPreview | null; loading: boolean; problem: string | null }>({ preview: null, loading: true, problem: null });
  const asked = useRef(0);
  const scopeKey = JSON.stringify(scopeFor(choice, origin, openDocIds));
  useEffect(() => {
    const ask = ++asked.current;
    setState((s) => ({ ...s, loading: true, problem: null }));
    // Changes still on their way are saved first, so that what is already tagged is known.
    void store
      .whenAllSaved()
      .then(() => workbench.tagAll.preview({ phrase: origin.phrase, label, caseSensitive, scope: JSON.parse(scopeKey) as TagAllScope }))
      .then(
        (preview) => ask === asked.current && setState({ preview, loading: false, problem: null }),
        (error: unknown) => ask === asked.current && setState({ preview: null, loading: false, problem: errorMessage(error) }),
      );
  }, [origin.phrase, label, caseSensitive, scopeKey]);
  return state;
}

/// `data-testid="tag-all-dialog"`: each occurrence a `tag-all-occurrence` row with its checkbox,
/// confirmed with `tag-all-confirm` (or Enter).
export function TagAllDialog({ origin, labels, openDocIds, onClose, onApplied }: TagAllDialogProps) {
  const [label, setLabel] = useState(origin.label ?? labels[0]?.id ?? '');
  const [choice, setChoice] = useState<ScopeChoice>('document');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const { preview, loading, problem: previewProblem } = usePreview(origin, label, choice, caseSensitive, openDocIds);
  const { busy, problem, button: confirm, run } = useDialogAction();
  const labelOf = useMemo(() => new Map(labels.map((l) => [l.id, l])), [labels]);
  const chosen = labelOf.get(label);

  // A new preview starts with every occurrence ticked.
  useEffect(() => setUnticked(new Set()), [preview]);
  // The scope takes the focus first: arrows choose where to look, Tab goes on to the options
  // and the occurrences, and Enter (below) confirms from any of them.
  const scopeGroup = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    const frame = requestAnimationFrame(() => scopeGroup.current?.querySelector<HTMLInputElement>('input:checked')?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  const enterConfirms = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (e.key !== 'Enter' || !(target instanceof HTMLInputElement) || !['radio', 'checkbox'].includes(target.type)) return;
    e.preventDefault();
    if (!busy && !loading && ticked.length) void apply();
  };

  const offered = preview?.documents.flatMap((d) => d.occurrences.filter((o) => !o.alreadyTagged).map((o) => ({ docId: d.id, start: o.start, end: o.end }))) ?? [];
  const ticked = offered.filter((o) => !unticked.has(keyOf(o.docId, o.start)));
  const toggle = (key: string) =>
    setUnticked((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  const apply = () =>
    run(async () => {
      if (!preview || !chosen || !ticked.length) return;
      await store.whenAllSaved();
      const applied = await workbench.tagAll.apply({ phrase: preview.phrase, label, caseSensitive, occurrences: ticked });
      onApplied(applied, preview.phrase, chosen);
    });

  const scopes: { value: ScopeChoice; caption: string }[] = [
    { value: 'document', caption: 'This article' },
    { value: 'open', caption: `Open articles (${new Set([origin.docId, ...openDocIds]).size})` },
    { value: 'workspace', caption: 'Every article' },
  ];

  return (
    <ModalDialog title={`Tag all “${origin.phrase.replace(/\s+/g, ' ')}”`} className="tag-all-dialog" testId="tag-all-dialog" onClose={onClose} onSubmit={() => void apply()}>
      <div className="tag-all-body" onKeyDown={enterConfirms}>
        <div className="tag-all-options">
          <label className="tag-all-label">
            <span>Label</span>
            <select data-testid="tag-all-label" value={label} onChange={(e) => setLabel(e.target.value)} style={{ '--chip-color': chosen?.color ?? '#777777' } as CSSProperties}>
              {labels.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
          <fieldset ref={scopeGroup} className="tag-all-scope" data-testid="tag-all-scope">
            <legend className="visually-hidden">Where</legend>
            {scopes.map((s) => (
              <label key={s.value} className={choice === s.value ? 'tag-all-scope-choice is-chosen' : 'tag-all-scope-choice'}>
                <input type="radio" name="tag-all-scope" value={s.value} checked={choice === s.value} onChange={() => setChoice(s.value)} />
                {s.caption}
              </label>
            ))}
          </fieldset>
          <label className="tag-all-case">
            <input type="checkbox" data-testid="tag-all-case" checked={caseSensitive} onChange={(e) => setCaseSensitive(e.target.checked)} />
            Match case
          </label>
        </div>
        <p className="tag-all-summary" data-testid="tag-all-summary" aria-live="polite">
          {loading ? 'Finding occurrences…' : previewProblem ? '' : summaryOf(preview)}
        </p>
        {previewProblem && (
          <p className="dialog-problem" role="alert">
            {previewProblem}
          </p>
        )}
        {preview && preview.documents.length > 0 && (
          <div className={loading ? 'tag-all-list is-stale' : 'tag-all-list'} data-testid="tag-all-list">
            {preview.documents.map((d) => (
              <section key={d.id} className="tag-all-document" aria-label={d.title}>
                {(choice !== 'document' || preview.documents.length > 1) && (
                  <h3 className="tag-all-document-title">
                    {d.title.trim() || 'Untitled'} <span className="tag-all-document-count">{d.occurrences.length}</span>
                  </h3>
                )}
                {d.occurrences.map((o) => {
                  const key = keyOf(d.id, o.start);
                  const others = o.overlaps.map((id) => labelOf.get(id)?.name ?? id);
                  return (
                    <label key={key} className={o.alreadyTagged ? 'tag-all-occurrence is-tagged' : 'tag-all-occurrence'} data-testid="tag-all-occurrence" data-doc-id={d.id} data-start={o.start}>
                      <input type="checkbox" checked={!o.alreadyTagged && !unticked.has(key)} disabled={o.alreadyTagged} onChange={() => toggle(key)} />
                      <span className="tag-all-context">
                        {o.before}
                        <mark style={{ '--chip-color': chosen?.color ?? '#777777' } as CSSProperties}>{o.text}</mark>
                        {o.after}
                      </span>
                      {o.alreadyTagged && <span className="tag-all-badge">already tagged</span>}
                      {!o.alreadyTagged && others.length > 0 && <span className="tag-all-badge is-overlap">in a {others.join(', ').toLowerCase()}</span>}
                    </label>
                  );
                })}
              </section>
            ))}
          </div>
        )}
      </div>
      {problem && (
        <p className="dialog-problem" role="alert">
          Not tagged: {problem}
        </p>
      )}
      <div className="dialog-actions">
        <span className="dialog-status">
          {offered.length > 1 && (
            <button type="button" className="link-button" data-testid="tag-all-toggle-all" onClick={() => setUnticked(ticked.length ? new Set(offered.map((o) => keyOf(o.docId, o.start))) : new Set())}>
              {ticked.length ? 'Untick all' : 'Tick all'}
            </button>
          )}
        </span>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button ref={confirm} type="submit" className="button button-primary" data-testid="tag-all-confirm" disabled={busy || loading || !ticked.length} aria-busy={busy}>
          {busy ? 'Tagging…' : ticked.length ? `Tag ${plural(ticked.length, 'occurrence')}` : 'Tag'}
        </button>
      </div>
    </ModalDialog>
  );
}

/// "12 occurrences in 3 articles · 2 already tagged", and what is not listed.
function summaryOf(preview: TagAllPreview | null): string {
  if (!preview) return '';
  if (!preview.occurrences) return 'No occurrence as whole words.';
  const parts = [`${plural(preview.occurrences, 'occurrence')} in ${plural(preview.documentsFound, 'article')}`];
  if (preview.alreadyTagged) parts.push(`${formatInteger(preview.alreadyTagged)} already tagged`);
  const listed = preview.occurrences - preview.notListed;
  const rest = preview.notListed ? ` The first ${formatInteger(listed)} are listed: tag them, then Tag all again for the rest.` : '';
  return `${parts.join(' · ')}.${rest}`;
}
