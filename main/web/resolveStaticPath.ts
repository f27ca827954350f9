/// Maps a URL path to a file inside a root folder, refusing anything that would leave it
/// (`..`, encoded separators, NUL). Shared by browser mode and the Electron `app://` protocol.
import { isAbsolute, relative, resolve } from 'node:path';

/// The file for `pathname` under `root`, or `null` when the path is malformed or escapes the root.
export function resolveStaticPath(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const base = resolve(root);
  const path = resolve(base, '.' + (decoded === '/' || decoded === '' ? '/index.html' : decoded));
  const inside = relative(base, path);
  if (!inside || inside.startsWith('..') || isAbsolute(inside)) return null;
  return path;
}
