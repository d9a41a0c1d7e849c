/**
 * End-to-end tests (npm run test:e2e): the preview in Debian's Chromium, and LibreOffice interop.
 * Not part of `npm test`: they need /usr/bin/chromium and soffice, and build the bundle first.
 * @type {import('jest').Config}
 */
module.exports = {
  rootDir: "../..",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.ts"],
  testEnvironment: "node",
  transform: {
    "^.+\\.(ts|tsx)$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  globalSetup: "<rootDir>/test/e2e/globalSetup.ts",
  testTimeout: 120000,
  maxWorkers: 1,
};
