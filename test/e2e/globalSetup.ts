/** Before the end-to-end tests: check the tools are installed, then build the bundle (dist/). */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { DIST, ROOT, checkTools } from "./tools";

export default async function globalSetup(): Promise<void> {
  checkTools();
  if (process.env.E2E_SKIP_BUILD === "1" && fs.existsSync(path.join(DIST, "preview.html"))) return;
  const webpack = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  const r = spawnSync(process.execPath, [webpack, "--mode", "production"], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`The build failed:\n${r.stdout}\n${r.stderr}`);
}
