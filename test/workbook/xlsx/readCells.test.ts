/**
 * The package reader on hand-written parts: every kind of cell exceljs knows, read as exceljs
 * reads it (its quirks included: a formula cached as 0 is null, style 0 is never a date, t="str"
 * decoded twice); and what exceljs cannot read (prefixed XML, rows without r, other part names,
 * overlapping merges, a shared string out of range, a damaged styles part), read sanely.
 */
import { ChitieuError } from "../../../src/core/errors";
import { openPackage } from "../../../src/workbook/xlsx/zip";
import { readWorkbook } from "../../../src/workbook/xlsx/workbookPart";
import { readGrid, readWarnings, isDateFormat } from "../../../src/workbook/xlsx/sheetReader";
import { codes } from "../../helpers/messages";
import { packageOf, rawZip, stylesXml, worksheetXml } from "../../helpers/xlsxBuild";
import { readWithExcelJs, readWithPackage } from "../../helpers/xlsxRead";

const STYLES = stylesXml(
  [
    { id: 164, code: "dd/mm/yyyy" },
    { id: 165, code: '#,##0 "ngày"' },
    { id: 166, code: "0\\d" },
    { id: 167, code: "[h]:mm" },
    { id: 168, code: "[$-42A]#,##0" },
  ],
  // xf 0 is a date format on purpose: exceljs never reads style 0 as a date.
  [14, 164, 165, 166, 167, 168, 0, 3],
);

const SST = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<si><t>Huyện Vị Thủy</t></si>
<si><r><rPr><b/></rPr><t>Tổng </t></r><r><t xml:space="preserve">cộng</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si>
<si><t>line_x000D_break</t></si>
<si><t/></si>
<si><t>a &amp; b</t></si>
</sst>`;

const CELLS = worksheetXml(
  [
    `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>`,
    // numbers under each style: 0 (date fmt, never a date), 1..5
    `<row r="2"><c r="A2" s="0"><v>45000</v></c><c r="B2" s="1"><v>45000</v></c><c r="C2" s="2"><v>45000</v></c><c r="D2" s="3"><v>45000</v></c><c r="E2" s="4"><v>0.5</v></c><c r="F2" s="5"><v>45000</v></c><c r="G2" s="6"><v>7</v></c></row>`,
    // formulas: 0, false, "" cached (0, false and null: exceljs mended, test/helpers/xlsxRead.ts), a string decoded twice, an error, a date result, none cached
    `<row r="3"><c r="A3"><f>B3-B3</f><v>0</v></c><c r="B3" t="b"><f>1=2</f><v>0</v></c><c r="C3" t="str"><f>""</f><v></v></c><c r="D3" t="str"><f>"x"</f><v>a &amp;lt; b</v></c><c r="E3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="F3" s="1"><f>TODAY()</f><v>45001</v></c><c r="G3"><f>A1</f></c><c r="H3" s="1"><f>0</f><v>0</v></c></row>`,
    // shared formula master and slave; an array formula
    `<row r="4"><c r="A4"><f t="shared" ref="A4:A5" si="0">B4*2</f><v>10</v></c><c r="B4"><v>5</v></c><c r="C4"><f t="array" ref="C4">SUM(B4)</f><v>5</v></c></row>`,
    `<row r="5"><c r="A5"><f t="shared" si="0"/><v>12</v></c><c r="B5"><v>6</v></c></row>`,
    // inline strings (plain, rich, _x escapes kept raw in plain), booleans, errors, t="n", t="str" without formula
    `<row r="6"><c r="A6" t="inlineStr"><is><t>Xã _x0041_</t></is></c><c r="B6" t="inlineStr"><is><r><t>P</t></r><r><t>_x0042_</t></r></is></c><c r="C6" t="b"><v>1</v></c><c r="D6" t="e"><v>#N/A</v></c><c r="E6" t="n"><v>-1.5e3</v></c><c r="F6" t="str"><v>&amp;amp;</v></c></row>`,
    // styled blanks widen a row; an unstyled empty <c> does not; a row of styled blanks only is []
    `<row r="7"><c r="A7"><v>1</v></c><c r="B7" s="7"/><c r="C7" s="7"/><c r="E7"/></row>`,
    `<row r="8"><c r="A8" s="7"/><c r="B8" s="7"/></row>`,
    // rows out of order, a row with a gap
    `<row r="11"><c r="B11"><v>11</v></c></row>`,
    `<row r="10"><c r="C10"><v>10</v></c></row>`,
    // hyperlinks: on an empty unstyled cell (becomes a null cell of the row), on a formula cached as 0 (shows 0)
    `<row r="12"><c r="A12"><v>12</v></c><c r="C12"/><c r="D12"><f>A12-A12</f><v>0</v></c></row>`,
    // merges: a title over A14:D14 with B14..D14 absent; a block A16:B17; one to a styled blank
    `<row r="14"><c r="A14" t="s"><v>0</v></c></row>`,
    `<row r="16"><c r="A16"><v>16</v></c><c r="B16"><v>99</v></c></row>`,
    `<row r="18"><c r="A18"><v>18</v></c><c r="E18" s="7"/></row>`,
  ].join(""),
  `<mergeCells count="3"><mergeCell ref="A14:D14"/><mergeCell ref="A16:B17"/><mergeCell ref="C18:E18"/></mergeCells><hyperlinks><hyperlink ref="C12" r:id="rId1"/><hyperlink ref="D12" r:id="rId1"/><hyperlink ref="A1" location="'Thực hiện'!A1"/></hyperlinks>`,
);

const CELL_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://bhxh.example.vn/" TargetMode="External"/></Relationships>`;

describe("every kind of cell, as exceljs reads it", () => {
  for (const date1904 of [false, true]) {
    test(`cells, formulas, strings, styles, hyperlinks, merges${date1904 ? " (1904 dates)" : ""}: the same grid as exceljs, whole and peeked`, async () => {
      const bytes = packageOf({
        sheets: [
          { name: "Thực hiện", xml: CELLS, rels: CELL_RELS },
          { name: "Trống", xml: worksheetXml("") },
        ],
        sharedStrings: SST,
        styles: STYLES,
        date1904,
      });
      for (const options of [{}, { maxRows: 3 }, { maxRows: 12 }, { maxRows: 17 }]) {
        const want = await readWithExcelJs(bytes, options);
        const got = await readWithPackage(bytes, options);
        expect({ options, got }).toEqual({ options, got: want });
      }
    });
  }

  test("what that grid holds (so the parity above cannot pass on two empty grids)", async () => {
    const bytes = packageOf({ sheets: [{ name: "Thực hiện", xml: CELLS, rels: CELL_RELS }], sharedStrings: SST, styles: STYLES });
    const g = (await readWithPackage(bytes)).grids[0]!.values;
    expect(g[0]).toEqual(["Huyện Vị Thủy", "Tổng cộng", "line\rbreak", "", "a & b"]);
    expect(g[1]).toEqual([45000, "2023-03-15", 45000, "2023-03-15", "1899-12-30", 45000, 7]);
    // Cached 0, FALSE and "" as Excel gives them (exceljs reads null); G3 was never calculated.
    expect(g[2]).toEqual([0, false, null, "a < b", "#DIV/0!", "2023-03-16", null, "1899-12-30"]);
    expect((await readWithPackage(bytes, {}, true)).grids[0]!.uncalculated).toEqual(["G3"]);
    expect((await readWithPackage(bytes, { maxRows: 2 }, true)).grids[0]!.uncalculated).toBeUndefined();
    expect(g[3]).toEqual([10, 5, 5]);
    expect(g[4]).toEqual([12, 6]);
    expect(g[5]).toEqual(["Xã _x0041_", "PB", true, "#N/A", -1500, "&"]);
    expect(g[6]).toEqual([1, null, null]);
    expect(g[7]).toEqual([]);
    expect(g[9]).toEqual([null, null, 10]);
    expect(g[10]).toEqual([null, 11]);
    expect(g[11]).toEqual([12, null, null, 0]);
    expect(g[13]).toEqual(["Huyện Vị Thủy", "Huyện Vị Thủy", "Huyện Vị Thủy", "Huyện Vị Thủy"]);
    expect(g[15]).toEqual([16, 16]);
    expect(g[16]).toEqual([16, 16]);
    expect(g[17]).toEqual([18, null, null, null, null]);
    // (C18 is empty: the merge repeats its null; the row was wide already through the styled E18.)
    expect(g.length).toBe(18);
  });

  test("date formats as exceljs tells them (escaped letters count, bracketed and quoted text does not)", () => {
    expect(["dd/mm/yyyy", "mm-dd-yy", "[h]:mm", "0\\d".replace(/[\\](.)/g, "$1"), "h:mm AM/PM"].map(isDateFormat)).toEqual([true, true, true, true, true]);
    expect(['#,##0 "ngày"', "[$-42A]#,##0", "General", "0.00%", "@", undefined].map(isDateFormat)).toEqual([false, false, false, false, false, false]);
  });
});

describe("what exceljs cannot read, read sanely", () => {
  test("parts with a namespace prefix (x:worksheet, x:sst), any part names, rows and cells without r", async () => {
    const sheet = `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c t="s"><x:v>0</x:v></x:c><x:c><x:v>5</x:v></x:c></x:row><x:row><x:c r="B2"><x:v>7</x:v></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="A2:A2"/></x:mergeCells></x:worksheet>`;
    const sst = `<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:si><x:t>Đơn vị</x:t></x:si></x:sst>`;
    const bytes = rawZip([
      {
        name: "[Content_Types].xml",
        data: `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
      },
      {
        name: "_rels/.rels",
        data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/data/book.xml"/></Relationships>`,
      },
      {
        name: "data/book.xml",
        data: `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="Số liệu" sheetId="1" r:id="a"/></x:sheets></x:workbook>`,
      },
      {
        name: "data/_rels/book.xml.rels",
        data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="sheets/Data%20One.xml"/><Relationship Id="b" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/></Relationships>`,
      },
      { name: "data/sheets/Data One.xml", data: sheet },
      { name: "data/strings.xml", data: sst },
    ]);
    const got = await readWithPackage(bytes);
    expect(got).toEqual({
      names: ["Số liệu"],
      grids: [
        {
          name: "Số liệu",
          values: [
            ["Đơn vị", 5],
            [null, 7],
          ],
          origin: { row: 0, col: 0 },
        },
      ],
    });
  });

  test("overlapping merges (exceljs refuses the file): the first stands", async () => {
    const xml = worksheetXml(
      `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c><c r="B2"><v>4</v></c></row>`,
      `<mergeCells><mergeCell ref="A1:B1"/><mergeCell ref="B1:B2"/></mergeCells>`,
    );
    const bytes = packageOf({ sheets: [{ name: "KH", xml }] });
    await expect(readWithExcelJs(bytes)).rejects.toThrow(/merge/i);
    expect((await readWithPackage(bytes)).grids[0]!.values).toEqual([
      [1, 1],
      [3, 4],
    ]);
  });

  test("a shared string out of range (exceljs throws) reads as null", async () => {
    const xml = worksheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>9</v></c></row>`);
    const bytes = packageOf({ sheets: [{ name: "KH", xml }], sharedStrings: ["một"] });
    await expect(readWithExcelJs(bytes)).rejects.toThrow();
    expect((await readWithPackage(bytes)).grids[0]!.values).toEqual([["một", null]]);
  });

  test("a merge reaching past the sheet's cells stops at them (exceljs makes rows down to the merge's end)", async () => {
    const xml = worksheetXml(
      `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c></row>`,
      `<mergeCells><mergeCell ref="B1:B6"/></mergeCells>`,
    );
    const bytes = packageOf({ sheets: [{ name: "KH", xml }] });
    expect((await readWithExcelJs(bytes)).grids[0]!.values).toEqual([
      [1, 2],
      [3, 2],
      [null, 2],
      [null, 2],
      [null, 2],
      [null, 2],
    ]);
    expect((await readWithPackage(bytes)).grids[0]!.values).toEqual([
      [1, 2],
      [3, 2],
    ]);
  });

  test("a damaged styles part is a warning naming it, not a failure; a damaged sheet part read is a bad-file error naming the sheet", async () => {
    const bytes = packageOf({
      sheets: [
        { name: "KH", xml: worksheetXml(`<row r="1"><c r="A1" s="1"><v>45000</v></c></row>`) },
        { name: "Hỏng", xml: worksheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>`).replace("</sheetData>", "<row></sheetData>") },
      ],
      styles: `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs><xf numFmtId="14"/><xf numFmtId="14"/></cellXfs><oops></styleSheet>`,
    });
    const pkg = await openPackage(bytes);
    const book = await readWorkbook(pkg);
    const kh = await readGrid(pkg, book, "KH");
    expect(kh.values).toEqual([["2023-03-15"]]);
    expect(codes([...readWarnings(pkg)])).toEqual(["xlsx-part-unreadable"]);
    expect(readWarnings(pkg)[0]!.params).toMatchObject({ part: "xl/styles.xml" });
    const e = await readGrid(pkg, book, "Hỏng").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ChitieuError);
    expect((e as ChitieuError).code).toBe("bad-file");
    expect((e as ChitieuError).problem.code).toBe("xlsx-sheet-unreadable");
    expect((e as ChitieuError).problem.where).toEqual({ sheet: "Hỏng" });
  });
});

describe("the workbook part", () => {
  test("sheets in order with their visibility and kind; a chart sheet cannot be read as a grid; a sheet without its part is left out with a warning", async () => {
    const bytes = packageOf({
      sheets: [
        { name: "Kế hoạch", xml: worksheetXml("") },
        { name: "KH 2023", xml: worksheetXml(""), state: "hidden" },
        { name: "_ChiTieu", xml: worksheetXml(""), state: "veryHidden" },
      ],
    });
    // Add a chart sheet and a dangling <sheet> to the workbook by hand.
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(bytes);
    const wbXml = (await zip.file("xl/workbook.xml")!.async("string")).replace(
      "</sheets>",
      '<sheet name="Biểu đồ" sheetId="9" r:id="rId90"/><sheet name="Mất" sheetId="10" r:id="rId91"/></sheets>',
    );
    zip.file("xl/workbook.xml", wbXml);
    const rels = (await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).replace(
      "</Relationships>",
      '<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="rId91" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/gone.xml"/></Relationships>',
    );
    zip.file("xl/_rels/workbook.xml.rels", rels);
    zip.file("xl/chartsheets/sheet1.xml", '<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
    const pkg = await openPackage(new Uint8Array(await zip.generateAsync({ type: "uint8array" })));
    const book = await readWorkbook(pkg);
    expect(book.sheets.map((s) => [s.name, s.state, s.kind, s.part, s.index])).toEqual([
      ["Kế hoạch", "visible", "worksheet", "xl/worksheets/sheet1.xml", 0],
      ["KH 2023", "hidden", "worksheet", "xl/worksheets/sheet2.xml", 1],
      ["_ChiTieu", "veryHidden", "worksheet", "xl/worksheets/sheet3.xml", 2],
      ["Biểu đồ", "visible", "chartsheet", "xl/chartsheets/sheet1.xml", 3],
    ]);
    expect(codes([...book.warnings])).toEqual(["xlsx-sheet-part-missing"]);
    expect(book.warnings[0]!.where).toEqual({ sheet: "Mất" });
    const e = await readGrid(pkg, book, "Biểu đồ").catch((x: unknown) => x);
    expect((e as ChitieuError).code).toBe("missing-sheet");
    const missing = await readGrid(pkg, book, "Không có").catch((x: unknown) => x);
    expect((missing as ChitieuError).problem.code).toBe("sheet-not-in-workbook");
  });

  test("a file that is no zip is a bad-file error; a zip without a workbook part too", async () => {
    const notZip = await openPackage(new TextEncoder().encode("STT,Đơn vị\n1,Xã A\n"), { file: "bao-cao.xlsx" }).catch((x: unknown) => x);
    expect((notZip as ChitieuError).code).toBe("bad-file");
    expect((notZip as ChitieuError).problem.params).toMatchObject({ file: "bao-cao.xlsx" });
    const pkg = await openPackage(rawZip([{ name: "ghi-chu.txt", data: "x" }]));
    const e = await readWorkbook(pkg).catch((x: unknown) => x);
    expect((e as ChitieuError).code).toBe("bad-file");
  });
});

test("a shared-string table too large to keep: each read looks up only its own strings, and gets the same grid", async () => {
  const strings = Array.from({ length: 3000 }, (_, i) => `Xã số ${i}`);
  const rows = Array.from(
    { length: 40 },
    (_, r) =>
      `<row r="${r + 1}"><c r="A${r + 1}" t="s"><v>${r * 70}</v></c><c r="B${r + 1}" t="s"><v>${2999 - r}</v></c><c r="C${r + 1}"><v>${r}</v></c></row>`,
  ).join("");
  const bytes = packageOf({ sheets: [{ name: "TH", xml: worksheetXml(rows, '<mergeCells><mergeCell ref="A1:B1"/></mergeCells>') }], sharedStrings: strings });
  const whole = await readWithPackage(bytes);
  const pkg = await openPackage(bytes);
  const book = await readWorkbook(pkg);
  const selective = await readGrid(pkg, book, "TH", { sharedStringsWholeBytes: 0 });
  expect(selective).toEqual(whole.grids[0]);
  expect(selective.values[39]).toEqual(["Xã số 2730", "Xã số 2960", 39]);
  const peek = await readGrid(pkg, book, "TH", { sharedStringsWholeBytes: 0, maxRows: 2 });
  expect(peek.values).toEqual([
    ["Xã số 0", "Xã số 0", 0],
    ["Xã số 70", "Xã số 2998", 1],
  ]);
  expect(whole.grids[0]).toEqual((await readWithExcelJs(bytes)).grids[0]);
});

test("a sheet part in UTF-16 (with its byte order mark), as XML allows, reads like its UTF-8 twin", async () => {
  const xml = worksheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>Phường Hòa Bình</t></is></c><c r="B1"><v>233980</v></c></row>`).replace(
    'encoding="UTF-8"',
    'encoding="UTF-16"',
  );
  const utf16 = new Uint8Array(2 + xml.length * 2);
  utf16[0] = 0xff;
  utf16[1] = 0xfe;
  for (let i = 0; i < xml.length; i++) {
    utf16[2 + 2 * i] = xml.charCodeAt(i) & 0xff;
    utf16[3 + 2 * i] = xml.charCodeAt(i) >> 8;
  }
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(packageOf({ sheets: [{ name: "TH", xml: worksheetXml("") }] }));
  zip.file("xl/worksheets/sheet1.xml", utf16);
  const bytes = new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
  expect((await readWithPackage(bytes)).grids[0]!.values).toEqual([["Phường Hòa Bình", 233980]]);
});
