/**
 * The built add-in (dist/, made by the e2e global setup): the task pane's first load stays
 * within its budget, no page's own code needs eval or new Function (the CSP forbids them), and
 * the vendor code bundled with it builds code from strings only in the listed fallbacks.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { VENDOR_FALLBACKS, occurrences } from "../helpers/dynamicCode";
import { DIST } from "./tools";

/** The task pane's initial JavaScript, gzipped, may not exceed this (it loads inside Excel, on office networks). */
const BUDGET = 350 * 1024;

/** The scripts an HTML page loads at start (its own, not Office's CDN). */
function initialScripts(page: string): string[] {
  const html = fs.readFileSync(path.join(DIST, page), "utf8");
  return [...html.matchAll(/<script[^>]*\bsrc="?([^" >]+)"?/g)].map((m) => m[1]!).filter((src) => !/^https?:/.test(src));
}

describe("the bundle", () => {
  test("the task pane's initial JavaScript is within 350 KB gzipped", () => {
    const scripts = initialScripts("taskpane.html");
    expect(scripts).toEqual(["taskpane.js"]);
    const gz = scripts.reduce((n, s) => n + zlib.gzipSync(fs.readFileSync(path.join(DIST, s)), { level: 9 }).length, 0);
    process.stdout.write(`task pane initial JS: ${(gz / 1024).toFixed(1)} KB gzipped\n`);
    expect(gz).toBeLessThanOrEqual(BUDGET);
  });

  test("the results view is split off the first screen", () => {
    expect(fs.readdirSync(path.join(DIST, "chunks")).some((f) => /^results\.[0-9a-f]+\.js$/.test(f))).toBe(true);
  });

  test("no eval or new Function in the add-in's or the preview's own code", () => {
    const own = [
      ...fs.readdirSync(DIST).filter((f) => f.endsWith(".js")),
      ...fs
        .readdirSync(path.join(DIST, "chunks"))
        .filter((f) => f.endsWith(".js") && !f.startsWith("exceljs."))
        .map((f) => `chunks/${f}`),
    ];
    expect(own).toEqual(expect.arrayContaining(["taskpane.js", "dialog.js", "preview.js"]));
    // One known third-party exception, matched exactly: the `setimmediate` polyfill jszip bundles
    // into the preview's worker compiles a callback given as a string. jszip only passes functions,
    // and the page's CSP has no 'unsafe-eval'; anything else (ours or a new library's) still fails.
    const SET_IMMEDIATE = /"function"!=typeof (\w)&&\(\1=new Function\(""\+\1\)\)/g;
    for (const f of own) {
      const js = fs.readFileSync(path.join(DIST, f), "utf8");
      const checked = f === "preview-worker.js" ? js.replace(SET_IMMEDIATE, "") : js;
      expect(`${f}: ${/\beval\(|new Function\(/.test(checked)}`).toBe(`${f}: false`);
    }
    expect(own).toContain("preview-worker.js");
  });

  test("the whole bundle, vendors included, builds no code from strings apart from the listed fallbacks", () => {
    const all = [
      ...fs.readdirSync(DIST).filter((f) => f.endsWith(".js")),
      ...fs
        .readdirSync(path.join(DIST, "chunks"))
        .filter((f) => f.endsWith(".js"))
        .map((f) => `chunks/${f}`),
    ];
    // Never vacuous: the build made the add-in's, the preview's and exceljs's scripts.
    expect(all).toEqual(expect.arrayContaining(["taskpane.js", "preview.js", "preview-worker.js"]));
    expect(all.some((f) => f.startsWith("chunks/exceljs."))).toBe(true);
    const unexplained: string[] = [];
    for (const f of all) {
      const text = fs.readFileSync(path.join(DIST, f), "utf8");
      for (const o of occurrences(text)) {
        const around = text.slice(Math.max(0, o.at - 200), o.at + 80);
        if (!VENDOR_FALLBACKS.some((v) => v.pattern.test(around))) unexplained.push(`${f}: …${o.snippet}…`);
      }
    }
    expect(unexplained).toEqual([]);
    expect(all.filter((f) => /(?<![\w$])eval\s*\(/.test(fs.readFileSync(path.join(DIST, f), "utf8")))).toEqual([]);
  });

  test("production source maps are files, never eval", () => {
    expect(fs.existsSync(path.join(DIST, "taskpane.js.map"))).toBe(true);
    expect(fs.readFileSync(path.join(DIST, "taskpane.js"), "utf8")).toMatch(/\/\/# sourceMappingURL=taskpane\.js\.map\s*$/);
  });
});
