/// Reading a call with bytes as browser mode sends it (renderer/src/binaryCall.ts): `<n>\n`, n
/// bytes of JSON whose `{ "$bytes": [offset, length] }` objects stand for byte ranges of the rest
/// of the body, then those bytes. The ranges must lie end to end, in the order of the JSON, and
/// cover the rest of the body exactly (as the page lays them out): so no byte stands for two
/// arguments, and a body cannot make a few megabytes into gigabytes of files. Anything else is
/// refused, so a malformed body never reaches the service.

/// The content type of a call with bytes.
export const BINARY_CALL_TYPE = 'application/vnd.awb.call+binary';

/// Longest header line: the JSON's length in decimal digits.
const MAX_HEAD_DIGITS = 12;

/// The arguments in `body`, byte ranges as Buffers (views of `body`), or an Error saying why not.
export function decodeBinaryCall(body: Buffer): unknown[] | Error {
  const newline = body.indexOf(0x0a);
  if (newline < 1 || newline > MAX_HEAD_DIGITS) return new Error('the request body does not start with the length of its JSON');
  const head = body.subarray(0, newline).toString('latin1');
  if (!/^\d+$/.test(head)) return new Error('the request body does not start with the length of its JSON');
  const length = Number(head);
  const jsonEnd = newline + 1 + length;
  if (jsonEnd > body.length) return new Error('the request body is shorter than its JSON');
  const bytes = body.subarray(jsonEnd);
  let problem: Error | null = null;
  // Where the next range must start (the reviver meets them in document order).
  let next = 0;
  let args: unknown;
  try {
    args = JSON.parse(body.subarray(newline + 1, jsonEnd).toString('utf8'), (_key, value: unknown) => {
      if (value === null || typeof value !== 'object' || !('$bytes' in value)) return value;
      const range = (value as { $bytes: unknown }).$bytes;
      const [start, size] = Array.isArray(range) && range.length === 2 ? (range as unknown[]) : [];
      if (Object.keys(value).length !== 1 || start !== next || !Number.isSafeInteger(size) || (size as number) < 0 || next + (size as number) > bytes.length) {
        problem ??= new Error('the request body names bytes it does not hold, or names them out of order');
        return null;
      }
      next += size as number;
      return bytes.subarray(start, next);
    });
  } catch {
    return new Error('the request body is not JSON');
  }
  if (problem) return problem;
  if (next !== bytes.length) return new Error('the request body holds bytes that no argument names');
  return Array.isArray(args) ? args : new Error('the request body is not a list of arguments');
}
