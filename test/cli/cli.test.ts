/**
 * The CLI over .xlsx files the tests write: the --json contract, user errors (one line, non-zero
 * exit, no output file), the output workbook (input sheets untouched, summary sheets replaced on
 * a second run, a user's sheet never overwritten), the options, and the real commands as
 * subprocesses (npm run -s chitieu, node bin/chitieu.js, npm run demo).
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { formatPercent } from "../../src/core/format";
import { JsonReport } from "../../src/core/jsonReport";
import { META_SHEET } from "../../src/workbook/exceljsWorkbook";
import { addReportSheet } from "../../scripts/lib/reportSheet";
import { HAU_GIANG, hauGiangWorkbook } from "../../scripts/lib/seeds";
import { cellMap, readWorkbook, runCli, sheetNames, tempDir, writeWorkbook } from "../helpers/files";
import * as bad from "../helpers/badFiles";
import { loadWorkbook, saveWorkbook } from "../../src/cli/files";

const ROOT = path.resolve(__dirname, "..", "..");
const run = promisify(execFile);

let dir: string;
let hg: string;
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = tempDir("chitieu-cli-");
  hg = await writeWorkbook(hauGiangWorkbook(), file("hau-giang.xlsx"));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function summarizeJson(input: string, out: string, extra: string[] = []): Promise<JsonReport> {
  const r = await runCli(["summarize", input, "--out", out, "--json", ...extra]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as JsonReport;
}

const INPUT_SHEETS = ["Kế hoạch", "Thực hiện", "Dân số"];

describe("--json", () => {
  let j: JsonReport & Record<string, unknown>;
  let raw: Record<string, unknown>;
  beforeAll(async () => {
    const r = await runCli(["summarize", hg, "--out", file("json.xlsx"), "--json"]);
    expect(r.code).toBe(0);
    raw = JSON.parse(r.out) as Record<string, unknown>;
    j = raw as unknown as JsonReport & Record<string, unknown>;
  });

  it("has exactly the contract's keys (extra keys allowed) with the contract's types", () => {
    for (const k of ["sheets", "average", "results", "unmatched", "warnings"]) expect(raw).toHaveProperty(k);
    expect(Object.keys(j.sheets)).toEqual(expect.arrayContaining(["targets", "actuals", "base"]));
    expect(j.sheets).toMatchObject({ targets: "Kế hoạch", actuals: "Thực hiện", base: "Dân số" });
    expect(["overall", "mean"]).toContain(j.average);
    expect(Array.isArray(j.results)).toBe(true);
    expect(j.results.length).toBeGreaterThan(0);
    for (const r of j.results) {
      for (const k of ["indicator", "measure", "overall", "average", "units"]) expect(r).toHaveProperty(k);
      expect(typeof r.indicator).toBe("string");
      expect(["attainment", "coverage"]).toContain(r.measure);
      expect(typeof r.overall).toBe("number");
      expect(typeof r.average).toBe("number");
      // Issue 19: the pace, exactly the keys (null for coverage).
      expect(r).toHaveProperty("pace");
      if (r.measure === "coverage") expect(r.pace).toBeNull();
      else
        expect(Object.keys(r.pace!)).toEqual([
          "periodStart",
          "periodEnd",
          "asOf",
          "elapsed",
          "remaining",
          "monthsLeft",
          "perMonth",
          "startLevel",
          "expected",
          "onPace",
          "projected",
        ]);
      for (const u of r.units) {
        for (const k of ["unit", "actual", "denominator", "ratio", "gap", "rank", "belowAverage"]) expect(u).toHaveProperty(k);
        expect(typeof u.unit).toBe("string");
        expect(typeof u.belowAverage).toBe("boolean");
      }
    }
    expect(Array.isArray(j.unmatched)).toBe(true);
    expect(Array.isArray(j.warnings)).toBe(true);
    for (const w of j.warnings) expect(typeof w).toBe("string");
  });

  it("ratios are unrounded fractions; gap = denominator − actual; units in rank order", () => {
    for (const r of j.results) {
      for (const u of r.units) {
        expect(u.ratio).toBe(u.actual! / u.denominator!);
        expect(u.gap).toBe(u.denominator! - u.actual!);
      }
      const ranks = r.units.map((u) => u.rank!);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      const rates = r.units.map((u) => u.ratio!);
      expect(rates).toEqual([...rates].sort((a, b) => b - a));
    }
    const tn = j.results.find((r) => r.indicator === "BHXH tự nguyện" && r.measure === "attainment")!;
    expect(tn.overall).toBe(12853 / 19800);
    expect(tn.average).toBe(tn.overall);
    const vt = tn.units.find((u) => u.unit === "Huyện Vị Thủy")!;
    expect(vt).toMatchObject({ unit: "Huyện Vị Thủy", actual: 951, denominator: 2096, ratio: 951 / 2096, gap: 1145, rank: 8, belowAverage: true });
  });

  it("prints nothing but the JSON on stdout", async () => {
    const r = await runCli(["summarize", hg, "--out", file("json2.xlsx"), "--json"]);
    expect(() => JSON.parse(r.out)).not.toThrow();
    expect(r.out.trim().startsWith("{")).toBe(true);
  });

  it("reports units found in one sheet only", async () => {
    const wb = hauGiangWorkbook();
    const ws = wb.getWorksheet("Thực hiện")!;
    // Rename one unit in the actuals: it is then in one sheet only, on both sides.
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (typeof c.value === "string" && c.value.normalize("NFC") === "H. Châu Thành A") c.value = "H. Châu Thành B";
      }),
    );
    const f = await writeWorkbook(wb, file("unmatched.xlsx"));
    const u = await summarizeJson(f, file("unmatched-out.xlsx"));
    expect(u.unmatched).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: "Kế hoạch", unit: "Huyện Châu Thành A" }),
        expect.objectContaining({ sheet: "Thực hiện", unit: "H. Châu Thành B" }),
      ]),
    );
    for (const r of u.results) expect(r.units.map((x) => x.unit)).not.toContain("Huyện Châu Thành A");
  });
});

describe("user errors: one line on stderr, a non-zero exit, no output file", () => {
  async function expectUserError(argv: string[], out: string, ...fragments: (string | RegExp)[]) {
    const r = await runCli([...argv, "--out", out]);
    expect(r.code).not.toBe(0);
    expect(r.out).toBe("");
    const lines = r.err.replace(/\n$/, "").split("\n");
    expect(lines).toHaveLength(1);
    for (const f of fragments) expect(lines[0]).toMatch(f);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(path.dirname(out)).filter((n) => n.startsWith(path.basename(out)))).toEqual([]);
    return lines[0]!;
  }

  it("a missing sheet: the message lists the sheets that exist", async () => {
    await expectUserError(["summarize", hg, "--targets", "Chỉ tiêu 2023"], file("err-missing.xlsx"), /'Chỉ tiêu 2023'/, /'Kế hoạch', 'Thực hiện', 'Dân số'/);
  });

  it("no table found in a sheet: the message names it and says what to add", async () => {
    const wb = hauGiangWorkbook();
    const ws = wb.getWorksheet("Kế hoạch")!;
    wb.removeWorksheet(ws.id);
    const kh = wb.addWorksheet("Kế hoạch");
    kh.getCell("A1").value = "CHỈ TIÊU NĂM 2022";
    kh.getCell("A3").value = "Chỉ tiêu sẽ giao sau khi có quyết định của UBND tỉnh.";
    kh.getCell("B3").value = "Xem văn bản số 12";
    const f = await writeWorkbook(wb, file("no-table.xlsx"));
    await expectUserError(["summarize", f], file("err-no-table.xlsx"), /'Kế hoạch'/, /Đơn vị|STT/);
  });

  it("an empty targets sheet", async () => {
    const wb = hauGiangWorkbook();
    wb.removeWorksheet(wb.getWorksheet("Kế hoạch")!.id);
    wb.addWorksheet("Kế hoạch");
    const f = await writeWorkbook(wb, file("empty.xlsx"));
    await expectUserError(["summarize", f], file("err-empty.xlsx"), /'Kế hoạch'/);
  });

  it("a unit listed twice: the message names both rows", async () => {
    const wb = new ExcelJS.Workbook();
    const units = HAU_GIANG.units;
    addReportSheet(wb, {
      name: "Kế hoạch",
      titles: ["KH"],
      units: units.map((u) => ({ name: u.t })),
      columns: [{ header: "BHXH TN", values: units.map((u) => u.tnTarget) }],
    });
    // "H. Vị Thuỷ" again at the end of the actuals, spelled another way.
    const actualNames = [...units.map((u) => u.a), "Huyện Vị Thủy"];
    addReportSheet(wb, {
      name: "Thực hiện",
      titles: ["TH"],
      units: actualNames.map((name) => ({ name })),
      columns: [{ header: "BHXH TN", values: [...units.map((u) => u.tn), 5] }],
    });
    const f = await writeWorkbook(wb, file("dup.xlsx"));
    // Rows: title, blank, header → units from row 4; H. Vị Thuỷ is the 4th (row 7), the copy row 12.
    const line = await expectUserError(["summarize", f], file("err-dup.xlsx"), /'Thực hiện', hàng 12:/, /ở hàng 7 \(“H\. Vị Thuỷ”\)/);
    expect(line).toMatch(/hai lần/);
  });

  it("an input file that does not exist", async () => {
    const nope = file("nope.xlsx");
    const line = await expectUserError(["summarize", nope], file("err-nofile.xlsx"));
    expect(line).toBe(`chitieu: Không có tệp “${nope}”. Kiểm tra lại đường dẫn và tên tệp.`);
  });

  it("an input that is a folder", async () => {
    const folder = file("a-folder.xlsx");
    fs.mkdirSync(folder, { recursive: true });
    const line = await expectUserError(["summarize", folder], file("err-folder.xlsx"));
    expect(line).toBe(`chitieu: “${folder}” là một thư mục, không phải tệp: chọn sổ làm việc (.xlsx) ở trong thư mục đó.`);
  });

  it("--out that does not end in .xlsx", async () => {
    const r = await runCli(["summarize", hg, "--out", file("ket-qua.xls")]);
    expect([r.code, r.err]).toEqual([2, `chitieu: Tệp kết quả “${file("ket-qua.xls")}” phải có đuôi .xlsx: dùng --out <tệp.xlsx>.\n`]);
    expect(fs.existsSync(file("ket-qua.xls"))).toBe(false);
  });
});

describe("a file that is no readable .xlsx: one Vietnamese sentence saying what it is and what to do", () => {
  async function userError(name: string, bytes: Uint8Array | Promise<Uint8Array>): Promise<string> {
    const input = file(name);
    fs.writeFileSync(input, await bytes);
    const out = file(`out-${name}.xlsx`);
    const r = await runCli(["summarize", input, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(fs.existsSync(out)).toBe(false);
    const lines = r.err.replace(/\n$/, "").split("\n");
    expect(lines).toHaveLength(1);
    // Never the reader's own words.
    expect(lines[0]).not.toMatch(/central directory|zip file|Corrupted|End of data|unexpected/i);
    return lines[0]!.replace(dir + path.sep, "");
  }

  it("a password-protected workbook: remove the password in Excel", async () => {
    expect(await userError("mat-khau.xlsx", bad.encryptedXlsx())).toBe(
      "chitieu: Tệp “mat-khau.xlsx” là sổ làm việc Excel có đặt mật khẩu nên không đọc được. Mở tệp trong Excel, vào Tệp › Thông tin › Bảo vệ Sổ làm việc › Mã hóa bằng Mật khẩu, xóa mật khẩu rồi lưu (hoặc lưu một bản không có mật khẩu) và chọn tệp đó.",
    );
  });

  it("an old .xls, even named .xlsx", async () => {
    expect(await userError("cu.xlsx", bad.oldXls())).toBe(
      "chitieu: Tệp “cu.xlsx” là sổ làm việc Excel 97–2003 (.xls), không phải .xlsx. Mở tệp trong Excel, vào Tệp › Lưu Như, chọn kiểu “Sổ làm việc Excel (*.xlsx)” rồi chọn tệp .xlsx mới.",
    );
  });

  it("an .ods, a .docx, a zip (which exceljs would take for a workbook with no sheets)", async () => {
    expect(await userError("bang-tinh.ods", bad.ods())).toMatch(
      /^chitieu: Tệp “bang-tinh\.ods” là bảng tính OpenDocument \(\.ods, của LibreOffice hoặc OpenOffice\), không phải sổ làm việc Excel \(\.xlsx\)\./,
    );
    expect(await userError("van-ban.xlsx", bad.docx())).toMatch(
      /^chitieu: Tệp “van-ban\.xlsx” là văn bản Word \(\.docx\), không phải sổ làm việc Excel \(\.xlsx\)\. Chọn đúng tệp sổ làm việc/,
    );
    expect(await userError("nen.xlsx", bad.plainZip())).toMatch(
      /^chitieu: Tệp “nen\.xlsx” là một tệp nén \(như \.zip, \.rar\), không phải sổ làm việc Excel \(\.xlsx\)\. Giải nén tệp/,
    );
  });

  it("a CSV or a web page saved as .xlsx", async () => {
    expect(await userError("csv.xlsx", bad.csvText())).toMatch(
      /^chitieu: Tệp “csv\.xlsx” là văn bản dạng CSV .* chứ không phải sổ làm việc Excel \(\.xlsx\)\. Mở tệp trong Excel, vào Tệp › Lưu Như/,
    );
    expect(await userError("web.xlsx", bad.htmlExport())).toMatch(/^chitieu: Tệp “web\.xlsx” là một trang web \(HTML\)/);
  });

  it("an empty file, a cut-short download, a damaged package", async () => {
    expect(await userError("rong.xlsx", new Uint8Array(0))).toMatch(/^chitieu: Tệp “rong\.xlsx” trống \(0 byte\)/);
    expect(await userError("do-dang.xlsx", bad.truncatedXlsx())).toMatch(
      /^chitieu: Tệp “do-dang\.xlsx” bị hỏng: tệp bị cắt cụt, có lẽ chưa tải về hoặc chép xong\./,
    );
    expect(await userError("hong.xlsx", bad.damagedXlsx())).toMatch(/^chitieu: Tệp “hong\.xlsx” bị hỏng hoặc có phần không đọc được\. Mở tệp trong Excel/);
  });

  it("a write that fails says why, by the system's error code", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("KH");
    // Flushing the temporary file to disk is where a full disk or a dying one shows (src/cli/files.ts).
    const nodeFs = require("node:fs") as typeof fs;
    const cases = [
      ["ENOSPC", "out-disk-full", {}],
      ["EACCES", "out-denied", {}],
      ["EROFS", "out-denied", {}],
      ["EBUSY", "out-busy", {}],
      ["EIO", "out-write-failed", { detail: "EIO" }],
    ] as const;
    for (const [errno, code, params] of cases) {
      const spy = jest.spyOn(nodeFs, "fsyncSync").mockImplementation(() => {
        throw Object.assign(new Error(`${errno}: failed`), { code: errno });
      });
      const out = file(`write-${errno}.xlsx`);
      try {
        await expect(saveWorkbook(wb, out)).rejects.toMatchObject({
          code: "write-failed",
          problem: { code, params: { file: out, ...params }, setting: "out" },
        });
      } finally {
        spy.mockRestore();
      }
      expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    }
  });

  it("in English with --lang en, and as the error kind bad-file", async () => {
    const input = file("mk-en.xlsx");
    fs.writeFileSync(input, bad.encryptedXlsx());
    const r = await runCli(["summarize", input, "--out", file("mk-en-out.xlsx"), "--lang", "en"]);
    expect(r.err).toMatch(/^chitieu: ".*mk-en\.xlsx" is a password-protected Excel workbook/);
    await expect(loadWorkbook(input)).rejects.toMatchObject({ code: "bad-file", problem: { code: "file-encrypted", setting: "input" } });
  });
});

describe("the output workbook", () => {
  let out1: string;
  let j1: JsonReport;
  beforeAll(async () => {
    out1 = file("out1.xlsx");
    j1 = await summarizeJson(hg, out1);
  });

  it("keeps every input sheet's values as they were, cell by cell, and adds the summary sheets", async () => {
    const input = await readWorkbook(hg);
    const output = await readWorkbook(out1);
    for (const name of INPUT_SHEETS) {
      const a = cellMap(input.getWorksheet(name)!);
      const b = cellMap(output.getWorksheet(name)!);
      expect(a.size).toBeGreaterThan(10);
      expect(b).toEqual(a);
    }
    const names = sheetNames(output);
    expect(names.slice(0, 3)).toEqual(INPUT_SHEETS);
    const summary = names.slice(3);
    expect(summary).toEqual(j1.output!.sheets.map((s) => s.name));
    expect(summary).toEqual(expect.arrayContaining(["Tổng hợp chỉ tiêu", "Xếp hạng BHXH TN (KH)", "Xếp hạng BHYT (bao phủ)"]));
    // The ranked sheet holds the rates as numbers, formatted as percentages.
    const ws = output.getWorksheet("Xếp hạng BHXH TN (KH)")!;
    const rates: number[] = [];
    ws.eachRow((row) => {
      const v = row.getCell(5).value;
      if (typeof v === "number" && row.getCell(5).numFmt === "0.00%") rates.push(v);
    });
    expect(rates.map((x) => formatPercent(x, "vi"))).toEqual(expect.arrayContaining(["45,37%", "49,34%", "53,24%"]));
  });

  it("never changes the input file", async () => {
    const before = fs.readFileSync(hg);
    await summarizeJson(hg, file("out-again.xlsx"));
    expect(fs.readFileSync(hg).equals(before)).toBe(true);
  });

  it("a second run over the output replaces the earlier summary sheets (no duplicates)", async () => {
    const out2 = file("out2.xlsx");
    const j2 = await summarizeJson(out1, out2);
    expect(j2.sheets).toMatchObject({ targets: "Kế hoạch", actuals: "Thực hiện", base: "Dân số" });
    const wb = await readWorkbook(out2);
    const names = sheetNames(wb);
    expect(names).toEqual(sheetNames(await readWorkbook(out1)));
    expect(new Set(names).size).toBe(names.length);
    expect(names.some((n) => /\(\d\)$/.test(n))).toBe(false);
    expect(wb.worksheets.filter((w) => w.name === META_SHEET)).toHaveLength(1);
    // Same results the second time.
    expect(j2.results.map((r) => r.overall)).toEqual(j1.results.map((r) => r.overall));
  });

  it("a user's sheet named like a summary sheet is never overwritten: the summary gets another name", async () => {
    for (const position of ["last", "first"] as const) {
      const wb = hauGiangWorkbook();
      const mine = wb.addWorksheet("Tổng hợp chỉ tiêu");
      mine.getCell("A1").value = "Ghi chép của tôi";
      mine.getCell("B2").value = 42;
      if (position === "first") {
        // exceljs orders sheets by orderNo: put the user's sheet before "Kế hoạch".
        const order = [mine, ...wb.worksheets.filter((w) => w !== mine)];
        order.forEach((w, i) => ((w as unknown as { orderNo: number }).orderNo = i));
      }
      const f = await writeWorkbook(wb, file(`user-sheet-${position}.xlsx`));
      expect(sheetNames(await readWorkbook(f))[position === "first" ? 0 : 3]).toBe("Tổng hợp chỉ tiêu");
      const outA = file(`user-sheet-${position}-out.xlsx`);
      const j = await summarizeJson(f, outA);
      expect(j.sheets).toMatchObject({ targets: "Kế hoạch", actuals: "Thực hiện", base: "Dân số" });
      expect(j.output!.sheets.map((s) => s.name)).toContain("Tổng hợp chỉ tiêu (2)");
      const check = async (file: string) => {
        const o = await readWorkbook(file);
        expect(cellMap(o.getWorksheet("Tổng hợp chỉ tiêu")!)).toEqual(
          new Map<string, unknown>([
            ["A1", "Ghi chép của tôi"],
            ["B2", 42],
          ]),
        );
        const names = sheetNames(o);
        expect(names.filter((n) => n.startsWith("Tổng hợp chỉ tiêu"))).toEqual(expect.arrayContaining(["Tổng hợp chỉ tiêu", "Tổng hợp chỉ tiêu (2)"]));
        expect(names.filter((n) => n.startsWith("Tổng hợp chỉ tiêu"))).toHaveLength(2);
      };
      await check(outA);
      // And again over the output: the user's sheet stays, ours is replaced under the same name.
      const outB = file(`user-sheet-${position}-out2.xlsx`);
      const jb = await summarizeJson(outA, outB);
      expect(jb.output!.sheets.map((s) => s.name)).toContain("Tổng hợp chỉ tiêu (2)");
      await check(outB);
    }
  });
});

describe("options", () => {
  it("--average mean compares with the mean of the unit rates and says so", async () => {
    const j = await summarizeJson(hg, file("mean.xlsx"), ["--average", "mean"]);
    expect(j.average).toBe("mean");
    const tn = j.results.find((r) => r.indicator === "BHXH tự nguyện" && r.measure === "attainment")!;
    const mean = tn.units.reduce((s, u) => s + u.ratio!, 0) / tn.units.length;
    expect(tn.average).toBeCloseTo(mean, 14);
    expect(tn.overall).toBe(12853 / 19800);
    for (const u of tn.units) expect(u.belowAverage).toBe(u.ratio! < mean);
    const wb = await readWorkbook(file("mean.xlsx"));
    const texts: string[] = [];
    wb.getWorksheet("Tổng hợp chỉ tiêu")!.eachRow((row) => row.eachCell((c) => void (typeof c.value === "string" && texts.push(c.value))));
    expect(texts.join(" ")).toMatch(/trung bình cộng/);
  });

  it("--rank dense ranks ties 1, 2, 2, 3 (competition: 1, 2, 2, 4)", async () => {
    const wb = new ExcelJS.Workbook();
    const names = ["Xã An Bình", "Xã Tân Phú", "Xã Tân Hòa", "Xã Long Hưng"];
    addReportSheet(wb, { name: "Kế hoạch", titles: [], units: names.map((name) => ({ name })), columns: [{ header: "BHYT", values: [100, 100, 200, 100] }] });
    addReportSheet(wb, { name: "Thực hiện", titles: [], units: names.map((name) => ({ name })), columns: [{ header: "BHYT", values: [90, 80, 160, 70] }] });
    const f = await writeWorkbook(wb, file("ties.xlsx"));
    const comp = await summarizeJson(f, file("ties-c.xlsx"));
    expect(comp.results[0]!.units.map((u) => [u.unit, u.rank])).toEqual([
      ["Xã An Bình", 1],
      ["Xã Tân Phú", 2],
      ["Xã Tân Hòa", 2],
      ["Xã Long Hưng", 4],
    ]);
    const dense = await summarizeJson(f, file("ties-d.xlsx"), ["--rank", "dense"]);
    expect(dense.results[0]!.units.map((u) => u.rank)).toEqual([1, 2, 2, 3]);
  });

  it("finds the sheets by their content when their names say nothing", async () => {
    const u = HAU_GIANG.units;
    const wb = new ExcelJS.Workbook();
    addReportSheet(wb, {
      name: "Sheet1",
      titles: ["KẾT QUẢ THỰC HIỆN ĐẾN 31/10/2022"],
      units: u.map((x) => ({ name: x.a })),
      columns: [{ header: "BHXH TN", values: u.map((x) => x.tn) }],
    });
    addReportSheet(wb, {
      name: "Sheet2",
      titles: ["CHỈ TIÊU GIAO NĂM 2022"],
      units: u.map((x) => ({ name: x.t })),
      columns: [{ header: "BHXH tự nguyện", values: u.map((x) => x.tnTarget) }],
    });
    const f = await writeWorkbook(wb, file("content.xlsx"));
    const j = await summarizeJson(f, file("content-out.xlsx"));
    expect(j.sheets).toMatchObject({ targets: "Sheet2", actuals: "Sheet1", base: null });
    expect(formatPercent(j.results[0]!.overall!, "vi")).toBe("64,91%");
  });

  it("--map tells which indicator a column is", async () => {
    const u = HAU_GIANG.units;
    const wb = new ExcelJS.Workbook();
    addReportSheet(wb, {
      name: "Kế hoạch",
      titles: [],
      units: u.map((x) => ({ name: x.t })),
      columns: [{ header: "BHXH tự nguyện", values: u.map((x) => x.tnTarget) }],
    });
    addReportSheet(wb, {
      name: "Thực hiện",
      titles: [],
      units: u.map((x) => ({ name: x.a })),
      columns: [{ header: "Người tham gia", values: u.map((x) => x.tn) }],
    });
    const f = await writeWorkbook(wb, file("map.xlsx"));
    const without = await runCli(["summarize", f, "--out", file("map-none.xlsx")]);
    expect(without.code).not.toBe(0);
    expect(without.err).toMatch(/'Thực hiện': “Người tham gia”/);
    expect(without.err).toMatch(/dùng --map <trang tính>:<cột>=<vai trò>/);
    const j = await summarizeJson(f, file("map-out.xlsx"), ["--map", "actuals:Người tham gia=BHXH tự nguyện"]);
    expect(j.results.map((r) => r.indicator)).toEqual(["BHXH tự nguyện"]);
    expect(formatPercent(j.results[0]!.overall!, "vi")).toBe("64,91%");
  });

  it("--lang en writes English sheets and messages", async () => {
    const out = file("en.xlsx");
    const r = await runCli(["summarize", hg, "--out", out, "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Wrote/);
    expect(r.out).toMatch(/64\.91%/);
    expect(r.out).toMatch(/Voluntary social insurance/);
    const names = sheetNames(await readWorkbook(out));
    expect(names).toContain("Overview");
    expect(names.some((n) => n.startsWith("Rank "))).toBe(true);
    expect(names).not.toContain("Tổng hợp chỉ tiêu");
  });

  it("without --json prints each ranked table with the below-average units marked", async () => {
    const r = await runCli(["summarize", hg, "--out", file("text.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toMatch(/64,91%/);
    expect(r.out).toMatch(/85,26%/);
    const marked = r.out.split("\n").filter((l) => /Thấp hơn BQ/.test(l) && /45,37%|49,34%|53,24%/.test(l));
    expect(marked).toHaveLength(3);
    expect(r.out).toContain(file("text.xlsx"));
  });
});

describe("as real commands (subprocesses)", () => {
  const env = { ...process.env, NO_COLOR: "1" };
  // Each subprocess may take this long; each test allows well more than its subprocesses together,
  // so a stuck one fails with execFile's error (killed, its output so far), not jest's timeout.
  const RUN_LIMIT = 60_000;

  it(
    "npm run -s chitieu -- summarize …",
    async () => {
      const out = file("npm.xlsx");
      const { stdout } = await run("npm", ["run", "-s", "chitieu", "--", "summarize", hg, "--out", out, "--json"], { cwd: ROOT, env, timeout: RUN_LIMIT });
      const j = JSON.parse(stdout) as JsonReport;
      const tn = j.results.find((r) => r.indicator === "BHXH tự nguyện" && r.measure === "attainment")!;
      expect(formatPercent(tn.overall!, "vi")).toBe("64,91%");
      expect(fs.existsSync(out)).toBe(true);
    },
    2 * RUN_LIMIT,
  );

  it(
    "node bin/chitieu.js summarize …, and a user error exits 2 with one line",
    async () => {
      const out = file("bin.xlsx");
      const { stdout, stderr } = await run("node", [path.join(ROOT, "bin", "chitieu.js"), "summarize", hg, "--out", out, "--json"], {
        cwd: dir,
        env,
        timeout: RUN_LIMIT,
      });
      expect(stderr).toBe("");
      const j = JSON.parse(stdout) as JsonReport;
      expect(formatPercent(j.results.find((r) => r.indicator === "BHYT")!.overall!, "vi")).toBe("85,26%");
      expect(fs.existsSync(out)).toBe(true);

      const bad = file("bin-bad.xlsx");
      const e = await run("node", [path.join(ROOT, "bin", "chitieu.js"), "summarize", hg, "--targets", "Không có", "--out", bad], {
        cwd: dir,
        env,
        timeout: RUN_LIMIT,
      }).then(
        () => null,
        (x: { code: number; stderr: string; stdout: string }) => x,
      );
      expect(e).not.toBeNull();
      expect(e!.code).toBe(2);
      expect(e!.stdout).toBe("");
      expect(e!.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(e!.stderr).toMatch(/'Không có'.*'Kế hoạch', 'Thực hiện', 'Dân số'/);
      expect(fs.existsSync(bad)).toBe(false);
    },
    3 * RUN_LIMIT,
  );

  it(
    "npm run demo prints the ranked tables and writes the output workbook",
    async () => {
      const { stdout } = await run("npm", ["run", "-s", "demo"], { cwd: ROOT, env, timeout: 1.5 * RUN_LIMIT });
      expect(stdout).toMatch(/64,91%/);
      expect(stdout).toMatch(/85,26%/);
      expect(stdout).toMatch(/Thấp hơn BQ/);
      const m = stdout.match(/Đã ghi (\S+\.xlsx)/);
      expect(m).not.toBeNull();
      const written = path.resolve(ROOT, m![1]!);
      expect(fs.existsSync(written)).toBe(true);
      expect(sheetNames(await readWorkbook(written))).toContain("Tổng hợp chỉ tiêu");
    },
    2.5 * RUN_LIMIT,
  );
});
