/**
 * The Office.js adapter against the recording fake of the Excel object model: round trips,
 * formatting cost, text safety, user sheets, all-or-nothing writes, payload limits, sheets that
 * change under us, settings.
 */
import { FakeExcel, FakeOfficeError, SheetModel } from "./fakeExcel";
import { fakeWithGrids, measureOfficeRecalculation, OfficeMeasure } from "../helpers/officeBench";
import { OfficeWorkbook, SETTINGS_KEY, SUMMARY_KEY, SHEET_MARK } from "../../src/workbook/officeWorkbook";
import { recalculate } from "../../src/workbook/recalculate";
import { DEFAULT_CHOICES, parseSettings, toStored } from "../../src/core/settings";
import { ChitieuError } from "../../src/core/errors";
import { SheetSpec } from "../../src/core/sheetSpec";
import { makeWorkload } from "../../bench/workload";
import { plainSpec } from "../helpers/specs";
import { normal, specValues } from "../helpers/rows";

const MB = 1024 * 1024;

function portFor(fake: FakeExcel, maxRequestBytes?: number): OfficeWorkbook {
  return new OfficeWorkbook({ run: fake.run, settings: fake.settings, isSetSupported: fake.isSetSupported, maxRequestBytes });
}

function province(units: number, indicators: 4 | 8 = 4): FakeExcel {
  const w = makeWorkload(units, indicators);
  return fakeWithGrids([w.targets, w.actuals, w.base]);
}

/** Every sheet's name, visibility and values: what "left exactly as it was" compares. */
function snapshot(fake: FakeExcel): unknown {
  return fake.workbook.sheets.map((s: SheetModel) => ({
    name: s.name,
    id: s.id,
    visibility: s.visibility,
    grid: s.grid(),
    cfs: s.conditionalFormats.length,
    charts: s.charts.length,
    tables: fake.workbook.tables.filter((t) => t.sheet === s).map((t) => t.name),
  }));
}

describe("round trips and formatting do not grow with the units", () => {
  // One request may be as large as the write (Excel desktop; or Excel on the web for smaller
  // provinces): list, read, write = 3 syncs at every size.
  const sizes = [10, 1000, 10000];
  const measured = new Map<number, OfficeMeasure>();
  beforeAll(async () => {
    for (const n of sizes) measured.set(n, await measureOfficeRecalculation(n, 4, { maxRequestBytes: 64 * MB, payloadCap: Infinity }));
  }, 120_000);

  test("the same number of syncs, at most 3, for 10, 1,000 and 10,000 units", () => {
    const syncs = sizes.map((n) => measured.get(n)!.syncs);
    expect(syncs[0]).toBeLessThanOrEqual(3);
    expect(new Set(syncs).size).toBe(1);
  });

  test("the same number of operations and formatting operations at 10 and 10,000 units", () => {
    expect(measured.get(10000)!.formatOperations).toBe(measured.get(10)!.formatOperations);
    expect(measured.get(10000)!.operations).toBe(measured.get(10)!.operations);
    expect(measured.get(10)!.formatOperations).toBeGreaterThan(0);
  });

  test("with the 4 MB budget no request is larger; the write is split into row blocks", async () => {
    const m = await measureOfficeRecalculation(10000, 4);
    expect(m.maxRequestBytes).toBeLessThanOrEqual(4 * MB);
    expect(m.syncs).toBeGreaterThan(3);
    expect(m.formatOperations).toBe(measured.get(10)!.formatOperations);
  }, 60_000);

  test("a second recalculation (replacing our sheets) costs the same syncs", async () => {
    const m = await measureOfficeRecalculation(1000, 4, { again: true });
    expect(m.syncs).toBe(measured.get(1000)!.syncs);
  }, 60_000);
});

describe("what is written", () => {
  let fake: FakeExcel;
  let out: Awaited<ReturnType<typeof recalculate>>;
  beforeAll(async () => {
    fake = province(40);
    out = await recalculate(portFor(fake), DEFAULT_CHOICES);
  });

  test("every summary sheet reads back as its spec, and the overview is active", () => {
    out.specs.forEach((spec, i) => {
      const s = fake.sheet(out.written[i]!.name);
      expect(normal(s.grid())).toEqual(specValues(spec));
    });
    expect(fake.workbook.activeId).toBe(fake.sheet(out.written[0]!.name).id);
    expect(fake.screenSuspensions).toBeGreaterThan(0);
  });

  test("number formats per column, highlights as conditional formats painting exactly the marked rows", () => {
    out.specs.forEach((spec, i) => {
      const s = fake.sheet(out.written[i]!.name);
      spec.columnFormats.forEach((f, c) => {
        for (let r = spec.dataStart; r < spec.values.length; r++) expect(s.format(r, c)).toBe(f);
      });
      const marked = spec.highlights.filter((h) => h.mark);
      expect(s.conditionalFormats).toHaveLength(marked.length);
      const want = [...new Set(marked.flatMap((h) => h.rows))].sort((a, b) => a - b);
      expect(fake.conditionallyPainted(out.written[i]!.name)).toEqual(want);
    });
  });

  test("ranked sheets: a table with filter buttons, a bar chart with the average as a line, frozen header", () => {
    const ranked = out.specs.map((s, i) => ({ s, name: out.written[i]!.name })).filter((x) => x.s.kind === "ranked");
    expect(ranked.length).toBeGreaterThan(0);
    for (const { s, name } of ranked) {
      const sheet = fake.sheet(name);
      const table = fake.workbook.tables.find((t) => t.sheet === sheet)!;
      expect(table.name).toMatch(new RegExp(`^${s.table!.name}(_\\d+)?$`));
      expect(table.showFilterButton).toBe(true);
      expect(table.range).toEqual(s.table!.range);
      const chart = sheet.charts[0]!;
      expect(chart.seriesBy).toBe("Columns");
      expect(chart.type).toBe("ColumnClustered");
      expect(chart.series[0]!.values).toEqual(s.chart!.bars.values);
      expect(chart.series[0]!.xValues).toEqual(s.chart!.categories);
      expect(chart.series[1]!.chartType).toBe("Line");
      expect(sheet.freeze).toEqual({ rows: s.freeze.rows, columns: 0 });
      expect(sheet.customProperties.get(SHEET_MARK)).toBe(s.key);
    }
  });

  test("our sheets are recorded by name and id in the document settings", () => {
    const rec = fake.settings.saved[SUMMARY_KEY] as { name: string; id: string }[];
    expect(rec.map((r) => r.name)).toEqual(out.written.map((w) => w.name));
    expect(rec.map((r) => r.id)).toEqual(out.written.map((w) => fake.sheet(w.name).id));
  });

  test("no temporary sheet is left and nothing was queued without a sync", () => {
    expect(fake.workbook.names().filter((n) => n.startsWith("~ct"))).toEqual([]);
    expect(fake.stats().unsyncedOperations).toBe(0);
  });
});

describe("text stays text", () => {
  const risky = [
    "=SUM(A1)",
    "+84912345678",
    "-",
    "-5",
    "@x",
    "\tx",
    "\rx",
    "'quoted",
    '=HYPERLINK("http://x")',
    "Xã An Bình",
    "123",
    "1/2",
    "TRUE",
    "(1)",
    "5%",
    " lề",
  ];
  const spec: SheetSpec = plainSpec({
    key: "overview",
    kind: "overview",
    name: "Tổng hợp",
    values: [["=title", "(1)", "1/2"], ["STT", "Đơn vị", "Số"], ...risky.map((t, i) => [i + 1, t, t.length]), [null, "+tổng", 3]],
    columnFormats: ["0", "@", "#,##0"],
    columnWidths: [6, 26, 12],
    dataStart: 2,
  });

  test("formula-like names read back as the same strings, and no cell holds a formula", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Data", [["x"]]);
    const port = portFor(fake);
    await port.listSheets();
    await port.writeSummary([spec]);
    const [grid] = await port.readSheets(["Tổng hợp"]);
    expect(grid!.values.slice(1).map((r) => r[1])).toEqual(["Đơn vị", ...risky, "+tổng"]);
    expect(grid!.values[0]).toEqual(["=title", "(1)", "1/2"]); // General cells, outside the text columns
    const s = fake.sheet("Tổng hợp");
    for (const row of s.cells.values()) for (const cell of row.values()) expect(cell.f).toBeUndefined();
  });

  test("the fake does turn unprotected text into formulas (so the test above can fail)", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S");
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1:E1").values = [["=SUM(A1)", "+84912345678", "1/2", "TRUE", "'=kept"]];
      await ctx.sync();
    });
    expect(fake.sheet("S").cell(0, 0)!.f).toBe("=SUM(A1)");
    expect(fake.sheet("S").grid()).toEqual([["#NAME?", 84912345678, 45001, true, "=kept"]]);
  });
});

describe("user sheets are never touched", () => {
  test("a user's sheet named like a summary survives; the summary takes another name, then is replaced in place", async () => {
    const fake = province(12);
    const userSheet = fake.addSheet("Tổng hợp chỉ tiêu", [["my own notes"], [1, 2, 3]]);
    const before = userSheet.grid();
    const first = await recalculate(portFor(fake), DEFAULT_CHOICES);
    expect(first.written[0]!.name).toBe("Tổng hợp chỉ tiêu (2)");
    expect(fake.sheet("Tổng hợp chỉ tiêu")).toBe(userSheet);
    expect(userSheet.grid()).toEqual(before);
    const count = fake.workbook.sheets.length;
    const second = await recalculate(portFor(fake), DEFAULT_CHOICES);
    expect(second.written.map((w) => w.name)).toEqual(first.written.map((w) => w.name));
    expect(fake.workbook.sheets.length).toBe(count);
    expect(userSheet.grid()).toEqual(before);
  });

  test("a sheet the user made after deleting our summary, with its name, is theirs (ids differ)", async () => {
    const fake = province(12);
    const first = await recalculate(portFor(fake), DEFAULT_CHOICES);
    const name = first.written[0]!.name;
    fake.workbook.deleteSheet(fake.sheet(name));
    const mine = fake.addSheet(name, [["mine"]]);
    await recalculate(portFor(fake), DEFAULT_CHOICES);
    expect(fake.sheet(name)).toBe(mine);
    expect(mine.grid()).toEqual([["mine"]]);
  });

  test("a user sheet with the summary's name appearing between listing and writing: retried, still untouched", async () => {
    const fake = province(12);
    const port = portFor(fake);
    const inner = fake.run;
    let runs = 0;
    const racing = new OfficeWorkbook({
      run: (batch) => {
        runs++;
        // After the read (run 2), the user adds a sheet named like the overview.
        if (runs === 3) fake.addSheet("Tổng hợp chỉ tiêu", [["typed just now"]]);
        return inner(batch);
      },
      settings: fake.settings,
      isSetSupported: fake.isSetSupported,
    });
    void port;
    const out = await recalculate(racing, DEFAULT_CHOICES);
    expect(out.written[0]!.name).toBe("Tổng hợp chỉ tiêu (2)");
    expect(fake.sheet("Tổng hợp chỉ tiêu").grid()).toEqual([["typed just now"]]);
    expect(fake.workbook.names().filter((n) => n.startsWith("~ct"))).toEqual([]);
  });

  test("without a record in the settings, sheets marked by the custom property (ExcelApi 1.12) are recognised as ours", async () => {
    const fake = province(12);
    const first = await recalculate(portFor(fake), DEFAULT_CHOICES);
    // Lost from the document, not only from this runtime's copy (the listing reads them fresh).
    const lose = () => {
      delete fake.settings.saved[SUMMARY_KEY];
      fake.settings.remove(SUMMARY_KEY);
    };
    lose();
    const second = await recalculate(portFor(fake), DEFAULT_CHOICES);
    expect(second.written.map((w) => w.name)).toEqual(first.written.map((w) => w.name));
    // Without 1.12 and without any record, they are not known as ours: the new summary takes other names, the old stay.
    const old = fake.workbook.names();
    lose();
    fake.supported.delete("1.12");
    const third = await recalculate(portFor(fake), DEFAULT_CHOICES);
    expect(third.written[0]!.name).toBe(`${first.written[0]!.name} (2)`);
    for (const n of old) expect(fake.workbook.find(n)).toBeDefined();
  });
});

describe("a failed write: the previous summary as it was, or the new one whole", () => {
  async function withPrevious(): Promise<{ fake: FakeExcel; before: unknown }> {
    const fake = province(30);
    await recalculate(portFor(fake), DEFAULT_CHOICES);
    return { fake, before: snapshot(fake) };
  }

  // Before the swap nothing of ours is touched: the previous summary stays exactly as it was.
  const before: [string, (fake: FakeExcel) => void][] = [
    ["a fault while the values are staged", (f) => f.failWhen((op) => op.name === "Range.values", "GeneralException")],
    ["a fault adding a staging sheet", (f) => f.failWhen((op) => op.name === "Worksheets.add", "GeneralException")],
    ["a rejected Excel.run", (f) => f.rejectRun(new Error("The host is busy"), { afterRuns: 2 })],
    ["a failed sync of the write", (f) => f.rejectRun(new FakeOfficeError("GeneralException", "An internal error has occurred."), { afterRuns: 2 })],
  ];

  test.each(before)("%s: nothing changed", async (_label, inject) => {
    const { fake, before } = await withPrevious();
    inject(fake);
    await expect(recalculate(portFor(fake), DEFAULT_CHOICES)).rejects.toMatchObject({ code: "write-failed" });
    expect(fake.workbook.names().filter((n) => n.startsWith("~ct"))).toEqual([]);
    expect(snapshot(fake)).toEqual(before);
  });

  // Once everything is staged a fault is finished over: the swap is written again, the look made part by part.
  const after: [string, (fake: FakeExcel) => void][] = [
    ["a fault half-way through the operations", (f) => f.failAtOperation(200 + 200)],
    ["a fault copying a staged sheet into ours", (f) => f.failWhen((op) => op.name === "Range.copyFrom", "GeneralException")],
    ["a fault emptying one of ours", (f) => f.failWhen((op) => op.name === "Range.clear", "GeneralException")],
    ["a fault adding a chart", (f) => f.failWhen((op) => op.name === "Chart.add", "GeneralException")],
    ["a fault activating the overview", (f) => f.failWhen((op) => op.name === "Worksheet.activate", "GeneralException")],
  ];

  test.each(after)("%s: the new summary, whole, in the same sheets", async (_label, inject) => {
    const { fake } = await withPrevious();
    const ids = fake.workbook.sheets.map((s) => s.id);
    inject(fake);
    const out = await recalculate(portFor(fake), DEFAULT_CHOICES);
    expect(fake.workbook.names().filter((n) => n.startsWith("~ct"))).toEqual([]);
    expect(fake.workbook.sheets.map((s) => s.id)).toEqual(ids);
    out.specs.forEach((spec, i) => expect(normal(fake.sheet(out.written[i]!.name).grid())).toEqual(specValues(spec)));
    expect(out.summary.warnings.filter((w) => w.code === "excel-decoration-failed")).toEqual([]);
  });

  test("a first write failing before its swap removes everything it made (and nothing else)", async () => {
    const fake = province(30);
    const before = snapshot(fake);
    fake.failWhen((op) => op.name === "Range.values", "GeneralException");
    await expect(recalculate(portFor(fake), DEFAULT_CHOICES)).rejects.toMatchObject({ code: "write-failed" });
    expect(snapshot(fake)).toEqual(before);
  });

  test("the message says the previous summary was kept", async () => {
    const { fake } = await withPrevious();
    fake.failWhen((op) => op.name === "Range.values", "GeneralException", "An internal error has occurred.");
    const e = (await recalculate(portFor(fake), DEFAULT_CHOICES).catch((x: unknown) => x)) as ChitieuError;
    expect(e).toBeInstanceOf(ChitieuError);
    expect(e.problem).toMatchObject({ code: "excel-write-failed", params: { cleaned: true } });
    expect(e.message).toMatch(/Các trang tính tổng hợp trước vẫn như cũ và không có gì của bạn bị thay đổi/);
  });
});

describe("payload limits", () => {
  test("a write refused for its size is retried in smaller row blocks and succeeds", async () => {
    const fake = province(1000);
    fake.payloadCap = 300 * 1024;
    const out = await recalculate(portFor(fake), DEFAULT_CHOICES);
    const s = fake.stats();
    expect(s.maxRequestBytes).toBeGreaterThan(fake.payloadCap); // the first try was refused
    out.specs.forEach((spec, i) => expect(normal(fake.sheet(out.written[i]!.name).grid())).toEqual(specValues(spec)));
    expect(fake.workbook.names().filter((n) => n.startsWith("~ct"))).toEqual([]);
  }, 60_000);

  test("a read refused for its size is retried in row blocks and gives the same grids", async () => {
    const fake = province(1000);
    const port = portFor(fake);
    const names = ["Kế hoạch", "Thực hiện", "Dân số"];
    const whole = await port.readSheets(names);
    fake.payloadCap = 20 * 1024;
    fake.resetStats();
    const blocks = await portFor(fake, 64 * 1024).readSheets(names);
    expect(blocks).toEqual(whole);
    expect(fake.stats().syncs).toBeGreaterThan(2);
    expect(fake.stats().maxResponseBytes).toBeGreaterThan(0);
  }, 60_000);

  test("a read refused even one row at a time names the sheets and what to delete", async () => {
    const fake = province(12);
    fake.payloadCap = 10;
    const e = (await portFor(fake, 1024)
      .readSheets(["Kế hoạch", "Thực hiện"])
      .catch((x: unknown) => x)) as ChitieuError;
    expect(e).toBeInstanceOf(ChitieuError);
    expect(e.code).toBe("read-failed");
    expect(e.problem).toEqual({ code: "excel-read-too-large", params: { sheets: ["Kế hoạch", "Thực hiện"] } });
    expect(e.message).toMatch(
      /^Excel không gửi được các trang tính 'Kế hoạch' và 'Thực hiện', kể cả khi chia thành từng khối nhỏ\. Xóa các hàng và cột không dùng/,
    );
  });
});

describe("sheets that change under us", () => {
  test("a sheet deleted between detection and recalculation gives a clear message naming it", async () => {
    const fake = province(12);
    const inner = fake.run;
    let runs = 0;
    const port = new OfficeWorkbook({
      run: (batch) => {
        if (++runs === 2) fake.workbook.deleteSheet(fake.sheet("Thực hiện"));
        return inner(batch);
      },
      settings: fake.settings,
      isSetSupported: fake.isSetSupported,
    });
    const e = (await recalculate(port, DEFAULT_CHOICES).catch((x: unknown) => x)) as ChitieuError;
    expect(e).toBeInstanceOf(ChitieuError);
    expect(e.code).toBe("sheet-changed");
    expect(e.sheet).toBe("Thực hiện");
    expect(e.problem).toMatchObject({ code: "sheet-gone", params: { sheets: ["Thực hiện"] }, where: { sheet: "Thực hiện" } });
    expect(e.message).toMatch(/^Trang tính 'Thực hiện' không còn trong sổ làm việc: nó đã bị đổi tên hoặc xóa/);
    expect(e.message).toMatch(/'Kế hoạch'/);
  });

  test("a sheet renamed after detection: the message names the name it had", async () => {
    const fake = province(12);
    const port = portFor(fake);
    await port.listSheets();
    fake.workbook.renameSheet(fake.sheet("Kế hoạch"), "KH cũ");
    const e = (await port.readSheets(["Kế hoạch", "Thực hiện"]).catch((x: unknown) => x)) as ChitieuError;
    expect(e).toMatchObject({ code: "sheet-changed", sheet: "Kế hoạch", problem: { code: "sheet-gone", params: { sheets: ["Kế hoạch"] } } });
    expect((e.problem.params as { have: string[] }).have).toContain("KH cũ");
    expect(e.message).toMatch(/'KH cũ'/);
  });

  test("a failed sync while reading is not mistaken for a missing sheet", async () => {
    const fake = province(12);
    fake.failNextSync("GeneralException");
    await expect(portFor(fake).readSheets(["Kế hoạch"])).rejects.toMatchObject({ code: "GeneralException" });
  });

  test("reads name real cells: the grid's origin is the used range's top-left", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Lệch", [["title"], [], ["a", 1], ["b", 2]], { row: 2, col: 1 });
    const [g] = await portFor(fake).readSheets(["Lệch"]);
    expect(g!.origin).toEqual({ row: 2, col: 1 });
    expect(g!.values).toEqual([
      ["title", ""],
      ["", ""],
      ["a", 1],
      ["b", 2],
    ]);
    const [top] = await portFor(fake).readSheets(["Lệch"], { maxRows: 2 });
    expect(top!.values).toEqual([["title", ""]]);
  });
});

describe("settings", () => {
  test("saved in the document settings and read back by a colleague opening the file", async () => {
    const fake = new FakeExcel();
    const choices = toStored({ ...DEFAULT_CHOICES, sheets: { targets: "Kế hoạch", actuals: "Thực hiện" }, rank: "dense", lang: "en" });
    await portFor(fake).saveSettings(choices);
    expect(fake.settings.saves).toBe(1);
    const reopened = new OfficeWorkbook({ run: fake.run, settings: fake.settings.reopen(), isSetSupported: fake.isSetSupported });
    expect(await reopened.loadSettings()).toEqual(parseSettings(choices));
    expect((await reopened.loadSettings())!.rank).toBe("dense");
  });

  test("nothing or garbage saved gives null, never a crash", async () => {
    const fake = new FakeExcel();
    expect(await portFor(fake).loadSettings()).toBeNull();
    fake.settings.set(SETTINGS_KEY, "{not json");
    expect(await portFor(fake).loadSettings()).toBeNull();
  });

  test("a failed settings save is reported", async () => {
    const fake = new FakeExcel();
    fake.settings.failNextSave = true;
    await expect(portFor(fake).saveSettings(toStored(DEFAULT_CHOICES))).rejects.toMatchObject({
      code: "write-failed",
      problem: { code: "settings-not-saved" },
    });
  });
});

describe("the fake behaves like Excel", () => {
  test("a property read before load and sync throws PropertyNotLoaded", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S", [[1]]);
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1");
      expect(() => r.values).toThrow(/not available/);
      r.load("values");
      expect(() => r.values).toThrow(/not available/);
      await ctx.sync();
      expect(r.values).toEqual([[1]]);
    });
  });

  test("a failure mid-batch leaves the earlier operations applied", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S");
    fake.failAtOperation(2, "GeneralException");
    await expect(
      fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("S");
        ws.getRange("A1").values = [[1]];
        ws.getRange("A2").values = [[2]];
        ws.getRange("A3").values = [[3]];
        await ctx.sync();
      }),
    ).rejects.toBeInstanceOf(FakeOfficeError);
    expect(fake.sheet("S").grid()).toEqual([[1]]);
  });

  test("merged cells read back blank except the top-left; a 1×1 number format applies to the whole range", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S");
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.getRange("A1:B2").values = [
        ["a", "b"],
        ["c", "d"],
      ];
      ws.getRange("A1:B1").merge(false);
      ws.getRange("A2:B2").numberFormat = [["0.00%"]];
      await ctx.sync();
    });
    expect(fake.sheet("S").grid()).toEqual([
      ["a", ""],
      ["c", "d"],
    ]);
    expect(fake.sheet("S").format(1, 1)).toBe("0.00%");
  });
});

describe("summary sheets written by the CLI", () => {
  test("are recognised as ours inside Excel (the hidden meta sheet), replaced in place, and the meta sheet kept up to date", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const { hauGiangWorkbook } = await import("../../scripts/lib/seeds");
    const { ExcelJsWorkbook, META_SHEET } = await import("../../src/workbook/exceljsWorkbook");
    const { fakeFromExcelJs } = await import("./fakeExcel");
    const wb = hauGiangWorkbook();
    const cli = new ExcelJsWorkbook(wb);
    const byCli = await recalculate(cli, DEFAULT_CHOICES);
    await cli.saveSettings(toStored({ ...DEFAULT_CHOICES, rank: "dense" }));
    const file = new ExcelJS.Workbook();
    await file.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const fake = fakeFromExcelJs(file);
    const port = portFor(fake);
    const list = await port.listSheets();
    expect(list.find((s) => s.name === META_SHEET)).toBeUndefined();
    expect(list.filter((s) => s.ours).map((s) => s.name)).toEqual(byCli.written.map((w) => w.name));
    expect((await port.loadSettings())!.rank).toBe("dense");
    const count = fake.workbook.sheets.length;
    fake.resetStats();
    const inExcel = await recalculate(portFor(fake), DEFAULT_CHOICES);
    expect(fake.stats().syncs).toBe(4); // once: the meta sheet is read in a second sync
    expect(inExcel.written.map((w) => w.name)).toEqual(byCli.written.map((w) => w.name));
    expect(fake.workbook.sheets.length).toBe(count);
    const meta = JSON.parse(String(fake.sheet(META_SHEET).valueAt(0, 0))) as { summarySheets: string[]; settings: { rank: string } };
    expect(meta.summarySheets).toEqual(inExcel.written.map((w) => w.name));
    expect(meta.settings.rank).toBe("dense");
    fake.resetStats();
    await recalculate(portFor(fake), DEFAULT_CHOICES);
    expect(fake.stats().syncs).toBe(3); // recorded in the document settings from then on
  });
});

test("a failed settings save after a successful write keeps the new summary (marked by its custom property)", async () => {
  const fake = province(12);
  const first = await recalculate(portFor(fake), DEFAULT_CHOICES);
  fake.settings.failNextSave = true;
  const second = await recalculate(portFor(fake), DEFAULT_CHOICES);
  expect(second.written).toEqual(first.written);
  for (const w of second.written) expect(fake.workbook.find(w.name)).toBeDefined();
  const third = await recalculate(
    new OfficeWorkbook({ run: fake.run, settings: fake.settings.reopen(), isSetSupported: fake.isSetSupported }),
    DEFAULT_CHOICES,
  );
  expect(third.written).toEqual(first.written);
});
