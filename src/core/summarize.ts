/**
 * The engine, end to end: grids in, results out. Each step is its own function and module;
 * this one only runs them in order — detect → match → compute → rank.
 */
import { ChitieuError } from "./errors";
import { SheetGrid, columnLetter, columnIndex, sheetCell } from "./grid";
import { DetectedColumn, DetectedTable, detectTable } from "./detect";
import {
  CoverageBase,
  IndicatorIdentity,
  IndicatorOverride,
  baseKindOf,
  identifyIndicator,
  identityFromName,
} from "./indicators";
import { AverageMode, gap, isBelow, meanOf, ratio, totals } from "./measures";
import { NumberLocale } from "./numbers";
import { RankMode, rankDescending } from "./rank";
import { SheetRole } from "./roles";
import { cleanText, foldText } from "./text";
import { checkDuplicates, matchUnits } from "./units";

export type Measure = "attainment" | "coverage";
export type Lang = "vi" | "en";

export interface SummaryInput {
  readonly targets: SheetGrid | null;
  readonly actuals: SheetGrid;
  readonly base: SheetGrid | null;
}

export interface SummaryOptions {
  readonly average?: AverageMode;
  readonly rank?: RankMode;
  readonly locale?: NumberLocale;
  readonly overrides?: readonly IndicatorOverride[];
}

export interface UnitResult {
  /** The unit's name as the reference sheet (targets, else actuals) writes it. */
  readonly unit: string;
  readonly actual: number | null;
  readonly denominator: number | null;
  readonly ratio: number | null;
  readonly gap: number | null;
  readonly rank: number | null;
  readonly belowAverage: boolean;
}

export interface IndicatorResult {
  /** Display name (catalogue short name, or the header's text). */
  readonly indicator: string;
  readonly indicatorEn: string;
  readonly indicatorKey: string;
  readonly measure: Measure;
  /** Σ actual / Σ denominator over the units with both figures. */
  readonly overall: number | null;
  /** The average units are compared with: `overall`, or the mean of unit rates. */
  readonly average: number | null;
  readonly actualTotal: number;
  readonly denominatorTotal: number;
  /** What the denominator is: the target, or a coverage base. */
  readonly denominatorKind: "target" | CoverageBase;
  /** Where the figures came from, for people checking the result. */
  readonly source: { readonly actual: ColumnSource; readonly denominator: ColumnSource };
  /** Units in rank order; those with no rate last, in sheet order. */
  readonly units: readonly UnitResult[];
}

export interface ColumnSource {
  readonly sheet: string;
  readonly column: string; // letter
  readonly header: string;
}

export interface UnmatchedUnit {
  /** The sheet the unit is listed in. */
  readonly sheet: string;
  readonly unit: string;
  /** The sheets it was not found in. */
  readonly missingFrom: readonly string[];
}

export interface SheetDetection {
  readonly role: SheetRole;
  readonly sheet: string;
  /** 1-based sheet rows. */
  readonly headerRows: readonly number[];
  readonly columnNumberRow: number | null;
  readonly unitColumn: string;
  readonly units: number;
  readonly indicators: readonly { readonly indicator: string; readonly column: string; readonly header: string }[];
  readonly ignoredColumns: readonly { readonly column: string; readonly header: string; readonly why: string }[];
  readonly excludedRows: readonly { readonly row: number; readonly label: string; readonly reason: string }[];
  readonly totalRow: number | null;
}

export interface Summary {
  readonly sheets: { readonly targets: string | null; readonly actuals: string; readonly base: string | null };
  readonly average: AverageMode;
  readonly rank: RankMode;
  /** Reference units in sheet order (targets, else actuals), matched with the actuals. */
  readonly units: readonly string[];
  readonly results: readonly IndicatorResult[];
  readonly unmatched: readonly UnmatchedUnit[];
  readonly warnings: readonly string[];
  readonly detection: readonly SheetDetection[];
  /** The label of the reference sheet's total row ("Toàn tỉnh"), when it has one. */
  readonly totalLabel: string | null;
}

interface SheetModel {
  readonly role: SheetRole;
  readonly table: DetectedTable;
  /** Indicator columns by identity key. */
  readonly indicators: Map<string, { id: IndicatorIdentity; column: DetectedColumn }>;
  /** Base columns by kind (base sheet only). */
  readonly bases: Map<CoverageBase, DetectedColumn>;
  readonly ignored: { column: string; header: string; why: string }[];
}

function letter(t: DetectedTable, col: number): string {
  return columnLetter(col + t.origin.col);
}

function overrideFor(role: SheetRole, t: DetectedTable, c: DetectedColumn, overrides: readonly IndicatorOverride[]) {
  return overrides.find((o) => {
    if (o.sheet !== role) return false;
    const idx = columnIndex(o.column);
    if (idx >= 0 && idx - t.origin.col === c.col && !/[a-z]{4}/i.test(o.column)) return true;
    const f = foldText(o.column);
    return f === foldText(c.header) || f === foldText(c.leaf);
  });
}

/** Step 3b for one sheet: which indicator (or base) each number column is. */
function modelSheet(role: SheetRole, table: DetectedTable, overrides: readonly IndicatorOverride[], warnings: string[]): SheetModel {
  const indicators = new Map<string, { id: IndicatorIdentity; column: DetectedColumn }>();
  const bases = new Map<CoverageBase, DetectedColumn>();
  const ignored: { column: string; header: string; why: string }[] = [];
  for (const c of table.columns) {
    const ov = overrideFor(role, table, c, overrides);
    const where = `${table.sheet}!${letter(table, c.col)}`;
    if (ov && cleanText(ov.indicator) === "-") {
      ignored.push({ column: letter(table, c.col), header: c.header, why: "ignored by the mapping" });
      continue;
    }
    if (!ov && c.role === "rate") {
      ignored.push({ column: letter(table, c.col), header: c.header, why: "a rate, not a count" });
      continue;
    }
    if (role === "base") {
      const kind = baseKindOf(ov ? ov.indicator : c.header);
      if (kind) {
        if (bases.has(kind)) warnings.push(`'${where}': a second ${kind === "population" ? "population" : "labour-force"} column ("${c.header}"); the first one is used.`);
        else bases.set(kind, c);
        continue;
      }
    }
    const id = ov ? identityFromName(ov.indicator) : identifyIndicator(c.parts);
    if (!id) {
      ignored.push({ column: letter(table, c.col), header: c.header, why: "header names no indicator" });
      continue;
    }
    const prev = indicators.get(id.key);
    if (prev) {
      warnings.push(
        `'${where}': "${c.header}" is a second column for ${id.vi} in sheet '${table.sheet}' (the first is column ${letter(table, prev.column.col)}); it is not used. Map the columns explicitly if the other one is meant.`,
      );
      ignored.push({ column: letter(table, c.col), header: c.header, why: `second column for ${id.vi}` });
      continue;
    }
    indicators.set(id.key, { id, column: c });
  }
  return { role, table, indicators, bases, ignored };
}

function detectionOf(m: SheetModel): SheetDetection {
  const t = m.table;
  const o = t.origin.row;
  return {
    role: m.role,
    sheet: t.sheet,
    headerRows: t.headerRows.map((r) => r + o + 1),
    columnNumberRow: t.columnNumberRow === null ? null : t.columnNumberRow + o + 1,
    unitColumn: letter(t, t.unitColumn),
    units: t.units.length,
    indicators: [
      ...[...m.indicators.values()].map((x) => ({ indicator: x.id.vi, column: letter(t, x.column.col), header: x.column.header })),
      ...[...m.bases.entries()].map(([k, c]) => ({ indicator: k === "population" ? "Dân số" : "Lực lượng lao động", column: letter(t, c.col), header: c.header })),
    ],
    ignoredColumns: m.ignored,
    excludedRows: t.excluded.map((e) => ({ row: e.row + o + 1, label: e.label, reason: e.reason })),
    totalRow: t.totalRow ? t.totalRow.row + o + 1 : null,
  };
}

/** Rank, compare with the average, and order the units of one indicator. */
function finish(
  indicator: IndicatorIdentity,
  measure: Measure,
  denominatorKind: "target" | CoverageBase,
  source: IndicatorResult["source"],
  rows: { unit: string; actual: number | null; denominator: number | null }[],
  options: Required<Pick<SummaryOptions, "average" | "rank">>,
  warnings: string[],
): IndicatorResult {
  const ratios = rows.map((r) => ratio(r.actual, r.denominator));
  const sums = totals(rows);
  const overall = sums.counted > 0 ? ratio(sums.actual, sums.denominator) : null;
  if (sums.counted > 0 && overall === null) {
    warnings.push(`${indicator.vi} (${measure}): the ${denominatorKind === "target" ? "targets" : "base"} add up to 0, so there is no area-wide rate.`);
  }
  const average = options.average === "mean" ? meanOf(ratios) : overall;
  const ranks = rankDescending(ratios, options.rank);
  const units: UnitResult[] = rows.map((r, i) => ({
    unit: r.unit,
    actual: r.actual,
    denominator: r.denominator,
    ratio: ratios[i]!,
    gap: gap(r.actual, r.denominator),
    rank: ranks[i]!,
    belowAverage: isBelow(ratios[i]!, average),
  }));
  const order = units
    .map((u, i) => ({ u, i }))
    .sort((a, b) => {
      if (a.u.rank === null && b.u.rank === null) return a.i - b.i;
      if (a.u.rank === null) return 1;
      if (b.u.rank === null) return -1;
      return a.u.rank - b.u.rank || a.i - b.i;
    })
    .map((x) => x.u);
  return {
    indicator: indicator.vi,
    indicatorEn: indicator.en,
    indicatorKey: indicator.key,
    measure,
    overall,
    average,
    actualTotal: sums.actual,
    denominatorTotal: sums.denominator,
    denominatorKind,
    source,
    units: order,
  };
}

/** Turn the input sheets into ranked results. Throws ChitieuError for what the user must fix. */
export function summarize(input: SummaryInput, options: SummaryOptions = {}): Summary {
  const opts = { average: options.average ?? "overall", rank: options.rank ?? "competition" } as const;
  const locale = options.locale ?? "vi";
  const overrides = options.overrides ?? [];
  if (!input.targets && !input.base) {
    throw new ChitieuError(
      "missing-sheet",
      `Sheet '${input.actuals.name}' has the actuals, but there is neither a targets sheet (Kế hoạch) nor a base sheet (Dân số / Lao động) to compare them with. Add or choose one of them.`,
    );
  }
  const warnings: string[] = [];

  // Step 1: detect each table.
  const tables: { role: SheetRole; table: DetectedTable }[] = [];
  const add = (role: SheetRole, g: SheetGrid | null) => {
    if (!g) return;
    const t = detectTable(g, { locale });
    checkDuplicates(g.name, t.units, t.origin.row);
    if (t.units.length === 0) {
      throw new ChitieuError("no-units", `Sheet '${g.name}': found the header but no unit rows under it. Check that the unit names are in column ${letter(t, t.unitColumn)}.`, { sheet: g.name });
    }
    warnings.push(...t.warnings);
    tables.push({ role, table: t });
  };
  add("targets", input.targets);
  add("actuals", input.actuals);
  add("base", input.base);

  // Step 3b: what each column measures.
  const models = new Map<SheetRole, SheetModel>();
  for (const { role, table } of tables) models.set(role, modelSheet(role, table, overrides, warnings));
  const actuals = models.get("actuals")!;
  const targets = models.get("targets") ?? null;
  const base = models.get("base") ?? null;

  // Step 3a: match units. The reference list is the targets sheet's (else the actuals').
  const ref = targets ?? actuals;
  const refNames = ref.table.units.map((u) => u.name);
  const unmatched: UnmatchedUnit[] = [];
  const alignTo = (other: SheetModel): (number | null)[] => {
    const m = matchUnits(refNames, other.table.units.map((u) => u.name));
    const idx: (number | null)[] = refNames.map(() => null);
    for (const p of m.pairs) idx[p.left] = p.right;
    for (const j of m.rightOnly) unmatched.push({ sheet: other.table.sheet, unit: other.table.units[j]!.name, missingFrom: [ref.table.sheet] });
    for (const a of m.ambiguous) {
      warnings.push(`Unit "${a}" could be more than one unit between sheets '${ref.table.sheet}' and '${other.table.sheet}': write its prefix (Huyện, Thị xã, Thành phố …) in both.`);
    }
    return idx;
  };
  const actualIdx = ref === actuals ? refNames.map((_, i) => i) : alignTo(actuals);
  const baseIdx = base ? alignTo(base) : null;
  // A reference unit must be in the actuals to have results.
  const inResults: number[] = [];
  refNames.forEach((name, i) => {
    if (actualIdx[i] === null) unmatched.push({ sheet: ref.table.sheet, unit: name, missingFrom: [actuals.table.sheet] });
    else inResults.push(i);
  });
  if (baseIdx && base) {
    for (const i of inResults) {
      if (baseIdx[i] === null) unmatched.push({ sheet: ref.table.sheet, unit: refNames[i]!, missingFrom: [base.table.sheet] });
    }
  }

  const value = (col: DetectedColumn, idx: number | null) => (idx === null ? null : (col.values[idx] ?? null));
  const src = (m: SheetModel, col: DetectedColumn): ColumnSource => ({ sheet: m.table.sheet, column: letter(m.table, col.col), header: col.header });
  const warnZero = (m: SheetModel, col: DetectedColumn, idx: number | null, unit: string, what: string) => {
    if (idx === null) return;
    if (col.values[idx] === 0) {
      warnings.push(`${sheetCell(m.table.sheet, m.table.units[idx]!.row + m.table.origin.row, col.col + m.table.origin.col)}: the ${what} of ${unit} is 0, so it has no rate.`);
    }
  };

  // Steps 4–5: compute and rank, attainment first (in the targets' column order), then coverage.
  const results: IndicatorResult[] = [];
  if (targets) {
    for (const [key, t] of targets.indicators) {
      const a = actuals.indicators.get(key);
      if (!a) continue;
      const rows = inResults.map((i) => {
        warnZero(targets, t.column, i, refNames[i]!, `target for ${t.id.vi}`);
        return { unit: refNames[i]!, actual: value(a.column, actualIdx[i]!), denominator: value(t.column, i) };
      });
      results.push(finish(t.id, "attainment", "target", { actual: src(actuals, a.column), denominator: src(targets, t.column) }, rows, opts, warnings));
    }
  }
  if (base && baseIdx) {
    for (const a of actuals.indicators.values()) {
      if (!a.id.base) continue;
      const b = base.bases.get(a.id.base);
      if (!b) continue;
      const withBase = inResults.filter((i) => baseIdx[i] !== null);
      const rows = withBase.map((i) => {
        warnZero(base, b, baseIdx[i]!, refNames[i]!, a.id.base === "population" ? "population" : "labour force");
        return { unit: refNames[i]!, actual: value(a.column, actualIdx[i]!), denominator: value(b, baseIdx[i]!) };
      });
      results.push(finish(a.id, "coverage", a.id.base, { actual: src(actuals, a.column), denominator: src(base, b) }, rows, opts, warnings));
    }
  }

  if (results.length === 0) {
    const list = [...models.values()]
      .map((m) => `'${m.table.sheet}': ${m.table.columns.map((c) => `"${c.header}"`).join(", ") || "no number columns"}`)
      .join("; ");
    throw new ChitieuError(
      "no-indicators",
      `No indicator is in both the actuals and the ${targets ? "targets" : "base"} sheet. Headers found — ${list}. Name the columns alike (e.g. "BHXH tự nguyện" in both) or map them.`,
    );
  }

  return {
    sheets: { targets: targets?.table.sheet ?? null, actuals: actuals.table.sheet, base: base?.table.sheet ?? null },
    average: opts.average,
    rank: opts.rank,
    units: inResults.map((i) => refNames[i]!),
    results,
    unmatched,
    warnings,
    detection: [...models.values()].map(detectionOf),
    totalLabel: ref.table.totalRow?.label ?? null,
  };
}
