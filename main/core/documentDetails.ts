/// A document's editable details (DESIGN §10): its title and metadata, changed in the app's
/// details form, by `awb meta set` and by a metadata sidecar (`awb meta import`). The text never
/// changes; these do.
import * as z from 'zod';
import { DocumentMetaSchema, type DocumentFile, type DocumentMeta } from './model.js';

/// The metadata fields, in the order forms and tables show them.
export const META_FIELDS = ['outlet', 'publishedAt', 'author', 'url', 'language', 'tags'] as const;
export type MetaField = (typeof META_FIELDS)[number];

const shape = DocumentMetaSchema.shape;

/// A change of details: a field given replaces the one held, `null` removes it, a field left out
/// stays as it is. An empty `tags` list removes the tags.
export const DocumentDetailsChangeSchema = z.strictObject({
  title: z
    .string()
    .transform((title) => title.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, 'a title cannot be empty').max(300))
    .optional(),
  meta: z
    .strictObject({
      outlet: shape.outlet.unwrap().nullable().optional(),
      publishedAt: shape.publishedAt.unwrap().nullable().optional(),
      author: shape.author.unwrap().nullable().optional(),
      url: shape.url.unwrap().nullable().optional(),
      language: shape.language.unwrap().nullable().optional(),
      tags: shape.tags.unwrap().nullable().optional(),
    })
    .optional(),
});
export type DocumentDetailsChange = z.infer<typeof DocumentDetailsChangeSchema>;

/// A document's details as they are after a change.
export interface DocumentDetails {
  title: string;
  meta: DocumentMeta;
}

/// `meta` with `change` applied.
export function changedMeta(meta: DocumentMeta, change: NonNullable<DocumentDetailsChange['meta']>): DocumentMeta {
  const next: Record<string, unknown> = { ...meta };
  for (const field of META_FIELDS) {
    const value = change[field];
    if (value === undefined) continue;
    if (value === null || (Array.isArray(value) && value.length === 0)) delete next[field];
    else next[field] = Array.isArray(value) ? [...new Set(value)] : value;
  }
  return DocumentMetaSchema.parse(next);
}

/// Applies a change of details to a document file (for `Workspace.updateDocument`).
export function editDocumentDetails(file: DocumentFile, change: DocumentDetailsChange): { file: DocumentFile; result: DocumentDetails } {
  const document = {
    ...file.document,
    ...(change.title !== undefined ? { title: change.title } : {}),
    meta: change.meta ? changedMeta(file.document.meta, change.meta) : file.document.meta,
  };
  return { file: { ...file, document }, result: { title: document.title, meta: document.meta } };
}
