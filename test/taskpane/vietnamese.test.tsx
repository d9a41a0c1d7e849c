/** @jest-environment jsdom */
/**
 * The Vietnamese pane never shows an English (ASCII-only) sentence. The pane is rendered
 * in Vietnamese over the fault cases of docs/RELIABILITY.md "Bad input" (and the pane's own: a
 * goal, a date or a count typed wrong), read, recalculated where it can be, and every text the
 * planner sees or hears (text nodes, placeholders, labels for screen readers) is scanned: a
 * sentence of three words or more with no Vietnamese letter fails, unless its words are the
 * workbook's own (sheet names, unit names, headers: every text cell of the input workbook) or what
 * the test typed.
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import ExcelJS from "exceljs";
import { PaneRoot } from "../../src/taskpane/PaneRoot";
import { PaneHost } from "../../src/services/host";
import { DEFAULT_CHOICES, RunChoices, toStored } from "../../src/core/settings";
import { ExcelJsWorkbook } from "../../src/workbook/exceljsWorkbook";
import { tienGiangWorkbook } from "../../scripts/lib/seeds";
import type { SheetInfo } from "../../src/workbook/port";
import { RecordingPort, replaceText, sampleWorkbook } from "./fixtures";

// Each case runs the real pipeline once or twice; on a loaded machine that takes seconds.
jest.setTimeout(120_000);

const host: PaneHost = { displayLanguage: "vi-VN", theme: "light", activateSheet: async () => undefined };

// ---------------------------------------------------------------------------------------------
// The scan

/** A word a sentence is made of: letters with a lower-case one (so "BHYT", "TN", cell "C5" are not words). */
const WORD = /[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu;
const isWord = (w: string) => /\p{Ll}/u.test(w);
const hasVietnameseLetter = (s: string) => /[^\u0000-\u007f]/u.test((s.match(/[\p{L}\p{M}]/gu) ?? []).join(""));

/** Split where one sentence or clause ends and another may begin (so an English clause inside a Vietnamese sentence is found). */
const SPLIT = /(?<=[.!?;:])\s+|\s[—–]\s|[\n()[\]]/u;

/** The texts the planner sees or hears in the pane: text nodes, and the placeholders and labels of elements. */
function paneTexts(root: HTMLElement): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (parent && (parent.closest("style, script") || parent.closest("[hidden]"))) continue;
    out.push(n.textContent ?? "");
  }
  for (const el of Array.from(root.querySelectorAll<HTMLElement>("[placeholder], [aria-label], [title]"))) {
    for (const a of ["placeholder", "aria-label", "title"]) {
      const v = el.getAttribute(a);
      if (v) out.push(v);
    }
  }
  return out;
}

/** The ASCII-only sentences of three words or more in these texts, once the workbook's own text is taken out. */
export function asciiSentences(texts: readonly string[], known: readonly string[]): string[] {
  const ownText = [...new Set(known.map((k) => k.normalize("NFC").trim()).filter((k) => k.length >= 2))].sort((a, b) => b.length - a.length);
  const found = new Set<string>();
  for (const raw of texts) {
    let t = raw.normalize("NFC");
    for (const k of ownText) if (t.includes(k)) t = t.split(k).join(" ∎ ");
    for (const s of t.split(SPLIT)) {
      const words = (s.match(WORD) ?? []).filter(isWord);
      if (words.length >= 3 && !hasVietnameseLetter(s)) found.add(s.trim());
    }
  }
  return [...found];
}

/** Every text of the workbook a planner wrote: text cells (formulas' text results too) and sheet names. */
function workbookText(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  for (const ws of wb.worksheets) {
    out.push(ws.name);
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (typeof v === "string") out.push(v);
        else if (v && typeof v === "object" && "result" in v && typeof v.result === "string") out.push(v.result);
        else if (v && typeof v === "object" && "richText" in v) out.push(v.richText.map((r) => r.text).join(""));
      }),
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Driving the pane

const main = () => document.querySelector("main")!;

/** Until the pane is neither reading nor recalculating. */
async function settle(): Promise<void> {
  await waitFor(() => expect(main().getAttribute("aria-busy")).toBe("false"), { timeout: 60_000 });
}

/** Recalculate when the pane lets one, and wait for the results or the error. */
async function recalculate(): Promise<void> {
  const button = screen.getByRole("button", { name: /Tính lại/ });
  if (button.getAttribute("aria-disabled") === "true") return;
  fireEvent.click(button);
  await settle();
  await waitFor(() => expect(screen.queryByTestId("results") ?? screen.queryByRole("alert")).not.toBeNull(), { timeout: 60_000 });
}

/** Open every folded section (the detection folds after a run), so its text is scanned too. */
function unfold(): void {
  for (const b of Array.from(document.querySelectorAll<HTMLButtonElement>("button[aria-expanded='false']"))) fireEvent.click(b);
}

function typeGoal(rate: string): void {
  const goals = screen.getByTestId("goals");
  fireEvent.click(within(goals).getByRole("button", { name: "Thêm mục tiêu" }));
  const field = within(goals)
    .getAllByLabelText(/Tỷ lệ mục tiêu/)
    .at(-1)!;
  fireEvent.change(field, { target: { value: rate } });
  fireEvent.blur(field);
}

// ---------------------------------------------------------------------------------------------
// The fault cases (docs/RELIABILITY.md, "Bad input")

type Grid = (string | number | null)[][];

/** Replace a sheet by one holding these rows (it goes last: sheets are chosen by name, not place). */
function setSheet(wb: ExcelJS.Workbook, name: string, rows: Grid): void {
  const old = wb.getWorksheet(name);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(name);
  for (const r of rows) ws.addRow(r);
}

function set(wb: ExcelJS.Workbook, sheet: string, cell: string, value: ExcelJS.CellValue): void {
  wb.getWorksheet(sheet)!.getCell(cell).value = value;
}

interface Case {
  readonly name: string;
  readonly workbook: () => Promise<ExcelJS.Workbook> | ExcelJS.Workbook;
  /** Saved choices, as a colleague's file carries them. */
  readonly saved?: Partial<RunChoices>;
  /** What the planner does after the workbook is read (types into a field). */
  readonly act?: () => void;
  /** What the test types: not the pane's words. */
  readonly typed?: readonly string[];
  /** Sheets the port lists besides the workbook's (a chart sheet: exceljs has none). */
  readonly charts?: readonly string[];
}

/** The workbook's port, listing chart sheets too when a case has some. */
class ChartsPort extends RecordingPort {
  constructor(
    wb: ExcelJS.Workbook,
    private readonly charts: readonly string[],
  ) {
    super(new ExcelJsWorkbook(wb));
  }
  override async listSheets(): Promise<SheetInfo[]> {
    return [...(await super.listSheets()), ...this.charts.map((name) => ({ name, kind: "other" as const, ours: false }))];
  }
}

const sample = (edit: (wb: ExcelJS.Workbook) => void) => async () => {
  const wb = await sampleWorkbook();
  edit(wb);
  return wb;
};

const CASES: readonly Case[] = [
  { name: "the sample, read as it is", workbook: sample(() => undefined) },
  { name: "no header found (loose text)", workbook: sample((wb) => setSheet(wb, "Thực hiện", [["Báo cáo tháng 10"], ["Số liệu sơ bộ"], ["Người lập biểu"]])) },
  {
    name: "numbers without a header",
    workbook: sample((wb) =>
      setSheet(wb, "Thực hiện", [
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ),
  },
  {
    name: "a header over figures but no unit names",
    workbook: sample((wb) => setSheet(wb, "Thực hiện", [["STT", "Đơn vị", "BHYT"], [1, null, 5], [2, "", 6], ["Người lập biểu"]])),
  },
  { name: "an empty sheet", workbook: sample((wb) => setSheet(wb, "Thực hiện", [])) },
  { name: "a named sheet that does not exist", workbook: sample(() => undefined), saved: { sheets: { targets: "Tháng 13" } } },
  { name: "a chart sheet chosen as an input", workbook: sample(() => undefined), charts: ["Biểu đồ"], saved: { sheets: { targets: "Biểu đồ" } } },
  {
    name: "a hidden copy of last year's plan beside this year's",
    workbook: sample((wb) => {
      const copy = wb.addWorksheet("Kế hoạch 2021", { state: "hidden" });
      wb.getWorksheet("Kế hoạch")!.eachRow((row, r) => (copy.getRow(r).values = row.values as ExcelJS.CellValue[]));
    }),
  },
  {
    name: "no targets and no base sheet",
    workbook: sample((wb) => {
      wb.removeWorksheet(wb.getWorksheet("Kế hoạch")!.id);
      wb.removeWorksheet(wb.getWorksheet("Dân số")!.id);
    }),
  },
  { name: "a unit twice in one sheet", workbook: sample((wb) => replaceText(wb, "H.Long Mỹ", "H. Vị Thuỷ", ["Thực hiện"])) },
  { name: "a unit in one sheet only", workbook: sample((wb) => replaceText(wb, "H. Châu Thành A", "H. Cờ Đỏ", ["Thực hiện"])) },
  {
    name: "a zero target, '-' and 'x'",
    workbook: sample((wb) => {
      set(wb, "Kế hoạch", "C11", 0);
      set(wb, "Kế hoạch", "C13", "x");
      set(wb, "Thực hiện", "D9", "-");
    }),
  },
  { name: "the same sheet for plan and actuals", workbook: sample(() => undefined), saved: { sheets: { targets: "Thực hiện", actuals: "Thực hiện" } } },
  {
    name: "a ratio the sheet computed that differs from ours",
    workbook: sample((wb) => {
      set(wb, "Kế hoạch", "E6", "Tỷ lệ (%)");
      set(wb, "Kế hoạch", "E5", "Tỷ lệ (%)");
      for (let r = 8; r <= 15; r++) set(wb, "Kế hoạch", `E${r}`, 50);
    }),
  },
  {
    name: "a plan in thousands (rates over 1.000%)",
    workbook: sample((wb) => [2.6, 2.2, 1.9, 2.096, 2.5, 3.2, 2.7, 2.604].forEach((v, i) => set(wb, "Kế hoạch", `C${8 + i}`, v))),
  },
  {
    name: "plan and actuals with no unit in common",
    workbook: sample((wb) =>
      ["TP. Vị Thanh", "TP Ngã Bảy", "TX. Long Mỹ", "H. Vị Thuỷ", "H.Long Mỹ", "HUYỆN PHỤNG HIỆP", "H. Châu Thành", "H. Châu Thành A"].forEach((u, i) =>
        replaceText(wb, u, `Xã Tân Phú ${["Đông", "Tây", "Nam", "Bắc", "Thượng", "Hạ", "Trung", "Ngoài"][i]}`, ["Thực hiện"]),
      ),
    ),
  },
  {
    name: "a mapping naming a column that does not exist",
    workbook: sample(() => undefined),
    saved: { overrides: [{ sheet: "actuals", column: "Z", indicator: "BHYT", role: "actual" }] },
  },
  {
    name: "blank, negative, text and error cells",
    workbook: sample((wb) => {
      set(wb, "Thực hiện", "D10", null);
      set(wb, "Thực hiện", "D11", -40);
      set(wb, "Thực hiện", "D12", "khoảng 300");
      set(wb, "Thực hiện", "D13", { error: "#DIV/0!" } as ExcelJS.CellErrorValue);
    }),
  },
  {
    name: "a column whose cells hold no number",
    workbook: sample((wb) => [7, 8, 9, 10, 11, 12, 13, 14].forEach((r) => set(wb, "Thực hiện", `C${r}`, "chưa báo cáo"))),
  },
  { name: "an absurd figure", workbook: sample((wb) => set(wb, "Kế hoạch", "C9", 1e308)) },
  { name: "a total row that disagrees with its units", workbook: sample((wb) => set(wb, "Kế hoạch", "C16", 20000)) },
  { name: "numbers as text in the other locale", workbook: sample((wb) => set(wb, "Thực hiện", "D7", "2,010")) },
  {
    name: "very long names",
    workbook: sample((wb) => {
      const long = `Huyện Vị Thủy ${"đơn vị có tên rất dài ".repeat(250)}`;
      replaceText(wb, "Huyện Vị Thủy", long, ["Kế hoạch"]);
      replaceText(wb, "H. Vị Thuỷ", long, ["Thực hiện"]);
      replaceText(wb, "HUYỆN VỊ THỦY", long, ["Dân số"]);
    }),
  },
  {
    name: "every indicator unmatched",
    workbook: sample((wb) => {
      replaceText(wb, "BHXH tự nguyện", "Thu nợ đọng", ["Kế hoạch"]);
      replaceText(wb, "Số người tham gia bảo hiểm y tế", "Số thẻ cấp mới", ["Thực hiện"]);
      replaceText(wb, "Số người tham gia bảo hiểm xã hội tự nguyện", "Số tiền thu", ["Thực hiện"]);
      wb.removeWorksheet(wb.getWorksheet("Dân số")!.id);
    }),
  },
  {
    name: "formula-like names",
    workbook: sample((wb) => {
      replaceText(wb, "Huyện Vị Thủy", "=Vị Thủy+1", ["Kế hoạch"]);
      replaceText(wb, "H. Vị Thuỷ", "=Vị Thủy+1", ["Thực hiện"]);
      replaceText(wb, "HUYỆN VỊ THỦY", "=Vị Thủy+1", ["Dân số"]);
    }),
  },
  { name: "a goal typed wrong", workbook: () => tienGiangWorkbook(), act: () => typeGoal("9o%"), typed: ["9o%"] },
  { name: "a coverage goal above 100%", workbook: () => tienGiangWorkbook(), act: () => typeGoal("150%"), typed: ["150%"] },
  {
    name: "a saved goal for an indicator there is not",
    workbook: () => tienGiangWorkbook(),
    saved: { goals: [{ indicator: "Thu nợ", category: null, rate: "90%" }] },
  },
  {
    name: "a report date typed wrong",
    workbook: sample(() => undefined),
    act: () => fireEvent.change(screen.getByLabelText(/Ngày số liệu trong nhận xét/), { target: { value: "31-13" } }),
    typed: ["31-13"],
  },
  {
    name: "a count of units typed wrong",
    workbook: sample(() => undefined),
    act: () => fireEvent.change(screen.getByLabelText(/Số đơn vị thấp nhất được nêu tên/), { target: { value: "0" } }),
    typed: ["0"],
  },
  {
    name: "growth, goals and groups (Tiền Giang)",
    workbook: () => tienGiangWorkbook(),
    saved: { goals: [{ indicator: "BHYT", category: null, rate: "93%" }] },
  },
];

describe("the Vietnamese pane shows no English sentence", () => {
  test.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const wb = await c.workbook();
    const known = [...workbookText(wb), ...(c.charts ?? []), ...(c.typed ?? [])];
    const port = new ChartsPort(wb, c.charts ?? []);
    if (c.saved) await port.inner.saveSettings(toStored({ ...DEFAULT_CHOICES, ...c.saved }));
    render(<PaneRoot port={port} host={host} />);
    await settle();
    const seen: string[] = [];
    const scan = () => seen.push(...asciiSentences(paneTexts(document.body), known));
    scan();
    if (c.act) {
      c.act();
      await settle();
      scan();
    }
    await recalculate();
    unfold();
    scan();
    expect([...new Set(seen)]).toEqual([]);
  });
});

describe("the scan itself", () => {
  test("finds an English sentence, even inside a Vietnamese one, and passes the workbook's own words", () => {
    expect(asciiSentences(["No sheet of actuals found: choose it."], [])).toEqual(["No sheet of actuals found:"]);
    expect(asciiSentences(["Trang tính 'X' (no figures in its cells) không có số."], [])).toEqual(["no figures in its cells"]);
    expect(asciiSentences(["Không có trang tính 'Plan for the year' trong sổ làm việc."], ["Plan for the year"])).toEqual([]);
    expect(asciiSentences(["BHXH TN — BHYT, C5, D7 (KH)"], [])).toEqual([]);
    expect(asciiSentences(["Đã ghi 5 trang tính tổng hợp.", "English", "1.065.565 / 92,62%"], [])).toEqual([]);
  });
});
