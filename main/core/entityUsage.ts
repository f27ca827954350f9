/// How much each entity is used: the app's list carries each entity's mentions and how many
/// documents hold them, and an entity's documents come a page at a time when it is opened; the
/// CLI's `awb entities list` still lists every entity's documents.
import { findEntity } from './entities.js';
import type { Entity } from './model.js';
import { entityDocumentPage, entityUsageCounts, type EntityDocumentPage, type EntityDocumentsQuery } from './store/sqlIndex/entityUsageQuery.js';
import type { Workspace } from './store/workspace.js';

/// An entity with how many annotations name it and in how many documents.
export interface EntityUsage extends Entity {
  mentions: number;
  /// Documents holding at least one of its mentions.
  documents: number;
}

/// An entity with how many annotations name it in each document (what `awb entities list` prints).
export interface EntityUsageByDocument extends Entity {
  mentions: number;
  documents: { docId: string; mentions: number }[];
}

const byName = (a: Entity, b: Entity) => a.name.localeCompare(b.name);

/// Every entity with its counts, by name (once the index was checked against the files).
export async function listEntities(workspace: Workspace): Promise<EntityUsage[]> {
  const counts = await workspace.queryIndex(entityUsageCounts);
  return workspace.entities.map((entity) => ({ ...entity, mentions: 0, documents: 0, ...counts.get(entity.id) })).sort(byName);
}

/// A page of the documents that mention entity `id`, most mentions first, then by id; refuses an
/// id that is not in the list.
export async function listEntityDocuments(workspace: Workspace, id: string, query: EntityDocumentsQuery): Promise<EntityDocumentPage> {
  findEntity(workspace.entities, id);
  return workspace.queryIndex((db) => entityDocumentPage(db, id, query));
}

/// Every entity with its counts, by name; its documents most mentions first, then by id (an
/// order that does not depend on the SQL index's row order, which a rebuild changes).
export function listEntitiesByDocument(workspace: Workspace): EntityUsageByDocument[] {
  const byEntity = new Map<string, { docId: string; mentions: number }[]>();
  for (const { entityId, docId, mentions } of workspace.entityCounts()) {
    let list = byEntity.get(entityId);
    if (!list) byEntity.set(entityId, (list = []));
    list.push({ docId, mentions });
  }
  return workspace.entities
    .map((entity) => {
      const documents = (byEntity.get(entity.id) ?? []).sort((a, b) => b.mentions - a.mentions || (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0));
      return { ...entity, mentions: documents.reduce((n, d) => n + d.mentions, 0), documents };
    })
    .sort(byName);
}
