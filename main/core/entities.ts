/// The workspace's entities (DESIGN §10) as pure changes of the list: add, edit, merge, remove,
/// put back, and the lookup that links a new span to the entity it names. Changes that reach
/// the annotations of many documents are in `entityChanges.ts`.
import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { EntitySchema, describeSchemaError, type Entity, type Label } from './model.js';
import { InvalidChangeError } from './errors.js';
import { foldCase } from './text/foldCase.js';

/// Most entities a workspace holds (`entities.json` is written whole at each change).
export const MAX_ENTITIES = 20_000;

/// A new entity: a name and a type; aliases, a Wikidata id and a note if known. `id` may be given
/// (a UUID) so that undo and redo keep one identity.
export const NewEntitySchema = z.strictObject({
  id: z.uuid().optional(),
  name: EntitySchema.shape.name,
  type: EntitySchema.shape.type,
  aliases: EntitySchema.shape.aliases.optional(),
  wikidata: EntitySchema.shape.wikidata,
  note: EntitySchema.shape.note,
});
export type NewEntity = z.infer<typeof NewEntitySchema>;

/// A change of an entity: a field given replaces, `null` removes (Wikidata id, note).
export const EntityChangeSchema = z.strictObject({
  name: EntitySchema.shape.name.optional(),
  type: EntitySchema.shape.type.optional(),
  aliases: EntitySchema.shape.aliases.optional(),
  wikidata: EntitySchema.shape.wikidata.unwrap().nullable().optional(),
  note: EntitySchema.shape.note.unwrap().nullable().optional(),
});
export type EntityChange = z.infer<typeof EntityChangeSchema>;

/// A change of an entity list, and what it gives back.
export interface EntityListChange<T> {
  entities: Entity[];
  result: T;
}

/// How names are compared: case, accents' composition and surrounding space aside.
export function entityKey(name: string): string {
  return foldCase(name.normalize('NFC').trim().replace(/\s+/g, ' '));
}

/// The entity `id`, or an error naming it.
export function findEntity(entities: Entity[], id: string): Entity {
  const entity = entities.find((e) => e.id === id);
  if (!entity) throw new InvalidChangeError(`no entity ${id} in this workspace`);
  return entity;
}

/// Aliases without the name, repeats or blanks, in the order given.
export function cleanAliases(name: string, aliases: string[]): string[] {
  const seen = new Set([entityKey(name)]);
  const kept: string[] = [];
  for (const alias of aliases.map((a) => a.trim())) {
    const key = entityKey(alias);
    if (!alias || seen.has(key)) continue;
    seen.add(key);
    kept.push(alias);
  }
  return kept;
}

/// Checks `entity` against the schema, its type against the labels, and its name against the
/// other entities of its type (two of one name and type could never be told apart).
function checkEntity(entity: Entity, others: Entity[], labels: Label[]): Entity {
  const checked = checkSchema(entity, 'the entity');
  if (!labels.some((l) => l.id === entity.type)) throw new InvalidChangeError(`there is no label "${entity.type}" for an entity's type`);
  const key = entityKey(entity.name);
  const twin = others.find((e) => e.id !== entity.id && e.type === entity.type && entityKey(e.name) === key);
  if (twin) throw new InvalidChangeError(`there is already an entity "${twin.name}" of this type`);
  return checked;
}

/// `entity` as the schema reads it, or an error naming `what` (writes are not validated: an
/// entity the schema refuses, once written, would make `entities.json` read as damaged).
function checkSchema(entity: Entity, what: string): Entity {
  const parsed = EntitySchema.safeParse(entity);
  if (!parsed.success) throw new InvalidChangeError(`${what} is not valid: ${describeSchemaError(parsed.error).join('; ')}`);
  return parsed.data;
}

/// Adds an entity.
export function addEntity(entities: Entity[], input: NewEntity, labels: Label[]): EntityListChange<Entity> {
  if (entities.length >= MAX_ENTITIES) throw new InvalidChangeError(`a workspace holds at most ${MAX_ENTITIES.toLocaleString('en')} entities`);
  const id = input.id ?? randomUUID();
  if (entities.some((e) => e.id === id)) throw new InvalidChangeError(`entity ${id} already exists`);
  const entity = checkEntity(
    {
      id,
      name: input.name.trim(),
      type: input.type,
      aliases: cleanAliases(input.name, input.aliases ?? []),
      ...(input.wikidata ? { wikidata: input.wikidata } : {}),
      ...(input.note ? { note: input.note } : {}),
    },
    entities,
    labels,
  );
  return { entities: [...entities, entity], result: entity };
}

/// Renames, retypes, re-aliases an entity or sets its Wikidata id or note.
export function editEntity(entities: Entity[], id: string, change: EntityChange, labels: Label[]): EntityListChange<Entity> {
  const { wikidata: _wikidata, note: _note, ...current } = findEntity(entities, id);
  const name = change.name?.trim() ?? current.name;
  // A renamed entity keeps its old name as an alias, whether the aliases are given or not (an
  // edit sends them with the name): the spans that wrote it still name it. Aliases given
  // without a rename replace, and so can drop an old name.
  const aliases = [...(change.aliases ?? current.aliases), ...(name === current.name ? [] : [current.name])];
  const wikidata = change.wikidata === undefined ? _wikidata : change.wikidata ?? undefined;
  const note = change.note === undefined ? _note : change.note ?? undefined;
  const edited = checkEntity(
    {
      ...current,
      name,
      type: change.type ?? current.type,
      aliases: cleanAliases(name, aliases),
      ...(wikidata ? { wikidata } : {}),
      ...(note ? { note } : {}),
    },
    entities,
    labels,
  );
  return { entities: entities.map((e) => (e.id === id ? edited : e)), result: edited };
}

/// Folds entity `fromId` into `intoId`: its name and aliases become aliases of `intoId`, which
/// keeps its own Wikidata id and note (or takes `fromId`'s where it has none). Refused when the
/// merged entity would not be valid (more aliases than an entity may have). The caller moves
/// the links first.
export function mergeEntityList(entities: Entity[], fromId: string, intoId: string): EntityListChange<Entity> {
  if (fromId === intoId) throw new InvalidChangeError('an entity cannot be merged into itself');
  const from = findEntity(entities, fromId);
  const into = findEntity(entities, intoId);
  const wikidata = into.wikidata ?? from.wikidata;
  const note = into.note ?? from.note;
  const merged = checkSchema(
    {
      id: into.id,
      name: into.name,
      type: into.type,
      aliases: cleanAliases(into.name, [...into.aliases, from.name, ...from.aliases]),
      ...(wikidata ? { wikidata } : {}),
      ...(note ? { note } : {}),
    },
    `"${from.name}" merged into "${into.name}"`,
  );
  return { entities: entities.filter((e) => e.id !== fromId).map((e) => (e.id === intoId ? merged : e)), result: merged };
}

/// Removes an entity from the list (the caller removes its links first).
export function removeEntity(entities: Entity[], id: string): EntityListChange<Entity> {
  const entity = findEntity(entities, id);
  return { entities: entities.filter((e) => e.id !== id), result: entity };
}

/// Puts entities back as they were (undo of a merge, delete or edit): each replaces the one of its
/// id, or is added. Names must still be unique per type.
export function putEntities(entities: Entity[], put: Entity[], labels: Label[]): EntityListChange<Entity[]> {
  let next = entities;
  for (const entity of put) {
    const others = next.filter((e) => e.id !== entity.id);
    const checked = checkEntity(entity, others, labels);
    next = next.some((e) => e.id === entity.id) ? next.map((e) => (e.id === entity.id ? checked : e)) : [...next, checked];
  }
  if (next.length > MAX_ENTITIES) throw new InvalidChangeError(`a workspace holds at most ${MAX_ENTITIES.toLocaleString('en')} entities`);
  return { entities: next, result: put };
}

/// The one entity of type `label` whose name or an alias is `text` (case aside), if exactly one
/// is: what a new span is linked to at once.
export function entityNamed(entities: Entity[], text: string, label: string): Entity | undefined {
  const key = entityKey(text);
  const matches = entities.filter((e) => e.type === label && (entityKey(e.name) === key || e.aliases.some((a) => entityKey(a) === key)));
  return matches.length === 1 ? matches[0] : undefined;
}
