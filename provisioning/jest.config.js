/**
 * Jest for provisioning/ (node environment; the root config is jsdom and only matches src/).
 * Run from the repository root: npx jest -c provisioning/jest.config.js
 */
const path = require('path');

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  // The live alert test (tests/integration/alerts.live.test.ts) runs in the integration stage, under scripts/stack.sh.
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        sourceMaps: 'inline',
        jsc: { parser: { syntax: 'typescript', tsx: false, decorators: false, dynamicImport: true } },
      },
    ],
  },
  // foundation-sdk ships CommonJS; nothing under node_modules needs transforming.
  transformIgnorePatterns: ['/node_modules/'],
  moduleDirectories: ['node_modules', path.resolve(__dirname, '..', 'node_modules')],
  testTimeout: 60000,
};
