/// A zip written as it goes, its files stored (not deflated: deflating a corpus's text in
/// JavaScript takes seconds a document and barely matters for brat's small files), for a brat
/// export of any number of documents. Each file's local header, with its CRC-32 and sizes, and its
/// bytes go out at once; what the central directory needs of each file is kept as three numbers
/// and its name until the end. (fflate's streaming `Zip` kept an object of about 2.5 KB for each
/// file until then: 565 MB for a brat export of 100,000 documents.) Past 65,535 files, the end
/// record's 16-bit counts are completed by a Zip64 end record and locator (APPNOTE 4.3.14–15).
/// Offsets stay 32-bit: the caller refuses a zip that would pass 4 GB (`bytesWith`).
import { crc32 } from 'node:zlib';

/// The most a zip without Zip64 offsets can address.
export const ZIP32_LIMIT = 0xffff_ffff;
/// The most entries the end record counts without a Zip64 end record.
const ZIP32_ENTRIES = 0xffff;
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_RECORD = 0x06054b50;
const ZIP64_END_RECORD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
/// Version 2.0 (stored files, folders), or 4.5 for the Zip64 records.
const VERSION = 20;
const VERSION_ZIP64 = 45;
/// General purpose flag bit 11: names are UTF-8.
const UTF8_NAMES = 0x0800;
/// The central directory is handed out in pieces of about this many bytes.
const DIRECTORY_PIECE_BYTES = 1 << 20;

/// MS-DOS date and time (local time, 2-second steps), as zip headers hold them.
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getFullYear(), 1980), 2107);
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/// Writes a zip through `write`, one file at a time.
export class StoredZipWriter {
  /// Names as strings: a small Buffer is a view of an 8 KB slab of Node's pool, which keeping it
  /// keeps whole (with the file bytes around it: 280 MB for 200,000 names).
  private readonly names: string[] = [];
  private readonly crcs: number[] = [];
  private readonly sizes: number[] = [];
  private readonly offsets: number[] = [];
  private readonly stamp: { time: number; date: number };
  /// Bytes written so far.
  private offset = 0;
  /// Bytes the central directory will take.
  private directory = 0;

  /// `modified`: the time every file is dated with.
  constructor(
    private readonly write: (bytes: Uint8Array) => Promise<void>,
    modified = new Date(),
  ) {
    this.stamp = dosDateTime(modified);
  }

  /// Bytes of the whole zip if it were finished after one more file of `nameBytes` and
  /// `dataBytes` (to refuse one past `ZIP32_LIMIT`).
  bytesWith(nameBytes: number, dataBytes: number): number {
    const zip64Records = this.names.length + 1 >= ZIP32_ENTRIES ? 56 + 20 : 0;
    return this.offset + 30 + nameBytes + dataBytes + this.directory + 46 + nameBytes + zip64Records + 22;
  }

  /// Adds a file named `name` (a path inside the zip, `/` between folders).
  async add(name: string, data: Uint8Array): Promise<void> {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const header = Buffer.alloc(30 + nameBytes.length);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(UTF8_NAMES, 6);
    header.writeUInt16LE(0, 8); // stored
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(data.length, 18); // compressed size
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28); // no extra field
    nameBytes.copy(header, 30);
    this.names.push(name);
    this.crcs.push(crc);
    this.sizes.push(data.length);
    this.offsets.push(this.offset);
    this.offset += header.length + data.length;
    this.directory += 46 + nameBytes.length;
    await this.write(header);
    await this.write(data);
  }

  /// Writes the central directory and the end records.
  async finish(): Promise<void> {
    const directoryOffset = this.offset;
    let piece: Buffer[] = [];
    let pieceBytes = 0;
    for (let i = 0; i < this.names.length; i++) {
      const name = Buffer.from(this.names[i], 'utf8');
      const header = Buffer.alloc(46 + name.length);
      header.writeUInt32LE(CENTRAL_HEADER, 0);
      header.writeUInt16LE(VERSION, 4); // made by
      header.writeUInt16LE(VERSION, 6); // needed
      header.writeUInt16LE(UTF8_NAMES, 8);
      header.writeUInt16LE(0, 10); // stored
      header.writeUInt16LE(this.stamp.time, 12);
      header.writeUInt16LE(this.stamp.date, 14);
      header.writeUInt32LE(this.crcs[i], 16);
      header.writeUInt32LE(this.sizes[i], 20);
      header.writeUInt32LE(this.sizes[i], 24);
      header.writeUInt16LE(name.length, 28);
      // Extra field, comment, disk, internal and external attributes: none, all zero.
      header.writeUInt32LE(this.offsets[i], 42);
      name.copy(header, 46);
      piece.push(header);
      pieceBytes += header.length;
      if (pieceBytes >= DIRECTORY_PIECE_BYTES) {
        await this.write(Buffer.concat(piece));
        piece = [];
        pieceBytes = 0;
      }
    }
    if (piece.length) await this.write(Buffer.concat(piece));
    await this.write(endRecords(directoryOffset, this.directory, this.names.length));
  }
}

/// The end of central directory record, preceded by a Zip64 end record and its locator when there
/// are more entries than the record's 16-bit counts hold.
export function endRecords(directoryOffset: number, directoryBytes: number, entries: number): Buffer {
  // 0xffff itself is the end record's "see the Zip64 record" value.
  const zip64 = entries >= ZIP32_ENTRIES;
  const result = Buffer.alloc((zip64 ? 56 + 20 : 0) + 22);
  let at = 0;
  if (zip64) {
    // Zip64 end of central directory record (APPNOTE 4.3.14).
    at = result.writeUInt32LE(ZIP64_END_RECORD, at);
    at = result.writeBigUInt64LE(44n, at); // the size of the rest of this record
    at = result.writeUInt16LE(VERSION_ZIP64, at); // made by
    at = result.writeUInt16LE(VERSION_ZIP64, at); // needed to extract
    at = result.writeUInt32LE(0, at); // this disk
    at = result.writeUInt32LE(0, at); // the disk of the central directory
    at = result.writeBigUInt64LE(BigInt(entries), at); // entries on this disk
    at = result.writeBigUInt64LE(BigInt(entries), at); // entries in all
    at = result.writeBigUInt64LE(BigInt(directoryBytes), at);
    at = result.writeBigUInt64LE(BigInt(directoryOffset), at);
    // Zip64 end of central directory locator (4.3.15).
    at = result.writeUInt32LE(ZIP64_LOCATOR, at);
    at = result.writeUInt32LE(0, at); // the disk of the Zip64 end record
    at = result.writeBigUInt64LE(BigInt(directoryOffset + directoryBytes), at);
    at = result.writeUInt32LE(1, at); // disks in all
  }
  // The end record; with Zip64, its counts say "see the Zip64 record" (4.4.1.4).
  at = result.writeUInt32LE(END_RECORD, at);
  at = result.writeUInt16LE(0, at); // this disk
  at = result.writeUInt16LE(0, at); // the disk of the central directory
  at = result.writeUInt16LE(zip64 ? 0xffff : entries, at);
  at = result.writeUInt16LE(zip64 ? 0xffff : entries, at);
  at = result.writeUInt32LE(directoryBytes, at);
  at = result.writeUInt32LE(directoryOffset, at);
  result.writeUInt16LE(0, at); // no comment
  return result;
}
