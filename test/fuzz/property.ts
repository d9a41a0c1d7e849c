/**
 * The fuzz property, shared by `npm test` (test/fuzz/fuzz.test.ts, 1,000 workbooks) and
 * `npm run fuzz` (scripts/fuzz.ts, 100,000): run the engine on a generated workbook and check
 *  1. only the engine's own typed errors (ChitieuError) escape;
 *  2. the input grids are never mutated (they are frozen, and compared after the run);
 *  3. every unit is accounted for: each unit row written is found as a unit, and is in the
 *     results or listed as unmatched (or the run ended in a ChitieuError);
 *  4. every number in the results, the --json report and the sheets written (the described ones
 *     and the commentary) is finite, and every text written fits in a cell; sheet names are legal;
 *     no commentary paragraph shows NaN, Infinity or undefined.
 * Throws an Error describing the first broken invariant. Plain Node: no jest here.
 */
import { ChitieuError } from "../../src/core/errors";
import { commentarySheet } from "../../src/core/commentary";
import { describeOutput } from "../../src/core/describe";
import { writeNarrative } from "../../src/core/narrative";
import { CellValue, SheetGrid } from "../../src/core/grid";
import { toJsonReport } from "../../src/core/jsonReport";
import { MAX_CELL_TEXT } from "../../src/core/sheetSpec";
import { summarize } from "../../src/core/summarize";
import { Summary } from "../../src/core/results";
import { cleanText } from "../../src/core/text";
import { FuzzCase, GeneratedSheet } from "./generator";

export type Outcome = { readonly kind: "ok"; readonly summary: Summary } | { readonly kind: "error"; readonly code: string };

function fail(msg: string): never {
  throw new Error(`fuzz invariant broken: ${msg}`);
}

function deepFreeze(grid: SheetGrid): SheetGrid {
  for (const row of grid.values) Object.freeze(row);
  Object.freeze(grid.values);
  return Object.freeze(grid);
}

function nonFinitePaths(x: unknown, path: string, out: string[]): void {
  if (typeof x === "number") {
    if (!Number.isFinite(x)) out.push(`${path}=${x}`);
  } else if (Array.isArray(x)) x.forEach((v, i) => nonFinitePaths(v, `${path}[${i}]`, out));
  else if (x instanceof Map) for (const [k, v] of x) nonFinitePaths(v, `${path}[${String(k)}]`, out);
  else if (x && typeof x === "object") for (const [k, v] of Object.entries(x)) nonFinitePaths(v, `${path}.${k}`, out);
}

function expectFinite(x: unknown, what: string): void {
  const bad: string[] = [];
  nonFinitePaths(x, what, bad);
  if (bad.length > 0) fail(`non-finite numbers in ${what}: ${bad.slice(0, 5).join(", ")}`);
}

/** A copy of the grid's values, to compare after the run. */
function copyOf(g: SheetGrid | null): (readonly CellValue[])[] | null {
  return g ? g.values.map((r) => [...r]) : null;
}

function sameValues(a: readonly (readonly CellValue[])[] | null, b: SheetGrid | null): boolean {
  if (a === null || b === null) return a === null && b === null;
  if (a.length !== b.values.length) return false;
  return a.every((row, i) => {
    const other = b.values[i]!;
    return row.length === other.length && row.every((v, c) => Object.is(v, other[c]));
  });
}

/** Run one generated workbook through the engine and check every invariant. */
export function checkCase(c: FuzzCase): Outcome {
  const targets = c.targets ? deepFreeze(c.targets.grid) : null;
  const actuals = deepFreeze(c.actuals.grid);
  const base = c.base ? deepFreeze(c.base.grid) : null;
  const previous = c.previous ? deepFreeze(c.previous.grid) : null;
  const before = [copyOf(targets), copyOf(actuals), copyOf(base), copyOf(previous)];

  let summary: Summary;
  try {
    summary = summarize({ targets, actuals, base, previous }, { average: c.options.average, rank: c.options.rank, locale: c.options.locale });
  } catch (e) {
    if (!(e instanceof ChitieuError)) fail(`an error that is not a ChitieuError escaped: ${(e as Error)?.stack ?? String(e)}`);
    if (!e.message || e.message.length < 10) fail(`a ChitieuError without a useful message: ${JSON.stringify(e.message)}`);
    checkUnchanged(before, [targets, actuals, base, previous]);
    return { kind: "error", code: e.code };
  }
  checkUnchanged(before, [targets, actuals, base, previous]);

  // 4. Finite numbers everywhere; text that fits; legal sheet names.
  expectFinite(summary, "summary");
  const json = toJsonReport(summary);
  expectFinite(json, "json");
  if (/\bInfinity\b|\bNaN\b/.test(JSON.stringify(json).replace(/"(?:[^"\\]|\\.)*"/g, '""'))) fail("Infinity or NaN in the JSON text");
  // The sheets the pipeline writes (src/workbook/recalculate.ts): the described ones and the commentary.
  let specs;
  try {
    specs = describeOutput(summary, { lang: c.options.lang });
    const narrative = writeNarrative(summary, { lang: c.options.lang });
    for (const p of narrative)
      if (typeof p !== "string" || /\bNaN\b|Infinity|undefined|\[object /.test(p)) fail(`a commentary paragraph reads: ${String(p).slice(0, 200)}`);
    specs.push(commentarySheet(narrative, c.options.lang));
  } catch (e) {
    if (e instanceof Error && e.message.startsWith("fuzz invariant broken")) throw e;
    fail(`describing the output threw: ${(e as Error)?.stack ?? String(e)}`);
  }
  for (const spec of specs) {
    if (Array.from(spec.name).length > 31 || /[:\\/?*[\]]/.test(spec.name) || /^'|'$/.test(spec.name) || spec.name.trim() === "")
      fail(`illegal sheet name "${spec.name}"`);
    spec.values.forEach((row, r) =>
      row.forEach((v, col) => {
        if (typeof v === "number" && !Number.isFinite(v)) fail(`sheet "${spec.name}" cell (${r},${col}) is ${v}`);
        if (typeof v === "string" && v.length > MAX_CELL_TEXT) fail(`sheet "${spec.name}" cell (${r},${col}) holds ${v.length} characters`);
        if (v !== null && typeof v !== "number" && typeof v !== "string") fail(`sheet "${spec.name}" cell (${r},${col}) holds a ${typeof v}`);
      }),
    );
  }

  // 3. Every unit accounted for.
  checkAccounting(c, summary);
  return { kind: "ok", summary };
}

function checkUnchanged(before: ((readonly CellValue[])[] | null)[], after: (SheetGrid | null)[]): void {
  before.forEach((b, i) => {
    if (!sameValues(b, after[i]!)) fail(`input sheet ${i} was changed by the engine`);
  });
}

function checkAccounting(c: FuzzCase, s: Summary): void {
  const bySheet = new Map(s.detection.map((d) => [d.sheet, d]));
  const sheets: [string, GeneratedSheet | null][] = [
    ["targets", c.targets],
    ["actuals", c.actuals],
    ["base", c.base],
    ["previous", c.previous],
  ];
  // Each sheet: every unit row written is detected as a unit, and none of them is left out.
  for (const [role, g] of sheets) {
    if (!g) continue;
    const d = bySheet.get(g.grid.name);
    if (!d) fail(`no detection reported for the ${role} sheet '${g.grid.name}'`);
    if (d.units !== g.unitNames.length) {
      fail(`sheet '${g.grid.name}': ${g.unitNames.length} unit rows written, ${d.units} detected (excluded: ${JSON.stringify(d.excludedRows.slice(0, 6))})`);
    }
  }
  const ref = c.targets ?? c.actuals;
  const refName = ref.grid.name;
  const unitsSet = new Set(s.unitNames);
  const unmatchedIn = (sheet: string) => s.unmatched.filter((u) => u.sheet === sheet);
  // The reference sheet: each unit by name, in the results or unmatched.
  const refUnmatched = new Set(unmatchedIn(refName).map((u) => u.unit));
  for (const n of ref.unitNames) {
    const name = cleanText(n);
    if (!unitsSet.has(name) && !refUnmatched.has(name)) fail(`unit "${name.slice(0, 60)}" of '${refName}' is neither in the results nor unmatched`);
  }
  // The results hold reference units only, each once.
  if (unitsSet.size !== s.unitNames.length) fail("a unit appears twice in the results");
  // Other sheets: each unit row either pairs with one unit in the results or is listed unmatched.
  if (c.targets) {
    const matched = s.unitNames.length;
    const un = unmatchedIn(c.actuals.grid.name).length;
    if (matched + un !== c.actuals.unitNames.length) fail(`actuals: ${c.actuals.unitNames.length} units, ${matched} matched + ${un} unmatched`);
  }
  // The base and last year's sheet pair with the reference units like the actuals do.
  for (const other of [c.base, c.previous]) {
    if (!other) continue;
    // Last year's sheet in doubt (a unit listed twice) drops the growth, never silently.
    if (other === c.previous && !s.sheets.previous) {
      if (!s.warnings.some((w) => typeof w !== "string" && (w.code === "previous-dropped-units" || w.code === "previous-dropped-merger")))
        fail(`'${other.grid.name}' was not used, and no warning says so`);
      continue;
    }
    const missing = s.unmatched.filter((u) => u.sheet === refName && u.missingFrom.includes(other.grid.name)).length;
    const matched = s.unitNames.length - missing;
    const un = unmatchedIn(other.grid.name).length;
    // A unit may also pair with a reference unit that has no actuals (itself listed unmatched).
    const refNotInResults = ref.unitNames.length - s.unitNames.length;
    const n = other.unitNames.length;
    if (n < matched + un || n > matched + un + refNotInResults) {
      fail(
        `'${other.grid.name}': ${n} units, ${matched} matched with results + ${un} unmatched (+ up to ${refNotInResults} paired with unmatched reference units)`,
      );
    }
  }
}
