/// A failed file operation in words: Node's errors read "ENOSPC: no space left on device, write",
/// which names neither the file nor what to do. The store's SaveFailedError and the CLI say it so.

/// What each error code means, for someone who does not know the codes.
const ERRNO_WORDS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  EIO: 'the disk reported an input/output error',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EBUSY: 'the file is in use by another program',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  ENOENT: 'no such file or folder',
  EEXIST: 'it already exists',
  ENOTEMPTY: 'the folder is not empty',
  EXDEV: 'it is on another disk',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EFBIG: 'the file is too large',
};

/// What was being done, by the system call Node names.
const SYSCALL_WORDS: Record<string, string> = {
  open: 'open',
  read: 'read',
  write: 'write',
  close: 'close',
  fsync: 'flush to disk',
  rename: 'move',
  copyfile: 'copy',
  link: 'link',
  mkdir: 'create the folder',
  rmdir: 'remove the folder',
  rm: 'remove',
  unlink: 'remove',
  scandir: 'list the folder',
  stat: 'look at',
  lstat: 'look at',
  utime: 'touch',
};

/// Whether `error` is a failed system call (Node's errors carry an `E…` code and the call).
export function isErrnoError(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return error instanceof Error && typeof code === 'string' && /^E[A-Z0-9]+$/.test(code);
}

/// The error code in words, with the code for searching ("the disk is full (ENOSPC)").
export function errnoWords(error: NodeJS.ErrnoException): string {
  const words = error.code ? ERRNO_WORDS[error.code] : undefined;
  return words ? `${words} (${error.code})` : error.message;
}

/// A failed system call as a sentence: what failed, on which file, and why.
export function describeErrnoError(error: NodeJS.ErrnoException): string {
  const action = error.syscall ? (SYSCALL_WORDS[error.syscall] ?? error.syscall) : 'use';
  const dest = (error as { dest?: unknown }).dest;
  const target = error.path ? ` ${error.path}${typeof dest === 'string' ? ` to ${dest}` : ''}` : ' a file';
  return `could not ${action}${target}: ${errnoWords(error)}`;
}

/// Any error as one line for the user: failed system calls in words, anything else by its message.
export function describeError(error: unknown): string {
  if (isErrnoError(error)) return describeErrnoError(error);
  return error instanceof Error ? error.message : String(error);
}
