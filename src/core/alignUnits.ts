/**
 * Matching units across the sheets. The reference list is the targets sheet's (else the
 * actuals'); every other sheet's units are matched to it by name (units.ts), and what matches
 * nothing is listed as unmatched.
 */
import { DetectedTable } from "./detect";
import { UnmatchedUnit } from "./results";
import { SheetRole } from "./roles";
import { SheetModel } from "./sheetModel";
import { UnitKey, matchUnits } from "./units";
import { said, type Message } from "./messages";

/** Per sheet role, per reference unit, the index of the same unit in that sheet's units (null: not there). */
export type Alignment = ReadonlyMap<SheetRole, readonly (number | null)[]>;

/** Each sheet's unit names parsed once (detection), and per unit of each non-reference sheet its reference unit with the same key (or −1). */
export interface UnitKeys {
  readonly keys: ReadonlyMap<DetectedTable, readonly UnitKey[]>;
  readonly refOf: ReadonlyMap<DetectedTable, Int32Array>;
}

export interface AlignedUnits {
  /** The reference sheet's unit names, in its order. */
  readonly refNames: readonly string[];
  /** Per reference unit, its index in the actuals', base and previous sheets' units (null: not there). */
  readonly actualIdx: readonly (number | null)[];
  readonly baseIdx: readonly (number | null)[] | null;
  readonly prevIdx: readonly (number | null)[] | null;
  /** The reference units that have results (those in the actuals), in sheet order. */
  readonly inResults: readonly number[];
  readonly unmatched: UnmatchedUnit[];
  /** The indices above by role, the reference's own (identity) among them. */
  readonly alignment: Alignment;
}

/** Match the units of the actuals, base and previous sheets to the reference sheet's. Ambiguous names are warned about. */
export function alignUnits(
  ref: SheetModel,
  actuals: SheetModel,
  base: SheetModel | null,
  previous: SheetModel | null,
  unitKeys: UnitKeys,
  warnings: Message[],
): AlignedUnits {
  const refNames = ref.table.unitRows.map((u) => u.name);
  const unmatched: UnmatchedUnit[] = [];
  // One sheet may serve several roles: it is matched once (its unmatched units listed once), and
  // the reference's own sheet is itself.
  const done = new Map<DetectedTable, (number | null)[]>([[ref.table, refNames.map((_, i) => i)]]);
  const alignTo = (other: SheetModel): (number | null)[] => {
    const known = done.get(other.table);
    if (known) return known;
    const idx = matchTo(other);
    done.set(other.table, idx);
    return idx;
  };
  const matchTo = (other: SheetModel): (number | null)[] => {
    const m = matchUnits(
      refNames,
      other.table.unitRows.map((u) => u.name),
      unitKeys.keys.get(ref.table),
      unitKeys.keys.get(other.table),
      unitKeys.refOf.get(other.table),
    );
    const idx: (number | null)[] = refNames.map(() => null);
    for (const p of m.pairs) idx[p.left] = p.right;
    for (const j of m.rightOnly) unmatched.push({ sheet: other.table.sheet, unit: other.table.unitRows[j]!.name, missingFrom: [ref.table.sheet] });
    for (const a of m.ambiguous) {
      warnings.push(said("unit-ambiguous-between-sheets", { unit: a, sheet: ref.table.sheet, other: other.table.sheet }, { sheet: other.table.sheet }));
    }
    return idx;
  };
  const actualIdx = alignTo(actuals);
  const baseIdx = base ? alignTo(base) : null;
  const prevIdx = previous ? alignTo(previous) : null;
  // A reference unit must be in the actuals to have results.
  const inResults: number[] = [];
  refNames.forEach((name, i) => {
    if (actualIdx[i] === null) unmatched.push({ sheet: ref.table.sheet, unit: name, missingFrom: [actuals.table.sheet] });
    else inResults.push(i);
  });
  if (baseIdx && base && base.table !== actuals.table) {
    for (const i of inResults) {
      if (baseIdx[i] === null) unmatched.push({ sheet: ref.table.sheet, unit: refNames[i]!, missingFrom: [base.table.sheet] });
    }
  }
  // A unit missing from last year's sheet keeps its results, without growth.
  if (prevIdx && previous && previous.table !== actuals.table) {
    for (const i of inResults) {
      if (prevIdx[i] === null) unmatched.push({ sheet: ref.table.sheet, unit: refNames[i]!, missingFrom: [previous.table.sheet] });
    }
  }
  const alignment = new Map<SheetRole, readonly (number | null)[]>([
    [ref.role, refNames.map((_, i) => i)],
    ["actuals", actualIdx],
  ]);
  if (baseIdx) alignment.set("base", baseIdx);
  if (prevIdx) alignment.set("previous", prevIdx);
  return { refNames, actualIdx, baseIdx, prevIdx, inResults, unmatched, alignment };
}
