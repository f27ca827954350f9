/// Entities across documents and outlets (DESIGN §11): per entity, its mentions in each document
/// (or each outlet) and the forms — the texts it is named by — used there. Links to an entity no
/// longer in the list count as none.
import type { Entity } from '../model.js';
import type { EntityFormRow } from '../store/sqlIndex/compareQuery.js';
import type { EntityAcrossOutlets, EntityComparison, EntityDocument, EntityOutlet } from './compareReport.js';

/// Forms most used first (ties: as met).
function byUse(counts: Map<string, number>): { form: string; mentions: number }[] {
  return [...counts].map(([form, mentions]) => ({ form, mentions })).sort((x, y) => y.mentions - x.mentions);
}

/// `rows` (grouped by entity, in document order) per entity in the list, most mentioned first.
function perEntity<T>(rows: readonly EntityFormRow[], entities: readonly Entity[], fold: (rows: EntityFormRow[]) => T[]): { entity: Entity; mentions: number; parts: T[] }[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const grouped = new Map<string, EntityFormRow[]>();
  for (const r of rows) {
    if (!byId.has(r.entityId)) continue;
    const list = grouped.get(r.entityId);
    if (list) list.push(r);
    else grouped.set(r.entityId, [r]);
  }
  return [...grouped]
    .map(([id, list]) => ({ entity: byId.get(id)!, mentions: list.reduce((n, r) => n + r.mentions, 0), parts: fold(list) }))
    .sort((x, y) => y.mentions - x.mentions || x.entity.name.localeCompare(y.entity.name) || compareIds(x.entity.id, y.entity.id));
}

/// Per entity, its mentions and forms in each document (what `awb compare --json` prints).
export function entityComparisons(rows: readonly EntityFormRow[], entities: readonly Entity[]): EntityComparison[] {
  return perEntity(rows, entities, (list): EntityDocument[] => {
    const documents = new Map<string, { outlet: string | null; forms: Map<string, number> }>();
    for (const r of list) {
      const doc = documents.get(r.documentId) ?? { outlet: r.outlet, forms: new Map<string, number>() };
      doc.forms.set(r.form, (doc.forms.get(r.form) ?? 0) + r.mentions);
      documents.set(r.documentId, doc);
    }
    return [...documents].map(([documentId, d]) => {
      const forms = byUse(d.forms);
      return { documentId, outlet: d.outlet, mentions: forms.reduce((n, f) => n + f.mentions, 0), forms: forms.map((f) => f.form) };
    });
  }).map(({ entity, mentions, parts }) => ({ id: entity.id, name: entity.name, type: entity.type, mentions, documents: parts }));
}

/// One entity's mentions and forms in each outlet, outlets most mentioning it first (documents
/// without an outlet are one row), from its `rows` (in document order).
export function entityOutlets(rows: readonly EntityFormRow[]): EntityOutlet[] {
  const outlets = new Map<string, { outlet: string | null; documents: Set<string>; forms: Map<string, number>; first: EntityOutlet['first'] }>();
  for (const r of rows) {
    const key = outletKey(r.outlet);
    const first = { documentId: r.documentId, start: r.firstStart, end: r.firstStart + r.form.length };
    const entry = outlets.get(key) ?? { outlet: r.outlet, documents: new Set<string>(), forms: new Map<string, number>(), first };
    entry.documents.add(r.documentId);
    entry.forms.set(r.form, (entry.forms.get(r.form) ?? 0) + r.mentions);
    // The first document's earliest mention (rows of a document come together, in order).
    if (entry.first.documentId === r.documentId && r.firstStart < entry.first.start) entry.first = first;
    outlets.set(key, entry);
  }
  return [...outlets.values()]
    .map((o) => {
      const forms = byUse(o.forms);
      return { outlet: o.outlet, documents: o.documents.size, mentions: forms.reduce((n, f) => n + f.mentions, 0), forms, first: o.first };
    })
    .sort(inOutletOrder);
}

/// The order an entity's outlets are listed in: most mentioning it first.
export function inOutletOrder(x: EntityOutlet, y: EntityOutlet): number {
  return y.mentions - x.mentions || (x.outlet ?? '\uffff').localeCompare(y.outlet ?? '\uffff');
}

/// Entities of one name (of two types) by id, whichever way their rows were read.
function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/// The key an outlet's rows are grouped by (case aside; '' for none).
export function outletKey(outlet: string | null): string {
  return outlet?.toLowerCase() ?? '';
}

/// Per entity in the list, its rows per outlet (`outletsOf`), most mentioned entity first.
export function entitiesByOutlet(outletsOf: ReadonlyMap<string, EntityOutlet[]>, entities: readonly Entity[]): EntityAcrossOutlets[] {
  return entities
    .flatMap((entity) => {
      const outlets = outletsOf.get(entity.id);
      return outlets ? [{ id: entity.id, name: entity.name, type: entity.type, mentions: outlets.reduce((n, o) => n + o.mentions, 0), outlets }] : [];
    })
    .sort((x, y) => y.mentions - x.mentions || x.name.localeCompare(y.name) || compareIds(x.id, y.id));
}

/// Per entity, its mentions and forms in each outlet (the app's table).
export function entitiesAcrossOutlets(rows: readonly EntityFormRow[], entities: readonly Entity[]): EntityAcrossOutlets[] {
  return perEntity(rows, entities, entityOutlets).map(({ entity, mentions, parts }) => ({ id: entity.id, name: entity.name, type: entity.type, mentions, outlets: parts }));
}
