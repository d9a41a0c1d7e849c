/** One sample of each message of the crosswalk area (src/core/messages/crosswalk.ts), with realistic params. */
import { said, type Message } from "../../../src/core/messages";

export const CROSSWALK_SAMPLES: readonly Message[] = [
  said("crosswalk-not-read", {}, { sheet: "Quy đổi" }, "crosswalk"),
  said("crosswalk-sheet-not-found", { name: "Quy doi", sheets: ["Kế hoạch", "Thực hiện", "Cùng kỳ"] }, { sheet: "Quy doi" }, "crosswalk"),
  said("crosswalk-old-missing", { unit: "Xã Tân Tiến", crosswalk: "Quy đổi" }, { sheet: "Cùng kỳ", cell: "B12" }, "crosswalk"),
  said(
    "crosswalk-new-without-old",
    { unit: "Xã Hỏa Lựu", sheet: "Cùng kỳ", crosswalk: "Quy đổi", listed: false },
    { sheet: "Thực hiện", cell: "B9" },
    "crosswalk",
  ),
  said(
    "crosswalk-new-without-old",
    { unit: "Phường Vị Tân", sheet: "Cùng kỳ", crosswalk: "Quy đổi", listed: true },
    { sheet: "Thực hiện", cell: "B8" },
    "crosswalk",
  ),
  said(
    "crosswalk-new-incomplete",
    { unit: "Phường Vị Thanh", sheet: "Cùng kỳ", missing: ["Phường V", "Phường VII"], crosswalk: "Quy đổi" },
    { sheet: "Thực hiện", cell: "B7" },
    "crosswalk",
  ),
  said(
    "crosswalk-shares-not-whole",
    { old: "Xã Tân Thành", total: 0.9, news: ["Phường Ngã Bảy", "Phường Đại Thành"] },
    { sheet: "Quy đổi", cell: "E14" },
    "crosswalk",
  ),
  said(
    "crosswalk-split-without-shares",
    { old: "Phường Bùi Hữu Nghĩa", news: ["Phường Cái Khế", "Phường Bình Thủy"], rows: [6, 11] },
    { sheet: "Quy đổi", cell: "B6" },
    "crosswalk",
  ),
  said(
    "crosswalk-old-ambiguous",
    {
      unit: "Long Mỹ",
      crosswalk: "Quy đổi",
      matches: [
        { name: "Xã Long Mỹ", parent: "Huyện Long Mỹ", row: 20 },
        { name: "Phường Long Mỹ", parent: null, row: 24 },
      ],
      news: ["Xã Xà Phiên", "Phường Long Mỹ"],
    },
    { sheet: "Cùng kỳ", cell: "B15" },
    "crosswalk",
  ),
  said(
    "crosswalk-old-twice",
    { unit: "X. Vị Trung", firstRow: 9, firstName: "Xã Vị Trung", news: ["Xã Vị Thủy"] },
    { sheet: "Cùng kỳ", cell: "B14" },
    "crosswalk",
  ),
];
