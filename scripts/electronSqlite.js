// better-sqlite3's native module for Electron: the one `npm install` builds is for Node, and
// Electron's main process has another ABI. Built once per Electron and better-sqlite3 version into
// out/native/ (npm start and the Electron end-to-end test name it to the app in AWB_SQLITE_BINDING,
// read by main/core/store/sqlIndex/sqliteBinding.ts); packaging rebuilds node_modules instead.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/// The path of better-sqlite3's native module built for the Electron at `electron`, building it
/// into out/native/electron-<version>/better-sqlite3-<version>/ the first time (about as long as
/// `npm install`'s build), or why it cannot be built: node-gyp needs Electron's headers,
/// downloaded once from electronjs.org into ~/.electron-gyp/<version>/ (where electron-builder's
/// rebuild keeps them too), and python3, make and a C++ compiler. `log` hears what it does.
export function electronSqliteBinding(electron, { log = () => undefined } = {}) {
  const electronVersion = electronVersionOf(electron);
  const moduleRoot = join(dirname(require.resolve('better-sqlite3')), '..');
  const moduleVersion = JSON.parse(readFileSync(join(moduleRoot, 'package.json'), 'utf8')).version;
  const folder = join(root, 'out', 'native', `electron-${electronVersion}`, `better-sqlite3-${moduleVersion}`);
  const binding = join(folder, 'better_sqlite3.node');
  if (existsSync(binding)) return { binding };

  const fail = (why, output = '') => {
    const tail = output.trim().split('\n').slice(-12).join('\n');
    return {
      failure:
        `${tail ? `${tail}\n\n` : ''}Could not build better-sqlite3 (the workspace's SQLite index) for Electron ` +
        `${electronVersion}: ${why}. The build npm install made is for Node, which Electron cannot load. ` +
        'The build needs python3, make and a C++ compiler, and Electron\'s headers, which node-gyp downloads once ' +
        `from https://electronjs.org/headers into ${join(homedir(), '.electron-gyp', electronVersion)} (this ` +
        'machine may not reach it; copying that folder from a connected machine works too).',
    };
  };

  const nodeGyp = nodeGypScript();
  if (!nodeGyp) return fail('node-gyp is not installed (it comes with npm and with electron-builder)');
  log(`Building better-sqlite3 ${moduleVersion} for Electron ${electronVersion}, once (a few minutes)…`);
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
    log(`Built in ${Math.round((Date.now() - started) / 1000)} s: ${binding}`);
    return { binding };
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

