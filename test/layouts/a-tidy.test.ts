/**
 * Layout a — the control: a Kế hoạch sheet, a Thực hiện sheet and a Dân số sheet, one
 * role each, as the engine was built around. Seed 000's figures, no warnings.
 */
import { tidyLayout } from "../helpers/layouts";
import { describeLayout } from "./check";

describeLayout(tidyLayout, "exceljs", { seed: ["voluntary", "coverage"] }, ({ analysis }) => {
  test("no warnings: nothing in the control is in doubt", async () => {
    expect((await analysis()).summary.warnings).toEqual([]);
  });
});
