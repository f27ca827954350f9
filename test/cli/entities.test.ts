// `awb entities list|add|alias|rename|merge|delete` on a workspace whose annotations are linked
// to entities through the core (as the app links them), `awb check` clean after each change, and
// what `awb check` reports of the entity list and of links to entities not in it.
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../main/core/annotations';
import { importSeeds } from '../../main/core/importArticles';
import type { Annotation, DocumentFile, Entity } from '../../main/core/model';
import { DANGLING_LINKS_QUOTED, checkWorkspace } from '../../main/core/store/checkWorkspace';
import { Workspace } from '../../main/core/store/workspace';
import { awb, repoRoot, tempDir } from '../helpers';

/// A workspace holding the five seed articles.
async function seededWorkspace(): Promise<string> {
  const dir = join(tempDir(), 'w');
  const workspace = await Workspace.open(dir, { app: 'test' });
  await importSeeds(workspace, join(repoRoot, 'seeds'));
  await workspace.close();
  return dir;
}

/// Tags the first `word` of each of the first `documents` documents (in id order) as `label`,
/// linked to `entityId`, as the app does; resolves with the annotations' ids by document.
async function tagLinked(dir: string, word: string, label: string, entityId: string, documents: number): Promise<Map<string, string>> {
  const workspace = await Workspace.open(dir, { app: 'test' });
  const tagged = new Map<string, string>();
  try {
    for (const docId of workspace.documentIds().sort().slice(0, documents)) {
      const annotation = await workspace.updateDocument(docId, (file) => {
        const start = file.document.text.indexOf(word);
        expect(start, `${word} in ${docId}`).toBeGreaterThanOrEqual(0);
        const input = { docId, label, start, end: start + word.length, entityId };
        return createAnnotation(file, input, workspace.labels, { annotator: 'ana', now: new Date().toISOString() });
      });
      tagged.set(docId, annotation.id);
    }
  } finally {
    await workspace.close();
  }
  return tagged;
}

/// Every annotation of the workspace, read from the document files.
function annotationsOf(dir: string): Annotation[] {
  return readdirSync(join(dir, 'documents'))
    .filter((name) => name.endsWith('.json'))
    .flatMap((name) => (JSON.parse(readFileSync(join(dir, 'documents', name), 'utf8')) as DocumentFile).annotations);
}

type Listed = Entity & { mentions: number; documents: { docId: string; mentions: number }[] };

function listed(dir: string, ...args: string[]): Listed[] {
  const result = awb('entities', 'list', '--json', ...args, '--workspace', dir);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Listed[];
}

function added(dir: string, ...args: string[]): Entity {
  const result = awb('entities', 'add', ...args, '--json', '--workspace', dir);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Entity;
}

function expectCheckClean(dir: string): void {
  const check = awb('check', '--workspace', dir);
  expect(check.stderr).toBe('');
  expect(check.code).toBe(0);
}

describe('awb entities add / list', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await seededWorkspace();
  });

  it('adds an entity with aliases and a Wikidata id, and lists it with its mentions and documents', async () => {
    const add = awb('entities', 'add', 'Russia', '--type', 'location', '--alias', 'Moscow', '--alias', 'Russian Federation', '--wikidata', 'Q159', '--workspace', dir);
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/^added [0-9a-f-]{36} {2}Russia {2}\(location, Q159; aliases: Moscow; Russian Federation\)\n$/);
    const [russia] = listed(dir);
    expect(russia).toMatchObject({ name: 'Russia', type: 'location', aliases: ['Moscow', 'Russian Federation'], wikidata: 'Q159', mentions: 0, documents: [] });
    const linked = await tagLinked(dir, 'Russia', 'location', russia.id, 2);
    const [counted] = listed(dir);
    expect(counted.mentions).toBe(2);
    expect(counted.documents.map((d) => d.docId).sort()).toEqual([...linked.keys()].sort());
    const table = awb('entities', 'list', '--workspace', dir);
    expect(table.code).toBe(0);
    expect(table.stdout).toBe(`${russia.id.slice(0, 8)}  location   Q159            2 mentions     2 documents  Russia  (aliases: Moscow; Russian Federation)\n`);
    expectCheckClean(dir);
  });

  it('adds with --json, filters the list by --type, and prints an empty list as such', () => {
    const lavrov = added(dir, 'Sergei Lavrov', '--type', 'actor', '--alias', 'Lavrov', '--alias', 'lavrov ', '--wikidata', 'q42');
    expect(lavrov).toEqual({ id: lavrov.id, name: 'Sergei Lavrov', type: 'actor', aliases: ['Lavrov'], wikidata: 'Q42' });
    expect(listed(dir, '--type', 'actor').map((e) => e.name)).toEqual(['Sergei Lavrov']);
    expect(listed(dir).map((e) => e.name)).toEqual(['Russia', 'Sergei Lavrov']);
    expect(awb('entities', 'list', '--type', 'quote', '--workspace', dir).stdout).toBe('(no entities of type quote)\n');
    const noLabel = awb('entities', 'list', '--type', 'place', '--workspace', dir);
    expect(noLabel.code).toBe(1);
    expect(noLabel.stderr).toBe('awb: there is no label "place" for an entity\'s type (labels: actor, location, figure, quote)\n');
    expect(awb('entities', 'list', '--workspace', join(tempDir(), 'none')).stderr).toMatch(/^awb: no workspace at /);
  });

  it('refuses a second entity of one name and type, an unknown type, a bad Wikidata id (exit 1) and a missing --type (exit 2)', () => {
    const twin = awb('entities', 'add', 'RUSSIA', '--type', 'location', '--workspace', dir);
    expect(twin.code).toBe(1);
    expect(twin.stderr).toBe('awb: there is already an entity "Russia" of this type\n');
    const unknownType = awb('entities', 'add', 'Aleppo', '--type', 'city', '--workspace', dir);
    expect(unknownType.code).toBe(1);
    expect(unknownType.stderr).toMatch(/no label "city" .*labels: actor, location, figure, quote/);
    const wikidata = awb('entities', 'add', 'Aleppo', '--type', 'location', '--wikidata', '159', '--workspace', dir);
    expect(wikidata.code).toBe(1);
    expect(wikidata.stderr).toMatch(/wikidata: expected a Wikidata id such as Q159/);
    expect(awb('entities', 'add', 'Aleppo', '--workspace', dir).code).toBe(2);
    expect(listed(dir)).toHaveLength(2);
  });

  it('has --help on every command', () => {
    for (const command of ['list', 'add', 'alias', 'rename', 'merge', 'delete']) {
      const help = awb('entities', command, '--help');
      expect(help.code, command).toBe(0);
      expect(help.stdout, command).toContain('--workspace <dir>');
    }
  });
});

describe('awb entities alias / rename, and naming an entity', () => {
  let dir: string;
  let russia: Entity;
  let actor: Entity;
  beforeAll(async () => {
    dir = await seededWorkspace();
    russia = added(dir, 'Russia', '--type', 'location', '--alias', 'Russian Federation');
    actor = added(dir, 'Russia', '--type', 'actor');
    await tagLinked(dir, 'Russia', 'location', russia.id, 3);
  });

  it('names an entity by its id, the start of its id or its name; an ambiguous name names the candidates', () => {
    const ambiguous = awb('entities', 'rename', 'russia', 'Russland', '--workspace', dir);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toBe(`awb: "russia" could be 2 entities: Russia (location, ${russia.id.slice(0, 8)}), Russia (actor, ${actor.id.slice(0, 8)}); give the start of its id\n`);
    const unknown = awb('entities', 'alias', 'Ukraine', 'Kyiv', '--workspace', dir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^awb: no entity "Ukraine" in this workspace \(give its id, the start of its id or its name/);
    const alias = awb('entities', 'delete', 'russian federation', '--workspace', dir);
    expect(alias.code).toBe(1);
    expect(alias.stderr).toBe(`awb: no entity "russian federation" in this workspace; it is an alias of Russia (location, ${russia.id.slice(0, 8)})\n`);
    // Fewer than 8 hex digits is no id prefix (and no name).
    expect(awb('entities', 'alias', russia.id.slice(0, 6), 'RF', '--workspace', dir).code).toBe(1);
    const byPrefix = awb('entities', 'alias', russia.id.slice(0, 8), 'RF', '--json', '--workspace', dir);
    expect(byPrefix.code).toBe(0);
    expect((JSON.parse(byPrefix.stdout) as Entity).aliases).toEqual(['Russian Federation', 'RF']);
    const byId = awb('entities', 'alias', actor.id.toUpperCase(), 'the Kremlin', '--workspace', dir);
    expect(byId.stdout).toBe(`${actor.id}  Russia  (actor; aliases: the Kremlin)\n`);
    expect(listed(dir).map((e) => e.name)).toEqual(['Russia', 'Russia']);
  });

  it('adds aliases (passing over those it has) and removes them; an alias it lacks is an error and changes nothing', () => {
    const again = awb('entities', 'alias', russia.id, 'rf', 'Russia', 'Rossiya', '--json', '--workspace', dir);
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as Entity).aliases).toEqual(['Russian Federation', 'RF', 'Rossiya']);
    const missing = awb('entities', 'alias', russia.id, 'rf', 'USSR', '--remove', '--workspace', dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`awb: "USSR" is not an alias of Russia (location, ${russia.id.slice(0, 8)}) (its aliases: Russian Federation; RF; Rossiya)\n`);
    const removed = awb('entities', 'alias', russia.id, 'rf', 'ROSSIYA', '--remove', '--workspace', dir);
    expect(removed.stderr).toBe('');
    expect(removed.stdout).toBe(`${russia.id}  Russia  (location; aliases: Russian Federation)\n`);
    expectCheckClean(dir);
  });

  it('renames an entity: the old name stays an alias and every link stays', () => {
    const renamed = awb('entities', 'rename', russia.id.slice(0, 8), 'Russian Federation', '--workspace', dir);
    expect(renamed.stderr).toBe('');
    expect(renamed.code).toBe(0);
    expect(renamed.stdout).toBe(`renamed "Russia" to "Russian Federation" (the old name stays an alias)\n${russia.id}  Russian Federation  (location; aliases: Russia)\n`);
    // The name is no longer ambiguous: the actor is the only "Russia" now.
    const json = awb('entities', 'rename', 'Russia', 'Kremlin', '--json', '--workspace', dir);
    expect(JSON.parse(json.stdout)).toEqual({ id: actor.id, name: 'Kremlin', type: 'actor', aliases: ['the Kremlin', 'Russia'] });
    const location = listed(dir, '--type', 'location')[0];
    expect(location).toMatchObject({ id: russia.id, name: 'Russian Federation', aliases: ['Russia'], mentions: 3 });
    expect(annotationsOf(dir).filter((a) => a.entityId === russia.id)).toHaveLength(3);
    const clash = awb('entities', 'rename', 'Kremlin', 'kremlin ', '--workspace', dir);
    expect(clash.stdout).toBe(`renamed "Kremlin" to "kremlin"\n${actor.id}  kremlin  (actor; aliases: the Kremlin; Russia)\n`);
    expectCheckClean(dir);
  });
});

describe('awb entities merge / delete', () => {
  let dir: string;
  let russia: Entity;
  let moscow: Entity;
  let aleppo: Entity;
  let moscowLinks: Map<string, string>;
  let russiaLinks: Map<string, string>;
  beforeAll(async () => {
    dir = await seededWorkspace();
    russia = added(dir, 'Russia', '--type', 'location', '--wikidata', 'Q159');
    moscow = added(dir, 'Moscow', '--type', 'location', '--alias', 'the Kremlin', '--wikidata', 'Q649');
    aleppo = added(dir, 'Aleppo', '--type', 'location');
    russiaLinks = await tagLinked(dir, 'Russia', 'location', russia.id, 2);
    moscowLinks = await tagLinked(dir, 'Moscow', 'location', moscow.id, 4);
    await tagLinked(dir, 'Aleppo', 'location', aleppo.id, 5);
  });

  it('merges an entity into another: every link in every document moves, the name becomes an alias, after a backup', () => {
    expect(awb('entities', 'merge', 'Moscow', 'moscow', '--workspace', dir).stderr).toMatch(/are one entity, Moscow \(location/);
    const merged = awb('entities', 'merge', 'Moscow', 'Russia', '--workspace', dir);
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(0);
    const lines = merged.stdout.trim().split('\n');
    expect(lines[0]).toBe('merged "Moscow" into "Russia": 4 annotations in 4 documents linked to it');
    expect(lines[1]).toBe(`${russia.id}  Russia  (location, Q159; aliases: Moscow; the Kremlin)`);
    const backup = lines[2].match(/^backup (\S+) holds both as they were/)![1];
    const annotations = annotationsOf(dir);
    expect(annotations.filter((a) => a.entityId === moscow.id)).toEqual([]);
    for (const [docId, id] of [...moscowLinks, ...russiaLinks]) {
      expect(annotations.find((a) => a.id === id), docId).toMatchObject({ docId, entityId: russia.id });
    }
    const [, kept] = listed(dir);
    expect(kept).toMatchObject({ id: russia.id, mentions: 6, aliases: ['Moscow', 'the Kremlin'], wikidata: 'Q159' });
    expect(kept.documents.map((d) => d.mentions).sort()).toEqual([1, 1, 2, 2]);
    expect(listed(dir).map((e) => e.name)).toEqual(['Aleppo', 'Russia']);
    const held = JSON.parse(readFileSync(join(dir, 'backups', backup, 'entities.json'), 'utf8')) as { entities: Entity[] };
    expect(held.entities.map((e) => e.name)).toEqual(['Russia', 'Moscow', 'Aleppo']);
    expect(awb('entities', 'merge', 'Moscow', 'Russia', '--workspace', dir).stderr).toMatch(/^awb: no entity "Moscow" in this workspace; it is an alias of Russia/);
    expectCheckClean(dir);
  });

  it('merges with --json', () => {
    const syria = added(dir, 'Syria', '--type', 'location');
    const json = awb('entities', 'merge', syria.id, aleppo.id.slice(0, 13), '--json', '--workspace', dir);
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout) as { merged: Entity; entity: Entity; relinked: { annotations: number; documents: number }; backup: string };
    expect(result).toMatchObject({ merged: syria, entity: { id: aleppo.id, aliases: ['Syria'] }, relinked: { annotations: 0, documents: 0 } });
    expect(result.backup).toMatch(/^\d{4}-/);
  });

  it('deletes entities: their annotations lose the link and keep their spans; an unknown one deletes nothing', () => {
    const before = annotationsOf(dir);
    const unknown = awb('entities', 'delete', 'Russia', 'Atlantis', '--workspace', dir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^awb: no entity "Atlantis"/);
    expect(listed(dir)).toHaveLength(2);
    const deleted = awb('entities', 'delete', 'Russia', russia.id, '--workspace', dir);
    expect(deleted.stderr).toBe('');
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toMatch(new RegExp(`^deleted Russia \\(location, ${russia.id.slice(0, 8)}\\): 6 annotations in 4 documents unlinked, their spans kept\nbackup \\S+ holds it as it was`));
    const after = annotationsOf(dir);
    expect(after).toHaveLength(before.length);
    for (const a of before.filter((b) => b.entityId === russia.id)) {
      const { entityId: _entityId, updatedAt: _updatedAt, ...span } = a;
      const now = after.find((b) => b.id === a.id)!;
      expect(now.entityId).toBeUndefined();
      expect(now).toMatchObject(span);
    }
    expect(listed(dir).map((e) => e.name)).toEqual(['Aleppo']);
    const json = awb('entities', 'delete', aleppo.id.slice(0, 8), '--json', '--workspace', dir);
    expect(JSON.parse(json.stdout)).toMatchObject({ deleted: [{ entity: { id: aleppo.id, name: 'Aleppo' }, unlinked: { annotations: 5, documents: 5 } }] });
    expect(annotationsOf(dir).filter((a) => a.entityId)).toEqual([]);
    expect(awb('entities', 'list', '--workspace', dir).stdout).toBe('(no entities)\n');
    expectCheckClean(dir);
  });
});

describe('awb check and the entity list', () => {
  const writeEntities = (dir: string, entities: unknown[]) => writeFileSync(join(dir, 'entities.json'), JSON.stringify({ schemaVersion: 1, entities }));
  const entity = (name: string, type: string, id: string = randomUUID()) => ({ id, name, type, aliases: [] });

  it('reports a damaged entities.json as damaged, pointing at awb repair, and no link as dangling then', async () => {
    const dir = await seededWorkspace();
    await tagLinked(dir, 'Aleppo', 'location', randomUUID(), 2);
    writeEntities(dir, [{ id: 'not-a-uuid', name: 'Aleppo', type: 'location', aliases: [] }]);
    const check = awb('check', '--workspace', dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(`awb check: ${join(dir, 'entities.json')} is damaged: `);
    expect(check.stderr).not.toMatch(/link to an entity/);
    expect(check.stderr.trim().split('\n').at(-1)).toMatch(/^awb check: run "awb repair --workspace .*" \(or open the workbench\)/);
  });

  it('counts the annotations linked to an entity not in the list, quoting a few, as a note (the app shows them unlinked; a repair from an older backup leaves such links)', async () => {
    const dir = await seededWorkspace();
    const gone = randomUUID();
    const linked = await tagLinked(dir, 'Aleppo', 'location', gone, 5);
    writeEntities(dir, [entity('Aleppo', 'location')]);
    const result = await checkWorkspace(dir);
    expect(result.damaged).toBe(0);
    expect(result.problems).toEqual([]);
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]).toMatch(
      new RegExp(`^5 annotation\\(s\\) link to an entity that is not in entities\\.json \\(the app shows them unlinked\\): documents/[0-9a-f]{64}\\.json: annotation [0-9a-f-]{36} → ${gone}; .*; .*; and 2 more$`),
    );
    expect(result.notes[0].split('; ')).toHaveLength(DANGLING_LINKS_QUOTED + 1);
    expect([...linked.values()].filter((id) => result.notes[0].includes(id))).toHaveLength(DANGLING_LINKS_QUOTED);
    // Without an entities.json every link is to an entity not in the list.
    rmSync(join(dir, 'entities.json'));
    expect((await checkWorkspace(dir)).notes[0]).toMatch(/^5 annotation\(s\) link to an entity/);
  });

  it('reports an id twice and two entities of one name and type; a type that is no label is a note', async () => {
    const dir = await seededWorkspace();
    const twice = randomUUID();
    const first = entity('Russia', 'location');
    const again = entity(' russia', 'location');
    writeEntities(dir, [first, entity('Russia', 'actor'), entity('Moscow', 'location', twice), entity('Kremlin', 'actor', twice), again, entity('Assad', 'person')]);
    const result = await checkWorkspace(dir);
    expect(result.problems).toEqual([
      `entities.json: entity ${twice} appears twice`,
      `entities.json: entities ${first.id} "Russia" and ${again.id} "russia" have one name and type (location)`,
    ]);
    expect(result.damaged).toBe(0);
    expect(result.notes).toEqual([expect.stringMatching(/^entities\.json: entity [0-9a-f-]{36} "Assad" has type "person", which is no label/)]);
  });
});
