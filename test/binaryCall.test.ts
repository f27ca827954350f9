// Calls with bytes in browser mode: the page's encoder (renderer/src/binaryCall.ts) and the
// server's decoder (main/web/binaryCall.ts) give back the same arguments, bytes exact; a body
// that names bytes it does not hold, or is not what it says, is refused with the reason.
import { describe, expect, it } from 'vitest';
import { decodeBinaryCall } from '../main/web/binaryCall';
import { BINARY_CALL_TYPE, encodeCall, withBlobsRead } from '../renderer/src/binaryCall';

async function roundTrip(args: unknown[]): Promise<unknown[] | Error> {
  const { contentType, body } = encodeCall(args);
  expect(contentType).toBe(BINARY_CALL_TYPE);
  return decodeBinaryCall(Buffer.from(await (body as Blob).arrayBuffer()));
}

const frame = (json: string, bytes = '') => Buffer.from(`${Buffer.byteLength(json)}\n${json}${bytes}`);

describe('binary calls', () => {
  it('carry several files’ bytes exactly, beside other arguments, and text that is not ASCII', async () => {
    const a = new Uint8Array([0, 1, 2, 255, 10, 13]);
    const b = new TextEncoder().encode('Алеппо 😀\r\n');
    const decoded = (await roundTrip([[{ name: 'ä.txt', bytes: a }, { name: 'b.txt', bytes: b }, { name: 'empty.txt', bytes: new Uint8Array() }], { note: 'Ωμέγα' }])) as [
      { name: string; bytes: Uint8Array }[],
      unknown,
    ];
    expect(decoded[0].map((f) => f.name)).toEqual(['ä.txt', 'b.txt', 'empty.txt']);
    expect([...decoded[0][0].bytes]).toEqual([...a]);
    expect(Buffer.from(decoded[0][1].bytes).toString('utf8')).toBe('Алеппо 😀\r\n');
    expect(decoded[0][2].bytes.byteLength).toBe(0);
    expect(decoded[1]).toEqual({ note: 'Ωμέγα' });
  });

  it('are plain JSON when no argument holds bytes', () => {
    expect(encodeCall([{ a: 1 }])).toEqual({ contentType: 'application/json', body: '[{"a":1}]' });
  });

  it.each([
    ['no length line', Buffer.from('[1]'), 'does not start with the length of its JSON'],
    ['a length that is not a number', Buffer.from('1x\n[1]'), 'does not start with the length of its JSON'],
    ['a JSON shorter than said', Buffer.from('99\n[1]'), 'shorter than its JSON'],
    ['JSON that is not', frame('[1,'), 'not JSON'],
    ['bytes past the end', frame('[{"$bytes":[0,5]}]', 'abc'), 'names bytes it does not hold'],
    ['a negative range', frame('[{"$bytes":[-1,2]}]', 'abc'), 'names bytes it does not hold'],
    ['a range with more in it', frame('[{"$bytes":[0,1],"x":1}]', 'abc'), 'names bytes it does not hold'],
    ['not a list', frame('{"$bytes":[0,3]}', 'abc'), 'not a list of arguments'],
    ['one range twice (a few bytes made into many files)', frame('[{"$bytes":[0,3]},{"$bytes":[0,3]}]', 'abc'), 'names them out of order'],
    ['ranges out of order', frame('[{"$bytes":[1,2]},{"$bytes":[0,1]}]', 'abc'), 'names them out of order'],
    ['bytes no argument names', frame('[{"$bytes":[0,2]}]', 'abc'), 'holds bytes that no argument names'],
  ])('refuse %s', (_what, body, reason) => {
    const decoded = decodeBinaryCall(body);
    expect(decoded).toBeInstanceOf(Error);
    expect((decoded as Error).message).toContain(reason);
  });
});

describe('a chosen file (a Blob) in a call', () => {
  it('is sent as its bytes, after the JSON, exactly', async () => {
    const file = new Blob(['Aleppo 😀\n', new Uint8Array([0, 255])]);
    const decoded = (await roundTrip([[{ name: 'a.txt', bytes: file }]])) as [{ name: string; bytes: Uint8Array }[]];
    expect([...decoded[0][0].bytes]).toEqual([...new Uint8Array(await file.arrayBuffer())]);
  });

  it('is read into bytes for a transport that cannot carry it', async () => {
    const read = (await withBlobsRead([[{ name: 'a.txt', bytes: new Blob(['abc']) }], 'x', { n: 1 }])) as [[{ bytes: Uint8Array }], string, unknown];
    expect(read[0][0].bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(read[0][0].bytes).toString()).toBe('abc');
    expect(read.slice(1)).toEqual(['x', { n: 1 }]);
  });
});
