/**
 * Jest runs TypeScript through ts-jest in transpile-only mode (tsconfig has isolatedModules), so
 * tests start fast; `npm test` type-checks the whole tree with tsc first.
 * (ts-jest rather than @swc/jest: SWC's platform binaries are not all on the registry mirror our
 * machines use, which leaves a lock file `npm ci` rejects; ts-jest is plain JavaScript.)
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  // jsdom tests resolve packages as Node does: exceljs's uuid ships only ESM under "browser".
  testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
  // A bound against hangs, never a timing assertion: the pane suites render the whole pane in jsdom and
  // take minutes when the 2-core machine is shared.
  testTimeout: 300000,
};
