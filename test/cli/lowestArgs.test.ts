/** `--lowest <n>`: how many of the units below the average the commentary names. */
import { USAGE, parseArgs } from "../../src/cli/args";
import { ChitieuError } from "../../src/core/errors";
import { render } from "../../src/core/messages";

const parse = (...argv: string[]) => parseArgs(["summarize", "in.xlsx", "--out", "o.xlsx", ...argv], "demo.xlsx", "demo-out.xlsx");

function error(f: () => unknown): ChitieuError {
  try {
    f();
  } catch (e) {
    if (e instanceof ChitieuError) return e;
    throw e;
  }
  throw new Error("no error");
}

describe("--lowest", () => {
  it("is 5 when not given, and takes a whole number 1–50", () => {
    expect(parse().choices.lowest).toBe(5);
    expect(parse("--lowest", "3").choices.lowest).toBe(3);
    expect(parse("--lowest", "50").choices.lowest).toBe(50);
    expect(USAGE).toMatch(/--lowest <n>/);
  });

  it.each(["0", "51", "2.5", "abc", "-3"])("%j is a bad-option error with its own code, pointing at the setting", (bad) => {
    const e = error(() => parse("--lowest", bad));
    expect(e.code).toBe("bad-option");
    expect(e.problem.code).toBe("lowest-not-a-count");
    expect(e.problem.params).toEqual({ text: bad, min: 1, max: 50 });
    expect(e.problem.setting).toBe("lowest");
    const vi = render(e.problem, { lang: "vi", shell: "cli" });
    expect(vi).toContain("--lowest <số>");
    expect(vi).toContain(`“${bad}”`);
    expect(render(e.problem, { lang: "en", shell: "pane" })).not.toContain("--lowest");
  });

  it("needs a value", () => {
    expect(() => parse("--lowest")).toThrow(ChitieuError);
  });
});

describe("the pipeline carries it to the paragraphs and the commentary sheet", () => {
  it("analyze names the lowest N in Analysis.narrative and on the commentary sheet", async () => {
    const { default: ExcelJS } = await import("exceljs");
    const { ExcelJsWorkbook } = await import("../../src/workbook/exceljsWorkbook");
    const { analyze } = await import("../../src/workbook/recalculate");
    const { DEFAULT_CHOICES } = await import("../../src/core/settings");
    const wb = new ExcelJS.Workbook();
    const units = ["Xã A", "Xã B", "Xã C", "Xã D", "Xã Đ", "Xã E", "Xã G", "Xã H"];
    for (const [name, f] of [
      ["Kế hoạch", () => 100],
      ["Thực hiện", (i: number) => 40 + 10 * i],
    ] as const) {
      const ws = wb.addWorksheet(name);
      ws.addRow(["STT", "Đơn vị", "BHYT"]);
      units.forEach((u, i) => ws.addRow([i + 1, u, f(i)]));
    }
    // Rates 40% … 110%, area 75%: four units below.
    const a = await analyze(new ExcelJsWorkbook(wb), { ...DEFAULT_CHOICES, lowest: 2 });
    expect(a.narrative[0]).toContain("xã A mới đạt 40,00%, xã B đạt 50,00% và 2 đơn vị khác.");
    const sheet = a.specs.find((s) => s.key === "commentary")!;
    expect(sheet.values.slice(sheet.dataStart).map((r) => r[0])).toEqual([...a.narrative]);
    const all = await analyze(new ExcelJsWorkbook(wb), DEFAULT_CHOICES);
    expect(all.narrative[0]).toContain("xã A mới đạt 40,00%, xã B đạt 50,00%, xã C đạt 60,00% và xã D đạt 70,00%.");
  });
});
