// The up-to-date check shared by bin/awb.js and npm start (scripts/buildStamp.js), and bin/awb.js
// choosing between the built CLI and the sources with it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_TARGETS, buildStatus, inputsFingerprint, stampPath, writeStamp } from '../scripts/buildStamp.js';
import { repoRoot, tempDir } from './helpers';

/// A project folder with the CLI target's sources and, when `built`, its output.
function project(built: boolean): string {
  const root = tempDir('awb-stamp-');
  mkdirSync(join(root, 'main', 'cli'), { recursive: true });
  writeFileSync(join(root, 'main', 'cli', 'index.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'package.json'), '{}\n');
  if (built) {
    mkdirSync(join(root, 'out', 'cli'), { recursive: true });
    writeFileSync(join(root, 'out', 'cli', 'awb.mjs'), '');
  }
  return root;
}

describe('inputsFingerprint', () => {
  it('is the same for unchanged inputs and changes with a size, a time, a new file or a removed one', () => {
    const root = project(false);
    const inputs = BUILD_TARGETS.cli.inputs;
    const first = inputsFingerprint(root, inputs);
    expect(inputsFingerprint(root, inputs)).toBe(first);

    const source = join(root, 'main', 'cli', 'index.ts');
    writeFileSync(source, 'export const a = 12;\n');
    const resized = inputsFingerprint(root, inputs);
    expect(resized).not.toBe(first);

    utimesSync(source, new Date(2020, 0, 1), new Date(2020, 0, 1));
    const retimed = inputsFingerprint(root, inputs);
    expect(retimed).not.toBe(resized);

    writeFileSync(join(root, 'main', 'cli', 'extra.ts'), '');
    const added = inputsFingerprint(root, inputs);
    expect(added).not.toBe(retimed);
    rmSync(join(root, 'main', 'cli', 'extra.ts'));
    expect(inputsFingerprint(root, inputs)).toBe(retimed);

    // The lockfile is an input: installing other versions makes a new build.
    writeFileSync(join(root, 'package-lock.json'), '{}\n');
    expect(inputsFingerprint(root, inputs)).not.toBe(retimed);
  });

  it('covers the config, package.json and the lockfile of both targets', () => {
    for (const target of ['app', 'cli'] as const) {
      expect(BUILD_TARGETS[target].inputs).toEqual(expect.arrayContaining(['main', 'package.json', 'package-lock.json']));
    }
    expect(BUILD_TARGETS.app.inputs).toEqual(expect.arrayContaining(['renderer', 'electron.vite.config.ts']));
    expect(BUILD_TARGETS.cli.inputs).toContain('scripts/buildCli.js');
  });
});

describe('buildStatus', () => {
  it('is stale with no build, with no stamp, and after a source changes; current once stamped', () => {
    expect(buildStatus(project(false), 'cli')).toMatchObject({ current: false, reason: 'there is no build yet' });

    const root = project(true);
    const before = buildStatus(root, 'cli');
    expect(before).toMatchObject({ current: false, reason: 'the build has no record of its sources' });
    writeStamp(root, 'cli', before.fingerprint);
    expect(buildStatus(root, 'cli')).toMatchObject({ current: true, fingerprint: before.fingerprint });

    writeFileSync(join(root, 'main', 'cli', 'index.ts'), 'export const a = 2;\n');
    expect(buildStatus(root, 'cli')).toMatchObject({ current: false, reason: 'sources changed since the last build (main/cli/index.ts)' });
  });

  it('is stale when the output is gone though the stamp matches', () => {
    const root = project(true);
    writeStamp(root, 'cli', buildStatus(root, 'cli').fingerprint);
    rmSync(join(root, 'out', 'cli', 'awb.mjs'));
    expect(buildStatus(root, 'cli').current).toBe(false);
  });

  it('treats a damaged stamp as no record', () => {
    const root = project(true);
    writeStamp(root, 'cli', buildStatus(root, 'cli').fingerprint);
    writeFileSync(stampPath(root, 'cli'), '{"fingerprint":');
    expect(buildStatus(root, 'cli')).toMatchObject({ current: false, reason: 'the build has no record of its sources' });
  });
});

describe('bin/awb.js', () => {
  /// A project whose CLI says where it runs from: the build prints "build", the sources "sources".
  function cliProject(): string {
    const root = project(true);
    mkdirSync(join(root, 'bin'));
    mkdirSync(join(root, 'scripts'));
    copyFileSync(join(repoRoot, 'bin', 'awb.js'), join(root, 'bin', 'awb.js'));
    copyFileSync(join(repoRoot, 'scripts', 'buildStamp.js'), join(root, 'scripts', 'buildStamp.js'));
    writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
    symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'));
    const cli = (from: string) => `export function endQuietlyWhenOutputCloses() {}\nexport async function runCli(argv) { console.log('${from}', argv.join(' ')); return 0; }\n`;
    writeFileSync(join(root, 'main', 'cli', 'index.ts'), cli('sources'));
    writeFileSync(join(root, 'out', 'cli', 'awb.mjs'), cli('build'));
    return root;
  }
  const run = (root: string) => spawnSync(process.execPath, [join(root, 'bin', 'awb.js'), 'list'], { encoding: 'utf8', env: { ...process.env, AWB_FROM_SOURCE: '' } });

  it('runs the sources through tsx until the build is stamped current, and again once a source changes', () => {
    const root = cliProject();
    expect(run(root).stdout).toBe('sources list\n');

    writeStamp(root, 'cli', buildStatus(root, 'cli').fingerprint);
    expect(run(root).stdout).toBe('build list\n');

    const later = new Date(Date.now() + 5000);
    utimesSync(join(root, 'main', 'cli', 'index.ts'), later, later);
    expect(run(root).stdout).toBe('sources list\n');
  });
});
