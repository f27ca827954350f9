/// The suggestion rows of `npm run bench` (issue 18): the core's suggestions for a
/// 50,000-character article (budget 50 ms) and, through the service as the app asks for them,
/// for a 2,000,000-character one (budget 1 s), with the longest time the service's event loop
/// was held meanwhile (the slices: other calls wait at most that long). The articles are the
/// seed articles repeated; the workspace's entities are a few of the names they use. Person and
/// place names (compromise) are timed on their own: they are the slow part.
///
/// Alone: `npx tsx bench/suggestionsBench.ts` prints the rows.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Entity } from '../main/core/model';
import { suggestAll } from '../main/core/suggestions/suggestAll';
import { MAX_NAME_SUGGESTION_CHARS, suggestInSlices } from '../main/core/suggestions/suggestInSlices';
import type { Row } from './report';
import { formatMs, median, timed } from './stats';

const RUNS = 5;
const QUICK_KINDS = ['figure', 'quote', 'entity'] as const;

/// The suggestion measures.
export interface SuggestionsBenchResult {
  /// `suggestAll` of figures, quotes and entity mentions on 50,000 characters (median).
  quick50kMs: number;
  /// Person and place names (compromise) on the same 50,000 characters, in slices (median).
  names50kMs: number;
  /// The service's sliced suggestions of figures, quotes and entity mentions on 2,000,000
  /// characters (median), and the longest event-loop delay seen meanwhile.
  quick2MMs: number;
  longestBlock2MMs: number;
  /// How many suggestions each found.
  found50k: number;
  names50k: number;
  found2M: number;
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

/// Measures the suggestions (see {@link SuggestionsBenchResult}).
export async function measureSuggestions(log: (line: string) => void): Promise<SuggestionsBenchResult> {
  const small = article(50_000);
  const large = article(2_000_000);
  log('  suggestions for a 50,000-character article (core)');
  suggestAll(small, ENTITIES, { kinds: [...QUICK_KINDS] });
  const quick: number[] = [];
  let found50k = 0;
  for (let i = 0; i < RUNS; i++) {
    const { value, ms } = await timed(() => suggestAll(small, ENTITIES, { kinds: [...QUICK_KINDS] }));
    quick.push(ms);
    found50k = value.length;
  }
  log('  names in it (compromise, in slices)');
  const names: number[] = [];
  let names50k = 0;
  for (let i = 0; i < 3; i++) {
    const { value, ms } = await timed(() => suggestInSlices(small, [], ['name'], []));
    names.push(ms);
    names50k = value.length;
  }
  log('  suggestions for a 2,000,000-character article (sliced, as the service works them out)');
  const large2M: number[] = [];
  let longest = 0;
  let found2M = 0;
  for (let i = 0; i < 3; i++) {
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const { value, ms } = await timed(() => suggestInSlices(large, ENTITIES, [...QUICK_KINDS, 'name'], []));
    delay.disable();
    large2M.push(ms);
    longest = Math.max(longest, delay.max / 1e6);
    found2M = value.length;
  }
  return { quick50kMs: median(quick), names50kMs: median(names), quick2MMs: median(large2M), longestBlock2MMs: longest, found50k, names50k, found2M };
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
  return [
    row(`suggestions, 50,000 chars: figures, quotes, entity mentions (${r.found50k}; core)`, r.quick50kMs, 50),
    row(`  person and place names in it (${r.names50k}; compromise, in slices, after the others)`, r.names50kMs, 50),
    row(`suggestions, 2,000,000 chars (${r.found2M}; in slices; names only up to ${MAX_NAME_SUGGESTION_CHARS.toLocaleString('en-US')} chars)`, r.quick2MMs, 1000),
    row('  longest the service is held meanwhile (event-loop delay)', r.longestBlock2MMs, 100),
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await measureSuggestions((line) => console.error(line));
  console.log(JSON.stringify(result, null, 1));
  for (const r of suggestionRows(result)) console.log(`${r.name.padEnd(100)} ${r.value.padStart(9)} ${r.budget.padStart(9)} ${r.pass === null ? '' : r.pass ? 'pass' : 'MISS'}`);
}
