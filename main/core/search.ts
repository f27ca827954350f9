/// Phrase search over every document of a workspace, through its text index.
import type { Workspace } from './store/workspace.js';

/// Characters of text shown on each side of a search hit.
const CONTEXT = 50;

/// A document that contains a searched phrase: how often, and its first places with context.
export interface SearchResult {
  id: string;
  title: string;
  count: number;
  hits: { start: number; end: number; before: string; match: string; after: string }[];
}

/// Documents containing `phrase` (case-insensitive), most occurrences first: up to `limit`
/// documents, each with its first `perDocument` places and the words around them.
export async function searchDocuments(workspace: Workspace, phrase: string, limit = 100, perDocument = 5): Promise<SearchResult[]> {
  const { index, ids } = await workspace.textIndex();
  const found = [...index.search(ids, phrase, perDocument)].sort((a, b) => b[1].count - a[1].count).slice(0, limit);
  const results: SearchResult[] = [];
  for (const [id, { count, hits }] of found) {
    const { text, title } = (await workspace.readDocument(id)).document;
    const oneLine = (s: string) => s.replace(/\s+/g, ' ');
    results.push({
      id,
      title,
      count,
      hits: hits.map(({ start, end }) => ({
        start,
        end,
        before: oneLine(text.slice(Math.max(0, start - CONTEXT), start)),
        match: text.slice(start, end),
        after: oneLine(text.slice(end, end + CONTEXT)),
      })),
    });
  }
  return results;
}
