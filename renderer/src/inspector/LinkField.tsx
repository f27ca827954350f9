/// Who a quote is said by (its speaker) or a figure is attributed to (its source): pick one of the
/// document's actors from a list, or click "Pick in text" and then the actor's highlight. Actors
/// linked to an entity are one choice per entity, listed first ("Lavrov" and "Sergei Lavrov"
/// are one speaker once linked); choosing an entity links the mention nearest before the span.
import type { Annotation, RelationType } from '../../../preload/api';
import { useEntityList } from '../entities/entityList';
import { sameName } from '../entities/entityNames';
import { oneLine } from '../format';
import { inTextOrder, linkOf, type DocState } from '../state/documentState';
import { entityList, store } from '../state/useWorkbench';

/// The label id of the annotations a quote or figure can be linked to.
export const ACTOR_LABEL = 'actor';

/// The relation each label's annotations can have (the service's `RELATION_ENDS`, seen from the
/// span that is linked): a quote has a speaker, a figure a source.
export const LINK_OF_LABEL: Readonly<Record<string, RelationType>> = { quote: 'speaker', figure: 'source' };

const WORDS: Record<RelationType, { field: string; none: string; hint: string; picking: string }> = {
  speaker: { field: 'Speaker', none: 'No speaker', hint: 'Said by', picking: 'Click the actor who said the selected quote' },
  source: { field: 'Source', none: 'No source', hint: 'According to', picking: 'Click the actor the selected figure is attributed to' },
};

/// What the pane's banner says while an actor is being picked for `type`.
export function pickingPrompt(type: RelationType): string {
  return WORDS[type].picking;
}

/// Props of {@link LinkField}.
export interface LinkFieldProps {
  doc: DocState;
  /// The quote or figure.
  from: Annotation;
  type: RelationType;
  picking: boolean;
  onPickingChange(picking: boolean): void;
}

/// The mention of an entity to link `from` to: the nearest one before it, else the first after.
function nearestMention(mentions: Annotation[], from: Annotation): Annotation {
  const before = mentions.filter((a) => a.start <= from.start);
  return before.length ? before[before.length - 1] : mentions[0];
}

/// A select of the document's actors (entities first) plus the pick-in-text toggle.
export function LinkField({ doc, from, type, picking, onPickingChange }: LinkFieldProps) {
  const entities = useEntityList(entityList);
  const words = WORDS[type];
  const actors = inTextOrder(doc.annotations.values()).filter((a) => a.label === ACTOR_LABEL);
  const byEntity = new Map<string, Annotation[]>();
  const unlinked: Annotation[] = [];
  for (const a of actors) {
    const known = a.entityId && entities.some((e) => e.id === a.entityId);
    if (!known) unlinked.push(a);
    else byEntity.set(a.entityId!, [...(byEntity.get(a.entityId!) ?? []), a]);
  }
  const linkedId = linkOf(doc, type, from.id);
  const linked = linkedId ? doc.annotations.get(linkedId) : undefined;
  const value = !linked ? '' : linked.entityId && byEntity.has(linked.entityId) ? `entity:${linked.entityId}` : `span:${linked.id}`;
  const repeated = (a: Annotation) => unlinked.filter((b) => b.quote === a.quote).length > 1;
  const entityName = (id: string) => entities.find((e) => e.id === id)?.name ?? '';
  const choose = (choice: string) => {
    if (!choice) return store.setLink(doc.document.id, type, from.id, null);
    const [kind, id] = choice.split(':');
    const to = kind === 'entity' ? nearestMention(byEntity.get(id)!, from) : doc.annotations.get(id);
    if (to) store.setLink(doc.document.id, type, from.id, to.id);
  };
  const selectId = `${type}-select`;

  return (
    <div className="field">
      <label className="caption field-label" htmlFor={selectId}>
        {words.field}
      </label>
      <div className="speaker-row">
        <select id={selectId} className="select" data-testid={`${type}-select`} value={value} onChange={(e) => choose(e.target.value)}>
          <option value="">{actors.length ? words.none : 'No actors tagged in this text'}</option>
          {byEntity.size > 0 && (
            <optgroup label="Entities">
              {[...byEntity].map(([id, mentions]) => (
                <option key={id} value={`entity:${id}`}>
                  {oneLine(entityName(id), 48)}
                  {mentions.length > 1 ? ` (${mentions.length} mentions)` : ''}
                </option>
              ))}
            </optgroup>
          )}
          {unlinked.length > 0 && (
            <optgroup label={byEntity.size ? 'Other actors' : 'Actors'}>
              {unlinked.map((a) => (
                <option key={a.id} value={`span:${a.id}`}>
                  {oneLine(a.quote, 48)}
                  {repeated(a) ? ` (at ${a.start})` : ''}
                </option>
              ))}
            </optgroup>
          )}
        </select>
        <button
          type="button"
          className={picking ? 'button button-small is-active' : 'button button-small'}
          data-testid={`pick-${type}`}
          aria-pressed={picking}
          title="Then click the actor’s highlight in the text"
          onClick={() => onPickingChange(!picking)}
        >
          {picking ? 'Click an actor…' : 'Pick in text'}
        </button>
      </div>
      {linked && (
        <p className="field-hint" data-testid={`${type}-name`}>
          {words.hint} <strong>{oneLine(linked.entityId ? entityName(linked.entityId) || linked.quote : linked.quote, 60)}</strong>
          {linked.entityId && entityName(linked.entityId) && !sameName(entityName(linked.entityId), linked.quote) && <> (“{oneLine(linked.quote, 40)}”)</>}
        </p>
      )}
    </div>
  );
}
