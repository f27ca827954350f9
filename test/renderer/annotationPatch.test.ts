// The renderer's patches of one annotation: attribute values change one at a time (the others,
// declared or not, stay), entity links set and clear, and what undo puts back is exactly the
// values before.
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../preload/api';
import { docStateOf, patchBefore, withPatch, type AnnotationPatch } from '../../renderer/src/state/documentState';

const figure: Annotation = {
  id: 'a1',
  docId: 'd',
  label: 'figure',
  start: 0,
  end: 6,
  quote: '13,346',
  annotator: 'me',
  createdAt: 't',
  updatedAt: 't',
  origin: 'manual',
  attributes: { measure: 'civilians left', old: 'kept from another label' },
};
const doc = docStateOf({ document: { id: 'd', title: 'T', sourceName: 't.txt', text: '13,346 left', importedAt: 't', meta: {} }, annotations: [figure], relations: [] });
const apply = (patch: AnnotationPatch) => withPatch(doc, 'a1', patch, 'now').annotations.get('a1')!;

describe('annotation patches', () => {
  it('set, change and remove one attribute value at a time, leaving the others', () => {
    expect(apply({ attributes: { measure: ' civilians fled ' } }).attributes).toEqual({ measure: 'civilians fled', old: 'kept from another label' });
    expect(apply({ attributes: { measure: null } }).attributes).toEqual({ old: 'kept from another label' });
    expect(apply({ attributes: { measure: '', old: null } }).attributes).toBeUndefined();
    expect(apply({ attributes: null }).attributes).toBeUndefined();
  });

  it('undo puts back exactly the values a patch changed', () => {
    for (const patch of [{ attributes: { measure: 'civilians fled', stance: 'hostile' } }, { attributes: null }, { entityId: 'e1' }] satisfies AnnotationPatch[]) {
      const changed = withPatch(doc, 'a1', patch, 'now');
      const undone = withPatch(changed, 'a1', patchBefore(figure, patch), 'later').annotations.get('a1')!;
      expect({ ...undone, updatedAt: 't' }).toEqual(figure);
    }
  });
});
