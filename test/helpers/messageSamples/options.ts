/** One sample of each message of the options area (src/core/messages/options.ts), with realistic params. */
import { said, type Message } from "../../../src/core/messages";

export const OPTIONS_SAMPLES: readonly Message[] = [
  said("lowest-not-a-count", { text: "0", min: 1, max: 50 }, undefined, "lowest"),
  said("goal-form", { spec: "BHYT 93%" }, undefined, "goal"),
  said("goal-not-a-rate", { indicator: "BHYT", category: "NTM nâng cao", rate: "9x%" }, undefined, "goal"),
  said("goal-needs-base", { indicator: "BHYT", category: null, rate: 0.935 }, undefined, "base"),
  said("goal-unknown-indicator", { indicator: "BHTN", category: null, found: ["BHXH bắt buộc", "BHXH tự nguyện", "BHYT"] }, { sheet: "Thực hiện 2020" }, "goal"),
  said("goal-above-full-coverage", { indicator: "BHYT", category: null, rate: 1.5, base: "population" }, undefined, "goal"),
  said("goal-twice", { indicator: "BHYT", category: "NTM" }, undefined, "goal"),
  said(
    "goal-needs-category-column",
    { indicator: "BHYT", category: "NTM", sheets: ["Thực hiện", "Dân số"], columns: [{ sheet: "Dân số", column: "C", header: "Ghi chú" }] },
    undefined,
    "category",
  ),
  said("goal-unknown-category", { indicator: "BHYT", category: "NTM kiểu mẫu", header: "Loại xã", values: ["NTM nâng cao", "NTM", "CHƯA ĐẠT NTM"] }, { sheet: "Dân số 2023", column: "C" }, "goal"),
  said("goal-cell-not-a-rate", { value: 1.25, unit: "Xã Mường Sại", indicator: "BHYT" }, { sheet: "Dân số 2023", cell: "F7" }),
  said("goal-without-base-column", { indicator: "BHXH TN", category: null, base: "labourForce" }, { sheet: "Dân số" }, "goal"),
  said("goal-not-coverage", { indicator: "Thu nợ", category: null }, { sheet: "Dân số" }, "goal"),
  said("goal-column-unused", { header: "Tỷ lệ bao phủ BHTN giao (%)", indicator: "BHTN" }, { sheet: "Dân số", column: "E" }),
  said("as-of-not-a-date", { text: "2022-10-31" }, undefined, "asOf"),
  said("cli-unknown-command", { command: "sumarize" }),
  said("cli-unknown-option", { option: "--goals", nearest: "--goal" }),
  said("cli-choice", { option: "--rank", value: "olympic", allowed: ["competition", "dense"] }, undefined, "rank"),
  said("cli-needs-value", { option: "--group-by" }, undefined, "groupBy"),
  said("cli-map-form", { spec: "actuals E BHYT" }, undefined, "map"),
  said("cli-map-role", { spec: "T4:D=actuel:BHYT", role: "actuel", roles: ["target", "actual", "base", "previous", "rateGoal", "computed"] }, undefined, "map"),
  said("cli-two-inputs", { first: "ke-hoach.xlsx", second: "ket-qua.xlsx" }, undefined, "input"),
  said("cli-no-input", {}, undefined, "input"),
  said("cli-no-out", {}, undefined, "out"),
];
