/// Reads a Word document (.docx) with mammoth: its body as HTML (headings, paragraphs, lists,
/// tables, footnotes), made into text by the same reader as web pages, so that each Word paragraph
/// is one paragraph of the text; and the title, author and creation date of docProps/core.xml.
/// A .docx is a zip: before mammoth sees it (mammoth inflates every part it opens without a size
/// limit), the archive is checked and its XML parts copied, stored uncompressed, into a new zip,
/// each inflated into a buffer of the size the archive declares (a part that inflates further is
/// cut there, so a zip bomb cannot take more memory than the declared sizes allowed). Pictures are
/// not copied: the text does not need them.
import { Parser } from 'htmlparser2';
import { unzipSync, zipSync, type Unzipped } from 'fflate';
import { statedMetadata, type StatedMetadata } from './articleMetadata.js';
import { htmlToText } from './htmlToText.js';

/// Most bytes the XML parts of a .docx may inflate to, together (a long article is a few MB).
export const MAX_DOCX_XML_BYTES = 100 * 1024 * 1024;
/// Most parts a .docx may have.
const MAX_DOCX_PARTS = 5000;

/// Why a .docx cannot be read, in words for the user (the caller names the file).
export class DocxUnreadable extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'DocxUnreadable';
  }
}

/// A Word document's text as paragraphs and what it states about itself.
export interface DocxText extends StatedMetadata {
  text: string;
}

/// Reads a .docx; throws `DocxUnreadable` for a file that is not one, is encrypted, is a zip bomb
/// or has no text.
export async function readDocx(bytes: Uint8Array, maxXmlBytes = MAX_DOCX_XML_BYTES): Promise<DocxText> {
  const parts = checkedParts(bytes, maxXmlBytes);
  if (!parts['word/document.xml'] && !Object.keys(parts).some((name) => /^word\/document\d*\.xml$/.test(name))) {
    throw new DocxUnreadable('is not a Word document (a zip without word/document.xml)');
  }
  let html: string;
  try {
    // Loaded on the first Word file: most sessions never read one.
    const { default: mammoth } = await import('mammoth');
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(zipSync(parts, { level: 0 })) },
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })), externalFileAccess: false, ignoreEmptyParagraphs: true },
    );
    html = result.value;
  } catch (error) {
    throw new DocxUnreadable(`cannot be read as a Word document (${(error as Error)?.message ?? String(error)})`);
  }
  const text = htmlToText(html);
  if (!/\p{L}|\p{N}/u.test(text)) throw new DocxUnreadable('has no text');
  const core = parts['docProps/core.xml'];
  return { ...coreProperties(core ? new TextDecoder().decode(core) : ''), text };
}

/// The archive's XML parts, each inflated into at most the size it declares, after checking the
/// declared sizes against the limit.
function checkedParts(bytes: Uint8Array, maxXmlBytes: number): Unzipped {
  const signature = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join('');
  if (signature === 'd0cf11e0') {
    throw new DocxUnreadable('is password-protected (encrypted) or an old Word .doc file; save an unprotected .docx and import that');
  }
  if (signature !== '504b0304') throw new DocxUnreadable('is not a .docx (not a zip archive)');
  let declared = 0;
  let parts = 0;
  let tooBig: string | null = null;
  let files: Unzipped;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (++parts > MAX_DOCX_PARTS) tooBig ??= `it has more than ${MAX_DOCX_PARTS} parts`;
        if (!/\.(xml|rels)$/i.test(file.name)) return false;
        declared += file.originalSize;
        if (declared > maxXmlBytes) tooBig ??= `its text parts would take over ${Math.round(maxXmlBytes / 1048576)} MB unpacked (a zip bomb?)`;
        return tooBig === null;
      },
    });
  } catch (error) {
    throw new DocxUnreadable(`is not a readable .docx (damaged or truncated zip: ${(error as Error)?.message ?? String(error)})`);
  }
  if (tooBig) throw new DocxUnreadable(`was not read: ${tooBig}`);
  if (files['EncryptedPackage'] || files['EncryptionInfo']) throw new DocxUnreadable('is password-protected (encrypted)');
  // A part declared smaller than it inflates is cut at its declared size; mammoth then meets
  // broken XML and says so.
  return files;
}

/// Title, author (creator) and creation date from docProps/core.xml.
function coreProperties(xml: string): StatedMetadata {
  const fields: Record<string, string> = {};
  let open: string | null = null;
  const parser = new Parser(
    {
      onopentag(name) {
        open = name.toLowerCase();
        fields[open] ??= '';
      },
      ontext(text) {
        if (open) fields[open] += text;
      },
      onclosetag() {
        open = null;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return statedMetadata(
    { title: fields['dc:title'] || undefined, author: fields['dc:creator'] || undefined, publishedAt: fields['dcterms:created'] || undefined },
    [],
  );
}
