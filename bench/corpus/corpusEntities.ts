/// The entities of the corpus benchmark (`entities.json`): every actor and place the workload's
/// prose names, each an entity of its own with seeded ids, a few with the aliases an analyst would
/// note; and the lookup that links a span to the entity it names, as `entityNamed` does in the app.
import { entityKey } from '../../main/core/entities';
import { ENTITIES_SCHEMA_VERSION, EntitiesFileSchema, type EntitiesFile, type Entity } from '../../main/core/model';
import { seededRandom } from '../../test/seededRandom';
import { BODIES, FIRST, LAST, PLACES, seededUuid, seedOf } from '../workload';

/// Aliases an analyst would record for some of the bodies (never written by the prose, so they
/// only lengthen the list, as real ones do).
const ALIASES: Record<string, string[]> = {
  'the United Nations': ['UN', 'United Nations'],
  'the Red Cross': ['ICRC', 'International Committee of the Red Cross'],
  'the Syrian Observatory for Human Rights': ['SOHR'],
  "Russia's Defence Ministry": ['Russian Defence Ministry', 'Russian Ministry of Defence'],
  'the White Helmets': ['Syria Civil Defence'],
  'the World Food Programme': ['WFP'],
};

/// Every name the prose writes with its label: people (first × last name) and bodies as actors,
/// places as locations.
function names(): { name: string; type: 'actor' | 'location' }[] {
  const actors = [...FIRST.flatMap((first) => LAST.map((last) => `${first} ${last}`)), ...BODIES];
  return [...actors.map((name) => ({ name, type: 'actor' as const })), ...PLACES.map((name) => ({ name, type: 'location' as const }))];
}

/// The corpus's entities for `seed`, the same in every process that generates articles.
export function corpusEntities(seed: number): Entity[] {
  const random = seededRandom(seedOf(`${seed}:entities`));
  return names().map(({ name, type }) => ({ id: seededUuid(random), name, type, aliases: ALIASES[name] ?? [] }));
}

/// `entities.json` of the corpus, checked by the store's schema.
export function corpusEntitiesFile(seed: number): EntitiesFile {
  return EntitiesFileSchema.parse({ schemaVersion: ENTITIES_SCHEMA_VERSION, entities: corpusEntities(seed) });
}

/// Finds the entity a span's text names (case aside, as `entityKey` compares: the prose writes
/// "The United Nations" at the start of a sentence).
export function entityLookup(entities: readonly Entity[]): (text: string, label: string) => Entity | undefined {
  const byKey = new Map<string, Entity>();
  for (const e of entities) for (const name of [e.name, ...e.aliases]) byKey.set(`${e.type}\u0000${entityKey(name)}`, e);
  return (text, label) => byKey.get(`${label}\u0000${entityKey(text)}`);
}
