/// Where the default workspace lives: inside the folder Electron uses as `userData` for this app,
/// computed the same way without Electron so the CLI and the app share one workspace.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/// The app's name as Electron derives its `userData` folder from it (package.json productName).
export const APP_NAME = 'Annotation Workbench';

/// Electron's `appData` for this platform.
export function appDataFolder(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return env.APPDATA ?? join(homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || join(homedir(), '.config');
}

/// The workspace to use: `--workspace`, else `AWB_WORKSPACE`, else `<userData>/workspace`.
export function resolveWorkspaceDir(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return resolve(flag);
  if (env.AWB_WORKSPACE) return resolve(env.AWB_WORKSPACE);
  return join(appDataFolder(env), APP_NAME, 'workspace');
}
