/**
 * Integration: the seed workbooks (000 Hậu Giang, 001 Cần Thơ) as .xlsx files through the CLI —
 * the paragraphs carry the published figures, in --json, on the terminal and on the commentary sheet.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { canThoWorkbook, hauGiangWorkbook } from "../../scripts/lib/seeds";
import { runCli as cli, tempDir } from "../helpers/files";

let dir: string;
let hauGiang: string;
let canTho: string;

beforeAll(async () => {
  dir = tempDir("chitieu-narrative-");
  hauGiang = path.join(dir, "hau-giang.xlsx");
  canTho = path.join(dir, "can-tho.xlsx");
  await hauGiangWorkbook().xlsx.writeFile(hauGiang);
  await canThoWorkbook().xlsx.writeFile(canTho);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function narrativeOf(file: string, extra: string[] = []): Promise<string[]> {
  const r = await cli(["summarize", file, "--out", path.join(dir, `out-${path.basename(file)}`), "--json", ...extra]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  const json = JSON.parse(r.out) as { narrative: string[]; results: unknown[] };
  expect(json.narrative).toHaveLength(json.results.length);
  return json.narrative;
}

/** The parts appear in this order in the text. */
function expectInOrder(text: string, parts: readonly string[]): void {
  let at = 0;
  for (const p of parts) {
    const k = text.indexOf(p, at);
    if (k < 0) throw new Error(`"${p}" not found after position ${at} in: ${text}`);
    at = k + p.length;
  }
}

describe("seed 000, Hậu Giang", () => {
  it("--json carries the published figures and the districts below the province rate, lowest first", async () => {
    const ps = await narrativeOf(hauGiang);
    const tn = ps.find((p) => p.includes("đạt 64,91% kế hoạch"))!;
    expectInOrder(tn, ["Đến ngày 31/10/2022", "tỉnh Hậu Giang", "12.853 người", "bảo hiểm xã hội tự nguyện", "64,91%", "bình quân chung của tỉnh"]);
    expectInOrder(tn, ["huyện Vị Thủy mới đạt 45,37%", "huyện Phụng Hiệp đạt 49,34%", "huyện Long Mỹ đạt 53,24%"]);
    expect(tn).not.toContain("thị xã Long Mỹ");
    const yt = ps.find((p) => p.includes("bảo hiểm y tế"))!;
    expectInOrder(yt, [
      "621.955 người",
      "tỷ lệ bao phủ đạt 85,26% dân số",
      "huyện Phụng Hiệp mới đạt 75,97%",
      "huyện Châu Thành đạt 80,66%",
      "huyện Châu Thành A đạt 82,02%",
    ]);
  });

  it("in English, in English conventions", async () => {
    const ps = await narrativeOf(hauGiang, ["--lang", "en"]);
    expect(ps[0]).toMatch(/^As of 31 October 2022, Hậu Giang province had 12,853 people in voluntary social insurance, 64\.91% of plan\./);
    expectInOrder(ps[0]!, ["Vị Thủy district at 45.37%", "Phụng Hiệp district at 49.34%", "Long Mỹ district at 53.24%"]);
    expect(ps.some((p) => p.includes("621,955 people in health insurance, covering 85.26% of the population"))).toBe(true);
  });

  it("--as-of and --area replace what the workbook says; a bad date is a clear error", async () => {
    const ps = await narrativeOf(hauGiang, ["--as-of", "30/11/2022", "--area", "Hậu Giang"]);
    expect(ps[0]).toMatch(/^Đến ngày 30\/11\/2022, Hậu Giang có 12\.853 người/);
    const bad = await cli(["summarize", hauGiang, "--out", path.join(dir, "bad.xlsx"), "--as-of", "2022-10-31"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(
      "chitieu: Ngày số liệu “2022-10-31” không phải một ngày: viết theo dạng ngày/tháng/năm, ví dụ 31/10/2022 (dùng --as-of dd/mm/yyyy).\n",
    );
  });

  it("the terminal shows the paragraphs after the tables", async () => {
    const r = await cli(["summarize", hauGiang, "--out", path.join(dir, "term.xlsx")]);
    expect(r.code).toBe(0);
    const table = r.out.indexOf("Huyện Vị Thủy");
    const heading = r.out.indexOf("Nhận xét:");
    const para = r.out.indexOf("Đến ngày 31/10/2022, tỉnh Hậu Giang có 12.853 người");
    expect(table).toBeGreaterThan(0);
    expect(heading).toBeGreaterThan(table);
    expect(para).toBeGreaterThan(heading);
  });

  it("the workbook gets a commentary sheet, one paragraph per merged, wrapped row, replaced on the next run", async () => {
    const out = path.join(dir, "sheet.xlsx");
    const r = await cli(["summarize", hauGiang, "--out", out, "--json"]);
    const narrative = (JSON.parse(r.out) as { narrative: string[] }).narrative;
    const again = path.join(dir, "sheet-again.xlsx");
    // Run on the output itself: our sheets are replaced, not doubled.
    expect((await cli(["summarize", out, "--out", again])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(again);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.filter((n) => n.startsWith("Nhận xét"))).toEqual(["Nhận xét"]);
    const ws = wb.getWorksheet("Nhận xét")!;
    narrative.forEach((p, i) => {
      const cell = ws.getCell(4 + i, 1);
      expect(cell.value).toBe(p);
      expect(cell.alignment?.wrapText).toBe(true);
      expect(ws.getCell(4 + i, 8).isMerged).toBe(true);
      expect(ws.getRow(4 + i).height).toBeGreaterThan(30);
    });
  });
});

describe("seed 001, Cần Thơ", () => {
  it("--json carries the four published figures and the period", async () => {
    const ps = await narrativeOf(canTho);
    const text = ps.join("\n");
    for (const [count, rate] of [
      ["143.013", "92,62%"],
      ["18.590", "49,68%"],
      ["135.876", "92,36%"],
      ["1.065.565", "90,20%"],
    ] as const) {
      const p = ps.find((x) => x.includes(`có ${count} người`));
      expect(p).toBeDefined();
      expect(p).toContain(`đạt ${rate} kế hoạch`);
      expect(p).toMatch(/^Từ 01\/01\/2024 đến 30\/4\/2024, thành phố Cần Thơ có /);
      expect(p).toContain("bình quân chung của thành phố");
    }
    // Thới Lai's published BHYT rate is below the city's, and named with its kind.
    expect(text).toContain("huyện Thới Lai mới đạt 79,43%");
  });

  it("in English: '1,065,565 people, 90.20% of plan'", async () => {
    const ps = await narrativeOf(canTho, ["--lang", "en"]);
    const p = ps.find((x) => x.includes("health insurance"))!;
    expect(p).toMatch(/^From 1 January 2024 to 30 April 2024, Cần Thơ city had 1,065,565 people in health insurance, 90\.20% of plan\./);
    expect(p).toContain("below the city-wide rate: Thới Lai district at 79.43%");
  });
});
