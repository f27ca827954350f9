/// What every reader of another tool's file gives back (DESIGN §13): documents, each with the text
/// the file carries (or the id of one of ours), and spans in the file's own offset unit, before
/// labels are mapped and spans placed. Also the one error a refused file raises, and the offset
/// conversions each format needs.
import { WorkbenchError } from '../errors.js';
import { type OffsetConverter, surrogateSplitProblem } from '../offsets.js';

/// The formats read (and `exchange`, our own, handed to the exchange import unchanged).
export const FOREIGN_FORMATS = ['brat', 'doccano', 'prodigy', 'label-studio', 'w3c', 'conll', 'exchange'] as const;
export type ForeignFormat = (typeof FOREIGN_FORMATS)[number];

/// How a format counts offsets: Unicode code points (Python's `str`), UTF-16 code units
/// (JavaScript's strings), or bytes of UTF-8.
export type OffsetUnit = 'codepoints' | 'utf16' | 'bytes';

/// A file (or a folder or zip of files) that cannot be imported as a whole; nothing was written.
/// `message` is "<file>: <reason>".
export class ForeignRejected extends WorkbenchError {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super('foreign-rejected', `${file}: ${reason}`);
    this.name = 'ForeignRejected';
  }
}

/// One span as the file states it. `start`/`end` count in the document's `unit`, in the text as
/// the file carries it (before normalisation); `text`, when the file has it, is what it covers.
export interface ForeignSpan {
  /// The file's own id for the span (brat `T3`, a Label Studio region id, a W3C `urn:uuid:`).
  id?: string;
  label: string;
  start: number;
  end: number;
  text?: string;
  annotator?: string;
  note?: string;
  /// An entity reference (`Wikidata:Q159`, `AWB:<uuid>`, a W3C IRI) to link to one of ours.
  entity?: { reference: string; name?: string };
  attributes?: Record<string, string>;
  /// A review decision the file records (W3C assessing bodies, as this app writes them).
  review?: { status: 'accepted' | 'rejected'; by: string; at: string; comment?: string };
  /// A W3C TextQuoteSelector: found in the text when the offsets are absent or do not cover `exact`.
  quote?: { exact: string; prefix: string; suffix: string };
  /// Where in the file it is, for messages ("line 12", "tasks[3].annotations[0].result[2]").
  where: string;
}

/// A link between two spans of one document, by the file's span ids.
export interface ForeignRelation {
  id?: string;
  type: string;
  from: string;
  to: string;
  annotator?: string;
  where: string;
}

/// A document of the file: the text it carries, or (W3C, which carries none) one of our ids.
export interface ForeignDocument {
  /// How messages name it (a file name, "line 4", "task 17").
  name: string;
  /// The text as the file carries it (not yet normalised); absent when only `id` is known.
  text?: string;
  /// A document id of ours the file names (`sha256:…`).
  id?: string;
  /// Tokens only (CoNLL): the spacing is not in the file and the text is found among ours.
  tokens?: { text: string; tag: string }[];
  title?: string;
  sourceName?: string;
  unit: OffsetUnit;
  spans: ForeignSpan[];
  relations: ForeignRelation[];
  /// Set when the file's span text decides the unit per span (Label Studio, whose versions differ).
  unitFromSpanText?: boolean;
}

/// What a reader gives back.
export interface ForeignFile {
  format: ForeignFormat;
  documents: ForeignDocument[];
  /// What the reader noticed and imported anyway (one sentence each).
  warnings: string[];
}

/// One input: a single file's bytes, or the files of a folder or zip by relative path.
export interface ForeignInput {
  /// How the input is named in messages (its path or upload name).
  name: string;
  files: Map<string, Uint8Array>;
}

/// Decodes UTF-8 strictly (a stray byte is an error naming the file, not a U+FFFD in the text);
/// a leading BOM is dropped. `label` names the file in the error.
export function decodeUtf8(bytes: Uint8Array, label: string, input: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ForeignRejected(input, `${label} is not UTF-8 text (save it as UTF-8 and import it again)`);
  }
}

/// UTF-16 offset in `text` of offset `value` counted in `unit`, or `null` when it is not a whole
/// number, outside the text, or inside a character.
export function toUtf16Offset(text: string, converter: OffsetConverter, unit: OffsetUnit, value: number): number | null {
  if (!Number.isInteger(value) || value < 0) return null;
  if (unit === 'utf16') return value <= text.length ? value : null;
  if (unit === 'codepoints') return value <= converter.codePointLength ? converter.toUtf16(value) : null;
  // Bytes of UTF-8: walk the text (only formats that count bytes pay for this).
  let bytes = 0;
  for (let i = 0; i <= text.length; i++) {
    if (bytes === value) return i;
    if (bytes > value || i === text.length) return null;
    const code = text.codePointAt(i)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (code >= 0x10000) i++;
  }
  return null;
}

/// The UTF-16 span `[start, end)` of `text` for a span counted in `unit`, or why there is none.
export function spanInText(text: string, converter: OffsetConverter, unit: OffsetUnit, span: { start: number; end: number }): { start: number; end: number } | string {
  const start = toUtf16Offset(text, converter, unit, span.start);
  const end = toUtf16Offset(text, converter, unit, span.end);
  const length = unit === 'codepoints' ? converter.codePointLength : unit === 'utf16' ? text.length : Buffer.byteLength(text, 'utf8');
  if (start === null || end === null) return `offsets ${span.start}–${span.end} (${unitWords(unit)}) are outside the text (${length} ${unitWords(unit)} long) or not whole numbers`;
  if (end <= start) return `offsets ${span.start}–${span.end} make an empty span`;
  const split = surrogateSplitProblem(text, start, end);
  return split ? `offsets ${span.start}–${span.end} (${unitWords(unit)}): the span ${split}` : { start, end };
}

/// How a unit is named in messages.
export function unitWords(unit: OffsetUnit): string {
  return unit === 'codepoints' ? 'code points' : unit === 'utf16' ? 'UTF-16 code units' : 'bytes of UTF-8';
}

/// Maps UTF-16 offsets of a text as a file carries it to offsets of the same text normalised as
/// import normalises every text (DESIGN §3: BOM dropped, CRLF and lone CR made LF, NFC). Exact for
/// the BOM and line ends; under NFC, an offset maps to the length of the normalised text before
/// it, worked out from the nearest offset already mapped below it (spans come mostly in text
/// order, so the whole text is normalised about once, not once per span).
export class NormalisedOffsets {
  readonly normalised: string;
  private readonly lineEnds: number[] = [];
  private readonly bom: number;
  private readonly composed: boolean;
  private readonly uncomposed: string;
  /// Offsets of `uncomposed` already mapped, ascending, and their normalised offsets.
  private readonly known: number[] = [0];
  private readonly knownNormalised: number[] = [0];

  constructor(readonly raw: string) {
    this.bom = raw.startsWith('\uFEFF') ? 1 : 0;
    const body = raw.slice(this.bom);
    for (let i = body.indexOf('\r\n'); i >= 0; i = body.indexOf('\r\n', i + 2)) this.lineEnds.push(i + 1 + this.bom);
    this.uncomposed = body.replace(/\r\n?/g, '\n');
    this.normalised = this.uncomposed.normalize('NFC');
    this.composed = this.normalised !== this.uncomposed;
  }

  /// The normalised offset of raw offset `offset`.
  map(offset: number): number {
    // Each CRLF before the offset lost its CR (an offset between CR and LF lands on the LF).
    const at = Math.max(0, offset - this.bom) - countAtOrBelow(this.lineEnds, offset);
    if (!this.composed) return at;
    const below = countAtOrBelow(this.known, at) - 1;
    const from = this.known[below];
    if (from === at) return this.knownNormalised[below];
    const mapped = this.knownNormalised[below] + this.uncomposed.slice(from, at).normalize('NFC').length;
    this.known.splice(below + 1, 0, at);
    this.knownNormalised.splice(below + 1, 0, mapped);
    return mapped;
  }
}

/// How many entries of the ascending `values` are at or below `limit`.
function countAtOrBelow(values: readonly number[], limit: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/// A short quotation of `text` for messages.
export function quoted(text: string, max = 40): string {
  const one = text.replace(/\s+/g, ' ');
  return JSON.stringify(one.length > max ? one.slice(0, max - 1) + '…' : one);
}
