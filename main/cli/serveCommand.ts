/// `awb serve`: browser mode on a workspace. The port and token are kept in the workspace
/// (main/web/browserModeAddress.ts), so the address printed stays the same from one start to the
/// next: a bookmark keeps working. Where the port has been taken meanwhile, a free one is used;
/// the token stays.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setConfirmedAnnotator } from '../core/annotatorName.js';
import { importSeeds } from '../core/importArticles.js';
import { describeError } from '../core/fileErrors.js';
import { resolveWorkspaceDir } from '../core/workspaceLocation.js';
import { createWorkbench } from '../service/workbench.js';
import { browserModeStart, writeBrowserModeAddress } from '../web/browserModeAddress.js';
import { startWebServer } from '../web/webServer.js';
import type { CliContext } from './index.js';
import { openWorkspace } from './openWorkspace.js';
import { say, warn } from './output.js';
import { printNotices } from './print.js';

/// The options of `awb serve`.
export interface ServeOptions {
  workspace?: string;
  /// Exactly this port (0: any free one); unset, the workspace's last port where it is free.
  port?: number;
  /// A new token instead of the kept one.
  newToken?: boolean;
  /// The name to annotate under, recorded as confirmed (the app then does not ask for it).
  annotator?: string;
}

/// Runs `awb serve` until SIGINT or SIGTERM.
export async function serveCommand(options: ServeOptions, context: CliContext): Promise<void> {
  const rendererDir = join(context.packageRoot, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`the app is not built (${rendererDir} is missing): run "npm run build" first`);
  }
  const { server, close } = await serveWorkspace(resolveWorkspaceDir(options.workspace), rendererDir, context, options);
  say(server.url);
  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await close();
}

/// Opens the workspace (importing the seeds on first run) and serves it in browser mode, with the
/// kept token and port where it can, and keeps the address it ends up with; under
/// `options.annotator` when given (recorded as confirmed).
export async function serveWorkspace(dir: string, rendererDir: string, context: CliContext, options: Omit<ServeOptions, 'workspace'> = {}) {
  // The library shows at once; the index is checked against the files meanwhile.
  const workspace = await openWorkspace(dir, { app: 'awb serve', checkIndexInBackground: true });
  try {
    if (workspace.created) await importSeeds(workspace, join(context.packageRoot, 'seeds'));
    if (options.annotator !== undefined) await setConfirmedAnnotator(workspace, options.annotator);
    // The first backup holds the name too: restoring it does not bring the question back.
    if (workspace.created) await workspace.backup();
    // The workspace lock is held: no other server reads or writes the kept address meanwhile.
    const kept = browserModeStart(dir, { newToken: options.newToken });
    const port = options.port ?? kept.preferredPort;
    const server = await startWebServer({ api: createWorkbench(workspace), rendererDir, token: kept.token, port, orFreePort: options.port === undefined }).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      throw new Error(`port ${port} is in use by another program: give another with --port, or leave --port out to take a free one`);
    });
    try {
      writeBrowserModeAddress(dir, { port: server.port, token: server.token });
    } catch (error) {
      warn(`awb serve: the address could not be kept for the next start (${describeError(error)}); it will change then`);
    }
    printNotices('serve', workspace.notices);
    return {
      server,
      close: async () => {
        await server.close();
        await workspace.close();
      },
    };
  } catch (error) {
    await workspace.close();
    throw error;
  }
}
