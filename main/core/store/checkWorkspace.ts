/// A read-only audit of a whole workspace, for `awb check`: every file parses and validates, ids
/// match texts and file names, every span matches its text, entities are told apart (one id, one
/// name per type) and every annotation's entity is in the list. (The SQL index is derived from
/// these files and checked against them whenever the workspace opens, so it is not audited here.)
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { entityKey } from '../entities.js';
import { DocumentFileSchema, EntitiesFileSchema, WorkspaceFileSchema, type Entity } from '../model.js';
import { surrogateSplitProblem } from '../offsets.js';
import { documentIdOf } from '../text/readArticle.js';
import { DamagedFileError, readJsonFile } from './durableJsonFile.js';
import { NewerSchemaError, type FileKind } from './migrations.js';
import { DOCUMENT_FILE_NAME, ENTITIES_FILE, documentFileName } from './workspaceFiles.js';

/// What `checkWorkspace` found.
export interface WorkspaceCheck {
  documents: number;
  annotations: number;
  /// Each a reason for the check to fail.
  problems: string[];
  /// How many of the problems are damaged files, which opening the workspace for writing (the
  /// app, `awb repair`) moves aside and restores from the newest backup.
  damaged: number;
  /// Things worth knowing that are not problems.
  notes: string[];
}

/// A file read with the schema of its kind: an older version migrated in memory, a newer one
/// reported as such rather than as damage. A problem is added for anything unreadable.
async function readChecked<T>(path: string, schema: z.ZodType<T>, kind: FileKind, label: string, result: WorkspaceCheck): Promise<T | null | undefined> {
  try {
    return await readJsonFile(path, schema, kind);
  } catch (error) {
    if (error instanceof DamagedFileError) result.damaged++;
    result.problems.push(
      error instanceof NewerSchemaError
        ? `${error.message}; it was left untouched`
        : error instanceof DamagedFileError
          ? error.message
          : `${label}: ${String(error)}`,
    );
    return undefined;
  }
}

/// How many links to entities that are not in the list `awb check` quotes (it counts them all).
export const DANGLING_LINKS_QUOTED = 3;

/// Problems of the entity list itself: an id twice, or two entities of one type and name (what
/// the app refuses to make; edits of either would then fail). A type that is no label is a note:
/// the app lets a label no annotation uses go even when entities have it as their type.
function checkEntityList(entities: Entity[], labelIds: Set<string>, result: WorkspaceCheck): void {
  const ids = new Set<string>();
  const names = new Map<string, Entity>();
  for (const entity of entities) {
    if (ids.has(entity.id)) result.problems.push(`${ENTITIES_FILE}: entity ${entity.id} appears twice`);
    ids.add(entity.id);
    const key = `${entity.type}\t${entityKey(entity.name)}`;
    const twin = names.get(key);
    if (twin && twin.id !== entity.id) {
      result.problems.push(`${ENTITIES_FILE}: entities ${twin.id} "${twin.name}" and ${entity.id} "${entity.name}" have one name and type (${entity.type})`);
    }
    names.set(key, twin ?? entity);
    if (!labelIds.has(entity.type)) result.notes.push(`${ENTITIES_FILE}: entity ${entity.id} "${entity.name}" has type "${entity.type}", which is no label (it cannot be edited until there is one)`);
  }
}

/// Checks `dir` without writing anything.
export async function checkWorkspace(dir: string): Promise<WorkspaceCheck> {
  const problems: string[] = [];
  const result: WorkspaceCheck = { documents: 0, annotations: 0, problems, damaged: 0, notes: [] };
  const indexPath = join(dir, 'workspace.json');
  const index = await readChecked(indexPath, WorkspaceFileSchema, 'workspace', 'workspace.json', result);
  if (index === undefined) return result;
  if (!index) {
    problems.push(`no workspace at ${dir} (workspace.json is missing)`);
    return result;
  }
  const labelIds = new Set(index.labels.map((l) => l.id));
  // Missing is an empty list (a workspace from before entities); damaged is reported, and then
  // no link can be told dangling.
  const entityList = await readChecked(join(dir, ENTITIES_FILE), EntitiesFileSchema, 'entities', ENTITIES_FILE, result);
  const entityIds = entityList === undefined ? null : new Set((entityList?.entities ?? []).map((e) => e.id));
  if (entityList) checkEntityList(entityList.entities, labelIds, result);
  const danglingLinks: string[] = [];
  const names = new Set(await readdir(join(dir, 'documents')).catch(() => [] as string[]));
  for (const name of names) {
    if (name.includes('.json.')) problems.push(`documents/${name}: temporary file left by an interrupted write`);
  }
  for (const name of [...names].filter((n) => DOCUMENT_FILE_NAME.test(n)).sort()) {
    const path = join(dir, 'documents', name);
    const file = await readChecked(path, DocumentFileSchema, 'document', `documents/${name}`, result);
    if (!file) continue; // gone meanwhile, or damaged (reported)
    result.documents++;
    result.annotations += file.annotations.length;
    const where = `documents/${name}`;
    const { text } = file.document;
    if (documentFileName(file.document.id) !== name) problems.push(`${where}: holds document ${file.document.id}, whose file name is ${documentFileName(file.document.id)}`);
    if (documentIdOf(text) !== file.document.id) problems.push(`${where}: the id does not match the SHA-256 of the text`);
    const annotationIds = new Set<string>();
    for (const a of file.annotations) {
      const at = `${where}: annotation ${a.id}`;
      if (annotationIds.has(a.id)) problems.push(`${at} appears twice`);
      annotationIds.add(a.id);
      if (a.docId !== file.document.id) problems.push(`${at} belongs to another document (${a.docId})`);
      if (!labelIds.has(a.label)) problems.push(`${at} has unknown label "${a.label}"`);
      if (a.entityId && entityIds && !entityIds.has(a.entityId)) danglingLinks.push(`${at} → ${a.entityId}`);
      if (a.end > text.length) problems.push(`${at} ends at ${a.end}, past the end of the text (${text.length})`);
      else if (text.slice(a.start, a.end) !== a.quote) problems.push(`${at}: its quote does not match the text at ${a.start}–${a.end}`);
      else {
        // Stored before every path refused such spans (an import re-anchored half an emoji).
        const split = surrogateSplitProblem(text, a.start, a.end);
        if (split) problems.push(`${at}: the span ${a.start}–${a.end} ${split}`);
      }
    }
    for (const r of file.relations) {
      if (!annotationIds.has(r.from) || !annotationIds.has(r.to)) {
        problems.push(`${where}: relation ${r.id} links an annotation that does not exist`);
      }
    }
  }
  if (danglingLinks.length) {
    const quoted = danglingLinks.slice(0, DANGLING_LINKS_QUOTED).join('; ');
    const more = danglingLinks.length > DANGLING_LINKS_QUOTED ? `; and ${danglingLinks.length - DANGLING_LINKS_QUOTED} more` : '';
    // A note, not a problem: the app and exports treat such a link as none, and a repair that put
    // back an older entities.json leaves them, with nothing a user could do about it.
    result.notes.push(`${danglingLinks.length} annotation(s) link to an entity that is not in ${ENTITIES_FILE} (the app shows them unlinked): ${quoted}${more}`);
  }
  return result;
}
