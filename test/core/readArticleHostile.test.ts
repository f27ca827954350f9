// PDF and Word files that cannot become an article: each is refused with a reason that names the
// file and says what is wrong, quickly, and nothing is imported. Damaged copies are cut from the
// LibreOffice fixtures; zip bombs are made here with fflate.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importArticleFiles } from '../../main/core/importArticles';
import { Workspace } from '../../main/core/store/workspace';
import { ArticleRejected, MAX_ARTICLE_BYTES, readArticleBytes, readArticleFile } from '../../main/core/text/readArticle';
import { readDocx } from '../../main/core/text/readDocx';
import { readPdf } from '../../main/core/text/readPdf';
import { repoRoot, tempDir } from '../helpers';

const fixtures = join(repoRoot, 'test', 'fixtures', 'articles');
const fixture = (name: string) => readFileSync(join(fixtures, name));
const pdf = fixture('aleppo-talks.pdf');
const docx = fixture('aleppo-talks.docx');

/// The message `read` is refused with (an ArticleRejected, nothing else).
async function refusal(read: () => Promise<unknown>): Promise<string> {
  const error = await read().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ArticleRejected);
  return (error as ArticleRejected).message;
}

/// A Word body with one paragraph, `padding` spaces long before its end.
function wordDocument(text: string, padding: number): Uint8Array {
  const head = strToU8(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p>`);
  const tail = strToU8('</w:body></w:document>');
  const out = new Uint8Array(head.length + padding + tail.length).fill(0x20);
  out.set(head);
  out.set(tail, head.length + padding);
  return out;
}

/// A zip holding word/document.xml, with the uncompressed size its central directory declares
/// replaced by `declared` when given (a zip that lies about what it holds).
function zipWith(document: Uint8Array, declared?: number): Uint8Array {
  const part = 'word/document.xml';
  const zip = zipSync({ [part]: document }, { level: 9 });
  if (declared !== undefined) {
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    let entries = 0;
    for (let i = 0; i + 46 <= zip.length; i++) {
      if (view.getUint32(i, true) !== 0x02014b50) continue; // a central directory entry
      const name = new TextDecoder().decode(zip.subarray(i + 46, i + 46 + view.getUint16(i + 28, true)));
      if (name === part) {
        view.setUint32(i + 24, declared, true);
        entries++;
      }
    }
    expect(entries).toBe(1);
  }
  return zip;
}

describe('hostile PDFs', () => {
  it('truncated: refused as damaged', async () => {
    for (const cut of [0.5, 0.1]) {
      expect(await refusal(() => readArticleBytes('cut.pdf', pdf.subarray(0, Math.floor(pdf.length * cut))))).toBe('cut.pdf: is not a readable PDF (damaged or truncated)');
    }
    expect(await refusal(() => readArticleBytes('fake.pdf', strToU8('%PDF-1.4 not really')))).toBe('fake.pdf: is not a readable PDF (damaged or truncated)');
  });

  it('password-protected (LibreOffice, password "secret"): refused, saying so', async () => {
    expect(await refusal(() => readArticleBytes('password-protected.pdf', fixture('password-protected.pdf')))).toBe(
      'password-protected.pdf: is password-protected; save an unprotected copy and import that',
    );
  });

  it('a scan (a page that is only a picture): refused, asking for OCR', async () => {
    expect(await refusal(() => readArticleBytes('scanned.pdf', fixture('scanned.pdf')))).toBe('scanned.pdf: has no text layer: it is a scanned image; run OCR first');
  });

  it('over the size limit: refused before it is read', async () => {
    const huge = new Uint8Array(MAX_ARTICLE_BYTES + 1);
    huge.set(pdf.subarray(0, 1024));
    expect(await refusal(() => readArticleBytes('huge.pdf', huge))).toBe('huge.pdf: file is 20.0 MB, over the 20 MB limit');
    expect(await refusal(() => readArticleBytes('empty.pdf', new Uint8Array()))).toBe('empty.pdf: the file is empty');
  });

  it('over the page limit or the time limit: stopped, saying which', async () => {
    await expect(readPdf(pdf, { pages: 2, ms: 30_000 })).rejects.toThrow('it has 3 pages, over the 2-page limit for an article');
    const started = Date.now();
    await expect(readPdf(fixture('seeds-100-pages.pdf'), { pages: 1000, ms: 50 })).rejects.toThrow('reading it took longer than 0.05 s; it was stopped');
    expect(Date.now() - started).toBeLessThan(2000);
    // Nothing is left half-read: the same reader reads the next file whole.
    expect((await readPdf(pdf)).pages).toBe(3);
  });

  it('the bytes handed in are not taken over by pdf.js', async () => {
    const bytes = new Uint8Array(pdf);
    await readArticleBytes('a.pdf', bytes);
    expect(bytes.byteLength).toBe(pdf.length);
    expect(Buffer.from(bytes).equals(pdf)).toBe(true);
  });
});

describe('hostile Word files', () => {
  it('truncated, not a zip, or a zip without a document: refused, saying which', async () => {
    expect(await refusal(() => readArticleBytes('cut.docx', docx.subarray(0, docx.length / 2)))).toBe('cut.docx: is not a readable .docx (damaged or truncated zip: invalid zip data)');
    expect(await refusal(() => readArticleBytes('text.docx', strToU8('plain text')))).toBe('text.docx: is not a .docx (not a zip archive)');
    expect(await refusal(() => readArticleBytes('other.docx', zipSync({ 'a.txt': strToU8('x') })))).toBe('other.docx: is not a Word document (a zip without word/document.xml)');
  });

  it('encrypted (an OLE compound file, as Word saves a password-protected document) or an old .doc', async () => {
    const compound = new Uint8Array(1024);
    compound.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await refusal(() => readArticleBytes('locked.docx', compound))).toBe(
      'locked.docx: is password-protected (encrypted) or an old Word .doc file; save an unprotected .docx and import that',
    );
  });

  it('a zip bomb (120 MB of XML in 120 KB) is refused from its declared sizes, before anything is inflated', async () => {
    const bomb = zipWith(wordDocument('Aleppo', 120 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = Date.now();
    expect(await refusal(() => readArticleBytes('bomb.docx', bomb))).toBe('bomb.docx: was not read: its text parts would take over 100 MB unpacked (a zip bomb?)');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a zip that declares less than it holds is inflated only as far as it declares', async () => {
    const padded = wordDocument('Aleppo', 8 * 1024 * 1024);
    // Told the truth, the reader reads it (the padding is whitespace between elements)…
    expect((await readDocx(zipWith(padded))).text).toBe('Aleppo');
    // …told 1,000 bytes, it stops there: the document is cut short and refused, never inflated whole.
    await expect(readDocx(zipWith(padded, 1000))).rejects.toThrow(/^cannot be read as a Word document/);
  });
});

describe('a folder with bad PDF and Word files among good ones', () => {
  it('imports the good ones and reports each bad one with its reason', async () => {
    const dir = tempDir('awb-hostile-office-');
    writeFileSync(join(dir, 'cut.pdf'), pdf.subarray(0, pdf.length / 2));
    writeFileSync(join(dir, 'bomb.docx'), zipWith(wordDocument('Aleppo', 120 * 1024 * 1024)));
    const workspace = await Workspace.open(join(dir, 'ws'), { app: 'test' });
    try {
      const paths = [join(dir, 'cut.pdf'), join(fixtures, 'aleppo-talks.docx'), join(fixtures, 'scanned.pdf'), join(dir, 'bomb.docx')];
      const report = await importArticleFiles(workspace, paths);
      expect(report.imported.map((i) => i.name)).toEqual([join(fixtures, 'aleppo-talks.docx')]);
      expect(report.rejected).toEqual([
        { name: paths[0], reason: 'is not a readable PDF (damaged or truncated)' },
        { name: paths[2], reason: 'has no text layer: it is a scanned image; run OCR first' },
        { name: paths[3], reason: 'was not read: its text parts would take over 100 MB unpacked (a zip bomb?)' },
      ]);
      expect(workspace.listDocuments()).toHaveLength(1);
    } finally {
      await workspace.close();
    }
  });

  it('a file over the limit on disk is refused from its size, unread', async () => {
    const dir = tempDir('awb-hostile-office-');
    writeFileSync(join(dir, 'huge.docx'), Buffer.alloc(MAX_ARTICLE_BYTES + 10));
    await expect(readArticleFile(join(dir, 'huge.docx'))).rejects.toThrow(/huge\.docx: file is 20\.0 MB, over the 20 MB limit/);
  });
});
