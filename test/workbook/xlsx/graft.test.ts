/**
 * Grafting our sheets into a planner's package: every part of the user's other than the workbook
 * part, its relationships, the content types, docProps/app.xml and the styles stays byte-identical;
 * our styles are appended and our cells keep their look; re-runs replace only our parts and the
 * styles part does not grow; a user's sheet is never removed, whatever its name; .xlsm stays .xlsm.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SheetSpec } from "../../../src/core/sheetSpec";
import { describeOutput } from "../../../src/core/describe";
import { summarize } from "../../../src/core/summarize";
import { makeWorkload } from "../../../bench/workload";
import { ExcelJsWorkbook } from "../../../src/workbook/exceljsWorkbook";
import { buildPackage, graftSummary, markedSheets, readWorkbookParts, tableXml, zipReader } from "../../../src/workbook/xlsx/graft";
import { RECORD_MARK, SHEET_MARK, markBytes, markValue } from "../../../src/workbook/xlsx/marks";
import { appendStyles } from "../../../src/workbook/xlsx/styles";
import { openPackage } from "../../../src/workbook/xlsx/zip";
import { overviewSpec, rankedSpec, userWorkbook } from "./graftFixtures";

const EDITABLE = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "docProps/app.xml", "xl/styles.xml"]);

async function entries(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Uint8Array>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async("uint8array"));
  return out;
}

async function run(
  bytes: Uint8Array,
  specs: readonly SheetSpec[] | null,
  settings: unknown = null,
): Promise<{ bytes: Uint8Array; written: { key: string; name: string }[]; record: string }> {
  const pkg = zipReader(await JSZip.loadAsync(bytes));
  const r = await graftSummary(pkg, specs, { summarySheets: [], settings: settings as never });
  return { bytes: await buildPackage(bytes, r.changes), written: r.written, record: r.recordSheet };
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

function expectUserPartsKept(before: Map<string, Uint8Array>, after: Map<string, Uint8Array>): void {
  for (const [path, content] of before) {
    if (EDITABLE.has(path)) continue;
    expect({ path, present: after.has(path) }).toEqual({ path, present: true });
    expect({ path, same: Buffer.compare(Buffer.from(after.get(path)!), Buffer.from(content)) === 0 }).toEqual({ path, same: true });
  }
}

describe("graftSummary + buildPackage", () => {
  it("keeps every other part of the user's byte-identical and adds our sheets, marked", async () => {
    const input = await userWorkbook();
    const out = await run(input, [overviewSpec(), rankedSpec("Xếp hạng BHYT", "ranked:bhyt:coverage")]);
    const before = await entries(input);
    const after = await entries(out.bytes);
    expectUserPartsKept(before, after);
    const wb = await load(out.bytes);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["KH", "visible"],
      ["TH", "visible"],
      ["Năm trước", "hidden"],
      ["Khóa", "visible"],
      ["Tổng hợp", "visible"],
      ["Xếp hạng BHYT", "visible"],
      ["_ChiTieu", "veryHidden"],
    ]);
    expect(out.written).toEqual([
      { key: "overview", name: "Tổng hợp" },
      { key: "ranked:bhyt:coverage", name: "Xếp hạng BHYT" },
    ]);
    expect(wb.getWorksheet("Xếp hạng BHYT")!.getCell("B4").value).toBe("Huyện A0");
    expect(wb.getWorksheet("Xếp hạng BHYT")!.getCell("A1").value).toBe("Xếp hạng tỷ lệ & <BHYT>");
    expect(JSON.parse(String(wb.getWorksheet("_ChiTieu")!.getCell("A1").value))).toEqual({ summarySheets: ["Tổng hợp", "Xếp hạng BHYT"], settings: null });
    // Each of ours carries the mark; the record carries "record".
    const parts = await readWorkbookParts(zipReader(await JSZip.loadAsync(out.bytes)));
    await markedSheets(zipReader(await JSZip.loadAsync(out.bytes)), parts);
    expect(parts.sheets.map((s) => s.mark?.value ?? null)).toEqual([null, null, null, null, "overview", "ranked:bhyt:coverage", RECORD_MARK]);
    // The user's shared strings are not ours to extend: our text is inline.
    expect(new TextDecoder().decode(after.get("xl/sharedStrings.xml"))).not.toContain("Huyện A0");
  });

  it("appends our styles to the user's and remaps our cells: each keeps its look", async () => {
    const specs = [overviewSpec(), rankedSpec("Xếp hạng BHYT", "ranked:bhyt:coverage")];
    const scratch = new ExcelJS.Workbook();
    await new ExcelJsWorkbook(scratch).writeSummary(specs);
    const want = await load(new Uint8Array((await scratch.xlsx.writeBuffer()) as ArrayBuffer));
    const input = await userWorkbook();
    const got = await load((await run(input, specs)).bytes);
    for (const name of ["Tổng hợp", "Xếp hạng BHYT"]) {
      for (const addr of ["A1", "C1", "C2", "A3", "B3", "A4", "B4", "C4", "D4", "A6", "C6", "D6"]) {
        const a = want.getWorksheet(name)!.getCell(addr);
        const b = got.getWorksheet(name)!.getCell(addr);
        const look = (c: ExcelJS.Cell) => ({
          addr,
          bold: c.font?.bold ?? false,
          colour: c.font?.color?.argb ?? null,
          fill: (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb ?? null,
          numFmt: c.numFmt ?? null,
          wrap: c.alignment?.wrapText ?? false,
        });
        expect(look(b)).toEqual(look(a));
      }
    }
    // The user's own cells keep theirs.
    const kh = got.getWorksheet("KH")!;
    expect(kh.getCell("A1").font).toMatchObject({ name: "Times New Roman", size: 13, bold: true, italic: true });
    expect(kh.getCell("B2").numFmt).toBe("#,##0.000");
    expect((kh.getCell("B2").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FF92D050");
  });

  it("ten re-runs: the user's parts stay byte-identical, the package and the styles part do not grow", async () => {
    const input = await userWorkbook();
    const before = await entries(input);
    const specs = [overviewSpec(), rankedSpec("Xếp hạng BHYT", "ranked:bhyt:coverage"), rankedSpec("Xếp hạng BHXH", "ranked:bhxh:coverage")];
    let bytes = input;
    const sizes: number[] = [];
    const styles: string[] = [];
    const names: string[][] = [];
    for (let k = 0; k < 10; k++) {
      bytes = (await run(bytes, specs)).bytes;
      const e = await entries(bytes);
      sizes.push(e.size);
      styles.push(new TextDecoder().decode(e.get("xl/styles.xml")));
      names.push([...e.keys()].sort());
      expectUserPartsKept(before, e);
    }
    expect(new Set(sizes).size).toBe(1);
    expect(new Set(styles).size).toBe(1);
    expect(new Set(names.map((n) => n.join("|"))).size).toBe(1);
    const wb = await load(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["KH", "TH", "Năm trước", "Khóa", "Tổng hợp", "Xếp hạng BHYT", "Xếp hạng BHXH", "_ChiTieu"]);
  });

  it("a re-run with fewer sheets removes the others with their charts; the record alone keeps our sheets", async () => {
    const input = await userWorkbook();
    const first = await run(input, [overviewSpec(), rankedSpec("Xếp hạng BHYT", "ranked:bhyt:coverage"), rankedSpec("Xếp hạng BHXH", "ranked:bhxh:coverage")]);
    const second = await run(first.bytes, [overviewSpec(), rankedSpec("Xếp hạng BHYT", "ranked:bhyt:coverage")]);
    const e = await entries(second.bytes);
    expect([...e.keys()].filter((p) => p.startsWith("xl/charts/"))).toEqual(["xl/charts/chart1.xml"]);
    expect((await load(second.bytes)).worksheets.map((w) => w.name)).toEqual(["KH", "TH", "Năm trước", "Khóa", "Tổng hợp", "Xếp hạng BHYT", "_ChiTieu"]);
    const third = await run(second.bytes, null, { version: 1 });
    expect(third.written).toEqual(second.written);
    const wb = await load(third.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["KH", "TH", "Năm trước", "Khóa", "Tổng hợp", "Xếp hạng BHYT", "_ChiTieu"]);
    expect(JSON.parse(String(wb.getWorksheet("_ChiTieu")!.getCell("A1").value)).settings).toEqual({ version: 1 });
  });

  it("never removes a user's sheet: names taken by the user's sheets are left to them, our record included", async () => {
    const input = await userWorkbook({ extraSheets: ["Tổng hợp", "_chitieu"] });
    const first = await run(input, [overviewSpec()]);
    expect(first.written).toEqual([{ key: "overview", name: "Tổng hợp (2)" }]);
    expect(first.record).toBe("_ChiTieu (2)");
    // A planner who deletes our sheet and writes their own under its name keeps theirs.
    const again = await run(first.bytes, [overviewSpec()]);
    const wb = await load(again.bytes);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["KH", "visible"],
      ["TH", "visible"],
      ["Năm trước", "hidden"],
      ["Khóa", "visible"],
      ["Tổng hợp", "visible"],
      ["_chitieu", "visible"],
      ["Tổng hợp (2)", "visible"],
      ["_ChiTieu (2)", "veryHidden"],
    ]);
    expect(wb.getWorksheet("_chitieu")!.getCell("A1").value).toBe("của người dùng");
    expect(wb.getWorksheet("Tổng hợp")!.getCell("A1").value).toBe("của người dùng");
  });

  it("keeps an .xlsm an .xlsm: the macro project and the workbook's content type untouched", async () => {
    const zip = await JSZip.loadAsync(await userWorkbook());
    const vba = new Uint8Array(4096).map((_, i) => (i * 7919) & 0xff);
    zip.file("xl/vbaProject.bin", vba);
    const ct = (await zip.file("[Content_Types].xml")!.async("string"))
      .replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
      .replace('<Default Extension="xml"', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="xml"');
    zip.file("[Content_Types].xml", ct);
    const rels = (await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).replace(
      "</Relationships>",
      '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    );
    zip.file("xl/_rels/workbook.xml.rels", rels);
    const input = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const out = await run(input, [overviewSpec(), rankedSpec("Xếp hạng BHYT", "ranked:bhyt:coverage")]);
    const e = await entries(out.bytes);
    expect(Buffer.compare(Buffer.from(e.get("xl/vbaProject.bin")!), Buffer.from(vba))).toBe(0);
    const outCt = new TextDecoder().decode(e.get("[Content_Types].xml"));
    expect(outCt).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>');
    // Our mark parts are .bin too: each has its own override, not the VBA default.
    expect(outCt).toContain(
      '<Override PartName="/xl/customProperty1.bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.customProperty"/>',
    );
    expect(new TextDecoder().decode(e.get("xl/_rels/workbook.xml.rels"))).toContain('Id="rIdVba"');
  });

  it("re-indexes names local to a sheet and drops those of our removed sheets", async () => {
    const first = await run(await userWorkbook(), [overviewSpec(), rankedSpec("Xếp hạng BHYT", "ranked:bhyt:coverage")]);
    // The planner adds a sheet after ours, with a print area (a name local to it), and Excel
    // added a filter name local to our ranked sheet.
    const zip = await JSZip.loadAsync(first.bytes);
    let wbXml = await zip.file("xl/workbook.xml")!.async("string");
    const kh = /<sheet [^>]*name="KH"[^>]*\/>/.exec(wbXml)![0];
    const rid = /r:id="([^"]+)"/.exec(kh)![1];
    wbXml = wbXml.replace("</sheets>", `<sheet name="Sau" sheetId="99" r:id="${rid}"/></sheets>`);
    wbXml = wbXml.replace(
      "</definedNames>",
      `<definedName name="_xlnm._FilterDatabase" localSheetId="5" hidden="1">'Xếp hạng BHYT'!$A$3:$D$6</definedName><definedName name="_xlnm.Print_Area" localSheetId="7">Sau!$A$1:$B$2</definedName></definedNames>`,
    );
    zip.file("xl/workbook.xml", wbXml);
    const edited = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const again = await run(edited, [overviewSpec(), rankedSpec("Xếp hạng BHYT", "ranked:bhyt:coverage")]);
    const out = new TextDecoder().decode((await entries(again.bytes)).get("xl/workbook.xml"));
    expect(out).not.toContain("_xlnm._FilterDatabase");
    expect(out).toContain('<definedName name="_xlnm.Print_Area" localSheetId="4">Sau!$A$1:$B$2</definedName>');
    expect([...out.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual([
      "KH",
      "TH",
      "Năm trước",
      "Khóa",
      "Sau",
      "Tổng hợp",
      "Xếp hạng BHYT",
      "_ChiTieu",
    ]);
  });
});

describe("marks", () => {
  it("writes the value as UTF-16LE and reads it back", () => {
    expect(markValue(markBytes("ranked:bhyt:coverage"))).toBe("ranked:bhyt:coverage");
    expect([...markBytes("Ắ")]).toEqual([0xae, 0x1e]);
    expect(SHEET_MARK).toBe("ChiTieuSummary");
  });
});

describe("appendStyles", () => {
  const scratch =
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts count="2"><font><sz val="11"/></font><font><b/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFCE4D6"/></patternFill></fill></fills><borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="1" fillId="2" borderId="0" xfId="0"/></cellXfs><dxfs count="1"><dxf><font><b/></font></dxf></dxfs></styleSheet>';
  it("gives new number formats ids no one uses, reuses an equal format, and works in a prefixed part", () => {
    const user =
      '<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:numFmts count="2"><x:numFmt numFmtId="164" formatCode="#,##0"/><x:numFmt numFmtId="170" formatCode="dd/mm"/></x:numFmts><x:fonts count="1"><x:font><x:sz val="13"/></x:font></x:fonts><x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills><x:borders count="1"><x:border/></x:borders><x:cellXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></x:cellXfs></x:styleSheet>';
    const { xml, maps } = appendStyles(user, scratch);
    expect(maps.xf).toEqual([0, 1]);
    expect(maps.dxf).toEqual([0]);
    expect(xml).toContain('<x:numFmt numFmtId="171" formatCode="0.0%"/>');
    expect(xml).toContain('<x:xf numFmtId="171" fontId="1" fillId="2" borderId="0" xfId="0"/>');
    // Our bold font takes the user's default size (its typeface too, when it names one).
    expect(xml).toContain('<x:fonts count="2"><x:font><x:sz val="13"/></x:font><x:font><x:b/><x:sz val="13"/></x:font></x:fonts>');
    expect(xml).toContain('<x:dxfs count="1"><x:dxf><x:font><x:b/></x:font></x:dxf></x:dxfs></x:styleSheet>');
    // Appending again to the result appends nothing.
    const again = appendStyles(xml, scratch);
    expect(again.xml).toBe(xml);
    expect(again.maps).toEqual(maps);
  });
});

describe("our tables", () => {
  it("gives each ranked sheet a table with filter buttons, named apart from the user's tables and names", async () => {
    const input = await userWorkbook();
    const a = { ...rankedSpec("Xếp hạng BHYT", "ranked:bhyt"), table: { range: { row: 2, col: 0, rows: 4, cols: 4 }, name: "T1" } };
    const b = { ...rankedSpec("Xếp hạng BHXH", "ranked:bhxh"), table: { range: { row: 2, col: 0, rows: 4, cols: 4 }, name: "TongKH" } };
    let bytes = input;
    for (let k = 0; k < 3; k++) bytes = (await run(bytes, [overviewSpec(), a, b])).bytes;
    const zip = await JSZip.loadAsync(bytes);
    const tables: { name: string; id: string; ref: string }[] = [];
    for (const p of Object.keys(zip.files)
      .filter((p) => p.startsWith("xl/tables/") && !zip.files[p]!.dir)
      .sort()) {
      const open = /<table\b[^>]*>/.exec(await zip.file(p)!.async("string"))![0];
      tables.push({ name: /\sname="([^"]*)"/.exec(open)![1]!, id: /\sid="([^"]*)"/.exec(open)![1]!, ref: /\sref="([^"]*)"/.exec(open)![1]! });
    }
    expect(tables).toEqual([
      { name: "T1", id: "1", ref: "A1:B3" },
      { name: "T1_2", id: "2", ref: "A3:D6" },
      { name: "TongKH_2", id: "3", ref: "A3:D6" },
    ]);
    const sheet = await zip.file("xl/worksheets/sheet6.xml")!.async("string");
    expect(sheet).not.toContain("<autoFilter");
    expect(sheet).toMatch(/<tableParts count="1"><tablePart r:id="[^"]+"\/><\/tableParts><\/worksheet>$/);
    const wb = await load(bytes);
    expect(wb.getWorksheet("Xếp hạng BHYT")!.getCell("B4").value).toBe("Huyện A0");
  });
});

describe("our sheets written from their descriptions", () => {
  it("every cell of the engine's sheets has the value and the look exceljs gives it (the adapter the files used)", async () => {
    const w = makeWorkload(60, 8);
    const specs = describeOutput(summarize({ targets: w.targets, actuals: w.actuals, base: w.base }));
    const scratch = new ExcelJS.Workbook();
    const written = await new ExcelJsWorkbook(scratch).writeSummary(specs);
    const want = await load(new Uint8Array((await scratch.xlsx.writeBuffer()) as ArrayBuffer));
    const got = await load((await run(await userWorkbook(), specs)).bytes);
    const merged = (ws: ExcelJS.Worksheet, r: number, c: number) => ws.getCell(r, c).isMerged && ws.getCell(r, c).master.address !== ws.getCell(r, c).address;
    let compared = 0;
    for (const { name } of written) {
      const a = want.getWorksheet(name)!;
      const b = got.getWorksheet(name)!;
      expect({ name, rows: b.rowCount }).toEqual({ name, rows: a.rowCount });
      for (let r = 1; r <= a.rowCount; r++) {
        for (let c = 1; c <= Math.max(a.columnCount, b.columnCount); c++) {
          if (merged(a, r, c)) continue;
          const look = (ws: ExcelJS.Worksheet) => {
            const x = ws.getCell(r, c);
            return {
              at: `${name}!${x.address}`,
              v: x.value ?? null,
              bold: x.font?.bold ?? false,
              colour: x.font?.color?.argb ?? null,
              fill: (x.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb ?? null,
              numFmt: x.numFmt ?? null,
              wrap: x.alignment?.wrapText ?? false,
            };
          };
          const [x, y] = [look(a), look(b)];
          if (JSON.stringify(x) !== JSON.stringify(y)) expect(y).toEqual(x);
          compared++;
        }
      }
      expect(a.getColumn(2).width).toBe(b.getColumn(2).width);
      expect(b.views[0]).toMatchObject({ state: "frozen", ySplit: (a.views[0] as ExcelJS.WorksheetViewFrozen).ySplit ?? 0 });
      expect(b.model.merges.sort()).toEqual(a.model.merges.sort());
    }
    expect(compared).toBeGreaterThan(1000);
  });
});

describe("a file the exceljs adapter wrote (before marks)", () => {
  it("replaces its record sheet, and its summary sheets only when the caller names them", async () => {
    const old = new ExcelJS.Workbook();
    old.addWorksheet("KH").getCell("A1").value = "Kế hoạch";
    await new ExcelJsWorkbook(old).writeSummary([overviewSpec()]);
    const input = new Uint8Array((await old.xlsx.writeBuffer()) as ArrayBuffer);
    const pkg = zipReader(await JSZip.loadAsync(input));
    const kept = await graftSummary(pkg, [overviewSpec()], { summarySheets: [], settings: null });
    expect(kept.written).toEqual([{ key: "overview", name: "Tổng hợp (2)" }]);
    expect(kept.recordSheet).toBe("_ChiTieu");
    expect((await load(await buildPackage(input, kept.changes))).worksheets.map((w) => [w.name, w.state])).toEqual([
      ["KH", "visible"],
      ["Tổng hợp", "visible"],
      ["Tổng hợp (2)", "visible"],
      ["_ChiTieu", "veryHidden"],
    ]);
    const replaced = await graftSummary(pkg, [overviewSpec()], { summarySheets: [], settings: null }, { legacySummaries: ["Tổng hợp"] });
    expect(replaced.written).toEqual([{ key: "overview", name: "Tổng hợp" }]);
    expect((await load(await buildPackage(input, replaced.changes))).worksheets.map((w) => w.name)).toEqual(["KH", "Tổng hợp", "_ChiTieu"]);
  });
});

describe("workbook parts as other tools write them", () => {
  it("gives a workbook with no styles part ours, related and typed", async () => {
    const zip = await JSZip.loadAsync(await userWorkbook());
    zip.remove("xl/styles.xml");
    zip.file(
      "xl/_rels/workbook.xml.rels",
      (await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).replace(/<Relationship [^>]*Target="styles.xml"\/>/, ""),
    );
    zip.file("[Content_Types].xml", (await zip.file("[Content_Types].xml")!.async("string")).replace(/<Override PartName="\/xl\/styles.xml"[^>]*\/>/, ""));
    const input = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const out = await run(input, [rankedSpec("Xếp hạng BHYT", "ranked:bhyt")]);
    const e = await entries(out.bytes);
    expect(new TextDecoder().decode(e.get("xl/_rels/workbook.xml.rels"))).toMatch(/relationships\/styles" Target="styles.xml"/);
    expect(new TextDecoder().decode(e.get("[Content_Types].xml"))).toContain(
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
    );
    const cell = (await load(out.bytes)).getWorksheet("Xếp hạng BHYT")!.getCell("A3");
    expect(cell.font).toMatchObject({ bold: true, color: { argb: "FF1F3864" } });
  });

  it("extends a workbook part written with a namespace prefix (as the Open XML SDK writes it)", async () => {
    const zip = await JSZip.loadAsync(await userWorkbook());
    const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const wbXml = (await zip.file("xl/workbook.xml")!.async("string"))
      .replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, (m, slash: string, name: string) => (name.includes(":") ? m : `<${slash}x:${name}`))
      .replace(`xmlns="${main}"`, `xmlns:x="${main}"`);
    zip.file("xl/workbook.xml", wbXml);
    const input = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const first = await run(input, [overviewSpec()]);
    const again = await run(first.bytes, [overviewSpec()]);
    const out = new TextDecoder().decode((await entries(again.bytes)).get("xl/workbook.xml"));
    expect([...out.matchAll(/<x:sheet [^>]*name="([^"]+)"[^>]*\/>/g)].map((m) => m[1])).toEqual(["KH", "TH", "Năm trước", "Khóa", "Tổng hợp", "_ChiTieu"]);
    expect(out).not.toMatch(/<sheet /);
  });
});

describe("the corpus, through the package reader", () => {
  const dir = path.join(__dirname, "../../fixtures/corpus");
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.xls[xm]$/.test(f)) : [];
  (files.length > 0 ? it : it.skip)(
    "keeps every part of each corpus workbook but the five we extend, twice over",
    async () => {
      for (const f of files) {
        const input = new Uint8Array(fs.readFileSync(path.join(dir, f)));
        let bytes: Uint8Array = input;
        for (let k = 0; k < 2; k++) {
          const r = await graftSummary(await openPackage(bytes, { file: f }), [overviewSpec(), rankedSpec("Xếp hạng BHYT", "ranked:bhyt")], {
            summarySheets: [],
            settings: null,
          });
          bytes = await buildPackage(bytes, r.changes);
        }
        const before = await entries(input);
        const after = await entries(bytes);
        const changed = [...before.keys()].filter((p) => !after.has(p) || Buffer.compare(Buffer.from(after.get(p)!), Buffer.from(before.get(p)!)) !== 0);
        expect({ f, changed: changed.filter((p) => !EDITABLE.has(p)) }).toEqual({ f, changed: [] });
      }
    },
    120_000,
  );
});

describe("tableXml", () => {
  const spec = rankedSpec("Xếp hạng BHYT", "ranked:bhyt");
  it("makes a table over header and data when Excel can take the header as column names", () => {
    const xml = tableXml(spec, 7, "ChiTieu_1")!;
    expect(xml).toContain('id="7" name="ChiTieu_1" displayName="ChiTieu_1" ref="A3:D6"');
    expect(xml).toContain('<tableColumn id="2" name="Đơn vị"/>');
  });
  it("makes none over a merged cell, repeated or empty headers, or a name that is a cell reference", () => {
    expect(tableXml({ ...spec, merges: [{ row: 4, col: 1, rows: 1, cols: 2 }] }, 1, "T")).toBeNull();
    expect(tableXml({ ...spec, values: [[], [], ["Hạng", "Tỷ lệ", "tỷ lệ", "x"], [1, "a", 1, 1]] }, 1, "T")).toBeNull();
    expect(tableXml({ ...spec, values: [[], [], ["Hạng", "", "Tỷ lệ", "x"], [1, "a", 1, 1]] }, 1, "T")).toBeNull();
    expect(tableXml(spec, 1, "AB12")).toBeNull();
    expect(tableXml(spec, 1, "Xếp hạng")).toBeNull();
  });
});
