import { defineConfig } from 'eslint/config';
import baseConfig from './.config/eslint.config.mjs';

export default defineConfig([
  {
    ignores: [
      '**/logs',
      '**/*.log',
      '**/npm-debug.log*',
      '**/yarn-debug.log*',
      '**/yarn-error.log*',
      '**/.pnpm-debug.log*',
      '**/node_modules/',
      '.yarn/cache',
      '.yarn/unplugged',
      '.yarn/build-state.yml',
      '.yarn/install-state.gz',
      '**/.pnp.*',
      '**/pids',
      '**/*.pid',
      '**/*.seed',
      '**/*.pid.lock',
      '**/lib-cov',
      '**/coverage',
      '**/dist/',
      '**/artifacts/',
      '**/work/',
      '**/ci/',
      'test-results/',
      'playwright-report/',
      'blob-report/',
      'playwright/.cache/',
      'playwright/.auth/',
      '**/.idea',
      '**/.eslintcache',
      'demo/**',
      '**/.scratch/**',
      'bench/.out/**',
      '.config/**',
    ],
  },
  ...baseConfig,
  {
    // profile-core runs in a Web Worker and in Node (CLI, tests): it must not reach for React, Grafana or the DOM.
    // Its tsconfig has no DOM lib; this rule catches the imports that would compile anyway.
    files: ['packages/profile-core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'react/jsx-runtime'],
          patterns: [{ group: ['@grafana/*'], message: 'profile-core is pure TypeScript: no @grafana/* imports.' }],
        },
      ],
    },
  },
  {
    // Plugin code must not log to the console (Grafana's plugin validator flags it) nor evaluate strings (CSP).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: {
      'no-console': 'error',
      'no-eval': 'error',
      'no-new-func': 'error',
      'react/no-danger': 'error',
    },
  },
]);
