import { render } from "../../src/core/messages";
import { chitieuErrorOf } from "../helpers/errors";
import { capitalizeFirst, properCase, proseName, splitPlaceName } from "../../src/core/placeNames";
import {
  areaFromTitles,
  areaFromTotalLabel,
  givenArea,
  givenReportDate,
  parseDayText,
  reportDateFromTitles,
  reportDateLead,
  resolveArea,
} from "../../src/core/reportDate";

describe("report date", () => {
  it("reads a day up to which the figures run from a title row", () => {
    const d = reportDateFromTitles(["BẢO HIỂM XÃ HỘI TỈNH HẬU GIANG", "KẾT QUẢ THỰC HIỆN", "Số liệu đến ngày 31/10/2022"]);
    expect(d).toEqual({ kind: "day", day: { day: 31, month: 10, year: 2022, text: "31/10/2022" } });
    expect(reportDateLead(d!, "vi")).toBe("Đến ngày 31/10/2022, ");
    expect(reportDateLead(d!, "en")).toBe("As of 31 October 2022, ");
  });

  it("reads a period, keeping the dates as written", () => {
    const d = reportDateFromTitles(["KẾT QUẢ THỰC HIỆN 4 THÁNG ĐẦU NĂM 2024", "Từ 01/01/2024 đến 30/4/2024"]);
    expect(d?.kind).toBe("period");
    expect(reportDateLead(d!, "vi")).toBe("Từ 01/01/2024 đến 30/4/2024, ");
    expect(reportDateLead(d!, "en")).toBe("From 1 January 2024 to 30 April 2024, ");
  });

  it("reads other ways of writing it: decomposed Unicode, 'tính đến', 'ngày … tháng … năm'", () => {
    expect(reportDateFromTitles(["Số liệu đến ngày 31/10/2022".normalize("NFD")])?.kind).toBe("day");
    expect(reportDateLead(reportDateFromTitles(["(Tính đến 30-6-2023)"])!, "vi")).toBe("Đến ngày 30/6/2023, ");
    expect(reportDateLead(reportDateFromTitles(["Số liệu đến ngày 31 tháng 10 năm 2022"])!, "vi")).toBe("Đến ngày 31/10/2022, ");
    expect(reportDateLead(reportDateFromTitles(["Từ ngày 1/1/2024 đến hết ngày 31/3/2024"])!, "en")).toBe("From 1 January 2024 to 31 March 2024, ");
  });

  it("does not take a decision's date or an impossible date for the report date", () => {
    expect(reportDateFromTitles(["(Kèm theo Quyết định số 123/QĐ-BHXH ngày 15/01/2022)"])).toBeNull();
    expect(reportDateFromTitles(["Số liệu đến ngày 31/02/2022"])).toBeNull();
    expect(reportDateFromTitles([])).toBeNull();
  });

  it("checks a given date and says how to write it", () => {
    expect(givenReportDate("31/10/2022")).toEqual({ kind: "day", day: { day: 31, month: 10, year: 2022, text: "31/10/2022" } });
    expect(parseDayText("29/2/2024")?.day).toBe(29);
    expect(parseDayText("29/2/2023")).toBeNull();
    for (const bad of ["2022-10-31", "31/13/2022", "tomorrow", ""]) {
      const e = chitieuErrorOf(() => givenReportDate(bad));
      expect(e.code).toBe("bad-option");
      expect(e.problem).toEqual({ code: "as-of-not-a-date", params: { text: bad }, setting: "asOf" });
    }
    // Message the Vietnamese way, with the way to write it and where to fix it in each shell.
    const m = chitieuErrorOf(() => givenReportDate("2022-10-31")).problem;
    expect(render(m, { lang: "vi", shell: "cli" })).toBe(
      "Ngày số liệu “2022-10-31” không phải một ngày: viết theo dạng ngày/tháng/năm, ví dụ 31/10/2022 (dùng --as-of dd/mm/yyyy).",
    );
    expect(render(m, { lang: "vi", shell: "pane" })).toContain("sửa ở ô “Ngày số liệu trong nhận xét”");
  });
});

describe("place names in prose", () => {
  it.each([
    ["Huyện Vị Thủy", "huyện Vị Thủy", "Vị Thủy district"],
    ["Thị xã Long Mỹ", "thị xã Long Mỹ", "Long Mỹ town"],
    ["Huyện Long Mỹ", "huyện Long Mỹ", "Long Mỹ district"],
    ["Thành phố Vị Thanh", "thành phố Vị Thanh", "Vị Thanh city"],
    ["HUYỆN PHỤNG HIỆP", "huyện Phụng Hiệp", "Phụng Hiệp district"],
    ["H. Châu Thành A", "huyện Châu Thành A", "Châu Thành A district"],
    ["TP Cần Thơ", "thành phố Cần Thơ", "Cần Thơ city"],
    ["Quận Ninh Kiều", "quận Ninh Kiều", "Ninh Kiều urban district"],
    ["Xã Mường Giôn", "xã Mường Giôn", "Mường Giôn commune"],
    ["Phường 1", "phường 1", "1 ward"],
    ["Hòa Bình", "Hòa Bình", "Hòa Bình"],
    ["Ngã Bảy", "Ngã Bảy", "Ngã Bảy"],
  ])("%s → %s / %s", (raw, vi, en) => {
    expect(proseName(raw, "vi")).toBe(vi);
    expect(proseName(raw, "en")).toBe(en);
  });

  it("keeps apart units of the same name and another kind", () => {
    expect(proseName("Huyện Long Mỹ", "vi")).not.toBe(proseName("Thị xã Long Mỹ", "vi"));
    expect(splitPlaceName("Thị xã Long Mỹ").kind).toBe("tx");
  });

  it("only all-capital names are re-cased; roman numerals stay", () => {
    expect(properCase("CHÂU THÀNH A")).toBe("Châu Thành A");
    expect(properCase("KHU VỰC II")).toBe("Khu Vực II");
    expect(properCase("iPhone")).toBe("iPhone");
    expect(capitalizeFirst("đến ngày")).toBe("Đến ngày");
  });
});

describe("area", () => {
  it("takes the user's area, its level from its prefix", () => {
    expect(givenArea("tỉnh Hậu Giang")).toMatchObject({ vi: "tỉnh Hậu Giang", en: "Hậu Giang province", level: "tinh", viAt: "tại tỉnh Hậu Giang" });
    expect(givenArea("  ")).toBeNull();
    expect(resolveArea({ given: "Hậu Giang", totalLabel: "Toàn tỉnh" })).toMatchObject({ area: { vi: "Hậu Giang" }, level: "tinh" });
  });

  it("reads the area from an agency title row, and nothing else", () => {
    expect(areaFromTitles(["BẢO HIỂM XÃ HỘI TỈNH HẬU GIANG"])).toMatchObject({ vi: "tỉnh Hậu Giang", en: "Hậu Giang province", level: "tinh" });
    expect(areaFromTitles(["BẢO HIỂM XÃ HỘI THÀNH PHỐ CẦN THƠ"])).toMatchObject({ vi: "thành phố Cần Thơ", level: "tp" });
    expect(areaFromTitles(["UBND huyện Quỳnh Nhai".normalize("NFD")])).toMatchObject({ vi: "huyện Quỳnh Nhai" });
    expect(areaFromTitles(["CHỈ TIÊU PHÁT TRIỂN NGƯỜI THAM GIA BHXH TỰ NGUYỆN NĂM 2022", "DÂN SỐ VÀ LỰC LƯỢNG LAO ĐỘNG NĂM 2022"])).toBeNull();
    expect(areaFromTitles(["BẢO HIỂM XÃ HỘI TỈNH HẬU GIANG NĂM 2022"])).toBeNull();
  });

  it("falls back to the total row's label, which also gives the level", () => {
    expect(areaFromTotalLabel("Toàn tỉnh")).toMatchObject({ vi: "toàn tỉnh", en: "the province", level: "tinh", viAt: "tính chung toàn tỉnh" });
    expect(areaFromTotalLabel("Toàn thành phố")?.level).toBe("tp");
    expect(areaFromTotalLabel("Toàn huyện")?.level).toBe("h");
    expect(areaFromTotalLabel("Tổng cộng")).toBeNull();
    expect(resolveArea({ titles: [], totalLabel: "Tổng cộng" })).toEqual({ area: null, level: null });
  });

  it("a title's area is not taken when the total row says another level", () => {
    const r = resolveArea({ titles: ["BẢO HIỂM XÃ HỘI TỈNH SƠN LA"], totalLabel: "Toàn huyện" });
    expect(r.area?.vi).toBe("toàn huyện");
    expect(r.level).toBe("h");
    expect(resolveArea({ titles: ["BẢO HIỂM XÃ HỘI TỈNH SƠN LA"], totalLabel: "Tổng cộng" }).area?.vi).toBe("tỉnh Sơn La");
  });
});
