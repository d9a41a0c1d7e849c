/**
 * The task pane's initial JavaScript, gzipped: the scripts taskpane.html loads itself (not the
 * chunks loaded later with import()), served from dist/. Office's own office.js comes from
 * Microsoft's CDN and is not ours, so it is not counted.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

export interface BundleMeasure {
  readonly taskpaneInitialGzipBytes: number | null;
  /** The scripts counted, with their gzipped sizes. */
  readonly scripts: readonly { readonly file: string; readonly bytes: number; readonly gzipBytes: number }[];
  readonly built: boolean;
  readonly note?: string;
}

/** Local script sources in an HTML page, in order (minified HTML may leave attributes unquoted). */
export function scriptSources(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>/gi)) {
    const attrs = m[1]!;
    const src = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);
    if (!src) continue;
    const url = src[1] ?? src[2] ?? src[3]!;
    if (/^([a-z]+:)?\/\//i.test(url)) continue; // another origin (office.js)
    out.push(url.replace(/^\.?\//, "").split(/[?#]/)[0]!);
  }
  return out;
}

function newestMtime(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** True when dist/taskpane.html is missing or older than the sources it is built from. */
export function bundleIsStale(root: string): boolean {
  const page = join(root, "dist", "taskpane.html");
  if (!existsSync(page)) return true;
  const built = statSync(page).mtimeMs;
  const inputs = [
    newestMtime(join(root, "src")),
    ...["webpack.config.js", "package.json", "package-lock.json"].map((f) => (existsSync(join(root, f)) ? statSync(join(root, f)).mtimeMs : 0)),
  ];
  return Math.max(...inputs) > built;
}

export function measureBundle(root: string, options: { build: boolean; log: (s: string) => void }): BundleMeasure {
  let built = false;
  let note: string | undefined;
  if (options.build && bundleIsStale(root)) {
    if (!existsSync(join(root, "webpack.config.js"))) {
      return { taskpaneInitialGzipBytes: null, scripts: [], built, note: "no webpack.config.js: the production build does not exist yet" };
    }
    options.log("bundle: dist/ is missing or older than src/ — running npm run build …");
    const r = spawnSync("npm", ["run", "build", "--silent"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    if (r.status !== 0) {
      return {
        taskpaneInitialGzipBytes: null,
        scripts: [],
        built,
        note: `npm run build failed (exit ${r.status}): ${(r.stderr || r.stdout).trim().split("\n").slice(-3).join(" | ")}`,
      };
    }
    built = true;
  } else if (!options.build && bundleIsStale(root)) {
    note = existsSync(join(root, "dist", "taskpane.html")) ? "dist/ is older than src/ (build skipped): size of the existing build" : undefined;
  }
  const page = join(root, "dist", "taskpane.html");
  if (!existsSync(page)) return { taskpaneInitialGzipBytes: null, scripts: [], built, note: "no dist/taskpane.html: run npm run build (or drop --no-build)" };
  const scripts = scriptSources(readFileSync(page, "utf8")).map((file) => {
    const p = join(root, "dist", file);
    const buf = readFileSync(p);
    return { file: relative(join(root, "dist"), p), bytes: buf.length, gzipBytes: gzipSync(buf).length };
  });
  if (scripts.length === 0) return { taskpaneInitialGzipBytes: null, scripts, built, note: "taskpane.html loads no local script" };
  return { taskpaneInitialGzipBytes: scripts.reduce((s, x) => s + x.gzipBytes, 0), scripts, built, ...(note ? { note } : {}) };
}
