/**
 * `npm run bench` — what a recalculation costs, held to the budgets of issue 5:
 * - engine: generated provinces of 100 … 100,000 units × 4 and 8 indicators; the whole engine
 *   (grids → output sheet descriptions) beside one pass over the grids (the floor) and beside
 *   the formulas a planner would write, computed by HyperFormula (checked to give the same
 *   rates); peak memory in a fresh process per size;
 * - office: one recalculation through the Office.js adapter against the recording fake, at each
 *   size up to 10,000 units as Excel on the web, and issue 15's budget workloads (a province,
 *   200 × 8, and the country, 3,321 × 8) on the web and on desktop;
 * - bundle: the task pane's initial JavaScript, gzipped.
 *
 * Options: --json (the report as JSON on stdout), --check (exit 1 when a budget is missed),
 * --quick (a tiny subset, for the test), --no-build (never run the production build),
 * --no-formula, --no-office, --no-writer, --sizes=100,1000, --runs=N, --formula-limit=SECONDS,
 * --update-docs (write the table into docs/PERFORMANCE.md between its bench markers).
 * Progress goes to stderr.
 */
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { runInNewContext } from "node:vm";
import { setFlagsFromString } from "node:v8";
import { measureOfficeRecalculation } from "../test/helpers/officeBench";
import { BUDGET, BenchReport, BudgetResult, EngineRow, OfficeRow, WriterRow, checkBudgets } from "./budgets";
import { measureBundle } from "./bundle";
import { loadBundledEngine } from "./bundled";
import { checkEngineRun, floorPass, runEngine } from "./engine";
import { ENGINE_WARM_UP, timeMedian } from "./stats";
import { makeWorkload } from "./workload";
import { measureWriters } from "./writer";

const ROOT = resolve(__dirname, "..");

export interface BenchOptions {
  readonly json: boolean;
  readonly check: boolean;
  readonly updateDocs: boolean;
  readonly quick: boolean;
  readonly build: boolean;
  readonly formula: boolean;
  readonly office: boolean;
  readonly writer: boolean;
  readonly sizes: readonly number[];
  readonly indicators: readonly (4 | 8)[];
  readonly runs: number;
  /** A formula size that takes longer than this (ms) is abandoned. */
  readonly formulaLimitMs: number;
}

export function parseArgs(argv: readonly string[]): BenchOptions {
  const flag = (f: string) => argv.includes(f);
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  const unknown = argv.filter((a) => !/^--(json|check|quick|no-build|no-formula|no-office|no-writer|update-docs|sizes=.*|runs=.*|formula-limit=.*)$/.test(a));
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(" ")}; see the comment at the top of bench/run.ts`);
  const quick = flag("--quick");
  const sizes = value("sizes")?.split(",").map(Number) ?? (quick ? [100] : [100, 1_000, 10_000, 100_000]);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 117_600)) throw new Error(`--sizes: whole numbers from 1 to 117600`);
  return {
    json: flag("--json"),
    check: flag("--check"),
    updateDocs: flag("--update-docs"),
    quick,
    build: !flag("--no-build") && !quick,
    formula: !flag("--no-formula"),
    office: !flag("--no-office"),
    writer: !flag("--no-writer"),
    sizes,
    indicators: [4, 8],
    runs: Math.max(quick ? 3 : 5, Number(value("runs") ?? (quick ? 3 : 7))),
    formulaLimitMs: Number(value("formula-limit") ?? 60) * 1000,
  };
}

const log = (s: string) => process.stderr.write(s + "\n");

/** A garbage collection between timed runs, so that one run does not pay for the last one's garbage. */
function gcFunction(): () => void {
  const own = (globalThis as { gc?: () => void }).gc;
  if (own) return own;
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

interface ChildOutcome {
  readonly lines: Record<string, unknown>[];
  readonly timedOut: boolean;
  readonly code: number | null;
  readonly stderr: string;
}

/**
 * Run bench/child.ts with `args`. `limitAfterReady` ms after the child says it is ready (its
 * setup is not what is measured), it is killed unless it has said `first`; after `first`, it has
 * `limitAfterFirst(ms)` more.
 */
function runChild(args: readonly string[], limitAfterReady: number, limitAfterFirst: (firstMs: number) => number): Promise<ChildOutcome> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, ["--expose-gc", "--max-old-space-size=4096", "--import", "tsx", join(ROOT, "bench", "child.ts"), ...args], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const lines: Record<string, unknown>[] = [];
    let buf = "";
    let stderr = "";
    let timedOut = false;
    let timer: NodeJS.Timeout | null = null;
    const arm = (ms: number) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        child.kill("SIGKILL");
      }, ms);
    };
    arm(limitAfterReady + 300_000); // setup itself: generous, but not forever
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (d: string) => {
      buf += d;
      let i: number;
      while ((i = buf.indexOf("\n")) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        if (!line.trim()) continue;
        let msg: Record<string, unknown>;
        try {
          msg = JSON.parse(line) as Record<string, unknown>;
        } catch {
          continue;
        }
        lines.push(msg);
        if (msg.ready) arm(limitAfterReady);
        if (typeof msg.first === "number") arm(limitAfterFirst(msg.first));
      }
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (d: string) => (stderr += d));
    child.on("close", (code) => {
      if (timer) clearTimeout(timer);
      resolvePromise({ lines, timedOut, code, stderr });
    });
  });
}

/** The last two lines a failed child wrote to stderr, for the note that says it failed. */
const lastLines = (stderr: string) => stderr.trim().split("\n").slice(-2).join(" | ");

interface FormulaOutcome {
  formulaMs: number | null;
  runs?: number;
  count?: number;
  checked?: number;
  mismatches?: number;
  note?: string;
}

async function measureFormula(units: number, k: 4 | 8, o: BenchOptions): Promise<FormulaOutcome> {
  const repeatUnder = Math.min(8000, o.formulaLimitMs / 8);
  const r = await runChild(
    ["formula", String(units), String(k), String(o.runs), String(repeatUnder)],
    o.formulaLimitMs,
    (first) => first * (o.runs + 1) + 30_000,
  );
  const done = r.lines.find((l) => l.done)?.done as
    { formulaMs: number; runs: number; formulas: number; checked: number; mismatches: string[]; mismatchCount: number } | undefined;
  const ready = r.lines.find((l) => l.ready) as { formulas?: number } | undefined;
  if (done) {
    return {
      formulaMs: done.formulaMs,
      runs: done.runs,
      count: done.formulas,
      checked: done.checked,
      mismatches: done.mismatchCount,
      ...(done.mismatchCount > 0 ? { note: `formulas and engine differ: ${done.mismatches.slice(0, 3).join("; ")}` } : {}),
    };
  }
  if (r.timedOut)
    return {
      formulaMs: null,
      count: ready?.formulas,
      note: `did not finish within ${o.formulaLimitMs / 1000} s (${ready?.formulas?.toLocaleString("en") ?? "?"} formulas)`,
    };
  return { formulaMs: null, note: `the formula process failed (exit ${r.code}): ${lastLines(r.stderr)}` };
}

/**
 * The engine at one size, timed in a fresh process (bench/child.ts `engine`): the steady state the
 * budgets hold, its spread, and the first run of a fresh process.
 */
async function measureEngine(units: number, k: 4 | 8, runs: number): Promise<{ ms: number; runs: number; minMs: number; maxMs: number; firstMs: number }> {
  const r = await runChild(["engine", String(units), String(k), String(runs)], 600_000, () => 600_000);
  const done = r.lines.find((l) => l.done)?.done as { ms: number; runs: number; minMs: number; maxMs: number; firstMs: number } | undefined;
  if (!done) throw new Error(`the engine process failed at ${units} × ${k} (exit ${r.code}): ${lastLines(r.stderr)}`);
  return done;
}

async function measureRss(units: number, k: 4 | 8): Promise<{ rssMb: number | null; inputRssMb: number | null; problems: string[] }> {
  const r = await runChild(["rss", String(units), String(k)], 600_000, () => 600_000);
  const done = r.lines.find((l) => l.done)?.done as { rssMb: number; inputRssMb: number; problems: string[] } | undefined;
  if (!done) return { rssMb: null, inputRssMb: null, problems: [`memory process failed (exit ${r.code}): ${lastLines(r.stderr)}`] };
  return done;
}

export async function runBench(o: BenchOptions): Promise<BenchReport> {
  const gc = gcFunction();
  const loadAtStart = loadavg()[0]!;
  const notes: string[] = [];
  const engine: EngineRow[] = [];
  // The engine bundled as the task pane runs it (bench/bundled.ts), and as tsx loads it (the CLI).
  const bundled = loadBundledEngine();
  // The engine: each size in a process of its own (measureEngine). The floor, the engine through
  // tsx and making every cell: medians in this process, one size after another.
  for (const units of o.sizes) {
    for (const k of o.indicators) {
      const w = makeWorkload(units, k);
      const run = bundled.runEngine(w);
      const problems = checkEngineRun(w, run);
      if (problems.length > 0) notes.push(`${units} × ${k}: the engine did not read the workload as meant: ${problems.join("; ")}`);
      // As many runs at every size (a 100,000 run takes about a second): a median of 5 against one
      // of 7 made the growth ratio swing between 10× and 15× from one bench to the next.
      const runs = o.runs;
      const e = await measureEngine(units, k, runs);
      const t = timeMedian(() => runEngine(w), runs, gc, ENGINE_WARM_UP);
      const cells = timeMedian(() => bundled.makeAllCells(run.specs), runs, gc);
      const grids = [w.targets.values, w.actuals.values, w.base.values];
      const f = timeMedian(() => floorPass(grids), Math.max(21, runs));
      engine.push({
        units,
        indicators: k,
        ms: e.ms,
        minMs: e.minMs,
        maxMs: e.maxMs,
        firstMs: e.firstMs,
        floorMs: f.ms,
        formulaMs: null,
        rssMb: null,
        runs: e.runs,
        tsxMs: t.ms,
        cellsMs: cells.ms,
      });
      log(
        `engine ${units} × ${k}: ${e.ms.toFixed(1)} ms (runs ${e.minMs.toFixed(1)}–${e.maxMs.toFixed(1)}), through tsx ${t.ms.toFixed(1)} ms, every cell made ${cells.ms.toFixed(1)} ms (floor ${f.ms.toFixed(2)} ms)`,
      );
    }
  }
  // Memory: a fresh process per size.
  for (const [i, row] of engine.entries()) {
    const m = await measureRss(row.units, row.indicators as 4 | 8);
    if (m.problems.length > 0) notes.push(`${row.units} × ${row.indicators} (memory run): ${m.problems.join("; ")}`);
    engine[i] = { ...row, rssMb: m.rssMb, inputRssMb: m.inputRssMb };
    log(`memory ${row.units} × ${row.indicators}: ${m.rssMb?.toFixed(0) ?? "?"} MB peak`);
  }
  // Formulas: each size in its own process, abandoned past the limit; sizes that cannot finish are skipped.
  if (o.formula) {
    for (const k of o.indicators) {
      let last: { units: number; ms: number } | null = null;
      let failed: string | null = null;
      for (const units of o.sizes) {
        const i = engine.findIndex((e) => e.units === units && e.indicators === k);
        let r: FormulaOutcome;
        if (failed) r = { formulaMs: null, note: `not run: ${failed}` };
        else if (last && (last.ms * units) / last.units > o.formulaLimitMs) {
          r = {
            formulaMs: null,
            note: `not run: ${last.ms.toFixed(0)} ms at ${last.units.toLocaleString("en")} units grows past ${o.formulaLimitMs / 1000} s even if only linearly`,
          };
        } else {
          log(`formulas ${units} × ${k} …`);
          r = await measureFormula(units, k, o);
          if (r.formulaMs === null) failed = `${units.toLocaleString("en")} units did not finish`;
          else last = { units, ms: r.formulaMs };
        }
        if (r.mismatches) notes.push(`${units} × ${k}: ${r.note}`);
        engine[i] = {
          ...engine[i]!,
          formulaMs: r.formulaMs,
          ...(r.runs !== undefined ? { formulaRuns: r.runs } : {}),
          ...(r.count !== undefined ? { formulaCount: r.count } : {}),
          ...(r.checked !== undefined ? { formulaChecked: r.checked, formulaMismatches: r.mismatches ?? 0 } : {}),
          ...(r.note ? { formulaNote: r.note } : {}),
        };
        log(`formulas ${units} × ${k}: ${r.formulaMs === null ? r.note : `${r.formulaMs.toFixed(0)} ms, ${r.checked} values checked, ${r.mismatches} differ`}`);
      }
    }
  } else notes.push("formulas not run (--no-formula)");

  // Office: one recalculation against the recording fake, at each size up to 10,000 units as Excel
  // on the web (formatting that does not grow, requests under 4 MB), then the round-trip budgets'
  // workloads on both hosts — each the worse of a first recalculation and one over our sheets.
  let office: OfficeRow[] | null = null;
  if (o.office) {
    office = [];
    const push = (host: "web" | "desktop", m: OfficeRow) => {
      office!.push({
        units: m.units,
        indicators: m.indicators,
        host,
        syncs: m.syncs,
        operations: m.operations,
        formatOperations: m.formatOperations,
        maxRequestBytes: m.maxRequestBytes,
      });
      log(
        `office ${m.units} × ${m.indicators} (${host}): ${m.syncs} syncs, ${m.operations} operations, ${m.formatOperations} format operations, largest request ${m.maxRequestBytes} bytes`,
      );
    };
    try {
      for (const units of o.sizes.filter((n) => n <= 10_000)) {
        for (const k of o.indicators) push("web", await measureOfficeRecalculation(units, k));
      }
      for (const units of [BUDGET.provinceUnits, BUDGET.countryUnits]) {
        for (const host of ["web", "desktop"] as const) {
          const first = await measureOfficeRecalculation(units, 8, { host });
          const again = await measureOfficeRecalculation(units, 8, { host, again: true });
          push(host, again.syncs > first.syncs ? again : first);
        }
      }
    } catch (e) {
      notes.push(`office: the recalculation against the fake failed: ${(e as Error).message}`);
      office = null;
    }
  } else notes.push("office not run (--no-office)");

  // The output file: the package writer beside exceljs's, at the country's size (a small one with --quick).
  let writer: WriterRow[] | null = null;
  if (o.writer) {
    try {
      const units = o.quick ? 100 : BUDGET.countryUnits;
      const w = await measureWriters(units, 8, o.quick ? 3 : 5, gc);
      writer = [w];
      log(`writer ${units} × 8: package ${w.packageMs.toFixed(0)} ms, exceljs ${w.exceljsMs.toFixed(0)} ms`);
    } catch (e) {
      notes.push(`writer: ${(e as Error).message}`);
    }
  } else notes.push("writer not run (--no-writer)");

  const b = measureBundle(ROOT, { build: o.build, log });
  if (b.note) notes.push(`bundle: ${b.note}`);
  if (b.taskpaneInitialGzipBytes !== null) log(`bundle: ${b.taskpaneInitialGzipBytes} bytes gzipped (${b.scripts.map((s) => s.file).join(", ")})`);

  const partial = { engine, office, writer, bundle: { taskpaneInitialGzipBytes: b.taskpaneInitialGzipBytes, scripts: b.scripts } };
  return {
    machine: `${cpus()[0]?.model.trim() ?? "?"} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, ${process.platform} ${process.arch}`,
    node: process.version,
    ...partial,
    date: new Date().toISOString(),
    cpus: cpus().length,
    loadAverage: [loadAtStart, loadavg()[0]!],
    quick: o.quick,
    notes,
    budgets: checkBudgets(partial),
  };
}

const n0 = (x: number | null | undefined, d = 1) => (x === null || x === undefined ? "—" : x.toFixed(d));

/** The report as the readable table of docs/PERFORMANCE.md (Markdown). */
export function formatReport(r: BenchReport): string {
  const out: string[] = [];
  out.push(`Chỉ tiêu bench — ${r.date.slice(0, 16).replace("T", " ")} UTC — ${r.machine} — Node ${r.node}${r.quick ? " — QUICK (not for budgets)" : ""}`, "");
  const [start, end] = r.loadAverage;
  // The bench keeps one CPU busy itself (and its builds and child processes more, for a while):
  // only the load beyond that is other processes'.
  if (Math.max(start ?? 0, end ?? 0) - 1 > r.cpus / 2) {
    out.push(
      `**A busy machine:** load average ${start?.toFixed(1)} at the start and ${end?.toFixed(1)} at the end on ${r.cpus} CPUs, the bench's own process among them — other processes shared the CPUs, so the times are inflated (several-fold at a load of 8 or more). Re-run on a quiet machine for the budgets.`,
      "",
    );
  } else
    out.push(`Load average ${start?.toFixed(1)} at the start and ${end?.toFixed(1)} at the end on ${r.cpus} CPUs, the bench's own process among them.`, "");
  out.push(
    "| units | indicators | engine ms (warm, median) | runs: fastest–slowest ms | first run ms (fresh process) | floor ms | engine ÷ floor | formulas ms | formulas ÷ engine | peak RSS MB | through tsx ms | every cell made ms |",
  );
  out.push("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const e of r.engine) {
    out.push(
      `| ${e.units.toLocaleString("en")} | ${e.indicators} | ${n0(e.ms)} | ${e.minMs === undefined || e.maxMs === undefined ? "—" : `${n0(e.minMs, 0)}–${n0(e.maxMs, 0)}`} | ${e.firstMs === undefined ? "—" : n0(e.firstMs, 0)} | ${n0(e.floorMs, 2)} | ${n0(e.ms / e.floorMs, 0)} | ${e.formulaMs === null ? "—" : n0(e.formulaMs, 0)} | ${e.formulaMs === null ? "—" : n0(e.formulaMs / e.ms, 0) + "×"} | ${n0(e.rssMb, 0)} | ${n0(e.tsxMs)} | ${n0(e.cellsMs)} |`,
    );
  }
  out.push("");
  if (r.office) {
    out.push("| units | indicators | host | syncs | operations | format operations | largest request (bytes) |");
    out.push("|---:|---:|---|---:|---:|---:|---:|");
    for (const o of r.office)
      out.push(
        `| ${o.units.toLocaleString("en")} | ${o.indicators} | ${o.host ?? "web"} | ${o.syncs} | ${o.operations.toLocaleString("en")} | ${o.formatOperations} | ${o.maxRequestBytes.toLocaleString("en")} |`,
      );
    out.push("");
  }
  if (r.writer && r.writer.length > 0) {
    out.push("| output file: units | indicators | package writer ms | exceljs writer ms | exceljs ÷ package | input KB | output KB (package / exceljs) |");
    out.push("|---:|---:|---:|---:|---:|---:|---:|");
    for (const w of r.writer)
      out.push(
        `| ${w.units.toLocaleString("en")} | ${w.indicators} | ${n0(w.packageMs, 0)} | ${n0(w.exceljsMs, 0)} | ${n0(w.exceljsMs / w.packageMs, 1)}× | ${n0(w.inputBytes / 1024, 0)} | ${n0(w.packageBytes / 1024, 0)} / ${n0(w.exceljsBytes / 1024, 0)} |`,
      );
    out.push("");
  }
  out.push(
    `Task pane initial JavaScript, gzipped: ${r.bundle.taskpaneInitialGzipBytes === null ? "—" : `${r.bundle.taskpaneInitialGzipBytes.toLocaleString("en")} bytes`}`,
    "",
  );
  out.push("Budgets:");
  for (const b of r.budgets) out.push(`- ${b.ok === null ? "? " : b.ok ? "✓ " : "✗ "}${b.budget}: ${b.detail}`);
  const notes = [
    ...r.notes,
    ...r.engine.filter((e) => e.formulaNote && !e.formulaMismatches).map((e) => `formulas ${e.units.toLocaleString("en")} × ${e.indicators}: ${e.formulaNote}`),
  ];
  if (notes.length > 0) {
    out.push("", "Notes:");
    for (const n of notes) out.push(`- ${n}`);
  }
  return out.join("\n");
}

export const DOC_START = "<!-- bench:start -->";
export const DOC_END = "<!-- bench:end -->";

/** Put the report's table between the markers of docs/PERFORMANCE.md (the rest is prose). */
export function updateDocs(path: string, report: BenchReport): void {
  const doc = readFileSync(path, "utf8");
  const a = doc.indexOf(DOC_START);
  const b = doc.indexOf(DOC_END);
  if (a < 0 || b < a) throw new Error(`${path}: no ${DOC_START} … ${DOC_END} markers to put the table between`);
  const body = [
    "",
    formatReport(report),
    "",
    "<details><summary>The same run as JSON (<code>npm run bench -- --json</code>)</summary>",
    "",
    "```json",
    JSON.stringify(report, null, 1),
    "```",
    "",
    "</details>",
    "",
  ].join("\n");
  writeFileSync(path, doc.slice(0, a + DOC_START.length) + "\n" + body + doc.slice(b));
}

/** Budgets missed (or not measured) — what --check fails on. */
export function failures(budgets: readonly BudgetResult[]): BudgetResult[] {
  return budgets.filter((b) => b.ok !== true);
}

async function main(argv: readonly string[]): Promise<number> {
  let o: BenchOptions;
  try {
    o = parseArgs(argv);
  } catch (e) {
    log((e as Error).message);
    return 2;
  }
  const report = await runBench(o);
  process.stdout.write((o.json ? JSON.stringify(report, null, 2) : formatReport(report)) + "\n");
  if (o.updateDocs) {
    updateDocs(join(ROOT, "docs", "PERFORMANCE.md"), report);
    log("docs/PERFORMANCE.md: table replaced.");
  }
  if (o.check) {
    const bad = failures(report.budgets);
    if (bad.length > 0) {
      log(`\n--check: ${bad.length} budget(s) missed or not measured:`);
      for (const b of bad) log(`  ${b.ok === null ? "?" : "✗"} ${b.budget}: ${b.detail}`);
      return 1;
    }
    log("\n--check: every budget met.");
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      log((e as Error).stack ?? String(e));
      process.exit(2);
    },
  );
}
