// A fault-injecting file system for tests: makes the Nth write, fsync or rename (as the store's
// atomic writes perform them) fail with a chosen error code, like a full or failing disk.
import fs from 'node:fs';
import { open } from 'node:fs/promises';

/// The operations that can be made to fail.
export type FaultOp = 'write' | 'fsync' | 'rename';

const MESSAGES: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EACCES: 'permission denied',
  EIO: 'i/o error',
};

/// Installs a fault; returns a function that removes it and tells whether it fired.
export async function injectFault(op: FaultOp, nth: number, code: string): Promise<() => boolean> {
  let calls = 0;
  let fired = false;
  const fail = () => {
    calls++;
    if (calls !== nth) return null;
    fired = true;
    return Object.assign(new Error(`${code}: ${MESSAGES[code] ?? 'failure'}, ${op}`), { code, errno: -1, syscall: op });
  };
  const restore: (() => void)[] = [];
  const patch = <K extends 'write' | 'fsync' | 'rename'>(name: K) => {
    const original = fs[name] as (...args: unknown[]) => void;
    (fs as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      const error = fail();
      const callback = args[args.length - 1] as (error: Error) => void;
      if (error) return void process.nextTick(() => callback(error));
      return original.apply(fs, args);
    };
    restore.push(() => ((fs as unknown as Record<string, unknown>)[name] = original));
  };
  if (op === 'write' || op === 'rename') patch(op);
  if (op === 'fsync') {
    patch('fsync');
    // Folder fsyncs go through FileHandle.sync.
    const handle = await open(import.meta.filename, 'r');
    const proto = Object.getPrototypeOf(handle) as { sync: () => Promise<void> };
    await handle.close();
    const original = proto.sync;
    proto.sync = function (this: unknown) {
      const error = fail();
      return error ? Promise.reject(error) : original.call(this);
    };
    restore.push(() => (proto.sync = original));
  }
  return () => {
    for (const undo of restore) undo();
    return fired;
  };
}

/// Makes the disk behave as if only `freeBytes` were left for writes through `fs.write`, as a
/// nearly full disk does: a write larger than what is left writes part of it and reports that
/// short count, and the next one fails with ENOSPC (or, with `stall`, reports 0 bytes written).
/// With `perWrite`, no single write takes more than that (the disk never fills; writes are short).
/// Returns a function that removes it and tells how many bytes were written through it.
export function injectFullDisk(freeBytes: number, options: { stall?: boolean; perWrite?: number } = {}): () => number {
  let left = freeBytes;
  let written = 0;
  const original = fs.write as (...args: unknown[]) => void;
  (fs as unknown as Record<string, unknown>).write = (...args: unknown[]) => {
    const callback = args[args.length - 1] as (error: Error | null, written?: number) => void;
    const [fd, buffer, offset, length, position] = args as [number, Uint8Array, number, number, number | null];
    if (typeof length !== 'number') return original.apply(fs, args); // string writes are not the store's
    if (left === 0) {
      if (options.stall) return void process.nextTick(() => callback(null, 0));
      const error = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
      return void process.nextTick(() => callback(error));
    }
    const take = Math.min(length, left, options.perWrite ?? Infinity);
    left -= take;
    written += take;
    return original.call(fs, fd, buffer, offset, take, position, callback);
  };
  return () => {
    (fs as unknown as Record<string, unknown>).write = original;
    return written;
  };
}
