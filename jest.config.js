/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.(ts|tsx|js|mjs)$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  // office-addin-mock pulls ESM-only packages: let ts-jest transform them.
  transformIgnorePatterns: ["/node_modules/(?!(.*/)?(uuid|strip-bom)/)"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
};
