/// The entities of an exchange file (DESIGN §10) merged into the workspace's: an entry is matched
/// to one of this workspace's by id, then by name and type (`entityKey`), and merged into it (the
/// aliases united, its name an alias where it differs, the Wikidata id and note taken only where
/// ours has none, never overwritten); an entry that matches none is added with its id. Every
/// entry that cannot be used is reported and skipped; the file's entity ids are mapped to ours.
import { addEntity, cleanAliases, entityKey, MAX_ENTITIES } from '../entities.js';
import { InvalidChangeError } from '../errors.js';
import { describeSchemaError, EntitySchema, MAX_ALIASES, type Entity, type Label } from '../model.js';

/// What merging the file's entities did.
export interface EntityMerge {
  /// The workspace's entities after the merge (its own in their order, then those added).
  entities: Entity[];
  /// Whether `entities` differs from the list it was merged into.
  changed: boolean;
  /// The file's entity id → this workspace's, for every entry taken in.
  ids: Map<string, string>;
  /// Entries added as new entities.
  added: number;
  /// Entries merged into an entity this workspace had (or one added from the file before them).
  merged: number;
  skipped: { item: string; reason: string }[];
  warnings: string[];
}

/// Names an entity entry in messages: `entity "Russia"` when it has a usable name, else its position.
function entryName(entry: unknown, index: number): string {
  const name = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>).name : undefined;
  return typeof name === 'string' && name.trim() && name.length <= 200 ? `entity ${JSON.stringify(name.trim())}` : `entities[${index}]`;
}

/// `into` with `from` merged in: `from`'s name and aliases become aliases of `into` (as a merge in
/// the app does), its Wikidata id and note fill only what `into` lacks; what differs is reported.
function united(into: Entity, from: Entity, name: string, warnings: string[]): Entity {
  const aliases = cleanAliases(into.name, [...into.aliases, from.name, ...from.aliases]);
  if (aliases.length > MAX_ALIASES) warnings.push(`${name}: ${aliases.length - MAX_ALIASES} of its aliases were left out; an entity keeps at most ${MAX_ALIASES}`);
  if (into.type !== from.type) warnings.push(`${name}: its type here is "${into.type}", the file says "${from.type}"; this workspace's was kept`);
  for (const field of ['wikidata', 'note'] as const) {
    if (into[field] !== undefined && from[field] !== undefined && into[field] !== from[field]) {
      warnings.push(`${name}: its ${field === 'wikidata' ? 'Wikidata id' : 'note'} here is ${JSON.stringify(into[field])}, the file says ${JSON.stringify(from[field])}; this workspace's was kept`);
    }
  }
  const wikidata = into.wikidata ?? from.wikidata;
  const note = into.note ?? from.note;
  const { wikidata: _wikidata, note: _note, ...rest } = into;
  return { ...rest, aliases: aliases.slice(0, MAX_ALIASES), ...(wikidata ? { wikidata } : {}), ...(note ? { note } : {}) };
}

/// Merges the file's entity `entries` into `current` (the workspace's entities); `labels` are the
/// workspace's labels once the file's were added (an entity's type is a label id).
export function mergeExchangeEntities(current: readonly Entity[], entries: readonly unknown[], labels: Label[]): EntityMerge {
  const merge: EntityMerge = { entities: [...current], changed: false, ids: new Map(), added: 0, merged: 0, skipped: [], warnings: [] };
  // Looked up by id and by type and name, so that a file of many entities costs no more than a
  // lookup each. A merge changes neither; an addition adds to both.
  const byId = new Map(current.map((e) => [e.id, e]));
  const named = (type: string, name: string) => `${type}\t${entityKey(name)}`;
  const byName = new Map(current.map((e) => [named(e.type, e.name), e.id]));
  for (const [index, entry] of entries.entries()) {
    const name = entryName(entry, index);
    const parsed = EntitySchema.safeParse(entry);
    if (!parsed.success) {
      merge.skipped.push({ item: name, reason: `not used: ${describeSchemaError(parsed.error).join('; ')}` });
      continue;
    }
    const theirs = parsed.data;
    const ours = byId.get(theirs.id) ?? byId.get(byName.get(named(theirs.type, theirs.name)) ?? '');
    if (ours) {
      const next = united(ours, theirs, name, merge.warnings);
      if (JSON.stringify(next) !== JSON.stringify(ours)) {
        byId.set(ours.id, next);
        merge.changed = true;
      }
      merge.ids.set(theirs.id, ours.id);
      merge.merged++;
      continue;
    }
    if (!labels.some((l) => l.id === theirs.type)) {
      merge.skipped.push({ item: name, reason: `not added: its type is label "${theirs.type}", which this workspace does not have` });
      continue;
    }
    if (byId.size >= MAX_ENTITIES) {
      merge.skipped.push({ item: name, reason: `not added: the workspace already has ${MAX_ENTITIES.toLocaleString('en-US')} entities, the most it may have` });
      continue;
    }
    let added: Entity;
    try {
      // Checked and cleaned as the app adds one (with nothing to clash with: names were matched above).
      added = addEntity([], theirs, labels).result;
    } catch (error) {
      if (!(error instanceof InvalidChangeError)) throw error;
      merge.skipped.push({ item: name, reason: `not added: ${error.message}` });
      continue;
    }
    byId.set(added.id, added);
    byName.set(named(added.type, added.name), added.id);
    merge.changed = true;
    merge.ids.set(theirs.id, added.id);
    merge.added++;
  }
  // A Map keeps its keys in the order first set: the workspace's entities, then those added.
  merge.entities = [...byId.values()];
  return merge;
}
