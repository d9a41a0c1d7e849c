/**
 * Workbooks built from the figures the articles publish (../shared/seeds). Unit-level figures are
 * made up so that the units add up to the published totals and rates; the published unit rates
 * (seed 000's districts below the province rate, seed 001's Thới Lai) are reproduced exactly.
 */
import ExcelJS from "exceljs";
import { addReportSheet } from "./reportSheet";

/** Seed 000 — Hậu Giang, 31/10/2022: voluntary social insurance (of plan) and BHYT coverage. */
export const HAU_GIANG = {
  asOf: "31/10/2022",
  // [targets sheet name, actuals sheet name, base sheet name]
  units: [
    // name in targets, name in actuals (typed by someone else), BHXH TN target, actual, population, BHYT participants, labour force
    { t: "Thành phố Vị Thanh", a: "TP. Vị Thanh", tnTarget: 2600, tn: 2010, pop: 75000, bhyt: 70000, labour: 45000 },
    { t: "Thành phố Ngã Bảy", a: "TP Ngã Bảy", tnTarget: 2200, tn: 1650, pop: 62000, bhyt: 57000, labour: 38000 },
    { t: "Thị xã Long Mỹ", a: "TX. Long Mỹ", tnTarget: 1900, tn: 1420, pop: 55000, bhyt: 50500, labour: 33000 },
    { t: "Huyện Vị Thủy", a: "H. Vị Thuỷ", tnTarget: 2096, tn: 951, pop: 72460, bhyt: 67531, labour: 44000 },
    { t: "Huyện Long Mỹ", a: "H.Long Mỹ", tnTarget: 2500, tn: 1331, pop: 90000, bhyt: 82000, labour: 54000 },
    { t: "Huyện Phụng Hiệp", a: "HUYỆN PHỤNG HIỆP", tnTarget: 3200, tn: 1579, pop: 190000, bhyt: 144343, labour: 112000 },
    { t: "Huyện Châu Thành", a: "H. Châu Thành", tnTarget: 2700, tn: 1950, pop: 85000, bhyt: 68561, labour: 51000 },
    { t: "Huyện Châu Thành A", a: "H. Châu Thành A", tnTarget: 2604, tn: 1962, pop: 100000, bhyt: 82020, labour: 60000 },
  ],
  published: { tnCount: 12853, tnRate: "64,91%", bhytCount: 621955, bhytRate: "85,26%", belowTn: ["Huyện Vị Thủy", "Huyện Phụng Hiệp", "Huyện Long Mỹ"], belowBhyt: ["Huyện Phụng Hiệp", "Huyện Châu Thành", "Huyện Châu Thành A"] },
} as const;

export function hauGiangWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const u = HAU_GIANG.units;
  addReportSheet(wb, {
    name: "Kế hoạch",
    titles: ["BẢO HIỂM XÃ HỘI TỈNH HẬU GIANG", "CHỈ TIÊU PHÁT TRIỂN NGƯỜI THAM GIA BHXH TỰ NGUYỆN NĂM 2022", "(Kèm theo Quyết định số 123/QĐ-BHXH)"],
    unitHeader: "Đơn vị",
    units: u.map((x) => ({ name: x.t })),
    groupHeader: "Chỉ tiêu giao năm 2022",
    columns: [{ header: "BHXH tự nguyện", values: u.map((x) => x.tnTarget) }],
    columnNumbers: true,
    total: { label: "Toàn tỉnh", position: "bottom" },
    notes: true,
  });
  addReportSheet(wb, {
    name: "Thực hiện",
    titles: ["BẢO HIỂM XÃ HỘI TỈNH HẬU GIANG", "KẾT QUẢ THỰC HIỆN", "Số liệu đến ngày 31/10/2022"],
    unitHeader: "Tên đơn vị",
    units: u.map((x) => ({ name: x.a })),
    // Columns in another order than the targets, names spelled out.
    columns: [
      { header: "Số người tham gia bảo hiểm y tế", values: u.map((x) => x.bhyt) },
      { header: "Số người tham gia bảo hiểm xã hội tự nguyện", values: u.map((x) => x.tn) },
    ],
    total: { label: "Tổng cộng", position: "top" },
    numbers: "viText",
    nfd: true,
  });
  addReportSheet(wb, {
    name: "Dân số",
    titles: ["DÂN SỐ VÀ LỰC LƯỢNG LAO ĐỘNG NĂM 2022"],
    unitHeader: "Huyện, thị xã, thành phố",
    units: u.map((x) => ({ name: x.t.toUpperCase() })),
    columns: [
      { header: "Dân số", values: u.map((x) => x.pop) },
      { header: "Lực lượng lao động", values: u.map((x) => x.labour) },
    ],
    total: { label: "Toàn tỉnh", position: "bottom" },
    numbers: "formula",
  });
  return wb;
}

/** Seed 001 — TP Cần Thơ, 4 months of 2024: the four indicators against plan. */
export const CAN_THO = {
  asOf: "30/4/2024",
  // Totals that give the published rates; Thới Lai's own figures as published.
  totals: {
    bb: { actual: 143013, target: 154408 },
    tn: { actual: 18590, target: 37420 },
    bhtn: { actual: 135876, target: 147115 },
    bhyt: { actual: 1065565, target: 1181336 },
  },
  thoiLai: { bb: { actual: 2882, target: 3200 }, tn: { actual: 1530, target: 2857 }, bhyt: { actual: 85254, target: 107332 } },
  quan: ["Quận Ninh Kiều", "Quận Bình Thủy", "Quận Cái Răng", "Quận Ô Môn", "Quận Thốt Nốt"],
  huyen: ["Huyện Phong Điền", "Huyện Thới Lai", "Huyện Cờ Đỏ", "Huyện Vĩnh Thạnh"],
  published: {
    bb: { count: 143013, rate: "92,62%" },
    tn: { count: 18590, rate: "49,68%" },
    bhtn: { count: 135876, rate: "92,36%" },
    bhyt: { count: 1065565, rate: "90,20%" },
    thoiLai: { bb: "90,06%", tn: "53,55%", bhyt: "79,43%" },
  },
} as const;

// Shares of the city's figures per unit (other than Thới Lai), made up but plausible.
const WEIGHTS = [0.3, 0.16, 0.14, 0.12, 0.11, 0.07, 0.05, 0.05]; // 8 units other than Thới Lai

/** Split `total − fixed` over the other units by weight, as integers adding up exactly. */
function split(total: number, fixed: number, jitter: number): number[] {
  const rest = total - fixed;
  const parts = WEIGHTS.map((w, i) => Math.round(rest * w * (1 + (((i * 7) % 5) - 2) * jitter)));
  const diff = rest - parts.reduce((a, b) => a + b, 0);
  parts[0]! += diff;
  return parts;
}

export function canThoUnits(): { name: string; group: string; bb: [number, number]; tn: [number, number]; bhtn: [number, number]; bhyt: [number, number] }[] {
  const T = CAN_THO.totals;
  const L = CAN_THO.thoiLai;
  // BHTN in Thới Lai is not published: give it a share like the others.
  const tlBhtn = { actual: 2400, target: 2650 };
  const names = [...CAN_THO.quan, "Huyện Phong Điền", "Huyện Cờ Đỏ", "Huyện Vĩnh Thạnh"];
  const cols = {
    bb: [split(T.bb.target, L.bb.target, 0), split(T.bb.actual, L.bb.actual, 0.03)],
    tn: [split(T.tn.target, L.tn.target, 0), split(T.tn.actual, L.tn.actual, 0.05)],
    bhtn: [split(T.bhtn.target, tlBhtn.target, 0), split(T.bhtn.actual, tlBhtn.actual, 0.02)],
    bhyt: [split(T.bhyt.target, L.bhyt.target, 0), split(T.bhyt.actual, L.bhyt.actual, 0.02)],
  } as const;
  const others = names.map((name, i) => ({
    name,
    group: i < 5 ? "Các quận" : "Các huyện",
    bb: [cols.bb[0][i]!, cols.bb[1][i]!] as [number, number],
    tn: [cols.tn[0][i]!, cols.tn[1][i]!] as [number, number],
    bhtn: [cols.bhtn[0][i]!, cols.bhtn[1][i]!] as [number, number],
    bhyt: [cols.bhyt[0][i]!, cols.bhyt[1][i]!] as [number, number],
  }));
  const thoiLai = {
    name: "Huyện Thới Lai",
    group: "Các huyện",
    bb: [L.bb.target, L.bb.actual] as [number, number],
    tn: [L.tn.target, L.tn.actual] as [number, number],
    bhtn: [tlBhtn.target, tlBhtn.actual] as [number, number],
    bhyt: [L.bhyt.target, L.bhyt.actual] as [number, number],
  };
  // Districts in their usual order: Phong Điền, Thới Lai, Cờ Đỏ, Vĩnh Thạnh.
  return [...others.slice(0, 6), thoiLai, ...others.slice(6)];
}

export function canThoWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const u = canThoUnits();
  addReportSheet(wb, {
    name: "KH 2024",
    titles: ["BẢO HIỂM XÃ HỘI THÀNH PHỐ CẦN THƠ", "KẾ HOẠCH PHÁT TRIỂN NGƯỜI THAM GIA BHXH, BHTN, BHYT NĂM 2024"],
    unitHeader: "Quận, huyện",
    units: u.map((x) => ({ name: x.name, group: x.group })),
    groupHeader: "Kế hoạch giao năm 2024 (người)",
    columns: [
      { header: "BHXH bắt buộc", values: u.map((x) => x.bb[0]) },
      { header: "BHXH tự nguyện", values: u.map((x) => x.tn[0]) },
      { header: "Bảo hiểm thất nghiệp", values: u.map((x) => x.bhtn[0]) },
      { header: "Bảo hiểm y tế", values: u.map((x) => x.bhyt[0]) },
    ],
    columnNumbers: true,
    total: { label: "Toàn thành phố", position: "top" },
    subtotals: true,
  });
  // Actuals typed by another office: abbreviations, other column order, numbers as text.
  const abbr = (n: string) => n.replace(/^Quận /, "Q. ").replace(/^Huyện /, "H. ");
  addReportSheet(wb, {
    name: "TH 4 tháng",
    titles: ["KẾT QUẢ THỰC HIỆN 4 THÁNG ĐẦU NĂM 2024", "Từ 01/01/2024 đến 30/4/2024"],
    units: u.map((x) => ({ name: abbr(x.name), group: x.group })),
    groupHeader: "Số người tham gia",
    columns: [
      { header: "BHYT", values: u.map((x) => x.bhyt[1]) },
      { header: "BHTN", values: u.map((x) => x.bhtn[1]) },
      { header: "BHXH TN", values: u.map((x) => x.tn[1]) },
      { header: "BHXH BB", values: u.map((x) => x.bb[1]) },
    ],
    total: { label: "Tổng cộng", position: "bottom" },
    numbers: "viText",
    subtotals: true,
    notes: true,
  });
  return wb;
}
