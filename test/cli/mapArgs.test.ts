import { parseMap } from "../../src/cli/args";

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
    expect(() => parseMap("T4:D=actuel:BHYT")).toThrow(/"actuel" is not a column role; use one of target, actual/);
    expect(() => parseMap("nonsense")).toThrow(/--map takes/);
  });
});
