/**
 * Text columns that say something about each unit: its category (for goals by category) and its
 * group (a parent column), found in any input sheet and read per reference unit through the unit
 * matching; and the units' groups from group rows where there is no such column.
 */
import { ChitieuError } from "./errors";
import { said } from "./messages";
import type { FoundTextColumn } from "./messages/tables";
import { DetectedTable } from "./detect";
import { categoryKey } from "./goals";
import { isCategoryHeader, isParentHeader, sameHeader } from "./groups";
import { Alignment } from "./alignUnits";
import { CategoryInfo, GroupingInfo } from "./results";
import { SheetModel, letter } from "./sheetModel";
import { cleanText } from "./text";

export type TextColumn = DetectedTable["textColumns"][number];
export interface FoundColumn {
  readonly model: SheetModel;
  readonly col: TextColumn;
}

export function findTextColumn(sheets: readonly SheetModel[], accept: (header: string) => boolean): FoundColumn | null {
  for (const model of sheets) {
    const col = model.table.textColumns.find((c) => accept(c.header));
    if (col) return { model, col };
  }
  return null;
}

/** The text columns of the sheets, as a message lists them ("columns found: 'KH'!D “Loại xã”"). */
export function textColumnsFound(sheets: readonly SheetModel[]): FoundTextColumn[] {
  return sheets.flatMap((m) => m.table.textColumns.map((c) => ({ sheet: m.table.sheet, column: letter(m.table, c.col), header: c.header })));
}

export function findCategoryColumn(sheets: readonly SheetModel[], named: string | null): FoundColumn | null {
  if (named === null || cleanText(named) === "") return findTextColumn(sheets, isCategoryHeader);
  const f = findTextColumn(sheets, (h) => sameHeader(h, named));
  if (!f) {
    throw new ChitieuError(
      "bad-option",
      said("category-column-not-found", { header: named, sheets: sheets.map((m) => m.table.sheet), found: textColumnsFound(sheets) }, undefined, "category"),
    );
  }
  return f;
}

/** A text column's value for each reference unit, through the unit matching. */
export function perRefUnit(f: FoundColumn, alignment: Alignment, n: number): (string | null)[] {
  const idx = alignment.get(f.model.role);
  return Array.from({ length: n }, (_, i) => {
    const j = idx?.[i] ?? null;
    return j === null ? null : (f.col.values[j] ?? null);
  });
}

/** Distinct texts (compared as categories are), first spelling kept, in order. */
export function distinctCategories(values: readonly (string | null)[]): string[] {
  const seen = new Map<string, string>();
  for (const v of values) if (v !== null && !seen.has(categoryKey(v))) seen.set(categoryKey(v), cleanText(v));
  return [...seen.values()];
}

/**
 * Each reference unit's group: from the column the user named; else the reference sheet's group
 * rows; else a parent column (Huyện, Quận, Đơn vị cấp trên); else another sheet's group rows.
 */
export function groupUnits(
  sheets: readonly SheetModel[],
  ref: SheetModel,
  named: string | null,
  alignment: Alignment,
  n: number,
  inResults: readonly number[],
): { unitGroup: (string | null)[]; grouping: GroupingInfo | null } {
  const fromColumn = (f: FoundColumn) => {
    const unitGroup = perRefUnit(f, alignment, n).map((v) => (v === null ? null : cleanText(v)));
    const groups = distinctCategories(inResults.map((i) => unitGroup[i]!));
    // One spelling per group, whatever the case or Unicode form of each cell.
    const canonical = new Map(groups.map((g) => [categoryKey(g), g]));
    const grouping: GroupingInfo = { source: "column", sheet: f.model.table.sheet, header: f.col.header, groups };
    return { unitGroup: unitGroup.map((v) => (v === null ? null : (canonical.get(categoryKey(v)) ?? v))), grouping };
  };
  const fromRows = (m: SheetModel) => {
    const idx = alignment.get(m.role);
    const unitGroup = Array.from({ length: n }, (_, i) => {
      const j = idx?.[i] ?? null;
      return j === null ? null : m.table.unitRows[j]!.group;
    });
    const present = new Set(inResults.map((i) => unitGroup[i]));
    const grouping: GroupingInfo = {
      source: "rows",
      sheet: m.table.sheet,
      header: null,
      groups: [...new Set(m.table.groups.map((g) => g.label))].filter((g) => present.has(g)),
    };
    return { unitGroup, grouping };
  };
  if (named !== null && cleanText(named) !== "") {
    const f = findTextColumn(sheets, (h) => sameHeader(h, named));
    if (!f) {
      throw new ChitieuError(
        "bad-option",
        said("group-column-not-found", { header: named, sheets: sheets.map((m) => m.table.sheet), found: textColumnsFound(sheets) }, undefined, "groupBy"),
      );
    }
    return fromColumn(f);
  }
  const hasGroupRows = (m: SheetModel) => m.table.groups.some((g) => g.unitIndices.length > 0);
  if (hasGroupRows(ref)) return fromRows(ref);
  const parent = findTextColumn(sheets, isParentHeader);
  if (parent) return fromColumn(parent);
  const other = sheets.find(hasGroupRows);
  if (other) return fromRows(other);
  return { unitGroup: Array.from({ length: n }, () => null), grouping: null };
}

/** Each reference unit's category, from the column the user named or a column headed like one (Loại xã, Phân loại …); null without one. */
export function categorizeUnits(
  sheets: readonly SheetModel[],
  named: string | null,
  alignment: Alignment,
  n: number,
  inResults: readonly number[],
): { unitCategory: (string | null)[]; categories: CategoryInfo | null } {
  const categoryColumn = findCategoryColumn(sheets, named);
  const unitCategory = categoryColumn ? perRefUnit(categoryColumn, alignment, n) : Array.from({ length: n }, () => null);
  const categories: CategoryInfo | null = categoryColumn
    ? {
        sheet: categoryColumn.model.table.sheet,
        column: letter(categoryColumn.model.table, categoryColumn.col.col),
        header: categoryColumn.col.header,
        values: distinctCategories(inResults.map((i) => unitCategory[i]!)),
      }
    : null;
  return { unitCategory, categories };
}
