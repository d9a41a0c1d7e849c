/**
 * Matching indicators: what each number column of a sheet measures — an indicator (a derived total social
 * insurance among them), a coverage base, a per-unit goal, or nothing — and the A1 helpers that
 * name a sheet's columns and cells in messages and in the detection report.
 */
import { cellAddress, columnLetter, columnIndex, sheetCell } from "./grid";
import { DetectedColumn, DetectedTable } from "./detect";
import { CoverageBase, IndicatorIdentity, IndicatorOverride, baseKindOf, identifyIndicator, identityFromName } from "./indicators";
import { DERIVED_TOTAL_SOCIAL_INSURANCE, PART_KEYS, sumOfParts } from "./derive";
import { ColumnSource, SheetDetection } from "./results";
import { SHEET_ROLES, SheetRole, monthOf, yearOf } from "./roles";
import { readPeriodOf } from "./periods";
import { FigureRole, columnRole, mayBePlanGoal } from "./columnRoles";
import { ChitieuError } from "./errors";
import { cleanText, foldText } from "./text";
import { render, said, type Message } from "./messages";

export interface IndicatorColumn {
  readonly id: IndicatorIdentity;
  readonly column: DetectedColumn;
  /** For a derived total: the part columns it sums. */
  readonly derivedFrom?: readonly DetectedColumn[];
}

/**
 * A figure column of a table and what it holds there (columnRoles.ts, the user's mapping, the
 * sheet's role); `role` null: not used, `why` says why: the header words that decided, or (with
 * `because`, the reason as a message) that reason in Vietnamese.
 */
export interface ColumnReading {
  readonly column: DetectedColumn;
  readonly role: FigureRole | null;
  readonly why: string;
  readonly because?: Message;
  readonly override: IndicatorOverride | null;
}

/** A column not used by a sheet's model, and why. */
export interface IgnoredColumn {
  readonly column: string;
  readonly header: string;
  readonly why: string;
  readonly because?: Message;
}

/** A reason as data, with its Vietnamese words as `why` (the detection's `why` stays a string). */
export function reason(because: Message): { why: string; because: Message } {
  return { why: render(because, { lang: "vi", shell: "pane" }), because };
}

export interface SheetModel {
  readonly role: SheetRole;
  readonly table: DetectedTable;
  /** Indicator columns by identity key (a derived total social insurance among them). */
  readonly indicators: Map<string, IndicatorColumn>;
  /** Per-unit goal columns ("Tỷ lệ bao phủ BHYT giao (%)") by indicator key: targets and base sheets. */
  readonly goalColumns: Map<string, { id: IndicatorIdentity; column: DetectedColumn; percentScale: boolean }>;
  /** Base columns by kind (base sheet only). */
  readonly bases: Map<CoverageBase, DetectedColumn>;
  readonly ignored: IgnoredColumn[];
  /** Every figure column of the table with what it holds (shared by the models of one table). */
  readonly readings: readonly ColumnReading[];
  /** The table was not chosen for this role: only the columns that say they hold it are read. */
  readonly borrowed: boolean;
  /**
   * Plan columns of an indicator beside its first, each set for another period ("Chỉ tiêu đợt 1
   * (01/01–30/6/2024)" beside "Kế hoạch năm 2024"; issue 19): each is a result of its own. Only
   * when both headers name their period for certain and the periods differ; a second plan of the
   * same period (or of an unnamed one) is a second column as before. Targets only; absent when none.
   */
  readonly otherPeriodPlans?: readonly IndicatorColumn[];
}

/** The period a plan column's header names (group header first), or null when it names none for certain. */
function headerPeriod(c: DetectedColumn): { start: string; end: string } | null {
  return readPeriodOf(c.parts).period;
}

/** The figure role a sheet role's columns hold. */
export const FIGURE_OF: Record<SheetRole, FigureRole> = { targets: "target", actuals: "actual", base: "base", previous: "previous" };

export function letter(t: DetectedTable, col: number): string {
  return columnLetter(col + t.origin.col);
}

/** The letters of the columns a figure comes from: "E", or "E+F" for a derived total. */
export function columnLetters(t: DetectedTable, cols: readonly DetectedColumn[]): string {
  return cols.map((c) => letter(t, c.col)).join("+");
}

/** The cell of unit `unit` (an index into the table's units) in a column: 'Thực hiện'!E7 (the band's row where the sheet has two rows per unit). */
export function unitCell(t: DetectedTable, unit: number, column: DetectedColumn): string {
  const row = column.rows?.[unit] ?? t.unitRows[unit]!.row;
  return sheetCell(t.sheet, row + t.origin.row, column.col + t.origin.col);
}

/** The same cell as an A1 address without its sheet ("E7"), for a message's `where.cell`. */
export function unitAddress(t: DetectedTable, unit: number, column: DetectedColumn): string {
  const row = column.rows?.[unit] ?? t.unitRows[unit]!.row;
  return cellAddress(row + t.origin.row, column.col + t.origin.col);
}

/** An override names a table by one of the roles it serves ("actuals:E=…") or by the sheet's name ("T4.2024:D=…"). */
function overrideNamesTable(o: IndicatorOverride, t: DetectedTable, serving: readonly SheetRole[]): boolean {
  return (serving as readonly string[]).includes(o.sheet) || foldText(o.sheet) === foldText(t.sheet);
}

function overrideNamesColumn(o: IndicatorOverride, t: DetectedTable, c: DetectedColumn): boolean {
  const idx = columnIndex(o.column);
  if (idx >= 0 && idx - t.origin.col === c.col && !/[a-z]{4}/i.test(o.column)) return true;
  const f = foldText(o.column);
  // A band column's leaf is its band label ("Kế hoạch"), shared by every column of the band.
  return f === foldText(c.header) || (!c.band && f === foldText(c.leaf));
}

/**
 * The role an override gives: its own; else the role its sheet part names, when that says which
 * (the table serves several roles, or lends the named one: "targets:C=…" on a one-sheet report);
 * else none — a column of a sheet of one role keeps what its header says ("actuals:C=BHYT" over
 * "Kế hoạch" in the actuals' sheet is that sheet's plan column, as before).
 */
function overrideRole(o: IndicatorOverride, serving: readonly SheetRole[]): FigureRole | null {
  if (o.role) return o.role;
  if (!(SHEET_ROLES as readonly string[]).includes(o.sheet)) return null;
  const named = o.sheet as SheetRole;
  return serving.length > 1 || !serving.includes(named) ? FIGURE_OF[named] : null;
}

/**
 * Column roles (the first half): what each figure column of a table holds. `serving` are the sheet roles the
 * table was chosen for (two when the user names one sheet for both). A column's header decides
 * where it says (columnRoles.ts); else the sheet's role, where the sheet has one; a column the
 * sheet computed is never an input. In a sheet chosen for last year's figures, "Thực hiện" is last
 * year's. `numberLabel` gives a column's cell in the column-number row ("3=2/1"). `answers`: the
 * roles an override may name the table by (its own, and those no sheet serves when it holds the
 * actuals: "targets:C=BHYT" on a one-sheet report).
 */
export function readColumns(
  table: DetectedTable,
  serving: readonly SheetRole[],
  overrides: readonly IndicatorOverride[],
  numberLabel: (col: number) => string | null,
  answers: readonly SheetRole[] = serving,
): ColumnReading[] {
  const single = serving.length === 1 ? serving[0]! : null;
  // Of several roles, the one no column's header names (strongly): the silent columns hold it.
  const named = new Set<FigureRole>();
  if (single === null) {
    for (const c of table.columns) {
      const r = columnRole(c.parts, c.role === "rate", numberLabel(c.col));
      if (r.role && !r.weak) named.add(r.role);
    }
  }
  const silent = single === null ? serving.filter((r) => !named.has(FIGURE_OF[r])) : [];
  const silentRole = silent.length === 1 ? silent[0]! : null;
  // Every override must name a column the sheet has (checked by the caller over all tables).
  const readings = table.columns.map((c): ColumnReading => {
    const ovs = overrides.filter((o) => overrideNamesTable(o, table, answers) && overrideNamesColumn(o, table, c));
    const given = [...new Set(ovs.map((o) => overrideRole(o, serving)).filter((r): r is FigureRole => r !== null))];
    if (given.length > 1) {
      throw new ChitieuError(
        "bad-option",
        said("column-mapped-twice", { header: c.header, roles: given.slice(0, 2) }, { sheet: table.sheet, column: letter(table, c.col) }, "map"),
      );
    }
    const override = ovs[0] ?? null;
    if (override && cleanText(override.indicator) === "-") return { column: c, role: null, ...reason(said("column-ignored-by-map", {})), override };
    if (given.length === 1) return { column: c, role: given[0]!, ...reason(said("column-role-by-map", {})), override };
    // A rate in a plan sheet is a goal set for each unit ("Tỷ lệ bao phủ BHYT (%)"), as before.
    const label = numberLabel(c.col);
    if (single === "targets" && mayBePlanGoal(c.parts, c.role === "rate", label)) return { column: c, role: "rateGoal", why: c.leaf, override };
    const read = columnRole(c.parts, c.role === "rate", label);
    if (read.unused) return { column: c, role: null, ...reason(said("column-not-used", { words: read.why })), override };
    if (read.role === "computed" || read.role === "rateGoal") return { column: c, role: read.role, why: read.why, override };
    if (single === null) {
      // One sheet in several roles: a column that does not say which takes the one role none of
      // the sheet's columns names ("KH" beside plain "BHYT": the actuals); else it is never
      // guessed (it would be the plan and the actual at once: 100% everywhere).
      if (read.role === null || read.weak) {
        if (silentRole) return { column: c, role: FIGURE_OF[silentRole], ...reason(said("column-role-of-sheet", { role: FIGURE_OF[silentRole] })), override };
        return { column: c, role: null, ...reason(said("column-role-unclear", { roles: serving.map((r) => FIGURE_OF[r]) })), override };
      }
      return { column: c, role: read.role, why: read.why, override };
    }
    // A population or labour-force sheet's group header ("Chỉ tiêu giao năm 2022" over "Dân số |
    // Lao động") says which year's figures they are, not that they are a plan.
    const groupInBase = single === "base" && read.fromGroup === true && read.role !== "base";
    if (read.role === null || read.weak || groupInBase)
      return { column: c, role: FIGURE_OF[single], ...reason(said("column-role-of-sheet", { role: FIGURE_OF[single] })), override };
    if (single === "previous") {
      // Last year's sheet: its "Thực hiện" columns are last year's figures, its plan is not used.
      if (read.role === "actual") return { column: c, role: "previous", ...reason(said("column-last-year-actual", { words: read.why })), override };
      if (read.role === "target") return { column: c, role: null, ...reason(said("column-last-year-plan", {})), override };
    }
    return { column: c, role: read.role, why: read.why, override };
  });
  return byPeriod(readings);
}

// Participants are a level: the cumulative column ("Lũy kế", "4 tháng đầu năm", "đến 30/4") is the
// figure, a month's own ("Trong tháng", "Phát triển mới tháng 4") is not. An adjusted plan replaces
// the one set at the start of the year.
const CUMULATIVE = /(luy ke|den ngay|den het|tu dau nam|\b\d{1,2} thang)/;
const ESTIMATE = /\buoc\b/;
const ADJUSTED = /(dieu chinh|bo sung)/;

/**
 * Two columns of one indicator and role ("Thực hiện tháng 4" beside "Lũy kế", "Kế hoạch giao đầu
 * năm" beside "Kế hoạch điều chỉnh", "Thực hiện năm 2023" beside "… năm 2024"): the one of the
 * report's period is used. An earlier year's actual is last year's figure; an earlier year's plan,
 * a month's own figure beside the cumulative one, an earlier month, a plan that was adjusted: not
 * used, and the detection says why. Without this the first column would be taken and the second
 * dropped with a warning, whichever came first.
 */
function byPeriod(readings: ColumnReading[]): ColumnReading[] {
  const groups = new Map<string, number[]>();
  readings.forEach((r, i) => {
    if ((r.role !== "actual" && r.role !== "target") || r.override) return;
    const id = identifyIndicator(r.column.parts);
    if (!id) return;
    const k = `${r.role}|${id.key}`;
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  });
  const drop = (i: number, role: FigureRole | null, because: Message) => {
    readings[i] = { ...readings[i]!, role, ...reason(because) };
  };
  const header = (i: number) => readings[i]!.column.header;
  // The actuals first: the year of the actual column used is the report's, which the plans follow.
  const ordered = [...groups.entries()].sort(([a], [b]) => Number(b.startsWith("actual|")) - Number(a.startsWith("actual|")));
  let actualYear: number | null = null;
  for (const [key, g] of ordered) {
    const isActual = key.startsWith("actual|");
    if (g.length < 2) {
      if (isActual && actualYear === null) actualYear = yearOf(header(g[0]!));
      continue;
    }
    const years = g.map((i) => yearOf(header(i)));
    // Actuals: the latest year is this report's, an earlier one last year's figure. Plans: the
    // actuals' year (a plan for next year beside this year's is not this report's), else the latest.
    const latest = Math.max(...years.map((y) => y ?? -Infinity));
    const keep = !isActual && actualYear !== null && years.includes(actualYear) ? actualYear : latest;
    let left = g.filter((i, k) => {
      const y = years[k];
      if (y === null || y === undefined || y === keep) return true;
      if (isActual) drop(i, "previous", said("column-earlier-year", { year: y, kept: keep }));
      else drop(i, null, said("column-other-year-plan", { year: y, kept: keep }));
      return false;
    });
    if (isActual) {
      // An estimate ("Ước thực hiện cả năm", "Ước tháng 5") is a projection, not what was achieved.
      const estimates = left.filter((i) => ESTIMATE.test(foldText(header(i))));
      if (estimates.length > 0 && estimates.length < left.length) {
        for (const i of estimates) drop(i, null, said("column-estimate", { used: header(left.find((j) => !estimates.includes(j))!) }));
        left = left.filter((i) => !estimates.includes(i));
      }
    }
    // Cumulative over a month's own (actuals); adjusted over the first plan (plans).
    const mark = isActual ? CUMULATIVE : ADJUSTED;
    const marked = left.filter((i) => mark.test(foldText(header(i))));
    if (marked.length > 0 && marked.length < left.length) {
      for (const i of left) if (!marked.includes(i)) drop(i, null, said(isActual ? "column-month-own" : "column-first-plan", { used: header(marked[0]!) }));
      left = marked;
    }
    // The latest month.
    const months = left.map((i) => monthOf(header(i)));
    if (months.every((m) => m !== null) && new Set(months).size === left.length) {
      const last = Math.max(...(months as number[]));
      const lastAt = left[months.indexOf(last)]!;
      left.forEach((i, k) => {
        if (months[k] !== last) drop(i, null, said("column-earlier-month", { month: months[k]!, last, used: header(lastAt) }));
      });
      left = [lastAt];
    }
    if (isActual && actualYear === null) actualYear = yearOf(header(left[0]!));
  }
  return readings;
}

/** The overrides that name no column of the tables they name: an error, never silently ignored. */
export function checkOverridesUsed(overrides: readonly IndicatorOverride[], tables: readonly { table: DetectedTable; serving: readonly SheetRole[] }[]): void {
  for (const o of overrides) {
    const named = tables.filter((t) => overrideNamesTable(o, t.table, t.serving));
    // The mapping as the user wrote it (the CLI's --map, the pane's column choice).
    const mapping = `${o.sheet}:${o.column}=${o.role ? `${o.role}:` : ""}${o.indicator}`;
    if (named.length === 0) {
      throw new ChitieuError("bad-option", said("map-sheet-unknown", { mapping, sheet: o.sheet, sheets: tables.map((t) => t.table.sheet) }, undefined, "map"));
    }
    if (!named.some((t) => t.table.columns.some((c) => overrideNamesColumn(o, t.table, c)))) {
      const columns = named.flatMap((t) => t.table.columns.map((c) => ({ column: letter(t.table, c.col), header: c.header })));
      throw new ChitieuError("bad-option", said("map-column-unknown", { mapping, column: o.column, columns }, { sheet: named[0]!.table.sheet }, "map"));
    }
  }
}

/**
 * Matching indicators (the second half): the model of one sheet role over a table — which indicator each column
 * of that role is, the bases, the goal columns. `borrowed`: the table was chosen for another role
 * and lends the columns that say they hold this one (the plan columns of a one-sheet report).
 */
export function modelSheet(role: SheetRole, table: DetectedTable, readings: readonly ColumnReading[], warnings: Message[], borrowed = false): SheetModel {
  const indicators = new Map<string, IndicatorColumn>();
  const goalColumns = new Map<string, { id: IndicatorIdentity; column: DetectedColumn; percentScale: boolean }>();
  const bases = new Map<CoverageBase, DetectedColumn>();
  const ignored: IgnoredColumn[] = [];
  const otherPeriodPlans: IndicatorColumn[] = [];
  const figure = FIGURE_OF[role];
  // A one-indicator report names its indicator in the title only ("KẾT QUẢ PHÁT TRIỂN BHXH TỰ
  // NGUYỆN" over "Kế hoạch giao | Thực hiện"): the one column of the role whose header names none
  // is the title's indicator, or, with none there either, "the" indicator of the report. Never
  // with two such columns: which would be which?
  const unnamed = role === "base" ? 0 : readings.filter((r) => r.role === figure && !r.override && identifyIndicator(r.column.parts) === null).length;
  const untitled = unnamed === 1 ? titleIndicator(table) : null;
  for (const { column: c, role: holds, override: ov } of readings) {
    // Where a warning about the column points: its sheet and letter.
    const where = { sheet: table.sheet, column: letter(table, c.col) };
    if (holds === "rateGoal" && (role === "targets" || role === "base")) {
      const gid = ov && cleanText(ov.indicator) !== "" ? identityFromName(ov.indicator) : identifyIndicator(c.parts);
      if (gid && !goalColumns.has(gid.key)) {
        // 90 under a "%" header, or 0,9 / "90%": one scale per column, decided by its values.
        const percentScale = c.values.some((v) => v !== null && v > 1);
        goalColumns.set(gid.key, { id: gid, column: c, percentScale });
      }
      continue;
    }
    if (holds !== figure) continue;
    const named = ov && cleanText(ov.indicator) !== "" ? ov.indicator : null;
    if (role === "base") {
      const kind = baseKindOf(named ?? c.header);
      if (kind) {
        if (bases.has(kind)) warnings.push(said("second-base-column", { kind, header: c.header, first: letter(table, bases.get(kind)!.col) }, where, "map"));
        else bases.set(kind, c);
        continue;
      }
      if (borrowed) continue;
    }
    const id = named ? identityFromName(named) : (identifyIndicator(c.parts) ?? (unnamed === 1 ? untitled : null));
    if (!id) {
      ignored.push({ column: letter(table, c.col), header: c.header, ...reason(said("column-no-indicator", {})) });
      continue;
    }
    const prev = indicators.get(id.key);
    if (prev && role === "targets" && !named) {
      // Another period's plan of the indicator: a result of its own (unless one of that period is there already).
      const here = headerPeriod(c);
      const periods = [prev, ...otherPeriodPlans.filter((x) => x.id.key === id.key)].map((x) => headerPeriod(x.column));
      if (here && periods.every((p) => p !== null && (p.start !== here.start || p.end !== here.end))) {
        otherPeriodPlans.push({ id, column: c });
        continue;
      }
    }
    if (prev) {
      const first = letter(table, prev.column.col);
      const indicator = { vi: id.vi, en: id.en };
      warnings.push(said("second-indicator-column", { header: c.header, indicator, first }, where, "map"));
      ignored.push({ column: letter(table, c.col), header: c.header, ...reason(said("column-second-for-indicator", { indicator, first })) });
      continue;
    }
    indicators.set(id.key, { id, column: c });
  }
  if (role !== "base") deriveTotal(table, indicators, warnings);
  return { role, table, indicators, goalColumns, bases, ignored, readings, borrowed, ...(otherPeriodPlans.length > 0 ? { otherPeriodPlans } : {}) };
}

const AGENCY = /^(bao hiem xa hoi|bhxh) (tinh|thanh pho|tp|huyen|quan|thi xa|viet nam|khu vuc|co so|dac khu)\b/;

/** The one catalogue indicator a table's titles name, else the report's unnamed indicator. */
function titleIndicator(table: DetectedTable): IndicatorIdentity {
  const found = new Map<string, IndicatorIdentity>();
  table.titles.forEach((line, k) => {
    // The agency's name ("BẢO HIỂM XÃ HỘI THÀNH PHỐ CẦN THƠ", "BHXH CẦN THƠ"), the first title, is no indicator.
    if (AGENCY.test(foldText(line)) || (k === 0 && /^(bao hiem xa hoi|bhxh|uy ban nhan dan|ubnd)\b/.test(foldText(line)))) return;
    const id = identifyIndicator([line]);
    if (id && !id.key.startsWith("custom:")) found.set(id.key, id);
  });
  // Total social insurance named beside one of its parts is that part's title ("BHXH tự nguyện").
  if (found.size > 1 && found.has("bhxh")) found.delete("bhxh");
  if (found.size === 1) return [...found.values()][0]!;
  return { key: "custom:(chỉ tiêu của báo cáo)", vi: "Chỉ tiêu", en: "Indicator", base: null };
}

/**
 * Total social insurance from its parts where the sheet has both but no total: inserted right
 * after the later part, so it is reported beside them.
 */
function deriveTotal(table: DetectedTable, indicators: Map<string, IndicatorColumn>, warnings: Message[]): void {
  const bb = indicators.get(PART_KEYS.compulsory);
  const tn = indicators.get(PART_KEYS.voluntary);
  if (!bb || !tn || indicators.has(PART_KEYS.total)) return;
  const d = sumOfParts(bb.column, tn.column);
  for (const m of d.missing) {
    const u = table.unitRows[m.unit]!;
    const cells = m.parts.map((c) => unitAddress(table, m.unit, c));
    const total = { vi: DERIVED_TOTAL_SOCIAL_INSURANCE.vi, en: DERIVED_TOTAL_SOCIAL_INSURANCE.en };
    warnings.push(
      said("derived-total-missing-part", { unit: u.name, headers: m.parts.map((c) => c.header), cells, total }, { sheet: table.sheet, cell: cells[0]! }),
    );
  }
  const entries = [...indicators.entries()];
  const after = Math.max(
    entries.findIndex(([k]) => k === PART_KEYS.compulsory),
    entries.findIndex(([k]) => k === PART_KEYS.voluntary),
  );
  entries.splice(after + 1, 0, [PART_KEYS.total, { id: DERIVED_TOTAL_SOCIAL_INSURANCE, column: d.column, derivedFrom: d.parts }]);
  indicators.clear();
  for (const [k, v] of entries) indicators.set(k, v);
}

export function columnsOf(t: DetectedTable, x: IndicatorColumn): string {
  return columnLetters(t, x.derivedFrom ?? [x.column]);
}

/** What detection found in a sheet for one role, with every figure column's role (on the first model of a table only). */
export function detectionOf(m: SheetModel, withColumns = true, models: readonly SheetModel[] = [m]): SheetDetection {
  const t = m.table;
  const o = t.origin.row;
  // What each column feeds, in any role its sheet serves (the plan columns of a one-sheet report too).
  const used = new Map<DetectedColumn, string>();
  for (const x of models) {
    if (x.table !== t) continue;
    for (const i of [...x.indicators.values(), ...(x.otherPeriodPlans ?? [])]) if (!used.has(i.column)) used.set(i.column, i.id.vi);
    for (const g of x.goalColumns.values()) used.set(g.column, `Mục tiêu ${g.id.vi}`);
    for (const [k, c] of x.bases) used.set(c, k === "population" ? "Dân số" : "Lực lượng lao động");
  }
  const ignoredHere = new Set(m.ignored.map((i) => i.column));
  return {
    role: m.role,
    sheet: t.sheet,
    headerRows: t.headerRows.map((r) => r + o + 1),
    columnNumberRow: t.columnNumberRow === null ? null : t.columnNumberRow + o + 1,
    unitColumn: letter(t, t.unitColumn),
    units: t.unitRows.length,
    indicators: [
      ...[...m.indicators.values(), ...(m.otherPeriodPlans ?? [])].map((x) => ({ indicator: x.id.vi, column: columnsOf(t, x), header: x.column.header })),
      ...[...m.goalColumns.values()].map((g) => ({ indicator: `Mục tiêu ${g.id.vi}`, column: letter(t, g.column.col), header: g.column.header })),
      ...[...m.bases.entries()].map(([k, c]) => ({
        indicator: k === "population" ? "Dân số" : "Lực lượng lao động",
        column: letter(t, c.col),
        header: c.header,
      })),
    ],
    ignoredColumns: [
      ...m.ignored,
      // Columns no role of this sheet reads, and the sheet's own computed columns.
      ...(withColumns
        ? m.readings
            .filter((r) => (r.role === null || r.role === "computed") && !ignoredHere.has(letter(t, r.column.col)))
            .map((r) => ({
              column: letter(t, r.column.col),
              header: r.column.header,
              ...(r.role === "computed" ? reason(said("column-computed", { words: r.why })) : { why: r.why, ...(r.because ? { because: r.because } : {}) }),
            }))
        : []),
    ],
    excludedRows: t.excluded.map((e) => ({ row: e.row + o + 1, label: e.label, reason: e.reason })),
    totalRow: t.totalRow ? t.totalRow.row + o + 1 : null,
    ...(withColumns ? tableNotes(t) : {}),
    ...(withColumns
      ? {
          columns: m.readings.map((r) => ({
            column: letter(t, r.column.col),
            header: r.column.header,
            role: r.role ?? ("ignored" as const),
            indicator: used.get(r.column) ?? null,
            why: r.why,
            ...(r.because ? { because: r.because } : {}),
            ...(r.column.band ? { band: r.column.band } : {}),
          })),
        }
      : {}),
  };
}

/** What the detection read other than as written, for people checking it: dash zeros, scales, names, bands. */
function tableNotes(t: DetectedTable): Partial<SheetDetection> {
  const o = t.origin.row;
  const scales = t.columns
    .filter((c) => c.scale !== undefined && c.scale !== 1)
    .map((c) => ({ column: letter(t, c.col), header: c.header, scale: c.scale!, from: c.scaleFrom ?? "" }));
  const names: { row: number; name: string; written: string; why: "mark" | "number" }[] = [];
  for (const u of t.unitRows) {
    if (u.mark) names.push({ row: u.row + o + 1, name: u.name, written: u.written ?? `${u.name} ${u.mark}`, why: "mark" });
    else if (u.written !== undefined) names.push({ row: u.row + o + 1, name: u.name, written: u.written, why: "number" });
    // A province lists its units once; the notes stay short for people to read.
    if (names.length >= 50) break;
  }
  return {
    ...(t.dashZeros && t.dashZeros.count > 0 ? { dashZeros: { count: t.dashZeros.count, cells: t.dashZeros.cells } } : {}),
    ...(scales.length > 0 ? { scales } : {}),
    ...(names.length > 0 ? { names } : {}),
    ...(t.bands ? { bands: { column: letter(t, t.bands.col), labels: t.bands.labels } } : {}),
  };
}

/** A column's figure for the unit at `idx` of its table; null when the unit is not in the sheet. */
export const valueAt = (col: DetectedColumn, idx: number | null): number | null => (idx === null ? null : (col.values[idx] ?? null));

/** Where a result's figures come from: the sheet, the column letters ("E+F" for a derived total), the header. */
export function sourceOf(m: SheetModel, col: DetectedColumn, derivedFrom?: readonly DetectedColumn[]): ColumnSource {
  return {
    sheet: m.table.sheet,
    column: columnLetters(m.table, derivedFrom ?? [col]),
    header: col.header,
  };
}

export const indicatorSource = (m: SheetModel, x: IndicatorColumn): ColumnSource => sourceOf(m, x.column, x.derivedFrom);
