/// Which format a file is in, told by its content (never by its name alone): brat by `.ann`
/// files, our exchange file by its `format`, W3C by its JSON-LD context or type, Label Studio by
/// its tasks, doccano and Prodigy JSONL by their lines' keys, CoNLL by its tag column.
import { EXCHANGE_FORMAT } from '../exchange/exchangeFormat.js';
import { ForeignRejected, FOREIGN_FORMATS, type ForeignFormat, type ForeignInput } from './foreignFile.js';
import { looksLikeBrat } from './readBrat.js';
import { looksLikeConll } from './readConll.js';
import { looksLikeDoccano } from './readDoccano.js';
import { isObject } from './readJsonLines.js';
import { looksLikeLabelStudio } from './readLabelStudio.js';
import { looksLikeProdigy } from './readProdigy.js';
import { looksLikeW3c } from './readW3c.js';

/// The format of `input`, or a refusal that lists what can be read.
export function detectFormat(input: ForeignInput): ForeignFormat {
  if (looksLikeBrat(input)) return 'brat';
  const unknown = () => new ForeignRejected(input.name, `the format cannot be told from the content; name it (--format in awb, Format in the app): ${FOREIGN_FORMATS.join(', ')}`);
  if (input.files.size !== 1) throw unknown();
  const bytes = [...input.files.values()][0];
  // The start is enough to tell (and a wrong encoding is reported by the reader, naming the file).
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, 1 << 20)).replace(/^\uFEFF/, '');
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
    } catch {
      json = undefined;
    }
    if (isObject(json) && json.format === EXCHANGE_FORMAT) return 'exchange';
    if (looksLikeW3c(json)) return 'w3c';
    if (looksLikeLabelStudio(json)) return 'label-studio';
    const first = json === undefined ? firstLine(trimmed) : json;
    if (isObject(first) && looksLikeProdigy(first)) return 'prodigy';
    if (isObject(first) && looksLikeDoccano(first)) return 'doccano';
    throw unknown();
  }
  if (looksLikeConll(text)) return 'conll';
  throw unknown();
}

/// The first line parsed as JSON (a JSONL file), or undefined.
function firstLine(text: string): unknown {
  try {
    return JSON.parse(text.split('\n', 1)[0]);
  } catch {
    return undefined;
  }
}
