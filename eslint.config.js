import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const apps = ['kiosk/**/*.{ts,tsx}', 'agent-console/**/*.{ts,tsx}'];

/** Every package's own folder, and how the others may name it. */
const PACKAGES = {
  kiosk: ['**/kiosk/**', '@loket/kiosk', '@loket/kiosk/*'],
  'agent-console': ['**/agent-console/**', '@loket/agent-console', '@loket/agent-console/*'],
  'signaling-server': [
    '**/signaling-server/**',
    '@loket/signaling-server',
    '@loket/signaling-server/*',
  ],
};

/**
 * The packages' boundaries: apps share only through `shared` (never each other, never the
 * server), the server never reaches into an app, and the contract depends on nothing. The server's
 * layers below repeat the server's rule, as a file gets one list of restricted imports.
 */
function appBoundaries() {
  const others = (self) =>
    Object.entries(PACKAGES).flatMap(([name, patterns]) => (name === self ? [] : patterns));
  return ['kiosk', 'agent-console', 'shared', 'signaling-server'].map((pkg) => ({
    files: [`${pkg}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: others(pkg), message: `${pkg} talks to the others only through shared.` },
          ],
        },
      ],
    },
  }));
}

/** The folders of `signaling-server/src`. */
const SERVER_FOLDERS = [
  'core',
  'store',
  'media',
  'complaints',
  'auth',
  'context',
  'read-models',
  'queue',
  'scheduling',
  'use-cases',
  'realtime',
  'http',
  'demo',
  'cli',
];

/**
 * The server's layers (see docs/architecture.md): which other folders of `signaling-server/src`
 * each may import, and why no more; every other folder is refused. Tests arrange state directly
 * and are left out.
 */
const LAYERS = {
  core: { may: [], why: 'the core is pure: decisions only, no I/O, no transport' },
  store: { may: ['core'], why: 'persistence knows no transport and no use case' },
  media: { may: [], why: 'media control is called by use cases, not the other way round' },
  complaints: {
    may: [],
    why: 'the complaints channel is called by use cases, not the other way round',
  },
  context: {
    may: ['core', 'store', 'media', 'complaints'],
    why: 'what use cases work with knows none of them',
  },
  'read-models': { may: ['core', 'store', 'media', 'context'], why: 'read models only read' },
  queue: {
    may: ['core', 'store', 'media', 'context', 'read-models'],
    why: 'the queue is moved by use cases and timers, never the other way round',
  },
  scheduling: {
    may: ['core', 'store', 'media', 'context', 'read-models', 'queue'],
    why: 'timers act on the queue like a use case, not through one, and know no transport',
  },
  'use-cases': {
    may: ['core', 'store', 'media', 'complaints', 'auth', 'context', 'read-models', 'queue'],
    why: 'use cases know no transport',
  },
  realtime: {
    may: ['auth', 'context', 'use-cases'],
    why: 'handlers and handshakes go through use cases, and realtime and http stay apart',
  },
  http: {
    may: ['auth', 'context', 'use-cases'],
    why: 'routes and sign-in go through use cases, and realtime and http stay apart',
  },
};

/** Where a relative import names one of `folders` as a path segment. */
const segmentOf = (folders) => `(^|/)(${folders.join('|')})/`;

function serverLayers() {
  return Object.entries(LAYERS).map(([layer, { may, why }]) => ({
    files: [`signaling-server/src/${layer}/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: Object.values(PACKAGES).flat(),
              message: 'The server never reaches into an app.',
            },
            {
              regex: segmentOf(SERVER_FOLDERS.filter((f) => f !== layer && !may.includes(f))),
              message: `src/${layer} may not import that: ${why}.`,
            },
            ...(layer === 'core'
              ? [
                  {
                    regex:
                      '^(node:|kysely|socket\\.io|express|pg$|better-sqlite3|livekit-server-sdk|pino)',
                    message: `src/core may not import that: ${LAYERS.core.why}.`,
                  },
                ]
              : []),
          ],
        },
      ],
    },
  }));
}

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
  ...appBoundaries(),
  ...serverLayers(),
);
