/**
 * Looking things up in a summary (summarize's Summary) or in the CLI's --json report, for the
 * tests that check figures: a result by its indicator and measure, a unit's row in it, the people
 * a goal still needs — each lookup failing with what there is, never handing back a wrong row.
 * And the CLI's --json report of a run that must succeed.
 */
import type { JsonReport } from "../../src/core/jsonReport";
import { runCli } from "./files";

type Measure = "attainment" | "coverage";

interface ResultLike {
  readonly indicator: string;
  readonly indicatorKey: string;
  readonly measure: string;
}

/**
 * The result of one indicator, by its key ("bhxh-tn") or its display name ("BHXH tự nguyện"), and
 * measure. Exactly one result must match.
 */
export function resultOf<R extends ResultLike>(report: { readonly results: readonly R[] }, indicator: string, measure: Measure = "attainment"): R {
  const found = report.results.filter((r) => (r.indicatorKey === indicator || r.indicator === indicator) && r.measure === measure);
  if (found.length !== 1) {
    const there = report.results.map((r) => `${r.indicatorKey} (${r.indicator})/${r.measure}`).join(", ");
    throw new Error(`${found.length} results for ${indicator}/${measure} among ${there}`);
  }
  return found[0]!;
}

/** A unit's row in a result, by the unit's name as the result spells it. */
export function unitOf<U extends { readonly unit: string }>(result: { readonly units: readonly U[] }, name: string): U {
  const u = result.units.find((x) => x.unit === name);
  if (!u) throw new Error(`no unit ${name} in ${result.units.map((x) => x.unit).join(", ")}`);
  return u;
}

/** People still needed for a goal of num/den: ⌈goal × denominator − actual⌉, in integers only; 0 when met. */
export function peopleNeeded(num: number | bigint, den: number | bigint, denominator: number, actual: number): number {
  const n = BigInt(num) * BigInt(denominator) - BigInt(den) * BigInt(actual);
  return n <= 0n ? 0 : Number((n + BigInt(den) - 1n) / BigInt(den));
}

/** `chitieu summarize <input> --out <out> --json …` in process; the run must succeed quietly (exit 0, nothing on stderr). */
export async function summarizeJson(input: string, out: string, extra: readonly string[] = []): Promise<JsonReport> {
  const r = await runCli(["summarize", input, "--out", out, "--json", ...extra]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as JsonReport;
}
