import { parseMap } from "../../src/cli/args";
import { FIGURE_ROLES } from "../../src/core/columnRoles";
import { chitieuErrorOf } from "../helpers/errors";

describe("--map: a column's indicator, and what it holds", () => {
  it("keeps today's form: <role>:<column>=<indicator>", () => {
    expect(parseMap("actuals:E=BHYT")).toEqual({ sheet: "actuals", column: "E", indicator: "BHYT" });
    expect(parseMap("targets:Ghi chú 2=-")).toEqual({ sheet: "targets", column: "Ghi chú 2", indicator: "-" });
    expect(parseMap("Actuals:E=BHYT").sheet).toBe("actuals");
    // A base column named by what it is, as before: not the role alone.
    expect(parseMap("base:C=Dân số")).toEqual({ sheet: "base", column: "C", indicator: "Dân số" });
    expect(parseMap("base:D=Lao động")).toEqual({ sheet: "base", column: "D", indicator: "Lao động" });
  });

  it("takes a sheet by its name and a column role before the indicator", () => {
    expect(parseMap("T4.2024:D=actual:BHXH bắt buộc")).toEqual({ sheet: "T4.2024", column: "D", indicator: "BHXH bắt buộc", role: "actual" });
    expect(parseMap("Bieu 01:F=target:BHYT")).toEqual({ sheet: "Bieu 01", column: "F", indicator: "BHYT", role: "target" });
    expect(parseMap("Bieu 01:G=computed")).toEqual({ sheet: "Bieu 01", column: "G", indicator: "", role: "computed" });
  });

  it("refuses a role it does not know, naming the roles it does", () => {
    const e = chitieuErrorOf(() => parseMap("T4:D=actuel:BHYT"));
    expect([e.code, e.problem.code, e.problem.params, e.problem.setting]).toEqual([
      "bad-option",
      "cli-map-role",
      { spec: "T4:D=actuel:BHYT", role: "actuel", roles: FIGURE_ROLES },
      "map",
    ]);
    expect(e.message).toMatch(/^Trong “T4:D=actuel:BHYT”, “actuel” không phải vai trò của cột: dùng một trong target \(kế hoạch\), actual \(thực hiện\)/);
    expect(chitieuErrorOf(() => parseMap("nonsense")).problem).toEqual({ code: "cli-map-form", params: { spec: "nonsense" }, setting: "map" });
  });
});
