/** @jest-environment jsdom */
/**
 * The pane's fields: an error under the field that fixes it, with the rest of the pane as
 * it was; Recalculate scrolling the results into view the first time too; the date and area
 * fields saying what the workbook states; result cards of 168 communes that stay readable ("và N
 * đơn vị khác", "xem tất cả"); the goal card's headline the sum of its units; progress while the
 * workbook is read; the detection in the pane's words; a pane that fits 320 px.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import ExcelJS from "exceljs";
import { PaneRoot } from "../../src/taskpane/PaneRoot";
import { DetectionView } from "../../src/taskpane/components/DetectionView";
import { strings } from "../../src/taskpane/strings";
import { DEFAULT_CHOICES, RunChoices, toStored } from "../../src/core/settings";
import { ChitieuError } from "../../src/core/errors";
import { said } from "../../src/core/messages";
import { formatCount } from "../../src/core/format";
import { unitsBelow } from "../../src/core/narrative";
import type { Summary } from "../../src/core/results";
import type { SheetDetection } from "../../src/core/results";
import { ExcelJsWorkbook } from "../../src/workbook/exceljsWorkbook";
import { analyze } from "../../src/workbook/recalculate";
import { quynhNhaiWorkbook, tienGiangWorkbook } from "../../scripts/lib/seeds";
import { RecordingPort, samplePort } from "./fixtures";
import { detected, paneHost, paneWait, recalcButton, results } from "../helpers/pane";

/** A host's word that the workbook changed (Excel's worksheet events): the pane reads the sheets again on its next analysis. */
function changes() {
  const listeners = new Set<() => void>();
  const watch = (f: () => void) => {
    listeners.add(f);
    return () => void listeners.delete(f);
  };
  return { watch, changed: () => listeners.forEach((f) => f()) };
}

async function runOnce(): Promise<HTMLElement> {
  await detected();
  fireEvent.click(recalcButton());
  return results();
}

// ---------------------------------------------------------------------------------------------
// A district of 168 communes: plan, actuals and population, one commune with no actual figure.

const SYLLABLES = [
  "An",
  "Bình",
  "Châu",
  "Long",
  "Mỹ",
  "Vị",
  "Phụng",
  "Hiệp",
  "Tân",
  "Phú",
  "Hòa",
  "Đông",
  "Ninh",
  "Kiều",
  "Phong",
  "Điền",
  "Thới",
  "Lai",
  "Vĩnh",
  "Thạnh",
];
const COMMUNES: string[] = [];
for (const a of SYLLABLES) for (const b of SYLLABLES) if (a !== b && COMMUNES.length < 168) COMMUNES.push(`Xã ${a} ${b}`);
const NO_FIGURE = COMMUNES[17]!;

function district(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const sheet = (name: string, header: string, value: (i: number) => number | null) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(["STT", "Đơn vị", header]);
    COMMUNES.forEach((u, i) => ws.addRow([i + 1, u, value(i)]));
  };
  sheet("Kế hoạch", "BHYT", (i) => 1000 + 10 * i);
  sheet("Thực hiện", "BHYT", (i) => (COMMUNES[i] === NO_FIGURE ? null : Math.round((1000 + 10 * i) * (0.55 + ((i * 37) % 50) / 100))));
  sheet("Dân số", "Dân số", (i) => 1200 + 10 * i);
  return wb;
}

const GOAL: RunChoices = { ...DEFAULT_CHOICES, goals: [{ indicator: "BHYT", category: null, rate: "95%" }] };

async function districtPort(choices: RunChoices = GOAL): Promise<RecordingPort> {
  const port = new RecordingPort(new ExcelJsWorkbook(district()));
  await port.inner.saveSettings(toStored(choices));
  return port;
}

const rates = (list: HTMLElement) =>
  Array.from(list.querySelectorAll("li")).map((li) => Number(/: ([\d,]+)%/.exec(li.textContent ?? "")![1]!.replace(",", ".")));

// ---------------------------------------------------------------------------------------------

describe("an error under the field that fixes it", () => {
  test("a goal typo: said under its rate, the detection and the last results stay, Recalculate waits; the fix link focuses the field", async () => {
    const port = new RecordingPort(new ExcelJsWorkbook(tienGiangWorkbook()));
    render(<PaneRoot port={port} host={paneHost()} />);
    await runOnce();
    const reads = port.calls.filter((c) => c === "readSheets").length;
    const goals = screen.getByTestId("goals");
    fireEvent.click(within(goals).getByRole("button", { name: "Thêm mục tiêu" }));
    const rate = within(goals).getByLabelText(/Tỷ lệ mục tiêu/) as HTMLInputElement;
    fireEvent.change(rate, { target: { value: "9o%" } });
    fireEvent.blur(rate);
    const alert = await screen.findByRole("alert");
    expect(alert.getAttribute("data-code")).toBe("goal-not-a-rate");
    expect(alert.textContent).toContain("“9o%”");
    expect(rate.getAttribute("aria-describedby")).toContain(alert.id);
    expect(goals.contains(alert)).toBe(true);
    // Nothing else moved: no bar at the top, the detection and the results as they were, nothing re-read.
    expect(screen.queryByTestId("error")).toBeNull();
    expect(screen.getByRole("button", { name: "Những gì đã nhận diện" })).toBeTruthy();
    expect(screen.getByTestId("results")).toBeTruthy();
    expect(screen.queryByTestId("stale")).toBeNull();
    expect(port.calls.filter((c) => c === "readSheets").length).toBe(reads);
    expect(recalcButton().getAttribute("aria-disabled")).toBe("true");
    // The fix is offered where the button is, and takes the planner to the field.
    const fix = screen.getByTestId("fix-field");
    expect(fix.textContent).toContain("“Mục tiêu tỷ lệ”");
    fireEvent.click(fix);
    expect(document.activeElement).toBe(rate);
    fireEvent.change(rate, { target: { value: "90%" } });
    fireEvent.blur(rate);
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
    await waitFor(() => expect(recalcButton().getAttribute("aria-disabled")).toBe("false"), paneWait());
    // The goal now counts: the results say they are not what Recalculate would write.
    expect(screen.getByTestId("stale")).toBeTruthy();
  });

  test("a goal the engine refuses (a coverage above 100%) is said under that goal, and the detection of the last reading stays", async () => {
    const port = new RecordingPort(new ExcelJsWorkbook(tienGiangWorkbook()));
    render(<PaneRoot port={port} host={paneHost()} />);
    await detected();
    const goals = screen.getByTestId("goals");
    fireEvent.click(within(goals).getByRole("button", { name: "Thêm mục tiêu" }));
    const rate = within(goals).getByLabelText(/Tỷ lệ mục tiêu/) as HTMLInputElement;
    fireEvent.change(rate, { target: { value: "150%" } });
    fireEvent.blur(rate);
    const alert = await screen.findByRole("alert", undefined, paneWait());
    expect(alert.getAttribute("data-code")).toBe("goal-above-full-coverage");
    expect(alert.getAttribute("data-setting")).toBe("goal");
    expect(rate.getAttribute("aria-describedby")).toContain(alert.id);
    expect(screen.queryByTestId("error")).toBeNull();
    expect(screen.getByTestId("detection")).toBeTruthy();
  });

  test("an error a column's role fixes is beside that column's role, in the detection of the last reading", async () => {
    const { port } = await samplePort();
    const workbook = changes();
    render(<PaneRoot port={port} host={paneHost({ watchWorkbook: workbook.watch })} />);
    await detected();
    const column = screen.getByTestId("columns-actuals").querySelector("li")!.getAttribute("data-column")!;
    port.failWith = new ChitieuError(
      "bad-option",
      said("column-mapped-twice", { header: "BHXH tự nguyện", roles: ["target", "actual"] }, { sheet: "Thực hiện", column }, "map"),
    );
    // The pane reads the sheets again (and meets the error) only once the workbook has changed.
    workbook.changed();
    fireEvent.click(screen.getByLabelText(/Đồng hạng liên tiếp/));
    const alert = await screen.findByRole("alert", undefined, paneWait());
    expect(alert.getAttribute("data-setting")).toBe("map");
    const li = alert.closest("li")!;
    expect(li.getAttribute("data-column")).toBe(column);
    expect(within(li).getByRole("combobox").getAttribute("data-setting")).toBe("map");
    expect(screen.getByTestId("columns-actuals").contains(alert)).toBe(true);
    expect(screen.queryByTestId("error")).toBeNull();
  });

  test("an error no field fixes stays in the bar at the top", async () => {
    const { port } = await samplePort();
    const workbook = changes();
    render(<PaneRoot port={port} host={paneHost({ watchWorkbook: workbook.watch })} />);
    await detected();
    port.failWith = new ChitieuError(
      "bad-option",
      said("column-mapped-twice", { header: "BHYT", roles: ["target", "actual"] }, { sheet: "Thực hiện", column: "C" }),
    );
    workbook.changed();
    fireEvent.click(screen.getByLabelText(/Đồng hạng liên tiếp/));
    const alert = await screen.findByRole("alert", undefined, paneWait());
    expect(alert.getAttribute("data-testid")).toBe("error");
    expect(screen.queryByTestId("detection")).toBeNull();
  });
});

describe("Recalculate brings the results into view", () => {
  const original = Element.prototype.scrollIntoView;
  afterEach(() => {
    Element.prototype.scrollIntoView = original;
  });

  test("the first time too: the results region is scrolled to after the first click", async () => {
    const scroll = jest.fn();
    Element.prototype.scrollIntoView = scroll;
    const { port } = await samplePort();
    render(<PaneRoot port={port} host={paneHost()} />);
    await runOnce();
    const region = screen.getByRole("region", { name: "Kết quả" });
    expect(scroll.mock.contexts).toContain(region);
    scroll.mockClear();
    fireEvent.click(recalcButton());
    await waitFor(() => expect(scroll.mock.contexts).toContain(screen.getByRole("region", { name: "Kết quả" })));
  });
});

describe("the date and area fields say what the workbook states", () => {
  test("the sample: its date from the title rows and its area, as placeholder and hint", async () => {
    const { port } = await samplePort();
    render(<PaneRoot port={port} host={paneHost()} />);
    await detected();
    const date = screen.getByLabelText(/Ngày số liệu trong nhận xét/) as HTMLInputElement;
    expect(date.placeholder).toBe("31/10/2022");
    expect(document.getElementById(date.getAttribute("aria-describedby")!.split(" ")[0]!)!.textContent).toMatch(/^31\/10\/2022 — từ dòng tiêu đề/);
    const area = screen.getByLabelText(/Địa bàn trong nhận xét/) as HTMLInputElement;
    expect(area.placeholder).toBe("tỉnh Hậu Giang");
    expect(document.getElementById(area.getAttribute("aria-describedby")!.split(" ")[0]!)!.textContent).toMatch(/^tỉnh Hậu Giang — từ dòng (tiêu đề|tổng)/);
  });

  test("a workbook that states neither: no other province's name, no fixed date", async () => {
    render(<PaneRoot port={await districtPort(DEFAULT_CHOICES)} host={paneHost()} />);
    await detected();
    const date = screen.getByLabelText(/Ngày số liệu trong nhận xét/) as HTMLInputElement;
    const area = screen.getByLabelText(/Địa bàn trong nhận xét/) as HTMLInputElement;
    expect(date.placeholder).not.toMatch(/\d/);
    expect(area.placeholder).toBe("");
    expect(document.body.textContent).not.toMatch(/Hậu Giang/);
  });

  test("Quỳnh Nhai's own area, never Hậu Giang", async () => {
    render(<PaneRoot port={new RecordingPort(new ExcelJsWorkbook(quynhNhaiWorkbook()))} host={paneHost()} />);
    await detected();
    expect((screen.getByLabelText(/Địa bàn trong nhận xét/) as HTMLInputElement).placeholder).not.toMatch(/Hậu Giang/);
    expect(document.body.textContent).not.toMatch(/Hậu Giang/);
  });
});

describe("168 communes: cards that stay readable", () => {
  test("the lowest 5 below the average, then 'và N đơn vị khác' and 'xem tất cả' opening the ranked sheet", async () => {
    const port = await districtPort();
    const h = paneHost();
    render(<PaneRoot port={port} host={h} />);
    const res = await runOnce();
    const card = within(res).getByTestId("result-bhyt-attainment");
    const below = within(card).getByTestId("below");
    expect(below.querySelectorAll("li")).toHaveLength(5);
    const r = (await analyze(port.inner, GOAL)).summary.results.find((x) => x.indicatorKey === "bhyt" && x.measure === "attainment")!;
    const all = unitsBelow(r);
    expect(all.length).toBeGreaterThan(20);
    expect(Array.from(below.querySelectorAll("li")).map((li) => li.textContent!.split(":")[0])).toEqual(all.slice(0, 5).map((u) => u.unit));
    const more = within(card).getByTestId("below-more");
    expect(more.textContent).toContain(`và ${all.length - 5} đơn vị khác`);
    fireEvent.click(within(more).getByRole("button", { name: /xem tất cả/i }));
    const ranked = within(card)
      .getByRole("button", { name: /^Mở trang tính/ })
      .textContent!.match(/“(.+)”/)![1]!;
    expect(h.activated).toEqual([ranked]);
  });

  test("the number named is a setting: 3 names three", async () => {
    const port = await districtPort();
    render(<PaneRoot port={port} host={paneHost()} />);
    await detected();
    fireEvent.change(screen.getByLabelText(/Số đơn vị thấp nhất được nêu tên/), { target: { value: "3" } });
    await detected();
    fireEvent.click(recalcButton());
    const res = await results();
    expect(within(within(res).getByTestId("result-bhyt-attainment")).getByTestId("below").querySelectorAll("li")).toHaveLength(3);
    expect(port.saved[0]!.lowest).toBe(3);
  });

  test("a count that is not one is said under its field and not used", async () => {
    const port = await districtPort();
    render(<PaneRoot port={port} host={paneHost()} />);
    await detected();
    const field = screen.getByLabelText(/Số đơn vị thấp nhất được nêu tên/);
    fireEvent.change(field, { target: { value: "0" } });
    const alert = await screen.findByRole("alert");
    expect(alert.getAttribute("data-code")).toBe("lowest-not-a-count");
    expect(field.getAttribute("aria-describedby")).toContain(alert.id);
    expect(recalcButton().getAttribute("aria-disabled")).toBe("true");
  });

  test("goal card: units short of the goal lowest first, and the headline is the sum of the per-unit figures or says which it cannot count", async () => {
    const port = await districtPort();
    render(<PaneRoot port={port} host={paneHost()} />);
    const res = await runOnce();
    const card = within(res).getByTestId("result-bhyt-coverage");
    const short = within(card).getByTestId("below-goal");
    expect(short.querySelectorAll("li")).toHaveLength(5);
    const shown = rates(short);
    expect([...shown].sort((a, b) => a - b)).toEqual(shown);
    const r = (await analyze(port.inner, GOAL)).summary.results.find((x) => x.indicatorKey === "bhyt" && x.measure === "coverage")!;
    const units = r.units.filter((u) => u.belowGoal);
    const lowest = Math.min(...units.map((u) => u.ratio!));
    expect(shown[0]).toBeCloseTo(lowest * 100, 1);
    const sum = units.reduce((s, u) => s + u.toGoal!, 0);
    expect(within(card).getByTestId("to-goal").textContent).toBe(`cần vận động thêm ${formatCount(sum, "vi")} người ở ${units.length} đơn vị chưa đạt`);
    // The commune with no actual figure has a goal but no figure: said, not silently left out of the sum.
    expect(within(card).getByTestId("to-goal-unknown").textContent).toMatch(/^1 đơn vị có mục tiêu nhưng thiếu số liệu/);
    expect(within(card).getByTestId("below-goal-more").textContent).toContain(`và ${units.length - 5} đơn vị khác`);
  });
});

describe("opening a workbook", () => {
  test("progress at once, and Recalculate disabled until the workbook is read", async () => {
    const { port } = await samplePort();
    render(<PaneRoot port={port} host={paneHost()} />);
    expect(screen.getByTestId("reading").textContent).toMatch(/Đang đọc sổ làm việc/);
    expect(recalcButton().getAttribute("aria-disabled")).toBe("true");
    fireEvent.click(recalcButton());
    await detected();
    expect(screen.queryByTestId("reading")).toBeNull();
    expect(recalcButton().getAttribute("aria-disabled")).toBe("false");
    expect(port.writes).toBe(0);
  });

  test("while the host reads the file (workbookLoading, or no port yet) nothing is read through the port", async () => {
    const { port } = await samplePort();
    const h = paneHost();
    const { rerender } = render(<PaneRoot port={null} host={h} workbookLoading />);
    expect(screen.getByTestId("reading")).toBeTruthy();
    rerender(<PaneRoot port={port} host={h} workbookLoading />);
    await act(async () => new Promise((r) => setTimeout(r, 50)));
    expect(port.calls).toEqual([]);
    expect(screen.getByTestId("reading")).toBeTruthy();
    expect(recalcButton().getAttribute("aria-disabled")).toBe("true");
    rerender(<PaneRoot port={port} host={h} workbookLoading={false} />);
    await detected();
    expect(recalcButton().getAttribute("aria-disabled")).toBe("false");
  });
});

describe("the detection in the pane's words", () => {
  test("rows left out say why in Vietnamese, never the engine's code", async () => {
    const { port } = await samplePort();
    render(<PaneRoot port={port} host={paneHost()} />);
    const d = await detected();
    expect(d.textContent).toMatch(/Toàn tỉnh \(dòng tổng\)/);
    expect(d.textContent).not.toMatch(/\((total|group|text|breakdown|note|signature)\)/);
  });

  test("a column's reason is its message when the engine gives one, its `why` otherwise", () => {
    const S = strings("vi");
    const d: SheetDetection = {
      role: "actuals",
      sheet: "Thực hiện",
      headerRows: [5],
      columnNumberRow: null,
      unitColumn: "B",
      units: 8,
      indicators: [],
      ignoredColumns: [{ column: "G", header: "Ghi chú", why: "no figures", because: said("column-not-used", { words: "“Ghi chú”" }) }],
      excludedRows: [{ row: 7, label: "Cộng", reason: "total" }],
      totalRow: 7,
      columns: [
        { column: "C", header: "Kế hoạch", role: "target", indicator: "BHYT", why: "header says plan", because: said("column-role-by-map", {}) },
        { column: "D", header: "Thực hiện", role: "actual", indicator: "BHYT", why: "“Thực hiện”" },
      ],
    };
    render(
      <FluentProvider theme={webLightTheme}>
        <DetectionView S={S} summary={{ detection: [d], unmatched: [] } as unknown as Summary} />
      </FluentProvider>,
    );
    const text = screen.getByTestId("detection").textContent!;
    expect(text).toContain("theo ánh xạ");
    expect(text).not.toContain("header says plan");
    expect(text).toContain("“Thực hiện”");
    expect(text).toContain("“Ghi chú”: không dùng");
    expect(text).not.toContain("no figures");
    expect(text).toContain("Cộng (dòng tổng)");
  });
});

describe("fits 320–350 px", () => {
  /** Every declaration of the page's style rules (Griffel writes atomic classes through the CSSOM), by class. */
  function rules(): { text: string; byClass: Map<string, string> } {
    const all = Array.from(document.styleSheets).flatMap((sheet) => Array.from(sheet.cssRules).map((r) => r.cssText));
    const byClass = new Map<string, string>();
    for (const r of all) {
      const m = /^\.([\w-]+)\s*\{(.*)\}\s*$/s.exec(r);
      if (m) byClass.set(m[1]!, (byClass.get(m[1]!) ?? "") + m[2]);
    }
    return { text: all.join("\n"), byClass };
  }

  test("no fixed width over 320 px, long names wrap, a focused field clears the sticky bar, links are 24 px tall", async () => {
    const port = await districtPort();
    render(<PaneRoot port={port} host={paneHost()} />);
    const res = await runOnce();
    const { text, byClass } = rules();
    const widths = [...text.matchAll(/(?:^|[\s;{])((?:min-|max-)?width)\s*:\s*(\d+(?:\.\d+)?)px/g)].map((m) => Number(m[2]));
    expect(widths.filter((w) => w > 320)).toEqual([]);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>("[style]"))) {
      for (const prop of ["width", "minWidth"] as const) {
        const px = /^(\d+(?:\.\d+)?)px$/.exec(el.style[prop]);
        if (px) expect(Number(px[1])).toBeLessThanOrEqual(320);
      }
    }
    expect(text).toMatch(/overflow-wrap:\s*anywhere/);
    // The pane's own scroll padding (the page's, on html, is a static style Griffel leaves out under test).
    expect(text).toMatch(/scroll-padding-bottom:\s*120px/);
    expect(text).toMatch(/input,[^{]*select,[^{]*\{scroll-margin-bottom:\s*120px/);
    const links = Array.from(res.querySelectorAll<HTMLElement>(".fui-Link"));
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) expect(Array.from(link.classList).some((c) => /min-height:\s*24px/.test(byClass.get(c) ?? ""))).toBe(true);
  });
});
