// Lint, including the layering rules of DESIGN §2: what each folder may import is enforced here,
// so a wrong import fails `npm test`.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/// Node's built-in modules by exact name (`fs`, `fs/promises`, …; a pattern would also match a
/// file such as `./Inspector`), and `node:` ones by pattern.
const nodeBuiltinPaths = (message, allowTypeImports = false) => builtinModules.map((name) => ({ name, message, allowTypeImports }));
const RENDERER_NO_NODE = 'the renderer runs in a browser: no electron or Node modules (DESIGN §2).';
const PRELOAD_ONLY = 'preload takes nothing from main/, renderer/ or Node but types (DESIGN §2).';

/// What renderer code may not import (DESIGN §2).
const rendererPatterns = [
  { group: ['electron', 'electron/*', 'node:*'], message: RENDERER_NO_NODE },
  { group: ['**/main/**', '**/main'], message: 'the renderer talks only to the contract in preload/api.ts (DESIGN §2).' },
  { group: ['**/preload/**', '**/preload'], allowTypeImports: true, message: 'from preload/ the renderer imports types only (DESIGN §2).' },
];

/// Layering rules, exported so a test can prove they bite.
export const layerRules = [
  {
    files: ['main/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'main/core is pure Node: no electron (DESIGN §2).' },
            { group: ['**/ipc/**', '**/ipc', '**/web/**', '**/web', '**/service/**', '**/cli/**', '**/app/**'], message: 'main/core must not depend on the layers above it (DESIGN §2).' },
            { group: ['react', 'react-dom', 'react/*', '@tiptap/*'], message: 'main/core never imports UI code (DESIGN §2).' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: nodeBuiltinPaths(RENDERER_NO_NODE), patterns: rendererPatterns }] },
  },
  {
    // The editors are a chunk of their own, loaded ahead of use (renderer/src/editor/lazyEditors.tsx):
    // from outside editor/, only its pure modules, lazyEditors and types. (A block's options
    // replace an earlier block's for the same rule, hence rendererPatterns again.)
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx', 'bench/page/**/*.ts', 'bench/page/**/*.tsx'],
    ignores: ['renderer/src/editor/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltinPaths(RENDERER_NO_NODE),
          patterns: [
            ...rendererPatterns,
            {
              group: ['**/editor/*', ...['lazyEditors', 'findInText', 'noteJson', 'spanText', 'textPositions', 'wordSnap', 'boundaryMove'].map((pure) => `!**/editor/${pure}`), '@tiptap/*', 'prosemirror-*'],
              allowTypeImports: true,
              message: 'the editors load as a chunk of their own: use editor/lazyEditors.tsx (types may be imported).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltinPaths(PRELOAD_ONLY, true),
          patterns: [{ group: ['**/main/**', '**/renderer/**', 'node:*'], allowTypeImports: true, message: PRELOAD_ONLY }],
        },
      ],
    },
  },
];

/// Security rules (DESIGN §8): markup from data, weakened Electron settings and remote content are
/// lint errors in the app's own code. Exported so a test can prove they bite.
export const securityRules = [
  {
    files: ['main/**/*.ts', 'preload/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/][right.type!='Literal']", message: 'innerHTML/outerHTML from data can run code: build DOM nodes or text instead.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'insertAdjacentHTML parses markup: build DOM nodes or text instead.' },
        { selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]", message: 'document.write parses markup.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML'] Property[key.name='__html'][value.type!='Literal']", message: 'dangerouslySetInnerHTML from data can run code: render text instead.' },
        { selector: "Property[key.name=/^nodeIntegration(InWorker|InSubFrames)?$/][value.value=true]", message: 'Node integration in a page is forbidden (Electron checklist 2).' },
        { selector: "Property[key.name=/^(contextIsolation|sandbox|webSecurity)$/][value.value=false]", message: 'contextIsolation, sandbox and webSecurity stay on (Electron checklist 3, 4, 6).' },
        { selector: "Property[key.name=/^(allowRunningInsecureContent|experimentalFeatures|webviewTag)$/][value.value=true]", message: 'insecure content, experimental features and webviews stay off (Electron checklist 8, 9, 11).' },
        { selector: "Property[key.name='enableBlinkFeatures']", message: 'enableBlinkFeatures is forbidden (Electron checklist 10).' },
        { selector: "CallExpression[callee.property.name=/^(loadURL|openExternal)$/] > Literal[value=/^(https?|ftp|file):/]", message: 'the app loads no remote content (Electron checklist 1, 15).' },
        { selector: "CallExpression[callee.name='fetch'] > Literal[value=/^(https?|ftp):/]", message: 'the app loads no remote content.' },
        { selector: "CallExpression[callee.name='fetch'] > TemplateLiteral > TemplateElement[value.raw=/^(https?|ftp):/]", message: 'the app loads no remote content.' },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Playwright fixtures are declared by destructuring, even when none is used.
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  ...layerRules,
  ...securityRules,
);
