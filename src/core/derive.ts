/**
 * Total social insurance ("BHXH" alone, the national headline rate as a share of the labour
 * force) is compulsory + voluntary. Where a sheet has both parts but no total column, the total is
 * derived per unit as the sum of the parts — none where a part is missing — and reported beside
 * the parts with the labour force as its base. It is never matched with one of its parts.
 */
import type { DetectedColumn } from "./detect";
import type { IndicatorIdentity } from "./indicators";

/** The identity of the derived total: the same key as a "BHXH" column, so it matches one. */
export const DERIVED_TOTAL_SOCIAL_INSURANCE: IndicatorIdentity = {
  key: "bhxh",
  vi: "BHXH (bắt buộc + tự nguyện)",
  en: "Social insurance (compulsory + voluntary)",
  base: "labourForce",
};

export const PART_KEYS = { compulsory: "bhxh-bb", voluntary: "bhxh-tn", total: "bhxh" } as const;

export interface DerivedColumn {
  /** A column-shaped result (at the compulsory part's position), so later steps treat it like any other. */
  readonly column: DetectedColumn;
  /** The parts it was summed from, compulsory first. */
  readonly parts: readonly [DetectedColumn, DetectedColumn];
  /** Unit indices with no total because a part is missing, and which parts. */
  readonly missing: readonly { readonly unit: number; readonly parts: readonly DetectedColumn[] }[];
}

/** Σ of the two parts per unit; null (and listed in `missing`) where either is missing. */
export function sumOfParts(compulsory: DetectedColumn, voluntary: DetectedColumn): DerivedColumn {
  const missing: { unit: number; parts: DetectedColumn[] }[] = [];
  const values = compulsory.values.map((bb, i) => {
    const tn = voluntary.values[i] ?? null;
    if (bb === null || tn === null) {
      missing.push({ unit: i, parts: [bb === null ? compulsory : null, tn === null ? voluntary : null].filter((c): c is DetectedColumn => c !== null) });
      return null;
    }
    return bb + tn;
  });
  const header = `${compulsory.header} + ${voluntary.header}`;
  const totalValue = compulsory.totalValue !== null && voluntary.totalValue !== null ? compulsory.totalValue + voluntary.totalValue : null;
  return {
    column: { col: compulsory.col, header, leaf: header, parts: [header], role: "number", values, totalValue },
    parts: [compulsory, voluntary],
    missing,
  };
}
