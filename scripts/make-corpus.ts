/**
 * Regenerates the input corpus of issue 16 (test/fixtures/corpus/): workbooks holding what offices
 * keep in them (charts, images, comments, tables, names, validation, links, protection, hidden
 * sheets, macros …) around the plan / actuals / population sheets of the tidy layout (the test
 * builders' Hậu Giang, seed 000), so the engine's figures are known. Made by Debian's
 * python3-openpyxl (scripts/make-corpus.py) and, for the "lo-" files, saved again by LibreOffice
 * headless as an office using Calc would. Run: npm run corpus
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type ExcelJS from "exceljs";
import { toCellValue } from "../src/workbook/exceljsWorkbook";
import { tidyLayout } from "../test/helpers/layouts";

export const CORPUS = path.resolve(__dirname, "..", "test", "fixtures", "corpus");
const PYTHON = "/usr/bin/python3";

/** The corpus files LibreOffice saves again (from the openpyxl file of the same name). */
export const LIBREOFFICE_SAVED = ["table", "embedded-chart", "chart-sheet", "protected", "comments", "everything"] as const;

/** The engine's sheets of the tidy layout as plain rows and merges, for the Python builder. */
function baseJson(): string {
  const wb: ExcelJS.Workbook = tidyLayout().workbook;
  const sheets = wb.worksheets.map((ws) => {
    const rows: unknown[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: unknown[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(toCellValue(row.getCell(c).value));
      rows.push(cells);
    }
    const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice();
    return { name: ws.name, rows, merges };
  });
  return JSON.stringify({ sheets });
}

function run(cmd: string, args: readonly string[]): void {
  const r = spawnSync(cmd, args, { encoding: "utf8", timeout: 180_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}): ${r.stderr || r.error}`);
}

export function makeCorpus(out = CORPUS): string[] {
  fs.mkdirSync(out, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-corpus-"));
  try {
    const base = path.join(scratch, "base.json");
    fs.writeFileSync(base, baseJson());
    run(PYTHON, [path.join(__dirname, "make-corpus.py"), base, out]);
    // LibreOffice saves each again; its own profile in the scratch folder, so a running Calc is not disturbed.
    const lo = path.join(scratch, "lo");
    const inputs = LIBREOFFICE_SAVED.map((n) => path.join(out, `${n}.xlsx`));
    run("soffice", [
      `-env:UserInstallation=file://${scratch}/profile`,
      "--headless",
      "--calc",
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      "--outdir",
      lo,
      ...inputs,
    ]);
    for (const n of LIBREOFFICE_SAVED) fs.renameSync(path.join(lo, `${n}.xlsx`), path.join(out, `lo-${n}.xlsx`));
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return fs
    .readdirSync(out)
    .filter((f) => /\.xls[xm]$/.test(f))
    .sort();
}

if (require.main === module) {
  const files = makeCorpus(process.argv[2] ? path.resolve(process.argv[2]) : CORPUS);
  process.stdout.write(files.map((f) => `  ${f}`).join("\n") + `\n${files.length} workbooks in ${path.relative(process.cwd(), CORPUS)}\n`);
}
