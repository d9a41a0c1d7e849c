/**
 * Interop: the workbook the CLI writes, opened by LibreOffice Calc (headless) and exported sheet
 * by sheet to CSV, holds the engine's rates, ranks and marks — as stored values, and as Calc
 * displays them under the number formats we wrote (0.00%).
 *
 * Sheet by sheet: the CSV filter's 12th option token picks the sheet (LibreOffice ≥ 7.2); -1
 * exports every sheet to "<file>-<sheet name>.csv".
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { formatPercent } from "../../src/core/format";
import { labels } from "../../src/core/i18n";
import { SAMPLE, findSoffice } from "./tools";

interface JsonUnit {
  unit: string;
  ratio: number | null;
  rank: number | null;
  belowAverage: boolean;
}
interface JsonResult {
  indicatorKey: string;
  measure: string;
  overall: number | null;
  units: JsonUnit[];
}
interface JsonReport {
  results: JsonResult[];
  output: { file: string; sheets: { key: string; name: string }[] };
}

/** RFC 4180 CSV → rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-lo-"));
const out = path.join(tmp, "ket-qua.xlsx");
let report: JsonReport;

/** Export every sheet of `file` to CSV in `dir`; `asShown` writes values as Calc displays them. */
function toCsv(file: string, dir: string, asShown: boolean): void {
  const soffice = findSoffice()!;
  const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,${asShown},false,false,-1`;
  const r = spawnSync(
    soffice,
    [`-env:UserInstallation=file://${path.join(tmp, "profile")}`, "--headless", "--norestore", "--convert-to", filter, "--outdir", dir, file],
    { encoding: "utf8", timeout: 120000 },
  );
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stdout}\n${r.stderr}`);
}

function sheetCsv(dir: string, sheet: string): string[][] {
  const file = path.join(dir, `${path.basename(out, ".xlsx")}-${sheet}.csv`);
  if (!fs.existsSync(file)) throw new Error(`LibreOffice wrote no CSV for sheet '${sheet}' (have: ${fs.readdirSync(dir).join(", ")})`);
  return parseCsv(fs.readFileSync(file, "utf8"));
}

/** The ranked table of a ranked sheet: rows by unit with rank, rate and mark, located by header. */
function rankedTable(rows: string[][]): Map<string, { rank: string; rate: string; mark: string }> {
  const L = labels("vi");
  const h = rows.findIndex((r) => r.includes(L.rank) && r.includes(L.unit) && r.includes(L.rate));
  expect(h).toBeGreaterThanOrEqual(0);
  const head = rows[h]!;
  const col = (label: string) => {
    const i = head.indexOf(label);
    expect(i).toBeGreaterThanOrEqual(0);
    return i;
  };
  const [cRank, cUnit, cRate, cMark] = [col(L.rank), col(L.unit), col(L.rate), col(L.below)];
  const table = new Map<string, { rank: string; rate: string; mark: string }>();
  for (const r of rows.slice(h + 1)) {
    if (!r[cUnit]) break;
    table.set(r[cUnit]!, { rank: r[cRank] ?? "", rate: r[cRate] ?? "", mark: r[cMark] ?? "" });
  }
  return table;
}

/** "77.3076923076923%" → 0.773076923076923 */
function percentValue(s: string): number {
  expect(s).toMatch(/%$/);
  return Number(s.slice(0, -1)) / 100;
}

beforeAll(async () => {
  let json = "";
  const code = await main(["summarize", SAMPLE, "--out", out, "--json"], { out: (s) => void (json += s), err: (s) => void process.stderr.write(s) });
  expect(code).toBe(0);
  report = JSON.parse(json) as JsonReport;
  fs.mkdirSync(path.join(tmp, "raw"));
  fs.mkdirSync(path.join(tmp, "shown"));
  toCsv(out, path.join(tmp, "raw"), false);
  toCsv(out, path.join(tmp, "shown"), true);
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("LibreOffice reads the workbook the CLI writes", () => {
  test("every sheet converts, the user's and the summary sheets", () => {
    for (const s of ["Kế hoạch", "Thực hiện", "Dân số", ...report.output.sheets.map((x) => x.name)]) {
      expect(sheetCsv(path.join(tmp, "raw"), s).length).toBeGreaterThan(3);
    }
  });

  test("ranked sheets: the rates, ranks and below-average marks equal the engine's", () => {
    const L = labels("vi");
    let checked = 0;
    for (const r of report.results) {
      const sheet = report.output.sheets.find((s) => s.key === `ranked:${r.indicatorKey}:${r.measure}`);
      expect(sheet).toBeDefined();
      const raw = rankedTable(sheetCsv(path.join(tmp, "raw"), sheet!.name));
      const shown = rankedTable(sheetCsv(path.join(tmp, "shown"), sheet!.name));
      expect([...raw.keys()]).toEqual(r.units.map((u) => u.unit));
      for (const u of r.units) {
        const a = raw.get(u.unit)!;
        expect(a.rank).toBe(u.rank === null ? "" : String(u.rank));
        expect(a.mark).toBe(u.belowAverage ? L.belowMark : "");
        if (u.ratio === null) expect(a.rate).toBe("");
        else {
          expect(Math.abs(percentValue(a.rate) - u.ratio)).toBeLessThan(1e-12);
          // As Calc shows it under "0.00%": the engine's Excel-style rounding agrees.
          expect(shown.get(u.unit)!.rate).toBe(formatPercent(u.ratio, "en"));
        }
        checked++;
      }
    }
    expect(checked).toBe(24);
  });

  test("the seed's figures: Hậu Giang 64.91%, and Vị Thủy, Phụng Hiệp, Long Mỹ marked below it", () => {
    const sheet = report.output.sheets.find((s) => s.key === "ranked:bhxh-tn:attainment")!;
    const shown = rankedTable(sheetCsv(path.join(tmp, "shown"), sheet.name));
    const marked = [...shown.entries()].filter(([, v]) => v.mark !== "").map(([k, v]) => `${k} ${v.rate} #${v.rank}`);
    expect(marked).toEqual(["Huyện Long Mỹ 53.24% #6", "Huyện Phụng Hiệp 49.34% #7", "Huyện Vị Thủy 45.37% #8"]);
    const overview = sheetCsv(path.join(tmp, "shown"), report.output.sheets.find((s) => s.key === "overview")!.name);
    const cells = overview.flat();
    for (const r of report.results) expect(cells).toContain(formatPercent(r.overall!, "en"));
    expect(cells).toContain("64.91%");
  });
});
