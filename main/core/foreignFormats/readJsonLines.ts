/// JSON Lines, as doccano and Prodigy write them: one JSON object per line, blank lines ignored.
import { decodeUtf8, ForeignRejected, type ForeignInput } from './foreignFile.js';

/// The one file of `input` (a JSON or JSONL reader takes a single file).
export function singleFile(input: ForeignInput, format: string): [string, Uint8Array] {
  if (input.files.size !== 1) throw new ForeignRejected(input.name, `a ${format} import takes one file, not a folder or zip of ${input.files.size}`);
  return [...input.files][0];
}

/// The one file of `input` read as JSON (a byte order mark allowed), or a refusal naming the file.
export function readSingleJson(input: ForeignInput, format: string): unknown {
  const [path, bytes] = singleFile(input, format);
  try {
    return JSON.parse(decodeUtf8(bytes, path, input.name).replace(/^\uFEFF/, ''));
  } catch (error) {
    if (error instanceof ForeignRejected) throw error;
    throw new ForeignRejected(input.name, `not JSON (${(error as Error).message})`);
  }
}

/// Each line's object with its line number.
export function readJsonLines(input: ForeignInput, format: string): { line: number; value: Record<string, unknown> }[] {
  const [path, bytes] = singleFile(input, format);
  const lines: { line: number; value: Record<string, unknown> }[] = [];
  decodeUtf8(bytes, path, input.name)
    .replace(/^\uFEFF/, '')
    .split('\n')
    .forEach((text, i) => {
      if (!text.trim()) return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new ForeignRejected(input.name, `line ${i + 1}: not JSON (${(error as Error).message})`);
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ForeignRejected(input.name, `line ${i + 1}: expected a JSON object`);
      lines.push({ line: i + 1, value: value as Record<string, unknown> });
    });
  if (!lines.length) throw new ForeignRejected(input.name, 'the file holds no lines');
  return lines;
}

/// `value` as a string, or a refusal naming where it is and what was expected.
export function needString(input: ForeignInput, where: string, value: unknown, what: string): string {
  if (typeof value !== 'string') throw new ForeignRejected(input.name, `${where}: ${what} must be a string`);
  return value;
}

/// `value` as a number, or a refusal.
export function needNumber(input: ForeignInput, where: string, value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ForeignRejected(input.name, `${where}: ${what} must be a number`);
  return value;
}

/// `value` as an array (absent: empty), or a refusal.
export function arrayOf(input: ForeignInput, where: string, value: unknown, what: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ForeignRejected(input.name, `${where}: ${what} must be a list`);
  return value;
}

/// Whether `value` is a plain object.
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
