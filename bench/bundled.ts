/**
 * The engine as the task pane runs it: one bundle of its modules. The bench times this, not the
 * modules as `tsx` loads them one by one (the CLI's loader): tsx turns every import into a
 * property read through two getters (esbuild's CommonJS wrapper) and names every closure it makes
 * (`keepNames`), which costs the same engine code 10–40 % on its hot loops; webpack's production
 * build, like this bundle, calls across modules directly. Both figures are reported (`ms` and
 * `tsxMs`); the budgets hold the bundled one.
 */
import { buildSync } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type * as Engine from "./engine";

export function loadBundledEngine(): typeof Engine {
  const dir = mkdtempSync(join(tmpdir(), "chitieu-bench-"));
  const outfile = join(dir, "engine.cjs");
  try {
    buildSync({ entryPoints: [join(__dirname, "engine.ts")], bundle: true, platform: "node", format: "cjs", target: "node20", outfile, logLevel: "silent" });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(outfile) as typeof Engine;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
