/// Browser mode's address kept in the workspace between starts (`browser-mode.json`): the port and
/// the token, so a bookmarked address keeps working after a restart. The file holds a secret, so
/// it is written readable by this user alone (0600), and one that others can read, or that is not
/// what this module writes, is not trusted: a new token replaces it.
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/// The file's name inside the workspace folder.
export const BROWSER_MODE_FILE = 'browser-mode.json';

/// A token: 24 random bytes, base64url (32 characters).
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

/// The address browser mode last served a workspace on.
export interface BrowserModeAddress {
  port: number;
  token: string;
}

/// A new random token.
export function newBrowserModeToken(): string {
  return randomBytes(24).toString('base64url');
}

/// The address kept in `dir`, or null when there is none to trust: no file, a file that is not
/// JSON of the expected shape, or one that users other than its owner can read or write (its
/// token may have been seen, or planted).
export function readBrowserModeAddress(dir: string): BrowserModeAddress | null {
  const path = join(dir, BROWSER_MODE_FILE);
  try {
    const info = statSync(path);
    if (!info.isFile() || (process.platform !== 'win32' && (info.mode & 0o077) !== 0)) return null;
    if (typeof process.getuid === 'function' && info.uid !== process.getuid()) return null;
    const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof data !== 'object' || data === null) return null;
    const { port, token } = data as Record<string, unknown>;
    if (!Number.isInteger(port) || (port as number) < 1 || (port as number) > 65535) return null;
    if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) return null;
    return { port: port as number, token };
  } catch {
    return null;
  }
}

/// Keeps `address` in `dir` (0600, replaced whole by a rename so a reader never sees half a file).
export function writeBrowserModeAddress(dir: string, address: BrowserModeAddress): void {
  const path = join(dir, BROWSER_MODE_FILE);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify({ port: address.port, token: address.token })}\n`, { mode: 0o600, flag: 'wx' });
    // The mode given at creation is narrowed by the umask, never widened; set it exactly anyway.
    chmodSync(temporary, 0o600);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/// The token to serve `dir` with and the port to try first: the kept ones; with `newToken`, the
/// kept port and a new token (addresses given out before stop working). With nothing
/// trustworthy kept, a new token and any free port.
export function browserModeStart(dir: string, options: { newToken?: boolean } = {}): { token: string; preferredPort: number } {
  const kept = readBrowserModeAddress(dir);
  return { token: kept && !options.newToken ? kept.token : newBrowserModeToken(), preferredPort: kept?.port ?? 0 };
}
