/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { PaneRoot } from "../../src/taskpane/PaneRoot";
import { DEFAULT_CHOICES, toStored } from "../../src/core/settings";
import { ExcelJsWorkbook } from "../../src/workbook/exceljsWorkbook";
import { quynhNhaiWorkbook, tienGiangWorkbook } from "../../scripts/lib/seeds";
import { RecordingPort, deferred, replaceText, samplePort } from "./fixtures";
import { detected, paneHost, paneWait, picker, recalcButton } from "../helpers/pane";

describe("task pane", () => {
  test("prefills the sheet pickers from detection and shows what was detected before writing", async () => {
    const { port } = await samplePort();
    render(<PaneRoot port={port} host={paneHost()} />);
    await detected();
    expect(picker("targets").value).toBe("Kế hoạch");
    expect(picker("actuals").value).toBe("Thực hiện");
    expect(picker("base").value).toBe("Dân số");
    const d = screen.getByTestId("detection");
    // Header rows, unit column, indicators with their columns, the total row excluded.
    expect(d.textContent).toMatch(/Kế hoạch!C/);
    expect(d.textContent).toMatch(/BHXH tự nguyện/);
    expect(d.textContent).toMatch(/BHYT — Thực hiện!C/);
    expect(d.textContent).toMatch(/Toàn tỉnh/);
    expect(d.textContent).toMatch(/8 đơn vị/);
    expect(d.textContent).toMatch(/Mọi đơn vị đều khớp/);
    expect(port.writes).toBe(0);
    expect(port.calls).not.toContain("saveSettings");
  });

  test("Recalculate writes once, shows the rates and the units below the average, lowest first, and saves the choices", async () => {
    const { wb, port } = await samplePort();
    const h = paneHost();
    render(<PaneRoot port={port} host={h} />);
    await detected();
    fireEvent.click(screen.getByLabelText(/Đồng hạng liên tiếp/));
    await detected();
    fireEvent.click(recalcButton());
    const results = await screen.findByTestId("results", undefined, paneWait());
    const tn = within(results).getByTestId("result-bhxh-tn-attainment");
    expect(tn.textContent).toMatch(/64,91%/);
    expect(tn.textContent).toMatch(/12\.853 \/ 19\.800/);
    const below = within(tn).getByTestId("below");
    expect(Array.from(below.querySelectorAll("li")).map((li) => li.textContent)).toEqual([
      "Huyện Vị Thủy: 45,37%",
      "Huyện Phụng Hiệp: 49,34%",
      "Huyện Long Mỹ: 53,24%",
    ]);
    expect(port.writes).toBe(1);
    expect(wb.getWorksheet("Tổng hợp chỉ tiêu")).toBeDefined();
    expect(port.saved).toHaveLength(1);
    expect(port.saved[0]).toMatchObject({ rank: "dense", sheets: { targets: "Kế hoạch", actuals: "Thực hiện", base: "Dân số" } });
    expect(await port.inner.loadSettings()).toMatchObject({ rank: "dense" });
    // The status line says what was written, for screen readers too.
    expect(screen.getByTestId("run-status").textContent).toMatch(/Đã ghi \d+ trang tính tổng hợp/);
    // Each summary sheet can be brought to the front.
    fireEvent.click(within(tn).getByRole("button", { name: /Mở trang tính “Xếp hạng BHXH TN \(KH\)”/ }));
    expect(h.activated).toEqual(["Xếp hạng BHXH TN (KH)"]);
  });

  test("a second click while recalculating does nothing", async () => {
    const { port } = await samplePort();
    const gate = deferred();
    port.gate = gate.promise;
    render(<PaneRoot port={port} host={paneHost()} />);
    await detected();
    fireEvent.click(recalcButton());
    await waitFor(() => expect(port.writes).toBe(1));
    fireEvent.click(recalcButton());
    fireEvent.click(recalcButton());
    expect(screen.getByTestId("run-status").textContent).toMatch(/Đang tính lại/);
    expect(document.querySelector(".fui-ProgressBar")).not.toBeNull();
    await act(async () => gate.resolve());
    await screen.findByTestId("results", undefined, paneWait());
    expect(port.writes).toBe(1);
  });

  test("an input error no field fixes is shown in the bar at the top naming the sheet and rows, and nothing is written", async () => {
    const { port } = await samplePort((wb) => replaceText(wb, "H.Long Mỹ", "H. Vị Thuỷ", ["Thực hiện"]));
    render(<PaneRoot port={port} host={paneHost()} />);
    const alert = await screen.findByRole("alert", undefined, paneWait());
    expect(alert.getAttribute("data-testid")).toBe("error");
    expect(alert.getAttribute("data-code")).toBe("duplicate-unit");
    expect(alert.textContent).toMatch(/Không tính được/);
    expect(alert.textContent).toMatch(/'Thực hiện', hàng 11: đơn vị “H. Vị Thuỷ” có hai lần trong trang tính — ở hàng 10/);
    // At the top: before the sheet pickers.
    expect(alert.compareDocumentPosition(picker("targets")) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // The pickers still show the sheets recognised by name, not "none".
    await waitFor(() => expect(picker("actuals").value).toBe("Thực hiện"));
    expect(picker("targets").value).toBe("Kế hoạch");
    fireEvent.click(recalcButton());
    expect(port.writes).toBe(0);
  });

  test("a missing saved sheet: the message, listing the sheets there are, is under the targets picker that fixes it", async () => {
    const { port } = await samplePort();
    await port.inner.saveSettings(toStored({ ...DEFAULT_CHOICES, sheets: { targets: "KH 2021" } }));
    render(<PaneRoot port={port} host={paneHost()} />);
    const alert = await screen.findByRole("alert", undefined, paneWait());
    expect(alert.getAttribute("data-code")).toBe("sheet-not-found");
    expect(alert.getAttribute("data-setting")).toBe("targets");
    expect(alert.textContent).toMatch(/'KH 2021'.*'Kế hoạch', 'Thực hiện', 'Dân số'/);
    // The picker it names is the one it is tied to (and no bar at the top repeats it).
    expect(alert.textContent).toContain("“Trang tính kế hoạch (chỉ tiêu giao)”");
    expect(picker("targets").getAttribute("aria-describedby")).toContain(alert.id);
    expect(screen.queryByTestId("error")).toBeNull();
    // Choosing an existing sheet clears it.
    fireEvent.change(picker("targets"), { target: { value: "Kế hoạch" } });
    await detected();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  test("follows Office's display language, and the switch changes it", async () => {
    const { port } = await samplePort();
    render(<PaneRoot port={port} host={paneHost({ displayLanguage: "en-US" })} />);
    await detected();
    expect(recalcButton(/Recalculate/)).toBeTruthy();
    expect(screen.getByText("Targets sheet (plan)")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Interface language"), { target: { value: "vi" } });
    expect(recalcButton(/Tính lại/)).toBeTruthy();
    expect(screen.getByText("Trang tính kế hoạch (chỉ tiêu giao)")).toBeTruthy();
  });

  test("the options chosen are the ones used and saved (output language, number locale)", async () => {
    const { wb, port } = await samplePort();
    render(<PaneRoot port={port} host={paneHost()} />);
    await detected();
    fireEvent.change(screen.getByLabelText("Ngôn ngữ trang tính kết quả"), { target: { value: "en" } });
    fireEvent.click(screen.getByLabelText(/Trung bình cộng/));
    await detected();
    fireEvent.click(recalcButton());
    await screen.findByTestId("results", undefined, paneWait());
    expect(wb.getWorksheet("Overview")).toBeDefined();
    expect(port.saved[0]).toMatchObject({ lang: "en", average: "mean", locale: "vi" });
    // With the simple mean, the pane says which average the units were compared with.
    expect(screen.getByTestId("result-bhxh-tn-attainment").textContent).toMatch(/Bình quân so sánh/);
  });

  test("markup in a unit name renders as inert text", async () => {
    const evil = `<img src=x onerror="window.__pwned=1">Huyện Vị Thủy`;
    const { port } = await samplePort((wb) => {
      replaceText(wb, "Huyện Vị Thủy", evil, ["Kế hoạch"]);
      replaceText(wb, "H. Vị Thuỷ", evil, ["Thực hiện"]);
      replaceText(wb, "HUYỆN VỊ THỦY", evil, ["Dân số"]);
    });
    render(<PaneRoot port={port} host={paneHost()} />);
    await detected();
    fireEvent.click(recalcButton());
    const results = await screen.findByTestId("results", undefined, paneWait());
    expect(document.querySelector("img")).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    expect(results.textContent).toContain(evil);
  });

  test.each([
    ["dark", "#292929"],
    ["light", "#ffffff"],
  ] as const)("the %s Office theme gives Fluent's matching theme", async (theme, background) => {
    const { port } = await samplePort();
    render(<PaneRoot port={port} host={paneHost({ theme })} />);
    await detected();
    // Fluent inserts its rules through the CSSOM.
    const css = Array.from(document.styleSheets)
      .flatMap((sheet) => Array.from(sheet.cssRules).map((r) => r.cssText))
      .join("\n");
    expect(css).toMatch(new RegExp(`--colorNeutralBackground1:\\s*${background}`, "i"));
  });
});

describe("task pane results: the report paragraphs", () => {
  test("shows the paragraphs the run wrote, in the output language, with the published figures", async () => {
    const { port } = await samplePort();
    render(<PaneRoot port={port} host={paneHost()} />);
    await detected();
    fireEvent.click(recalcButton());
    const narrative = await screen.findByTestId("narrative", undefined, paneWait());
    expect(narrative.textContent).toMatch(/12\.853/);
    expect(narrative.textContent).toMatch(/64,91%/);
    expect(narrative.textContent).toMatch(/Vị Thủy[^]*45,37%[^]*Phụng Hiệp[^]*49,34%/);
  });

  test("the report date and area typed in the options open the paragraphs; the area is saved, the date is not", async () => {
    const { port } = await samplePort();
    render(<PaneRoot port={port} host={paneHost()} />);
    await detected();
    fireEvent.change(screen.getByLabelText(/Ngày số liệu trong nhận xét/), { target: { value: "30/11/2022" } });
    fireEvent.change(screen.getByLabelText(/Địa bàn trong nhận xét/), { target: { value: "tỉnh Hậu Giang" } });
    fireEvent.click(recalcButton());
    const narrative = await screen.findByTestId("narrative", undefined, paneWait());
    expect(narrative.textContent).toMatch(/^[^]*Đến ngày 30\/11\/2022, tỉnh Hậu Giang có 12\.853 người/);
    expect(port.saved[0]!.area).toBe("tỉnh Hậu Giang");
    expect(port.saved[0]!.asOf).toBeUndefined();
  });

  test("a report date that is not a date is flagged on the field, and the detection stays", async () => {
    const { port } = await samplePort();
    render(<PaneRoot port={port} host={paneHost()} />);
    await detected();
    const field = screen.getByLabelText(/Ngày số liệu trong nhận xét/);
    fireEvent.change(field, { target: { value: "31-13" } });
    const alert = await screen.findByRole("alert");
    expect(alert.getAttribute("data-code")).toBe("as-of-not-a-date");
    expect(alert.textContent).toMatch(/“31-13”/);
    expect(field.getAttribute("aria-describedby")).toContain(alert.id);
    expect(screen.getByTestId("detection")).toBeTruthy();
    expect(recalcButton().getAttribute("aria-disabled")).toBe("true");
    fireEvent.change(field, { target: { value: "31/10/2022" } });
    await detected();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(recalcButton().getAttribute("aria-disabled")).toBe("false");
  });
});

describe("task pane results: growth, goals and groups (seed 003, Tiền Giang)", () => {
  test("the previous-year sheet is detected, and growth, the gap to the saved goals and the groups are shown", async () => {
    const port = new RecordingPort(new ExcelJsWorkbook(tienGiangWorkbook()));
    await port.inner.saveSettings(toStored({ ...DEFAULT_CHOICES, goals: [{ indicator: "BHYT", category: null, rate: "93%" }] }));
    render(<PaneRoot port={port} host={paneHost()} />);
    await detected();
    expect(picker("previous").value).not.toBe("");
    fireEvent.click(recalcButton());
    const results = await screen.findByTestId("results", undefined, paneWait());
    // Coverage of BHYT: 91,3% of the population against a goal of 93%.
    const bhyt = within(results).getByTestId("result-bhyt-coverage");
    expect(bhyt.textContent).toMatch(/Mục tiêu 93%: chênh lệch −1,70 điểm %/);
    expect(bhyt.textContent).toMatch(/cần vận động thêm [\d.]+ người/);
    expect(within(bhyt).getByTestId("groups").textContent).toMatch(/Khối huyện/);
    expect(within(bhyt).getByTestId("groups").textContent).toMatch(/Khối thành phố, thị xã/);
    expect(results.textContent).toMatch(/So với cùng kỳ: \+5,40%/);
    expect(port.saved[0]!.goals).toEqual([{ indicator: "BHYT", category: null, rate: "93%" }]);
  });
});

describe("task pane: goal entry (seed 002, Quỳnh Nhai)", () => {
  test("goals by category, with the categories found offered, are used and saved", async () => {
    const port = new RecordingPort(new ExcelJsWorkbook(quynhNhaiWorkbook()));
    render(<PaneRoot port={port} host={paneHost()} />);
    await detected();
    const goals = screen.getByTestId("goals");
    const add = () => fireEvent.click(within(goals).getByRole("button", { name: "Thêm mục tiêu" }));
    add();
    add();
    const categories = within(goals).getAllByLabelText("Áp dụng cho") as HTMLSelectElement[];
    expect(Array.from(categories[0]!.options).map((o) => o.textContent)).toEqual(["Toàn địa bàn", "NTM nâng cao", "NTM", "CHƯA ĐẠT NTM"]);
    fireEvent.change(categories[0]!, { target: { value: "NTM" } });
    fireEvent.change(categories[1]!, { target: { value: "NTM nâng cao" } });
    const rates = within(goals).getAllByLabelText(/Tỷ lệ mục tiêu/) as HTMLInputElement[];
    fireEvent.change(rates[0]!, { target: { value: "90%" } });
    fireEvent.blur(rates[0]!);
    fireEvent.change(rates[1]!, { target: { value: "95" } });
    fireEvent.keyDown(rates[1]!, { key: "Enter" });
    await detected();
    fireEvent.click(recalcButton());
    const results = await screen.findByTestId("results", undefined, paneWait());
    const short = within(results).getByTestId("below-goal");
    // Mường Sại: 4.500 of 5.000 is exactly the 90% goal — not short of it.
    expect(short.textContent).not.toMatch(/Mường Sại/);
    // Chiềng Bằng: 3.230 of 3.400 is exactly 95%. Only Liệp Tè is short: 90% × 4.300 − 3.800 = 70.
    expect(Array.from(short.querySelectorAll("li")).map((li) => li.textContent)).toEqual(["Xã Liệp Tè: 88,37% / 90% — cần vận động thêm 70 người"]);
    expect(port.saved[0]!.goals).toEqual([
      { indicator: "BHYT", category: "NTM", rate: "90%" },
      { indicator: "BHYT", category: "NTM nâng cao", rate: "95" },
    ]);
  });

  test("an invalid rate is reported, and removing the goal clears it", async () => {
    const port = new RecordingPort(new ExcelJsWorkbook(quynhNhaiWorkbook()));
    render(<PaneRoot port={port} host={paneHost({ displayLanguage: "en-US" })} />);
    await detected();
    const goals = screen.getByTestId("goals");
    fireEvent.click(within(goals).getByRole("button", { name: "Add a goal" }));
    const rate = within(goals).getByLabelText(/Goal rate/) as HTMLInputElement;
    fireEvent.change(rate, { target: { value: "abc" } });
    fireEvent.blur(rate);
    const alert = await screen.findByRole("alert", undefined, paneWait());
    expect(alert.textContent).toMatch(/"abc" is not a rate/);
    // Message under the field, and not sent to the run: Recalculate waits for it.
    expect(rate.getAttribute("aria-describedby")).toContain(alert.id);
    expect(recalcButton(/Recalculate/).getAttribute("aria-disabled")).toBe("true");
    fireEvent.click(within(screen.getByTestId("goals")).getByRole("button", { name: "Remove goal 1" }));
    await detected();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(recalcButton(/Recalculate/).getAttribute("aria-disabled")).toBe("false");
  });
});
