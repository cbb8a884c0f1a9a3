import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const apps = ['kiosk/**/*.{ts,tsx}', 'agent-console/**/*.{ts,tsx}'];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'test-output/**', 'bench-results/**', 'data/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: apps,
    ...jsxA11y.flatConfigs.strict,
  },
  {
    files: apps,
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Apps talk to the server only through the shared contract.
    files: apps,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '**/signaling-server/**',
            '@loket/signaling-server',
            '@loket/signaling-server/*',
          ],
        },
      ],
    },
  },
  {
    // The server never reaches into an app, and shared never reaches into anything.
    files: ['signaling-server/**/*.ts', 'shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '**/kiosk/**',
            '**/agent-console/**',
            '@loket/kiosk',
            '@loket/agent-console',
            '**/signaling-server/**',
          ],
        },
      ],
    },
  },
);
