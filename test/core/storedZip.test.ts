import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { StoredZipWriter } from '../../main/core/export/storedZip';
import { tempDir } from '../helpers';
import { readStoredEntry, readZipDirectory } from '../zipDirectory';

/// Writes `files` into a zip in memory; also what `bytesWith` said before the last file.
async function zipOf(files: [string, string][]): Promise<{ zip: Buffer; predicted: number }> {
  const pieces: Uint8Array[] = [];
  const writer = new StoredZipWriter(async (bytes) => void pieces.push(Buffer.from(bytes)), new Date(2016, 11, 13, 9, 30, 4));
  let predicted = 0;
  for (const [i, [name, content]] of files.entries()) {
    const data = Buffer.from(content, 'utf8');
    if (i === files.length - 1) predicted = writer.bytesWith(Buffer.byteLength(name), data.length);
    await writer.add(name, data);
  }
  await writer.finish();
  return { zip: Buffer.concat(pieces), predicted };
}

describe('StoredZipWriter (brat zips)', () => {
  it('writes stored files with UTF-8 names, CRC-32 and sizes that fflate and an APPNOTE reader agree on', async () => {
    const files: [string, string][] = [
      ['Ḥalab 😀.txt', 'Smoke over Aleppo 😀\r\n'],
      ['Ḥalab 😀.ann', 'T1\tActor 0 5\tSmoke\n'],
      ['empty.ann', ''],
    ];
    const { zip, predicted } = await zipOf(files);
    expect(predicted).toBe(zip.length);
    const unzipped = unzipSync(zip);
    expect(Object.keys(unzipped)).toEqual(files.map(([name]) => name));
    for (const [name, content] of files) expect(Buffer.from(unzipped[name]).toString('utf8')).toBe(content);
    const path = join(tempDir(), 'small.zip');
    writeFileSync(path, zip);
    const directory = await readZipDirectory(path);
    expect(directory.zip64).toBe(false);
    expect(directory.declaredEntries).toBe(3);
    for (const [i, entry] of directory.entries.entries()) {
      const data = Buffer.from(files[i][1], 'utf8');
      expect(entry).toMatchObject({ name: files[i][0], compression: 0, crc: crc32(data), size: data.length, compressedSize: data.length });
      expect(await readStoredEntry(path, entry)).toEqual(data);
    }
    // Names are flagged as UTF-8 and dated as asked, in the local header and the directory.
    expect(zip.readUInt16LE(6) & 0x0800).toBe(0x0800);
    expect(zip.readUInt16LE(12)).toBe(((2016 - 1980) << 9) | (12 << 5) | 13);
    expect(zip.readUInt16LE(10)).toBe((9 << 11) | (30 << 5) | 2);
  });

  it('from 65,535 files on (0xffff itself means "see the Zip64 record"), adds a Zip64 end record', async () => {
    const { zip, predicted } = await zipOf(Array.from({ length: 65_535 }, (_, i): [string, string] => [`d${i}`, '']));
    expect(predicted).toBe(zip.length);
    const path = join(tempDir(), 'exact.zip');
    writeFileSync(path, zip);
    expect(await readZipDirectory(path)).toMatchObject({ zip64: true, declaredEntries: 65_535 });
  });

  it('past 65,535 files, adds a Zip64 end record and locator, and still knows its size before each file', async () => {
    const files = Array.from({ length: 65_537 }, (_, i): [string, string] => [`d${i}.ann`, `T1\tActor 0 9\t${i}\n`]);
    const { zip, predicted } = await zipOf(files);
    expect(predicted).toBe(zip.length);
    const path = join(tempDir(), 'many.zip');
    writeFileSync(path, zip);
    const directory = await readZipDirectory(path);
    expect(directory.zip64).toBe(true);
    expect(directory.declaredEntries).toBe(65_537);
    expect(directory.entries.at(-1)!.name).toBe('d65536.ann');
    expect(Buffer.from(unzipSync(zip)['d65536.ann']).toString('utf8')).toBe('T1\tActor 0 9\t65536\n');
  });
});
