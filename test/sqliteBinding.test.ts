// Which better-sqlite3 build the index opens: node_modules' under Node and in the packaged app, the
// Electron build `npm start` names in AWB_SQLITE_BINDING under an unpackaged Electron.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SQLITE_BINDING_VARIABLE, sqliteOptions, type SqliteRuntime } from '../main/core/store/sqlIndex/sqliteBinding';
import { tempDir } from './helpers';

const require = createRequire(import.meta.url);
/// The build `npm install` made, for Node.
const nodeBuild = join(dirname(require.resolve('better-sqlite3')), '..', 'build', 'Release', 'better_sqlite3.node');

function binding(name = 'better_sqlite3.node'): string {
  const path = join(tempDir(), name);
  writeFileSync(path, 'not really a module');
  return path;
}

/// `npm start`: Electron running the repository as its default app.
function electronDev(path: string | undefined): SqliteRuntime {
  return { versions: { electron: '40.10.2' }, defaultApp: true, env: { [SQLITE_BINDING_VARIABLE]: path } };
}

describe('sqliteOptions', () => {
  it('names the Electron build under `npm start`', () => {
    const path = binding();
    expect(sqliteOptions(electronDev(path))).toEqual({ nativeBinding: path });
  });

  it('names nothing under Node, even with the variable set', () => {
    const path = binding();
    expect(sqliteOptions({ versions: {}, env: { [SQLITE_BINDING_VARIABLE]: path } })).toEqual({});
    expect(sqliteOptions({ versions: {}, defaultApp: true, env: { [SQLITE_BINDING_VARIABLE]: path } })).toEqual({});
  });

  it('names nothing in the packaged app, whose environment must not choose its native code', () => {
    const path = binding();
    expect(sqliteOptions({ versions: { electron: '40.10.2' }, env: { [SQLITE_BINDING_VARIABLE]: path } })).toEqual({});
    expect(sqliteOptions({ versions: { electron: '40.10.2' }, defaultApp: false, env: { [SQLITE_BINDING_VARIABLE]: path } })).toEqual({});
  });

  it('names nothing when the variable is unset, empty, relative, not a .node file, missing or a folder', () => {
    const folder = join(tempDir(), 'better_sqlite3.node');
    mkdirSync(folder);
    for (const path of [undefined, '', 'out/native/better_sqlite3.node', binding('better_sqlite3'), join(tempDir(), 'gone.node'), folder]) {
      expect(sqliteOptions(electronDev(path))).toEqual({});
    }
  });

  it('reads the running process by default: none under Node', () => {
    expect(process.versions.electron).toBeUndefined();
    expect(sqliteOptions()).toEqual({});
  });

  it('gives options better-sqlite3 takes: the default build, or the one named', () => {
    const query = (db: Database.Database) => {
      db.exec("CREATE VIRTUAL TABLE t USING fts5(body); INSERT INTO t VALUES ('13,346 civilians left Aleppo')");
      return db.prepare("SELECT body FROM t WHERE t MATCH 'civilians'").pluck().all();
    };
    const plain = new Database(':memory:', { ...sqliteOptions(), timeout: 1000 });
    expect(query(plain)).toEqual(['13,346 civilians left Aleppo']);
    plain.close();
    // Named as `npm start` names its Electron build (here the Node one, which this process loads).
    const named = new Database(':memory:', { ...sqliteOptions(electronDev(nodeBuild)), timeout: 1000 });
    expect(sqliteOptions(electronDev(nodeBuild))).toEqual({ nativeBinding: nodeBuild });
    expect(query(named)).toEqual(['13,346 civilians left Aleppo']);
    named.close();
  });
});
