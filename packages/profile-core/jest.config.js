// Own jest config: the root config only matches <rootDir>/src/** and runs in jsdom; this package is pure
// ES2022 and must be tested in plain Node (the same environment as the Web Worker it will run in, minus DOM).
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
  },
  // go tool pprof comparisons and fuzzing are CPU-bound; keep 2-core machines responsive.
  maxWorkers: 2,
  testTimeout: 120000,
};
