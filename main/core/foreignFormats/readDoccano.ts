/// doccano JSONL (sequence labelling export): one document per line with `text` and either
/// `label: [[start, end, "LABEL"], …]` or `entities: [{id, label, start_offset, end_offset}]` with
/// `relations: [{id, from_id, to_id, type}]`. doccano takes its offsets from the browser, so they
/// are UTF-16 code units (doccano issue #2290); a line that says `"offsets": "codepoints"`, or
/// `--offsets`, says otherwise.
import { ForeignRejected, type ForeignDocument, type ForeignFile, type ForeignInput, type OffsetUnit } from './foreignFile.js';
import { arrayOf, isObject, needNumber, needString, readJsonLines } from './readJsonLines.js';

/// Whether a line looks like doccano's.
export function looksLikeDoccano(line: Record<string, unknown>): boolean {
  return typeof line.text === 'string' && (Array.isArray(line.label) || Array.isArray(line.entities));
}

/// Reads a doccano JSONL file.
export function readDoccano(input: ForeignInput, unit: OffsetUnit = 'utf16'): ForeignFile {
  const documents: ForeignDocument[] = readJsonLines(input, 'doccano').map(({ line, value }) => {
    const where = `line ${line}`;
    const text = needString(input, where, value.text, '"text"');
    const stated = value.offsets === 'codepoints' || value.offsets === 'utf16' ? value.offsets : unit;
    const doc: ForeignDocument = { name: where, text, unit: stated, spans: [], relations: [] };
    arrayOf(input, where, value.label, '"label"').forEach((entry, i) => {
      const at = `${where} label[${i}]`;
      if (!Array.isArray(entry) || entry.length !== 3) throw new ForeignRejected(input.name, `${at}: expected [start, end, "label"]`);
      doc.spans.push({ start: needNumber(input, at, entry[0], 'start'), end: needNumber(input, at, entry[1], 'end'), label: needString(input, at, entry[2], 'the label'), where: at });
    });
    arrayOf(input, where, value.entities, '"entities"').forEach((entry, i) => {
      const at = `${where} entities[${i}]`;
      if (!isObject(entry)) throw new ForeignRejected(input.name, `${at}: expected an object`);
      doc.spans.push({
        id: entry.id === undefined ? undefined : String(entry.id),
        start: needNumber(input, at, entry.start_offset, 'start_offset'),
        end: needNumber(input, at, entry.end_offset, 'end_offset'),
        label: needString(input, at, entry.label, 'label'),
        where: at,
      });
    });
    arrayOf(input, where, value.relations, '"relations"').forEach((entry, i) => {
      const at = `${where} relations[${i}]`;
      if (!isObject(entry)) throw new ForeignRejected(input.name, `${at}: expected an object`);
      doc.relations.push({ id: entry.id === undefined ? undefined : String(entry.id), type: needString(input, at, entry.type, 'type'), from: String(entry.from_id), to: String(entry.to_id), where: at });
    });
    return doc;
  });
  return { format: 'doccano', documents, warnings: [] };
}
