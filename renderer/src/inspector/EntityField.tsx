/// The entity a span names: the linked entity with its aliases (add one, or the span's own text),
/// and a search-as-you-type box to link another or make one from the span. Entities of the span's
/// label come first; the last choice creates a new one.
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { Annotation, EntityUsage, Label } from '../../../preload/api';
import { useEntityList } from '../entities/entityList';
import { entityMatches, sameName } from '../entities/entityNames';
import { oneLine } from '../format';
import { entityList, store } from '../state/useWorkbench';

/// Props of {@link EntityField}.
export interface EntityFieldProps {
  annotation: Annotation;
  labels: readonly Label[];
  onError(title: string, text: string): void;
}

type Choice = { kind: 'entity'; entity: EntityUsage } | { kind: 'create'; name: string };

/// How many entities the list shows at once.
const SHOWN = 8;

/// The entity row of the inspector (`data-testid="entity-field"`).
export function EntityField({ annotation, labels, onError }: EntityFieldProps) {
  const entities = useEntityList(entityList);
  const ref = { docId: annotation.docId, id: annotation.id };
  const linked = annotation.entityId ? entities.find((e) => e.id === annotation.entityId) : undefined;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const typeName = (type: string) => labels.find((l) => l.id === type)?.name ?? type;

  const choices = useMemo<Choice[]>(() => {
    const found = entityMatches(entities, query || annotation.quote, annotation.label, query === '');
    const list: Choice[] = found.filter((e) => e.id !== annotation.entityId).slice(0, SHOWN).map((entity) => ({ kind: 'entity', entity }));
    const name = (query || annotation.quote).trim().replace(/\s+/g, ' ');
    if (name && !entities.some((e) => e.type === annotation.label && sameName(e.name, name))) list.push({ kind: 'create', name });
    return list;
  }, [entities, query, annotation.quote, annotation.label, annotation.entityId]);

  const choose = async (choice: Choice) => {
    setOpen(false);
    setQuery('');
    try {
      const entity = choice.kind === 'entity' ? choice.entity : await entityList.create({ name: choice.name, type: annotation.label });
      store.change(ref, { entityId: entity.id });
    } catch (error) {
      onError('Could not link the entity', error instanceof Error ? error.message : String(error));
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      // A closed list opens on its first choice; an open one moves.
      if (!open) return setOpen(true);
      setActive((i) => (choices.length ? (i + (e.key === 'ArrowDown' ? 1 : -1) + choices.length) % choices.length : 0));
    } else if (e.key === 'Enter' && open && choices[active]) {
      e.preventDefault();
      void choose(choices[active]);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div className="field entity-field" data-testid="entity-field">
      <label className="caption field-label" htmlFor={`${listId}-input`}>
        Entity
      </label>
      {linked ? (
        <LinkedEntity entity={linked} annotation={annotation} typeName={typeName(linked.type)} onError={onError} />
      ) : annotation.entityId ? (
        <p className="field-hint">Linked to an entity that is being loaded or no longer exists.</p>
      ) : null}
      <div className="combo">
        <input
          id={`${listId}-input`}
          className="text-input"
          data-testid="entity-search"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && choices[active] ? `${listId}-${active}` : undefined}
          autoComplete="off"
          placeholder={linked ? 'Link to another entity…' : 'Link to an entity… (type to search)'}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        {open && choices.length > 0 && (
          <ul className="combo-list" id={listId} role="listbox" aria-label="Entities">
            {choices.map((choice, i) => (
              <li
                key={choice.kind === 'entity' ? choice.entity.id : 'create'}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'combo-option is-active' : 'combo-option'}
                data-testid={choice.kind === 'entity' ? 'entity-option' : 'entity-create'}
                data-entity-id={choice.kind === 'entity' ? choice.entity.id : undefined}
                // Chosen before the input's blur closes the list.
                onMouseDown={(e) => {
                  e.preventDefault();
                  void choose(choice);
                }}
              >
                {choice.kind === 'entity' ? (
                  <>
                    <span className="combo-name">{choice.entity.name}</span>
                    <span className="combo-detail">
                      {typeName(choice.entity.type)}
                      {choice.entity.aliases.length > 0 && ` · also ${oneLine(choice.entity.aliases.join(', '), 40)}`}
                    </span>
                  </>
                ) : (
                  <span className="combo-name">
                    Create “{oneLine(choice.name, 40)}” as a new {typeName(annotation.label).toLowerCase()}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/// The linked entity: name, type, Wikidata id, aliases, and ways to add one or unlink.
function LinkedEntity({ entity, annotation, typeName, onError }: { entity: EntityUsage; annotation: Annotation; typeName: string; onError(title: string, text: string): void }) {
  const [alias, setAlias] = useState('');
  const spanIsNamed = sameName(entity.name, annotation.quote) || entity.aliases.some((a) => sameName(a, annotation.quote));
  const addAlias = async (name: string) => {
    const clean = name.trim();
    if (!clean) return;
    try {
      await entityList.update(entity.id, { aliases: [...entity.aliases, clean] }, `add the alias “${clean}” to “${entity.name}”`);
      setAlias('');
    } catch (error) {
      onError('Could not add the alias', error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <div className="entity-linked">
      <div className="entity-linked-head">
        <strong data-testid="entity-name">{entity.name}</strong>
        <span className="combo-detail">
          {typeName}
          {entity.wikidata && ` · ${entity.wikidata}`} · {entity.mentions} {entity.mentions === 1 ? 'mention' : 'mentions'}
        </span>
        <button type="button" className="button button-small button-quiet" data-testid="entity-unlink" onClick={() => store.change({ docId: annotation.docId, id: annotation.id }, { entityId: null })}>
          Unlink
        </button>
      </div>
      {entity.aliases.length > 0 && (
        <p className="entity-aliases" data-testid="entity-aliases">
          Also: {entity.aliases.join(' · ')}
        </p>
      )}
      <div className="entity-alias-row">
        <input
          className="text-input"
          data-testid="entity-alias-input"
          aria-label={`New alias of ${entity.name}`}
          placeholder="Add an alias"
          value={alias}
          onChange={(e) => setAlias(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            void addAlias(alias);
          }}
        />
        {!spanIsNamed && (
          <button type="button" className="button button-small" data-testid="entity-alias-span" onClick={() => void addAlias(annotation.quote)}>
            Add “{oneLine(annotation.quote, 24)}”
          </button>
        )}
      </div>
    </div>
  );
}
