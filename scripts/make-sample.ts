/**
 * Regenerates the bundled sample workbooks: samples/hau-giang-2022.xlsx from the figures of seed
 * 000 (Hậu Giang, 31/10/2022), and samples/can-tho-2026-merged.xlsx (issue 18: the communes of the
 * former Hậu Giang after the July 2025 merger, last year on the old communes, and the crosswalk).
 * Run: npm run sample (both), or npm run sample -- merged (one: hau-giang or merged).
 */
import * as path from "node:path";
import * as fs from "node:fs";
import type ExcelJS from "exceljs";
import { hauGiangWorkbook } from "./lib/seeds";
import { mergedWorkbook } from "./lib/merged";

const SAMPLES: Readonly<Record<string, { file: string; made: () => ExcelJS.Workbook; date: string }>> = {
  "hau-giang": { file: "hau-giang-2022.xlsx", made: hauGiangWorkbook, date: "2022-10-31T00:00:00Z" },
  merged: { file: "can-tho-2026-merged.xlsx", made: mergedWorkbook, date: "2026-03-31T00:00:00Z" },
};

async function run(): Promise<void> {
  const wanted = process.argv.slice(2);
  for (const name of wanted.length > 0 ? wanted : Object.keys(SAMPLES)) {
    const s = SAMPLES[name];
    if (!s) throw new Error(`No sample "${name}" (${Object.keys(SAMPLES).join(", ")})`);
    const out = path.resolve(__dirname, "..", "samples", s.file);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const wb = s.made();
    wb.creator = "Chỉ tiêu sample";
    wb.created = new Date(s.date);
    wb.modified = wb.created;
    await wb.xlsx.writeFile(out);
    process.stdout.write(`Wrote ${path.relative(process.cwd(), out)}\n`);
  }
}

run().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + "\n");
  process.exitCode = 1;
});
