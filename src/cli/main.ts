#!/usr/bin/env node
/**
 * `chitieu` — the engine over .xlsx files. A thin shell: parse the arguments, wire the package
 * adapter (src/workbook/xlsx/packageWorkbook.ts) to the shared pipeline, print, write. User
 * errors exit 2 with one clear line.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { isChitieuError } from "../core/errors";
import { quoteSheetName } from "../core/grid";
import type { Lang } from "../core/i18n";
import { render } from "../core/messages";
import { toJsonReport } from "../core/jsonReport";
import { toStored } from "../core/settings";
import { recalculate } from "../workbook/recalculate";
import { USAGE, parseArgs, wantsHelp } from "./args";
import { checkOutKind, checkOutPath, loadPackageWorkbook, removeTemporaryFilesOnSignals, savePackage } from "./files";
import { printSummary } from "./print";
import { forTerminal, jsonForTerminal } from "./terminalText";

/** The package's folder (where samples/ is): src/cli/ when run from sources, dist-cli/ when built. */
const ROOT = packageRoot(__dirname);

function packageRoot(from: string): string {
  for (let d = from; d !== path.dirname(d); d = path.dirname(d)) if (fs.existsSync(path.join(d, "package.json"))) return d;
  return path.resolve(from, "..", "..");
}
export const DEMO_INPUT = path.join(ROOT, "samples", "hau-giang-2022.xlsx");
/** The demo's other samples (`demo --sample merged`): after the July 2025 merger, last year on the old communes. */
export const DEMO_SAMPLES: Readonly<Record<string, string>> = { merged: path.join(ROOT, "samples", "can-tho-2026-merged.xlsx") };
export const DEMO_OUT = path.join("out", "chi-tieu-demo.xlsx");

/** Where the CLI prints: stdout and stderr by default; tests pass collectors (any return value is ignored). */
export interface CliIo {
  out(s: string): void;
  err(s: string): void;
}

export async function main(
  argv: readonly string[],
  streams: CliIo = { out: (s: string) => process.stdout.write(s), err: (s: string) => process.stderr.write(s) },
): Promise<number> {
  // Unit names and sheet names come from the workbook: nothing in them may steer the terminal.
  const io: CliIo = { out: (s) => streams.out(forTerminal(s)), err: (s) => streams.err(forTerminal(s)) };
  // The language of the messages: the run's --lang once the arguments are read (Vietnamese before).
  let lang: Lang = argv.includes("en") && argv[argv.indexOf("en") - 1] === "--lang" ? "en" : "vi";
  if (wantsHelp(argv)) {
    io.out(USAGE + "\n");
    return 0;
  }
  try {
    const args = parseArgs(argv, DEMO_INPUT, DEMO_OUT, DEMO_SAMPLES);
    lang = args.choices.lang;
    checkOutPath(args.input, args.out);
    // The package as it is: read lazily, written back whole with our parts added (src/workbook/xlsx).
    const port = await loadPackageWorkbook(args.input);
    checkOutKind(args.out, await port.macroEnabled());
    const run = await recalculate(port, args.choices);
    await port.saveSettings(toStored(args.choices));
    await savePackage(await port.save(), args.out);
    // Parts the reader passed over (named) come first among the warnings.
    const passedOver = await port.readWarnings();
    const outcome = passedOver.length === 0 ? run : { ...run, summary: { ...run.summary, warnings: [...passedOver, ...run.summary.warnings] } };
    if (args.json) {
      // Not through forTerminal: the JSON keeps every value, its controls written as \u escapes.
      streams.out(
        jsonForTerminal(
          JSON.stringify(toJsonReport(outcome.summary, { file: args.out, sheets: outcome.written }, outcome.narrative, args.choices.lang), null, 2),
        ) + "\n",
      );
    } else {
      io.out(printSummary(outcome.summary, args.choices.lang, outcome.narrative) + "\n\n");
      const names = outcome.written.map((w) => quoteSheetName(w.name)).join(", ");
      io.out(args.choices.lang === "vi" ? `Đã ghi ${args.out} (thêm các trang tính ${names}).\n` : `Wrote ${args.out} (added sheets ${names}).\n`);
    }
    return 0;
  } catch (e) {
    if (isChitieuError(e)) {
      io.err(`chitieu: ${render(e.problem, { lang, shell: "cli" })}\n`);
      return 2;
    }
    io.err(`chitieu: unexpected error: ${(e as Error)?.stack ?? String(e)}\n`);
    return 1;
  }
}

/**
 * `chitieu` as a program (bin/chitieu.js, or this file run directly): Ctrl+C leaves no temporary
 * file, and a reader that stops reading (`chitieu … | head`) ends the run quietly, not with an
 * EPIPE stack trace: by then the output file is written; only the rest of the printing is lost.
 */
export function runAsProgram(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  removeTemporaryFilesOnSignals();
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  return main(argv).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) void runAsProgram();
