/** @type {import('jest').Config} */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // office-addin-manifest pulls in two ESM-only packages jest cannot load as CommonJS.
  moduleNameMapper: { "^strip-bom$": "<rootDir>/test/stubs/strip-bom.js", "^uuid$": "<rootDir>/test/stubs/uuid.js" },
  // Generous: tests assert behaviour, never speed, and must pass on a machine whose cores are busy (heavy fixtures are made in beforeAll hooks, which share this limit).
  testTimeout: 600_000,
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
};
