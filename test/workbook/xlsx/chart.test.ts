/**
 * Our chart in the file: each ranked sheet gets the chart the Office adapter draws (the rate per
 * unit as columns, the area rate as a line), as DrawingML parts LibreOffice opens next to the
 * input's own charts.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { chartRef, chartXml, drawingXml, hasChart } from "../../../src/workbook/xlsx/chart";
import { buildPackage, graftSummary, zipReader } from "../../../src/workbook/xlsx/graft";
import { tempDir } from "../../helpers/files";
import { overviewSpec, rankedSpec, userWorkbook } from "./graftFixtures";

const SOFFICE = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/bin/libreoffice"].find((p) => fs.existsSync(p));

async function graft(input: Uint8Array, specs = [overviewSpec(), rankedSpec("Xếp hạng BHYT", "ranked:bhyt:coverage", 5)]): Promise<Uint8Array> {
  const r = await graftSummary(zipReader(await JSZip.loadAsync(input)), specs, { summarySheets: [], settings: null });
  return buildPackage(input, r.changes);
}

describe("chart parts", () => {
  it("refers to the sheet's cells, the name quoted as Excel quotes it", () => {
    expect(chartRef("Xếp hạng BHYT", { row: 3, col: 1, rows: 5, cols: 1 })).toBe("'Xếp hạng BHYT'!$B$4:$B$8");
    expect(chartRef("Tỷ lệ 'KH'", { row: 0, col: 27, rows: 1, cols: 1 })).toBe("'Tỷ lệ ''KH'''!$AB$1:$AB$1");
  });

  it("draws the rate as columns and the area rate as a line on the same axes, titled, legend below", () => {
    const spec = rankedSpec("Xếp hạng & <BHYT>", "ranked:x", 5);
    const xml = chartXml(spec.chart!, spec.name);
    expect(xml).toContain('<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(xml).toContain("<c:f>'Xếp hạng &amp; &lt;BHYT&gt;'!$C$4:$C$8</c:f>");
    expect(xml).toContain("<c:lineChart>");
    expect(xml).toContain("<c:f>'Xếp hạng &amp; &lt;BHYT&gt;'!$D$4:$D$8</c:f>");
    expect(xml).toContain("<a:t>Tỷ lệ bao phủ BHYT</a:t>");
    expect(xml).toContain('<c:legendPos val="b"/>');
    // Both chart groups share the two axes.
    expect(xml.match(/<c:axId val="500000001"\/><c:axId val="500000002"\/>/g)).toHaveLength(2);
    expect(chartXml({ ...spec.chart!, line: null }, spec.name)).not.toContain("<c:lineChart>");
    expect(drawingXml(spec.chart!, "rId1")).toContain("<xdr:from><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row>");
    expect(hasChart({ ...spec.chart!, bars: { name: "x", values: { row: 3, col: 2, rows: 0, cols: 1 } } })).toBe(false);
  });

  it("gives each ranked sheet one chart and the overview none; a re-run replaces them", async () => {
    const specs = [overviewSpec(), rankedSpec("Xếp hạng BHYT", "ranked:bhyt"), rankedSpec("Xếp hạng BHXH", "ranked:bhxh")];
    let bytes = await userWorkbook();
    for (let k = 0; k < 3; k++) bytes = await graft(bytes, specs);
    const zip = await JSZip.loadAsync(bytes);
    const charts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts.sort()).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml"]);
    const refs = await Promise.all(charts.map(async (p) => /<c:f>'([^']+)'/.exec(await zip.file(p)!.async("string"))![1]));
    expect(refs.sort()).toEqual(["Xếp hạng BHXH", "Xếp hạng BHYT"]);
    const ct = await zip.file("[Content_Types].xml")!.async("string");
    expect(ct.match(/drawingml\.chart\+xml/g)).toHaveLength(2);
  });

  (SOFFICE ? it : it.skip)(
    "LibreOffice opens the output and shows the input's charts and ours",
    async () => {
      const dir = tempDir("chitieu-chart-");
      const corpus = path.join(__dirname, "../../fixtures/corpus/embedded-chart.xlsx");
      const inputs: [string, Uint8Array][] = [["built", await userWorkbook()]];
      if (fs.existsSync(corpus)) inputs.push(["embedded", new Uint8Array(fs.readFileSync(corpus))]);
      for (const [name, input] of inputs) {
        fs.writeFileSync(path.join(dir, `${name}-in.xlsx`), input);
        fs.writeFileSync(path.join(dir, `${name}-out.xlsx`), await graft(input));
      }
      execFileSync(
        SOFFICE!,
        [
          `-env:UserInstallation=file://${dir}/profile`,
          "--headless",
          "--convert-to",
          "ods",
          "--outdir",
          dir,
          ...inputs.flatMap(([n]) => [`${n}-in.xlsx`, `${n}-out.xlsx`]),
        ],
        { cwd: dir, stdio: "ignore", timeout: 120_000 },
      );
      for (const [name] of inputs) {
        const objects = async (file: string) => {
          const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, file)));
          return Promise.all(
            Object.keys(zip.files)
              .filter((p) => /^Object \d+\/content\.xml$/.test(p))
              .map((p) => zip.file(p)!.async("string")),
          );
        };
        const before = await objects(`${name}-in.ods`);
        const after = await objects(`${name}-out.ods`);
        expect({ name, charts: after.length }).toEqual({ name, charts: before.length + 1 });
        const ours = after.find((x) => x.includes("Xếp hạng BHYT"))!;
        expect(ours).toMatch(
          /<chart:series [^>]*chart:values-cell-range-address="&apos;Xếp hạng BHYT&apos;\.C4:&apos;Xếp hạng BHYT&apos;\.C8"[^>]*chart:class="chart:bar"/,
        );
        expect(ours).toMatch(
          /<chart:series [^>]*chart:values-cell-range-address="&apos;Xếp hạng BHYT&apos;\.D4:&apos;Xếp hạng BHYT&apos;\.D8"[^>]*chart:class="chart:line"/,
        );
        expect(ours).toContain("<text:p>Tỷ lệ bao phủ BHYT</text:p>");
        // The sheets are all there, ours after the user's.
        const content = await (await JSZip.loadAsync(fs.readFileSync(path.join(dir, `${name}-out.ods`)))).file("content.xml")!.async("string");
        const sheets = [...content.matchAll(/<table:table table:name="([^"]*)"/g)].map((m) => m[1]);
        expect(sheets.slice(-3)).toEqual(["Tổng hợp", "Xếp hạng BHYT", "_ChiTieu"]);
      }
    },
    180_000,
  );
});
