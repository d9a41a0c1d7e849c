/** One sample of each message of the history area (src/core/messages/history.ts), with realistic params. */
import { said, type Message } from "../../../src/core/messages";

export const HISTORY_SAMPLES: readonly Message[] = [
  said("history-cell-unreadable", { field: "date", value: "31/4/2024" }, { sheet: "Diễn biến", cell: "AB17" }),
  said("history-cell-unreadable", { field: "figure", value: "khoảng 18 nghìn" }, { sheet: "Diễn biến", cell: "AH9" }),
  said("history-cell-unreadable", { field: "unit", value: "" }, { sheet: "Diễn biến", cell: "AG12" }),
  said("history-cell-unreadable", { field: "measure", value: "tăng trưởng" }, { sheet: "Trend", cell: "AE6" }),
  said("history-cell-unreadable", { field: "level", value: "Huyện" }, { sheet: "Diễn biến", cell: "AF30" }),
  said("history-cell-unreadable", { field: "indicator", value: "" }, { sheet: "Diễn biến", cell: "AC8" }),
  said("history-units-left-out", { rows: 26568, limit: 5000 }),
  said("history-row-conflict", { asOf: "2024-04-30", indicator: "BHXH tự nguyện", unit: "Quận Ninh Kiều", firstRow: 14 }, { sheet: "Diễn biến", cell: "AB40" }),
  said("history-not-found", {}, { sheet: "Diễn biến" }),
];
