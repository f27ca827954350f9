/// Reading a call with bytes as browser mode sends it (renderer/src/binaryCall.ts): `<n>\n`, n
/// bytes of JSON whose `{ "$bytes": [offset, length] }` objects stand for byte ranges of the rest
/// of the body, then those bytes. Each range must lie within the body; anything else is refused,
/// so a malformed body never reaches the service.

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
  let args: unknown;
  try {
    args = JSON.parse(body.subarray(newline + 1, jsonEnd).toString('utf8'), (_key, value: unknown) => {
      if (value === null || typeof value !== 'object' || !('$bytes' in value)) return value;
      const range = (value as { $bytes: unknown }).$bytes;
      const [start, size] = Array.isArray(range) && range.length === 2 ? (range as unknown[]) : [];
      if (Object.keys(value).length !== 1 || !Number.isSafeInteger(start) || !Number.isSafeInteger(size) || (start as number) < 0 || (size as number) < 0 || (start as number) + (size as number) > bytes.length) {
        problem ??= new Error('the request body names bytes it does not hold');
        return null;
      }
      return bytes.subarray(start as number, (start as number) + (size as number));
    });
  } catch {
    return new Error('the request body is not JSON');
  }
  if (problem) return problem;
  return Array.isArray(args) ? args : new Error('the request body is not a list of arguments');
}
