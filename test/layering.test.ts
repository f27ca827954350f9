import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers';

const eslint = new ESLint({ cwd: repoRoot });

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('import rules of DESIGN §2 are enforced by lint', () => {
  it("fails `import 'electron'` inside main/core", async () => {
    const errors = await restrictedImportErrors('main/core/probe.ts', "import { app } from 'electron';\nexport const x = app;\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('main/core is pure Node: no electron (DESIGN §2).');
  });

  it('fails main/core importing the layers above it or React', async () => {
    const errors = await restrictedImportErrors(
      'main/core/probe.ts',
      "import { dispatch } from '../service/dispatch.js';\nimport { startWebServer } from '../web/webServer.js';\nimport React from 'react';\nexport const x = [dispatch, startWebServer, React];\n",
    );
    expect(errors).toHaveLength(3);
  });

  it('fails the renderer importing electron, node modules or main/', async () => {
    for (const source of ['electron', 'node:fs', 'fs', 'path', 'stream', 'worker_threads', 'fs/promises', '../../main/core/model']) {
      const errors = await restrictedImportErrors('renderer/src/probe.ts', `import * as m from '${source}';\nexport const x = m;\n`);
      expect(errors, source).toHaveLength(1);
    }
  });

  it('allows the renderer type-only imports from preload/, and nothing else from there', async () => {
    expect(await restrictedImportErrors('renderer/src/probe.ts', "import type { WorkbenchApi } from '../../preload/api';\nexport type X = WorkbenchApi;\n")).toEqual([]);
    expect(await restrictedImportErrors('renderer/src/probe.ts', "import { apiChannels } from '../../preload/api';\nexport const x = apiChannels;\n")).toHaveLength(1);
  });

  it('keeps the editors in their own chunk: outside renderer/src/editor/ only types of them, and the rest through lazyEditors', async () => {
    const value = "import { DocumentView } from './editor/DocumentView';\nexport const x = DocumentView;\n";
    expect(await restrictedImportErrors('renderer/src/probe.tsx', value)).toHaveLength(1);
    expect(await restrictedImportErrors('renderer/src/probe.tsx', "import { Editor } from '@tiptap/core';\nexport const x = Editor;\n")).toHaveLength(1);
    expect(await restrictedImportErrors('bench/page/probe.tsx', "import { NoteEditor } from '../../renderer/src/editor/NoteEditor';\nexport const x = NoteEditor;\n")).toHaveLength(1);
    for (const module of ['annotationHighlights', 'documentWindow', 'DocumentView.tsx', 'noteSchema']) {
      expect(await restrictedImportErrors('renderer/src/probe.tsx', `import * as m from './editor/${module}';\nexport const x = m;\n`), module).toHaveLength(1);
    }
    expect(await restrictedImportErrors('renderer/src/probe.tsx', "import { findMatches } from './editor/findInText';\nimport { notePlainText } from './editor/noteJson';\nexport const x = [findMatches, notePlainText];\n")).toEqual([]);
    expect(await restrictedImportErrors('renderer/src/probe.tsx', "import type { DocumentViewHandle } from './editor/DocumentView';\nexport type X = DocumentViewHandle;\n")).toEqual([]);
    expect(await restrictedImportErrors('renderer/src/probe.tsx', "import { DocumentView } from './editor/lazyEditors';\nexport const x = DocumentView;\n")).toEqual([]);
    expect(await restrictedImportErrors('renderer/src/editor/probe.tsx', "import { DocumentView } from './DocumentView';\nexport const x = DocumentView;\n")).toEqual([]);
  });

  it('fails preload importing main/, the renderer or Node modules, except types', async () => {
    for (const source of ['../main/core/model', '../renderer/src/App', 'node:fs']) {
      expect(await restrictedImportErrors('preload/probe.ts', `import * as m from '${source}';\nexport const x = m;\n`), source).toHaveLength(1);
    }
    expect(await restrictedImportErrors('preload/probe.ts', "import type { Annotation } from '../main/core/model';\nexport type X = Annotation;\n")).toEqual([]);
  });

  it('allows main/core its own modules and Node', async () => {
    expect(await restrictedImportErrors('main/core/probe.ts', "import { join } from 'node:path';\nimport { z } from 'zod';\nexport const x = [join, z];\n")).toEqual([]);
  });
});
