/// Schema migrations: explicit functions, each turning a file of schema version n into n + 1.
/// Version 1 is the first released schema, so no migration exists yet; the next change of
/// `workspace.json` or `documents/<hex>.json` adds its function here and bumps SCHEMA_VERSION.
/// The store takes a backup before it writes a migrated file back.
import { WorkbenchError } from '../errors.js';
import { SCHEMA_VERSION } from '../model.js';

/// Which kind of file a migration applies to.
export type FileKind = 'workspace' | 'document';

/// One step: a file of version `from` in, version `from + 1` out.
export type Migration = (file: Record<string, unknown>) => Record<string, unknown>;

/// The steps, by kind and by the version they start from.
export const MIGRATIONS: Record<FileKind, Record<number, Migration>> = { workspace: {}, document: {} };

/// A file written by a newer version of the app: never treated as damaged, never overwritten.
export class NewerSchemaError extends WorkbenchError {
  constructor(path: string, version: number) {
    super('newer-schema', `${path} was written by a newer version of Annotation Workbench (schema ${version}; this version reads up to ${SCHEMA_VERSION}): update the app to open it`);
    this.name = 'NewerSchemaError';
  }
}

/// Brings `json` up to the current schema; `from` is the version it had (equal to the current
/// one when nothing was done). Anything that is not a versioned object is returned untouched for
/// the schema check to reject.
export function migrate(path: string, kind: FileKind, json: unknown, steps = MIGRATIONS[kind], target = SCHEMA_VERSION): { json: unknown; from: number } {
  if (typeof json !== 'object' || json === null || typeof (json as { schemaVersion?: unknown }).schemaVersion !== 'number') {
    return { json, from: target };
  }
  const from = (json as { schemaVersion: number }).schemaVersion;
  if (from > target) throw new NewerSchemaError(path, from);
  let current = json as Record<string, unknown>;
  for (let version = from; version < target; version++) {
    const step = steps[version];
    if (!step) return { json: current, from: target }; // no known path: the schema check reports it
    current = { ...step(current), schemaVersion: version + 1 };
  }
  return { json: current, from };
}
