/**
 * The report `npm run bench -- --json` prints, and the budgets `--check` holds it to (issue 5).
 * Field names are the issue's; fields after them are extra detail.
 */
export interface EngineRow {
  readonly units: number;
  readonly indicators: number;
  /** Median ms of the whole engine, grids → output sheet descriptions. */
  readonly ms: number;
  /** Median ms of one pass adding up every number in the three input grids. */
  readonly floorMs: number;
  /** Median ms of the same results from formulas in HyperFormula; null where it did not finish in time. */
  readonly formulaMs: number | null;
  /** Peak resident memory (MB) of a fresh process holding the grids and running the engine once. */
  readonly rssMb: number | null;
  readonly runs: number;
  /** Median ms of the same engine loaded module by module through tsx (the CLI), not bundled. */
  readonly tsxMs?: number;
  /** Median ms to make every cell of every output sheet from its descriptions (what the adapters do as they write). */
  readonly cellsMs?: number;
  readonly inputRssMb?: number | null;
  readonly formulaRuns?: number;
  readonly formulaCount?: number;
  /** Rates, ranks and below-average marks compared between the formulas and the engine. */
  readonly formulaChecked?: number;
  readonly formulaMismatches?: number;
  readonly formulaNote?: string;
}

export interface OfficeRow {
  readonly units: number;
  readonly indicators: number;
  readonly syncs: number;
  readonly operations: number;
  readonly formatOperations: number;
  readonly maxRequestBytes: number;
}

export interface BenchReport {
  readonly machine: string;
  readonly node: string;
  readonly engine: EngineRow[];
  readonly office: OfficeRow[] | null;
  readonly bundle: { readonly taskpaneInitialGzipBytes: number | null; readonly scripts?: readonly { file: string; bytes: number; gzipBytes: number }[] };
  readonly date: string;
  readonly cpus: number;
  /** One-minute load average at the start and at the end of the run: other work inflates the times. */
  readonly loadAverage: readonly number[];
  readonly quick: boolean;
  /** Why a part is missing or what to know about it. */
  readonly notes: string[];
  readonly budgets: BudgetResult[];
}

export interface BudgetResult {
  readonly budget: string;
  /** null: not measured in this run. */
  readonly ok: boolean | null;
  readonly detail: string;
}

export const BUDGET = {
  ms10k: 100,
  floorFactor: 30,
  formulaFactor: 20,
  growth: 12,
  rssMb: 600,
  syncs: 3,
  requestBytes: 4 * 1024 * 1024,
  bundleGzipBytes: 350_000,
} as const;

const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

/** Every budget of the issue, judged on a report. */
export function checkBudgets(r: Pick<BenchReport, "engine" | "office" | "bundle">): BudgetResult[] {
  const out: BudgetResult[] = [];
  const row = (u: number, k: number) => r.engine.find((e) => e.units === u && e.indicators === k);
  const missing = (budget: string, what: string) => out.push({ budget, ok: null, detail: `not measured: ${what}` });

  const ten = row(10_000, 8);
  if (ten) {
    out.push({ budget: `10,000 × 8: ms ≤ ${BUDGET.ms10k}`, ok: ten.ms <= BUDGET.ms10k, detail: `${fmt(ten.ms)} ms` });
    out.push({
      budget: `10,000 × 8: ms ≤ ${BUDGET.floorFactor} × floorMs`,
      ok: ten.ms <= BUDGET.floorFactor * ten.floorMs,
      detail: `${fmt(ten.ms)} ms = ${fmt(ten.ms / ten.floorMs)} × floor (${fmt(ten.floorMs)} ms)`,
    });
  } else {
    missing(`10,000 × 8: ms ≤ ${BUDGET.ms10k}`, "no 10,000 × 8 row");
    missing(`10,000 × 8: ms ≤ ${BUDGET.floorFactor} × floorMs`, "no 10,000 × 8 row");
  }

  const both = r.engine.filter((e) => e.formulaMs !== null);
  const formulaBudget = `≥ ${BUDGET.formulaFactor}× faster than formulas at the largest size both ran`;
  if (both.length > 0) {
    const top = Math.max(...both.map((e) => e.units));
    for (const e of both.filter((x) => x.units === top)) {
      const f = e.formulaMs! / e.ms;
      out.push({ budget: `${formulaBudget} (${e.units.toLocaleString("en")} × ${e.indicators})`, ok: f >= BUDGET.formulaFactor, detail: `formulas ${fmt(e.formulaMs!)} ms / engine ${fmt(e.ms)} ms = ${fmt(f)}×` });
    }
  } else missing(formulaBudget, "no size where the formulas finished");

  for (const k of [4, 8]) {
    const big = row(100_000, k);
    const mid = row(10_000, k);
    const growth = `growth: 100,000 × ${k} ≤ ${BUDGET.growth} × 10,000 × ${k}`;
    if (big && mid) out.push({ budget: growth, ok: big.ms <= BUDGET.growth * mid.ms, detail: `${fmt(big.ms)} ms = ${fmt(big.ms / mid.ms)} × ${fmt(mid.ms)} ms` });
    else missing(growth, "no 10,000 and 100,000 rows");
    const rss = `rssMb ≤ ${BUDGET.rssMb} at 100,000 × ${k}`;
    if (big && big.rssMb !== null) out.push({ budget: rss, ok: big.rssMb <= BUDGET.rssMb, detail: `${fmt(big.rssMb)} MB` });
    else missing(rss, "no 100,000 row with memory");
  }

  if (r.office && r.office.length > 0) {
    const upTo = r.office.filter((o) => o.units <= 10_000);
    const worst = upTo.reduce<OfficeRow | null>((w, o) => (!w || o.syncs > w.syncs ? o : w), null);
    if (worst) out.push({ budget: `office: ≤ ${BUDGET.syncs} syncs up to 10,000 units`, ok: worst.syncs <= BUDGET.syncs, detail: `at most ${worst.syncs} (${worst.units.toLocaleString("en")} × ${worst.indicators})` });
    for (const k of [4, 8]) {
      const a = r.office.find((o) => o.units === 100 && o.indicators === k);
      const b = r.office.find((o) => o.units === 10_000 && o.indicators === k);
      const name = `office: formatOperations at 100 = at 10,000 (× ${k})`;
      if (a && b) out.push({ budget: name, ok: a.formatOperations === b.formatOperations, detail: `${a.formatOperations} and ${b.formatOperations}` });
      else missing(name, "no 100 and 10,000 office rows");
    }
    const biggest = r.office.reduce((w, o) => (o.maxRequestBytes > w.maxRequestBytes ? o : w));
    out.push({
      budget: "office: no request over 4 MB",
      ok: biggest.maxRequestBytes <= BUDGET.requestBytes,
      detail: `largest ${(biggest.maxRequestBytes / 2 ** 20).toFixed(2)} MB (${biggest.units.toLocaleString("en")} × ${biggest.indicators})`,
    });
  } else {
    missing(`office: ≤ ${BUDGET.syncs} syncs up to 10,000 units`, "no office measurement");
    missing("office: formatOperations at 100 = at 10,000", "no office measurement");
    missing("office: no request over 4 MB", "no office measurement");
  }

  const g = r.bundle.taskpaneInitialGzipBytes;
  const bundle = `bundle: task pane initial JS ≤ ${BUDGET.bundleGzipBytes.toLocaleString("en")} bytes gzipped`;
  if (g !== null) out.push({ budget: bundle, ok: g <= BUDGET.bundleGzipBytes, detail: `${g.toLocaleString("en")} bytes (${(g / 1000).toFixed(1)} KB)` });
  else missing(bundle, "no production build");
  return out;
}
