/**
 * Our sheets are known by a mark inside parts only we write (a worksheet custom property named
 * ChiTieuSummary), never by name; reading the mark is bounded: only a sheet whose relationships
 * hold a customProperty is looked into, and a large one is streamed, never held whole.
 */
import { CUSTOM_PROPERTY_REL, SHEET_MARK, customPropertiesXml, markBytes, sheetMark } from "../../../src/workbook/xlsx/marks";
import { openPackage } from "../../../src/workbook/xlsx/zip";
import { readWorkbook } from "../../../src/workbook/xlsx/workbookPart";
import { packageOf, worksheetXml } from "../../helpers/xlsxBuild";

const rels = (id: string, target: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="${id}" Type="${CUSTOM_PROPERTY_REL}" Target="${target}"/></Relationships>`;

test("a marked sheet gives its mark's value; a user's sheet with another custom property, or none, gives null; a large one is streamed", async () => {
  const bigRows = Array.from({ length: 60_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}"><v>${i * 3}</v></c></row>`).join(
    "",
  );
  const bytes = packageOf({
    sheets: [
      {
        name: "Tổng hợp",
        xml: worksheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>`, `<customProperties><customPr name="${SHEET_MARK}" r:id="rIdM"/></customProperties>`),
        rels: rels("rIdM", "../customProperty1.bin"),
      },
      {
        name: "Của người dùng",
        xml: worksheetXml(bigRows, `<customProperties><customPr name="OtherAddin" r:id="rId7"/></customProperties>`),
        rels: rels("rId7", "../customProperty2.bin"),
      },
      {
        name: "_ChiTieu",
        xml: worksheetXml(bigRows, `<customProperties><customPr name="${SHEET_MARK}" r:id="rId1"/></customProperties>`),
        rels: rels("rId1", "../customProperty3.bin"),
        state: "veryHidden",
      },
      { name: "Trơn", xml: worksheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>`) },
    ],
    extra: [
      { name: "xl/customProperty1.bin", data: markBytes("overview") },
      { name: "xl/customProperty2.bin", data: markBytes("overview") },
      { name: "xl/customProperty3.bin", data: markBytes("record") },
    ],
  });
  // Parts read whole are capped at 256 KB here: the two large sheets must be streamed.
  const pkg = await openPackage(bytes, { maxPartBytes: 256 * 1024 });
  const book = await readWorkbook(pkg);
  expect(pkg.declaredSize(book.sheets[1]!.part)!).toBeGreaterThan(1024 * 1024);
  const marks = [];
  for (const s of book.sheets) marks.push((await sheetMark(pkg, s.part))?.value ?? null);
  expect(marks).toEqual(["overview", null, "record", null]);
  // The sheet without a customProperty relationship is never inflated.
  expect(pkg.inflated.has(book.sheets[3]!.part)).toBe(false);
  expect(await customPropertiesXml(pkg, book.sheets[3]!.part)).toBeNull();
});
