/**
 * The parts of the bench that need a process of their own:
 * - `rss <units> <indicators>`: one engine run in a fresh process, so its peak resident memory
 *   is the engine's (with its input grids) and nothing left over from other sizes;
 * - `formula <units> <indicators> <runs>`: the formula workbook in HyperFormula, in a process
 *   the parent can kill when a size takes longer than its limit.
 * Answers are JSON lines on stdout; see run.ts for the protocol.
 */
import { checkEngineRun, runEngine } from "./engine";
import { compareWithEngine, computeFormulas, formulaWorkbook } from "./formulas";
import { median } from "./stats";
import { makeWorkload } from "./workload";

const say = (x: unknown) => process.stdout.write(JSON.stringify(x) + "\n");
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function rss(units: number, indicators: 4 | 8): void {
  const w = makeWorkload(units, indicators);
  gc();
  const inputRssMb = process.memoryUsage().rss / 2 ** 20;
  const run = runEngine(w);
  const rssMb = process.resourceUsage().maxRSS / 1024;
  say({ done: { rssMb, inputRssMb, problems: checkEngineRun(w, run) } });
}

function formula(units: number, indicators: 4 | 8, runs: number, repeatUnderMs: number): void {
  const w = makeWorkload(units, indicators);
  const run = runEngine(w);
  const wb = formulaWorkbook(w);
  gc();
  say({ ready: true, formulas: wb.formulas });
  let t0 = performance.now();
  let values = computeFormulas(wb);
  const first = performance.now() - t0;
  say({ first });
  const check = compareWithEngine(w, wb, values, run);
  // The first run is the warm-up when there is time for more; a slow size is measured once.
  const times: number[] = [];
  if (first <= repeatUnderMs) {
    for (let i = 0; i < runs; i++) {
      gc();
      t0 = performance.now();
      values = computeFormulas(wb);
      times.push(performance.now() - t0);
    }
  } else times.push(first);
  say({
    done: {
      formulaMs: median(times),
      runs: times.length,
      formulas: wb.formulas,
      checked: check.checked,
      mismatches: check.mismatches.slice(0, 10),
      mismatchCount: check.mismatches.length,
    },
  });
}

const [mode, a, b, c, d] = process.argv.slice(2);
const units = Number(a);
const indicators = Number(b) === 4 ? 4 : 8;
if (mode === "rss") rss(units, indicators);
else if (mode === "formula") formula(units, indicators, Number(c ?? 5), Number(d ?? 8000));
else {
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exit(2);
}
