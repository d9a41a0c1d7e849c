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
  published: {
    tnCount: 12853,
    tnRate: "64,91%",
    bhytCount: 621955,
    bhytRate: "85,26%",
    belowTn: ["Huyện Vị Thủy", "Huyện Phụng Hiệp", "Huyện Long Mỹ"],
    belowBhyt: ["Huyện Phụng Hiệp", "Huyện Châu Thành", "Huyện Châu Thành A"],
  },
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
  addCanThoActuals(wb, ["bhyt", "bhtn", "tn", "bb"], { subtotals: true, notes: true });
  return wb;
}

const CAN_THO_ACTUAL_HEADERS = { bhyt: "BHYT", bhtn: "BHTN", tn: "BHXH TN", bb: "BHXH BB" } as const;

/**
 * Seed 001's actuals sheet "TH 4 tháng" (30/4/2024), typed by another office: abbreviations, its
 * own column order, numbers as text. `indicators` are its columns, in order; the pace workbooks
 * (test/helpers/paceSeeds.ts) take two of them, without subtotals or notes.
 */
export function addCanThoActuals(
  wb: ExcelJS.Workbook,
  indicators: readonly (keyof typeof CAN_THO_ACTUAL_HEADERS)[],
  extras: { readonly subtotals?: boolean; readonly notes?: boolean } = {},
): void {
  const u = canThoUnits();
  const abbr = (n: string) => n.replace(/^Quận /, "Q. ").replace(/^Huyện /, "H. ");
  addReportSheet(wb, {
    name: "TH 4 tháng",
    titles: ["KẾT QUẢ THỰC HIỆN 4 THÁNG ĐẦU NĂM 2024", "Từ 01/01/2024 đến 30/4/2024"],
    units: u.map((x) => ({ name: abbr(x.name), group: x.group })),
    groupHeader: "Số người tham gia",
    columns: indicators.map((k) => ({ header: CAN_THO_ACTUAL_HEADERS[k], values: u.map((x) => x[k][1]) })),
    total: { label: "Tổng cộng", position: "bottom" },
    numbers: "viText",
    ...(extras.subtotals ? { subtotals: true } : {}),
    ...(extras.notes ? { notes: true } : {}),
  });
}

/**
 * Integers proportional to `weights` (with a per-unit tilt so unit rates differ) that add up to
 * `total` exactly: the last rounding difference goes to the largest unit.
 */
function spread(total: number, weights: readonly number[], tilt: number, seed: number): number[] {
  // A deterministic tilt in [−1, 1] per unit and column, so that no two units share a rate by construction.
  const parts = weights.map((w, i) => Math.round(total * w * (1 + ((((i + 1) * (seed + 3) * 37) % 17) / 8 - 1) * tilt)));
  const diff = total - parts.reduce((a, b) => a + b, 0);
  const largest = weights.indexOf(Math.max(...weights));
  parts[largest]! += diff;
  return parts;
}

/**
 * Seed 002 — Quỳnh Nhai (Sơn La), 11 months of 2023: 64.417 people with BHYT, 95,3% of the
 * population, +10% on the same period of 2022; goals of 90% for "nông thôn mới" communes and 95%
 * for "nông thôn mới nâng cao". Commune figures made up to give those totals; Mường Sại is
 * exactly at its 90% goal (4.500 of 5.000) and Chiềng Bằng exactly at 95% (3.230 of 3.400).
 */
export const QUYNH_NHAI = {
  asOf: "30/11/2023",
  communes: [
    { name: "Mường Giàng", category: "NTM nâng cao", cluster: "Cụm 1", pop: 9800, bhyt: 9500, prev: 8700 },
    { name: "Chiềng Bằng", category: "NTM nâng cao", cluster: "Cụm 1", pop: 3400, bhyt: 3230, prev: 2950 },
    { name: "Mường Sại", category: "NTM", cluster: "Cụm 1", pop: 5000, bhyt: 4500, prev: 4100 },
    { name: "Chiềng Khoang", category: "NTM", cluster: "Cụm 2", pop: 6200, bhyt: 5650, prev: 5150 },
    { name: "Liệp Tè", category: "NTM", cluster: "Cụm 2", pop: 4300, bhyt: 3800, prev: 3500 },
    { name: "Chiềng Ơn", category: "NTM", cluster: "Cụm 2", pop: 5600, bhyt: 5450, prev: 4900 },
    { name: "Mường Chiên", category: "NTM", cluster: "Cụm 3", pop: 4900, bhyt: 4750, prev: 4260 },
    { name: "Cà Nàng", category: "Chưa đạt NTM", cluster: "Cụm 3", pop: 6100, bhyt: 5950, prev: 5350 },
    { name: "Chiềng Khay", category: "Chưa đạt NTM", cluster: "Cụm 3", pop: 5300, bhyt: 5050, prev: 4600 },
    { name: "Mường Giôn", category: "Chưa đạt NTM", cluster: "Cụm 3", pop: 8200, bhyt: 8000, prev: 7200 },
    { name: "Pá Ma Pha Khinh", category: "Chưa đạt NTM", cluster: "Cụm 1", pop: 8794, bhyt: 8537, prev: 7851 },
  ],
  published: { bhyt: 64417, coverage: "95,3%", growth: "10%", goals: { ntm: 0.9, ntmNangCao: 0.95 } },
} as const;

export function quynhNhaiWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const c = QUYNH_NHAI.communes;
  addReportSheet(wb, {
    name: "Dân số 2023",
    titles: ["UBND HUYỆN QUỲNH NHAI", "DÂN SỐ VÀ PHÂN LOẠI XÃ NĂM 2023"],
    unitHeader: "Tên xã",
    units: c.map((x) => ({ name: x.name })),
    // One office typed the category on another system: decomposed Unicode, odd spacing.
    textColumns: [
      { header: "Loại xã", values: c.map((x, i) => (i % 2 === 0 ? x.category.normalize("NFD") : `  ${x.category.toUpperCase()} `)) },
      { header: "Cụm", values: c.map((x) => x.cluster) },
    ],
    columns: [{ header: "Dân số (người)", values: c.map((x) => x.pop) }],
    total: { label: "Toàn huyện", position: "bottom" },
  });
  addReportSheet(wb, {
    name: "Thực hiện 11 tháng",
    titles: ["BẢO HIỂM XÃ HỘI HUYỆN QUỲNH NHAI", "SỐ NGƯỜI THAM GIA BHYT 11 THÁNG NĂM 2023", `Số liệu đến ngày ${QUYNH_NHAI.asOf}`],
    unitHeader: "Xã",
    units: c.map((x) => ({ name: `Xã ${x.name}` })),
    columns: [{ header: "Số người tham gia BHYT", values: c.map((x) => x.bhyt) }],
    columnNumbers: true,
    total: { label: "Toàn huyện", position: "top" },
    numbers: "viText",
  });
  addReportSheet(wb, {
    name: "Cùng kỳ 2022",
    titles: ["SỐ NGƯỜI THAM GIA BHYT 11 THÁNG NĂM 2022"],
    unitHeader: "Đơn vị",
    units: c.map((x) => ({ name: `X. ${x.name}` })),
    columns: [{ header: "Bảo hiểm y tế", values: c.map((x) => x.prev) }],
    total: { label: "Tổng cộng", position: "bottom" },
  });
  return wb;
}

/**
 * Seed 003 — Tiền Giang, end of June 2022: total social insurance 215.340 people (28,9% of the
 * labour force, 85,5% of plan, +5,4% on the same period); BHYT 1.512.400 (95,3% of plan, 91,3%
 * of the population); year-end goals 29% and 93%. A town and a district both named Cai Lậy, and
 * Gò Công Tây and Gò Công Đông beside the town of Gò Công, are all separate units.
 */
export const TIEN_GIANG = {
  asOf: "30/6/2022",
  units: [
    { name: "Thành phố Mỹ Tho", typed: "TP. Mỹ Tho", prevName: "THÀNH PHỐ MỸ THO", group: "Khối thành phố, thị xã", w: 0.14 },
    { name: "Thị xã Gò Công", typed: "TX Gò Công", prevName: "THỊ XÃ GÒ CÔNG", group: "Khối thành phố, thị xã", w: 0.06 },
    { name: "Thị xã Cai Lậy", typed: "TX. Cai Lậy", prevName: "THỊ XÃ CAI LẬY", group: "Khối thành phố, thị xã", w: 0.07 },
    { name: "Huyện Cái Bè", typed: "H. Cái Bè", prevName: "HUYỆN CÁI BÈ", group: "Khối huyện", w: 0.17 },
    { name: "Huyện Cai Lậy", typed: "H. Cai Lậy", prevName: "HUYỆN CAI LẬY", group: "Khối huyện", w: 0.1 },
    { name: "Huyện Tân Phước", typed: "H. Tân Phước", prevName: "HUYỆN TÂN PHƯỚC", group: "Khối huyện", w: 0.05 },
    { name: "Huyện Châu Thành", typed: "H. Châu Thành", prevName: "HUYỆN CHÂU THÀNH", group: "Khối huyện", w: 0.14 },
    { name: "Huyện Chợ Gạo", typed: "H. Chợ Gạo", prevName: "HUYỆN CHỢ GẠO", group: "Khối huyện", w: 0.1 },
    { name: "Huyện Gò Công Tây", typed: "H. Gò Công Tây", prevName: "HUYỆN GÒ CÔNG TÂY", group: "Khối huyện", w: 0.07 },
    { name: "Huyện Gò Công Đông", typed: "H.Gò Công Đông", prevName: "HUYỆN GÒ CÔNG ĐÔNG", group: "Khối huyện", w: 0.07 },
    { name: "Huyện Tân Phú Đông", typed: "H. Tân Phú Đông", prevName: "HUYỆN TÂN PHÚ ĐÔNG", group: "Khối huyện", w: 0.03 },
  ],
  totals: {
    bhxh: { actual: 215340, target: 251860, previous: 204307, labour: 745100 },
    bhyt: { actual: 1512400, target: 1587000, previous: 1470000, population: 1656500 },
  },
  published: { bhxhCoverage: "28,9%", bhxhOfPlan: "85,5%", bhxhGrowth: "5,4%", bhytOfPlan: "95,3%", bhytCoverage: "91,3%", goals: { bhxh: 0.29, bhyt: 0.93 } },
} as const;

export function tienGiangFigures(): {
  name: string;
  typed: string;
  prevName: string;
  group: string;
  bhxh: { actual: number; target: number; previous: number; labour: number };
  bhyt: { actual: number; target: number; previous: number; population: number };
}[] {
  const u = TIEN_GIANG.units;
  const w = u.map((x) => x.w);
  const T = TIEN_GIANG.totals;
  const cols = {
    bhxhA: spread(T.bhxh.actual, w, 0.04, 1),
    bhxhT: spread(T.bhxh.target, w, 0.01, 2),
    bhxhP: spread(T.bhxh.previous, w, 0.03, 3),
    lab: spread(T.bhxh.labour, w, 0.02, 4),
    bhytA: spread(T.bhyt.actual, w, 0.02, 5),
    bhytT: spread(T.bhyt.target, w, 0.01, 6),
    bhytP: spread(T.bhyt.previous, w, 0.02, 7),
    pop: spread(T.bhyt.population, w, 0.015, 8),
  };
  return u.map((x, i) => ({
    name: x.name,
    typed: x.typed,
    prevName: x.prevName,
    group: x.group,
    bhxh: { actual: cols.bhxhA[i]!, target: cols.bhxhT[i]!, previous: cols.bhxhP[i]!, labour: cols.lab[i]! },
    bhyt: { actual: cols.bhytA[i]!, target: cols.bhytT[i]!, previous: cols.bhytP[i]!, population: cols.pop[i]! },
  }));
}

export function tienGiangWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const u = tienGiangFigures();
  addReportSheet(wb, {
    name: "Kế hoạch 2022",
    titles: ["BẢO HIỂM XÃ HỘI TỈNH TIỀN GIANG", "KẾ HOẠCH PHÁT TRIỂN NGƯỜI THAM GIA BHXH, BHYT NĂM 2022"],
    unitHeader: "Đơn vị",
    units: u.map((x) => ({ name: x.name, group: x.group })),
    groupHeader: "Kế hoạch giao năm 2022 (người)",
    columns: [
      { header: "Bảo hiểm xã hội", values: u.map((x) => x.bhxh.target) },
      { header: "Bảo hiểm y tế", values: u.map((x) => x.bhyt.target) },
    ],
    columnNumbers: true,
    total: { label: "Toàn tỉnh", position: "top" },
    subtotals: true,
  });
  addReportSheet(wb, {
    name: "Thực hiện 6 tháng",
    titles: ["KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2022", `Số liệu đến ngày ${TIEN_GIANG.asOf}`],
    unitHeader: "Tên đơn vị",
    units: u.map((x) => ({ name: x.typed, group: x.group })),
    groupHeader: "Số người tham gia",
    columns: [
      { header: "BHYT", values: u.map((x) => x.bhyt.actual) },
      { header: "BHXH", values: u.map((x) => x.bhxh.actual) },
    ],
    total: { label: "Tổng cộng", position: "bottom" },
    numbers: "viText",
    subtotals: true,
    notes: true,
  });
  addReportSheet(wb, {
    name: "Cùng kỳ 2021",
    titles: ["SỐ NGƯỜI THAM GIA 6 THÁNG ĐẦU NĂM 2021"],
    unitHeader: "Đơn vị",
    units: u.map((x) => ({ name: x.prevName })),
    columns: [
      { header: "Số người tham gia BHXH", values: u.map((x) => x.bhxh.previous) },
      { header: "Số người tham gia BHYT", values: u.map((x) => x.bhyt.previous) },
    ],
    total: { label: "Toàn tỉnh", position: "bottom" },
    nfd: true,
  });
  addReportSheet(wb, {
    name: "Dân số - Lao động",
    titles: ["DÂN SỐ VÀ LỰC LƯỢNG LAO ĐỘNG NĂM 2022"],
    unitHeader: "Huyện, thị xã, thành phố",
    units: u.map((x) => ({ name: x.typed })),
    columns: [
      { header: "Dân số", values: u.map((x) => x.bhyt.population) },
      { header: "Lực lượng lao động", values: u.map((x) => x.bhxh.labour) },
    ],
    total: { label: "Toàn tỉnh", position: "bottom" },
    numbers: "formula",
  });
  return wb;
}

/**
 * Seed 004 — Vĩnh Phúc, 2020: total social insurance (compulsory + voluntary, no total column)
 * 32,8% of the labour force; BHYT 92% of the population; the resolution's goals 50% and 80%.
 * No targets sheet: coverage only.
 */
export const VINH_PHUC = {
  units: [
    { name: "Thành phố Vĩnh Yên", w: 0.12 },
    { name: "Thành phố Phúc Yên", w: 0.1 },
    { name: "Huyện Bình Xuyên", w: 0.12 },
    { name: "Huyện Lập Thạch", w: 0.11 },
    { name: "Huyện Sông Lô", w: 0.08 },
    { name: "Huyện Tam Dương", w: 0.09 },
    { name: "Huyện Tam Đảo", w: 0.07 },
    { name: "Huyện Vĩnh Tường", w: 0.17 },
    { name: "Huyện Yên Lạc", w: 0.14 },
  ],
  totals: { bb: 191150, tn: 19200, labour: 641300, bhyt: 1077500, population: 1171000 },
  published: { bhxhCoverage: "32,8%", bhytCoverage: "92%", goals: { bhxh: 0.5, bhyt: 0.8 } },
} as const;

export function vinhPhucFigures(): { name: string; bb: number; tn: number; labour: number; bhyt: number; population: number }[] {
  const w = VINH_PHUC.units.map((x) => x.w);
  const T = VINH_PHUC.totals;
  const bb = spread(T.bb, w, 0.08, 1);
  const tn = spread(T.tn, w, 0.06, 2);
  const labour = spread(T.labour, w, 0.02, 3);
  const bhyt = spread(T.bhyt, w, 0.02, 4);
  const population = spread(T.population, w, 0.015, 5);
  return VINH_PHUC.units.map((u, i) => ({ name: u.name, bb: bb[i]!, tn: tn[i]!, labour: labour[i]!, bhyt: bhyt[i]!, population: population[i]! }));
}

export function vinhPhucWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const u = vinhPhucFigures();
  addReportSheet(wb, {
    name: "Thực hiện 2020",
    titles: ["BẢO HIỂM XÃ HỘI TỈNH VĨNH PHÚC", "SỐ NGƯỜI THAM GIA BHXH, BHYT NĂM 2020 (ƯỚC)"],
    unitHeader: "Đơn vị",
    units: u.map((x) => ({ name: x.name })),
    groupHeader: "Số người tham gia",
    columns: [
      { header: "BHXH bắt buộc", values: u.map((x) => x.bb) },
      { header: "BHXH tự nguyện", values: u.map((x) => x.tn) },
      { header: "BHYT", values: u.map((x) => x.bhyt) },
    ],
    columnNumbers: true,
    total: { label: "Toàn tỉnh", position: "top" },
  });
  addReportSheet(wb, {
    name: "Dân số, lao động",
    titles: ["DÂN SỐ VÀ LỰC LƯỢNG LAO ĐỘNG NĂM 2020"],
    unitHeader: "Huyện, thành phố",
    units: u.map((x) => ({ name: x.name.replace(/^Thành phố /, "TP. ").replace(/^Huyện /, "H. ") })),
    columns: [
      { header: "Dân số trung bình", values: u.map((x) => x.population) },
      { header: "Lực lượng lao động", values: u.map((x) => x.labour) },
    ],
    total: { label: "Toàn tỉnh", position: "bottom" },
  });
  return wb;
}
