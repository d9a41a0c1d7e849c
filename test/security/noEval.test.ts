/**
 * No eval and no new Function: not in our sources (src/, scripts/, bin/), and in the production
 * bundle (dist/, when it has been built) only the few vendor fallbacks listed below, none of which
 * runs in a browser with globalThis — so the task pane's Content-Security-Policy needs no
 * 'unsafe-eval'. Any other occurrence fails the test, naming the file and the code around it.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");

function filesUnder(dir: string, exts: readonly string[]): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== "node_modules") out.push(...filesUnder(p, exts));
    } else if (exts.some((x) => e.name.endsWith(x))) out.push(p);
  }
  return out;
}

/** Ways to run a string as code. */
const DYNAMIC_CODE = [
  /(?<![\w$])eval\s*\(/g,
  /\bnew\s+Function\b/g,
  /(?<![\w$.])Function\s*\(/g,
  /\bset(?:Timeout|Interval|Immediate)\s*\(\s*["'`]/g,
  /\bexecScript\s*\(/g,
];

function occurrences(text: string): { at: number; snippet: string }[] {
  const hits: { at: number; snippet: string }[] = [];
  for (const re of DYNAMIC_CODE) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) hits.push({ at: m.index, snippet: text.slice(Math.max(0, m.index - 100), m.index + 60) });
  }
  return hits;
}

describe("no eval or new Function in our sources", () => {
  const sources = ["src", "scripts", "bin"].flatMap((d) => filesUnder(path.join(ROOT, d), [".ts", ".tsx", ".js", ".mjs", ".cjs"]));

  test("there are sources to scan", () => {
    expect(sources.length).toBeGreaterThan(20);
    expect(sources.some((f) => f.endsWith(path.join("src", "core", "summarize.ts")))).toBe(true);
  });

  test("none of them builds code from strings", () => {
    const found = sources.flatMap((f) => occurrences(fs.readFileSync(f, "utf8")).map((o) => `${path.relative(ROOT, f)}: …${o.snippet}…`));
    expect(found).toEqual([]);
  });

  test("the scanner finds what it looks for", () => {
    for (const code of ['eval("1")', "new Function('a', 'return a')", 'Function("return this")()', 'setTimeout("alert(1)", 0)', "window.eval (x)"]) {
      expect(occurrences(code).length).toBeGreaterThan(0);
    }
    for (const code of ["retrieval(x)", "medieval (1)", "myFunction(1)", "setTimeout(() => 1, 0)", "x.evaluate(y)"]) {
      expect(occurrences(code)).toEqual([]);
    }
  });
});

/**
 * Vendor code in the bundle that can build a function from a string, and why it never does here.
 * Each must match the code around the occurrence.
 */
const VENDOR_FALLBACKS: readonly { readonly why: string; readonly pattern: RegExp }[] = [
  {
    why: "webpack's and lodash's global-object lookup: reached only when neither globalThis nor self exists",
    pattern: /(globalThis|self)[^]{0,160}Function\("return this"\)\(\)/,
  },
  {
    why: "regenerator-runtime (in exceljs's bundle) setting its global: reached only when globalThis does not exist",
    pattern: /"object"==typeof globalThis\?globalThis\.regeneratorRuntime=\w:Function\("r","regeneratorRuntime = r"\)\(\w\)/,
  },
  {
    why: "the setImmediate polyfill in exceljs's bundle: builds a function only when handed a string; exceljs hands it functions",
    pattern: /setImmediate=function\(\w\)\{"function"!=typeof \w&&\(\w=new Function\(""\+\w\)\)/,
  },
];

describe("the production bundle (dist/)", () => {
  const bundle = filesUnder(path.join(ROOT, "dist"), [".js"]);
  const run = bundle.length > 0 ? test : test.skip;

  run("builds no code from strings, apart from the listed vendor fallbacks", () => {
    const unexplained: string[] = [];
    for (const f of bundle) {
      const text = fs.readFileSync(f, "utf8");
      for (const o of occurrences(text)) {
        const around = text.slice(Math.max(0, o.at - 200), o.at + 80);
        if (!VENDOR_FALLBACKS.some((v) => v.pattern.test(around))) unexplained.push(`${path.relative(ROOT, f)}: …${o.snippet}…`);
      }
    }
    expect(unexplained).toEqual([]);
  });

  run("has no eval at all", () => {
    const evals = bundle.filter((f) => /(?<![\w$])eval\s*\(/.test(fs.readFileSync(f, "utf8")));
    expect(evals).toEqual([]);
  });
});
