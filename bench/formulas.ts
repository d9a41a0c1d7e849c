/**
 * What a planner would do instead of the engine: formulas in a spreadsheet, computed by
 * HyperFormula (GPL-3.0, a dev dependency for this bench only — never import it from src/).
 *
 * The workbook holds the three input sheets as they are, plus what a planner adds:
 * - a normalised key column beside each sheet's unit names (LOWER, prefixes dropped with
 *   SUBSTITUTE, TRIM), since the sheets write the prefixes differently;
 * - a sheet "Tinh" with one row per unit of the targets sheet: the row of that unit in the
 *   actuals and base sheets (MATCH on the key column, exact), then per indicator the actual
 *   (INDEX), the rate (actual / target), its RANK and the below-average test against the
 *   area-wide rate SUM(actual) / SUM(target) in a row under the units; then per catalogue
 *   indicator the coverage the same way against the base (population or labour force).
 *
 * HyperFormula has no RANK, so one is registered here with Excel's RANK.EQ meaning (1 + the
 * count of larger numbers in the range): like Excel, it reads the whole range for every cell.
 */
import { FunctionArgumentType, FunctionPlugin, HyperFormula } from "hyperformula";
import type { InterpreterState } from "hyperformula/typings/interpreter/InterpreterState";
import type { ProcedureAst } from "hyperformula/typings/parser";
import type { SimpleRangeValue } from "hyperformula";
import { columnLetter } from "../src/core/grid";
import { EngineRun } from "./engine";
import { SheetLayout, Workload } from "./workload";

class RankPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    RANK: {
      method: "rank",
      parameters: [
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 },
      ],
    },
  };

  rank(ast: ProcedureAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata("RANK"), (x: number, range: SimpleRangeValue, order: number) => {
      let above = 0;
      let found = false;
      for (const v of range.valuesFromTopLeftCorner()) {
        const n =
          typeof v === "number"
            ? v
            : v !== null && typeof v === "object" && "val" in v && typeof (v as { val: unknown }).val === "number"
              ? (v as { val: number }).val
              : NaN;
        if (Number.isNaN(n)) continue;
        if (n === x) found = true;
        else if (order === 0 ? n > x : n < x) above++;
      }
      return found ? above + 1 : NaN;
    });
  }
}

let registered = false;
function registerRank(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(RankPlugin, { enGB: { RANK: "RANK" }, enUS: { RANK: "RANK" } });
  registered = true;
}

/** Sheet names in the formula workbook (ASCII, so formulas need no quoting). */
const KH = "KH";
const TH = "TH";
const DS = "DS";
const CALC = "Tinh";

type Raw = (string | number | boolean | null)[][];

/** The planner's key: lower case, administrative prefixes dropped, spaces trimmed. */
function keyFormula(unitCell: string): string {
  let f = `LOWER(${unitCell})`;
  for (const p of ["thị trấn ", "tt. ", "phường ", "p. ", "xã "]) f = `SUBSTITUTE(${f},"${p}","")`;
  return `=TRIM(${f})`;
}

function withKeys(values: Workload["targets"]["values"], l: SheetLayout): Raw {
  const keyCol = l.width;
  const out: Raw = values.map((row) => row.map((v) => (v === "" ? null : v)));
  for (let r = l.firstUnitRow; r <= l.lastUnitRow; r++) {
    out[r]![keyCol] = keyFormula(`${columnLetter(l.unitColumn)}${r + 1}`);
  }
  return out;
}

/** Column block of a sheet's unit rows, absolute: TH!$C$9:$C$10008. */
function block(sheet: string, col: number, l: SheetLayout): string {
  const L = columnLetter(col);
  return `${sheet}!$${L}$${l.firstUnitRow + 1}:$${L}$${l.lastUnitRow + 1}`;
}

export interface FormulaColumns {
  /** Per attainment indicator (workload order): columns of rate, rank, below. */
  readonly attainment: readonly { key: string; rate: number; rank: number; below: number }[];
  readonly coverage: readonly { key: string; rate: number; rank: number; below: number }[];
  /** 0-based row of the area-wide rates. */
  readonly overallRow: number;
}

export interface FormulaWorkbook {
  readonly sheets: Record<string, Raw>;
  readonly columns: FormulaColumns;
  readonly formulas: number;
}

/** The formula workbook for a workload: inputs with key columns, and the planner's sheet. */
export function formulaWorkbook(w: Workload): FormulaWorkbook {
  const { targets: lt, actuals: la, base: lb } = w.layout;
  const n = w.units;
  const first = 1; // calc rows 1..n (0-based), header in row 0
  const overallRow = n + 1;
  const rows: Raw = Array.from({ length: n + 2 }, () => []);
  const header = rows[0]!;
  let formulas = 3 * n;
  const A = (c: number) => columnLetter(c);
  // Columns: A row in TH, B row in DS, C population, D labour force, then the indicators.
  header.push("Dòng TH", "Dòng DS", "Dân số", "LLLĐ");
  const keyT = A(lt.width);
  const attainment: { key: string; actual: number; rate: number; rank: number; below: number }[] = [];
  let c = 4;
  for (const s of w.specs) {
    attainment.push({ key: s.key, actual: c, rate: c + 1, rank: c + 2, below: c + 3 });
    header.push(`${s.targetHeader} TH`, "Tỷ lệ", "Hạng", "Thấp hơn BQ");
    c += 4;
  }
  // Total social insurance = compulsory + voluntary, as the engine derives it: its actual and
  // target are sums of the parts' columns.
  const bb = attainment.find((a) => a.key === "bhxh-bb");
  const tn = attainment.find((a) => a.key === "bhxh-tn");
  const total = bb && tn ? { key: "bhxh", actual: c, target: c + 1, rate: c + 2, rank: c + 3, below: c + 4 } : null;
  if (total) {
    header.push("BHXH (BB + TN) TH", "BHXH (BB + TN) KH", "Tỷ lệ", "Hạng", "Thấp hơn BQ");
    c += 5;
  }
  const coverage: { key: string; actual: number; base: number; rate: number; rank: number; below: number }[] = [];
  for (const [i, s] of w.specs.entries()) {
    if (!s.base) continue;
    coverage.push({ key: s.key, actual: attainment[i]!.actual, base: s.base === "population" ? 2 : 3, rate: c, rank: c + 1, below: c + 2 });
    header.push(`${s.targetHeader} bao phủ`, "Hạng", "Thấp hơn BQ");
    c += 3;
  }
  if (total) {
    coverage.push({ key: "bhxh", actual: total.actual, base: 3, rate: c, rank: c + 1, below: c + 2 });
    header.push("BHXH (BB + TN) bao phủ", "Hạng", "Thấp hơn BQ");
    c += 3;
  }
  const lastRow = n; // 0-based last unit row in the calc sheet
  const range = (col: number) => `$${A(col)}$${first + 1}:$${A(col)}$${lastRow + 1}`;
  const overall = (col: number) => `$${A(col)}$${overallRow + 1}`;
  for (let i = 0; i < n; i++) {
    const r = first + i; // 0-based calc row
    const R = r + 1; // Excel row
    const tRow = lt.firstUnitRow + i + 1; // Excel row of this unit in KH
    const row = rows[r]!;
    row[0] = `=MATCH(${KH}!$${keyT}${tRow},${block(TH, la.width, la)},0)`;
    row[1] = `=MATCH(${KH}!$${keyT}${tRow},${block(DS, lb.width, lb)},0)`;
    row[2] = `=INDEX(${block(DS, lb.columns.get("population")!, lb)},$B${R})`;
    row[3] = `=INDEX(${block(DS, lb.columns.get("labourForce")!, lb)},$B${R})`;
    formulas += 4;
    for (const a of attainment) {
      const tCol = A(lt.columns.get(a.key)!);
      row[a.actual] = `=INDEX(${block(TH, la.columns.get(a.key)!, la)},$A${R})`;
      row[a.rate] = `=${A(a.actual)}${R}/${KH}!${tCol}${tRow}`;
      row[a.rank] = `=RANK(${A(a.rate)}${R},${range(a.rate)})`;
      row[a.below] = `=IF(${A(a.rate)}${R}<${overall(a.rate)},1,0)`;
      formulas += 4;
    }
    if (total && bb && tn) {
      row[total.actual] = `=${A(bb.actual)}${R}+${A(tn.actual)}${R}`;
      row[total.target] = `=${KH}!${A(lt.columns.get("bhxh-bb")!)}${tRow}+${KH}!${A(lt.columns.get("bhxh-tn")!)}${tRow}`;
      row[total.rate] = `=${A(total.actual)}${R}/${A(total.target)}${R}`;
      row[total.rank] = `=RANK(${A(total.rate)}${R},${range(total.rate)})`;
      row[total.below] = `=IF(${A(total.rate)}${R}<${overall(total.rate)},1,0)`;
      formulas += 5;
    }
    for (const v of coverage) {
      row[v.rate] = `=${A(v.actual)}${R}/${A(v.base)}${R}`;
      row[v.rank] = `=RANK(${A(v.rate)}${R},${range(v.rate)})`;
      row[v.below] = `=IF(${A(v.rate)}${R}<${overall(v.rate)},1,0)`;
      formulas += 3;
    }
  }
  const totals = rows[overallRow]!;
  totals[0] = "Toàn tỉnh";
  for (const a of attainment) {
    totals[a.rate] = `=SUM(${range(a.actual)})/SUM(${block(KH, lt.columns.get(a.key)!, lt)})`;
    formulas++;
  }
  if (total) {
    totals[total.rate] = `=SUM(${range(total.actual)})/SUM(${range(total.target)})`;
    formulas++;
  }
  for (const v of coverage) {
    totals[v.rate] = `=SUM(${range(v.actual)})/SUM(${range(v.base)})`;
    formulas++;
  }
  return {
    sheets: { [KH]: withKeys(w.targets.values, lt), [TH]: withKeys(w.actuals.values, la), [DS]: withKeys(w.base.values, lb), [CALC]: rows },
    columns: { attainment: total ? [...attainment, total] : attainment, coverage, overallRow },
    formulas,
  };
}

export type FormulaValues = readonly (readonly unknown[])[];

/** Build and compute the workbook (what is timed), returning the planner's sheet's values. */
export function computeFormulas(wb: FormulaWorkbook): FormulaValues {
  registerRank();
  const hf = HyperFormula.buildFromSheets(wb.sheets, {
    licenseKey: "gpl-v3",
    useColumnIndex: true,
    // Compare exactly what was computed: no display rounding of results.
    smartRounding: false,
    // Keys keep their tone marks ("Tân Hòa" is not "Tân Hóa").
    accentSensitive: true,
    maxRows: 1_000_000,
  });
  const calc = hf.getSheetId(CALC)!;
  const values = hf.getSheetValues(calc);
  hf.destroy();
  return values;
}

export interface FormulaCheck {
  /** Rates, ranks and below-average marks compared. */
  readonly checked: number;
  readonly mismatches: readonly string[];
}

/** Do the formulas give the engine's rates (and ranks, and below-average marks)? */
export function compareWithEngine(w: Workload, wb: FormulaWorkbook, values: FormulaValues, run: EngineRun): FormulaCheck {
  const mismatches: string[] = [];
  let checked = 0;
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
  const indexOf = new Map(w.names.map((name, i) => [name, i]));
  const compare = (measure: "attainment" | "coverage", cols: FormulaColumns["attainment"]) => {
    for (const col of cols) {
      const result = run.summary.results.find((r) => r.indicatorKey === col.key && r.measure === measure);
      if (!result) {
        mismatches.push(`${col.key} ${measure}: not in the engine's results`);
        continue;
      }
      const overall = values[wb.columns.overallRow]?.[col.rate];
      checked++;
      if (typeof overall !== "number" || result.overall === null || !close(overall, result.overall)) {
        mismatches.push(`${col.key} ${measure} area-wide rate: formulas ${String(overall)}, engine ${String(result.overall)}`);
      }
      for (const u of result.units) {
        const i = indexOf.get(u.unit);
        const row = i === undefined ? undefined : values[1 + i];
        if (!row) {
          mismatches.push(`${col.key} ${measure}: unit ${u.unit} not in the formula sheet`);
          continue;
        }
        const rate = row[col.rate];
        const rank = row[col.rank];
        const below = row[col.below];
        checked += 3;
        if (typeof rate !== "number" || u.ratio === null || !close(rate, u.ratio))
          mismatches.push(`${col.key} ${measure} ${u.unit}: rate ${String(rate)} vs ${String(u.ratio)}`);
        if (rank !== u.rank) mismatches.push(`${col.key} ${measure} ${u.unit}: rank ${String(rank)} vs ${String(u.rank)}`);
        if ((below === 1) !== u.belowAverage) mismatches.push(`${col.key} ${measure} ${u.unit}: below ${String(below)} vs ${String(u.belowAverage)}`);
      }
    }
  };
  compare("attainment", wb.columns.attainment);
  compare("coverage", wb.columns.coverage);
  return { checked, mismatches };
}
