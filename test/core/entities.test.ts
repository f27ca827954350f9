import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_ENTITIES,
  addEntity,
  editEntity,
  entityKey,
  entityNamed,
  findEntity,
  mergeEntityList,
  putEntities,
  removeEntity,
  type NewEntity,
} from '../../main/core/entities';
import { InvalidChangeError } from '../../main/core/errors';
import { DEFAULT_LABELS, EntitiesFileSchema, EntitySchema, type Entity } from '../../main/core/model';

/// A list made of `inputs`, one `addEntity` after another.
function listOf(...inputs: NewEntity[]): Entity[] {
  return inputs.reduce<Entity[]>((list, input) => addEntity(list, input, DEFAULT_LABELS).entities, []);
}

/// The entities by id, whatever their order.
const byId = (list: Entity[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe('adding an entity', () => {
  it('gives it a UUID, trims its name, and the list validates as entities.json', () => {
    const { entities, result } = addEntity([], { name: '  Sergei Lavrov ', type: 'actor' }, DEFAULT_LABELS);
    expect(result).toEqual({ id: result.id, name: 'Sergei Lavrov', type: 'actor', aliases: [] });
    expect(EntitySchema.safeParse(result).success).toBe(true);
    expect(entities).toEqual([result]);
    expect(EntitiesFileSchema.safeParse({ schemaVersion: 1, entities }).success).toBe(true);
  });

  it('keeps a given id, Wikidata id and note, and refuses an id already used', () => {
    const id = '2c1f9a5e-3d7b-4c1a-9f0e-6b2d8a4c7e11';
    const { entities, result } = addEntity([], { id, name: 'Russia', type: 'location', wikidata: 'Q159', note: 'the state' }, DEFAULT_LABELS);
    expect(result).toEqual({ id, name: 'Russia', type: 'location', aliases: [], wikidata: 'Q159', note: 'the state' });
    expect(() => addEntity(entities, { id, name: 'Moscow', type: 'location' }, DEFAULT_LABELS)).toThrow(`entity ${id} already exists`);
  });

  it('refuses a second entity of one name and type, case, composition and surrounding space aside', () => {
    const list = listOf({ name: 'Café Nero', type: 'location' });
    for (const name of ['café nero', 'CAFÉ NERO', ' Cafe\u0301  Nero ']) {
      expect(() => addEntity(list, { name, type: 'location' }, DEFAULT_LABELS), name).toThrow('there is already an entity "Café Nero" of this type');
    }
    // The same name under another type is another entity.
    expect(addEntity(list, { name: 'café nero', type: 'actor' }, DEFAULT_LABELS).entities).toHaveLength(2);
  });

  it('refuses a type that is no label of the workspace', () => {
    expect(() => addEntity([], { name: 'Aleppo', type: 'city' }, DEFAULT_LABELS)).toThrow(InvalidChangeError);
    expect(() => addEntity([], { name: 'Aleppo', type: 'city' }, DEFAULT_LABELS)).toThrow('there is no label "city" for an entity\'s type');
  });

  it('cleans the aliases: trimmed, blanks, repeats and the name itself left out, in the order given', () => {
    const { result } = addEntity(
      [],
      { name: 'Russia', type: 'actor', aliases: [' Moscow ', '', '   ', 'russia', 'MOSCOW', 'Russian Federation', 'Moscow'] },
      DEFAULT_LABELS,
    );
    expect(result.aliases).toEqual(['Moscow', 'Russian Federation']);
  });

  it('refuses what the schema refuses (a bad Wikidata id, a blank name) and more than the most entities', () => {
    expect(() => addEntity([], { name: 'Russia', type: 'actor', wikidata: 'Russia' } as NewEntity, DEFAULT_LABELS)).toThrow('expected a Wikidata id such as Q159');
    expect(() => addEntity([], { name: '   ', type: 'actor' }, DEFAULT_LABELS)).toThrow('the entity is not valid');
    const full = Array.from({ length: MAX_ENTITIES }, (_, i): Entity => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `e${i}`, type: 'actor', aliases: [] }));
    expect(() => addEntity(full, { name: 'one more', type: 'actor' }, DEFAULT_LABELS)).toThrow('a workspace holds at most 20,000 entities');
  });
});

describe('editing an entity', () => {
  const [lavrov, russia] = listOf({ name: 'Lavrov', type: 'actor', aliases: ['the minister'] }, { name: 'Russia', type: 'location', wikidata: 'Q159' });
  const list = [lavrov, russia];

  it('a rename keeps the old name as an alias, as the spans that wrote it still name the entity', () => {
    const { entities, result } = editEntity(list, lavrov.id, { name: 'Sergei Lavrov' }, DEFAULT_LABELS);
    expect(result).toEqual({ ...lavrov, name: 'Sergei Lavrov', aliases: ['the minister', 'Lavrov'] });
    expect(entities).toEqual([result, russia]);
    // A change of case alone adds no alias; renaming to an alias takes it out of the aliases.
    expect(editEntity(list, lavrov.id, { name: 'LAVROV' }, DEFAULT_LABELS).result.aliases).toEqual(['the minister']);
    expect(editEntity(list, lavrov.id, { name: 'The Minister' }, DEFAULT_LABELS).result.aliases).toEqual(['Lavrov']);
  });

  it('a rename sent with the aliases (as an edit dialog sends them) still keeps the old name as an alias', () => {
    const { result } = editEntity(list, lavrov.id, { name: 'Sergei Lavrov', aliases: ['the minister', 'Sergey Lavrov'] }, DEFAULT_LABELS);
    expect(result.aliases).toEqual(['the minister', 'Sergey Lavrov', 'Lavrov']);
  });

  it('aliases given without a rename replace the aliases (so an old name can be dropped afterwards)', () => {
    const renamed = editEntity(list, lavrov.id, { name: 'Sergei Lavrov' }, DEFAULT_LABELS).entities;
    expect(editEntity(renamed, lavrov.id, { aliases: [] }, DEFAULT_LABELS).result.aliases).toEqual([]);
    expect(editEntity(renamed, lavrov.id, { name: 'Sergei Lavrov', aliases: ['x'] }, DEFAULT_LABELS).result.aliases).toEqual(['x']);
  });

  it('sets, keeps and removes the Wikidata id and the note', () => {
    const set = editEntity(list, lavrov.id, { wikidata: 'Q76', note: 'foreign minister' }, DEFAULT_LABELS).result;
    expect(set).toMatchObject({ wikidata: 'Q76', note: 'foreign minister' });
    const kept = editEntity([set, russia], lavrov.id, { name: 'Sergei Lavrov' }, DEFAULT_LABELS).result;
    expect(kept).toMatchObject({ wikidata: 'Q76', note: 'foreign minister' });
    const removed = editEntity([kept, russia], lavrov.id, { wikidata: null, note: null }, DEFAULT_LABELS).result;
    expect('wikidata' in removed || 'note' in removed).toBe(false);
    expect(editEntity(list, russia.id, { note: 'state' }, DEFAULT_LABELS).result.wikidata).toBe('Q159');
  });

  it('retypes, refusing an unknown label or a name the new type already has', () => {
    expect(editEntity(list, russia.id, { type: 'actor' }, DEFAULT_LABELS).result.type).toBe('actor');
    expect(() => editEntity(list, russia.id, { type: 'country' }, DEFAULT_LABELS)).toThrow('there is no label "country"');
    const withActor = addEntity(list, { name: 'russia', type: 'actor' }, DEFAULT_LABELS).entities;
    expect(() => editEntity(withActor, russia.id, { type: 'actor' }, DEFAULT_LABELS)).toThrow('there is already an entity "russia" of this type');
    expect(() => editEntity(list, lavrov.id, { name: 'nobody', type: 'location' }, DEFAULT_LABELS)).not.toThrow();
    expect(() => editEntity(list, '2c1f9a5e-3d7b-4c1a-9f0e-6b2d8a4c7e11', { name: 'x' }, DEFAULT_LABELS)).toThrow('no entity 2c1f9a5e');
  });

  it('leaves the list it was given as it was', () => {
    const copy = structuredClone(list);
    editEntity(list, lavrov.id, { name: 'Sergei Lavrov', wikidata: 'Q76' }, DEFAULT_LABELS);
    expect(list).toEqual(copy);
  });
});

describe('merging entities', () => {
  const [russia, federation, moscow] = listOf(
    { name: 'Russia', type: 'actor', aliases: ['Russians'] },
    { name: 'Russian Federation', type: 'actor', aliases: ['RF', 'russians'], wikidata: 'Q159', note: 'official name' },
    { name: 'Moscow', type: 'actor', wikidata: 'Q649' },
  );
  const list = [russia, federation, moscow];

  it('into keeps its id and name; from goes, its name and aliases becoming aliases (repeats left out)', () => {
    const { entities, result } = mergeEntityList(list, federation.id, russia.id);
    expect(result).toEqual({ id: russia.id, name: 'Russia', type: 'actor', aliases: ['Russians', 'Russian Federation', 'RF'], wikidata: 'Q159', note: 'official name' });
    expect(entities).toEqual([result, moscow]);
    expect(() => findEntity(entities, federation.id)).toThrow(InvalidChangeError);
  });

  it('fills the Wikidata id and note only where into has none', () => {
    const { result } = mergeEntityList(list, moscow.id, federation.id);
    expect(result).toMatchObject({ id: federation.id, wikidata: 'Q159', note: 'official name', aliases: ['RF', 'russians', 'Moscow'] });
  });

  it('refuses a merge into itself and an unknown entity', () => {
    expect(() => mergeEntityList(list, russia.id, russia.id)).toThrow('an entity cannot be merged into itself');
    expect(() => mergeEntityList(list, russia.id, '2c1f9a5e-3d7b-4c1a-9f0e-6b2d8a4c7e11')).toThrow('no entity');
  });

  it('refuses a merge whose entity would break the schema (too many aliases), which would leave entities.json unreadable', () => {
    const many = (prefix: string) => Array.from({ length: 150 }, (_, i) => `${prefix} ${i}`);
    const big = listOf({ name: 'A', type: 'actor', aliases: many('a') }, { name: 'B', type: 'actor', aliases: many('b') });
    expect(() => mergeEntityList(big, big[1].id, big[0].id)).toThrow(InvalidChangeError);
    expect(() => mergeEntityList(big, big[1].id, big[0].id)).toThrow(/aliases/);
  });
});

describe('removing and putting back', () => {
  const [russia, moscow] = listOf({ name: 'Russia', type: 'actor' }, { name: 'Moscow', type: 'location' });

  it('remove takes one entity out and returns it; put brings it back', () => {
    const { entities, result } = removeEntity([russia, moscow], russia.id);
    expect(entities).toEqual([moscow]);
    expect(result).toBe(russia);
    expect(putEntities(entities, [russia], DEFAULT_LABELS).entities).toEqual([moscow, russia]);
    expect(() => removeEntity(entities, russia.id)).toThrow('no entity');
  });

  it('put replaces an entity of the same id (undo of an edit)', () => {
    const edited = editEntity([russia, moscow], russia.id, { name: 'Russian Federation' }, DEFAULT_LABELS).entities;
    expect(putEntities(edited, [russia], DEFAULT_LABELS).entities).toEqual([russia, moscow]);
  });

  it('put refuses an entity whose name its type now has under another id, or whose type is gone', () => {
    const { entities } = removeEntity([russia, moscow], russia.id);
    const twin = addEntity(entities, { name: 'RUSSIA', type: 'actor' }, DEFAULT_LABELS).entities;
    expect(() => putEntities(twin, [russia], DEFAULT_LABELS)).toThrow('there is already an entity "RUSSIA" of this type');
    expect(() => putEntities(entities, [russia], DEFAULT_LABELS.filter((l) => l.id !== 'actor'))).toThrow('there is no label "actor"');
  });
});

describe('the entity a span names', () => {
  const list = listOf(
    { name: 'Sergei Lavrov', type: 'actor', aliases: ['Lavrov'] },
    { name: 'Russia', type: 'actor', aliases: ['Moscow'] },
    { name: 'Moscow', type: 'location' },
    { name: 'Kremlin', type: 'actor' },
    { name: 'The Kremlin', type: 'actor', aliases: ['Kremlin'] },
  );

  it('is the one entity of the span\'s label whose name or an alias the text is, case and space aside', () => {
    expect(entityNamed(list, 'sergei lavrov', 'actor')?.name).toBe('Sergei Lavrov');
    expect(entityNamed(list, ' LAVROV ', 'actor')?.name).toBe('Sergei Lavrov');
    expect(entityNamed(list, 'Moscow', 'actor')?.name).toBe('Russia');
    expect(entityNamed(list, 'Moscow', 'location')?.name).toBe('Moscow');
  });

  it('is none when no entity of that label, or more than one, matches', () => {
    expect(entityNamed(list, 'Lavrov', 'location')).toBeUndefined();
    expect(entityNamed(list, 'Sergei', 'actor')).toBeUndefined();
    expect(entityNamed(list, 'Kremlin', 'actor')).toBeUndefined();
    expect(entityNamed([], 'Kremlin', 'actor')).toBeUndefined();
  });

  it('compares keys as entityKey does: case, composition and runs of space aside', () => {
    expect(entityKey('  Cafe\u0301   NERO ')).toBe(entityKey('café nero'));
    expect(entityKey('Lavrov')).not.toBe(entityKey('Lavrov.'));
  });
});

describe('merge undone (property)', () => {
  const NAMES = ['Russia', 'russia', 'Moscow', 'Russian Federation', 'Lavrov', 'Sergei Lavrov', 'Kremlin', 'Assad', 'Café', 'Cafe\u0301', 'Aleppo', 'UN'];
  const input = fc.record({
    name: fc.constantFrom(...NAMES),
    type: fc.constantFrom('actor', 'location'),
    aliases: fc.array(fc.constantFrom(...NAMES, ' ', ' Moscow '), { maxLength: 4 }),
    wikidata: fc.option(fc.constantFrom('Q159', 'Q649', 'Q76'), { nil: undefined }),
    note: fc.option(fc.constantFrom('a note', 'another'), { nil: undefined }),
  });

  it('putting back what a merge returns as its undo gives the original entities', () => {
    fc.assert(
      fc.property(fc.array(input, { minLength: 2, maxLength: 8 }), fc.nat(), fc.nat(), (inputs, i, j) => {
        // Names repeated within a type are refused, as in the app.
        const list = inputs.reduce<Entity[]>((acc, e) => {
          try {
            return addEntity(acc, e, DEFAULT_LABELS).entities;
          } catch {
            return acc;
          }
        }, []);
        fc.pre(list.length >= 2);
        const from = list[i % list.length];
        const into = list[(i + 1 + (j % (list.length - 1))) % list.length];
        const undo = [findEntity(list, from.id), findEntity(list, into.id)];
        const merged = mergeEntityList(list, from.id, into.id);
        expect(merged.entities).toHaveLength(list.length - 1);
        expect(EntitiesFileSchema.safeParse({ schemaVersion: 1, entities: merged.entities }).success).toBe(true);
        const restored = putEntities(merged.entities, undo, DEFAULT_LABELS).entities;
        expect(byId(restored)).toEqual(byId(list));
      }),
      { numRuns: 300 },
    );
  });
});
