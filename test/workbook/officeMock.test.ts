/**
 * The Office.js adapter against office-addin-mock (Microsoft's mock of the Office.js API): the
 * mock answers a property read before load + sync with an error string, not an exception, so
 * these tests assert on the values the adapter returns and writes.
 */
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock needs only the OfficeApp names from office-addin-manifest, whose own
// dependencies are ESM under a nested node_modules that jest's transformIgnorePatterns skips.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));
import { OfficeWorkbook, SettingsStore } from "../../src/workbook/officeWorkbook";
import { SheetSpec } from "../../src/core/sheetSpec";

type Rec = { kind: string; address: number[]; value: unknown };

function settingsStore(): SettingsStore & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return { data, get: (k) => data[k] ?? null, set: (k, v) => void (data[k] = v), save: async () => undefined };
}

/** A range that records what is assigned to it. */
function recordingRange(log: Rec[], address: number[]): Record<string, unknown> {
  const rec = (kind: string) => ({
    set(this: void, v: unknown) {
      log.push({ kind, address, value: v });
    },
  });
  const r: Record<string, unknown> = {};
  Object.defineProperty(r, "values", { set: rec("values").set });
  Object.defineProperty(r, "numberFormat", { set: rec("numberFormat").set });
  const format: Record<string, unknown> = { fill: {}, font: {} };
  Object.defineProperty(format, "columnWidth", { set: rec("columnWidth").set });
  r.format = format;
  return r;
}

function mockExcel(sheets: Record<string, { values: unknown[][]; address: string }>, log: Rec[]) {
  const sheetData: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(sheets)) {
    sheetData[name] = {
      usedRange: {
        values: s.values,
        address: s.address,
        firstRows: { values: s.values.slice(0, 2), address: s.address.replace(/\d+$/, "") + "2" },
        getRow: function (this: { firstRows: unknown }) {
          return { getResizedRange: () => this.firstRows };
        },
      },
      getUsedRange: function (this: { usedRange: unknown }) {
        return this.usedRange;
      },
    };
  }
  return new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          items: Object.keys(sheets).map((name, i) => ({ name, id: `{${i}}`, visibility: "Visible" })),
          load: function (this: OfficeMockObject) {
            OfficeMockObject.prototype.load.call(this, "items");
            return this;
          },
          sheets: sheetData,
          getItem: function (name: string) {
            return (this as unknown as { sheets: Record<string, unknown> }).sheets[name];
          },
          added: { s1: { id: "{new-1}", name: "" }, marker: { id: "{marker}", name: "" } },
          add: function (name: string) {
            // The write's marker sheet ("~ct-<token>") first, then the sheet its values are staged on.
            const marker = /^~ct-[^-]+$/.test(name);
            const ws = (this as unknown as { added: Record<string, Record<string, unknown>> }).added[marker ? "marker" : "s1"]!;
            log.push({ kind: marker ? "marker" : "add", address: [], value: name });
            ws.getRangeByIndexes = (...a: number[]) => recordingRange(log, a);
            ws.freezePanes = { freezeRows: (n: number) => log.push({ kind: "freezeRows", address: [], value: n }) };
            ws.activate = () => log.push({ kind: "activate", address: [], value: null });
            ws.delete = () => log.push({ kind: marker ? "marker-delete" : "delete", address: [], value: null });
            Object.defineProperty(ws, "visibility", { set: (v: string) => void log.push({ kind: "visibility", address: [], value: v }), configurable: true });
            Object.defineProperty(ws, "name", {
              set: (v: string) => {
                log.push({ kind: marker ? "marker-rename" : "rename", address: [], value: v });
              },
              configurable: true,
            });
            return ws;
          },
        },
        tables: {
          items: [],
          load: function (this: OfficeMockObject) {
            OfficeMockObject.prototype.load.call(this, "items");
            return this;
          },
        },
        application: { calculationMode: "Automatic" },
      },
    },
  }) as unknown as { context: Excel.RequestContext };
}

describe("with office-addin-mock", () => {
  const sheets = {
    "Kế hoạch": {
      values: [
        ["KẾ HOẠCH", ""],
        ["Đơn vị", "BHYT"],
        ["Huyện A", 100],
      ],
      address: "'Kế hoạch'!B3:C5",
    },
    "Thực hiện": {
      values: [
        ["THỰC HIỆN", ""],
        ["Đơn vị", "BHYT"],
        ["Huyện A", 90],
      ],
      address: "'Thực hiện'!A1:B3",
    },
  };

  test("reads only after load and sync: values and the origin of the used range", async () => {
    const log: Rec[] = [];
    const mock = mockExcel(sheets, log);
    const port = new OfficeWorkbook({ run: (batch) => batch(mock.context), settings: settingsStore(), isSetSupported: () => false });
    const list = await port.listSheets();
    expect(list).toEqual([
      { name: "Kế hoạch", kind: "worksheet", ours: false },
      { name: "Thực hiện", kind: "worksheet", ours: false },
    ]);
    const grids = await port.readSheets(["Kế hoạch", "Thực hiện"]);
    expect(grids[0]).toEqual({ name: "Kế hoạch", values: sheets["Kế hoạch"].values, origin: { row: 2, col: 1 } });
    expect(grids[1]!.values[2]).toEqual(["Huyện A", 90]);
    expect(JSON.stringify(grids)).not.toMatch(/Error, /);
    const peek = await port.readSheets(["Thực hiện"], { maxRows: 2 });
    expect(peek[0]!.values).toEqual([
      ["THỰC HIỆN", ""],
      ["Đơn vị", "BHYT"],
    ]);
  });

  test("writes formats before values, text protected, without ExcelApi 1.9/1.12; records the sheet by its id", async () => {
    const log: Rec[] = [];
    const mock = mockExcel(sheets, log);
    const settings = settingsStore();
    const port = new OfficeWorkbook({ run: (batch) => batch(mock.context), settings, isSetSupported: () => false });
    const spec: SheetSpec = {
      key: "overview",
      kind: "overview",
      name: "Tổng hợp",
      values: [["Tổng hợp"], ["STT", "Đơn vị", "Tỷ lệ"], [1, "=cmd|' /C calc'!A0", 0.9], [2, "Huyện A", 0.8]],
      columnFormats: ["0", "@", "0.00%"],
      dataStart: 2,
      cellFormats: [],
      width: 3,
      columnWidths: [6, 26, 9],
      merges: [],
      wrap: [],
      freeze: { rows: 2, columns: 0 },
      highlights: [],
      table: null,
      chart: null,
    };
    const written = await port.writeSummary([spec]);
    expect(written).toEqual([{ key: "overview", name: "Tổng hợp" }]);
    const kinds = log.map((l) => l.kind);
    expect(kinds.indexOf("numberFormat")).toBeLessThan(kinds.indexOf("values"));
    expect(log.filter((l) => l.kind === "numberFormat").map((l) => l.value)).toEqual([[["0"]], [["@"]], [["0.00%"]]]);
    const values = log.find((l) => l.kind === "values")!;
    expect(values.address).toEqual([0, 0, 4, 3]);
    expect((values.value as unknown[][])[2]).toEqual([1, "'=cmd|' /C calc'!A0", 0.9]);
    expect((values.value as unknown[][])[0]).toEqual(["Tổng hợp", null, null]);
    expect(log.filter((l) => l.kind === "rename").map((l) => l.value)).toEqual(["Tổng hợp"]);
    // Staged hidden, shown once in place; the marker says how far the write got, and goes last.
    expect(log.filter((l) => l.kind === "visibility").map((l) => l.value)).toEqual(["Hidden", "Hidden", "Visible"]);
    expect(log.filter((l) => l.kind === "marker-rename").map((l) => String(l.value).replace(/^~ct-[^-]+/, "~ct-x"))).toEqual(["~ct-x-s", "~ct-x-d"]);
    expect(kinds[kinds.length - 1]).toBe("marker-delete");
    expect(kinds).toContain("freezeRows");
    expect(settings.data["chitieu.summarySheets"]).toEqual([{ name: "Tổng hợp", id: "{new-1}" }]);
  });
});
