/// Schema migrations: explicit functions, each turning a file of schema version n into n + 1.
/// Each kind of file has its own version (`SCHEMA_VERSIONS`); a change of one adds its function
/// here and bumps its version. The store takes a backup before it writes a migrated file back.
import { WorkbenchError } from '../errors.js';
import { ENTITIES_SCHEMA_VERSION, FIGURE_LABEL, MEASURE_ATTRIBUTE, SCHEMA_VERSION, WORKSPACE_SCHEMA_VERSION } from '../model.js';
import { parseQuantity } from '../quantities/parseQuantity.js';

/// Which kind of file a migration applies to.
export type FileKind = 'workspace' | 'document' | 'entities';

/// One step: a file of version `from` in, version `from + 1` out.
export type Migration = (file: Record<string, unknown>) => Record<string, unknown>;

/// The current version of each kind of file.
export const SCHEMA_VERSIONS: Record<FileKind, number> = {
  workspace: WORKSPACE_SCHEMA_VERSION,
  document: SCHEMA_VERSION,
  entities: ENTITIES_SCHEMA_VERSION,
};

/// The steps, by kind and by the version they start from.
export const MIGRATIONS: Record<FileKind, Record<number, Migration>> = {
  workspace: {
    // Version 2: the document list left `workspace.json` for the SQL index, which is built from
    // the document files themselves (every entry was derived from one).
    1: ({ documents: _documents, ...rest }) => rest,
    // Version 3: labels declare attributes; the default figure label gains `measure` (DESIGN §10).
    2: ({ labels, ...rest }) => ({
      ...rest,
      labels: Array.isArray(labels)
        ? labels.map((label: Record<string, unknown>) => (label?.id === 'figure' && label.attributes === undefined ? { ...label, attributes: [MEASURE_ATTRIBUTE] } : label))
        : labels,
    }),
  },
  document: {
    // Version 2: a document's metadata (DESIGN §10), empty for what was imported before it.
    1: ({ document, ...rest }) => ({ ...rest, document: { ...(document as object), meta: {} } }),
    // Version 3: annotations may carry `entityId` and `attributes`, relations be `source` links;
    // nothing to change in a file that has none (the version keeps older apps from misreading).
    2: (file) => file,
    // Version 4: a figure's `quantity`, read from its text for the figures made before it.
    3: ({ annotations, ...rest }) => ({ ...rest, annotations: Array.isArray(annotations) ? annotations.map(withQuantity) : annotations }),
    // Version 5: each annotator's status of the document; a file without one is "to do" for
    // everyone, so nothing changes (the version keeps older apps from taking it for damaged).
    4: (file) => file,
  },
  entities: {},
};

/// A figure annotation (as stored, not yet validated) with the quantity its text states.
function withQuantity(annotation: unknown): unknown {
  if (typeof annotation !== 'object' || annotation === null) return annotation;
  const { label, quote, quantity } = annotation as { label?: unknown; quote?: unknown; quantity?: unknown };
  if (label !== FIGURE_LABEL || quantity !== undefined || typeof quote !== 'string') return annotation;
  const parsed = parseQuantity(quote);
  return parsed ? { ...annotation, quantity: parsed } : annotation;
}

/// A file written by a newer version of the app: never treated as damaged, never overwritten.
export class NewerSchemaError extends WorkbenchError {
  constructor(path: string, version: number, readable: number) {
    super('newer-schema', `${path} was written by a newer version of Annotation Workbench (schema ${version}; this version reads up to ${readable}): update the app to open it`);
    this.name = 'NewerSchemaError';
  }
}

/// Brings `json` up to the current schema; `from` is the version it had (equal to the current
/// one when nothing was done). Anything that is not a versioned object is returned untouched for
/// the schema check to reject.
export function migrate(path: string, kind: FileKind, json: unknown, steps = MIGRATIONS[kind], target = SCHEMA_VERSIONS[kind]): { json: unknown; from: number } {
  if (typeof json !== 'object' || json === null || typeof (json as { schemaVersion?: unknown }).schemaVersion !== 'number') {
    return { json, from: target };
  }
  const from = (json as { schemaVersion: number }).schemaVersion;
  if (from > target) throw new NewerSchemaError(path, from, target);
  let current = json as Record<string, unknown>;
  for (let version = from; version < target; version++) {
    const step = steps[version];
    if (!step) return { json: current, from: target }; // no known path: the schema check reports it
    current = { ...step(current), schemaVersion: version + 1 };
  }
  return { json: current, from };
}
