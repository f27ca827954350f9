/// `awb entities …`: the workspace's entities (DESIGN §10) from the command line: list them with
/// their counts, add one, add or remove aliases, rename, merge one into another and delete. The
/// changes are the core's (`entities.ts`, `entityChanges.ts`): a rename keeps the old name as an
/// alias, a merge moves every link, a delete unlinks the spans and keeps them.
import type { Command } from 'commander';
import { entityKey, addEntity } from '../core/entities.js';
import { deleteEntity, mergeEntities, updateEntity, type EntityUndo } from '../core/entityChanges.js';
import { listEntitiesByDocument, type EntityUsageByDocument } from '../core/entityUsage.js';
import type { Entity } from '../core/model.js';
import type { Workspace } from '../core/store/workspace.js';
import { resolveWorkspaceDir } from '../core/workspaceLocation.js';
import { openWorkspace } from './openWorkspace.js';
import { say, sayLines } from './output.js';
import { terminalJson } from './terminalText.js';
import { withWritableWorkspace } from './writableWorkspace.js';

/// How many characters of an entity's id `awb entities list` shows, and the fewest a prefix
/// given for one must have (as document ids: short enough to type, long enough to be unique).
export const ENTITY_ID_SHOWN = 8;

/// The options every `awb entities` command takes.
interface EntityOptions {
  workspace?: string;
  json?: boolean;
}

/// How many annotations, in how many documents, a merge or delete moved or unlinked.
export interface LinksTouched {
  annotations: number;
  documents: number;
}

/// The entity `given` names: its id, the start of its id (at least 8 hex digits), or its exact
/// name (case and spacing aside, as `entityKey` compares them). Several entities of one name (of
/// different types) are an error naming each with its type and id, as is a name that is only an
/// alias (naming the entity it belongs to).
export function resolveEntity(entities: Entity[], given: string): Entity {
  const wanted = given.trim().replace(/…$/, '').toLowerCase();
  const exact = entities.find((e) => e.id === wanted);
  if (exact) return exact;
  const candidates = new Set<Entity>();
  if (/^[0-9a-f-]+$/.test(wanted) && wanted.replace(/-/g, '').length >= ENTITY_ID_SHOWN) {
    for (const e of entities) if (e.id.startsWith(wanted)) candidates.add(e);
  }
  const key = entityKey(given);
  for (const e of entities) if (entityKey(e.name) === key) candidates.add(e);
  if (candidates.size === 1) return [...candidates][0];
  if (candidates.size > 1) {
    throw new Error(`"${given}" could be ${candidates.size} entities: ${[...candidates].map(entityHandle).join(', ')}; give the start of its id`);
  }
  const aliasOf = entities.filter((e) => e.aliases.some((a) => entityKey(a) === key));
  const hint = aliasOf.length ? `; it is an alias of ${aliasOf.map(entityHandle).join(', ')}` : ' (give its id, the start of its id or its name, as awb entities list shows them)';
  throw new Error(`no entity "${given}" in this workspace${hint}`);
}

/// An entity as errors name it: `Russia (location, 3f2a9c1e)`.
function entityHandle(entity: Entity): string {
  return `${entity.name} (${entity.type}, ${entity.id.slice(0, ENTITY_ID_SHOWN)})`;
}

/// An entity on one line: id, name, then type, Wikidata id and aliases.
function entityLine(entity: Entity): string {
  const about = [entity.type, entity.wikidata].filter(Boolean).join(', ');
  return `${entity.id}  ${entity.name}  (${about}${entity.aliases.length ? `; aliases: ${entity.aliases.join('; ')}` : ''})`;
}

/// How many annotations and documents `links` (of a merge or delete) hold.
function countLinks(links: EntityUndo['links']): LinksTouched {
  return { annotations: links.reduce((n, group) => n + group.annotationIds.length, 0), documents: new Set(links.map((group) => group.docId)).size };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/// `--wikidata`'s argument as the model keeps it: `q159` is taken as `Q159`.
function wikidataId(value: string): string {
  return value.trim().replace(/^q/, 'Q');
}

/// Refuses a type that is no label of the workspace, naming the labels there are.
function checkType(workspace: Workspace, type: string): void {
  if (!workspace.labels.some((l) => l.id === type)) {
    throw new Error(`there is no label "${type}" for an entity's type (labels: ${workspace.labels.map((l) => l.id).join(', ')})`);
  }
}

const author = (workspace: Workspace) => ({ annotator: workspace.currentAnnotator, now: new Date().toISOString() });

/// `awb entities list`: every entity (or those of `--type`) with its mentions and documents.
export async function listEntitiesCommand(options: EntityOptions & { type?: string }): Promise<void> {
  const workspace = await openWorkspace(resolveWorkspaceDir(options.workspace), { readOnly: true });
  let rows: EntityUsageByDocument[];
  try {
    rows = listEntitiesByDocument(workspace).filter((e) => options.type === undefined || e.type === options.type);
    // A type no entity has is a typo unless it is a label (which merely has no entities yet).
    if (options.type !== undefined && !rows.length) checkType(workspace, options.type);
  } finally {
    await workspace.close();
  }
  if (options.json) return sayLines(terminalJson(rows));
  if (!rows.length) say(options.type === undefined ? '(no entities)' : `(no entities of type ${options.type})`);
  for (const e of rows) {
    const aliases = e.aliases.length ? `  (aliases: ${e.aliases.join('; ')})` : '';
    say(
      `${e.id.slice(0, ENTITY_ID_SHOWN)}  ${e.type.padEnd(10)} ${(e.wikidata ?? '—').padEnd(10)} ${String(e.mentions).padStart(6)} mentions ${String(e.documents.length).padStart(5)} documents  ${e.name}${aliases}`,
    );
  }
}

/// `awb entities add NAME --type T`: adds an entity and prints it.
export async function addEntityCommand(name: string, options: EntityOptions & { type: string; alias: string[]; wikidata?: string }): Promise<void> {
  const entity = await withWritableWorkspace(resolveWorkspaceDir(options.workspace), 'entities add', async (workspace) => {
    checkType(workspace, options.type);
    const input = { name, type: options.type, aliases: options.alias, ...(options.wikidata !== undefined ? { wikidata: wikidataId(options.wikidata) } : {}) };
    return workspace.updateEntities((list) => addEntity(list, input, workspace.labels));
  });
  if (options.json) return sayLines(terminalJson(entity));
  say(`added ${entityLine(entity)}`);
}

/// `awb entities alias ENTITY ALIAS…`: adds aliases (those it has already are passed over), or
/// with `--remove` removes them (one it does not have is an error, and nothing is removed).
export async function aliasEntityCommand(given: string, aliases: string[], options: EntityOptions & { remove?: boolean }): Promise<void> {
  const entity = await withWritableWorkspace(resolveWorkspaceDir(options.workspace), 'entities alias', async (workspace) => {
    const current = resolveEntity(workspace.entities, given);
    let next: string[];
    if (options.remove) {
      const removed = new Set(aliases.map(entityKey));
      const missing = aliases.filter((a) => !current.aliases.some((b) => entityKey(b) === entityKey(a)));
      if (missing.length) {
        throw new Error(`${missing.map((a) => `"${a}"`).join(', ')} ${missing.length === 1 ? 'is not an alias' : 'are not aliases'} of ${entityHandle(current)} (its aliases: ${current.aliases.join('; ') || 'none'})`);
      }
      next = current.aliases.filter((a) => !removed.has(entityKey(a)));
    } else {
      next = [...current.aliases, ...aliases];
    }
    return (await updateEntity(workspace, current.id, { aliases: next })).entity;
  });
  if (options.json) return sayLines(terminalJson(entity));
  say(entityLine(entity));
}

/// `awb entities rename ENTITY NEW_NAME`: renames an entity; its old name becomes an alias.
export async function renameEntityCommand(given: string, name: string, options: EntityOptions): Promise<void> {
  const { before, entity } = await withWritableWorkspace(resolveWorkspaceDir(options.workspace), 'entities rename', async (workspace) => {
    const current = resolveEntity(workspace.entities, given);
    return { before: current, entity: (await updateEntity(workspace, current.id, { name })).entity };
  });
  if (options.json) return sayLines(terminalJson(entity));
  say(`renamed "${before.name}" to "${entity.name}"${entityKey(before.name) === entityKey(entity.name) ? '' : ' (the old name stays an alias)'}`);
  say(entityLine(entity));
}

/// `awb entities merge FROM INTO`: after a backup, links every annotation of FROM to INTO, whose
/// aliases gain FROM's name and aliases, and removes FROM.
export async function mergeEntitiesCommand(fromGiven: string, intoGiven: string, options: EntityOptions): Promise<void> {
  const done = await withWritableWorkspace(resolveWorkspaceDir(options.workspace), 'entities merge', async (workspace) => {
    const from = resolveEntity(workspace.entities, fromGiven);
    const into = resolveEntity(workspace.entities, intoGiven);
    if (from.id === into.id) throw new Error(`"${fromGiven}" and "${intoGiven}" are one entity, ${entityHandle(from)}`);
    // Which spans named FROM is lost in a merge: the backup keeps it.
    const backup = await workspace.backup({ unlessUnchanged: true });
    const { entity, undo } = await mergeEntities(workspace, from.id, into.id, author(workspace));
    return { merged: from, entity, relinked: countLinks(undo.links), backup: backup.name };
  });
  if (options.json) return sayLines(terminalJson(done));
  const { annotations, documents } = done.relinked;
  say(`merged "${done.merged.name}" into "${done.entity.name}": ${plural(annotations, 'annotation')} in ${plural(documents, 'document')} linked to it`);
  say(entityLine(done.entity));
  say(`backup ${done.backup} holds both as they were (awb backups, awb restore)`);
}

/// `awb entities delete ENTITY…`: after a backup, unlinks each entity's annotations (their
/// spans stay) and removes it. Every name is resolved before anything changes.
export async function deleteEntitiesCommand(given: string[], options: EntityOptions): Promise<void> {
  const done = await withWritableWorkspace(resolveWorkspaceDir(options.workspace), 'entities delete', async (workspace) => {
    const targets = [...new Map(given.map((g) => resolveEntity(workspace.entities, g)).map((e) => [e.id, e])).values()];
    const backup = await workspace.backup({ unlessUnchanged: true });
    const deleted: { entity: Entity; unlinked: LinksTouched }[] = [];
    for (const entity of targets) {
      const undo = await deleteEntity(workspace, entity.id, author(workspace));
      deleted.push({ entity, unlinked: countLinks(undo.links) });
    }
    return { deleted, backup: backup.name };
  });
  if (options.json) return sayLines(terminalJson(done));
  for (const { entity, unlinked } of done.deleted) {
    say(`deleted ${entityHandle(entity)}: ${plural(unlinked.annotations, 'annotation')} in ${plural(unlinked.documents, 'document')} unlinked, their spans kept`);
  }
  say(`backup ${done.backup} holds ${done.deleted.length === 1 ? 'it' : 'them'} as ${done.deleted.length === 1 ? 'it was' : 'they were'} (awb backups, awb restore)`);
}

/// Adds `awb entities` and its commands to `program`; `configure` gives each the options every
/// command has (`--workspace`).
export function addEntityCommands(program: Command, configure: (command: Command) => Command): void {
  const entities = program.command('entities').description('the entities spans name (Russia, also written Moscow): list, add, alias, rename, merge, delete');
  const collect = (value: string, previous: string[]) => [...previous, value];
  const entityArgument = 'the entity: its id, the start of its id (8 hex digits or more) or its name';
  configure(entities.command('list').description('list the entities with their aliases, Wikidata ids, mentions and documents'))
    .option('--type <label>', 'only entities of this type (a label id: actor, location…)')
    .option('--json', 'print JSON instead of a table')
    .action(listEntitiesCommand);
  configure(entities.command('add').description('add an entity'))
    .argument('<name>', 'its name')
    .requiredOption('--type <label>', 'its type (a label id: actor, location…)')
    .option('--alias <alias>', 'another name it is written as (repeatable)', collect, [])
    .option('--wikidata <id>', 'its Wikidata id (Q159)')
    .option('--json', 'print the entity as JSON')
    .action(addEntityCommand);
  configure(entities.command('alias').description("add aliases to an entity (or remove them with --remove)"))
    .argument('<entity>', entityArgument)
    .argument('<aliases...>', 'the aliases')
    .option('--remove', 'remove these aliases instead')
    .option('--json', 'print the entity as JSON')
    .action(aliasEntityCommand);
  configure(entities.command('rename').description('rename an entity; the old name stays an alias'))
    .argument('<entity>', entityArgument)
    .argument('<name>', 'the new name')
    .option('--json', 'print the entity as JSON')
    .action(renameEntityCommand);
  configure(entities.command('merge').description('merge an entity into another, after a backup: every span linked to FROM is linked to INTO'))
    .argument('<from>', 'the entity that goes (its id, the start of its id or its name)')
    .argument('<into>', 'the entity that stays (likewise)')
    .option('--json', 'print the result as JSON')
    .action(mergeEntitiesCommand);
  configure(entities.command('delete').description("delete entities, after a backup: their spans stay, unlinked"))
    .argument('<entities...>', 'the entities (ids, starts of ids or names)')
    .option('--json', 'print the result as JSON')
    .action(deleteEntitiesCommand);
}
