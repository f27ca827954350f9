/// Names and derived data of workspace files, shared by the store, its checks and its repairs.
import { userInfo } from 'node:os';
import { DEFAULT_LABELS, ENTITIES_SCHEMA_VERSION, WORKSPACE_SCHEMA_VERSION, type DocumentFile, type EntitiesFile, type DocumentSummary, type WorkspaceFile } from '../model.js';

/// File name of a document's database inside `documents/`.
export function documentFileName(id: string): string {
  return `${id.slice('sha256:'.length)}.json`;
}

/// Whether a name in `documents/` is a document's file (not a temporary file or anything else).
export const DOCUMENT_FILE_NAME = /^[0-9a-f]{64}\.json$/;

/// The workspace's list of entities (DESIGN §10), beside `workspace.json`.
export const ENTITIES_FILE = 'entities.json';

/// The folder of the person and place names found in each document (a cache, storedNames.ts).
export const STORED_NAMES_FOLDER = 'cache/names';

/// An `entities.json` with no entities.
export function emptyEntities(): EntitiesFile {
  return { schemaVersion: ENTITIES_SCHEMA_VERSION, entities: [] };
}

/// The name a new workspace gives its first annotator: the OS user name.
export function defaultAnnotator(): string {
  try {
    return userInfo().username || 'analyst';
  } catch {
    return 'analyst';
  }
}

/// The index entry for a document file.
export function summarise(file: DocumentFile): DocumentSummary {
  const counts: Record<string, number> = {};
  for (const a of file.annotations) counts[a.label] = (counts[a.label] ?? 0) + 1;
  const { id, title, sourceName, text, importedAt, meta } = file.document;
  return { id, title, sourceName, characters: [...text].length, importedAt, counts, meta };
}

/// A new workspace's `workspace.json`: the default labels, the OS user as annotator.
export function emptyWorkspace(): WorkspaceFile {
  const annotator = defaultAnnotator();
  return {
    schemaVersion: WORKSPACE_SCHEMA_VERSION,
    labels: DEFAULT_LABELS.map((l) => ({ ...l })),
    annotators: [annotator],
    currentAnnotator: annotator,
  };
}
