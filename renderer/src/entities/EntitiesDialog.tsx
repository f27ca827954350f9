/// The Entities panel: every entity of the workspace with its mentions, and for the one chosen
/// its name, aliases and Wikidata id (saved together), a merge into another entity (its links,
/// name and aliases follow), delete (links go, spans stay) and the documents that mention it,
/// each opening at a click. Every change is one step of the session's undo (the Undo button
/// here, or Ctrl+Z in the text).
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { EntityUsage, Label } from '../../../preload/api';
import { errorMessage } from '../format';
import { ModalDialog } from '../ModalDialog';
import { entityList, store, useWorkbench } from '../state/useWorkbench';
import { EntityDocuments } from './EntityDocuments';
import { useEntityList } from './entityList';
import { entityMatches } from './entityNames';

/// Props of {@link EntitiesDialog}.
export interface EntitiesDialogProps {
  labels: readonly Label[];
  /// Opens a document in the focused pane.
  onOpen(docId: string): void;
  onClose(): void;
}

/// `data-testid="entities-dialog"`.
export function EntitiesDialog({ labels, onOpen, onClose }: EntitiesDialogProps) {
  const entities = useEntityList(entityList);
  useWorkbench(); // the Undo button follows every change
  // Entity changes belong to the workspace, not to one article: only those are undone here.
  const canUndo = store.nextUndo(null) !== null;
  const [filter, setFilter] = useState('');
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => void entityList.refresh(), []);
  const shown = useMemo(() => (filter.trim() ? entityMatches(entities, filter, '') : [...entities]), [entities, filter]);
  const chosen = entities.find((e) => e.id === chosenId) ?? null;
  const typeName = (type: string) => labels.find((l) => l.id === type)?.name ?? type;
  // One change at a time: the buttons wait while one is on its way.
  const attempt = async (action: () => Promise<unknown>) => {
    if (busy) return;
    setProblem(null);
    setBusy(true);
    try {
      await action();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalDialog title="Entities" className="entities-dialog" testId="entities-dialog" onClose={onClose} onSubmit={() => undefined}>
      <div className="entities-body">
        <div className="entities-list-column">
          <input
            className="search-input"
            data-testid="entity-filter"
            aria-label="Find an entity by name or alias"
            placeholder={`Find among ${entities.length} ${entities.length === 1 ? 'entity' : 'entities'}`}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
          {/* A listbox must hold options: with none, the note stands in its place. */}
          {shown.length === 0 && <p className="pane-note">{entities.length ? 'No entity matches.' : 'No entities yet: link a span to one from the inspector.'}</p>}
          <ul className="entities-list" role="listbox" aria-label="Entities" hidden={shown.length === 0}>
            {shown.map((entity, index) => (
              <li
                key={entity.id}
                role="option"
                // One tab stop for the list (the chosen row, else the first); arrows move within.
                tabIndex={entity.id === chosenId || (index === 0 && !shown.some((e) => e.id === chosenId)) ? 0 : -1}
                aria-selected={entity.id === chosenId}
                className={entity.id === chosenId ? 'entity-row is-chosen' : 'entity-row'}
                data-testid="entity-row"
                data-entity-id={entity.id}
                onClick={() => setChosenId(entity.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    setChosenId(entity.id);
                  } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                    e.preventDefault();
                    const next = e.currentTarget[e.key === 'ArrowDown' ? 'nextElementSibling' : 'previousElementSibling'] as HTMLElement | null;
                    next?.focus();
                  }
                }}
              >
                <span className="entity-row-name">{entity.name}</span>
                <span className="combo-detail">
                  {typeName(entity.type)} · {entity.mentions} in {entity.documents} {entity.documents === 1 ? 'doc' : 'docs'}
                </span>
              </li>
            ))}
          </ul>
        </div>
        {chosen ? (
          <EntityEditor key={chosen.id} entity={chosen} others={entities.filter((e) => e.id !== chosen.id)} typeName={typeName} busy={busy} attempt={attempt} onOpen={onOpen} />
        ) : (
          <p className="entities-hint">Choose an entity to rename it, edit its aliases and Wikidata id, merge it into another, delete it, or see where it is mentioned.</p>
        )}
      </div>
      {problem && (
        <p className="dialog-problem" role="alert" data-testid="entities-problem">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" data-testid="entities-undo" disabled={!canUndo || busy} onClick={() => store.undo(null)}>
          Undo
        </button>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}

interface EditorProps {
  entity: EntityUsage;
  others: EntityUsage[];
  typeName(type: string): string;
  /// A change is on its way.
  busy: boolean;
  attempt(action: () => Promise<unknown>): Promise<void>;
  onOpen(docId: string): void;
}

/// The chosen entity's form.
function EntityEditor({ entity, others, typeName, busy, attempt, onOpen }: EditorProps) {
  const [name, setName] = useState(entity.name);
  // One alias per line: an alias may hold a comma ("Washington, D.C.").
  const [aliases, setAliases] = useState(entity.aliases.join('\n'));
  const [wikidata, setWikidata] = useState(entity.wikidata ?? '');
  const [target, setTarget] = useState('');
  useEffect(() => {
    setName(entity.name);
    setAliases(entity.aliases.join('\n'));
    setWikidata(entity.wikidata ?? '');
  }, [entity]);
  const aliasList = aliases.split('\n').map((a) => a.trim()).filter(Boolean);
  const aliasesChanged = aliasList.join('\n') !== entity.aliases.join('\n');
  const changed = name.trim() !== entity.name || aliasesChanged || wikidata.trim() !== (entity.wikidata ?? '');
  const onEnter = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    if (changed && name.trim()) void save();
  };
  const save = () =>
    attempt(() =>
      entityList.update(
        entity.id,
        // Aliases only when edited: the rename keeps the old name as one.
        { name: name.trim(), ...(aliasesChanged ? { aliases: aliasList } : {}), wikidata: wikidata.trim() || null },
        name.trim() !== entity.name ? `rename “${entity.name}” to “${name.trim()}”` : `edit entity “${entity.name}”`,
      ),
    );
  const into = others.find((e) => e.id === target);

  return (
    <div className="entity-editor" data-testid="entity-editor">
      <label className="details-field">
        <span className="caption">Name</span>
        <input className="text-input" data-testid="entity-edit-name" value={name} onChange={(e) => setName(e.target.value)} onKeyDown={onEnter} />
      </label>
      <label className="details-field">
        <span className="caption">Aliases, one per line (a rename keeps the old name as one)</span>
        <textarea className="text-input entity-aliases-input" data-testid="entity-edit-aliases" rows={3} value={aliases} onChange={(e) => setAliases(e.target.value)} />
      </label>
      <label className="details-field">
        <span className="caption">Wikidata id</span>
        <input className="text-input" data-testid="entity-edit-wikidata" placeholder="e.g. Q159" value={wikidata} onChange={(e) => setWikidata(e.target.value)} onKeyDown={onEnter} />
      </label>
      <div className="entity-editor-actions">
        <button type="button" className="button button-primary" data-testid="entity-save" disabled={busy || !changed || !name.trim()} onClick={() => void save()}>
          Save
        </button>
        <button type="button" className="button button-danger" data-testid="entity-delete" title="Its links go; the spans stay" disabled={busy} onClick={() => void attempt(() => entityList.delete(entity))}>
          Delete
        </button>
      </div>
      <div className="details-field">
        <span className="caption">Merge into another entity (its links, name and aliases follow)</span>
        <div className="speaker-row">
          <select className="select" data-testid="entity-merge-target" aria-label={`Merge “${entity.name}” into`} value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">Choose an entity…</option>
            {others.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name} ({typeName(e.type)})
              </option>
            ))}
          </select>
          <button type="button" className="button" data-testid="entity-merge" disabled={!into || busy} onClick={() => into && void attempt(() => entityList.merge(entity, into))}>
            Merge
          </button>
        </div>
      </div>
      <EntityDocuments entity={entity} onOpen={onOpen} />
    </div>
  );
}
