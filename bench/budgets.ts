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
  /** The first run in a fresh process (ms): what one click in a fresh pane costs, before V8 has compiled the engine's hot code. Not budgeted. */
  readonly firstMs?: number;
  /** The fastest and the slowest of the engine's timed runs (ms), beside the median. */
  readonly minMs?: number;
  readonly maxMs?: number;
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
  /** Excel on the web (requests capped at 5 MB) or on desktop (no cap); absent: the web. */
  readonly host?: "web" | "desktop";
  readonly syncs: number;
  readonly operations: number;
  readonly formatOperations: number;
  readonly maxRequestBytes: number;
}

/** Issue 16: the output file written by the package writer beside today's exceljs writer (bench/writer.ts). */
export interface WriterRow {
  readonly units: number;
  readonly indicators: number;
  /** Median ms: input bytes + sheet descriptions → output bytes, exceljs loading and writing the whole workbook. */
  readonly exceljsMs: number;
  /** Median ms of the same through the package writer (src/workbook/xlsx). */
  readonly packageMs: number;
  readonly exceljsBytes: number;
  readonly packageBytes: number;
  readonly inputBytes: number;
  readonly runs: number;
}

export interface BenchReport {
  readonly machine: string;
  readonly node: string;
  readonly engine: EngineRow[];
  readonly office: OfficeRow[] | null;
  /** Absent in reports from before issue 16; null when not run (--no-writer). */
  readonly writer?: WriterRow[] | null;
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
  /** Issue 15: a province has at most 168 communes since July 2025 (200 with room), the country 3,321. */
  provinceUnits: 200,
  countryUnits: 3321,
  provinceSyncs: 3,
  countryWebSyncs: 5,
  countryDesktopSyncs: 3,
  requestBytes: 4 * 1024 * 1024,
  bundleGzipBytes: 350_000,
} as const;

const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

/** Every budget of the issue, judged on a report. */
export function checkBudgets(r: Pick<BenchReport, "engine" | "office" | "bundle" | "writer">): BudgetResult[] {
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
      out.push({
        budget: `${formulaBudget} (${e.units.toLocaleString("en")} × ${e.indicators})`,
        ok: f >= BUDGET.formulaFactor,
        detail: `formulas ${fmt(e.formulaMs!)} ms / engine ${fmt(e.ms)} ms = ${fmt(f)}×`,
      });
    }
  } else missing(formulaBudget, "no size where the formulas finished");

  for (const k of [4, 8]) {
    const big = row(100_000, k);
    const mid = row(10_000, k);
    const growth = `growth: 100,000 × ${k} ≤ ${BUDGET.growth} × 10,000 × ${k}`;
    // Held on the medians; the detail gives the ratio's range from the runs' spread too.
    const range =
      big?.minMs !== undefined && big.maxMs !== undefined && mid?.minMs !== undefined && mid.maxMs !== undefined
        ? ` (runs: ${fmt(big.minMs / mid.maxMs)}–${fmt(big.maxMs / mid.minMs)}×)`
        : "";
    if (big && mid)
      out.push({ budget: growth, ok: big.ms <= BUDGET.growth * mid.ms, detail: `${fmt(big.ms)} ms = ${fmt(big.ms / mid.ms)} × ${fmt(mid.ms)} ms${range}` });
    else missing(growth, "no 10,000 and 100,000 rows");
    const rss = `rssMb ≤ ${BUDGET.rssMb} at 100,000 × ${k}`;
    if (big && big.rssMb !== null) out.push({ budget: rss, ok: big.rssMb <= BUDGET.rssMb, detail: `${fmt(big.rssMb)} MB` });
    else missing(rss, "no 100,000 row with memory");
  }

  const syncBudgets: [string, number, "web" | "desktop", number][] = [
    ["a province", BUDGET.provinceUnits, "web", BUDGET.provinceSyncs],
    ["a province", BUDGET.provinceUnits, "desktop", BUDGET.provinceSyncs],
    ["the country", BUDGET.countryUnits, "web", BUDGET.countryWebSyncs],
    ["the country", BUDGET.countryUnits, "desktop", BUDGET.countryDesktopSyncs],
  ];
  const syncName = (what: string, units: number, host: string, most: number) =>
    `office: ≤ ${most} syncs for ${what} (${units.toLocaleString("en")} × 8) on ${host === "web" ? "the web" : "desktop"}`;
  if (r.office && r.office.length > 0) {
    const web = r.office.filter((o) => (o.host ?? "web") === "web");
    for (const [what, units, host, most] of syncBudgets) {
      const o = r.office.find((x) => x.units === units && x.indicators === 8 && (x.host ?? "web") === host);
      if (o) out.push({ budget: syncName(what, units, host, most), ok: o.syncs <= most, detail: `${o.syncs} syncs` });
      else missing(syncName(what, units, host, most), `no ${units.toLocaleString("en")} × 8 office row on ${host}`);
    }
    for (const k of [4, 8]) {
      const a = web.find((o) => o.units === 100 && o.indicators === k);
      const b = web.find((o) => o.units === 10_000 && o.indicators === k);
      const name = `office: formatOperations at 100 = at 10,000 (× ${k})`;
      if (a && b) out.push({ budget: name, ok: a.formatOperations === b.formatOperations, detail: `${a.formatOperations} and ${b.formatOperations}` });
      else missing(name, "no 100 and 10,000 office rows");
    }
    // Desktop Excel has no 5 MB cap: its requests are not split, and not held to it.
    const biggest = web.reduce<OfficeRow | null>((w, o) => (!w || o.maxRequestBytes > w.maxRequestBytes ? o : w), null);
    if (biggest)
      out.push({
        budget: "office: no request over 4 MB on the web",
        ok: biggest.maxRequestBytes <= BUDGET.requestBytes,
        detail: `largest ${(biggest.maxRequestBytes / 2 ** 20).toFixed(2)} MB (${biggest.units.toLocaleString("en")} × ${biggest.indicators})`,
      });
    else missing("office: no request over 4 MB on the web", "no office row on the web");
  } else {
    for (const [what, units, host, most] of syncBudgets) missing(syncName(what, units, host, most), "no office measurement");
    missing("office: formatOperations at 100 = at 10,000", "no office measurement");
    missing("office: no request over 4 MB on the web", "no office measurement");
  }

  const g = r.bundle.taskpaneInitialGzipBytes;
  const bundle = `bundle: task pane initial JS ≤ ${BUDGET.bundleGzipBytes.toLocaleString("en")} bytes gzipped`;
  if (g !== null) out.push({ budget: bundle, ok: g <= BUDGET.bundleGzipBytes, detail: `${g.toLocaleString("en")} bytes (${(g / 1000).toFixed(1)} KB)` });
  else missing(bundle, "no production build");
  const writerBudget = `the output file of ${BUDGET.countryUnits.toLocaleString("en")} × 8: package writer ms ≤ exceljs writer ms`;
  const w = r.writer?.find((x) => x.units === BUDGET.countryUnits && x.indicators === 8);
  if (w) out.push({ budget: writerBudget, ok: w.packageMs <= w.exceljsMs, detail: `package ${fmt(w.packageMs)} ms, exceljs ${fmt(w.exceljsMs)} ms` });
  else missing(writerBudget, `no ${BUDGET.countryUnits.toLocaleString("en")} × 8 writer row`);
  return out;
}
