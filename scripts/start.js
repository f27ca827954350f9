// `npm start`: builds the app where its sources changed since the last build (scripts/build.js
// --if-stale; an up-to-date build starts at once) and launches Electron. Where the Electron binary is missing (it is
// downloaded from the internet on first use, which offline machines cannot do), explains that and
// runs the same workbench in browser mode instead. Electron also needs its own build of
// better-sqlite3's native module (the one `npm install` made is for Node): it is built once per
// Electron version into out/native/ and named to the app in AWB_SQLITE_BINDING
// (main/core/store/sqlIndex/sqliteBinding.ts); where it cannot be built, browser mode again.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildTargets } from './build.js';
import { electronSqliteBinding } from './electronSqlite.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const passThrough = process.argv.slice(2);
const require = createRequire(import.meta.url);

/// The Electron executable, or null when it is not installed.
function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

try {
  const built = await buildTargets(root, { onlyStale: true });
  if (!built.length) console.log('The build in out/ is up to date with the sources.');
} catch (error) {
  console.error(`npm start: ${error.message}`);
  process.exit(1);
}

let electron = electronBinary();
if (!electron && !process.env.AWB_BROWSER_MODE) {
  // Dependency install scripts are disabled (.npmrc), so fetch the binary now if we can.
  const install = spawnSync(process.execPath, [require.resolve('electron/install.js')], {
    cwd: root,
    stdio: 'ignore',
    timeout: 180_000,
  });
  if (install.status === 0) electron = electronBinary();
}

/// Set when Electron is there but better-sqlite3 could not be built for it (the reason is printed).
let sqliteBindingFailed = false;
let sqliteBinding = null;
if (electron && !process.env.AWB_BROWSER_MODE) {
  const built = electronSqliteBinding(electron, { log: console.log });
  if ('failure' in built) {
    sqliteBindingFailed = true;
    console.log(
      `\n${built.failure}\nStarting the same workbench in browser mode instead: it serves the app on 127.0.0.1 only, ` +
        'protected by the token in the address below (the same address each time for this workspace). Open it in Chromium, Chrome, Firefox or Edge; ' +
        'press Ctrl+C to stop.\n',
    );
    electron = null;
  } else sqliteBinding = built.binding;
}

if (electron && sqliteBinding && !process.env.AWB_BROWSER_MODE) {
  const child = spawn(electron, [root, ...passThrough], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, AWB_SQLITE_BINDING: sqliteBinding },
  });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!process.env.AWB_BROWSER_MODE && !sqliteBindingFailed) {
    console.log(
      '\nThe Electron binary is not installed, and it could not be downloaded (Electron fetches it ' +
        'from the internet on first use, which this machine cannot reach). Starting the same workbench ' +
        'in browser mode instead: it serves the app on 127.0.0.1 only, protected by the token in the ' +
        'address below (the same address each time for this workspace). Open it in Chromium, Chrome, Firefox or Edge; press Ctrl+C to ' +
        'stop. To get the desktop app, run "node node_modules/electron/install.js" on a connected machine, ' +
        'or point ELECTRON_OVERRIDE_DIST_PATH at an Electron build.\n',
    );
  }
  const server = spawn(process.execPath, [fileURLToPath(new URL('../bin/awb.js', import.meta.url)), 'serve', ...passThrough], {
    cwd: root,
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  let announced = false;
  server.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const url = String(chunk).match(/http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/)?.[0];
    if (url && !announced) {
      announced = true;
      openBrowser(url).catch((error) => console.log(`(could not open a browser: ${error.message}; open the address above yourself)`));
    }
  });
  const stop = () => server.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code) => process.exit(code ?? 0));
}

/// Opens `url` in the default browser when there is a display to show it on. The opener gets the
/// path of a private launch page, never the address: its token would be readable by every local
/// user in the opener's command line (main/web/launchPage.ts).
async function openBrowser(url) {
  const { register } = await import('tsx/esm/api');
  register();
  const { openInBrowser } = await import('../main/web/launchPage.ts');
  const page = openInBrowser(url, {
    spawn,
    onError: () => console.log('(could not open a browser: open the address above yourself)'),
  });
  if (page) process.on('exit', () => page.remove());
}
