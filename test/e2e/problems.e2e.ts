/**
 * What a planner meets in the preview, in Vietnamese: a file that is no workbook (a text file
 * named .xlsx, an OpenDocument spreadsheet renamed .xlsx) gets one Vietnamese sentence; an empty
 * workbook says what is missing; a goal typo is shown under the goal's field with the detection
 * still on screen; the pane fits 350 px with no sideways scroll. The screenshots of the pane at
 * 350 px (an error, the results) are copied to docs/.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Locator, Page } from "playwright-core";
import { Session, openSession } from "./browser";
import { DOCS, RESULTS, SAMPLE } from "./tools";

let s: Session;
let page: Page;

beforeAll(async () => {
  fs.mkdirSync(RESULTS, { recursive: true });
  s = await openSession();
  page = await s.newPage();
  await page.goto(`${s.server.url}preview.html`);
  await page.getByTestId("detection").waitFor({ timeout: 60000 });
});

afterAll(async () => {
  await s?.close();
});

async function openFile(name: string, buffer: Buffer): Promise<void> {
  await page.locator("[data-testid=file-input]").setInputFiles({ name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
  await page.getByTestId("file-name").filter({ hasText: name }).waitFor();
}

/** An OpenDocument spreadsheet as LibreOffice writes one: its "mimetype" part first, stored. */
async function odsBytes(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
  zip.file(
    "META-INF/manifest.xml",
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
  );
  zip.file("content.xml", '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>');
  return zip.generateAsync({ type: "nodebuffer" });
}

/** A sentence with Vietnamese letters (not an English or ASCII-only one). */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùýĐ]/i;

/** The pane and the page scroll no sideways: nothing wider than their box. */
async function sidewaysOverflow(): Promise<{ page: number; pane: number }> {
  return page.evaluate(() => {
    const doc = document.scrollingElement!;
    const pane = document.querySelector<HTMLElement>("[data-testid=pane]")!;
    return { page: doc.scrollWidth - doc.clientWidth, pane: pane.scrollWidth - pane.clientWidth };
  });
}

/** Every element of the pane inside its width (a child wider than the pane would be cut or scroll). */
async function widerThanPane(): Promise<string[]> {
  return page.evaluate(() => {
    const pane = document.querySelector<HTMLElement>("[data-testid=pane]")!;
    const box = pane.getBoundingClientRect();
    return Array.from(pane.querySelectorAll<HTMLElement>("*"))
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1);
      })
      .slice(0, 5)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}${e.getAttribute("data-testid") ? `[${e.getAttribute("data-testid")}]` : ""} ${Math.round(e.getBoundingClientRect().width)} px: ${(e.textContent ?? "").slice(0, 40)}`,
      );
  });
}

async function text(l: Locator): Promise<string> {
  return (await l.textContent()) ?? "";
}

describe("the preview in Vietnamese, when something is wrong", () => {
  test("a text file named .xlsx: one Vietnamese sentence naming the file, not the zip reader's words", async () => {
    await openFile("bao-cao-thang-10.xlsx", Buffer.from("STT,Đơn vị,Kế hoạch,Thực hiện\n1,Xã Tân Phú,1200,1100\n", "utf8"));
    const bar = page.getByTestId("file-error");
    await bar.waitFor({ timeout: 30000 });
    expect(await bar.getAttribute("data-code")).toBe("file-text");
    const t = await text(bar);
    expect(t).toContain("bao-cao-thang-10.xlsx");
    expect(t).toMatch(/sổ làm việc/);
    expect(t).toMatch(VIETNAMESE);
    expect(t).not.toMatch(/zip|central directory|Error/i);
    // Nothing of the last workbook is left to act on.
    expect(await page.locator("[role=tab]").count()).toBe(0);
    expect(await page.getByTestId("download").isDisabled()).toBe(true);
  });

  test("an OpenDocument spreadsheet renamed .xlsx: says it is an .ods and how to save it as .xlsx", async () => {
    await openFile("dan-so.xlsx", await odsBytes());
    const bar = page.locator('[data-testid=file-error][data-code="file-ods"]');
    await bar.waitFor({ timeout: 30000 });
    const t = await text(bar);
    expect(t).toContain("dan-so.xlsx");
    expect(t).toMatch(/\.ods/);
    expect(t).toMatch(VIETNAMESE);
  });

  test("an .xlsm opens like an .xlsx", async () => {
    await openFile("mau-co-macro.xlsm", fs.readFileSync(SAMPLE));
    await page.getByTestId("detection").waitFor({ timeout: 30000 });
    expect(await page.locator("[role=tab]").count()).toBe(3);
  });

  test("an empty workbook (one empty sheet): it says the workbook holds no figures, naming the sheet", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    await openFile("trong.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    const problem = page.locator("aside [data-code]").first();
    await problem.waitFor({ timeout: 30000 });
    expect(await problem.getAttribute("data-code")).toBe("workbook-empty");
    const t = await text(problem);
    expect(t).toContain("'Sheet1' trống");
    expect(t).toMatch(VIETNAMESE);
    await page.screenshot({ path: path.join(RESULTS, "preview-empty-workbook.png") });
  });

  test("a goal typo: the error under the goal's field, the detection still shown", async () => {
    await openFile("hau-giang-2022.xlsx", fs.readFileSync(SAMPLE));
    await page.getByTestId("detection").waitFor({ timeout: 30000 });
    await page.getByRole("button", { name: "Thêm mục tiêu" }).click();
    const rate = page.locator('[data-testid=goals] input[data-setting="goal"]').first();
    await rate.fill("9o%");
    await rate.press("Enter");
    const err = page.locator('[data-testid=goals] [data-testid=field-error][data-setting="goal"]');
    await err.waitFor({ timeout: 10000 });
    expect(await err.getAttribute("data-code")).toBe("goal-not-a-rate");
    const t = await text(err);
    expect(t).toContain("9o%");
    expect(t).toMatch(VIETNAMESE);
    expect(t).not.toMatch(/\d\.\d/); // a Vietnamese rate is written 0,93, never 0.93
    // Under its field: the message follows the goal's input in the form.
    expect(await rate.evaluate((i, e) => !!(i.compareDocumentPosition(e!) & Node.DOCUMENT_POSITION_FOLLOWING), await err.elementHandle())).toBe(true);
    await expect(page.getByTestId("detection").isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(RESULTS, "preview-goal-typo.png") });
    // Fixed, the error goes.
    await rate.fill("93%");
    await rate.press("Enter");
    await err.waitFor({ state: "detached", timeout: 10000 });
  });
});

describe("the pane at 350 px, in Vietnamese", () => {
  afterAll(async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  test("beside the sheets, the pane is at most 350 px wide and scrolls no sideways", async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const width = await page.getByTestId("pane").evaluate((e) => e.getBoundingClientRect().width);
    expect(width).toBeGreaterThanOrEqual(320);
    expect(width).toBeLessThanOrEqual(350);
    expect(await sidewaysOverflow()).toEqual({ page: 0, pane: 0 });
  });

  test("a page 350 px wide: no horizontal scroll with an error, and a screenshot of it", async () => {
    await page.setViewportSize({ width: 350, height: 760 });
    await openFile("khong-phai-excel.xlsx", Buffer.from("<html><body><table><tr><td>Xã A</td></tr></table></body></html>", "utf8"));
    await page.getByTestId("file-error").waitFor({ timeout: 30000 });
    expect(await sidewaysOverflow()).toEqual({ page: 0, pane: 0 });
    expect(await widerThanPane()).toEqual([]);
    await page.screenshot({ path: path.join(RESULTS, "pane-error-350.png") });
  });

  test("a page 350 px wide: no horizontal scroll with the detection and with the results, and a screenshot of them", async () => {
    await openFile("hau-giang-2022.xlsx", fs.readFileSync(SAMPLE));
    await page.getByTestId("detection").waitFor({ timeout: 30000 });
    expect(await sidewaysOverflow()).toEqual({ page: 0, pane: 0 });
    expect(await widerThanPane()).toEqual([]);
    await page.locator("aside button", { hasText: "Tính lại" }).click();
    await page.getByTestId("results").waitFor({ timeout: 30000 });
    await page.waitForTimeout(500);
    expect(await sidewaysOverflow()).toEqual({ page: 0, pane: 0 });
    expect(await widerThanPane()).toEqual([]);
    // The page as a phone shows it, the results brought into view by Recalculate; and the whole pane.
    await page.getByTestId("results-region").evaluate((e) => e.scrollIntoView({ block: "start" }));
    await page.setViewportSize({ width: 350, height: 900 });
    await page.screenshot({ path: path.join(RESULTS, "pane-results-350.png") });
    await page.getByTestId("pane").screenshot({ path: path.join(RESULTS, "pane-results-350-full.png") });
  });

  test("a page 320 px wide, with the results: no sideways scroll, links at least 24 px tall, and no focused field behind the sticky Recalculate bar", async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.waitForTimeout(300);
    expect(await sidewaysOverflow()).toEqual({ page: 0, pane: 0 });
    expect(await widerThanPane()).toEqual([]);
    const focus = await page.evaluate(async () => {
      const pane = document.querySelector<HTMLElement>("[data-testid=pane]")!;
      const bar = pane.querySelector<HTMLElement>("[data-testid=actions]")!;
      const fields = Array.from(pane.querySelectorAll<HTMLElement>("input, select, textarea, button, a[href], [tabindex='0']")).filter(
        (e) => !bar.contains(e) && e.getBoundingClientRect().height > 0 && !(e as HTMLButtonElement).disabled,
      );
      const hidden: string[] = [];
      for (const e of fields) {
        e.focus();
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        const r = e.getBoundingClientRect();
        const b = bar.getBoundingClientRect();
        if (document.activeElement === e && r.bottom > b.top + 1 && r.top < b.bottom)
          hidden.push(`${e.tagName.toLowerCase()} ${e.getAttribute("aria-label") ?? e.textContent?.slice(0, 30) ?? ""}`);
      }
      const short = Array.from(pane.querySelectorAll<HTMLElement>(".fui-Link"))
        .filter((e) => e.getBoundingClientRect().height > 0 && e.getBoundingClientRect().height < 24)
        .map((e) => `${Math.round(e.getBoundingClientRect().height)} px: ${e.textContent}`);
      return { focused: fields.length, hidden, short, links: pane.querySelectorAll(".fui-Link").length };
    });
    expect(focus.focused).toBeGreaterThan(10);
    expect(focus.hidden).toEqual([]);
    expect(focus.links).toBeGreaterThan(3);
    expect(focus.short).toEqual([]);
  });

  test("no page error, and the screenshots are copied to docs/", () => {
    expect(s.problems).toEqual([]);
    fs.mkdirSync(DOCS, { recursive: true });
    for (const f of ["pane-error-350.png", "pane-results-350.png"]) {
      fs.copyFileSync(path.join(RESULTS, f), path.join(DOCS, f));
      expect(fs.statSync(path.join(DOCS, f)).size).toBeGreaterThan(5000);
    }
  });
});
