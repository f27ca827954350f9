/// What every export needs of the workspace besides its documents (DESIGN §10): the labels, with
/// the attributes they declare, and the entities that spans link to, looked up by id.
import { RELATION_ENDS } from '../annotations.js';
import { RELATION_TYPES, type Annotation, type Attribute, type DocumentFile, type Entity, type Label, type RelationType } from '../model.js';

/// The labels and entities an export renders its documents with.
export interface ExportContext {
  labels: readonly Label[];
  /// Every entity of the workspace, by id. A span linked to an entity that is not here (one
  /// deleted while its link stayed) is exported without the link, as the app shows it.
  entities: ReadonlyMap<string, Entity>;
}

/// The context of an export of a workspace with `labels` and `entities` (none by default).
export function exportContext(labels: readonly Label[] = [], entities: readonly Entity[] = []): ExportContext {
  return { labels, entities: new Map(entities.map((e) => [e.id, e])) };
}

/// The entity span `a` names, when it is linked to a known one.
export function linkedEntity(context: ExportContext, a: Annotation): Entity | undefined {
  return a.entityId === undefined ? undefined : context.entities.get(a.entityId);
}

/// The attribute `id` as label `label` declares it, or undefined (an undeclared value is one kept
/// across a relabel).
export function declaredAttribute(context: ExportContext, label: string, id: string): Attribute | undefined {
  return context.labels.find((l) => l.id === label)?.attributes?.find((a) => a.id === id);
}

/// The relation type whose links start at a span of `label`: speaker for a quote, source for a figure.
export function relationTypeFrom(label: string): RelationType | undefined {
  return RELATION_TYPES.find((type) => RELATION_ENDS[type].from === label);
}

/// For each span of `file` with a speaker or source, the actor span it is linked to.
export function linkedActors(file: DocumentFile): Map<string, Annotation> {
  const byId = new Map(file.annotations.map((a) => [a.id, a]));
  const actors = new Map<string, Annotation>();
  for (const r of file.relations) {
    const from = byId.get(r.from);
    const to = byId.get(r.to);
    // One link of the type that fits the span's label; the store keeps one of each type per span.
    if (from && to && relationTypeFrom(from.label) === r.type && !actors.has(from.id)) actors.set(from.id, to);
  }
  return actors;
}
