// Looks at export files too big to read into one buffer or string: one pass in chunks that counts
// bytes, UTF-16 code units (what a JavaScript string of the file would need; the file must be
// valid UTF-8) and where byte patterns occur, and reads of byte ranges for parsing a file's head, tail or one record.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

/// What one pass over a file found.
export interface FileScan {
  bytes: number;
  /// Code units of the file's text as UTF-16 (a character past U+FFFF counts two).
  utf16Units: number;
  /// For each pattern, the byte offsets where it starts (up to `keep` of them, first and last
  /// kept) and how many times it occurs.
  found: Map<string, { count: number; first: number[]; last: number[] }>;
}

/// Scans `path` for `patterns` (each found anywhere, chunk boundaries included), keeping the
/// offsets of the first and last `keep` occurrences of each.
export async function scanFile(path: string, patterns: string[], keep = 2): Promise<FileScan> {
  const needles = patterns.map((p) => ({ text: p, bytes: Buffer.from(p, 'utf8') }));
  const found = new Map(patterns.map((p) => [p, { count: 0, first: [] as number[], last: [] as number[] }]));
  const overlap = Math.max(0, ...needles.map((n) => n.bytes.length - 1));
  let bytes = 0;
  let utf16Units = 0;
  // Decoding as a stream keeps a character split between two chunks whole; the strings' lengths
  // are what a JavaScript string of the file would need (each chunk's string alone is small).
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // The last bytes of the previous chunk, so a pattern split between two chunks is still found.
  let carry = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 8 << 20 }) as AsyncIterable<Buffer>) {
    utf16Units += decoder.decode(chunk, { stream: true }).length;
    const window = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const windowStart = bytes - carry.length;
    for (const needle of needles) {
      const entry = found.get(needle.text)!;
      // Occurrences wholly inside the carry were counted with the previous chunk.
      for (let at = window.indexOf(needle.bytes); at >= 0; at = window.indexOf(needle.bytes, at + 1)) {
        if (at + needle.bytes.length <= carry.length) continue;
        entry.count++;
        if (entry.first.length < keep) entry.first.push(windowStart + at);
        entry.last.push(windowStart + at);
        if (entry.last.length > keep) entry.last.shift();
      }
    }
    bytes += chunk.length;
    carry = Buffer.from(window.subarray(Math.max(0, window.length - overlap)));
  }
  utf16Units += decoder.decode().length;
  return { bytes, utf16Units, found };
}

/// The bytes `[start, end)` of `path` as UTF-8 text.
export async function readRange(path: string, start: number, end: number): Promise<string> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(end - start);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, start);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await file.close();
  }
}
