/**
 * The CLI and the preview server against an attacker and a careless user (docs/RELIABILITY.md,
 * "Hardening"): the temporary output file cannot be hijacked and never outlives the run (a failed
 * write, SIGINT, SIGTERM), nothing in a cell can steer the terminal, inputs that are no regular
 * file or are too large are refused before they hang the run or fill memory, a malformed URL does
 * not stop the preview server, and a formula saved without its result says so.
 */
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { hauGiangWorkbook } from "../../scripts/lib/seeds";
import { serveStatic } from "../../scripts/serve-preview";
import { createTemporaryFile, pendingTemporaryFiles, readInput, removeTemporaryFiles, savePackage } from "../../src/cli/files";
import { forTerminal, jsonForTerminal } from "../../src/cli/terminalText";
import type { JsonReport } from "../../src/core/jsonReport";
import { runCli, tempDir, writeWorkbook } from "../helpers/files";

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "chitieu.js");
let dir: string;
let sample: string;

beforeAll(async () => {
  dir = tempDir("chitieu-hard-");
  sample = await writeWorkbook(hauGiangWorkbook(), path.join(dir, "hau-giang.xlsx"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const leftovers = (folder: string) => fs.readdirSync(folder).filter((f) => f.endsWith(".tmp"));

describe("the temporary output file", () => {
  test("a symlink planted at the old predictable name (<out>.<pid>.tmp) is never followed: the file it points to stays as it was", async () => {
    const victim = path.join(dir, "victim.txt");
    fs.writeFileSync(victim, "the planner's other file");
    const out = path.join(dir, "planted.xlsx");
    const trap = `${out}.${process.pid}.tmp`;
    fs.symlinkSync(victim, trap);
    const r = await runCli(["summarize", sample, "--out", out]);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(victim, "utf8")).toBe("the planner's other file");
    expect(fs.lstatSync(trap).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    fs.rmSync(trap);
  });

  test("it is made exclusively, with a random name, owner-only, beside the target; a name that exists already is never opened", () => {
    const out = path.join(dir, "sub", "ket-qua.xlsx");
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const a = createTemporaryFile(out);
    const b = createTemporaryFile(out);
    try {
      expect(path.dirname(a.tmp)).toBe(path.dirname(out));
      expect(path.basename(a.tmp)).toMatch(/^\.ket-qua\.xlsx\.[0-9a-f]{16}\.tmp$/);
      expect(a.tmp).not.toBe(b.tmp);
      expect(fs.fstatSync(a.fd).mode & 0o777).toBe(0o600);
      expect(pendingTemporaryFiles()).toEqual(expect.arrayContaining([a.tmp, b.tmp]));
      // O_EXCL: opening a.tmp's name again fails rather than sharing or truncating it.
      expect(() => fs.openSync(a.tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL)).toThrow(/EEXIST/);
    } finally {
      fs.closeSync(a.fd);
      fs.closeSync(b.fd);
      removeTemporaryFiles();
    }
    expect(leftovers(path.dirname(out))).toEqual([]);
    expect(fs.readdirSync(path.dirname(out))).toEqual([]);
  });

  test("when every random name is taken (names planted as symlinks), the write fails with a clear message and follows none", async () => {
    const crypto = require("node:crypto") as typeof import("node:crypto");
    const out = path.join(dir, "taken.xlsx");
    const victim = path.join(dir, "victim2.txt");
    fs.writeFileSync(victim, "untouched");
    const fixed = Buffer.from("0123456789abcdef", "hex").subarray(0, 8);
    const spy = jest.spyOn(crypto, "randomBytes").mockImplementation((() => fixed) as never);
    const planted = path.join(dir, `.taken.xlsx.${fixed.toString("hex")}.tmp`);
    fs.symlinkSync(victim, planted);
    try {
      await expect(savePackage(new Uint8Array([80, 75, 3, 4]), out)).rejects.toMatchObject({
        code: "write-failed",
        problem: { code: "out-write-failed", params: { detail: "EEXIST" } },
      });
    } finally {
      spy.mockRestore();
    }
    expect(fs.readFileSync(victim, "utf8")).toBe("untouched");
    expect(fs.existsSync(out)).toBe(false);
    fs.rmSync(planted);
  });

  test("the finished file has the replaced file's permissions, or a new file's (the umask's), not the temporary file's 0600", async () => {
    const fresh = path.join(dir, "fresh.xlsx");
    await savePackage(new Uint8Array([1, 2, 3]), fresh);
    expect(fs.statSync(fresh).mode & 0o777).toBe(0o666 & ~process.umask());
    const kept = path.join(dir, "kept.xlsx");
    fs.writeFileSync(kept, "old");
    fs.chmodSync(kept, 0o640);
    await savePackage(new Uint8Array([1, 2, 3]), kept);
    expect(fs.statSync(kept).mode & 0o777).toBe(0o640);
    expect([...fs.readFileSync(kept)]).toEqual([1, 2, 3]);
  });

  /** A child process that makes a temporary file through the CLI's own module, says where, then waits for a signal. */
  function childHoldingATemporaryFile(out: string): Promise<{ tmp: string; child: ReturnType<typeof spawn> }> {
    const code = `require("tsx/cjs");
const f = require(${JSON.stringify(path.join(ROOT, "src", "cli", "files.ts"))});
f.removeTemporaryFilesOnSignals();
const t = f.createTemporaryFile(${JSON.stringify(out)});
process.stdout.write(t.tmp + "\\n");
setInterval(() => undefined, 1000);`;
    const child = spawn(process.execPath, ["-e", code], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    return new Promise((resolve, reject) => {
      let text = "";
      child.stdout!.on("data", (d: Buffer) => {
        text += d.toString();
        if (text.includes("\n")) resolve({ tmp: text.trim(), child });
      });
      child.on("exit", (c) => reject(new Error(`child ended (${c}) before making its temporary file`)));
    });
  }

  test.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)("%s while a temporary file exists: it is removed and the run ends with %i", async (signal, exit) => {
    const out = path.join(dir, `signal-${signal}.xlsx`);
    const { tmp, child } = await childHoldingATemporaryFile(out);
    expect(fs.existsSync(tmp)).toBe(true);
    const ended = new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    child.kill(signal);
    expect(await ended).toBe(exit);
    expect(fs.existsSync(tmp)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe("inputs that are no regular file, or too large", () => {
  /** The CLI as a program, with a time limit (a FIFO used to block the read for ever). */
  function program(...args: string[]) {
    return spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8", timeout: 30_000 });
  }

  test("a FIFO is refused at once, not waited on", () => {
    const fifo = path.join(dir, "bao-cao.xlsx");
    const fifoPath = path.join(dir, "pipe.xlsx");
    expect(spawnSync("mkfifo", [fifoPath]).status).toBe(0);
    const r = program("summarize", fifoPath, "--out", path.join(dir, "fifo-out.xlsx"));
    expect({ status: r.status, signal: r.signal }).toEqual({ status: 2, signal: null });
    expect(r.stderr).toMatch(/^chitieu: “.*pipe\.xlsx” không phải là một tệp lưu trên đĩa mà là một đường ống \(FIFO\)/);
    expect(fs.existsSync(fifo)).toBe(false);
  });

  test("/dev/zero (a device, endless) is refused without reading", () => {
    const r = program("summarize", "/dev/zero", "--out", path.join(dir, "zero-out.xlsx"), "--lang", "en");
    expect({ status: r.status, signal: r.signal }).toEqual({ status: 2, signal: null });
    expect(r.stderr).toMatch(/^chitieu: "\/dev\/zero" is not a file on disk but a device/);
  });

  test("a file past the size limit is refused with its size and the limit; one within it is read whole", () => {
    const big = path.join(dir, "big.xlsx");
    fs.writeFileSync(big, Buffer.alloc(3 * 1024 * 1024, 7));
    expect(() => readInput(big, 2 * 1024 * 1024)).toThrow(
      expect.objectContaining({
        code: "bad-file",
        problem: expect.objectContaining({ code: "file-too-large", params: { file: big, bytes: 3 * 1024 * 1024, limit: 2 * 1024 * 1024 } }),
      }),
    );
    expect(readInput(big, 3 * 1024 * 1024).length).toBe(3 * 1024 * 1024);
    expect(readInput(sample).equals(fs.readFileSync(sample))).toBe(true);
  });
});

describe("nothing in a cell steers the terminal", () => {
  // (The trailing CR is trimmed with the name's other white space.)
  const ESC_TITLE = "\u001b]0;pwned\u0007\u001b[2J";
  let evil: string;
  beforeAll(async () => {
    // The unit's name as an .xlsx writes ESC, BEL and CR: _x001B_ … in the shared strings.
    const bytes = await hauGiangWorkbook().xlsx.writeBuffer();
    const zip = await JSZip.loadAsync(bytes);
    const sst = await zip.file("xl/sharedStrings.xml")!.async("string");
    expect(sst).toContain("Vị Thanh");
    const escapes = "_x001B_]0;pwned_x0007__x001B_[2J_x000D_";
    zip.file("xl/sharedStrings.xml", sst.split("Vị Thanh").join(`Vị Thanh${escapes}`).split("VỊ THANH").join(`VỊ THANH${escapes}`));
    evil = path.join(dir, "escapes.xlsx");
    fs.writeFileSync(evil, await zip.generateAsync({ type: "nodebuffer" }));
  });

  test("the terminal view shows the controls as symbols, never raw", async () => {
    const r = await runCli(["summarize", evil, "--out", path.join(dir, "escapes-out.xlsx")]);
    expect(r.code).toBe(0);
    // (The planner's name is unmatched here, and listed so: the list is printed too.)
    expect(r.out).toContain("Thành phố Vị Thanh␛]0;pwned␇␛[2J");
    // eslint-disable-next-line no-control-regex -- controls are what is looked for
    expect(r.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  test("the JSON keeps the name exactly, its controls as \\u escapes", async () => {
    const r = await runCli(["summarize", evil, "--out", path.join(dir, "escapes-json.xlsx"), "--json"]);
    expect(r.code).toBe(0);
    // eslint-disable-next-line no-control-regex -- controls are what is looked for
    expect(r.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    const j = JSON.parse(r.out) as JsonReport;
    expect(j.unmatched.map((u) => u.unit)).toContain(`Thành phố Vị Thanh${ESC_TITLE}`);
    expect(r.out).toContain("Thành phố Vị Thanh\\u001b]0;pwned\\u0007\\u001b[2J");
  });

  test("an error naming what the user typed is made safe too", async () => {
    const r = await runCli(["summarize", sample, "--actuals", "TH\u001b[2J", "--out", path.join(dir, "x.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("TH␛[2J");
    expect(r.err).not.toContain("\u001b");
  });

  test("forTerminal and jsonForTerminal: every control shown, tabs and newlines kept, bidi overrides disarmed, JSON values unchanged", () => {
    expect(forTerminal("a\tb\nc\u0000\u001b\u007f\u009b\u202e\u2067d")).toBe("a\tb\nc␀␛\u2421\ufffd\ufffd\ufffdd");
    expect(forTerminal("Xã Vị Thủy — 1.234 người")).toBe("Xã Vị Thủy — 1.234 người");
    const value = { unit: "x\u009b31m\u202ey\u001b" };
    const json = jsonForTerminal(JSON.stringify(value));
    // eslint-disable-next-line no-control-regex -- controls are what is looked for
    expect(json).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe("a reader that stops reading", () => {
  test("`chitieu … | true` (stdout closed before the first line): the run ends quietly, exit 0, no EPIPE stack trace", () => {
    const out = path.join(dir, "epipe.xlsx");
    const r = spawnSync("bash", ["-c", '"$0" "$@" | true; exit "${PIPESTATUS[0]}"', process.execPath, BIN, "summarize", sample, "--out", out], {
      encoding: "utf8",
      timeout: 30_000,
    });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: "" });
    // The output file was written before the printing began.
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });
});

describe("the preview server", () => {
  function get(url: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      http
        .get(url, (res) => {
          let body = "";
          res.on("data", (d: Buffer) => (body += d.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        })
        .on("error", reject);
    });
  }

  test("a malformed URL is answered 400, and the server goes on serving", async () => {
    const root = path.join(dir, "site");
    fs.mkdirSync(root, { recursive: true });
    fs.writeFileSync(path.join(root, "preview.html"), "<p>xem trước</p>");
    const s = await serveStatic(root);
    try {
      for (const bad of ["%E0%A4%A", "%", "a%zz", "%C0%AF"]) expect({ bad, ...(await get(`${s.url}${bad}`)) }).toMatchObject({ bad, status: 400 });
      expect(await get(`${s.url}preview.html`)).toEqual({ status: 200, body: "<p>xem trước</p>" });
      expect((await get(`${s.url}..%2f..%2fetc%2fpasswd`)).status).toBe(404);
    } finally {
      await s.close();
    }
  });
});

describe("a formula saved without its result", () => {
  test("says the workbook was saved without calculating (open and save it in Excel), not 'enter 0'; a cached 0 is a 0", async () => {
    const wb = hauGiangWorkbook();
    const ws = wb.getWorksheet("Thực hiện")!;
    // Long Mỹ town's first figure: a formula with no cached value (as openpyxl writes), and one cached as 0.
    let target: ExcelJS.Cell | null = null;
    let zero: ExcelJS.Cell | null = null;
    ws.eachRow((row) => {
      const name = String(row.getCell(2).value ?? "").normalize("NFC");
      if (name === "TX. Long Mỹ") target = row.getCell(3);
      if (name === "TP Ngã Bảy") zero = row.getCell(3);
    });
    expect(target).not.toBeNull();
    expect(zero).not.toBeNull();
    const address = target!.address;
    target!.value = { formula: "100+1" } as ExcelJS.CellFormulaValue;
    zero!.value = { formula: "1-1", result: 0 } as ExcelJS.CellFormulaValue;
    const file = await writeWorkbook(wb, path.join(dir, "uncalculated.xlsx"));
    const r = await runCli(["summarize", file, "--out", path.join(dir, "uncalculated-out.xlsx"), "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as JsonReport;
    const codes = j.messages.warnings.filter((w) => w.where?.sheet === "Thực hiện").map((w) => `${w.code} ${w.where?.cell}`);
    expect(codes).toContain(`formula-not-calculated ${address}`);
    expect(codes.filter((c) => c.startsWith("blank-cell"))).toEqual([]);
    expect(j.warnings.join("\n")).toMatch(/được lưu khi chưa tính/);
    // The cached 0 is read as 0 (exceljs would read blank): Ngã Bảy has 0 in health insurance.
    const ngaBay = j.results
      .filter((x) => x.indicator === "BHYT")
      .flatMap((x) => x.units.filter((u) => u.unit.normalize("NFC").includes("Ngã Bảy")).map((u) => u.actual));
    expect(ngaBay.length).toBeGreaterThan(0);
    expect(ngaBay.every((a) => a === 0)).toBe(true);
  });
});
