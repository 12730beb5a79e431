import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'net', 'http', 'https', 'worker_threads', 'stream'];

/**
 * Layering is enforced here, not by convention:
 * - main/domain and preload/contract are pure: no Node I/O, no Electron, no React, no database.
 * - the core (main/ outside main/electron) never imports Electron or React.
 * - the renderer reaches the core only through the contract (window.station).
 */
export default tseslint.config(
  { ignores: ['.tmp-*/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'bench-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['main/domain/**/*.ts', 'preload/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: NODE_BUILTINS, message: 'Pure domain code: no Node I/O. Pass data in.' },
            { group: ['electron', 'react', 'react-dom', 'better-sqlite3', 'node-hid'], message: 'Pure domain code.' },
            { group: ['**/core/**', '**/db/**', '**/electron/**', '**/renderer/**'], message: 'Pure domain code depends on nothing outside the domain and the contract.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts', 'db/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'react', 'react-dom', '**/renderer/**'], message: 'The core runs under plain Node: no Electron, no UI.' }] }],
    },
  },
  {
    // db/ is the bottom layer: SQL and row mapping only. Rules, services and types from above are passed in.
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'react', 'react-dom', '**/renderer/**'], message: 'The core runs under plain Node: no Electron, no UI.' },
            { group: ['**/main/**', '../core/**', '../domain/**'], message: 'db/ holds SQL only: it depends on nothing in main/ (domain, core); pass what it needs in.' },
          ],
        },
      ],
    },
  },
  {
    // Handlers map an operation to a service call; the database is the services' business.
    files: ['main/core/handlers/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='q'][object.property.name='store']", message: 'Handlers call services, not store.q.' },
        { selector: "MemberExpression[property.name='db'][object.property.name='store']", message: 'Handlers call services, not the database.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/main/**', '**/db/**', 'node:*', 'electron'], message: 'The renderer talks to the core only through window.station.' }] },
      ],
    },
  },
);
