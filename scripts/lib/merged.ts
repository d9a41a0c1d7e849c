/**
 * The second bundled sample (issue 18): the communes and wards of the former Hậu Giang province,
 * part of thành phố Cần Thơ since the July 2025 merger, in a report of 31/3/2026 — this year's
 * plan and actuals on the 28 new units, last year's same period (31/3/2025) on the 76 old ones,
 * and the crosswalk of old to new units that planners copy from the merger resolution.
 *
 * Names: the new units are those of Nghị quyết 1668/NQ-UBTVQH15 (16/6/2025) for the area; the
 * old units are the former province's communes, wards and thị trấn; which old units make up each
 * new one follows the province's published plan of April 2025 where the press reported it
 * (Vị Thanh, Ngã Bảy, thị xã Long Mỹ, Vị Thủy) and is plausible elsewhere. One old commune (xã
 * Tân Thành) is split between two new wards with shares, as resolutions split a few ("một phần").
 * Every figure is made up by a seeded generator: the sample shows the work, not the record.
 */
import ExcelJS from "exceljs";
import { addReportSheet } from "./reportSheet";

/** Old units by their old district, as last year's sheet lists them (some abbreviated, as typed). */
export interface OldUnit {
  /** As the crosswalk writes it. */
  readonly name: string;
  /** As last year's sheet writes it (another hand: "P. I", "TT Nàng Mau"). */
  readonly typed: string;
  readonly district: string;
}

/** New unit ← old units (with a share where an old unit is split). */
export interface NewUnit {
  readonly name: string;
  readonly from: readonly { readonly old: string; readonly share?: number }[];
}

const D = {
  viThanh: "Thành phố Vị Thanh",
  ngaBay: "Thành phố Ngã Bảy",
  txLongMy: "Thị xã Long Mỹ",
  longMy: "Huyện Long Mỹ",
  viThuy: "Huyện Vị Thủy",
  chauThanhA: "Huyện Châu Thành A",
  chauThanh: "Huyện Châu Thành",
  phungHiep: "Huyện Phụng Hiệp",
} as const;

/** [new unit, [old unit, its district, how last year's sheet typed it (default: as the crosswalk)]…]. */
const MERGER: readonly (readonly [string, readonly (readonly [string, string, string?, number?])[]])[] = [
  [
    "Phường Vị Thanh",
    [
      ["Phường I", D.viThanh, "P. I"],
      ["Phường III", D.viThanh, "P. III"],
      ["Phường V", D.viThanh, "P. V"],
      ["Phường VII", D.viThanh, "P. VII"],
    ],
  ],
  [
    "Phường Vị Tân",
    [
      ["Phường IV", D.viThanh, "P. IV"],
      ["Xã Vị Tân", D.viThanh],
    ],
  ],
  [
    "Xã Hỏa Lựu",
    [
      ["Xã Hỏa Lựu", D.viThanh],
      ["Xã Hỏa Tiến", D.viThanh],
      ["Xã Tân Tiến", D.viThanh],
    ],
  ],
  [
    "Phường Ngã Bảy",
    [
      ["Phường Ngã Bảy", D.ngaBay],
      ["Phường Lái Hiếu", D.ngaBay],
      ["Phường Hiệp Thành", D.ngaBay],
      ["Xã Tân Thành", D.ngaBay, undefined, 0.4],
    ],
  ],
  [
    "Phường Đại Thành",
    [
      ["Phường Hiệp Lợi", D.ngaBay],
      ["Xã Đại Thành", D.ngaBay],
      ["Xã Tân Thành", D.ngaBay, undefined, 0.6],
    ],
  ],
  [
    "Phường Long Bình",
    [
      ["Phường Bình Thạnh", D.txLongMy],
      ["Phường Vĩnh Tường", D.txLongMy],
      ["Xã Long Bình", D.txLongMy],
    ],
  ],
  [
    "Phường Long Mỹ",
    [
      ["Phường Thuận An", D.txLongMy],
      ["Xã Long Trị", D.txLongMy],
      ["Xã Long Trị A", D.txLongMy],
    ],
  ],
  [
    "Phường Long Phú 1",
    [
      ["Phường Trà Lồng", D.txLongMy],
      ["Xã Long Phú", D.txLongMy],
      ["Xã Tân Phú", D.txLongMy],
    ],
  ],
  [
    "Xã Vĩnh Viễn",
    [
      ["Thị trấn Vĩnh Viễn", D.longMy, "TT Vĩnh Viễn"],
      ["Xã Vĩnh Viễn A", D.longMy],
    ],
  ],
  [
    "Xã Lương Tâm",
    [
      ["Xã Lương Tâm", D.longMy],
      ["Xã Lương Nghĩa", D.longMy],
      ["Xã Thuận Hòa", D.longMy],
    ],
  ],
  [
    "Xã Xà Phiên",
    [
      ["Xã Xà Phiên", D.longMy],
      ["Xã Thuận Hưng", D.longMy],
    ],
  ],
  [
    "Xã Vĩnh Thuận Đông",
    [
      ["Xã Vĩnh Thuận Đông", D.longMy],
      ["Xã Vĩnh Thuận Tây", D.viThuy],
    ],
  ],
  [
    "Xã Vị Thủy",
    [
      ["Thị trấn Nàng Mau", D.viThuy, "TT Nàng Mau"],
      ["Xã Vị Trung", D.viThuy],
      ["Xã Vị Thắng", D.viThuy],
      ["Xã Vị Thủy", D.viThuy],
    ],
  ],
  [
    "Xã Vị Thanh 1",
    [
      ["Xã Vị Đông", D.viThuy],
      ["Xã Vị Thanh", D.viThuy],
      ["Xã Vị Bình", D.viThuy],
    ],
  ],
  [
    "Xã Vĩnh Tường",
    [
      ["Xã Vĩnh Tường", D.viThuy],
      ["Xã Vĩnh Trung", D.viThuy],
    ],
  ],
  [
    "Xã Thạnh Xuân",
    [
      ["Thị trấn Cái Tắc", D.chauThanhA, "TT. Cái Tắc"],
      ["Xã Thạnh Xuân", D.chauThanhA],
      ["Xã Tân Phú Thạnh", D.chauThanhA],
    ],
  ],
  [
    "Xã Tân Hòa",
    [
      ["Thị trấn Một Ngàn", D.chauThanhA, "TT. Một Ngàn"],
      ["Thị trấn Bảy Ngàn", D.chauThanhA, "TT. Bảy Ngàn"],
      ["Xã Tân Hòa", D.chauThanhA],
      ["Xã Nhơn Nghĩa A", D.chauThanhA],
    ],
  ],
  [
    "Xã Trường Long Tây",
    [
      ["Thị trấn Rạch Gòi", D.chauThanhA, "TT. Rạch Gòi"],
      ["Xã Trường Long Tây", D.chauThanhA],
      ["Xã Trường Long A", D.chauThanhA],
    ],
  ],
  [
    "Xã Châu Thành",
    [
      ["Thị trấn Ngã Sáu", D.chauThanh, "TT Ngã Sáu"],
      ["Xã Đông Thạnh", D.chauThanh],
      ["Xã Đông Phú", D.chauThanh],
    ],
  ],
  [
    "Xã Đông Phước",
    [
      ["Xã Đông Phước", D.chauThanh],
      ["Xã Đông Phước A", D.chauThanh],
      ["Xã Phú An", D.chauThanh],
    ],
  ],
  [
    "Xã Phú Hữu",
    [
      ["Thị trấn Mái Dầm", D.chauThanh, "TT Mái Dầm"],
      ["Xã Phú Hữu", D.chauThanh],
      ["Xã Phú Tân", D.chauThanh],
    ],
  ],
  [
    "Xã Tân Bình",
    [
      ["Xã Tân Bình", D.phungHiep],
      ["Xã Bình Thành", D.phungHiep],
    ],
  ],
  [
    "Xã Hòa An",
    [
      ["Thị trấn Kinh Cùng", D.phungHiep, "TT. Kinh Cùng"],
      ["Xã Hòa An", D.phungHiep],
      ["Xã Hòa Mỹ", D.phungHiep],
    ],
  ],
  [
    "Xã Phương Bình",
    [
      ["Xã Phương Bình", D.phungHiep],
      ["Xã Phương Phú", D.phungHiep],
    ],
  ],
  [
    "Xã Tân Phước Hưng",
    [
      ["Thị trấn Búng Tàu", D.phungHiep, "TT. Búng Tàu"],
      ["Xã Tân Phước Hưng", D.phungHiep],
      ["Xã Tân Long", D.phungHiep],
    ],
  ],
  [
    "Xã Hiệp Hưng",
    [
      ["Xã Hiệp Hưng", D.phungHiep],
      ["Xã Long Thạnh", D.phungHiep],
    ],
  ],
  [
    "Xã Phụng Hiệp",
    [
      ["Thị trấn Cây Dương", D.phungHiep, "TT. Cây Dương"],
      ["Xã Phụng Hiệp", D.phungHiep],
    ],
  ],
  ["Xã Thạnh Hòa", [["Xã Thạnh Hòa", D.phungHiep]]],
];

export const MERGED_NEW: readonly NewUnit[] = MERGER.map(([name, olds]) => ({
  name,
  from: olds.map(([old, , , share]) => (share === undefined ? { old } : { old, share })),
}));

/** The old units in last year's order: by old district, as the old province listed them. */
export const MERGED_OLD: readonly OldUnit[] = (() => {
  const seen = new Map<string, OldUnit>();
  for (const [, olds] of MERGER) for (const [name, district, typed] of olds) if (!seen.has(name)) seen.set(name, { name, district, typed: typed ?? name });
  const order = Object.values(D) as string[];
  return [...seen.values()].sort((a, b) => order.indexOf(a.district) - order.indexOf(b.district));
})();

/** A small seeded generator (mulberry32): the sample is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface MergedFigures {
  /** Last year's same period, per old unit (MERGED_OLD order). */
  readonly previous: readonly { readonly tn: number; readonly bhyt: number }[];
  /** This year, per new unit (MERGED_NEW order): plan and actuals. */
  readonly current: readonly { readonly tnTarget: number; readonly tn: number; readonly bhytTarget: number; readonly bhyt: number }[];
}

export function mergedFigures(): MergedFigures {
  const rnd = seeded(20250701);
  const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  // A split old unit's figures are multiples of 5, so that 40% and 60% of them are whole people.
  const split = new Set(MERGED_NEW.flatMap((n) => n.from.filter((f) => f.share !== undefined).map((f) => f.old)));
  const previous = MERGED_OLD.map((o) => {
    const tn = between(90, 620);
    const bhyt = between(3200, 14800);
    return split.has(o.name) ? { tn: tn - (tn % 5), bhyt: bhyt - (bhyt % 5) } : { tn, bhyt };
  });
  const byName = new Map(MERGED_OLD.map((o, i) => [o.name, previous[i]!]));
  const current = MERGED_NEW.map((n) => {
    const sum = (k: "tn" | "bhyt") => n.from.reduce((s, f) => s + byName.get(f.old)![k] * (f.share ?? 1), 0);
    const tn = Math.round(sum("tn") * (0.92 + rnd() * 0.36));
    const bhyt = Math.round(sum("bhyt") * (0.97 + rnd() * 0.08));
    return { tnTarget: Math.round(tn / (0.5 + rnd() * 0.45) / 10) * 10, tn, bhytTarget: Math.round(bhyt / (0.86 + rnd() * 0.13) / 10) * 10, bhyt };
  });
  return { previous, current };
}

const TITLE = "CÁC XÃ, PHƯỜNG KHU VỰC HẬU GIANG (THÀNH PHỐ CẦN THƠ)";

export function mergedWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const f = mergedFigures();
  addReportSheet(wb, {
    name: "Kế hoạch 2026",
    titles: ["KẾ HOẠCH PHÁT TRIỂN NGƯỜI THAM GIA BHXH TỰ NGUYỆN, BHYT NĂM 2026", TITLE],
    unitHeader: "Xã, phường",
    units: MERGED_NEW.map((n) => ({ name: n.name })),
    groupHeader: "Chỉ tiêu giao năm 2026",
    columns: [
      { header: "BHXH tự nguyện", values: f.current.map((c) => c.tnTarget) },
      { header: "BHYT", values: f.current.map((c) => c.bhytTarget) },
    ],
    columnNumbers: true,
    total: { label: "Toàn khu vực", position: "bottom" },
  });
  addReportSheet(wb, {
    name: "Thực hiện T3.2026",
    titles: ["KẾT QUẢ PHÁT TRIỂN NGƯỜI THAM GIA BHXH TỰ NGUYỆN, BHYT", TITLE, "Số liệu đến ngày 31/3/2026"],
    unitHeader: "Tên đơn vị",
    units: MERGED_NEW.map((n) => ({ name: n.name })),
    columns: [
      { header: "Số người tham gia BHXH tự nguyện", values: f.current.map((c) => c.tn) },
      { header: "Số người tham gia BHYT", values: f.current.map((c) => c.bhyt) },
    ],
    total: { label: "Toàn khu vực", position: "top" },
    numbers: "viText",
  });
  addReportSheet(wb, {
    name: "Cùng kỳ 2025",
    titles: ["KẾT QUẢ PHÁT TRIỂN NGƯỜI THAM GIA BHXH TỰ NGUYỆN, BHYT — TỈNH HẬU GIANG", "Số liệu đến ngày 31/3/2025"],
    unitHeader: "Đơn vị",
    units: MERGED_OLD.map((o) => ({ name: o.typed, group: o.district })),
    columns: [
      { header: "BHXH tự nguyện", values: f.previous.map((p) => p.tn) },
      { header: "BHYT", values: f.previous.map((p) => p.bhyt) },
    ],
    subtotals: true,
    total: { label: "Toàn tỉnh", position: "bottom" },
  });
  crosswalkSheet(wb);
  return wb;
}

/** The crosswalk as the resolution's annex lays it out: one row per old unit, the new unit merged down over its rows. */
function crosswalkSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("Quy đổi đơn vị");
  ws.getCell(1, 1).value = "DANH SÁCH ĐƠN VỊ HÀNH CHÍNH CẤP XÃ TRƯỚC VÀ SAU SẮP XẾP (Nghị quyết số 1668/NQ-UBTVQH15)";
  ws.mergeCells(1, 1, 1, 5);
  const header = ["STT", "Xã, phường, thị trấn trước sắp xếp", "Huyện, thị xã, thành phố (cũ)", "Xã, phường sau sắp xếp", "Tỷ lệ (%)"];
  header.forEach((h, i) => (ws.getCell(3, i + 1).value = h));
  const district = new Map(MERGED_OLD.map((o) => [o.name, o.district]));
  let r = 4;
  let stt = 0;
  for (const n of MERGED_NEW) {
    const first = r;
    for (const f of n.from) {
      ws.getCell(r, 1).value = ++stt;
      ws.getCell(r, 2).value = f.old;
      ws.getCell(r, 3).value = district.get(f.old)!;
      if (f.share !== undefined) ws.getCell(r, 5).value = Math.round(f.share * 100);
      r++;
    }
    ws.getCell(first, 4).value = n.name;
    if (r - 1 > first) ws.mergeCells(first, 4, r - 1, 4);
  }
  ws.getColumn(2).width = 32;
  ws.getColumn(3).width = 28;
  ws.getColumn(4).width = 24;
}
