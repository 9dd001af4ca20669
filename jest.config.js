// force timezone to UTC to allow tests to work regardless of local timezone
// generally used by snapshots, but can affect specific tests
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');

// d3-color 3.1.1 ships .mjs files that the scaffold's transform pattern does not cover
// (known create-plugin 7.1.7 failure, see docs/ARCHITECTURE.md "Build notes").
const swc = base.transform['^.+\\.(t|j)sx?$'];

module.exports = {
  ...base,
  transform: { ...base.transform, '^.+\\.mjs$': swc },
  moduleNameMapper: {
    ...base.moduleNameMapper,
    '^@hotpath/profile-core$': '<rootDir>/packages/profile-core/src/index.ts',
  },
};
