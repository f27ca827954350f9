import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, scanUtf8 } from '../../main/core/text/decodeText';
import { htmlToText } from '../../main/core/text/htmlToText';
import { normaliseText } from '../../main/core/text/normaliseText';
import {
  ArticleRejected,
  MAX_ARTICLE_BYTES,
  articleFromBytes,
  documentIdOf,
  readArticleFile,
  titleOf,
} from '../../main/core/text/readArticle';

const utf8 = (s: string) => new TextEncoder().encode(s);
function utf16(s: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + 2 * i + (bigEndian ? 0 : 1)] = c >> 8;
    out[2 + 2 * i + (bigEndian ? 1 : 0)] = c & 0xff;
  }
  return out;
}
const rejection = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(ArticleRejected);
    return (error as ArticleRejected).message;
  }
  throw new Error('expected a rejection');
};

describe('decoding and normalisation (DESIGN §3)', () => {
  const text = 'Aleppo — “13,346” civilians 😀\nsecond line';

  it('reads UTF-16 LE with a BOM', () => {
    const a = articleFromBytes('a.txt', utf16(text, false));
    expect(a.text).toBe(text);
    expect(a.encoding).toBe('utf-16le');
  });

  it('reads UTF-16 BE with a BOM', () => {
    const a = articleFromBytes('a.txt', utf16(text, true));
    expect(a.text).toBe(text);
    expect(a.encoding).toBe('utf-16be');
  });

  it('strips a UTF-8 BOM', () => {
    expect(articleFromBytes('a.txt', utf8('\uFEFF' + text)).text).toBe(text);
  });

  it('falls back to Windows-1252 with a warning when the bytes are not UTF-8', () => {
    // "Café “quoted” – 5€" in Windows-1252
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94, 0x20, 0x96, 0x20, 0x35, 0x80]);
    const a = articleFromBytes('a.txt', bytes);
    expect(a.text).toBe('Café “q” – 5€');
    expect(a.encoding).toBe('windows-1252');
    expect(a.warnings.join()).toMatch(/a\.txt: not valid UTF-8; read as Windows-1252/);
  });

  it('reads Windows-1252 whose accented letters and smart quotes run together ("é”" is two bytes of broken UTF-8)', () => {
    // "Olé” – naïve" in Windows-1252: 0xE9 0x94 looks like a cut-off UTF-8 sequence.
    const bytes = new Uint8Array([0x4f, 0x6c, 0xe9, 0x94, 0x20, 0x96, 0x20, 0x6e, 0x61, 0xef, 0x76, 0x65]);
    const a = articleFromBytes('a.txt', bytes);
    expect(a.text).toBe('Olé” – naïve');
    expect(a.encoding).toBe('windows-1252');
    // "Fuß”" makes a valid UTF-8 sequence (0xDF 0x94) by chance; the other bytes outweigh it.
    const chance = 'Fuß” – é è à ü ö ä ë î ô û ç';
    expect(decodeText(iconv.encode(chance, 'windows-1252'))).toMatchObject({ text: chance, encoding: 'windows-1252' });
  });

  it('keeps a UTF-8 file with one bad byte as UTF-8: U+FFFD there, and a warning with the byte offset', () => {
    const bytes = Buffer.concat([Buffer.from('Café “Aleppo” – ', 'utf8'), Buffer.from([0xff]), Buffer.from(' 😀 end', 'utf8')]);
    const a = articleFromBytes('a.txt', bytes);
    expect(a.text).toBe('Café “Aleppo” – \uFFFD 😀 end');
    expect(a.encoding).toBe('utf-8');
    expect(a.warnings).toEqual(['a.txt: invalid UTF-8 at byte 23; replaced with U+FFFD']);
  });

  it('names the first three places of invalid UTF-8 and counts the rest; a cut-off sequence is one place', () => {
    const utf8Bytes = (s: string) => [...Buffer.from(s, 'utf8')];
    // A BOM, "é", then: a lone continuation byte, a sequence cut off after 2 of 3 bytes, 0xC0
    // (never valid), a surrogate encoded in UTF-8 (0xED 0xA0 0x80: three places), 0xFF.
    const bytes = new Uint8Array([...utf8Bytes('\uFEFFé '), 0x80, 0x20, 0xe2, 0x80, 0x20, 0xc0, 0x20, 0xed, 0xa0, 0x80, 0x20, 0xff]);
    const decoded = decodeText(bytes);
    expect(decoded.text).toBe('é \uFFFD \uFFFD \uFFFD \uFFFD\uFFFD\uFFFD \uFFFD');
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.warnings).toEqual(['invalid UTF-8 at bytes 6, 8, 11 (and 4 more places); replaced with U+FFFD']);
  });

  it('does not take bytes for Windows-1252 when one of them is unassigned there (0x81, 0x8D, 0x8F, 0x90, 0x9D)', () => {
    const decoded = decodeText(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x81]));
    expect(decoded).toEqual({ text: 'Caf\uFFFD \uFFFD', encoding: 'utf-8', warnings: ['invalid UTF-8 at bytes 3, 5; replaced with U+FFFD'] });
  });

  it('finds the invalid sequences exactly where the WHATWG decoder puts U+FFFD', () => {
    const hasReplacementCharacter = (b: Uint8Array) => b.some((x, i) => x === 0xef && b[i + 1] === 0xbf && b[i + 2] === 0xbd);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }).filter((b) => !hasReplacementCharacter(b)), (bytes) => {
        const replaced = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).split('\uFFFD').length - 1;
        expect(scanUtf8(bytes).invalid).toHaveLength(replaced);
      }),
    );
  });

  it('turns CRLF and lone CR into LF', () => {
    expect(articleFromBytes('a.txt', utf8('one\r\ntwo\rthree\n\r\nfour')).text).toBe('one\ntwo\nthree\n\nfour');
  });

  it('composes decomposed Unicode to NFC', () => {
    const a = articleFromBytes('a.txt', utf8('Cafe\u0301 Ko\u0308ln'));
    expect(a.text).toBe('Caf\u00e9 K\u00f6ln');
    expect(a.text.length).toBe(9);
  });

  it('does not trim or collapse whitespace', () => {
    expect(articleFromBytes('a.txt', utf8('  two  spaces \n\n\n tail ')).text).toBe('  two  spaces \n\n\n tail ');
  });

  it('decodes every byte sequence to something (never throws)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => typeof decodeText(bytes).text === 'string'));
  });

  it('normalisation is idempotent and leaves no CR', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), (a, b) => {
        const once = normaliseText(a + '\r' + b + '\r\n');
        expect(normaliseText(once)).toBe(once);
        expect(once).not.toMatch(/\r/);
        expect(once).toBe(once.normalize('NFC'));
      }),
    );
  });
});

describe('document id and title', () => {
  it('is sha256: + the hex SHA-256 of the normalised UTF-8 text', () => {
    const a = articleFromBytes('a.txt', utf8('x\r\ny'));
    expect(a.id).toBe('sha256:' + createHash('sha256').update('x\ny').digest('hex'));
    expect(documentIdOf('x\ny')).toBe(a.id);
  });

  it('takes the first line with a letter as the title, shortened at a word', () => {
    expect(titleOf('\n\n1.1943720-2650591486\nSmoke rises over Aleppo\nmore')).toBe('Smoke rises over Aleppo');
    expect(titleOf('2016\n')).toBe('2016');
    const long = titleOf('word '.repeat(60));
    expect(long.length).toBeLessThanOrEqual(120);
    expect(long.endsWith('word…')).toBe(true);
  });
});

describe('HTML articles', () => {
  it('keeps the visible text only, one paragraph per block', () => {
    const html = `<!doctype html><html><head><title>T</title><style>p{color:red}</style>
      <script>alert("x")</script></head><body><h1>Fall of  Aleppo</h1>
      <p onclick="evil()">Civilians <b>left</b> the&nbsp;city &amp; fled.</p><noscript>enable js</noscript>
      <div hidden>secret</div><p>Line<br>break</p><svg><script>1</script><text>svg</text></svg></body></html>`;
    expect(htmlToText(html)).toBe('Fall of Aleppo\n\nCivilians left the\u00a0city & fled.\n\nLine\nbreak');
  });

  it('imports .html through the same normalisation and rejects a page with no visible text', () => {
    expect(articleFromBytes('a.html', utf8('<p>Cafe\u0301</p>')).text).toBe('Café');
    expect(rejection(() => articleFromBytes('a.html', utf8('<script>x()</script>')))).toBe('a.html: the page has no visible text');
  });

  it('treats text that only looks like HTML in a .txt file as text', () => {
    expect(articleFromBytes('a.txt', utf8('<script>alert(1)</script>')).text).toBe('<script>alert(1)</script>');
  });
});

describe('rejected files name the file and the reason', () => {
  it('empty', () => expect(rejection(() => articleFromBytes('e.txt', new Uint8Array()))).toBe('e.txt: the file is empty'));
  it('whitespace only', () =>
    expect(rejection(() => articleFromBytes('w.txt', utf8(' \r\n\t\n')))).toBe('w.txt: the file contains only whitespace'));
  it('binary', () =>
    expect(rejection(() => articleFromBytes('b.txt', new Uint8Array([0x50, 0x4b, 0, 1, 2])))).toBe(
      'b.txt: binary file (contains NUL bytes), not text',
    ));
  it('over 20 MB', () =>
    expect(rejection(() => articleFromBytes('big.txt', new Uint8Array(MAX_ARTICLE_BYTES + 1)))).toMatch(
      /^big\.txt: file is 20\.0 MB, over the 20 MB limit$/,
    ));
  it('unsupported type', () =>
    expect(rejection(() => articleFromBytes('a.doc', utf8('x')))).toBe('a.doc: unsupported file type (expected .txt, .md, .html, .pdf or .docx)'));

  it('missing file', async () => {
    await expect(readArticleFile('/nonexistent/x.txt')).rejects.toThrow('/nonexistent/x.txt: file not found');
  });

  it('over 20 MB on disk is refused before reading', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'awb-'));
    const path = join(dir, 'huge.txt');
    writeFileSync(path, Buffer.alloc(MAX_ARTICLE_BYTES + 10, 0x61));
    await expect(readArticleFile(path)).rejects.toThrow(/huge\.txt: file is 20\.0 MB, over the 20 MB limit/);
  });
});
