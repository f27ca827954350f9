/// Entity changes that reach annotations in many documents: a merge moves every link of one entity
/// to another, a delete removes an entity's links, and their undo puts both back. Links move
/// first and the list changes after, so a crash in between leaves an entity with fewer links,
/// never a link to an entity that is gone.
import { setEntityLinks, type Author } from './annotations.js';
import { editEntity, findEntity, mergeEntityList, putEntities, removeEntity, type EntityChange } from './entities.js';
import type { Entity } from './model.js';
import type { Workspace, WorkspaceChanges } from './store/workspace.js';

/// Annotations of one document linked to one entity (what an undo links again).
export interface EntityLinks {
  docId: string;
  annotationIds: string[];
  entityId: string;
}

/// An entity as it was before a change, with the links the change moved or removed.
export interface EntityUndo {
  /// The entities as they were (put back by `restoreEntities`).
  entities: Entity[];
  links: EntityLinks[];
}

/// The links of `entityIds`, grouped by document and entity.
function linksOf(workspace: Workspace, entityIds: string[]): EntityLinks[] {
  const groups = new Map<string, EntityLinks>();
  for (const { docId, annotationId, entityId } of workspace.entityMentions(entityIds)) {
    const key = `${docId}\t${entityId}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { docId, annotationIds: [], entityId }));
    group.annotationIds.push(annotationId);
  }
  return [...groups.values()];
}

/// Links (or unlinks) each group's annotations to `to(group)`, one document at a time. Should one
/// fail, the groups done are linked back to `back(group)`, when given, before the error goes on,
/// so that a change stopped half-way (a full disk) leaves the links as they were.
async function relink(
  workspace: Workspace,
  changes: WorkspaceChanges,
  links: EntityLinks[],
  to: (group: EntityLinks) => string | null,
  back: ((group: EntityLinks) => string | null) | null,
  author: Author,
): Promise<void> {
  const done: EntityLinks[] = [];
  try {
    for (const group of links) {
      if (!workspace.hasDocument(group.docId)) continue; // deleted since: nothing to link
      await changes.updateDocument(group.docId, (file) => setEntityLinks(file, group.annotationIds, to(group), author));
      done.push(group);
    }
  } catch (error) {
    for (const group of back ? done.reverse() : []) {
      await changes.updateDocument(group.docId, (file) => setEntityLinks(file, group.annotationIds, back!(group), author)).catch(() => undefined);
    }
    throw error;
  }
}

/// Renames, retypes, re-aliases an entity, or sets its Wikidata id or note; resolves with it as
/// saved and as it was (for undo).
export function updateEntity(workspace: Workspace, id: string, change: EntityChange): Promise<{ entity: Entity; undo: EntityUndo }> {
  return workspace.exclusive(async (changes) => {
    const before = findEntity(workspace.entities, id);
    const entity = await changes.updateEntities((list) => editEntity(list, id, change, workspace.labels));
    return { entity, undo: { entities: [before], links: [] } };
  });
}

/// Folds entity `fromId` into `intoId`: every annotation linked to `fromId` is linked to `intoId`,
/// whose aliases gain `fromId`'s name and aliases; then `fromId` is removed. Alone: no link to
/// `fromId` can be made while its links move.
export function mergeEntities(workspace: Workspace, fromId: string, intoId: string, author: Author): Promise<{ entity: Entity; undo: EntityUndo }> {
  return workspace.exclusive(async (changes) => {
    const entities = workspace.entities;
    mergeEntityList(entities, fromId, intoId); // refuses a merge that cannot be done before a link moves
    const before = [findEntity(entities, fromId), findEntity(entities, intoId)];
    const links = linksOf(workspace, [fromId]);
    await relink(workspace, changes, links, () => intoId, () => fromId, author);
    const entity = await changes.updateEntities((list) => mergeEntityList(list, fromId, intoId));
    return { entity, undo: { entities: before, links } };
  });
}

/// Deletes an entity: its links go (the annotations stay), then the entity. Alone, as a merge.
export function deleteEntity(workspace: Workspace, id: string, author: Author): Promise<EntityUndo> {
  return workspace.exclusive(async (changes) => {
    const entity = findEntity(workspace.entities, id);
    const links = linksOf(workspace, [id]);
    await relink(workspace, changes, links, () => null, () => id, author);
    await changes.updateEntities((list) => removeEntity(list, id));
    return { entities: [entity], links };
  });
}

/// Puts entities back as they were and links the annotations again (undo of a merge or delete).
/// Links to an entity that is not in the list then are left out. Made again after a failure, it
/// finishes what the first attempt began.
export function restoreEntities(workspace: Workspace, undo: EntityUndo, author: Author): Promise<Entity[]> {
  return workspace.exclusive(async (changes) => {
    const restored = await changes.updateEntities((list) => putEntities(list, undo.entities, workspace.labels));
    const known = new Set(workspace.entities.map((e) => e.id));
    await relink(workspace, changes, undo.links.filter((group) => known.has(group.entityId)), (group) => group.entityId, null, author);
    return restored;
  });
}
