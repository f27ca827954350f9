import { describe, expect, it } from 'vitest';
import { createAnnotation, deleteAnnotation, restoreAnnotation, setEntityLinks, setRelation, updateAnnotation } from '../../main/core/annotations';
import { InvalidChangeError } from '../../main/core/errors';
import { DEFAULT_LABELS, DocumentFileSchema, MAX_ATTRIBUTE_LENGTH, SCHEMA_VERSION, type DocumentFile, type Label } from '../../main/core/model';
import { documentIdOf } from '../../main/core/text/readArticle';

const text = 'The Syrian Observatory said 13,346 civilians fled, and Sergei Lavrov said "the fighting is over" in Moscow.';
const docId = documentIdOf(text);
const author = { annotator: 'ana', now: '2026-12-05T10:00:00.000Z' };
const later = { annotator: 'ben', now: '2026-12-05T11:00:00.000Z' };
const empty: DocumentFile = {
  schemaVersion: SCHEMA_VERSION,
  document: { id: docId, title: 't', sourceName: 't.txt', text, importedAt: author.now, meta: {} },
  annotations: [],
  relations: [],
};
const RUSSIA = '6f0b4c0e-2a57-4b8e-9d0c-1f3e5a7b9c21';
const LAVROV = '0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f70';

/// The default labels, with the actor label declaring a choice attribute besides figure's measure.
const LABELS: Label[] = DEFAULT_LABELS.map((l) =>
  l.id === 'actor' ? { ...l, attributes: [{ id: 'role', name: 'Role', kind: 'choice', choices: ['official', 'witness'] }] } : l,
);

const at = (phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });
const create = (file: DocumentFile, label: string, phrase: string, more: { entityId?: string; attributes?: Record<string, string> } = {}) =>
  createAnnotation(file, { docId, label, ...at(phrase), ...more }, LABELS, author);

describe('entity links and attribute values on create', () => {
  it('stores the entity link and the values, trimmed, and the file validates', () => {
    const { file, result } = create(empty, 'figure', '13,346 civilians', { entityId: RUSSIA, attributes: { measure: '  civilians fled ' } });
    expect(result).toMatchObject({ label: 'figure', quote: '13,346 civilians', entityId: RUSSIA, attributes: { measure: 'civilians fled' } });
    expect(DocumentFileSchema.safeParse(file).success).toBe(true);
  });

  it('drops blank values, and leaves out attributes (and the link) altogether when none is left', () => {
    const { result } = create(empty, 'figure', '13,346 civilians', { attributes: { measure: '   ' } });
    expect('attributes' in result).toBe(false);
    expect('entityId' in result).toBe(false);
    const actor = create(empty, 'actor', 'Sergei Lavrov', { attributes: { role: 'official' } }).result;
    expect(actor.attributes).toEqual({ role: 'official' });
  });

  it('refuses an attribute the label does not declare', () => {
    expect(() => create(empty, 'figure', '13,346 civilians', { attributes: { unit: 'people' } })).toThrow('label "figure" has no attribute "unit"');
    expect(() => create(empty, 'location', 'Moscow', { attributes: { measure: 'x' } })).toThrow(InvalidChangeError);
    // A blank value of an unknown attribute is dropped before the check, as it sets nothing.
    expect(() => create(empty, 'location', 'Moscow', { attributes: { measure: ' ' } })).not.toThrow();
  });

  it('refuses a choice outside the declared choices, naming them', () => {
    expect(() => create(empty, 'actor', 'Sergei Lavrov', { attributes: { role: 'minister' } })).toThrow(
      '"minister" is not one of the choices of Role (official, witness)',
    );
    expect(() => create(empty, 'actor', 'Sergei Lavrov', { attributes: { role: 'Official' } })).toThrow(InvalidChangeError);
    expect(create(empty, 'actor', 'Sergei Lavrov', { attributes: { role: ' witness ' } }).result.attributes).toEqual({ role: 'witness' });
  });

  it('refuses a value longer than an attribute value may be, which would make the file unreadable', () => {
    const long = 'x'.repeat(MAX_ATTRIBUTE_LENGTH + 1);
    expect(() => create(empty, 'figure', '13,346 civilians', { attributes: { measure: long } })).toThrow(
      `the value of Measure is ${MAX_ATTRIBUTE_LENGTH + 1} characters long, over the limit of ${MAX_ATTRIBUTE_LENGTH}`,
    );
    const longest = create(empty, 'figure', '13,346 civilians', { attributes: { measure: ` ${'x'.repeat(MAX_ATTRIBUTE_LENGTH)} ` } });
    expect(DocumentFileSchema.safeParse(longest.file).success).toBe(true);
  });
});

describe('entity links and attribute values on update', () => {
  const figure = create(empty, 'figure', '13,346 civilians', { entityId: RUSSIA, attributes: { measure: 'civilians fled' } });

  it('sets and replaces the link and the values, stamping the change', () => {
    const { result } = updateAnnotation(figure.file, { id: figure.result.id, entityId: LAVROV, attributes: { measure: 'civilians killed' } }, LABELS, later);
    expect(result).toMatchObject({ entityId: LAVROV, attributes: { measure: 'civilians killed' }, annotator: 'ana', createdAt: author.now, updatedAt: later.now });
  });

  it('leaves what the change does not name as it was', () => {
    const { result } = updateAnnotation(figure.file, { id: figure.result.id, note: { type: 'doc', content: [] } }, LABELS, later);
    expect(result).toMatchObject({ entityId: RUSSIA, attributes: { measure: 'civilians fled' } });
  });

  it('null clears the link and every value; blank values given clear them too', () => {
    const cleared = updateAnnotation(figure.file, { id: figure.result.id, entityId: null, attributes: null }, LABELS, later);
    expect('entityId' in cleared.result || 'attributes' in cleared.result).toBe(false);
    expect(DocumentFileSchema.safeParse(cleared.file).success).toBe(true);
    expect('attributes' in updateAnnotation(figure.file, { id: figure.result.id, attributes: { measure: ' ' } }, LABELS, later).result).toBe(false);
  });

  it('refuses an unknown attribute, a choice outside the choices and an over-long value', () => {
    const actor = create(figure.file, 'actor', 'Sergei Lavrov');
    expect(() => updateAnnotation(figure.file, { id: figure.result.id, attributes: { role: 'official' } }, LABELS, later)).toThrow('has no attribute "role"');
    expect(() => updateAnnotation(actor.file, { id: actor.result.id, attributes: { role: 'spokesman' } }, LABELS, later)).toThrow('is not one of the choices');
    expect(() => updateAnnotation(figure.file, { id: figure.result.id, attributes: { measure: 'x'.repeat(MAX_ATTRIBUTE_LENGTH + 1) } }, LABELS, later)).toThrow(InvalidChangeError);
  });

  it('a relabel keeps the link and the values (relabelling back shows them again); values set with it are checked against the new label', () => {
    const asActor = updateAnnotation(figure.file, { id: figure.result.id, label: 'actor' }, LABELS, later);
    expect(asActor.result).toMatchObject({ label: 'actor', entityId: RUSSIA, attributes: { measure: 'civilians fled' } });
    expect(DocumentFileSchema.safeParse(asActor.file).success).toBe(true);
    const back = updateAnnotation(asActor.file, { id: figure.result.id, label: 'figure' }, LABELS, later);
    expect(back.result.attributes).toEqual({ measure: 'civilians fled' });
    expect(() => updateAnnotation(figure.file, { id: figure.result.id, label: 'actor', attributes: { measure: 'x' } }, LABELS, later)).toThrow('label "actor" has no attribute "measure"');
    // A value set beside one the new label does not declare: only the one set is checked, the
    // other stays (it was refused whole, so no attribute of a relabelled span could be edited).
    const withRole = updateAnnotation(asActor.file, { id: figure.result.id, attributes: { role: 'witness' } }, LABELS, later);
    expect(withRole.result.attributes).toEqual({ measure: 'civilians fled', role: 'witness' });
    expect(updateAnnotation(withRole.file, { id: figure.result.id, attributes: { role: null } }, LABELS, later).result.attributes).toEqual({ measure: 'civilians fled' });
    expect(updateAnnotation(withRole.file, { id: figure.result.id, attributes: { measure: ' ' } }, LABELS, later).result.attributes).toEqual({ role: 'witness' });
    expect(updateAnnotation(withRole.file, { id: figure.result.id, attributes: null }, LABELS, later).result.attributes).toBeUndefined();
  });

  it('delete and restore bring back the link and the values exactly', () => {
    const removed = deleteAnnotation(figure.file, figure.result.id);
    expect(restoreAnnotation(removed.file, removed.result, LABELS).file).toEqual(figure.file);
  });
});

describe('source links: a figure to the actor it is attributed to', () => {
  let file = create(empty, 'figure', '13,346 civilians').file;
  const figure = file.annotations[0];
  const observatory = create(file, 'actor', 'The Syrian Observatory');
  file = observatory.file;
  const lavrov = create(file, 'actor', 'Sergei Lavrov');
  file = lavrov.file;
  const quote = create(file, 'quote', '"the fighting is over"');
  file = quote.file;
  const moscow = create(file, 'location', 'Moscow');
  file = moscow.file;

  it('links a figure to an actor, and replaces its source on a second link', () => {
    const linked = setRelation(file, 'source', figure.id, observatory.result.id, author);
    expect(linked.result).toMatchObject({ type: 'source', from: figure.id, to: observatory.result.id, annotator: 'ana' });
    expect(DocumentFileSchema.safeParse(linked.file).success).toBe(true);
    const moved = setRelation(linked.file, 'source', figure.id, lavrov.result.id, author);
    expect(moved.file.relations.map((r) => [r.type, r.from, r.to])).toEqual([['source', figure.id, lavrov.result.id]]);
    expect(setRelation(moved.file, 'source', figure.id, null, author).file.relations).toEqual([]);
  });

  it('only from a figure, and only to an actor', () => {
    expect(() => setRelation(file, 'source', quote.result.id, lavrov.result.id, author)).toThrow('only a figure can have a source');
    expect(() => setRelation(file, 'source', lavrov.result.id, observatory.result.id, author)).toThrow('only a figure can have a source');
    expect(() => setRelation(file, 'source', figure.id, moscow.result.id, author)).toThrow('a source must be an actor annotation');
    expect(() => setRelation(file, 'source', figure.id, quote.result.id, author)).toThrow(InvalidChangeError);
    expect(() => setRelation(file, 'speaker', figure.id, lavrov.result.id, author)).toThrow('only a quote can have a speaker');
  });

  it('a source and a speaker link live side by side; each replaces only its own type', () => {
    let both = setRelation(file, 'source', figure.id, observatory.result.id, author).file;
    both = setRelation(both, 'speaker', quote.result.id, lavrov.result.id, author).file;
    both = setRelation(both, 'source', figure.id, lavrov.result.id, author).file;
    expect(both.relations.map((r) => [r.type, r.from, r.to]).sort()).toEqual(
      [
        ['source', figure.id, lavrov.result.id],
        ['speaker', quote.result.id, lavrov.result.id],
      ].sort(),
    );
  });

  it('relabelling the figure drops its source link; relabelling the actor drops the links to it; other links stay', () => {
    let linked = setRelation(file, 'source', figure.id, observatory.result.id, author).file;
    linked = setRelation(linked, 'speaker', quote.result.id, lavrov.result.id, author).file;
    const relabelled = updateAnnotation(linked, { id: figure.id, label: 'quote' }, LABELS, later);
    expect(relabelled.file.relations.map((r) => r.type)).toEqual(['speaker']);
    const actorGone = updateAnnotation(linked, { id: observatory.result.id, label: 'location' }, LABELS, later);
    expect(actorGone.file.relations.map((r) => r.type)).toEqual(['speaker']);
    // Relabelled to its own label, or changed otherwise, a figure keeps its source.
    expect(updateAnnotation(linked, { id: figure.id, label: 'figure', attributes: { measure: 'fled' } }, LABELS, later).file.relations).toHaveLength(2);
  });

  it('deleting either end drops the source link, and restoring brings it back', () => {
    const linked = setRelation(file, 'source', figure.id, observatory.result.id, author).file;
    const removed = deleteAnnotation(linked, observatory.result.id);
    expect(removed.file.relations).toEqual([]);
    expect(removed.result.relations.map((r) => r.type)).toEqual(['source']);
    expect(restoreAnnotation(removed.file, removed.result, LABELS).file).toEqual(linked);
  });

  it('restoring an actor leaves out a link whose other end no longer fits it (the figure was relabelled meanwhile)', () => {
    let linked = setRelation(file, 'source', figure.id, observatory.result.id, author).file;
    linked = setRelation(linked, 'speaker', quote.result.id, observatory.result.id, author).file;
    const removed = deleteAnnotation(linked, observatory.result.id);
    expect(removed.result.relations.map((r) => r.type).sort()).toEqual(['source', 'speaker']);
    const relabelled = updateAnnotation(removed.file, { id: figure.id, label: 'location' }, LABELS, later).file;
    const restored = restoreAnnotation(relabelled, removed.result, LABELS);
    expect(restored.file.relations.map((r) => [r.type, r.from, r.to])).toEqual([['speaker', quote.result.id, observatory.result.id]]);
    expect(restored.file.annotations.map((a) => a.id)).toContain(observatory.result.id);
  });
});

describe('setting entity links across a document (what merge, delete and undo use)', () => {
  let file = create(empty, 'actor', 'The Syrian Observatory', { entityId: RUSSIA }).file;
  file = create(file, 'actor', 'Sergei Lavrov', { entityId: RUSSIA }).file;
  file = create(file, 'location', 'Moscow').file;
  const [observatory, lavrov, moscow] = file.annotations;

  it('links the ids given, counting only those that changed, and stamps them', () => {
    const { file: next, result } = setEntityLinks(file, [observatory.id, lavrov.id, moscow.id], LAVROV, later);
    expect(result).toBe(3);
    expect(next.annotations.map((a) => [a.entityId, a.updatedAt])).toEqual([
      [LAVROV, later.now],
      [LAVROV, later.now],
      [LAVROV, later.now],
    ]);
    expect(setEntityLinks(next, [observatory.id], LAVROV, author).result).toBe(0);
  });

  it('unlinks with null, keeping the spans; ids no longer in the document are passed over', () => {
    const { file: next, result } = setEntityLinks(file, [observatory.id, moscow.id, '11111111-2222-4333-8444-555555555555'], null, later);
    expect(result).toBe(1);
    expect(next.annotations.map((a) => a.entityId)).toEqual([undefined, RUSSIA, undefined]);
    expect('entityId' in next.annotations[0]).toBe(false);
    expect(next.annotations.map((a) => a.quote)).toEqual(file.annotations.map((a) => a.quote));
  });

  it('returns the file itself when nothing changes', () => {
    expect(setEntityLinks(file, [moscow.id], null, later).file).toBe(file);
  });
});
