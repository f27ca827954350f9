// Person and place names kept per document (storedNames.ts): found once and written to
// cache/names, read back by a later process instead of being found again, found again when the
// file is damaged, outdated or does not fit the text, never written where writing is not allowed.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { removeStaleTempFiles } from '../../main/core/store/recovery';
import { STORED_NAMES_FOLDER, documentFileName } from '../../main/core/store/workspaceFiles';
import { StoredNames } from '../../main/core/suggestions/storedNames';
import { suggestInSlices } from '../../main/core/suggestions/suggestInSlices';
import { writeFileDurably } from '../../main/core/store/durableJsonFile';
import { NAME_SLICE_CHARS } from '../../main/core/suggestions/suggestInSlices';
import { NAME_FINDER_VERSION } from '../../main/core/suggestions/suggestNames';
import { documentIdOf } from '../../main/core/text/readArticle';
import { tempDir } from '../helpers';

const TEXT = 'Foreign Minister Sergei Lavrov met John Kerry in Geneva.\n\nLavrov said the talks in Aleppo would go on.';
const ID = documentIdOf(TEXT);

const VERSION = `${NAME_FINDER_VERSION}/${NAME_SLICE_CHARS}`;

let dir: string;
let path: string;
/// The folder as a writable workspace gives it.
const writable = () => ({ dir, writeFile: (relative: string, content: string) => writeFileDurably(join(dir, relative), content) });

beforeEach(() => {
  dir = tempDir();
  path = join(dir, STORED_NAMES_FOLDER, documentFileName(ID));
});

const plain = (names: { label: string; start: number; end: number; text: string }[]) => names.map((n) => [n.label, n.start, n.end, n.text]);

describe('StoredNames', () => {
  it('finds the names once, as the sliced finder does, and keeps them in the document’s file', async () => {
    const names = await new StoredNames(writable()).of(ID, TEXT);
    expect(plain(names)).toEqual(plain(await suggestInSlices(TEXT, [], ['name'], [])));
    expect(names.map((n) => n.text)).toEqual(expect.arrayContaining(['Sergei Lavrov', 'John Kerry', 'Geneva', 'Aleppo']));
    const file = JSON.parse(readFileSync(path, 'utf8'));
    expect(file).toEqual({ version: VERSION, names: names.map((n) => [n.label, n.start, n.end]) });
  });

  it('reads the kept names in a later process instead of finding them again', async () => {
    mkdirSync(join(dir, STORED_NAMES_FOLDER), { recursive: true });
    // Names the finder would never give: only reading the file can return them.
    writeFileSync(path, JSON.stringify({ version: VERSION, names: [['location', 8, 16]] }));
    expect(plain(await new StoredNames(writable()).of(ID, TEXT))).toEqual([['location', 8, 16, 'Minister']]);
  });

  it.each([
    ['damaged', '{"version": 1, "names": [['],
    ['from another version of the finder', JSON.stringify({ version: `${NAME_FINDER_VERSION + 1}/${NAME_SLICE_CHARS}`, names: [['location', 8, 16]] })],
    ['past the end of the text', JSON.stringify({ version: VERSION, names: [['location', 8, TEXT.length + 1]] })],
    ['of another shape', JSON.stringify({ version: VERSION, names: [{ label: 'location', start: 8, end: 16 }] })],
    ['found with another slice size', JSON.stringify({ version: `${NAME_FINDER_VERSION}/${NAME_SLICE_CHARS + 1}`, names: [['location', 8, 16]] })],
    ['holding a label names never have', JSON.stringify({ version: VERSION, names: [['figure', 8, 16]] })],
  ])('finds the names again and rewrites a file that is %s', async (_why, content) => {
    mkdirSync(join(dir, STORED_NAMES_FOLDER), { recursive: true });
    writeFileSync(path, content);
    const names = await new StoredNames(writable()).of(ID, TEXT);
    expect(names.map((n) => n.text)).toContain('John Kerry');
    expect(JSON.parse(readFileSync(path, 'utf8')).names).toEqual(names.map((n) => [n.label, n.start, n.end]));
  });

  it('writes nothing where it may not write, and still gives the names', async () => {
    const names = await new StoredNames({ dir, writeFile: null }).of(ID, TEXT);
    expect(names.map((n) => n.text)).toContain('John Kerry');
    expect(existsSync(path)).toBe(false);
  });

  it('keeps the last documents asked in memory (the file is not read again)', async () => {
    const stored = new StoredNames(writable());
    const first = await stored.of(ID, TEXT);
    writeFileSync(path, JSON.stringify({ version: VERSION, names: [['location', 8, 16]] }));
    expect(await stored.of(ID, TEXT)).toBe(first);
  });
});

describe('an interrupted write of kept names', () => {
  it('leaves a temporary file that opening the workspace removes', async () => {
    mkdirSync(join(dir, STORED_NAMES_FOLDER), { recursive: true });
    writeFileSync(`${path}.123000001`, '{"version"');
    expect(await removeStaleTempFiles(dir)).toBe(1);
    expect(existsSync(`${path}.123000001`)).toBe(false);
  });
});
