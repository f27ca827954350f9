/// A call whose arguments hold bytes (an uploaded file), as browser mode sends it: a body of
/// `<n>\n`, then n bytes of JSON in which each `Uint8Array` or Blob (a chosen File) stands as
/// `{ "$bytes": [offset, length] }`, then the bytes themselves, one after another (content type
/// {@link BINARY_CALL_TYPE}). The body is a Blob of those parts, so the browser sends a file's
/// bytes as they are, straight from the file: no base64 string, no copy of megabytes in the page,
/// nothing that holds the page while a large file is sent. The service's side is
/// main/web/binaryCall.ts.

/// The content type of a call with bytes.
export const BINARY_CALL_TYPE = 'application/vnd.awb.call+binary';

/// `value` with every Blob in it (in arrays and plain objects) replaced by its bytes: what a
/// transport that cannot carry a Blob (Electron's context bridge) sends.
export async function withBlobsRead(value: unknown): Promise<unknown> {
  if (value instanceof Blob) return new Uint8Array(await value.arrayBuffer());
  if (Array.isArray(value)) return Promise.all(value.map(withBlobsRead));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await withBlobsRead(v)])));
  }
  return value;
}

/// The body and content type of a call with `args`: plain JSON when they hold no bytes.
export function encodeCall(args: unknown[]): { contentType: string; body: string | Blob } {
  const parts: (Uint8Array | Blob)[] = [];
  let offset = 0;
  // The holder's own value: `value` is what a `toJSON` made of it (a Node Buffer has one).
  const json = JSON.stringify(args, function (this: Record<string, unknown>, key, value: unknown) {
    const raw = this[key];
    if (!(raw instanceof Uint8Array) && !(raw instanceof Blob)) return value;
    const size = raw instanceof Blob ? raw.size : raw.byteLength;
    parts.push(raw);
    offset += size;
    return { $bytes: [offset - size, size] };
  });
  if (parts.length === 0) return { contentType: 'application/json', body: json };
  const head = new TextEncoder().encode(json);
  return { contentType: BINARY_CALL_TYPE, body: new Blob([`${head.byteLength}\n`, head, ...parts] as BlobPart[]) };
}
