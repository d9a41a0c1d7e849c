/**
 * The core is pure: it imports only its own modules and touches no host (Office.js, DOM, Node,
 * clock or randomness), so every shell can run it and every test can call it directly.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const CORE = path.resolve(__dirname, "..", "..", "src", "core");
const files = fs.readdirSync(CORE).filter((f) => f.endsWith(".ts"));

describe("src/core is pure", () => {
  test.each(files)("%s imports only core modules", (f) => {
    const src = fs.readFileSync(path.join(CORE, f), "utf8");
    const specifiers = [...src.matchAll(/^\s*(?:import|export)[^"'`]*?from\s+["']([^"']+)["']/gm)].map((m) => m[1]!);
    expect(specifiers.filter((s) => !s.startsWith("./"))).toEqual([]);
  });

  test.each(files)("%s uses no host globals, clock or randomness", (f) => {
    // Comments may name Office.js; code may not.
    const code = fs
      .readFileSync(path.join(CORE, f), "utf8")
      .replace(/\/\*[^]*?\*\//g, "")
      .replace(/\/\/.*$/gm, "");
    expect(code).not.toMatch(/\b(Office|Excel|window|document|navigator|process|require|Date\.now|Math\.random|setTimeout|fetch)\b\s*[.(]/);
  });
});
