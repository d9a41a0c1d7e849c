/**
 * Usage errors are messages like any other: a code, the setting concerned, one line in
 * the run's language. `--help` prints the usage and succeeds.
 */
import { USAGE, nearestOption, parseArgs, wantsHelp } from "../../src/cli/args";
import { render } from "../../src/core/messages";
import { chitieuErrorOf } from "../helpers/errors";
import { runCli } from "../helpers/files";

const parse = (...argv: string[]) => parseArgs(argv, "demo.xlsx", "demo-out.xlsx");
const problem = (...argv: string[]) => chitieuErrorOf(() => parse(...argv)).problem;

describe("usage errors are messages with a code and the setting concerned", () => {
  it("an unknown or missing command", () => {
    expect(problem("sumarize", "a.xlsx")).toEqual({ code: "cli-unknown-command", params: { command: "sumarize" } });
    expect(problem()).toEqual({ code: "cli-unknown-command", params: { command: null } });
  });

  it("an unknown option, with the nearest one it knows", () => {
    expect(problem("summarize", "a.xlsx", "--out", "b.xlsx", "--goals", "BHYT=93%")).toEqual({
      code: "cli-unknown-option",
      params: { option: "--goals", nearest: "--goal" },
    });
    expect(problem("summarize", "a.xlsx", "--asof", "31/10/2022")).toEqual({ code: "cli-unknown-option", params: { option: "--asof", nearest: "--as-of" } });
    expect(nearestOption("--groupby")).toBe("--group-by");
    expect(nearestOption("--verbose")).toBeNull();
  });

  it("a value an option does not take, or none", () => {
    expect(problem("summarize", "a.xlsx", "--rank", "olympic")).toEqual({
      code: "cli-choice",
      params: { option: "--rank", value: "olympic", allowed: ["competition", "dense"] },
      setting: "rank",
    });
    expect(problem("summarize", "a.xlsx", "--lang")).toEqual({
      code: "cli-choice",
      params: { option: "--lang", value: null, allowed: ["vi", "en"] },
      setting: "lang",
    });
    expect(problem("summarize", "a.xlsx", "--out")).toEqual({ code: "cli-needs-value", params: { option: "--out" }, setting: "out" });
    expect(problem("summarize", "a.xlsx", "--actuals", "--json")).toEqual({ code: "cli-needs-value", params: { option: "--actuals" }, setting: "actuals" });
  });

  it("two workbooks, none, or no output file", () => {
    expect(problem("summarize", "a.xlsx", "b.xlsx")).toEqual({ code: "cli-two-inputs", params: { first: "a.xlsx", second: "b.xlsx" }, setting: "input" });
    expect(problem("summarize", "--out", "b.xlsx")).toEqual({ code: "cli-no-input", params: {}, setting: "input" });
    expect(problem("summarize", "a.xlsx")).toEqual({ code: "cli-no-out", params: {}, setting: "out" });
  });

  it("a report date that is not a day", () => {
    expect(problem("summarize", "a.xlsx", "--out", "b.xlsx", "--as-of", "31/02/2022")).toEqual({
      code: "as-of-not-a-date",
      params: { text: "31/02/2022" },
      setting: "asOf",
    });
  });

  it("are one Vietnamese line by default, naming the flag", () => {
    const m = problem("summarize", "a.xlsx", "--rank", "olympic");
    expect(render(m, { lang: "vi", shell: "cli" })).toBe("“olympic” không phải giá trị của --rank: chọn “competition” hoặc “dense”.");
    expect(render(problem("summarize", "a.xlsx"), { lang: "vi", shell: "cli" })).toBe(
      "Chưa có tệp kết quả: dùng --out <tệp.xlsx> (sổ làm việc đầu vào không bao giờ bị thay đổi).",
    );
  });
});

describe("through main: one line on stderr, exit 2; --help prints the usage", () => {
  it("a usage error is one line, in Vietnamese unless --lang en", async () => {
    const vi = await runCli(["summarize", "a.xlsx", "--goals", "BHYT=93%"]);
    expect(vi.code).toBe(2);
    expect(vi.out).toBe("");
    expect(vi.err).toBe("chitieu: Không có tùy chọn --goals (có phải --goal?). Xem các tùy chọn bằng “chitieu --help”.\n");
    const en = await runCli(["summarize", "a.xlsx", "--lang", "en"]);
    expect(en.err).toBe("chitieu: No output file given: use --out <file.xlsx> (the input workbook is never changed).\n");
  });

  it("--help and -h print the usage on stdout and succeed", async () => {
    for (const flag of ["--help", "-h"]) {
      expect(wantsHelp(["summarize", flag])).toBe(true);
      const r = await runCli(["summarize", flag]);
      expect(r).toEqual({ code: 0, out: USAGE + "\n", err: "" });
    }
    expect(wantsHelp(["summarize", "a.xlsx"])).toBe(false);
  });
});
