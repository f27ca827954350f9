/// The labels of an exchange file, merged into the workspace's: a label the workspace lacks is
/// added with its attributes, and a label it has gains the attributes it lacks; every entry that
/// is dropped (unusable, a duplicate, over the label limit) is reported as skipped, and every one
/// that is changed (renamed, or its name and colour overridden by the workspace's label of the
/// same id) as a warning, naming the label and the reason.
import * as z from 'zod';
import { MAX_LABELS } from '../labels.js';
import type { Attribute, Label } from '../model.js';
import { mergeAttributes } from './exchangeAttributes.js';
import { ExchangeLabelSchema } from './exchangeFormat.js';

/// A label entry as read: its attributes are checked one by one, so that one bad attribute costs
/// only itself.
const LabelEntrySchema = ExchangeLabelSchema.extend({ attributes: z.array(z.unknown()).optional() });

/// What merging the labels did.
export interface LabelMerge {
  /// Labels to append to the workspace's list.
  added: Label[];
  /// Attributes to append to the workspace's labels, by label id.
  extended: Map<string, Attribute[]>;
  /// The attributes added to labels the workspace has, as `label.attribute`.
  attributesAdded: string[];
  /// Ids of the file's labels that were dropped: annotations using them are skipped.
  dropped: Set<string>;
  /// One line per dropped label entry.
  skipped: { item: string; reason: string }[];
  /// One line per label taken in with a change.
  warnings: string[];
}

/// Names a label entry in messages: `label "venue"` when it has a usable id, else its position.
function entryName(entry: unknown, index: number): string {
  const id = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>).id : undefined;
  return typeof id === 'string' && id.length > 0 && id.length <= 40 ? `label "${id}"` : `labels[${index}]`;
}

/// Why a label entry cannot be used, in words.
function entryProblem(entry: unknown, error: z.ZodError): string {
  const fields = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const field = String(issue.path[0] ?? '');
      const value = JSON.stringify(fields[field])?.slice(0, 40) ?? 'missing';
      if (field === 'color') return `its colour ${value} is not of the form #rrggbb`;
      if (field === 'id') return `its id ${value} is not 1–32 lowercase letters, digits, "_" or "-" starting with a letter`;
      if (field === 'name') return `its name ${value} is not 1–40 characters`;
      return `${issue.path.join('.') || '(the entry)'}: ${issue.message}`;
    })
    .join('; ');
}

/// Merges the file's label `entries` into `current` (the workspace's labels).
export function mergeLabels(current: readonly Label[], entries: readonly unknown[]): LabelMerge {
  const merge: LabelMerge = { added: [], extended: new Map(), attributesAdded: [], dropped: new Set(), skipped: [], warnings: [] };
  const byId = new Map(current.map((l) => [l.id, l]));
  const idOfName = new Map(current.map((l) => [l.name.toLowerCase(), l.id]));
  const seen = new Map<string, string>();
  for (const [index, entry] of entries.entries()) {
    const name = entryName(entry, index);
    const parsed = LabelEntrySchema.safeParse(entry);
    if (!parsed.success) {
      const id = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>).id : undefined;
      const own = typeof id === 'string' ? byId.get(id) : undefined;
      // A workspace label of that id still takes the file's annotations; any other id is dropped.
      if (own) merge.skipped.push({ item: name, reason: `not used (this workspace's label "${own.name}" is): ${entryProblem(entry, parsed.error)}` });
      else merge.skipped.push({ item: name, reason: `not added: ${entryProblem(entry, parsed.error)}` });
      if (typeof id === 'string' && !own) merge.dropped.add(id);
      continue;
    }
    const { attributes: attributeEntries = [], ...label } = parsed.data;
    const again = seen.get(label.id);
    if (again !== undefined) {
      if (again !== JSON.stringify(parsed.data)) merge.skipped.push({ item: name, reason: 'not used: the file lists this label twice, differently; the first entry was used' });
      continue;
    }
    seen.set(label.id, JSON.stringify(parsed.data));
    const existing = byId.get(label.id);
    if (existing) {
      if (existing.name !== label.name || existing.color.toLowerCase() !== label.color.toLowerCase()) {
        merge.warnings.push(
          `${name}: this workspace's name and colour ("${existing.name}", ${existing.color}) are kept, not the file's ("${label.name}", ${label.color})`,
        );
      }
      const attributes = mergeAttributes(name, existing.attributes ?? [], attributeEntries);
      reportAttributes(merge, attributes);
      // (A label is met here once: a second entry of its id is a duplicate, above.)
      if (attributes.added.length) {
        merge.extended.set(label.id, attributes.attributes.filter((a) => attributes.added.includes(a.id)));
        merge.attributesAdded.push(...attributes.added.map((id) => `${label.id}.${id}`));
      }
      continue;
    }
    if (byId.size >= MAX_LABELS) {
      merge.skipped.push({ item: name, reason: `not added: the workspace already has ${MAX_LABELS} labels, the most it may have` });
      merge.dropped.add(label.id);
      continue;
    }
    let shown = label.name;
    const holder = idOfName.get(label.name.toLowerCase());
    if (holder !== undefined) {
      // The id is unique, so the name with the id after it is free unless someone chose it.
      shown = `${label.name.slice(0, 40 - label.id.length - 3)} (${label.id})`;
      if (idOfName.has(shown.toLowerCase())) {
        merge.skipped.push({ item: name, reason: `not added: its name "${label.name}" is taken by label "${holder}", and so is "${shown}"` });
        merge.dropped.add(label.id);
        continue;
      }
      merge.warnings.push(`${name} added as "${shown}": its name "${label.name}" is taken by label "${holder}"`);
    }
    const attributes = mergeAttributes(name, [], attributeEntries);
    reportAttributes(merge, attributes);
    const added: Label = { ...label, name: shown, key: '', ...(attributes.attributes.length ? { attributes: attributes.attributes } : {}) };
    merge.added.push(added);
    byId.set(added.id, added);
    idOfName.set(shown.toLowerCase(), added.id);
  }
  return merge;
}

/// Reports what merging one label's attributes skipped or changed.
function reportAttributes(merge: LabelMerge, attributes: { skipped: { item: string; reason: string }[]; warnings: string[] }): void {
  merge.skipped.push(...attributes.skipped);
  merge.warnings.push(...attributes.warnings);
}
