/** Unit, runtime, sandbox, e2e and UI tests. e2e and UI run the built dist/ (npm test builds first). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.test.json", isolatedModules: true, diagnostics: false }],
  },
  // The long end-to-end runs (weeks of virtual time) take ~15 s alone; leave room for a busy machine.
  testTimeout: 180000,
  maxWorkers: 2,
};
