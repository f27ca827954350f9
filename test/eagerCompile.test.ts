// The build's compile hint: on the named entry's chunk only, as its first line; and a build whose
// chunk is missing, or whose modules meant for that chunk end up in another, fails.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, eagerCompile, type EagerChunk } from '../scripts/eagerCompile';
import { tempDir } from './helpers';

/// A project whose `main.js` imports `editors.js` with `import()`, and `editors.js` a module of
/// `heavy/`; `alsoStatic` makes `main.js` import that module statically too.
function project(alsoStatic = false): string {
  const dir = tempDir('awb-eager-');
  mkdirSync(join(dir, 'heavy'));
  writeFileSync(join(dir, 'heavy', 'engine.js'), 'export function run(x) {\n  return x * 2;\n}\n');
  writeFileSync(join(dir, 'editors.js'), "import { run } from './heavy/engine.js';\nexport function edit() {\n  return run(21);\n}\n");
  writeFileSync(
    join(dir, 'main.js'),
    (alsoStatic ? "import { run } from './heavy/engine.js';\nexport const now = run(1);\n" : '') + "export const later = () => import('./editors.js').then((m) => m.edit());\n",
  );
  return dir;
}

const EDITORS: EagerChunk = { entry: '/editors.js', modules: /\/heavy\// };

async function chunks(dir: string, chunk: EagerChunk): Promise<Rollup.OutputChunk[]> {
  const output = (await build({
    root: dir,
    logLevel: 'silent',
    configFile: false,
    plugins: [eagerCompile(chunk)],
    build: { write: false, minify: true, rollupOptions: { input: join(dir, 'main.js'), preserveEntrySignatures: 'exports-only' } },
  })) as Rollup.RollupOutput;
  return output.output.filter((file): file is Rollup.OutputChunk => file.type === 'chunk');
}

describe('eagerCompile', () => {
  it('puts the compile hint first in the named entry chunk, and only there', async () => {
    const built = await chunks(project(), EDITORS);
    const editors = built.find((c) => c.facadeModuleId?.endsWith('/editors.js'));
    const main = built.find((c) => c.facadeModuleId?.endsWith('/main.js'));
    expect(editors?.code.startsWith(`${COMPILE_HINT}\n`)).toBe(true);
    expect(main?.code).not.toContain(COMPILE_HINT);
  });

  it('fails the build when no chunk has the entry', async () => {
    await expect(chunks(project(), { entry: '/gone.js', modules: /\/nothing\// })).rejects.toThrow('no chunk has the entry /gone.js');
  });

  it('fails the build when a module meant for the chunk is imported from outside it', async () => {
    await expect(chunks(project(true), EDITORS)).rejects.toThrow(/heavy\/engine\.js is in .*, not in the chunk of \/editors\.js/);
  });
});
