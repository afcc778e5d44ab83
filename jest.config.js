/** One jest config for every suite: unit, engine conformance, integration through main(),
 * the weapp build in miniprogram-simulate and the H5 build in Chromium. */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', diagnostics: false }],
  },
  moduleNameMapper: {
    '^@contract/(.*)$': '<rootDir>/types/$1',
  },
  testTimeout: 30000,
  maxWorkers: 2,
}
