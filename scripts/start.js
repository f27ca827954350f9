// `npm start`: builds the app and launches Electron. Where the Electron binary is missing (it is
// downloaded from the internet on first use, which offline machines cannot do), explains that and
// runs the same workbench in browser mode instead. Electron also needs its own build of
// better-sqlite3's native module (the one `npm install` made is for Node): it is built once per
// Electron version into out/native/ and named to the app in AWB_SQLITE_BINDING
// (main/core/store/sqlIndex/sqliteBinding.ts); where it cannot be built, browser mode again.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

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

const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

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
  sqliteBinding = electronSqliteBinding(electron);
  if (!sqliteBinding) electron = null;
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
        'in browser mode instead: it serves the app on 127.0.0.1 only, protected by the one-time token ' +
        'in the address below. Open that address in Chromium, Chrome, Firefox or Edge; press Ctrl+C to ' +
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

/// The path of better-sqlite3's native module built for the Electron at `electron`, building it
/// into out/native/electron-<version>/better-sqlite3-<version>/ the first time (about as long as
/// `npm install`'s build). Null, having said why, when it cannot be built: node-gyp needs
/// Electron's headers, downloaded once from electronjs.org into ~/.electron-gyp/<version>/ (where
/// electron-builder's rebuild keeps them too), and python3, make and a C++ compiler.
function electronSqliteBinding(electron) {
  const electronVersion = electronVersionOf(electron);
  const moduleRoot = join(dirname(require.resolve('better-sqlite3')), '..');
  const moduleVersion = JSON.parse(readFileSync(join(moduleRoot, 'package.json'), 'utf8')).version;
  const folder = join(root, 'out', 'native', `electron-${electronVersion}`, `better-sqlite3-${moduleVersion}`);
  const binding = join(folder, 'better_sqlite3.node');
  if (existsSync(binding)) return binding;

  const fail = (why, output = '') => {
    sqliteBindingFailed = true;
    const tail = output.trim().split('\n').slice(-12).join('\n');
    console.log(
      `\n${tail ? `${tail}\n\n` : ''}Could not build better-sqlite3 (the workspace's SQLite index) for Electron ` +
        `${electronVersion}: ${why}. The build npm install made is for Node, which Electron cannot load. ` +
        'The build needs python3, make and a C++ compiler, and Electron\'s headers, which node-gyp downloads once ' +
        `from https://electronjs.org/headers into ${join(homedir(), '.electron-gyp', electronVersion)} (this ` +
        'machine may not reach it; copying that folder from a connected machine works too). Starting the same ' +
        'workbench in browser mode instead: it serves the app on 127.0.0.1 only, protected by the one-time token ' +
        'in the address below. Open that address in Chromium, Chrome, Firefox or Edge; press Ctrl+C to stop.\n',
    );
    return null;
  };

  const nodeGyp = nodeGypScript();
  if (!nodeGyp) return fail('node-gyp is not installed (it comes with npm and with electron-builder)');
  console.log(`Building better-sqlite3 ${moduleVersion} for Electron ${electronVersion}, once (a few minutes)…`);
  const work = mkdtempSync(join(tmpdir(), 'awb-electron-sqlite-'));
  try {
    // A copy of the package, so that node_modules keeps the Node build.
    cpSync(moduleRoot, work, { recursive: true, filter: (path) => !/[\\/](build|node_modules)$/.test(path) });
    const started = Date.now();
    const build = spawnSync(
      process.execPath,
      [
        nodeGyp,
        'rebuild',
        '--release',
        `--target=${electronVersion}`,
        `--arch=${process.arch}`,
        '--dist-url=https://electronjs.org/headers',
        `--devdir=${join(homedir(), '.electron-gyp')}`,
        '--jobs=max',
      ],
      { cwd: work, env: nodeGypEnvironment(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 15 * 60_000 },
    );
    const output = `${build.stdout ?? ''}${build.stderr ?? ''}`;
    if (build.status !== 0) {
      // Offline, node-gyp's stack trace says no more than the reason does.
      if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|network connectivity/i.test(output)) return fail("Electron's headers could not be downloaded");
      return fail(build.error ? build.error.message : 'node-gyp failed', output);
    }
    mkdirSync(folder, { recursive: true });
    const partial = `${binding}.${process.pid}.partial`;
    copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), partial);
    // Electron must load it (the ABI is right) before it is kept.
    const load = spawnSync(electron, ['-e', 'process.dlopen({ exports: {} }, process.argv.at(-1))', partial], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (load.status !== 0) {
      rmSync(partial, { force: true });
      return fail('Electron could not load the module built for it', `${load.stdout ?? ''}${load.stderr ?? ''}`);
    }
    renameSync(partial, binding);
    console.log(`Built in ${Math.round((Date.now() - started) / 1000)} s: ${binding}`);
    return binding;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/// The version of the Electron at `electron`, asked of the binary itself (ELECTRON_OVERRIDE_DIST_PATH
/// may name another build than the npm package's), or the npm package's where it cannot say.
function electronVersionOf(electron) {
  const asked = spawnSync(electron, ['-p', 'process.versions.electron'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  const version = asked.status === 0 ? asked.stdout.trim() : '';
  return /^\d+\.\d+\.\d+/.test(version) ? version : require('electron/package.json').version;
}

/// node-gyp's command-line script: the project's, else the one npm runs scripts with.
function nodeGypScript() {
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    const npms = process.env.npm_config_node_gyp;
    return npms && existsSync(npms) ? npms : null;
  }
}

/// The environment for node-gyp without the settings that would point it at Node instead of
/// Electron: node-gyp takes `npm_config_<option>` variables over its command line, and `npm start`
/// passes npm's configuration on (a `nodedir` set for offline installs names Node's headers).
function nodeGypEnvironment() {
  const targetOptions = /^npm_(config|package_config_node_gyp)_(nodedir|target|target_arch|arch|runtime|dist_url|disturl|devdir|tarball|ensure|build_from_source|debug)$/i;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !targetOptions.test(key)));
}

/// Opens `url` in the default browser when there is a display to show it on. The opener gets the
/// path of a private launch page, never the address: its token would be readable by every local
/// user in the opener's command line (main/web/launchPage.ts).
async function openBrowser(url) {
  register();
  const { openInBrowser } = await import('../main/web/launchPage.ts');
  const page = openInBrowser(url, {
    spawn,
    onError: () => console.log('(could not open a browser: open the address above yourself)'),
  });
  if (page) process.on('exit', () => page.remove());
}
