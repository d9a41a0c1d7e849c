import { openSession } from "../e2e/browser";
import { oneSheetLayout } from "../helpers/layouts";

(async () => {
  const s = await openSession();
  const page = await s.newPage();
  await page.setViewportSize({ width: 1440, height: 1600 });
  await page.goto(`${s.server.url}preview.html`);
  await page.getByTestId("detection").waitFor({ timeout: 30000 });
  const l = oneSheetLayout();
  const buffer = Buffer.from(await l.workbook.xlsx.writeBuffer());
  await page.locator("[data-testid=file-input]").setInputFiles({ name: "bieu01.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
  await page.getByTestId("file-name").filter({ hasText: "bieu01.xlsx" }).waitFor();
  await page.waitForTimeout(1500);
  // open any folded detection
  const det = page.getByText(/Những gì đã nhận diện/);
  if (await det.count()) await det.first().click().catch(() => {});
  await page.waitForTimeout(500);
  await page.locator("[data-testid=detection]").screenshot({ path: "/tmp/det.png" }).catch((e) => console.log(String(e)));
  await page.waitForTimeout(500);
  await page.locator("aside").screenshot({ path: "/tmp/pane1.png" });
  await page.getByRole("button", { name: /Tính lại|Recalculate/ }).click();
  await page.waitForTimeout(2500);
  await page.locator("aside").screenshot({ path: "/tmp/pane2.png" });
  await page.screenshot({ path: "/tmp/page2.png" });
  console.log(s.problems);
  await s.close();
})();
