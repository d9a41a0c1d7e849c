/**
 * The parts of the bench that need a process of their own:
 * - `rss <units> <indicators>`: one engine run in a fresh process, so its peak resident memory
 *   is the engine's (with its input grids) and nothing left over from other sizes; ;
 * - `engine <units> <indicators> <runs>`: the engine bundled as the task pane runs it, timed in a
 *   process of its own: its first run (`firstMs`, nothing compiled yet, as in a fresh pane), then
 *   warmed up, the median of `runs` with the fastest and slowest. Each size in its own process:
 *   measured in one process after other sizes, 10,000 × 8 took 130-140 ms against 80-85 ms alone
 *   (the heap the earlier sizes grew), so the figure depended on what the bench ran before it;
 * - `formula <units> <indicators> <runs>`: the formula workbook in HyperFormula, in a process
 *   the parent can kill when a size takes longer than its limit.
 * Answers are JSON lines on stdout; see run.ts for the protocol.
 */
import { checkEngineRun, runEngine } from "./engine";
import { compareWithEngine, computeFormulas, formulaWorkbook } from "./formulas";
import { loadBundledEngine } from "./bundled";
import { ENGINE_WARM_UP, median, timeMedian } from "./stats";
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

function engine(units: number, indicators: 4 | 8, runs: number): void {
  const bundled = loadBundledEngine();
  const w = makeWorkload(units, indicators);
  gc();
  const t0 = performance.now();
  bundled.runEngine(w);
  const firstMs = performance.now() - t0;
  const e = timeMedian(() => bundled.runEngine(w), runs, gc, ENGINE_WARM_UP);
  say({ done: { ...e, firstMs } });
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
else if (mode === "engine") engine(units, indicators, Number(c ?? 9));
else if (mode === "formula") formula(units, indicators, Number(c ?? 5), Number(d ?? 8000));
else {
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exit(2);
}
