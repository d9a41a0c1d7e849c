/**
 * `npm run fuzz`: the fuzz property of test/fuzz (only ChitieuError escapes, inputs unchanged,
 * every unit accounted for, every number written finite) over 100,000 generated workbooks.
 *
 *   npm run fuzz                      100,000 workbooks, a random seed
 *   npm run fuzz -- --runs 5000       another count
 *   npm run fuzz -- --seed 42         replay a seed (a failure prints its seed and path)
 *   npm run fuzz -- --seed 42 --path "12:3:0"   replay one shrunk counterexample
 *
 * Prints progress, how the runs ended (results, or which ChitieuError), and on failure the
 * smallest workbook found, its seed and path; exits 1 on failure.
 */
import fc from "fast-check";
import { fuzzCaseArb } from "../test/fuzz/generator";
import { checkCase } from "../test/fuzz/property";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The counterexample with long strings shortened and Infinity/NaN spelled out, for reading. */
function show(x: unknown): string {
  return JSON.stringify(
    x,
    (_k, v) =>
      typeof v === "string" && v.length > 60 ? `${v.slice(0, 57)}…(${v.length} chars)` : typeof v === "number" && !Number.isFinite(v) ? String(v) : v,
    1,
  );
}

function main(): number {
  const runs = Number(arg("runs") ?? 100_000);
  const seed = Number(arg("seed") ?? (Date.now() ^ (process.pid << 8)) >>> 0);
  const path = arg("path");
  const outcomes = new Map<string, number>();
  let done = 0;
  const started = Date.now();
  const step = Math.max(1, Math.floor(runs / 20));
  process.stdout.write(`chitieu fuzz: ${runs} generated workbooks, seed ${seed}\n`);
  const result = fc.check(
    fc.property(fuzzCaseArb, (c) => {
      const o = checkCase(c);
      const k = o.kind === "ok" ? "results" : `ChitieuError ${o.code}`;
      outcomes.set(k, (outcomes.get(k) ?? 0) + 1);
      if (++done % step === 0 && done <= runs) process.stdout.write(`  ${done} / ${runs} (${Math.round((Date.now() - started) / 1000)} s)\n`);
    }),
    { numRuns: runs, seed, ...(path ? { path } : {}) },
  );
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const ended = [...outcomes.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k}: ${n}`)
    .join(", ");
  if (result.failed) {
    process.stdout.write(`\nFAILED after ${result.numRuns} workbooks (${result.numShrinks} shrinks), ${secs} s, seed ${result.seed}\n`);
    process.stdout.write(`${String(result.errorInstance instanceof Error ? result.errorInstance.message : result.errorInstance)}\n`);
    process.stdout.write(`smallest workbook:\n${show(result.counterexample)}\n`);
    process.stdout.write(`replay: npm run fuzz -- --seed ${result.seed} --path "${result.counterexamplePath}"\n`);
    return 1;
  }
  process.stdout.write(`\nOK: ${result.numRuns} workbooks, ${secs} s, seed ${seed}, no invariant broken.\nHow the runs ended — ${ended}\n`);
  return 0;
}

process.exitCode = main();
