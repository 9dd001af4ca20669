// Boundary of @hotpath/profile-core: pure ES2022 that runs in a Web Worker and in Node.
// No React, no @grafana/* (the app adapts our plain columns into DataFrames), no DOM.
// Node built-ins are allowed only in the CLI and in test-only code.
// Globs are relative to the repo root: the root eslint.config.mjs spreads this array
// (ESLint 9 reads only the root flat config).
const restrictedUi = {
  paths: [
    { name: 'react', message: 'profile-core is UI-free: no React.' },
    { name: 'react-dom', message: 'profile-core is UI-free: no React.' },
  ],
  patterns: [
    { group: ['@grafana/*'], message: 'profile-core must not depend on @grafana/* (the app adapts our columns).' },
    { group: ['react/*', 'react-dom/*'], message: 'profile-core is UI-free: no React.' },
  ],
};
const nodeBuiltins = ['fs', 'path', 'child_process', 'os', 'worker_threads', 'zlib', 'crypto', 'util', 'stream', 'buffer'];

export default [
  {
    files: ['packages/profile-core/**/*.{ts,js,mjs}'],
    rules: { 'no-restricted-imports': ['error', restrictedUi] },
  },
  {
    files: ['packages/profile-core/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/testing/**', '**/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...restrictedUi.paths,
            ...nodeBuiltins.flatMap((n) => [
              { name: n, message: 'Library code runs in a Web Worker: no Node built-ins.' },
              { name: `node:${n}`, message: 'Library code runs in a Web Worker: no Node built-ins.' },
            ]),
          ],
          patterns: restrictedUi.patterns,
        },
      ],
      // Not 'no-console': the base config's allow-list (log, warn, …) would carry over, and an empty allow-list is
      // rejected. Libraries report through return values and ProfileError, never the console.
      'no-restricted-globals': ['error', { name: 'console', message: 'No console in library code (the CLI writes to process.stdout).' }],
    },
  },
];
