/// Where better-sqlite3's native module is, when it is not the one in node_modules.
///
/// `npm install` builds the module for Node, which the CLI, browser mode and the tests run on.
/// Electron's main process has another ABI and cannot load that build. The packaged app needs
/// nothing here: electron-builder rebuilds the module in node_modules for Electron before packing
/// it. `npm start` cannot touch node_modules (Node still needs its build), so it builds an
/// Electron copy once, under out/native/, and names it in `AWB_SQLITE_BINDING` (scripts/start.js).
import { statSync } from 'node:fs';
import { isAbsolute } from 'node:path';

/// The environment variable in which `npm start` names the Electron build of the module.
export const SQLITE_BINDING_VARIABLE = 'AWB_SQLITE_BINDING';

/// What `sqliteOptions` looks at: the running process, unless a test passes another.
export interface SqliteRuntime {
  versions: { electron?: string };
  /// Electron sets it in the main process of an app started as `electron <folder>` (`npm start`,
  /// the end-to-end test); a packaged app leaves it undefined.
  defaultApp?: boolean;
  env: Record<string, string | undefined>;
}

/// Options for `new Database(path, { ...sqliteOptions(), … })`: `{ nativeBinding }` under an
/// unpackaged Electron when `AWB_SQLITE_BINDING` names an existing `.node` file by its absolute
/// path, else none (Node, and the packaged app, load the build in node_modules). A packaged app
/// ignores the variable, so that the environment cannot make it load native code of its choosing.
export function sqliteOptions(runtime: SqliteRuntime = process): { nativeBinding?: string } {
  if (!runtime.versions.electron || runtime.defaultApp !== true) return {};
  const path = runtime.env[SQLITE_BINDING_VARIABLE];
  // better-sqlite3 appends `.node` to a path without it: only a path that already ends so is the
  // file checked here.
  if (!path || !isAbsolute(path) || !path.endsWith('.node') || !isFile(path)) return {};
  return { nativeBinding: path };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
