/// A call whose arguments hold bytes (an uploaded file), as browser mode sends it: a body of
/// `<n>\n`, then n bytes of JSON in which each `Uint8Array` stands as `{ "$bytes": [offset,
/// length] }`, then the bytes themselves, one after another (content type
/// {@link BINARY_CALL_TYPE}). The body is a Blob of those parts, so the browser sends a file's
/// bytes as they are: no base64 string, no JSON text of megabytes built in the page, nothing that
/// holds the page while a large file is sent. The service's side is main/web/binaryCall.ts.

/// The content type of a call with bytes.
export const BINARY_CALL_TYPE = 'application/vnd.awb.call+binary';

/// The body and content type of a call with `args`: plain JSON when they hold no bytes.
export function encodeCall(args: unknown[]): { contentType: string; body: string | Blob } {
  const parts: Uint8Array[] = [];
  let offset = 0;
  // The holder's own value: `value` is what a `toJSON` made of it (a Node Buffer has one).
  const json = JSON.stringify(args, function (this: Record<string, unknown>, key, value: unknown) {
    const raw = this[key];
    if (!(raw instanceof Uint8Array)) return value;
    parts.push(raw);
    offset += raw.byteLength;
    return { $bytes: [offset - raw.byteLength, raw.byteLength] };
  });
  if (parts.length === 0) return { contentType: 'application/json', body: json };
  const head = new TextEncoder().encode(json);
  return { contentType: BINARY_CALL_TYPE, body: new Blob([`${head.byteLength}\n`, head, ...parts] as BlobPart[]) };
}
