/**
 * No eval and no new Function in our sources (src/, scripts/, bin/), so the task pane's
 * Content-Security-Policy needs no 'unsafe-eval'. Any occurrence fails the test, naming the file
 * and the code around it. The built bundle is checked by test/e2e/bundle.e2e.ts, after the build.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { occurrences } from "../helpers/dynamicCode";

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
