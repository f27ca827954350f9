/// Opening browser mode without putting its token on a command line. Any local user can read a
/// process's arguments (`/proc/<pid>/cmdline`, `ps`), so `xdg-open http://…/?token=…` would hand
/// the token to them for as long as the opener, or a browser it starts, runs. Instead the address
/// goes into a launch page only this user can read (mode 0600, in a fresh 0700 folder), a page
/// that redirects to it, and the opener gets that page's path.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/// A launch page on disk.
export interface LaunchPage {
  path: string;
  /// Deletes the page and its folder (synchronous, so it can run in a process `exit` handler).
  remove(): void;
}

/// The smallest part of a started process the opener uses.
export interface OpenerProcess {
  on(event: 'error', listener: (error: Error) => void): unknown;
  unref(): void;
}

/// Starts a program (node:child_process `spawn`'s shape, so tests can record the call).
export type SpawnOpener = (command: string, args: string[], options: { stdio: 'ignore'; detached: true }) => OpenerProcess;

/// Where and how {@link openInBrowser} opens the page.
export interface OpenInBrowserOptions {
  spawn: SpawnOpener;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  /// Folder the launch page's private folder is made in (default: the system's temp folder).
  parent?: string;
  /// Told when the opener could not be started.
  onError?: (error: Error) => void;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;', "'": '&#39;' };

/// The launch page for `url`, a browser-mode address on 127.0.0.1: a redirect there, and a link
/// for a browser that does not follow it. No script; a policy that allows none.
export function launchPageHtml(url: string): string {
  const target = new URL(url);
  if (target.protocol !== 'http:' || target.hostname !== '127.0.0.1') throw new Error(`not a browser-mode address: ${target.origin}`);
  const href = target.href.replace(/[&"<>']/g, (c) => ESCAPES[c]);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'">`,
    '<meta name="referrer" content="no-referrer">',
    `<meta http-equiv="refresh" content="0; url=${href}">`,
    '<title>Annotation Workbench</title>',
    '</head>',
    `<body><p><a href="${href}">Open the Annotation Workbench</a></p></body>`,
    '</html>',
    '',
  ].join('\n');
}

/// Writes the launch page for `url` into a new private folder under `parent`.
export function writeLaunchPage(url: string, parent: string = tmpdir()): LaunchPage {
  // mkdtemp makes the folder 0700; the page itself is 0600 and must not exist yet.
  const dir = mkdtempSync(join(parent, 'awb-launch-'));
  const path = join(dir, 'open-workbench.html');
  try {
    writeFileSync(path, launchPageHtml(url), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/// Whether a browser can be shown: not on Linux without X11 or Wayland (a server, an SSH session).
export function hasDisplay(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): boolean {
  return platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/// The command that opens a file with the system's default program.
export function openerCommand(path: string, platform: NodeJS.Platform = process.platform): [string, string[]] {
  if (platform === 'darwin') return ['open', [path]];
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', path]];
  return ['xdg-open', [path]];
}

/// Opens `url` in the default browser through a launch page; returns the page (the caller removes
/// it when the server stops), or null when there is no display.
export function openInBrowser(url: string, options: OpenInBrowserOptions): LaunchPage | null {
  if (!hasDisplay(options.platform, options.env)) return null;
  const page = writeLaunchPage(url, options.parent);
  const [command, args] = openerCommand(page.path, options.platform);
  const child = options.spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', (error) => options.onError?.(error));
  child.unref();
  return page;
}
