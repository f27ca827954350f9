// Reads a zip's central directory from the file on disk without loading the zip (it may be larger
// than any buffer a test wants), for checking exports: every entry's name, sizes, CRC and where its
// local header is, Zip64 end records included. Written from APPNOTE, independent of fflate.
import { open } from 'node:fs/promises';

/// One file listed in a zip's central directory.
export interface ZipEntry {
  name: string;
  /// 0 for stored.
  compression: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/// What the end of a zip says, and the entries its central directory lists.
export interface ZipDirectory {
  /// Entries as the end record (or the Zip64 end record, when there is one) counts them.
  declaredEntries: number;
  zip64: boolean;
  entries: ZipEntry[];
}

const END = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const CENTRAL = 0x02014b50;
/// The local file header's signature.
export const LOCAL_HEADER = 0x04034b50;

/// The central directory of the zip at `path`.
export async function readZipDirectory(path: string): Promise<ZipDirectory> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const read = async (position: number, length: number) => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await file.read(buffer, 0, length, position);
      if (bytesRead !== length) throw new Error(`${path}: ${length} bytes at ${position} are past the end`);
      return buffer;
    };
    // The end record is the last 22 bytes unless a comment follows it (up to 65,535 bytes).
    const tailStart = Math.max(0, size - 22 - 0xffff);
    const tail = await read(tailStart, size - tailStart);
    let end = tail.length - 22;
    while (end >= 0 && tail.readUInt32LE(end) !== END) end--;
    if (end < 0) throw new Error(`${path}: no end of central directory record`);
    let declaredEntries = tail.readUInt16LE(end + 10);
    let directoryBytes = tail.readUInt32LE(end + 12);
    let directoryOffset = tail.readUInt32LE(end + 16);
    let zip64 = false;
    const locatorAt = tailStart + end - 20;
    if (locatorAt >= 0 && (await read(locatorAt, 4)).readUInt32LE(0) === ZIP64_LOCATOR) {
      const zip64EndAt = Number((await read(locatorAt + 8, 8)).readBigUInt64LE(0));
      const record = await read(zip64EndAt, 56);
      if (record.readUInt32LE(0) !== ZIP64_END) throw new Error(`${path}: the Zip64 locator points at no Zip64 end record`);
      zip64 = true;
      declaredEntries = Number(record.readBigUInt64LE(32));
      directoryBytes = Number(record.readBigUInt64LE(40));
      directoryOffset = Number(record.readBigUInt64LE(48));
    }
    const directory = await read(directoryOffset, directoryBytes);
    const entries: ZipEntry[] = [];
    for (let at = 0; at < directory.length; ) {
      if (directory.readUInt32LE(at) !== CENTRAL) throw new Error(`${path}: no central directory header at ${directoryOffset + at}`);
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      entries.push({
        name: directory.toString('utf8', at + 46, at + 46 + nameLength),
        compression: directory.readUInt16LE(at + 10),
        crc: directory.readUInt32LE(at + 16),
        compressedSize: directory.readUInt32LE(at + 20),
        size: directory.readUInt32LE(at + 24),
        localHeaderOffset: directory.readUInt32LE(at + 42),
      });
      at += 46 + nameLength + extraLength + commentLength;
    }
    return { declaredEntries, zip64, entries };
  } finally {
    await file.close();
  }
}

/// The bytes of a stored entry, read from its local header on.
export async function readStoredEntry(path: string, entry: ZipEntry): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const header = Buffer.alloc(30);
    await file.read(header, 0, 30, entry.localHeaderOffset);
    if (header.readUInt32LE(0) !== LOCAL_HEADER) throw new Error(`${path}: no local header for ${entry.name} at ${entry.localHeaderOffset}`);
    const dataAt = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const data = Buffer.alloc(entry.compressedSize);
    await file.read(data, 0, data.length, dataAt);
    return data;
  } finally {
    await file.close();
  }
}
