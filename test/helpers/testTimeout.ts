/**
 * Run before each test file (jest.config.js `setupFilesAfterEnv`): the test timeout of the file's
 * jest project, from the project's `globals.testTimeoutMs` — jest 30 ignores a project's own
 * `testTimeout`. A file that needs longer calls jest.setTimeout itself, which runs after this.
 */
import { projectTimeout } from "./timeouts";

jest.setTimeout(projectTimeout());
