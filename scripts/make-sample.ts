/**
 * Regenerates the bundled sample workbook (samples/hau-giang-2022.xlsx) from the figures of
 * seed 000 (Hậu Giang, 31/10/2022). Run: npm run sample
 */
import * as path from "node:path";
import * as fs from "node:fs";
import { hauGiangWorkbook } from "./lib/seeds";

async function run(): Promise<void> {
  const out = path.resolve(__dirname, "..", "samples", "hau-giang-2022.xlsx");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const wb = hauGiangWorkbook();
  wb.creator = "Chỉ tiêu sample";
  wb.created = new Date("2022-10-31T00:00:00Z");
  wb.modified = wb.created;
  await wb.xlsx.writeFile(out);
  process.stdout.write(`Wrote ${path.relative(process.cwd(), out)}\n`);
}

run().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + "\n");
  process.exitCode = 1;
});
