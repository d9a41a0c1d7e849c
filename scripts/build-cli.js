#!/usr/bin/env node
/**
 * Builds the `chitieu` CLI (src/cli/main.ts and everything it imports) into one CommonJS file,
 * dist-cli/chitieu.js, with esbuild: the bin and `npm run demo` run that file, so no TypeScript is
 * compiled at run time (tsx stays a dev tool). Runs on `npm install` / `npm ci` (the `prepare`
 * script). `--if-stale` rebuilds only when a source is newer than the built file, so `npm run demo`
 * and the tests never run yesterday's code after an edit.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const ENTRY = path.join(ROOT, "src", "cli", "main.ts");
const OUT = path.join(ROOT, "dist-cli", "chitieu.js");
/** What the bundle is made of: a change to any of these makes it stale. */
const INPUTS = [path.join(ROOT, "src"), path.join(ROOT, "package.json"), path.join(ROOT, "package-lock.json"), __filename];

function newestMtime(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

/** True when the built file is missing or older than a source. */
function isStale() {
  let built;
  try {
    built = fs.statSync(OUT).mtimeMs;
  } catch {
    return true;
  }
  return INPUTS.some((p) => newestMtime(p) > built);
}

function build() {
  const esbuild = require("esbuild");
  const result = esbuild.buildSync({
    write: false,
    entryPoints: [ENTRY],
    outfile: OUT,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    sourcemap: "linked",
    // Stack traces name src/ files and lines (an "unexpected error" report is then useful).
    sourcesContent: false,
    legalComments: "linked",
    logLevel: "warning",
  });
  // Each file replaced by a rename: a run starting meanwhile (a test, a second terminal) reads
  // the old bundle or the new one, never half of one. The map and notices first, the code last.
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  const files = [...result.outputFiles].sort((a, b) => (a.path === OUT) - (b.path === OUT));
  for (const f of files) {
    const tmp = `${f.path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    fs.writeFileSync(tmp, f.contents);
    fs.renameSync(tmp, f.path);
  }
}

/** Build when stale (or always, with force); returns whether it built. */
function buildCli({ force = false } = {}) {
  if (!force && !isStale()) return false;
  build();
  return true;
}

module.exports = { buildCli, OUT };

if (require.main === module) {
  const ifStale = process.argv.includes("--if-stale");
  const t0 = Date.now();
  const built = buildCli({ force: !ifStale });
  if (built && !process.argv.includes("--quiet")) process.stderr.write(`chitieu: CLI built to ${path.relative(process.cwd(), OUT)} (${Date.now() - t0} ms)\n`);
}
