/** A plain SheetSpec for adapter tests: values with a header block, no decoration. */
import { OutputValue, SheetKind, SheetSpec } from "../../src/core/sheetSpec";

export function plainSpec(o: {
  readonly key: string;
  readonly kind: SheetKind;
  readonly name: string;
  readonly values: readonly (readonly OutputValue[])[];
  readonly columnFormats: readonly string[];
  readonly columnWidths: readonly number[];
  /** First data row; also the frozen rows. */
  readonly dataStart: number;
}): SheetSpec {
  return {
    ...o,
    cellFormats: [],
    width: o.columnFormats.length,
    merges: [],
    wrap: [],
    freeze: { rows: o.dataStart, columns: 0 },
    highlights: [],
    table: null,
    chart: null,
  };
}
