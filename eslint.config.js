// Lint, including the layering rules of DESIGN §2: what each folder may import is enforced here,
// so a wrong import fails `npm test`.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url'];

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
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*', ...nodeBuiltins], message: 'the renderer runs in a browser: no electron or Node modules (DESIGN §2).' },
            { group: ['**/main/**', '**/main'], message: 'the renderer talks only to the contract in preload/api.ts (DESIGN §2).' },
            { group: ['**/preload/**', '**/preload'], allowTypeImports: true, message: 'from preload/ the renderer imports types only (DESIGN §2).' },
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
          patterns: [
            { group: ['**/main/**', '**/renderer/**', ...nodeBuiltins], allowTypeImports: true, message: 'preload imports only electron and types (DESIGN §2).' },
          ],
        },
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
);
