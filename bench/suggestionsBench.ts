/// The suggestion rows of `npm run bench`: a document's suggestions as the service
/// works them out when the app opens it (`documentSuggestions` in the core: figures, quotes and
/// entity mentions in slices, person and place names read from those kept for the document),
/// for a 50,000-character article (budget 50 ms) and a 2,000,000-character one (budget 1 s);
/// and the first time a document is opened, when its names are found (compromise, in slices)
/// and kept: how long that takes, and the longest the service's event loop was held meanwhile
/// (other calls wait at most that long). The articles are the seed articles repeated; the
/// workspace's entities are a few of the names they use.
///
/// Alone: `npx tsx bench/suggestionsBench.ts` prints the rows.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Entity } from '../main/core/model';
import { documentSuggestions } from '../main/core/suggestions/documentSuggestions';
import { writeFileDurably } from '../main/core/store/durableJsonFile';
import { StoredNames, type NamesFolder } from '../main/core/suggestions/storedNames';
import { SUGGESTION_KINDS } from '../main/core/suggestions/suggestion';
import { documentIdOf } from '../main/core/text/readArticle';
import type { Row } from './report';
import { formatMs, median, timed } from './stats';

const RUNS = 5;

/// One article's measures.
export interface ArticleSuggestionsResult {
  /// Its suggestions with its names kept (median), and how many.
  keptMs: number;
  found: number;
  /// The first time: all its suggestions with the names found and kept (median), how many names,
  /// and the longest event-loop delay seen meanwhile.
  firstMs: number;
  names: number;
  longestBlockMs: number;
}

/// The suggestion measures of a 50,000- and a 2,000,000-character article.
export interface SuggestionsBenchResult {
  article50k: ArticleSuggestionsResult;
  article2M: ArticleSuggestionsResult;
}

/// The seed articles repeated up to `chars` characters.
function article(chars: number): string {
  const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'seeds');
  const seeds = readdirSync(root)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(root, f), 'utf8').replace(/\r\n?/g, '\n').normalize('NFC'));
  let text = '';
  for (let i = 0; text.length < chars; i++) text += `${seeds[i % seeds.length]}\n\n`;
  return text.slice(0, chars);
}

const ENTITIES: Entity[] = [
  { id: '7b0e1d59-54c4-4f51-9a43-5a7e6c8f0001', name: 'Sergei Lavrov', type: 'actor', aliases: ['Lavrov'] },
  { id: '7b0e1d59-54c4-4f51-9a43-5a7e6c8f0002', name: 'Aleppo', type: 'location', aliases: ['east Aleppo'] },
  { id: '7b0e1d59-54c4-4f51-9a43-5a7e6c8f0003', name: 'Russia', type: 'location', aliases: ['Moscow', 'Russian Federation'] },
];

/// Measures one article: `firstRuns` first openings (each in a new workspace folder), then
/// `RUNS` openings with its names kept, each as a new process would (the names read from their
/// file, not from memory).
async function measureArticle(text: string, firstRuns: number): Promise<ArticleSuggestionsResult> {
  const document = { id: documentIdOf(text), text };
  const dir = mkdtempSync(join(tmpdir(), 'awb-suggestions-bench-'));
  // Written as the service writes a workspace file: temp file, flush, rename.
  const folder: NamesFolder = { dir, writeFile: (path, content) => writeFileDurably(join(dir, path), content) };
  try {
    const first: number[] = [];
    let names = 0;
    let longestBlockMs = 0;
    for (let i = 0; i < firstRuns; i++) {
      rmSync(join(dir, 'cache'), { recursive: true, force: true });
      const delay = monitorEventLoopDelay({ resolution: 5 });
      delay.enable();
      const { value, ms } = await timed(() => documentSuggestions(document, [], ENTITIES, SUGGESTION_KINDS, new StoredNames(folder)));
      delay.disable();
      first.push(ms);
      names = value.filter((s) => s.kind === 'name').length;
      longestBlockMs = Math.max(longestBlockMs, delay.max / 1e6);
    }
    const kept: number[] = [];
    let found = 0;
    for (let i = 0; i < RUNS; i++) {
      const { value, ms } = await timed(() => documentSuggestions(document, [], ENTITIES, SUGGESTION_KINDS, new StoredNames(folder)));
      kept.push(ms);
      found = value.length;
    }
    return { keptMs: median(kept), found, firstMs: median(first), names, longestBlockMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/// Measures the suggestions (see {@link SuggestionsBenchResult}).
export async function measureSuggestions(log: (line: string) => void): Promise<SuggestionsBenchResult> {
  log('  suggestions for a 50,000-character article');
  const article50k = await measureArticle(article(50_000), 3);
  log('  suggestions for a 2,000,000-character article (its names found once: about ten seconds)');
  const article2M = await measureArticle(article(2_000_000), 1);
  return { article50k, article2M };
}

/// The table's rows.
export function suggestionRows(r: SuggestionsBenchResult): Row[] {
  const row = (name: string, raw: number, budget: number | null): Row => ({
    name,
    value: formatMs(raw),
    budget: budget === null ? '—' : `≤ ${formatMs(budget)}`,
    pass: budget === null ? null : raw <= budget,
    raw,
  });
  const rows = (size: string, a: ArticleSuggestionsResult, budget: number): Row[] => [
    row(`suggestions, ${size} chars: all kinds, names kept (${a.found}; documentSuggestions, median of ${RUNS})`, a.keptMs, budget),
    row(`  the first time, finding and keeping its ${a.names} names (compromise, in slices)`, a.firstMs, null),
    row('  the longest the event loop was held meanwhile', a.longestBlockMs, 100),
  ];
  return [...rows('50,000', r.article50k, 50), ...rows('2,000,000', r.article2M, 1000)];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await measureSuggestions((line) => console.error(line));
  console.log(JSON.stringify(result, null, 1));
  for (const r of suggestionRows(result)) console.log(`${r.name.padEnd(100)} ${r.value.padStart(9)} ${r.budget.padStart(9)} ${r.pass === null ? '' : r.pass ? 'pass' : 'MISS'}`);
}
