/**
 * The scanner for code built from strings (eval, new Function, string timers), shared by the
 * source check (test/security/noEval.test.ts) and the bundle check (test/e2e/bundle.e2e.ts, which
 * runs after the build: dist/ does not exist when `npm test` runs).
 */
/** Ways to run a string as code. */
export const DYNAMIC_CODE = [
  /(?<![\w$])eval\s*\(/g,
  /\bnew\s+Function\b/g,
  /(?<![\w$.])Function\s*\(/g,
  /\bset(?:Timeout|Interval|Immediate)\s*\(\s*["'`]/g,
  /\bexecScript\s*\(/g,
];

export function occurrences(text: string): { at: number; snippet: string }[] {
  const hits: { at: number; snippet: string }[] = [];
  for (const re of DYNAMIC_CODE) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) hits.push({ at: m.index, snippet: text.slice(Math.max(0, m.index - 100), m.index + 60) });
  }
  return hits;
}

/**
 * Vendor code in the bundle that can build a function from a string, and why it never does here.
 * Each must match the code around the occurrence.
 */
export const VENDOR_FALLBACKS: readonly { readonly why: string; readonly pattern: RegExp }[] = [
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
