import type { SheetSpec } from "../../src/core/sheetSpec";

/**
 * Rows as a sheet shows them, to compare what an adapter wrote with what a description says:
 * a blank ("" or undefined) is null, and trailing blank cells and rows are dropped.
 */
export function normal<T>(rows: readonly (readonly T[])[]): (Exclude<T, "" | undefined> | null)[][] {
  const out = rows.map((r) => {
    const row = r.map((v) => (v === "" || v === undefined ? null : (v as Exclude<T, "" | undefined>)));
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    return row;
  });
  while (out.length > 0 && out[out.length - 1]!.length === 0) out.pop();
  return out;
}

/** A description's values as Excel reads them back: merged cells other than the top-left are blank. */
export function specValues(spec: SheetSpec, merges = spec.merges): unknown[][] {
  const rows: unknown[][] = spec.values.map((r) => [...r]);
  for (const m of merges) for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) if ((i || j) && rows[m.row + i]) rows[m.row + i]![m.col + j] = null;
  return normal(rows);
}
