/**
 * Bad input through the CLI on real .xlsx files: the same cases as engine.test.ts, seen the way a
 * user sees them (exit code, one clear line on stderr, the --json warnings, the written file),
 * plus the CLI's own faults: --out naming the input, a write that fails. Every run checks that the
 * input file is byte-for-byte the same afterwards (SHA-256 before and after).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { runCli, sha256Of as sha } from "../helpers/files";
import { JsonReport } from "../../src/core/jsonReport";
import { MAX_CELL_TEXT } from "../../src/core/sheetSpec";
import { nonFinite } from "./helpers";

jest.setTimeout(60_000);

type Row = (string | number | null | ExcelJS.CellValue)[];
interface SheetDef {
  readonly name: string;
  readonly rows: readonly Row[];
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-rel-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function workbook(file: string, sheets: readonly SheetDef[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r, i) => {
      r.forEach((v, c) => {
        if (v !== null && v !== undefined) ws.getCell(i + 1, c + 1).value = v as ExcelJS.CellValue;
      });
    });
  }
  const p = path.join(dir, file);
  await wb.xlsx.writeFile(p);
  return p;
}

function sheet(name: string, headers: readonly string[], units: readonly Row[], extra: readonly Row[] = []): SheetDef {
  return { name, rows: [["BẢO HIỂM XÃ HỘI TỈNH"], [], ["STT", "Đơn vị", ...headers], ...units.map((u, i) => [i + 1, ...u]), ...extra] };
}

const KH = sheet(
  "Kế hoạch",
  ["BHYT"],
  [
    ["Huyện Vị Thủy", 1000],
    ["Huyện Long Mỹ", 2000],
    ["Thị xã Long Mỹ", 3000],
  ],
);
const TH = sheet(
  "Thực hiện",
  ["BHYT"],
  [
    ["H. Vị Thủy", 500],
    ["H. Long Mỹ", 1500],
    ["TX. Long Mỹ", 2900],
  ],
);

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
  readonly json: JsonReport | null;
}

/** Run the CLI in-process; the input file must be unchanged whatever happens. */
async function cli(input: string, ...args: string[]): Promise<Run> {
  const before = sha(input);
  const { code, out, err } = await runCli(["summarize", input, ...args]);
  expect(sha(input)).toBe(before);
  let json: JsonReport | null = null;
  if (code === 0 && args.includes("--json")) json = JSON.parse(out) as JsonReport;
  return { code, out, err, json };
}

function outPath(name: string): string {
  return path.join(dir, name);
}

/** A user error: exit 2, one "chitieu:" message, no output file and no temporary file left. */
function expectUserError(r: Run, out: string, ...phrases: (string | RegExp)[]): void {
  expect(r.code).toBe(2);
  expect(r.err.startsWith("chitieu: ")).toBe(true);
  expect(r.err).not.toMatch(/unexpected error|\n\s+at /);
  for (const p of phrases) expect(r.err).toMatch(p);
  expect(fs.existsSync(out)).toBe(false);
  expect(fs.readdirSync(path.dirname(out)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
}

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe("CLI: bad input ends in a clear message (exit 2), nothing written", () => {
  test("no header found", async () => {
    const input = await workbook("noheader.xlsx", [KH, { name: "Thực hiện", rows: [["Báo cáo tháng 10"], ["Số liệu sơ bộ, chưa có bảng"]] }]);
    const out = outPath("noheader-out.xlsx");
    expectUserError(await cli(input, "--out", out), out, /Không tìm thấy bảng trong trang tính 'Thực hiện'/, /“STT”, “Đơn vị”/);
  });

  test("an empty sheet", async () => {
    const input = await workbook("empty.xlsx", [KH, { name: "Thực hiện", rows: [] }]);
    const out = outPath("empty-out.xlsx");
    expectUserError(await cli(input, "--out", out), out, /Trang tính 'Thực hiện' trống/);
  });

  test("a named sheet that does not exist: the message lists those that do", async () => {
    const input = await workbook("named.xlsx", [KH, TH]);
    const out = outPath("named-out.xlsx");
    expectUserError(
      await cli(input, "--out", out, "--targets", "KH 2023"),
      out,
      /Không có trang tính nào tên 'KH 2023'/,
      /--targets/,
      /'Kế hoạch'/,
      /'Thực hiện'/,
    );
  });

  test("a unit twice in one sheet: both rows named", async () => {
    const dup = sheet(
      "Kế hoạch",
      ["BHYT"],
      [
        ["Huyện Vị Thủy", 1000],
        ["Huyện Long Mỹ", 2000],
        ["HUYỆN VỊ THỦY", 3000],
      ],
    );
    const input = await workbook("dup.xlsx", [dup, TH]);
    const out = outPath("dup-out.xlsx");
    expectUserError(await cli(input, "--out", out), out, /'Kế hoạch', hàng 6: đơn vị “HUYỆN VỊ THỦY” có hai lần trong trang tính — ở hàng 4/);
  });

  test("every indicator unmatched: the headers found in each sheet are listed", async () => {
    const t = sheet(
      "Kế hoạch",
      ["Thu nợ"],
      [
        ["Huyện Vị Thủy", 1],
        ["Huyện Long Mỹ", 2],
      ],
    );
    const a = sheet(
      "Thực hiện",
      ["BHXH tự nguyện"],
      [
        ["H. Vị Thủy", 1],
        ["H. Long Mỹ", 2],
      ],
    );
    const input = await workbook("noind.xlsx", [t, a]);
    const out = outPath("noind-out.xlsx");
    expectUserError(await cli(input, "--out", out), out, /'Kế hoạch': “Thu nợ”/, /'Thực hiện': “BHXH tự nguyện”/);
  });

  test("a file that is not an .xlsx workbook", async () => {
    const input = path.join(dir, "not-a-workbook.xlsx");
    fs.writeFileSync(input, "STT,Đơn vị,BHYT\n1,Xã A,5\n");
    const out = outPath("notxlsx-out.xlsx");
    expectUserError(
      await cli(input, "--out", out),
      out,
      /^chitieu: Tệp “.*not-a-workbook\.xlsx” là văn bản dạng CSV \(các giá trị cách nhau bằng dấu phẩy\) chứ không phải sổ làm việc Excel \(\.xlsx\)\. Mở tệp trong Excel/,
    );
  });
});

describe("CLI: bad cells are warnings with sheet and cell; the file is written; no Infinity or NaN", () => {
  let run: Run;
  let out: string;
  beforeAll(async () => {
    const t = sheet(
      "Kế hoạch",
      ["BHYT"],
      [
        ["Huyện Vị Thủy", 0],
        ["Huyện Long Mỹ", 2000],
        ["Thị xã Long Mỹ", 3000],
        ["Huyện Phụng Hiệp", 1000],
        ["Huyện Châu Thành", 1000],
        ["Huyện Châu Thành A", 1000],
        ["Thành phố Ngã Bảy", 1e300],
      ],
      [[null, "Toàn tỉnh", 99_999]],
    );
    const a = sheet(
      "Thực hiện",
      ["BHYT"],
      [
        ["H. Vị Thủy".normalize("NFD"), 500],
        ["H. Long Mỹ", "1,065,565"],
        ["TX. Long Mỹ", -2900],
        ["Huyện Phụng Hiệp", { error: "#N/A" } as ExcelJS.CellErrorValue],
        ["Huyện Châu Thành", "chưa báo cáo"],
        ["Huyện Châu Thành A", null],
        ["Thành phố Ngã Bảy", 7],
        ["Thành phố Vị Thanh", 12],
      ],
    );
    const input = await workbook("cells.xlsx", [t, a]);
    out = outPath("cells-out.xlsx");
    run = await cli(input, "--out", out, "--json");
  });

  test("exit 0 and the output file exists", () => {
    expect(run.code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
  });

  test.each([["zero target", /'Kế hoạch'!C4: kế hoạch BHYT của Huyện Vị Thủy bằng 0/]])("%s: a warning naming the cell", (_label, re) => {
    expect(run.json!.warnings.join("\n")).toMatch(re);
  });

  test.each([
    ["total row disagrees", "total-row-mismatch", "Kế hoạch", "C11"],
    ["absurd figure", "figure-too-large", "Kế hoạch", "C10"],
    ["other locale", "other-locale-number", "Thực hiện", "C5"],
    ["negative", "negative-figure", "Thực hiện", "C6"],
    ["error value", "excel-error", "Thực hiện", "C7"],
    ["text", "text-in-number-column", "Thực hiện", "C8"],
    ["blank", "blank-cell", "Thực hiện", "C9"],
  ])("%s: a warning naming the cell (%s), in the JSON's messages and its sentences", (_label, code, sheet, cell) => {
    const i = run.json!.messages.warnings.findIndex((m) => m.code === code && m.where?.sheet === sheet && m.where.cell === cell);
    expect(i).toBeGreaterThanOrEqual(0);
    // The sentence at the same index names the cell too.
    expect(run.json!.warnings[i]).toContain(`'${sheet}'!${cell}:`);
  });

  test("a unit in one sheet only is listed as unmatched", () => {
    expect(run.json!.unmatched).toEqual([{ sheet: "Thực hiện", unit: "Thành phố Vị Thanh", missingFrom: ["Kế hoạch"] }]);
  });

  test("an NFD name is matched with its NFC twin", () => {
    expect(run.json!.results[0]!.units.map((u) => u.unit)).toContain("Huyện Vị Thủy");
  });

  test("no Infinity or NaN in the JSON, and every number written to the file is finite", async () => {
    expect(nonFinite(run.json)).toEqual([]);
    expect(run.out).not.toMatch(/Infinity|NaN/);
    const wb = await readBack(out);
    const written = run.json!.output!.sheets.map((s) => s.name);
    for (const name of written) {
      wb.getWorksheet(name)!.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === "number") expect(Number.isFinite(cell.value)).toBe(true);
        }),
      );
    }
  });
});

describe("CLI: columns and rows far beyond the table", () => {
  test("5,000 junk columns right of the table and a cell 100,000 rows below are ignored, quickly", async () => {
    const junkRow = (seed: number) => Array.from({ length: 5000 }, (_, c) => (c % 2 === 0 ? `tạm ${seed}-${c}` : c * seed));
    const pad = (r: Row, k: number): Row => [...r, null, null, ...junkRow(k)];
    const t = sheet(
      "Kế hoạch",
      ["BHYT"],
      [
        ["Huyện Vị Thủy", 1000],
        ["Huyện Long Mỹ", 2000],
        ["Thị xã Long Mỹ", 3000],
      ],
    );
    const a = sheet(
      "Thực hiện",
      ["BHYT"],
      [
        ["H. Vị Thủy", 500],
        ["H. Long Mỹ", 1500],
        ["TX. Long Mỹ", 2900],
      ],
    );
    const far: Row[] = Array.from({ length: 100_000 }, () => []);
    far.push([null, "Xã lạc", 77, "ghi chú lạc"]);
    const withJunk = (s: SheetDef): SheetDef => ({ name: s.name, rows: [...s.rows.map((r, i) => (i >= 3 ? pad(r, i) : r)), ...far] });
    const input = await workbook("junk.xlsx", [withJunk(t), withJunk(a)]);
    const out = outPath("junk-out.xlsx");
    const started = Date.now();
    const r = await cli(input, "--out", out, "--json");
    const ms = Date.now() - started;
    expect(r.code).toBe(0);
    expect(r.json!.results[0]!.units).toHaveLength(3);
    expect(r.json!.unmatched).toEqual([]);
    expect(r.json!.warnings).toEqual([]);
    expect(JSON.stringify(r.json)).not.toContain("Xã lạc");
    expect(ms).toBeLessThan(20_000);
  });
});

describe("CLI: very long names", () => {
  test("5,000-character names: no crash, legal sheet names, every written cell within Excel's limit", async () => {
    const longUnit = "Xã " + "Tân Phước Hưng ".repeat(340);
    const longHeader = "Số thẻ cấp mới [loại A/B] *tạm tính*: ".repeat(130);
    const t = sheet(
      "Kế hoạch",
      [longHeader],
      [
        [longUnit, 100],
        ["Xã Ngắn", 50],
      ],
    );
    const a = sheet(
      "Thực hiện",
      [longHeader],
      [
        [longUnit, 60],
        ["Xã Ngắn", 50],
      ],
    );
    const input = await workbook("long.xlsx", [t, a]);
    const out = outPath("long-out.xlsx");
    const r = await cli(input, "--out", out, "--json");
    expect(r.code).toBe(0);
    const wb = await readBack(out);
    for (const s of r.json!.output!.sheets) {
      expect(Array.from(s.name).length).toBeLessThanOrEqual(31);
      expect(s.name).not.toMatch(/[:\\/?*[\]]/);
      wb.getWorksheet(s.name)!.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === "string") expect(cell.value.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
        }),
      );
    }
  });
});

describe("CLI: the input is never modified and never overwritten", () => {
  let input: string;
  beforeAll(async () => {
    input = await workbook("keep.xlsx", [KH, TH]);
  });

  test("--out equal to the input is refused", async () => {
    const before = sha(input);
    const r = await cli(input, "--out", input);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^chitieu: Tệp kết quả “.*” chính là sổ làm việc đầu vào/);
    expect(sha(input)).toBe(before);
  });

  test("--out naming the input by another path (.., a symlink, a hard link) is refused", async () => {
    const sub = path.join(dir, "sub");
    fs.mkdirSync(sub, { recursive: true });
    const viaDots = path.join(sub, "..", path.basename(input));
    const link = path.join(dir, "link.xlsx");
    const hard = path.join(dir, "hard.xlsx");
    fs.rmSync(link, { force: true });
    fs.rmSync(hard, { force: true });
    fs.symlinkSync(input, link);
    fs.linkSync(input, hard);
    const linkedDir = path.join(dir, "linked-dir");
    fs.rmSync(linkedDir, { force: true });
    fs.symlinkSync(dir, linkedDir);
    for (const out of [viaDots, link, hard, path.join(linkedDir, path.basename(input))]) {
      const r = await cli(input, "--out", out);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^chitieu: Tệp kết quả “.*” chính là sổ làm việc đầu vào/);
    }
  });

  test("a successful run leaves the input byte-for-byte the same", async () => {
    const r = await cli(input, "--out", outPath("keep-out.xlsx"));
    expect(r.code).toBe(0);
  });
});

describe("CLI: a failed write leaves no partial output file", () => {
  let input: string;
  beforeAll(async () => {
    input = await workbook("w.xlsx", [KH, TH]);
  });

  test("the output's folder cannot be made (a file is in the way): clear message, nothing left", async () => {
    const blocker = path.join(dir, "blocker");
    fs.writeFileSync(blocker, "not a folder");
    const out = path.join(blocker, "out.xlsx");
    const r = await cli(input, "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `chitieu: Không ghi được “${out}”: không tạo được thư mục chứa nó vì “${blocker}” là một tệp chứ không phải thư mục. Chọn chỗ ghi khác (dùng --out <tệp.xlsx>).\n`,
    );
    expect(fs.readFileSync(blocker, "utf8")).toBe("not a folder");
  });

  test("--out is an existing folder: clear message, the folder untouched, no temporary file", async () => {
    const folder = path.join(dir, "folder.xlsx");
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, "inside.txt"), "mine");
    const r = await cli(input, "--out", folder);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`chitieu: Không ghi được “${folder}”: đó là một thư mục. Đặt tên cho tệp .xlsx trong thư mục đó (dùng --out <tệp.xlsx>).\n`);
    expect(fs.readdirSync(folder)).toEqual(["inside.txt"]);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("the writer fails half-way (a real short write: the file size limit): the previous output stays as it was, no half file, no temporary file", async () => {
    const out = outPath("previous.xlsx");
    fs.writeFileSync(out, "previous output");
    // A real process whose files may not pass half the output's size (ulimit -f, in KB; Node ignores
    // SIGXFSZ, so the write past it fails with EFBIG after some bytes have landed). The limit follows
    // the output's size, measured by a run without it: a fixed 16 KB stopped failing once the
    // output shrank under it.
    const bin = path.resolve(__dirname, "..", "..", "bin", "chitieu.js");
    const whole = outPath("whole.xlsx");
    expect((await cli(input, "--out", whole)).code).toBe(0);
    const limitKb = Math.floor(fs.statSync(whole).size / 2048);
    expect(limitKb).toBeGreaterThanOrEqual(2);
    const r = spawnSync("bash", ["-c", `ulimit -f ${limitKb} && exec "$0" "$@"`, process.execPath, bin, "summarize", input, "--out", out], {
      encoding: "utf8",
      timeout: 30_000,
    });
    expect({ status: r.status, err: r.stderr }).toEqual({ status: 2, err: expect.stringMatching(/^chitieu: Không ghi được “.*previous\.xlsx”.*EFBIG.*\n$/s) });
    expect(fs.readFileSync(out, "utf8")).toBe("previous output");
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("CLI: the user's sheets are carried into the output unchanged", () => {
  /** A package's parts by name. */
  async function partsOf(file: string): Promise<Map<string, Buffer>> {
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const parts = new Map<string, Buffer>();
    for (const f of Object.values(zip.files)) if (!f.dir) parts.set(f.name, await f.async("nodebuffer"));
    return parts;
  }

  /** The parts a run may change: the sheet list, its relationships, the content types, the app properties, the styles (ours appended). */
  const OURS_TO_EXTEND = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "docProps/app.xml", "xl/styles.xml"]);

  // Compared as package parts, not through exceljs, which cannot see what it drops itself (charts,
  // external links, protection): every other part of the input is byte-identical in the output.
  test.each([
    "samples/hau-giang-2022.xlsx",
    "test/fixtures/corpus/everything.xlsx",
    "test/fixtures/corpus/lo-everything.xlsx",
    "test/fixtures/corpus/external-link.xlsx",
    "test/fixtures/corpus/protected.xlsx",
  ])("%s: every part of the input but the five we extend is byte-identical in the output", async (rel) => {
    const input = path.join(dir, `copy-${path.basename(rel)}`);
    fs.copyFileSync(path.resolve(__dirname, "..", "..", rel), input);
    const out = outPath(`parts-${path.basename(rel)}`);
    const r = await cli(input, "--out", out, "--json");
    expect(r.code).toBe(0);
    const before = await partsOf(input);
    const after = await partsOf(out);
    expect(before.size).toBeGreaterThan(5);
    const changed = [...before].filter(([name, bytes]) => !OURS_TO_EXTEND.has(name) && !after.get(name)?.equals(bytes)).map(([name]) => name);
    expect(changed).toEqual([]);
    // Something was added (the summary sheets), and the sheet list still starts with the user's.
    expect(after.size).toBeGreaterThan(before.size);
    const sheetsOf = (parts: Map<string, Buffer>) =>
      [
        ...parts
          .get("xl/workbook.xml")!
          .toString("utf8")
          .matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g),
      ].map((m) => m[1]);
    const names = sheetsOf(before);
    expect(sheetsOf(after).slice(0, names.length)).toEqual(names);
    for (const s of r.json!.output!.sheets) expect(names).not.toContain(s.name);
  });
});
