/**
 * A chart of lines only in the file (the history sheet's area rate by date, issue 19): one line per
 * indicator over the dates, as the Office adapter draws it, in parts LibreOffice opens. The bar and
 * line charts of the ranked sheets are untouched (chart.test.ts).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { chartXml, hasChart } from "../../../src/workbook/xlsx/chart";
import { buildPackage, graftSummary, zipReader } from "../../../src/workbook/xlsx/graft";
import { describeHistory, snapshotOf, mergeHistory, readHistory, HistoryRow } from "../../../src/core/history";
import { PackageWorkbook } from "../../../src/workbook/xlsx/packageWorkbook";
import { SheetSpec } from "../../../src/core/sheetSpec";
import { tempDir } from "../../helpers/files";
import { overviewSpec, userWorkbook } from "./graftFixtures";

const SOFFICE = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/bin/libreoffice"].find((p) => fs.existsSync(p));

function row(asOf: string, indicatorKey: string, indicator: string, unit: string, rate: number): HistoryRow {
  return { asOf, unit, area: unit === "Toàn tỉnh", indicatorKey, indicator, measure: "attainment", actual: Math.round(rate * 1000), denominator: 1000, rate };
}

/** Three report dates, two indicators, the area and two units. */
function history(): HistoryRow[] {
  const rows: HistoryRow[] = [];
  ["2024-02-29", "2024-03-31", "2024-04-30"].forEach((d, i) => {
    for (const [key, name] of [
      ["bhxh-tn", "BHXH tự nguyện"],
      ["bhyt", "BHYT"],
    ] as const)
      for (const unit of ["Toàn tỉnh", "Huyện Vị Thủy", "Thị xã Long Mỹ"]) rows.push(row(d, key, name, unit, 0.5 + i * 0.1 + (key === "bhyt" ? 0.3 : 0)));
  });
  return mergeHistory([], rows);
}

async function graft(input: Uint8Array, specs: SheetSpec[]): Promise<Uint8Array> {
  const r = await graftSummary(zipReader(await JSZip.loadAsync(input)), specs, { summarySheets: [], settings: null });
  return buildPackage(input, r.changes);
}

describe("a chart of lines only", () => {
  const spec = describeHistory(history(), "vi");

  it("is one line chart group, a line per indicator over the dates, markers on, no columns", () => {
    const xml = chartXml(spec.chart!, spec.name);
    expect(xml).not.toContain("<c:barChart>");
    expect(xml.match(/<c:lineChart>/g)).toHaveLength(1);
    expect(xml.match(/<c:ser>/g)).toHaveLength(2);
    expect(xml).toContain("<c:tx><c:v>BHXH tự nguyện — đạt KH</c:v></c:tx>");
    expect(xml).toContain("<c:tx><c:v>BHYT — đạt KH</c:v></c:tx>");
    // The dates (A6:A8) as numbers, shown as days; each line its own column of the area block.
    expect(xml.match(/<c:cat><c:numRef><c:f>'Diễn biến'!\$A\$6:\$A\$8<\/c:f><\/c:numRef><\/c:cat>/g)).toHaveLength(2);
    expect(xml).toContain("<c:val><c:numRef><c:f>'Diễn biến'!$B$6:$B$8</c:f></c:numRef></c:val>");
    expect(xml).toContain("<c:val><c:numRef><c:f>'Diễn biến'!$C$6:$C$8</c:f></c:numRef></c:val>");
    expect(xml).toContain('<c:marker><c:symbol val="circle"/>');
    expect(xml).toContain('<c:numFmt formatCode="dd/mm/yyyy" sourceLinked="0"/>');
    expect(xml).toContain("<a:t>Tỷ lệ toàn địa bàn theo ngày số liệu</a:t>");
    expect(xml.match(/<c:axId val="500000001"\/><c:axId val="500000002"\/>/g)).toHaveLength(1);
    expect(hasChart(spec.chart)).toBe(true);
    expect(hasChart({ ...spec.chart!, categories: { ...spec.chart!.categories, rows: 0 } })).toBe(false);
  });

  it("is grafted onto the history sheet, beside the ranked sheets' charts", async () => {
    const bytes = await graft(await userWorkbook(), [overviewSpec(), spec]);
    const zip = await JSZip.loadAsync(bytes);
    const charts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(1);
    expect(await zip.file(charts[0]!)!.async("string")).toContain("<c:lineChart>");
    // The kept rows are a table, and the sheet read back from the file is the history written.
    const tables = await Promise.all(
      Object.keys(zip.files)
        .filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p))
        .map((p) => zip.file(p)!.async("string")),
    );
    expect(tables.filter((t) => t.includes('name="ChiTieu_DienBien"'))).toHaveLength(1);
    const [grid] = await (await PackageWorkbook.open(bytes)).readSheets(["Diễn biến"]);
    expect(readHistory(grid!)).toEqual({ rows: history(), warnings: [], found: true });
  });

  it("an empty history (a summary with no results) has no chart", () => {
    const s = describeHistory(
      snapshotOf(
        {
          sheets: { targets: null, actuals: "TH", base: null },
          average: "overall",
          rank: "competition",
          unitNames: [],
          results: [],
          unmatched: [],
          warnings: [],
          detection: [],
          totalLabel: null,
        },
        "2024-04-30",
      ),
    );
    expect(s.chart).toBeNull();
  });

  (SOFFICE ? it : it.skip)(
    "LibreOffice opens the file and shows the lines over the dates",
    async () => {
      const dir = tempDir("chitieu-linechart-");
      fs.writeFileSync(path.join(dir, "history.xlsx"), await graft(await userWorkbook(), [overviewSpec(), spec]));
      execFileSync(SOFFICE!, [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "ods", "--outdir", dir, "history.xlsx"], {
        cwd: dir,
        stdio: "ignore",
        timeout: 120_000,
      });
      const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, "history.ods")));
      const objects = await Promise.all(
        Object.keys(zip.files)
          .filter((p) => /^Object \d+\/content\.xml$/.test(p))
          .map((p) => zip.file(p)!.async("string")),
      );
      const ours = objects.find((x) => x.includes("Tỷ lệ toàn địa bàn theo ngày số liệu"))!;
      expect(ours).toBeDefined();
      expect(ours).toMatch(/chart:class="chart:line"/);
      expect(ours).not.toMatch(/chart:class="chart:bar"/);
      const series = [...ours.matchAll(/<chart:series [^>]*chart:values-cell-range-address="([^"]*)"/g)].map((m) => m[1]);
      expect(series).toEqual(["&apos;Diễn biến&apos;.B6:&apos;Diễn biến&apos;.B8", "&apos;Diễn biến&apos;.C6:&apos;Diễn biến&apos;.C8"]);
      const content = await zip.file("content.xml")!.async("string");
      expect([...content.matchAll(/<table:table table:name="([^"]*)"/g)].map((m) => m[1])).toContain("Diễn biến");
    },
    180_000,
  );
});
