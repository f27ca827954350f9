/// Attributes in an exchange file (DESIGN §10): the ones a file's label declares, taken into this
/// workspace's label of the same id where it lacks them, and each annotation's values checked
/// against what its label declares here. Nothing declared here is ever changed by a file.
import { AttributeSchema, describeSchemaError, MAX_LABEL_ATTRIBUTES, type Attribute } from '../model.js';

/// What the file's attribute entries of one label come to.
export interface AttributeMerge {
  /// The label's attributes after the merge (this workspace's first, then those added).
  attributes: Attribute[];
  /// Ids of the attributes added.
  added: string[];
  skipped: { item: string; reason: string }[];
  warnings: string[];
}

/// Whether two declarations of one attribute id say the same.
function sameAttribute(a: Attribute, b: Attribute): boolean {
  return a.kind === b.kind && a.name === b.name && JSON.stringify(a.choices ?? []) === JSON.stringify(b.choices ?? []);
}

/// Merges the attribute `entries` of the file's label `labelName` into `ours` (the attributes
/// this workspace's label declares; none for a label the file adds): those it lacks are added up
/// to the limit, unusable or surplus entries are skipped, and one that differs from ours keeps
/// ours with a warning.
export function mergeAttributes(labelName: string, ours: readonly Attribute[], entries: readonly unknown[]): AttributeMerge {
  const merge: AttributeMerge = { attributes: [...ours], added: [], skipped: [], warnings: [] };
  const seen = new Map<string, string>();
  let surplus = 0;
  for (const [index, entry] of entries.entries()) {
    const parsed = AttributeSchema.safeParse(entry);
    if (!parsed.success) {
      merge.skipped.push({ item: `${labelName}, attributes[${index}]`, reason: `not added: ${describeSchemaError(parsed.error).join('; ')}` });
      continue;
    }
    const attribute = parsed.data;
    const item = `${labelName}, attribute "${attribute.id}"`;
    const again = seen.get(attribute.id);
    if (again !== undefined) {
      if (again !== JSON.stringify(attribute)) merge.skipped.push({ item, reason: 'not used: the label lists this attribute twice, differently; the first entry was used' });
      continue;
    }
    seen.set(attribute.id, JSON.stringify(attribute));
    const mine = merge.attributes.find((a) => a.id === attribute.id);
    if (mine) {
      if (!sameAttribute(mine, attribute)) merge.warnings.push(`${item}: this workspace's declaration is kept (${describeAttribute(mine)}), not the file's (${describeAttribute(attribute)})`);
      continue;
    }
    if (merge.attributes.length >= MAX_LABEL_ATTRIBUTES) {
      surplus++;
      continue;
    }
    merge.attributes.push(attribute);
    merge.added.push(attribute.id);
  }
  if (surplus) merge.skipped.push({ item: `${labelName}, ${surplus} attribute${surplus === 1 ? '' : 's'}`, reason: `not added: a label declares at most ${MAX_LABEL_ATTRIBUTES} attributes` });
  return merge;
}

/// An attribute's declaration in words: `"Stance", a choice of for, against`.
function describeAttribute(a: Attribute): string {
  return `${JSON.stringify(a.name)}, ${a.kind === 'choice' ? `a choice of ${a.choices!.join(', ')}` : 'text'}`;
}

/// An annotation's attribute values that its label declares here, and why each other one is dropped.
export function checkedAttributeValues(
  label: string,
  values: Readonly<Record<string, string>> | undefined,
  declared: readonly Attribute[],
): { kept: Record<string, string> | undefined; dropped: string[] } {
  const kept: [string, string][] = [];
  const dropped: string[] = [];
  for (const [id, value] of Object.entries(values ?? {})) {
    const attribute = declared.find((a) => a.id === id);
    if (!attribute) dropped.push(`label "${label}" has no attribute "${id}" here`);
    else if (attribute.kind === 'choice' && !attribute.choices!.includes(value)) {
      dropped.push(`${JSON.stringify(value.slice(0, 60))} is not one of this workspace's choices of ${attribute.name} (${attribute.choices!.join(', ')})`);
    } else kept.push([id, value]);
  }
  return { kept: kept.length ? Object.fromEntries(kept) : undefined, dropped };
}
