/// Byte decoding for imported articles (DESIGN §3): UTF-16 LE/BE when a BOM says so, UTF-8 when
/// the bytes are valid UTF-8, otherwise Windows-1252 with a warning. Windows-1252 goes through
/// iconv-lite because Node 20's TextDecoder decodes that label as ISO-8859-1 (0x93 is not “).
import iconv from 'iconv-lite';

/// How the bytes were read, for reports.
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/// Result of decoding: the text (BOM removed) and what the caller should tell the user.
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  warnings: string[];
}

/// Decodes `bytes`; never throws on content (every byte sequence is valid Windows-1252).
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be');
  try {
    // ignoreBOM: keep U+FEFF in the string so normaliseText strips it in exactly one place.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8', warnings: [] };
  } catch {
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252');
    return {
      text,
      encoding: 'windows-1252',
      warnings: ['not valid UTF-8; read as Windows-1252 (check accented letters and quotes)'],
    };
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  const warnings: string[] = [];
  if (bytes.length % 2 !== 0) warnings.push(`odd number of bytes for ${encoding.toUpperCase()}; the last byte was dropped`);
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  if (text.includes('\uFFFD')) warnings.push(`invalid ${encoding.toUpperCase()} sequences were replaced by U+FFFD`);
  return { text: text.replace(/^\uFEFF/, ''), encoding, warnings };
}
