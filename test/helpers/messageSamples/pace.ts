/** One sample of each message of the pace area (src/core/messages/pace.ts), with realistic params. */
import { said, type Message } from "../../../src/core/messages";

const TN = { vi: "BHXH tự nguyện", en: "Voluntary social insurance" };
const YT = { vi: "BHYT", en: "Health insurance" };

export const PACE_SAMPLES: readonly Message[] = [
  said(
    "pace-period-conflict",
    {
      indicator: TN,
      readings: [
        { text: "Chỉ tiêu năm 2024", start: "2024-01-01", end: "2024-12-31" },
        { text: "01/7–31/12/2023", start: "2023-07-01", end: "2023-12-31" },
      ],
      start: "2024-01-01",
      end: "2024-12-31",
    },
    { sheet: "KH 2024", column: "D" },
    "periodEnd",
  ),
  said("pace-period-defaulted", { indicator: YT, start: "2024-01-01", end: "2024-12-31" }, { sheet: "Kế hoạch", column: "F" }, "periodEnd"),
  said(
    "pace-start-assumed",
    { indicator: TN, text: "Chỉ tiêu đến 31/12/2022", start: "2022-01-01", end: "2022-12-31" },
    { sheet: "Kế hoạch", column: "C" },
    "periodStart",
  ),
  said("pace-no-start-level", { indicator: TN }, { sheet: "KH đợt 1", column: "D" }),
  said("pace-as-of-outside", { indicator: YT, asOf: "2024-07-31", start: "2024-01-01", end: "2024-06-30" }, { sheet: "KH đợt 1", column: "E" }, "asOf"),
  said("pace-no-as-of", {}, undefined, "asOf"),
  said("period-not-a-date", { which: "end", text: "31/6/2024" }, undefined, "periodEnd"),
  said("period-not-a-date", { which: "start", text: "đầu năm" }, undefined, "periodStart"),
  said("period-start-after-end", { start: "2024-07-01", end: "2024-06-30" }, undefined, "periodStart"),
];
