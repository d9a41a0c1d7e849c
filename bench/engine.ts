/**
 * What is timed for the engine, and the floor it is measured against.
 */
import { describeOutput } from "../src/core/describe";
import { Grid } from "../src/core/grid";
import { SheetSpec, rowsOf } from "../src/core/sheetSpec";
import { summarize } from "../src/core/summarize";
import { Summary } from "../src/core/results";
import { Workload } from "./workload";

export interface EngineRun {
  readonly summary: Summary;
  readonly specs: SheetSpec[];
}

/** The whole engine from grids to output sheet descriptions: detect, parse, match, compute, rank, describe. */
export function runEngine(w: Workload): EngineRun {
  const summary = summarize({ targets: w.targets, actuals: w.actuals, base: w.base });
  const specs = describeOutput(summary);
  return { summary, specs };
}

/**
 * Every cell of every output sheet, made from the descriptions block by block as the adapters
 * make them when they write (rowsOf(spec).slice): the work the sheet descriptions leave for
 * writing. Returns the number of cells.
 */
export function makeAllCells(specs: readonly SheetSpec[]): number {
  let cells = 0;
  for (const spec of specs) {
    const rows = rowsOf(spec);
    for (let start = 0; start < rows.count; start += 2000) for (const row of rows.slice(start, start + 2000)) cells += row.length;
  }
  return cells;
}

/** One pass over the input grids adding up every cell that holds a number: no engine can do less. */
export function floorPass(grids: readonly Grid[]): number {
  let sum = 0;
  for (const g of grids) {
    for (let r = 0; r < g.length; r++) {
      const row = g[r]!;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v === "number") sum += v;
      }
    }
  }
  return sum;
}

/**
 * Checks that the engine read the workload as meant: every indicator matched (attainment for
 * each, coverage for each catalogue one), every unit matched, nothing unmatched. Returns the
 * problems found (empty when all is well).
 */
export function checkEngineRun(w: Workload, run: EngineRun): string[] {
  const problems: string[] = [];
  const s = run.summary;
  const sorted = (xs: readonly string[]) => [...xs].sort().join(", ");
  const attainment = s.results.filter((r) => r.measure === "attainment").map((r) => r.indicatorKey);
  const coverage = s.results.filter((r) => r.measure === "coverage").map((r) => r.indicatorKey);
  const want = expectedResults(w);
  if (sorted(attainment) !== sorted(want.attainment)) problems.push(`attainment indicators ${sorted(attainment)}; expected ${sorted(want.attainment)}`);
  if (sorted(coverage) !== sorted(want.coverage)) problems.push(`coverage indicators ${sorted(coverage)}; expected ${sorted(want.coverage)}`);
  if (s.unitNames.length !== w.units) problems.push(`${s.unitNames.length} units matched of ${w.units}`);
  if (s.unmatched.length > 0) problems.push(`${s.unmatched.length} unmatched units, e.g. ${s.unmatched[0]!.unit}`);
  if (s.warnings.length > 0) problems.push(`${s.warnings.length} warnings, e.g. ${s.warnings[0]}`);
  for (const r of s.results) if (r.units.some((u) => u.ratio === null)) problems.push(`${r.indicatorKey} ${r.measure}: a unit without a rate`);
  if (run.specs.length !== s.results.length + 1) problems.push(`${run.specs.length} output sheets for ${s.results.length} results`);
  return problems;
}

/**
 * The results the engine must give: attainment for every indicator, coverage for every
 * catalogue one, and total social insurance (compulsory + voluntary) derived from its parts.
 */
export function expectedResults(w: Workload): { attainment: string[]; coverage: string[] } {
  const keys = w.specs.map((x) => x.key);
  const total = keys.includes("bhxh-bb") && keys.includes("bhxh-tn") ? ["bhxh"] : [];
  return {
    attainment: [...keys, ...total],
    coverage: [...w.specs.filter((x) => x.base).map((x) => x.key), ...total],
  };
}
