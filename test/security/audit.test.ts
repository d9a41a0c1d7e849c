/**
 * Dependencies are locked: package-lock.json pins every production dependency to one version.
 * The advisory audit needs npm's advisory service, so it runs in CI (.ci/run, scripts/ci-audit.js),
 * loud where the service cannot be reached, rather than as a test that skips.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");

interface Lock {
  lockfileVersion: number;
  packages: Record<string, { version?: string; resolved?: string; integrity?: string; dev?: boolean; link?: boolean }>;
}

describe("dependencies are locked", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as Lock;

  test("package-lock.json is a v2+ lock file", () => {
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
  });

  test.each(Object.keys(pkg.dependencies))("production dependency %s has one locked version with an integrity hash", (name) => {
    const entry = lock.packages[`node_modules/${name}`];
    expect(entry).toBeDefined();
    expect(entry!.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(entry!.dev).not.toBe(true);
    if (!entry!.link) expect(entry!.integrity).toMatch(/^sha(256|384|512)-/);
  });
});
