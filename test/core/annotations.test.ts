import { describe, expect, it } from 'vitest';
import {
  AnnotationLimitError,
  createAnnotation,
  deleteAnnotation,
  restoreAnnotation,
  setRelation,
  trimSpan,
  updateAnnotation,
} from '../../main/core/annotations';
import { InvalidChangeError } from '../../main/core/errors';
import { checkLabelList } from '../../main/core/labels';
import {
  DEFAULT_LABELS,
  DocumentFileSchema,
  MAX_ANNOTATIONS_PER_DOCUMENT,
  MAX_NOTE_JSON_LENGTH,
  NoteSchema,
  SCHEMA_VERSION,
  notePlainText,
  type Annotation,
  type DocumentFile,
  type NoteNode,
} from '../../main/core/model';
import { splitsSurrogatePair, surrogateSplitProblem } from '../../main/core/offsets';
import { documentIdOf } from '../../main/core/text/readArticle';

const text = '"We will not leave," said Staffan de Mistura 😀 in Geneva.\n\nSecond paragraph.';
const docId = documentIdOf(text);
const author = { annotator: 'ana', now: '2026-11-22T10:00:00.000Z' };
const empty: DocumentFile = {
  schemaVersion: SCHEMA_VERSION,
  document: { id: docId, title: 't', sourceName: 't.txt', text, importedAt: author.now, meta: {} },
  annotations: [],
  relations: [],
};
const at = (phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });
const create = (file: DocumentFile, label: string, phrase: string) =>
  createAnnotation(file, { docId, label, ...at(phrase) }, DEFAULT_LABELS, author);

describe('creating annotations', () => {
  it('records the covered text, annotator, times and origin, and the result validates', () => {
    const { file, result } = create(empty, 'actor', 'Staffan de Mistura');
    expect(result).toMatchObject({ label: 'actor', quote: 'Staffan de Mistura', annotator: 'ana', origin: 'manual', createdAt: author.now });
    expect(text.slice(result.start, result.end)).toBe('Staffan de Mistura');
    expect(DocumentFileSchema.safeParse(file).success).toBe(true);
    expect(empty.annotations).toEqual([]);
  });

  it('trims surrounding whitespace, across paragraphs too', () => {
    const { result } = createAnnotation(empty, { docId, label: 'quote', start: text.indexOf('Geneva') - 1, end: text.indexOf('Second') + 6 }, DEFAULT_LABELS, author);
    expect(result.quote).toBe('Geneva.\n\nSecond');
    expect(text.slice(result.start, result.end)).toBe(result.quote);
    expect(trimSpan('  a b \n', 0, 7)).toEqual({ start: 2, end: 5 });
  });

  it('rejects empty, whitespace-only, out-of-range and surrogate-splitting spans, and unknown labels', () => {
    const emoji = text.indexOf('😀');
    const cases = [
      { start: 5, end: 5 },
      { start: text.indexOf('\n'), end: text.indexOf('\n') + 2 },
      { start: 0, end: text.length + 1 },
      { start: emoji + 1, end: emoji + 2 },
      { start: emoji, end: emoji + 1 },
    ];
    for (const span of cases) {
      expect(() => createAnnotation(empty, { docId, label: 'actor', ...span }, DEFAULT_LABELS, author), JSON.stringify(span)).toThrow(InvalidChangeError);
    }
    expect(() => create(empty, 'person', 'Geneva')).toThrow('unknown label "person"');
    expect(createAnnotation(empty, { docId, label: 'figure', start: emoji, end: emoji + 2 }, DEFAULT_LABELS, author).result.quote).toBe('😀');
  });

  it('keeps overlapping and nested spans, in text order (outer first)', () => {
    let file = create(empty, 'actor', 'Staffan de Mistura').file;
    file = create(file, 'quote', '"We will not leave," said Staffan').file;
    file = create(file, 'location', 'Geneva').file;
    expect(file.annotations.map((a) => a.label)).toEqual(['quote', 'actor', 'location']);
  });
});

describe('changing, deleting and restoring', () => {
  it('relabels and sets or clears a note', () => {
    const { file, result } = create(empty, 'actor', 'Geneva');
    const note = { type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'city' }] }] };
    const relabelled = updateAnnotation(file, { id: result.id, label: 'location', note }, DEFAULT_LABELS, { ...author, now: '2026-11-22T11:00:00.000Z' });
    expect(relabelled.result).toMatchObject({ label: 'location', note, createdAt: author.now, updatedAt: '2026-11-22T11:00:00.000Z' });
    const cleared = updateAnnotation(relabelled.file, { id: result.id, note: null }, DEFAULT_LABELS, author);
    expect(cleared.result.note).toBeUndefined();
    expect('note' in cleared.result).toBe(false);
  });

  it('links a quote to its speaker, replaces the link, and drops it when either side is deleted', () => {
    let file = create(empty, 'quote', '"We will not leave,"').file;
    const quote = file.annotations[0];
    const actor = create(file, 'actor', 'Staffan de Mistura');
    file = actor.file;
    const linked = setRelation(file, 'speaker', quote.id, actor.result.id, author);
    expect(linked.result).toMatchObject({ type: 'speaker', from: quote.id, to: actor.result.id, annotator: 'ana' });
    const again = setRelation(linked.file, 'speaker', quote.id, actor.result.id, author);
    expect(again.file.relations).toHaveLength(1);
    expect(() => setRelation(again.file, 'speaker', actor.result.id, quote.id, author)).toThrow('only a quote can have a speaker');
    const removed = deleteAnnotation(again.file, actor.result.id);
    expect(removed.file.relations).toEqual([]);
    expect(removed.result.relations).toHaveLength(1);
    const restored = restoreAnnotation(removed.file, removed.result, DEFAULT_LABELS);
    expect(restored.file).toEqual(again.file);
    expect(() => restoreAnnotation(restored.file, removed.result, DEFAULT_LABELS)).toThrow('already exists');
    expect(setRelation(restored.file, 'speaker', quote.id, null, author).file.relations).toEqual([]);
  });

  it('relabelling a quote or an actor drops the speaker links that no longer fit', () => {
    let file = create(empty, 'quote', '"We will not leave,"').file;
    const quote = file.annotations[0];
    const actor = create(file, 'actor', 'Staffan de Mistura');
    file = setRelation(actor.file, 'speaker', quote.id, actor.result.id, author).file;
    expect(updateAnnotation(file, { id: actor.result.id, label: 'location' }, DEFAULT_LABELS, author).file.relations).toEqual([]);
  });
});

describe('spans never cut a surrogate pair (issue 14, finding 7)', () => {
  const emoji = text.indexOf('😀');

  it('one check says where a span cuts a character', () => {
    expect(splitsSurrogatePair(text, emoji + 1)).toBe(true);
    expect([emoji, emoji + 2, 0, text.length].map((o) => splitsSurrogatePair(text, o))).toEqual([false, false, false, false]);
    expect(splitsSurrogatePair('\uD83D', 1)).toBe(false);
    expect(surrogateSplitProblem(text, emoji, emoji + 2)).toBeNull();
    expect(surrogateSplitProblem(text, emoji, emoji + 1)).toMatch(/^ends inside a character/);
    expect(surrogateSplitProblem(text, emoji + 1, emoji + 2)).toMatch(/^starts inside a character/);
    expect(surrogateSplitProblem(text, emoji + 1, emoji + 1)).toMatch(/^starts and ends inside a character/);
  });

  it('create refuses a span that starts or ends inside an emoji, naming the reason', () => {
    expect(() => createAnnotation(empty, { docId, label: 'actor', start: emoji + 1, end: emoji + 5 }, DEFAULT_LABELS, author)).toThrow(
      `span ${emoji + 1}–${emoji + 5} starts inside a character`,
    );
    expect(() => createAnnotation(empty, { docId, label: 'actor', start: emoji - 3, end: emoji + 1 }, DEFAULT_LABELS, author)).toThrow(
      `span ${emoji - 3}–${emoji + 1} ends inside a character`,
    );
  });

  it('restore refuses a removed annotation whose span is half of a surrogate pair', () => {
    const whole = createAnnotation(empty, { docId, label: 'figure', start: emoji, end: emoji + 2 }, DEFAULT_LABELS, author).result;
    for (const half of [{ start: emoji, end: emoji + 1 }, { start: emoji + 1, end: emoji + 2 }]) {
      const annotation: Annotation = { ...whole, ...half, quote: text.slice(half.start, half.end) };
      expect(() => restoreAnnotation(empty, { annotation, relations: [] }, DEFAULT_LABELS), JSON.stringify(half)).toThrow(InvalidChangeError);
      expect(() => restoreAnnotation(empty, { annotation, relations: [] }, DEFAULT_LABELS)).toThrow('inside a character');
    }
    expect(restoreAnnotation(empty, { annotation: whole, relations: [] }, DEFAULT_LABELS).result.quote).toBe('😀');
  });

  it('restore refuses a span outside the text or empty', () => {
    const whole = create(empty, 'actor', 'Geneva').result;
    for (const span of [{ start: -1, end: 3 }, { start: 4, end: 4 }]) {
      const annotation = { ...whole, ...span, quote: '' };
      expect(() => restoreAnnotation(empty, { annotation, relations: [] }, DEFAULT_LABELS)).toThrow('does not match the text');
    }
  });
});

describe('limits (issue 14, finding 8)', () => {
  const full = (): DocumentFile => {
    const one = create(empty, 'actor', 'Geneva').result;
    return { ...empty, annotations: new Array<Annotation>(MAX_ANNOTATIONS_PER_DOCUMENT).fill(one) };
  };

  it('a document at the annotation limit refuses another, with its own error code; one below takes it', () => {
    const file = full();
    const attempt = () => create(file, 'location', 'Geneva');
    expect(attempt).toThrow(AnnotationLimitError);
    expect(attempt).toThrow('"t" already holds 50,000 annotations, the most one document may hold; delete some before adding more');
    try {
      attempt();
    } catch (error) {
      expect((error as AnnotationLimitError).code).toBe('annotation-limit');
    }
    const below = { ...file, annotations: file.annotations.slice(1) };
    expect(create(below, 'location', 'Geneva').file.annotations).toHaveLength(MAX_ANNOTATIONS_PER_DOCUMENT);
  });

  it('restore (undo of a delete) respects the limit too', () => {
    const file = full();
    const created = create(empty, 'quote', 'Second');
    const removed = deleteAnnotation(created.file, created.result.id);
    expect(() => restoreAnnotation(file, removed.result, DEFAULT_LABELS)).toThrow(AnnotationLimitError);
  });

  it('refuses a note longer than the limit when creating, updating or restoring', () => {
    const long: NoteNode = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(9_000) }, { type: 'text', text: 'y'.repeat(9_000) }, { type: 'text', text: 'z'.repeat(9_000) }] }] };
    expect(JSON.stringify(long).length).toBeGreaterThan(MAX_NOTE_JSON_LENGTH);
    expect(() => createAnnotation(empty, { docId, label: 'actor', ...at('Geneva'), note: long }, DEFAULT_LABELS, author)).toThrow(
      /the note is 27,\d{3} characters as JSON, over the limit of 20,000/,
    );
    const { file, result } = create(empty, 'actor', 'Geneva');
    expect(() => updateAnnotation(file, { id: result.id, note: long }, DEFAULT_LABELS, author)).toThrow(InvalidChangeError);
    expect(() => restoreAnnotation(empty, { annotation: { ...result, note: long }, relations: [] }, DEFAULT_LABELS)).toThrow('over the limit');
  });

  it('a deeply nested note is refused by the schema, not a stack overflow', () => {
    let node: NoteNode = { type: 'text', text: 'x' };
    for (let i = 0; i < 100_000; i++) node = { type: 'paragraph', content: [node] };
    const result = NoteSchema.safeParse({ type: 'doc', content: [node] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe('a note may nest at most 32 levels deep');
  });
});

describe('notes', () => {
  it('accepts paragraphs, text, breaks, bold and italic; exports plain text', () => {
    const note = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a', marks: [{ type: 'bold' }] }, { type: 'hardBreak' }, { type: 'text', text: 'b' }] }, { type: 'paragraph', content: [{ type: 'text', text: 'c' }] }] };
    expect(NoteSchema.parse(note)).toEqual(note);
    expect(notePlainText(NoteSchema.parse(note))).toBe('a\nb\nc');
  });

  it('rejects attributes, unknown nodes and __proto__ keys', () => {
    expect(NoteSchema.safeParse({ type: 'doc', attrs: { x: 1 } }).success).toBe(false);
    expect(NoteSchema.safeParse({ type: 'image' }).success).toBe(false);
    expect(NoteSchema.safeParse({ type: 'paragraph' }).success).toBe(false);
    const polluted = JSON.parse('{"type":"doc","__proto__":{"polluted":true}}');
    expect(NoteSchema.safeParse(polluted).success).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('label lists', () => {
  it('accepts renames, recolours, new labels and new keys', () => {
    expect(() => checkLabelList([...DEFAULT_LABELS.map((l) => ({ ...l, name: l.name + ' x' })), { id: 'date', name: 'Date', color: '#000000', key: '5' }], { actor: 3 })).not.toThrow();
  });

  it('refuses duplicates, reserved keys, and removing a label in use', () => {
    expect(() => checkLabelList([...DEFAULT_LABELS, { ...DEFAULT_LABELS[0], id: 'other' }], {})).toThrow('two labels are named');
    expect(() => checkLabelList([...DEFAULT_LABELS, { id: 'x', name: 'X', color: '#000000', key: '1' }], {})).toThrow('two labels use the key "1"');
    expect(() => checkLabelList([{ ...DEFAULT_LABELS[0], key: 'j' }], {})).toThrow('kept for stepping');
    expect(() => checkLabelList(DEFAULT_LABELS.slice(1), { actor: 2 })).toThrow('label "actor" is used by 2 annotations and cannot be removed');
    expect(() => checkLabelList(DEFAULT_LABELS.slice(1), { actor: 0 })).not.toThrow();
    expect(() => checkLabelList(DEFAULT_LABELS.slice(1), {}, { actor: 1 })).toThrow('label "actor" is the type of 1 entity and cannot be removed');
    expect(() => checkLabelList(DEFAULT_LABELS.slice(1), {}, { location: 4 })).not.toThrow();
    const many = Array.from({ length: 51 }, (_, i) => ({ id: `l${i}`, name: `L${i}`, color: '#000000', key: '' }));
    expect(() => checkLabelList(many.slice(0, 50), {})).not.toThrow();
    expect(() => checkLabelList(many, {})).toThrow('there may be at most 50 labels (this list has 51)');
  });
});
