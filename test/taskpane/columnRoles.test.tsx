/** @jest-environment jsdom */
/**
 * The detection view shows each figure column's role and lets the planner change it: the change
 * is an override {sheet role, column letter, indicator, role} in the choices, replacing any other
 * for that column, saved with the choices on Recalculate, and it marks the results stale.
 * The pane runs the real pipeline (the engine fills `SheetDetection.columns`); analyze() is only
 * wrapped to record the choices each run is given.
 */
import { said } from "../../src/core/messages";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { DetectionView, withColumnRole } from "../../src/taskpane/components/DetectionView";
import { strings } from "../../src/taskpane/strings";
import { DEFAULT_CHOICES, RunChoices } from "../../src/core/settings";
import type { Summary } from "../../src/core/results";
import type { DetectedColumnRole, SheetDetection } from "../../src/core/results";
import type * as Pipeline from "../../src/workbook/recalculate";
import { PaneRoot } from "../../src/taskpane/PaneRoot";
import { samplePort } from "./fixtures";
import { paneHost, paneWait, recalcButton } from "../helpers/pane";

const seen: RunChoices[] = [];
jest.mock("../../src/workbook/recalculate", () => {
  const actual = jest.requireActual<typeof Pipeline>("../../src/workbook/recalculate");
  return {
    ...actual,
    // The real pipeline, recording the choices each run was given.
    analyze: async (port: Parameters<typeof actual.analyze>[0], choices: RunChoices) => {
      seen.push(choices);
      return actual.analyze(port, choices);
    },
  };
});

const S = strings("vi");

const ACTUALS: SheetDetection = {
  role: "actuals",
  sheet: "Thực hiện",
  headerRows: [5],
  columnNumberRow: null,
  unitColumn: "B",
  units: 8,
  indicators: [{ indicator: "BHXH tự nguyện", column: "D", header: "Thực hiện" }],
  ignoredColumns: [],
  excludedRows: [],
  totalRow: null,
  columns: [
    { column: "C", header: "Kế hoạch giao", role: "target", indicator: "BHXH tự nguyện", why: "“Kế hoạch”" },
    { column: "D", header: "Thực hiện", role: "actual", indicator: "BHXH tự nguyện", why: "“Thực hiện”" },
    { column: "E", header: "Tỷ lệ (%)", role: "computed", indicator: "BHXH tự nguyện", why: "“Tỷ lệ”" },
    { column: "F", header: "Ghi chú số", role: "ignored", indicator: null, why: "no indicator" },
  ],
};

const SUMMARY = { detection: [ACTUALS], unmatched: [] } as unknown as Summary;

function renderView(choices: RunChoices, onChange = jest.fn()) {
  render(
    <FluentProvider theme={webLightTheme}>
      <DetectionView S={S} summary={SUMMARY} choices={choices} onChange={onChange} />
    </FluentProvider>,
  );
  return onChange;
}

async function choose(column: string, header: string, label: string): Promise<void> {
  fireEvent.click(screen.getByRole("combobox", { name: S.roleOf(column, header) }));
  fireEvent.click(await screen.findByRole("option", { name: label }));
}

describe("DetectionView: column roles", () => {
  test("each column with its role, in Vietnamese", () => {
    renderView(DEFAULT_CHOICES);
    const list = screen.getByTestId("columns-actuals");
    const rows = Array.from(list.querySelectorAll("li"));
    expect(rows.map((li) => li.getAttribute("data-column"))).toEqual(["C", "D", "E", "F"]);
    expect(rows.map((li) => within(li).getByRole("combobox").textContent)).toEqual(["Kế hoạch", "Thực hiện", "Cột tính sẵn", "Bỏ qua"]);
    expect(rows[2]!.textContent).toContain("E: “Tỷ lệ (%)” — BHXH tự nguyện");
  });

  test("all seven roles are offered", async () => {
    renderView(DEFAULT_CHOICES);
    fireEvent.click(screen.getByRole("combobox", { name: S.roleOf("D", "Thực hiện") }));
    const options = await screen.findAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual(["Kế hoạch", "Thực hiện", "Dân số/LLLĐ", "Cùng kỳ", "Chỉ tiêu tỷ lệ", "Cột tính sẵn", "Bỏ qua"]);
  });

  test("a change adds an override {sheet role, column letter, indicator, role}", async () => {
    const onChange = renderView(DEFAULT_CHOICES);
    await choose("D", "Thực hiện", "Cột tính sẵn");
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0]![0].overrides).toEqual([{ sheet: "actuals", column: "D", indicator: "BHXH tự nguyện", role: "computed" }]);
  });

  test("it replaces an override for the same column (by letter or by header), and keeps the others", async () => {
    const choices: RunChoices = {
      ...DEFAULT_CHOICES,
      overrides: [
        { sheet: "actuals", column: "d", indicator: "BHXH tự nguyện", role: "target" },
        { sheet: "actuals", column: "Thực hiện", indicator: "BHXH tự nguyện" },
        { sheet: "targets", column: "D", indicator: "BHYT" },
        { sheet: "actuals", column: "C", indicator: "BHXH tự nguyện", role: "target" },
      ],
    };
    const onChange = renderView(choices);
    // Marked as set by hand.
    expect(screen.getByTestId("columns-actuals").querySelector('[data-column="D"]')!.textContent).toContain("đã chọn tay");
    expect(screen.getByTestId("columns-actuals").querySelector('[data-column="E"]')!.textContent).not.toContain("đã chọn tay");
    await choose("D", "Thực hiện", "Cùng kỳ");
    expect(onChange.mock.calls[0]![0].overrides).toEqual([
      { sheet: "targets", column: "D", indicator: "BHYT" },
      { sheet: "actuals", column: "C", indicator: "BHXH tự nguyện", role: "target" },
      { sheet: "actuals", column: "D", indicator: "BHXH tự nguyện", role: "previous" },
    ]);
  });

  test('“Bỏ qua” leaves the column out (indicator "-"); a column with no indicator takes its header', () => {
    const [c, , , f] = ACTUALS.columns! as DetectedColumnRole[];
    expect(withColumnRole(DEFAULT_CHOICES, ACTUALS, c!, "ignored").overrides).toEqual([{ sheet: "actuals", column: "C", indicator: "-" }]);
    expect(withColumnRole(DEFAULT_CHOICES, ACTUALS, f!, "actual").overrides).toEqual([
      { sheet: "actuals", column: "F", indicator: "Ghi chú số", role: "actual" },
    ]);
  });

  test("choosing the role it already has changes nothing", async () => {
    const onChange = renderView(DEFAULT_CHOICES);
    await choose("D", "Thực hiện", "Thực hiện");
    expect(onChange).not.toHaveBeenCalled();
  });

  test("without choices to change, the roles are shown read-only", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <DetectionView S={S} summary={SUMMARY} />
      </FluentProvider>,
    );
    expect(screen.getByRole("combobox", { name: S.roleOf("D", "Thực hiện") }).hasAttribute("disabled")).toBe(true);
  });
});

describe("task pane: changing a column's role", () => {
  test("is used by the next analysis, marks the results stale, and is saved on Recalculate", async () => {
    const { port } = await samplePort();
    render(<PaneRoot port={port} host={paneHost()} />);
    await screen.findByTestId("detection", undefined, paneWait());
    fireEvent.click(recalcButton());
    await screen.findByTestId("results", undefined, paneWait());
    // The detection folds away with fresh results; open it and change the BHYT column of the actuals.
    fireEvent.click(screen.getByRole("button", { name: S.detectionTitle }));
    const list = await screen.findByTestId("columns-actuals");
    const bhyt = Array.from(list.querySelectorAll("li")).find((li) => /BHYT/.test(li.textContent ?? ""))!;
    const column = bhyt.getAttribute("data-column")!;
    fireEvent.click(within(bhyt).getByRole("combobox"));
    fireEvent.click(await screen.findByRole("option", { name: "Cột tính sẵn" }));
    expect(screen.getByTestId("stale").textContent).toMatch(/Kết quả chưa cập nhật — bấm Tính lại/);
    await waitFor(() => expect(seen[seen.length - 1]!.overrides).toEqual([{ sheet: "actuals", column, indicator: "BHYT", role: "computed" }]));
    // The detection stays open while the results are stale.
    expect((await screen.findByTestId("columns-actuals")).textContent).toContain("đã chọn tay");
    fireEvent.click(recalcButton());
    await waitFor(() => expect(port.saved).toHaveLength(2), paneWait());
    expect(port.saved[1]!.overrides).toEqual([{ sheet: "actuals", column, indicator: "BHYT", role: "computed" }]);
    expect(await port.inner.loadSettings()).toMatchObject({ overrides: [{ sheet: "actuals", column, indicator: "BHYT", role: "computed" }] });
  });
});

describe("a band of a sheet with two rows per unit", () => {
  it("is named by its header, so changing the plan band leaves the actual band as it is", () => {
    const d: SheetDetection = {
      ...ACTUALS,
      columns: [
        { column: "D", header: "BHYT / Kế hoạch", role: "target", indicator: "BHYT", why: "Kế hoạch", band: "Kế hoạch" },
        { column: "D", header: "BHYT / Thực hiện", role: "actual", indicator: "BHYT", why: "Thực hiện", band: "Thực hiện" },
      ],
    };
    const next = withColumnRole(DEFAULT_CHOICES, d, d.columns![0]!, "ignored");
    expect(next.overrides).toEqual([{ sheet: "actuals", column: "BHYT / Kế hoạch", indicator: "-" }]);
  });
});

describe("what the detection read other than as written", () => {
  it("shows why the sheets were chosen, the dash zeros, the scales, the names and the bands", () => {
    const d: SheetDetection = {
      ...ACTUALS,
      dashZeros: { count: 3, cells: ["'Thực hiện'!C9", "'Thực hiện'!C10"] },
      scales: [{ column: "C", header: "BHXH tự nguyện", scale: 1000, from: "'Kế hoạch'!C3: \"Đơn vị tính: nghìn người\"" }],
      names: [{ row: 7, name: "Phường 3", written: "3", why: "number" }],
      bands: { column: "C", labels: ["Kế hoạch", "Thực hiện"] },
    };
    const summary = {
      detection: [d],
      unmatched: [],
      sheetNotes: [said("hidden-sheet-passed-over", { role: "targets" }, { sheet: "KH 2024" })],
    } as unknown as Summary;
    render(
      <FluentProvider theme={webLightTheme}>
        <DetectionView S={S} summary={summary} />
      </FluentProvider>,
    );
    expect(screen.getByTestId("sheet-notes").textContent).toContain("'KH 2024' bị ẩn");
    const notes = screen.getByTestId("read-notes-actuals").textContent!;
    expect(notes).toContain("“-” đọc là 0: 3 ô ('Thực hiện'!C9, 'Thực hiện'!C10, …)");
    expect(notes).toContain("Cột C (“BHXH tự nguyện”) nhân 1.000");
    expect(notes).toContain("Dòng 7: “3” đọc là “Phường 3”");
    expect(notes).toContain("Mỗi đơn vị nhiều dòng (cột C): Kế hoạch, Thực hiện");
  });
});
