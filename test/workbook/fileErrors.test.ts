/**
 * A file exceljs cannot read is told by what it is: one message per kind, with a
 * code, the file and what to do — never jszip's "Can't find end of central directory". The files
 * are built by code (test/helpers/badFiles.ts) and read by exceljs here, as the CLI and the
 * preview's worker do.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { render } from "../../src/core/messages";
import { compoundFileNames, sniffWorkbookFile, workbookReadError, zipPartNames } from "../../src/workbook/fileErrors";
import * as bad from "../helpers/badFiles";

/** What exceljs throws on the bytes (or null when it takes them, as it does any zip). */
async function exceljsError(bytes: Uint8Array): Promise<unknown> {
  try {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    return wb.worksheets.length === 0 ? null : "read";
  } catch (e) {
    return e;
  }
}

describe("sniffWorkbookFile tells what a file is from its bytes", () => {
  it.each([
    ["an empty file", () => new Uint8Array(0), { kind: "empty" }],
    ["a password-protected workbook (a compound file with EncryptionInfo)", bad.encryptedXlsx, { kind: "encrypted" }],
    ["an Excel 97–2003 workbook (Workbook stream)", bad.oldXls, { kind: "xls" }],
    ["an Excel 5 workbook (Book stream)", () => bad.compoundFile(["Book"]), { kind: "xls" }],
    ["a Word 97–2003 document", bad.oldDoc, { kind: "other", what: "doc" }],
    ["a compound file of another kind", () => bad.compoundFile(["__properties_version1.0"]), { kind: "other", what: "unknown" }],
    ["a CSV saved as .xlsx", bad.csvText, { kind: "text", text: "csv" }],
    ["a UTF-16 tab-separated text", bad.utf16Text, { kind: "text", text: "csv" }],
    ["a web page saved as .xlsx", bad.htmlExport, { kind: "text", text: "html" }],
    ["an Excel 2003 XML spreadsheet", bad.xmlSpreadsheet, { kind: "text", text: "xml" }],
    ["a PDF", bad.pdf, { kind: "other", what: "pdf" }],
  ] as const)("%s", (_label, make, expected) => {
    expect(sniffWorkbookFile(make())).toEqual(expected);
  });

  it.each([
    ["an .ods", bad.ods, { kind: "ods" }],
    ["a .docx", bad.docx, { kind: "other", what: "docx" }],
    ["a zip of something else", bad.plainZip, { kind: "other", what: "archive" }],
    ["a real .xlsx", bad.realXlsx, { kind: "xlsx", truncated: false }],
    ["a cut-short .xlsx", bad.truncatedXlsx, { kind: "xlsx", truncated: true }],
    ["a cut-short .docx whose document part is there", async () => (await bad.docx()).slice(0, -30), { kind: "other", what: "docx" }],
    ["a damaged .xlsx", bad.damagedXlsx, { kind: "xlsx", truncated: false }],
  ] as const)("%s", async (_label, make, expected) => {
    expect(sniffWorkbookFile(await make())).toEqual(expected);
  });

  it("a package cut short before its workbook part is a cut-short workbook; before any part, too", async () => {
    const full = await bad.realXlsx();
    expect(sniffWorkbookFile(full.slice(0, 200))).toEqual({ kind: "xlsx", truncated: true });
    expect(sniffWorkbookFile(full.slice(0, 10))).toEqual({ kind: "xlsx", truncated: true });
    // A zip of something else cut short stays what it is.
    expect(sniffWorkbookFile((await bad.plainZip()).slice(0, -25))).toEqual({ kind: "other", what: "archive" });
  });

  it("Excel's lock file (~$name.xlsx) is named as such", () => {
    const owner = new Uint8Array(165);
    owner.set([4, 0x4c, 0x61, 0x6e, 0x68]);
    expect(sniffWorkbookFile(owner, "Báo cáo/~$Chỉ tiêu 2024.xlsx")).toEqual({ kind: "other", what: "excel-lock" });
  });

  it("reads the names of a compound file's directory and of a zip's parts", async () => {
    expect([...compoundFileNames(bad.encryptedXlsx())]).toEqual(["Root Entry", "EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"]);
    expect(zipPartNames(await bad.docx())).toEqual({ names: ["[Content_Types].xml", "_rels/.rels", "word/document.xml"], complete: true });
    const cut = await bad.truncatedXlsx();
    const parts = zipPartNames(cut);
    expect(parts.complete).toBe(false);
    expect(parts.names).toContain("[Content_Types].xml");
  });

  it("no random bytes are taken for an Office file's stream (property)", () => {
    // 20,000 pseudo-random bytes behind a compound file's signature: no directory entry named as ours.
    let seed = 7;
    const b = new Uint8Array(20_000).map(() => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(sniffWorkbookFile(b)).toEqual({ kind: "other", what: "unknown" });
  });
});

it("is pure over the bytes: no Node or DOM API, so the preview's worker runs it too", () => {
  const code = fs
    .readFileSync(path.resolve(__dirname, "..", "..", "src", "workbook", "fileErrors.ts"), "utf8")
    .replace(/\/\*[^]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "");
  expect([...code.matchAll(/from\s+["']([^"']+)["']/g)].map((m) => m[1])).toEqual(["../core/errors", "../core/messages", "../core/messages/files"]);
  expect(code).not.toMatch(/\b(Buffer|process|require|window|document|TextDecoder|fs)\b\s*[.(]/);
});

describe("workbookReadError: one Vietnamese sentence per kind, saying what to do", () => {
  const vi = (name: string, bytes: Uint8Array, cause: unknown) => {
    const e = workbookReadError(name, bytes, cause);
    expect(e.code).toBe("bad-file");
    expect(e.problem.setting).toBe("input");
    return { code: e.problem.code, params: e.problem.params, text: render(e.problem, { lang: "vi", shell: "preview" }), message: e.message };
  };

  it("never shows the reader's own words in Vietnamese", async () => {
    for (const make of [bad.csvText, bad.encryptedXlsx, bad.oldXls, bad.truncatedXlsx, bad.damagedXlsx, () => new Uint8Array(0)]) {
      const bytes = await make();
      const cause = await exceljsError(bytes);
      const r = vi("Báo cáo.xlsx", bytes, cause);
      expect(r.text).not.toMatch(/central directory|zip|Corrupted|End of data/i);
      expect(r.text).toContain("“Báo cáo.xlsx”");
      // Each says what to do, in Excel's own Vietnamese where there is an Excel step.
      expect(r.text).toMatch(/Mở tệp|Tải|Chọn|mở /);
    }
  });

  it("a password-protected workbook: remove the password in Excel (Tệp › Thông tin › Bảo vệ Sổ làm việc)", async () => {
    const bytes = bad.encryptedXlsx();
    const r = vi("Chỉ tiêu 2024.xlsx", bytes, await exceljsError(bytes));
    expect(r.code).toBe("file-encrypted");
    expect(r.text).toContain("có đặt mật khẩu");
    expect(r.text).toContain("Tệp › Thông tin › Bảo vệ Sổ làm việc › Mã hóa bằng Mật khẩu");
    expect(r.message).toBe(render(workbookReadError("Chỉ tiêu 2024.xlsx", bytes, null).problem, { lang: "vi", shell: "cli" }));
  });

  it("an old .xls: save it as “Sổ làm việc Excel (*.xlsx)”", async () => {
    const bytes = bad.oldXls();
    const r = vi("KH 2023.xls", bytes, await exceljsError(bytes));
    expect(r.code).toBe("file-xls");
    expect(r.text).toBe(
      "Tệp “KH 2023.xls” là sổ làm việc Excel 97–2003 (.xls), không phải .xlsx. Mở tệp trong Excel, vào Tệp › Lưu Như, chọn kiểu “Sổ làm việc Excel (*.xlsx)” rồi chọn tệp .xlsx mới.",
    );
  });

  it("an .ods, a .docx and a zip, which exceljs takes for a workbook without sheets", async () => {
    for (const [make, code, params] of [
      [bad.ods, "file-ods", { file: "x.xlsx" }],
      [bad.docx, "file-not-workbook", { file: "x.xlsx", kind: "docx" }],
      [bad.plainZip, "file-not-workbook", { file: "x.xlsx", kind: "archive" }],
    ] as const) {
      const bytes = await make();
      expect(await exceljsError(bytes)).toBeNull();
      const r = vi("x.xlsx", bytes, null);
      expect([r.code, r.params]).toEqual([code, params]);
    }
    expect(vi("x.xlsx", await bad.docx(), null).text).toMatch(/^Tệp “x\.xlsx” là văn bản Word \(\.docx\), không phải sổ làm việc Excel \(\.xlsx\)\./);
  });

  it("text saved as .xlsx, empty, cut short, damaged", async () => {
    expect(vi("a.xlsx", bad.csvText(), await exceljsError(bad.csvText()))).toMatchObject({ code: "file-text", params: { file: "a.xlsx", kind: "csv" } });
    expect(vi("a.xlsx", new Uint8Array(0), new Error("End of data reached"))).toMatchObject({ code: "file-empty" });
    const cut = await bad.truncatedXlsx();
    const cause = await exceljsError(cut);
    expect(cause).toBeInstanceOf(Error);
    const r = vi("a.xlsx", cut, cause);
    expect(r.code).toBe("file-corrupt");
    expect(r.params).toEqual({ file: "a.xlsx", truncated: true, detail: (cause as Error).message });
    expect(r.text).toMatch(/^Tệp “a\.xlsx” bị hỏng: tệp bị cắt cụt/);
    const damaged = await bad.damagedXlsx();
    expect(vi("a.xlsx", damaged, await exceljsError(damaged))).toMatchObject({ code: "file-corrupt", params: { truncated: false } });
  });

  it("English is complete too", () => {
    const e = workbookReadError("KH.xlsx", bad.encryptedXlsx(), null);
    expect(render(e.problem, { lang: "en", shell: "preview" })).toMatch(
      /^"KH\.xlsx" is a password-protected Excel workbook, .* File › Info › Protect Workbook › Encrypt with Password/,
    );
  });
});
