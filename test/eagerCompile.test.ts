// The build's compile hint: on the chunk of the named entry only, first line, and a build that
// cannot find the entry fails.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, eagerCompile } from '../scripts/eagerCompile';
import { tempDir } from './helpers';

function project(): string {
  const dir = tempDir('awb-eager-');
  writeFileSync(join(dir, 'main.js'), "export const later = () => import('./editors.js').then((m) => m.edit());\n");
  writeFileSync(join(dir, 'editors.js'), 'export function edit() {\n  return 42;\n}\n');
  return dir;
}

async function chunks(dir: string, entries: string[]): Promise<Rollup.OutputChunk[]> {
  const output = (await build({
    root: dir,
    logLevel: 'silent',
    configFile: false,
    plugins: [eagerCompile(entries)],
    build: { write: false, minify: true, rollupOptions: { input: join(dir, 'main.js'), preserveEntrySignatures: 'exports-only' } },
  })) as Rollup.RollupOutput;
  return output.output.filter((file): file is Rollup.OutputChunk => file.type === 'chunk');
}

describe('eagerCompile', () => {
  it('puts the compile hint first in the named entry chunk, and only there', async () => {
    const built = await chunks(project(), ['/editors.js']);
    const editors = built.find((c) => c.facadeModuleId?.endsWith('/editors.js'));
    const main = built.find((c) => c.facadeModuleId?.endsWith('/main.js'));
    expect(editors?.code.startsWith(`${COMPILE_HINT}\n`)).toBe(true);
    expect(main?.code).not.toContain(COMPILE_HINT);
  });

  it('fails the build when no chunk has the entry', async () => {
    await expect(chunks(project(), ['/editors.js', '/gone.js'])).rejects.toThrow('no chunk has the entry /gone.js');
  });
});
