import fc from "fast-check";
import { detectedReportContext, reportDateText } from "../../src/core/reportContext";
import { narrativeContext } from "../../src/core/narrative";
import type { Summary, SheetTitles } from "../../src/core/results";

const summary = (titles: readonly SheetTitles[], totalLabel: string | null): Summary => ({ titles, totalLabel, average: "overall" }) as unknown as Summary;

describe("the report date and area the workbook states, with their source", () => {
  test("a date from the actuals' title rows; the area from the agency row", () => {
    const s = summary(
      [
        { role: "targets", sheet: "Kế hoạch", lines: ["BẢO HIỂM XÃ HỘI TỈNH HẬU GIANG", "Kế hoạch năm 2022 (giao ngày 15/01/2022)"] },
        { role: "actuals", sheet: "Thực hiện", lines: ["KẾT QUẢ THỰC HIỆN", "Số liệu đến ngày 31/10/2022"] },
      ],
      "Toàn tỉnh",
    );
    const c = detectedReportContext(s);
    expect(c.date && reportDateText(c.date.value)).toBe("31/10/2022");
    expect(c.date?.source).toBe("titles");
    expect(c.area?.value.vi).toBe("tỉnh Hậu Giang");
    expect(c.area?.source).toBe("titles");
  });

  test("the total row names the area when no agency row does; a plan's date is not the report's", () => {
    const c = detectedReportContext(summary([{ role: "targets", sheet: "KH", lines: ["Số liệu đến ngày 31/12/2022"] }], "Toàn huyện"));
    expect(c.date).toBeNull();
    expect(c.area?.value.vi).toBe("toàn huyện");
    expect(c.area?.source).toBe("total");
  });

  test("an agency row of another level than the total row's gives way to the total row", () => {
    const c = detectedReportContext(summary([{ role: "actuals", sheet: "TH", lines: ["BẢO HIỂM XÃ HỘI TỈNH HẬU GIANG"] }], "Toàn huyện"));
    expect(c.area).toMatchObject({ source: "total", value: { vi: "toàn huyện" } });
  });

  test("nothing stated, nothing detected", () => {
    expect(detectedReportContext(summary([], null))).toEqual({ date: null, area: null });
    expect(detectedReportContext(summary([], "Tổng cộng"))).toEqual({ date: null, area: null });
  });

  test("a period is shown from–to, as written", () => {
    const c = detectedReportContext(summary([{ role: "actuals", sheet: "TH", lines: ["Từ 01/01/2024 đến 30/4/2024"] }], null));
    expect(c.date && reportDateText(c.date.value)).toBe("01/01/2024 – 30/4/2024");
  });

  test("always what the paragraphs use when the user gives no date or area", () => {
    const line = fc.constantFrom(
      "BẢO HIỂM XÃ HỘI TỈNH HẬU GIANG",
      "BHXH HUYỆN QUỲNH NHAI",
      "UBND THÀNH PHỐ CẦN THƠ",
      "Số liệu đến ngày 31/10/2022",
      "Từ 01/01/2024 đến 30/4/2024",
      "(Kèm theo Quyết định số 123/QĐ-BHXH ngày 15/01/2022)",
      "KẾT QUẢ THỰC HIỆN",
    );
    const titles = fc.array(
      fc.record({ role: fc.constantFrom("targets", "actuals", "base", "previous" as const), sheet: fc.constant("S"), lines: fc.array(line, { maxLength: 3 }) }),
      { maxLength: 4 },
    );
    const total = fc.constantFrom(null, "Toàn tỉnh", "Toàn huyện", "Toàn thành phố", "Tổng cộng");
    fc.assert(
      fc.property(titles, total, (t, label) => {
        const s = summary(t as SheetTitles[], label);
        const c = detectedReportContext(s);
        const n = narrativeContext(s);
        expect(c.area?.value ?? null).toEqual(n.area);
        expect(c.date?.value ?? null).toEqual(n.date);
      }),
    );
  });
});
