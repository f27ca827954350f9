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
