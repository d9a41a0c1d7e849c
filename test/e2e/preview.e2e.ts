/**
 * The preview in a real browser (Debian's Chromium): the sample loads, Recalculate fills the
 * overview and ranked sheets with the below-average units highlighted, bad workbooks give clear
 * messages, markup stays inert, the download holds the input sheets unchanged plus the summary,
 * and the page never talks to another origin. Screenshots go to test-results/ (and docs/).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { STYLE_COLOURS } from "../../src/core/sheetSpec";
import { DEFAULT_CHOICES } from "../../src/core/settings";
import { ExcelJsWorkbook, toCellValue } from "../../src/workbook/exceljsWorkbook";
import { analyze } from "../../src/workbook/recalculate";
import { Session, foreignRequests, openSession } from "./browser";
import { DOCS, RESULTS, SAMPLE } from "./tools";

let s: Session;
let page: Page;

beforeAll(async () => {
  fs.mkdirSync(RESULTS, { recursive: true });
  s = await openSession();
  page = await s.newPage();
});

afterAll(async () => {
  await s?.close();
});

interface GridCell {
  text: string;
  fill: string | null;
}

/** The visible sheet's grid as rows of cells (row headers left out; the rows drawn so far, the first 50 at least). */
async function grid(): Promise<{ sheet: string; rows: GridCell[][] }> {
  return page.locator("[data-testid=grid]").evaluate((t) => ({
    sheet: t.getAttribute("data-sheet") ?? "",
    rows: Array.from(t.querySelectorAll("tbody tr")).map((tr) =>
      Array.from(tr.querySelectorAll("td")).map((td) => ({ text: td.textContent ?? "", fill: td.getAttribute("data-fill") })),
    ),
  }));
}

function rowOf(rows: GridCell[][], unit: string): GridCell[] {
  const r = rows.find((row) => row.some((c) => c.text === unit));
  if (!r) throw new Error(`no row for ${unit}`);
  return r;
}

/** The sheet tabs: name, and whether it is one of the summary sheets. */
async function tabs(): Promise<{ name: string; summary: boolean }[]> {
  return page
    .locator("[role=tab]")
    .evaluateAll((els) => els.map((e) => ({ name: e.getAttribute("data-sheet") ?? "", summary: e.getAttribute("data-summary") === "true" })));
}

async function openTab(name: string): Promise<void> {
  await page.locator(`[role=tab][data-sheet="${name}"]`).click();
  await page.locator(`[data-testid=grid][data-sheet="${name}"]`).waitFor();
}

async function sampleBytes(edit?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  edit?.(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function rename(wb: ExcelJS.Workbook, sheet: string, from: string, to: string): void {
  let n = 0;
  wb.getWorksheet(sheet)!.eachRow((row) =>
    row.eachCell((c) => {
      if (typeof c.value === "string" && c.value.normalize("NFC") === from.normalize("NFC")) {
        c.value = to;
        n++;
      }
    }),
  );
  if (n === 0) throw new Error(`${from} not in ${sheet}`);
}

async function openFile(name: string, buffer: Buffer): Promise<void> {
  await page.locator("[data-testid=file-input]").setInputFiles({ name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
  await page.getByTestId("file-name").filter({ hasText: name }).waitFor();
}

const recalc = () => page.getByRole("button", { name: /Tính lại|Recalculate/ });

describe("the preview in Chromium", () => {
  test("the bundled sample opens by default, with the detection shown before anything is written", async () => {
    await page.goto(`${s.server.url}preview.html`);
    await page.getByTestId("detection").waitFor({ timeout: 30000 });
    await expectText(page.getByTestId("file-name"), "hau-giang-2022.xlsx");
    expect(await tabs()).toEqual([
      { name: "Kế hoạch", summary: false },
      { name: "Thực hiện", summary: false },
      { name: "Dân số", summary: false },
    ]);
    const g = await grid();
    expect(g.sheet).toBe("Kế hoạch");
    expect(g.rows.flat().map((c) => c.text)).toContain("Huyện Vị Thủy");
    await expect(page.locator('select[data-role="targets"]').inputValue()).resolves.toBe("Kế hoạch");
    await expect(page.getByTestId("detection").textContent()).resolves.toMatch(/Kế hoạch!C/);
  });

  test("Recalculate fills the overview and the ranked sheets, with the below-average units highlighted", async () => {
    await recalc().click();
    await page.getByTestId("results").waitFor({ timeout: 30000 });
    // The tabs and the grid follow the pane's results in a transition (PreviewApp's onRecalculated).
    await page.locator(`[data-testid=grid][data-sheet="Tổng hợp chỉ tiêu"]`).waitFor({ timeout: 30000 });
    const after = await tabs();
    expect(after.slice(0, 3).map((t) => t.name)).toEqual(["Kế hoạch", "Thực hiện", "Dân số"]);
    expect(after.filter((t) => t.summary).map((t) => t.name)).toEqual(
      expect.arrayContaining(["Tổng hợp chỉ tiêu", "Xếp hạng BHXH TN (KH)", "Xếp hạng BHYT (bao phủ)", "Xếp hạng BHXH TN (bao phủ)"]),
    );

    // The overview opens first.
    const overview = await grid();
    expect(overview.sheet).toBe("Tổng hợp chỉ tiêu");
    const texts = overview.rows.flat().map((c) => c.text);
    expect(texts).toContain("KẾT QUẢ THỰC HIỆN CHỈ TIÊU");
    expect(texts).toContain("64,91%");
    expect(texts).toContain("85,26%");
    await page.screenshot({ path: path.join(RESULTS, "preview-overview.png") });
    // The pane with its results, tall enough to show them all.
    await page.setViewportSize({ width: 1440, height: 1500 });
    await page.locator("aside").evaluate((a) => a.scrollTo(0, 0));
    await page.locator("aside").screenshot({ path: path.join(RESULTS, "taskpane.png") });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId("workbook").screenshot({ path: path.join(RESULTS, "overview-sheet.png") });

    // The ranked sheet: rank order, rates, and the highlight on exactly the units below the rate.
    await openTab("Xếp hạng BHXH TN (KH)");
    const ranked = await grid();
    const fill = STYLE_COLOURS.belowAverage.fill!.toLowerCase();
    const below = ["Huyện Vị Thủy", "Huyện Phụng Hiệp", "Huyện Long Mỹ"];
    for (const unit of below) {
      const row = rowOf(ranked.rows, unit);
      expect(row.find((c) => c.text === unit)!.fill?.toLowerCase()).toBe(fill);
      expect(row.map((c) => c.text)).toContain("Thấp hơn BQ");
    }
    expect(rowOf(ranked.rows, "Huyện Vị Thủy").map((c) => c.text)).toEqual(expect.arrayContaining(["8", "45,37%"]));
    expect(rowOf(ranked.rows, "Thành phố Vị Thanh").map((c) => c.text)).toEqual(expect.arrayContaining(["1", "77,31%"]));
    for (const unit of ["Thành phố Vị Thanh", "Huyện Châu Thành A", "Thành phố Ngã Bảy", "Thị xã Long Mỹ", "Huyện Châu Thành"]) {
      const row = rowOf(ranked.rows, unit);
      expect(row.find((c) => c.text === unit)!.fill).toBeNull();
      expect(row.map((c) => c.text)).not.toContain("Thấp hơn BQ");
    }
    await page.screenshot({ path: path.join(RESULTS, "preview-ranked.png") });

    // The pane lists the same units, lowest first.
    const items = await page.getByTestId("result-bhxh-tn-attainment").getByTestId("below").locator("li").allTextContents();
    expect(items).toEqual(["Huyện Vị Thủy: 45,37%", "Huyện Phụng Hiệp: 49,34%", "Huyện Long Mỹ: 53,24%"]);

    // A link in the pane brings a summary sheet to the front.
    await page.getByTestId("results").getByRole("button", { name: "Tổng hợp chỉ tiêu" }).click();
    await page.locator('[data-testid=grid][data-sheet="Tổng hợp chỉ tiêu"]').waitFor();
  });

  test("Download saves an .xlsx that holds the input sheets unchanged and the summary sheets", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()]);
    expect(download.suggestedFilename()).toBe("hau-giang-2022-ket-qua.xlsx");
    const file = path.join(RESULTS, "hau-giang-2022-ket-qua.xlsx");
    await download.saveAs(file);

    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(SAMPLE);
    const result = new ExcelJS.Workbook();
    await result.xlsx.readFile(file);
    for (const ws of original.worksheets) {
      const out = result.getWorksheet(ws.name);
      expect(out).toBeDefined();
      const cells = (w: ExcelJS.Worksheet) => {
        const all: string[] = [];
        w.eachRow({ includeEmpty: false }, (row, r) =>
          row.eachCell({ includeEmpty: false }, (c, col) => void all.push(`${r}:${col}=${JSON.stringify(toCellValue(c.value))}`)),
        );
        return all;
      };
      expect(cells(out!)).toEqual(cells(ws));
    }
    // The summary sheets, with the engine's figures.
    const expected = await analyze(new ExcelJsWorkbook(original), DEFAULT_CHOICES);
    for (const spec of expected.specs) expect(result.getWorksheet(spec.name)).toBeDefined();
    const ranked = result.getWorksheet("Xếp hạng BHXH TN (KH)")!;
    const tn = expected.summary.results.find((r) => r.indicatorKey === "bhxh-tn" && r.measure === "attainment")!;
    const rows: { unit: string; rate: number }[] = [];
    ranked.eachRow((row) => {
      const unit = toCellValue(row.getCell(2).value);
      const rate = toCellValue(row.getCell(5).value);
      if (typeof unit === "string" && typeof rate === "number") rows.push({ unit, rate });
    });
    expect(rows).toEqual(tn.units.map((u) => ({ unit: u.unit, rate: u.ratio })));
  });

  test("a workbook with no actuals sheet says, in Vietnamese, which sheets there are and what to do", async () => {
    const bytes = await sampleBytes((wb) => {
      wb.removeWorksheet(wb.getWorksheet("Thực hiện")!.id);
    });
    await openFile("thieu-sheet.xlsx", bytes);
    const alert = page.locator('[data-code="no-actuals-sheet"]').first();
    await alert.waitFor({ timeout: 30000 });
    const text = await alert.textContent();
    expect(text).toMatch(/trang tính/);
    expect(text).toMatch(/'Kế hoạch', 'Dân số'/);
    await page.screenshot({ path: path.join(RESULTS, "preview-error-missing-sheet.png") });
  });

  test("a duplicate unit names the sheet and both rows", async () => {
    const bytes = await sampleBytes((wb) => rename(wb, "Thực hiện", "H.Long Mỹ", "H. Vị Thuỷ"));
    await openFile("trung-don-vi.xlsx", bytes);
    const alert = page.getByRole("alert");
    await alert.waitFor({ timeout: 30000 });
    expect(await alert.textContent()).toMatch(/'Thực hiện', hàng 11: đơn vị “H. Vị Thuỷ” có hai lần trong trang tính — ở hàng 10/);
    await page.screenshot({ path: path.join(RESULTS, "preview-error-duplicate.png") });
  });

  test("markup in a unit name renders as inert text, in the pane and in the grid", async () => {
    const evil = `<img src=x onerror="window.__pwned=1">Huyện Vị Thủy`;
    const bytes = await sampleBytes((wb) => {
      rename(wb, "Kế hoạch", "Huyện Vị Thủy", evil);
      rename(wb, "Thực hiện", "H. Vị Thuỷ", evil);
      rename(wb, "Dân số", "HUYỆN VỊ THỦY", evil);
    });
    await openFile("ma-doc.xlsx", bytes);
    await page.getByTestId("detection").waitFor({ timeout: 30000 });
    await recalc().click();
    await page.getByTestId("results").waitFor({ timeout: 30000 });
    expect(await page.getByTestId("result-bhxh-tn-attainment").textContent()).toContain(evil);
    await openTab("Xếp hạng BHXH TN (KH)");
    expect((await grid()).rows.flat().map((c) => c.text)).toContain(evil);
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  test("a file dropped on the page opens", async () => {
    const bytes = await sampleBytes();
    await page.evaluate(async (b64) => {
      const bin = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bin], "keo-tha.xlsx"));
      const target = document.querySelector("aside")!;
      target.dispatchEvent(new DragEvent("dragover", { bubbles: true, cancelable: true, dataTransfer: dt }));
      target.dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: dt }));
    }, bytes.toString("base64"));
    await page.getByTestId("file-name").filter({ hasText: "keo-tha.xlsx" }).waitFor();
    await page.getByTestId("detection").waitFor({ timeout: 30000 });
  });

  test("the page made no request to any other origin, and no error or CSP violation", () => {
    expect(s.requests.length).toBeGreaterThan(3);
    expect(foreignRequests(s)).toEqual([]);
    expect(s.problems).toEqual([]);
  });

  test("the README's screenshots are copied to docs/", () => {
    fs.mkdirSync(DOCS, { recursive: true });
    for (const f of ["taskpane.png", "overview-sheet.png"]) {
      fs.copyFileSync(path.join(RESULTS, f), path.join(DOCS, f));
      expect(fs.statSync(path.join(DOCS, f)).size).toBeGreaterThan(5000);
    }
  });
});

async function expectText(locator: ReturnType<Page["getByTestId"]>, text: string): Promise<void> {
  await locator.filter({ hasText: text }).waitFor();
}
