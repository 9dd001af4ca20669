// Integration tests on the local stack (scripts/stack.sh): a real demo API under load, a real Prometheus,
// profiles from the demo's admin port read by `go tool pprof` and by @hotpath/profile-core.
//
//   bash scripts/stack.sh run -- npx jest -c tests/integration/jest.config.js --runInBand
//
// compose.test.ts needs no stack (only Debian's docker-compose) and runs in the same project.
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
  },
  moduleNameMapper: {
    '^@hotpath/profile-core$': '<rootDir>/../../packages/profile-core/src/index.ts',
  },
  // One stack, shared state (bottleneck switches): never run files or tests in parallel.
  maxWorkers: 1,
  testTimeout: 120000,
};
