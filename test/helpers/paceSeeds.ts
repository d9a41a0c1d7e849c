/**
 * Seed workbooks for pace (issue 19), built from the seeds' published figures (scripts/lib/seeds.ts):
 * - Cần Thơ's đợt 1 (seed 001): "đợt 1 (từ ngày 1-1 đến ngày 30-6-2024)" targets of 28.883
 *   voluntary and 1.057.188 health-insurance participants, seen at 30/4/2024 with 18.590 and
 *   1.065.565 (the actuals sheet of `canThoWorkbook`, "Từ 01/01/2024 đến 30/4/2024");
 * - the same with a year target column beside each phase target ("Kế hoạch năm 2024"): two
 *   results per indicator;
 * - Tiền Giang's year end (seed 003): social insurance "Mục tiêu đến cuối năm 2022" 279.000, seen
 *   at 30/6/2022 with 215.340.
 */
import ExcelJS from "exceljs";
import { addReportSheet } from "../../scripts/lib/reportSheet";
import { CAN_THO, TIEN_GIANG, addCanThoActuals, canThoUnits, tienGiangFigures } from "../../scripts/lib/seeds";

export const CAN_THO_PHASE_1 = { tn: 28883, bhyt: 1057188, asOf: "2024-04-30", start: "2024-01-01", end: "2024-06-30" } as const;
export const TIEN_GIANG_YEAR_END = { bhxh: 279000, asOf: "2022-06-30" } as const;

/** Integers proportional to `weights` adding up to `total` exactly (the rounding difference on the largest). */
export function shares(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.round((total * w) / sum));
  const largest = weights.indexOf(Math.max(...weights));
  parts[largest]! += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

/** Seed 001 against its đợt 1 targets only. */
export function canThoPhaseWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const u = canThoUnits();
  addReportSheet(wb, {
    name: "Chỉ tiêu đợt 1",
    titles: ["BẢO HIỂM XÃ HỘI THÀNH PHỐ CẦN THƠ", "GIAO CHỈ TIÊU PHÁT TRIỂN NGƯỜI THAM GIA BHXH TỰ NGUYỆN, BHYT"],
    unitHeader: "Quận, huyện",
    units: u.map((x) => ({ name: x.name })),
    groupHeader: "Chỉ tiêu đợt 1 (từ ngày 1-1 đến ngày 30-6-2024)",
    columns: [
      {
        header: "BHXH tự nguyện",
        values: shares(
          CAN_THO_PHASE_1.tn,
          u.map((x) => x.tn[0]),
        ),
      },
      {
        header: "Bảo hiểm y tế",
        values: shares(
          CAN_THO_PHASE_1.bhyt,
          u.map((x) => x.bhyt[0]),
        ),
      },
    ],
    total: { label: "Toàn thành phố", position: "top" },
  });
  addCanThoActuals(wb, ["bhyt", "tn"]);
  return wb;
}

/** Seed 001 with a phase target and a year target per indicator, side by side in one sheet. */
export function canThoTwoPeriodWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const u = canThoUnits();
  addReportSheet(wb, {
    name: "Kế hoạch 2024",
    titles: ["BẢO HIỂM XÃ HỘI THÀNH PHỐ CẦN THƠ", "KẾ HOẠCH PHÁT TRIỂN NGƯỜI THAM GIA NĂM 2024"],
    unitHeader: "Quận, huyện",
    units: u.map((x) => ({ name: x.name })),
    columns: [
      {
        header: "Chỉ tiêu đợt 1 (01/01–30/6/2024) BHXH tự nguyện",
        values: shares(
          CAN_THO_PHASE_1.tn,
          u.map((x) => x.tn[0]),
        ),
      },
      { header: "Kế hoạch năm 2024 BHXH tự nguyện", values: u.map((x) => x.tn[0]) },
      {
        header: "Chỉ tiêu đợt 1 (01/01–30/6/2024) BHYT",
        values: shares(
          CAN_THO_PHASE_1.bhyt,
          u.map((x) => x.bhyt[0]),
        ),
      },
      { header: "Kế hoạch năm 2024 BHYT", values: u.map((x) => x.bhyt[0]) },
    ],
    total: { label: "Toàn thành phố", position: "top" },
  });
  addCanThoActuals(wb, ["bhyt", "tn"]);
  return wb;
}

/** Seed 003: total social insurance against its year-end goal, at 30/6/2022. */
export function tienGiangYearEndWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const u = tienGiangFigures();
  addReportSheet(wb, {
    name: "Mục tiêu 2022",
    titles: ["BẢO HIỂM XÃ HỘI TỈNH TIỀN GIANG"],
    unitHeader: "Đơn vị",
    units: u.map((x) => ({ name: x.name })),
    groupHeader: "Mục tiêu đến cuối năm 2022 (người)",
    columns: [
      {
        header: "Bảo hiểm xã hội",
        values: shares(
          TIEN_GIANG_YEAR_END.bhxh,
          u.map((x) => x.bhxh.target),
        ),
      },
    ],
    total: { label: "Toàn tỉnh", position: "top" },
  });
  addReportSheet(wb, {
    name: "Thực hiện 6 tháng",
    titles: ["KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2022", `Số liệu đến ngày ${TIEN_GIANG.asOf}`],
    unitHeader: "Tên đơn vị",
    units: u.map((x) => ({ name: x.typed })),
    groupHeader: "Số người tham gia",
    columns: [{ header: "BHXH", values: u.map((x) => x.bhxh.actual) }],
    total: { label: "Tổng cộng", position: "bottom" },
    numbers: "viText",
  });
  return wb;
}

export { CAN_THO };
