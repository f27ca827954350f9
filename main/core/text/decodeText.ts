/// Byte decoding for imported articles (DESIGN §3): UTF-16 LE/BE when a BOM says so, UTF-8 when
/// the bytes are valid UTF-8, Windows-1252 with a warning when they are clearly that (see
/// `isClearlyWindows1252`), and otherwise UTF-8 with each invalid sequence replaced by U+FFFD
/// and a warning that says where: one bad byte must not turn a whole UTF-8 file into mojibake.
/// Windows-1252 goes through iconv-lite because Node 20's TextDecoder decodes that label as
/// ISO-8859-1 (0x93 is not “).
import iconv from 'iconv-lite';

/// How the bytes were read, for reports.
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/// Result of decoding: the text (BOM removed) and what the caller should tell the user.
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  warnings: string[];
}

/// What a scan of bytes that are not valid UTF-8 found.
export interface Utf8Scan {
  /// Well-formed sequences of two to four bytes (what non-ASCII UTF-8 text is made of).
  multiByteSequences: number;
  /// Byte offset and length of each invalid sequence, as the WHATWG decoder delimits them: each
  /// becomes one U+FFFD.
  invalid: { offset: number; length: number }[];
}

/// Offsets of invalid sequences named in a warning; the rest are counted.
const OFFSETS_NAMED = 3;

/// Windows-1252 bytes that are assigned to no character (iconv-lite reads them as C1 controls).
const UNASSIGNED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/// Decodes `bytes`; never throws on content.
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be');
  try {
    // ignoreBOM: keep U+FEFF in the string so normaliseText strips it in exactly one place.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8', warnings: [] };
  } catch {
    // Only files that are not valid UTF-8 get here, so the scan costs nothing for the others.
    const scan = scanUtf8(bytes);
    if (isClearlyWindows1252(bytes, scan)) {
      const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252');
      return {
        text,
        encoding: 'windows-1252',
        warnings: ['not valid UTF-8; read as Windows-1252 (check accented letters and quotes)'],
      };
    }
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8', warnings: [invalidUtf8Warning(scan)] };
  }
}

/// Bytes that are not valid UTF-8 are "clearly Windows-1252" when both:
/// - well-formed multi-byte UTF-8 sequences are fewer than a tenth of the invalid sequences (most
///   often there are none): a UTF-8 file with accents, curly quotes or dashes is made of them, and
///   a bad byte or two among them does not outweigh them, while Windows-1252 text forms one only
///   by chance (a letter from "Â" to "ô" followed by one to three bytes from 0x80–0xBF, as "ß”"
///   or "é”—" are); and
/// - every byte from 0x80 up is one Windows-1252 assigns to a character: all but 0x81, 0x8D,
///   0x8F, 0x90 and 0x9D, which no Windows-1252 text contains.
/// So a Windows-1252 file with accented letters and smart quotes (whose bytes make invalid UTF-8
/// sequences of one or two bytes: "é”" is two) reads as Windows-1252, and a UTF-8 file with a
/// bad byte keeps its UTF-8 text, with a U+FFFD there. An ASCII file with a stray high byte reads
/// as Windows-1252: the two readings differ only at that byte.
export function isClearlyWindows1252(bytes: Uint8Array, scan: Utf8Scan): boolean {
  if (scan.multiByteSequences * 10 >= scan.invalid.length) return false;
  for (const b of bytes) if (UNASSIGNED_IN_1252.has(b)) return false;
  return true;
}

/// Finds the well-formed multi-byte sequences and the invalid ones, delimiting the invalid ones as
/// the WHATWG UTF-8 decoder does (the longest prefix of a sequence that could still have been
/// valid is one error; the byte that broke it starts afresh), so each is one U+FFFD.
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const scan: Utf8Scan = { multiByteSequences: 0, invalid: [] };
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    // Continuation bytes needed, and the range of the first one (which excludes overlong forms,
    // surrogates and code points above U+10FFFF).
    let needed = 0;
    let lower = 0x80;
    let upper = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) needed = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      needed = 2;
      if (lead === 0xe0) lower = 0xa0;
      if (lead === 0xed) upper = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      needed = 3;
      if (lead === 0xf0) lower = 0x90;
      if (lead === 0xf4) upper = 0x8f;
    }
    let end = i + 1;
    let continuations = 0;
    while (continuations < needed && end < bytes.length && bytes[end] >= lower && bytes[end] <= upper) {
      lower = 0x80;
      upper = 0xbf;
      end++;
      continuations++;
    }
    if (needed > 0 && continuations === needed) scan.multiByteSequences++;
    else scan.invalid.push({ offset: i, length: end - i });
    i = end;
  }
  return scan;
}

/// "invalid UTF-8 at byte 1234 (and 2 more places); replaced with U+FFFD" (offsets from 0).
function invalidUtf8Warning(scan: Utf8Scan): string {
  const named = scan.invalid.slice(0, OFFSETS_NAMED).map((s) => s.offset.toLocaleString('en-US'));
  const more = scan.invalid.length - named.length;
  const at = named.length === 1 ? `byte ${named[0]}` : `bytes ${named.join(', ')}`;
  return `invalid UTF-8 at ${at}${more > 0 ? ` (and ${more.toLocaleString('en-US')} more place${more === 1 ? '' : 's'})` : ''}; replaced with U+FFFD`;
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  const warnings: string[] = [];
  if (bytes.length % 2 !== 0) warnings.push(`odd number of bytes for ${encoding.toUpperCase()}; the last byte was dropped`);
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  if (text.includes('\uFFFD')) warnings.push(`invalid ${encoding.toUpperCase()} sequences were replaced by U+FFFD`);
  return { text: text.replace(/^\uFEFF/, ''), encoding, warnings };
}
