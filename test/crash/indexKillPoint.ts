// The crash test's deterministic kill point: between a document file's durable write and the write
// of the SQL index that follows it. The store calls the index (`WorkspaceIndex.putDocument` for an
// import, `updateDocument` for an annotation change) only once the file is renamed into place and
// its folder flushed, so a writer that kills itself as that call begins has crashed exactly between
// the two writes: the file holds the change, the index does not. No hook in the store is needed.
import { WorkspaceIndex } from '../../main/core/store/sqlIndex/workspaceIndex';

/// The environment variable that arms the kill point in the crash writer: `import:N` or `update:N`,
/// to die at the Nth index write of that kind after the writer printed `ready`.
export const KILL_POINT_VARIABLE = 'AWB_CRASH_KILL_BEFORE_INDEX';

/// Which index write the writer dies before: an import's (`putDocument`) or an annotation change's
/// (`updateDocument`), and the how-manieth of that kind.
export interface KillPoint {
  kind: 'import' | 'update';
  nth: number;
}

/// What the writer prints (as `killpoint <json>`) just before it kills itself.
export interface KillPointReached {
  kind: KillPoint['kind'];
  /// The document whose file was written and whose index entry was not.
  docId: string;
}

/// The variable's value for a kill point.
export function formatKillPoint(point: KillPoint): string {
  return `${point.kind}:${point.nth}`;
}

/// The kill point a variable's value names, or null when there is none (or it is malformed).
export function parseKillPoint(value: string | undefined): KillPoint | null {
  const match = /^(import|update):([1-9]\d*)$/.exec(value ?? '');
  return match ? { kind: match[1] as KillPoint['kind'], nth: Number(match[2]) } : null;
}

/// Makes this process tell `announce` and then SIGKILL itself as the Nth index write of the
/// kind begins (in the writer: once it is ready, so the opening's own index check is not counted).
export function armKillPoint(point: KillPoint, announce: (reached: KillPointReached) => void): void {
  const method = point.kind === 'import' ? 'putDocument' : 'updateDocument';
  const original = WorkspaceIndex.prototype[method] as (this: WorkspaceIndex, ...args: unknown[]) => void;
  let seen = 0;
  WorkspaceIndex.prototype[method] = function (this: WorkspaceIndex, ...args: unknown[]) {
    if (++seen === point.nth) {
      // putDocument(file, stamp) and updateDocument(before, after, stamp): the document is the
      // second-to-last argument.
      const file = args[args.length - 2] as { document: { id: string } };
      announce({ kind: point.kind, docId: file.document.id });
      process.kill(process.pid, 'SIGKILL');
    }
    return original.apply(this, args);
  } as never;
}
