/**
 * The tests as jest projects. `npm run test:unit` runs the fast one (`--selectProjects unit`): the
 * pure core, the services and the ribbon commands, in process and well under a minute. `npm test`
 * runs every project. End-to-end tests have their own configuration (test/e2e/jest.config.js).
 *
 * A test file belongs to the first project whose paths hold it; "other" takes whatever no project
 * names (the manifest check, a new folder), so a new suite is never left out of `npm test`.
 *
 * Each project's test timeout is set by test/helpers/testTimeout.ts from `globals.testTimeoutMs`:
 * jest 30 applies `testTimeout` only from the top-level configuration and ignores a project's.
 * Waits inside the tests take a share of it (test/helpers/timeouts.ts), so that a slow machine
 * fails with the wait's message rather than jest's generic timeout.
 * @type {import('jest').Config}
 */
const path = require("node:path");

/** [name, test timeout in ms, paths under the repository (a folder ends with "/"), extra settings] */
const PROJECTS = [
  [
    "unit",
    10_000,
    [
      "test/core/",
      "test/services/",
      "test/commands/",
      // Source and lock-file scans.
      "test/security/noEval.test.ts",
      "test/security/audit.test.ts",
      // The CLI's argument parsing, without running a summary.
      "test/cli/args.test.ts",
      "test/cli/mapArgs.test.ts",
      "test/cli/goalsGroupsArgs.test.ts",
    ],
  ],
  // The CLI in process on real .xlsx files, and as subprocesses (npm run, bin/chitieu.js).
  ["cli", 60_000, ["test/cli/"], { globalSetup: "<rootDir>/test/helpers/buildCli.globalSetup.js" }],
  // The adapters, the .xlsx reader and writer, the layouts offices use, formula text in files.
  ["workbook", 60_000, ["test/workbook/", "test/layouts/", "test/security/"]],
  // The React task pane over a recording port, running the real pipeline: seconds on a loaded machine.
  ["taskpane", 60_000, ["test/taskpane/"], { testEnvironment: "jsdom" }],
  // The browser preview: its worker (node) and its page (jsdom, by each file's docblock).
  ["preview", 60_000, ["test/preview/"]],
  // Subprocesses killed and starved, a thousand fuzzed workbooks, the quick bench.
  ["reliability", 120_000, ["test/reliability/", "test/fuzz/", "test/bench/"], { globalSetup: "<rootDir>/test/helpers/buildCli.globalSetup.js" }],
  // What no project above names: the manifest check, and any new folder until it is given a project.
  ["other", 60_000, ["test/"]],
];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const isFolder = (p) => p.endsWith("/");
const matchOf = (p) => (isFolder(p) ? [`<rootDir>/${p}**/*.test.ts`, `<rootDir>/${p}**/*.test.tsx`] : [`<rootDir>/${p}`]);
const ignoreOf = (p) => `^${escape(path.join(__dirname, p))}${isFolder(p) ? "" : "$"}`;

module.exports = {
  projects: PROJECTS.map(([name, testTimeoutMs, paths, extra], i) => ({
    displayName: name,
    rootDir: __dirname,
    roots: ["<rootDir>/test"],
    testEnvironment: "node",
    testMatch: paths.flatMap(matchOf),
    // The files of the projects before this one are theirs.
    testPathIgnorePatterns: ["/node_modules/", "/test/e2e/", ...PROJECTS.slice(0, i).flatMap(([, , earlier]) => earlier.map(ignoreOf))],
    transform: {
      "^.+\\.(ts|tsx|js|mjs)$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
    },
    // office-addin-mock pulls ESM-only packages: let ts-jest transform them.
    transformIgnorePatterns: ["/node_modules/(?!(.*/)?(uuid|strip-bom)/)"],
    globals: { testTimeoutMs },
    setupFilesAfterEnv: ["<rootDir>/test/helpers/testTimeout.ts"],
    ...extra,
  })),
};
