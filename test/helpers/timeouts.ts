/** jest's own default, for a file run outside the projects of jest.config.js. */
const JEST_DEFAULT_MS = 5_000;

/** The test timeout of the jest project running this file (jest.config.js `globals.testTimeoutMs`). */
export function projectTimeout(): number {
  const ms = (globalThis as { testTimeoutMs?: unknown }).testTimeoutMs;
  return typeof ms === "number" && ms > 0 ? ms : JEST_DEFAULT_MS;
}

/**
 * How long one wait inside a test may last (waitFor, findBy*, a polling loop): a third of the
 * project's test timeout, so that a test with two or three waits still fails with the wait's own
 * message on a slow machine, never with jest's generic "Exceeded timeout".
 */
export function waitTimeout(share = 1 / 3): number {
  return Math.floor(projectTimeout() * share);
}
