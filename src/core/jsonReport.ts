/**
 * The `--json` shape, a contract other tools rely on. Ratios are unrounded fractions and units
 * come in rank order. Fields beyond the contract are added, never renamed.
 */
import { Summary } from "./summarize";

export interface JsonUnit {
  unit: string;
  actual: number | null;
  denominator: number | null;
  ratio: number | null;
  gap: number | null;
  rank: number | null;
  belowAverage: boolean;
}

export interface JsonResult {
  indicator: string;
  measure: "attainment" | "coverage";
  overall: number | null;
  average: number | null;
  units: JsonUnit[];
  // additions
  indicatorKey: string;
  denominatorKind: string;
  actualTotal: number;
  denominatorTotal: number;
  source: Summary["results"][number]["source"];
}

export interface JsonReport {
  sheets: { targets: string | null; actuals: string; base: string | null };
  average: "overall" | "mean";
  results: JsonResult[];
  unmatched: { sheet: string; unit: string; missingFrom: string[] }[];
  warnings: string[];
  // additions
  rank: "competition" | "dense";
  detection: Summary["detection"];
  output?: { file: string; sheets: { key: string; name: string }[] };
}

export function toJsonReport(s: Summary, output?: JsonReport["output"]): JsonReport {
  const report: JsonReport = {
    sheets: { targets: s.sheets.targets, actuals: s.sheets.actuals, base: s.sheets.base },
    average: s.average,
    results: s.results.map((r) => ({
      indicator: r.indicator,
      measure: r.measure,
      overall: r.overall,
      average: r.average,
      units: r.units.map((u) => ({
        unit: u.unit,
        actual: u.actual,
        denominator: u.denominator,
        ratio: u.ratio,
        gap: u.gap,
        rank: u.rank,
        belowAverage: u.belowAverage,
      })),
      indicatorKey: r.indicatorKey,
      denominatorKind: r.denominatorKind,
      actualTotal: r.actualTotal,
      denominatorTotal: r.denominatorTotal,
      source: r.source,
    })),
    unmatched: s.unmatched.map((u) => ({ sheet: u.sheet, unit: u.unit, missingFrom: [...u.missingFrom] })),
    warnings: [...s.warnings],
    rank: s.rank,
    detection: s.detection,
  };
  if (output) report.output = output;
  return report;
}
