// Lint rules that keep the layers honest: only the Electron shell may import `electron`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const SHELL = ['main/shell/**', 'main/preload/**', 'main/adapters/electron/**'];

export default tseslint.config(
  // The insecure fixture exists to be flagged by the security scanner, not to pass lint.
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'coverage/**', 'test-results/**', 'tests/security/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'Only the shell (main/shell, main/preload, main/adapters/electron) may import electron.' }],
      }],
    },
  },
  {
    // The package bin is a CommonJS launcher for the built command line.
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: SHELL,
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer talks to the services only through window.onshi.' }],
        patterns: [
          { group: ['node:*'], message: 'The renderer is sandboxed: no Node modules.' },
          { group: ['**/main/host/**', '**/main/store/**', '**/main/audit/**', '**/main/oqs/**', '**/main/check/**', '**/native/**'], message: 'The renderer reaches services only through the IPC contract.' },
        ],
      }],
    },
  },
);
