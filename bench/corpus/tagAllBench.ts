/// The corpus benchmark's "Tag all occurrences" row: the preview of a common word over
/// every document, through the service (`tagAll.preview`, scope: every document), as the dialog
/// asks for it; the index's full-text search proposes the documents and each text confirms them.
///
/// Alone: `npx tsx bench/corpus/tagAllBench.ts <corpus folder>` prints the measure.
import { fileURLToPath } from 'node:url';
import { Workspace } from '../../main/core/store/workspace';
import { createWorkbench } from '../../main/service/workbench';
import { median, timed } from '../stats';

/// The word: every generated article names Aleppo, most of them several times.
export const TAG_ALL_PHRASE = 'Aleppo';
const RUNS = 3;

/// The tag-all preview measured.
export interface TagAllBenchResult {
  phrase: string;
  /// `tagAll.preview` of the phrase, every document, the first after opening the workspace:
  /// median of the runs, and each run.
  ms: number;
  runs: number[];
  /// The same preview again on the same workspace (median).
  againMs: number;
  /// What it found: occurrences, the documents holding them, how many the preview lists.
  occurrences: number;
  documents: number;
  listed: number;
}

/// `tagAll.preview` of {@link TAG_ALL_PHRASE} over every document, `RUNS` times on a freshly
/// opened read-only workspace, then once more on each.
export async function measureTagAllPreview(dir: string): Promise<TagAllBenchResult> {
  const first: number[] = [];
  const again: number[] = [];
  let found = { occurrences: 0, documents: 0, listed: 0 };
  for (let i = 0; i < RUNS; i++) {
    const workspace = await Workspace.open(dir, { readOnly: true });
    try {
      const service = createWorkbench(workspace);
      const request = { phrase: TAG_ALL_PHRASE, label: 'location', scope: { kind: 'workspace' as const } };
      const { value, ms } = await timed(() => service.tagAll.preview(request));
      first.push(ms);
      again.push((await timed(() => service.tagAll.preview(request))).ms);
      found = { occurrences: value.occurrences, documents: value.documentsFound, listed: value.occurrences - value.notListed };
    } finally {
      await workspace.close();
    }
  }
  if (!found.occurrences) throw new Error(`the tag-all preview found no “${TAG_ALL_PHRASE}”`);
  return { phrase: TAG_ALL_PHRASE, ms: median(first), runs: first, againMs: median(again), ...found };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: tsx bench/corpus/tagAllBench.ts <corpus folder>');
  console.log(JSON.stringify(await measureTagAllPreview(dir), null, 1));
}
