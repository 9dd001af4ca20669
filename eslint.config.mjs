import { defineConfig } from 'eslint/config';
import baseConfig from './.config/eslint.config.mjs';
import profileCore from './packages/profile-core/eslint.config.mjs';

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
    // ESLint 9 lints a .ts file only when a config block names it: the scaffold names src/ and profile-core names
    // itself; this block brings the tests, provisioning generator, bench and scripts under the same rules.
    files: ['tests/**/*.{ts,tsx}', 'provisioning/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{ts,mjs}', '*.ts'],
  },
  // profile-core's boundary (no React, @grafana/*, DOM; no Node built-ins or console in library code) lives with it.
  ...profileCore,
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
