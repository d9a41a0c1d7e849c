/**
 * The package writer's acceptance over the corpus (test/fixtures/corpus, `npm run corpus`): workbooks made by
 * openpyxl and saved again by LibreOffice, each holding something offices keep (charts, an image,
 * comments, a table, names, validation, links, protection, hidden sheets, an external link, print
 * titles, filter buttons, macros) around the tidy layout's plan, actuals and population.
 * For each: every part of the input but the five the writer may extend is byte-identical in the
 * output (entry content), also after ten runs; the output's entry list is the input's, folder
 * entries included, plus files of ours (never a folder entry the input did not have); the figures
 * are those of a clean copy of the data;
 * a user's sheet named like our record, or like our commentary once ours is gone, is never touched;
 * LibreOffice opens the output and shows the input's charts and ours.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { parseArgs } from "../../../src/cli/args";
import type { RunChoices } from "../../../src/core/settings";
import { toStored } from "../../../src/core/settings";
import { ExcelJsWorkbook } from "../../../src/workbook/exceljsWorkbook";
import { recalculate, type Outcome } from "../../../src/workbook/recalculate";
import { PackageWorkbook } from "../../../src/workbook/xlsx/packageWorkbook";
import { findSoffice } from "../../e2e/tools";
import { tempDir } from "../../helpers/files";
import { tidyLayout } from "../../helpers/layouts";

const CORPUS = path.resolve(__dirname, "..", "..", "fixtures", "corpus");
const FILES = fs
  .readdirSync(CORPUS)
  .filter((f) => /\.xls[xm]$/.test(f))
  .sort();

/** The parts the writer may extend (the workbook part, its relationships, the content types, the app properties, the styles). */
const EXTENDED = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "docProps/app.xml", "xl/styles.xml"]);

/** The CLI's default choices (as `chitieu summarize file` runs). */
const CHOICES: RunChoices = parseArgs(["summarize", "in.xlsx", "--out", "out.xlsx"], "in.xlsx", "out.xlsx").choices;

interface Run {
  readonly bytes: Uint8Array;
  readonly outcome: Outcome;
}

/** One run as the CLI does it: read, compute, write our sheets, remember the choices, build the package. */
async function summarize(bytes: Uint8Array): Promise<Run> {
  const port = await PackageWorkbook.open(bytes);
  const outcome = await recalculate(port, CHOICES);
  await port.saveSettings(toStored(CHOICES));
  return { bytes: await port.save(), outcome };
}

async function entries(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out.set(name, await f.async("nodebuffer"));
  return out;
}

/** The input's entries the output must keep byte for byte, and those that differ or are missing. */
async function changedUserParts(input: Uint8Array, output: Uint8Array): Promise<string[]> {
  const a = await entries(input);
  const b = await entries(output);
  const changed: string[] = [];
  for (const [name, data] of a) {
    if (EXTENDED.has(name)) continue;
    const other = b.get(name);
    if (!other || !other.equals(data)) changed.push(other ? name : `${name} (missing)`);
  }
  return changed;
}

/** Every entry name in the zip, folder entries (names ending in "/") included, as stored (no folders made up on reading). */
async function entryNames(bytes: Uint8Array): Promise<string[]> {
  return Object.keys((await JSZip.loadAsync(bytes, { createFolders: false })).files).sort();
}

/** What the output's entry list does wrong: an input entry (folders too) missing, or an added entry that is a folder. */
async function entryListFaults(input: Uint8Array, output: Uint8Array): Promise<string[]> {
  const before = await entryNames(input);
  const after = await entryNames(output);
  const had = new Set(before);
  const now = new Set(after);
  return [
    ...before.filter((n) => !now.has(n)).map((n) => `${n} (missing)`),
    ...after.filter((n) => !had.has(n) && n.endsWith("/")).map((n) => `${n} (folder added)`),
  ];
}

/** What the engine gives, figure by figure: per result, the area rate and every unit's rate, rank and mark. */
function figures(o: Outcome): unknown {
  return o.summary.results.map((r) => ({
    key: r.indicatorKey,
    measure: r.measure,
    overall: r.overall,
    units: r.units.map((u) => ({ unit: u.unit, ratio: u.ratio, rank: u.rank, below: u.belowAverage })),
  }));
}

/** The engine on a clean copy of the same data (the tidy layout, through the exceljs adapter), and the grids of the sheets it wrote. */
const cleanPort = new ExcelJsWorkbook(tidyLayout().workbook);
const cleanRun = recalculate(cleanPort, CHOICES);

function read(file: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(CORPUS, file)));
}

const runs = new Map<string, Promise<Run>>();
const firstRun = (file: string): Promise<Run> => {
  if (!runs.has(file)) runs.set(file, summarize(read(file)));
  return runs.get(file)!;
};

test("the corpus holds every kind of workbook offices keep (the list above)", () => {
  for (const kind of [
    "chart-sheet",
    "embedded-chart",
    "image",
    "comments",
    "table",
    "defined-names",
    "data-validation",
    "hyperlinks",
    "protected",
    "hidden-sheet",
    "external-link",
    "print-titles",
    "filter-buttons",
    "lo-table",
    "lo-protected",
    "lo-embedded-chart",
  ])
    expect(FILES).toContain(`${kind}.xlsx`);
  expect(FILES).toContain("macros.xlsm");
});

describe.each(FILES)("%s", (file) => {
  test("every part of the user's is byte-identical in the output; the figures are a clean copy's", async () => {
    const input = read(file);
    const { bytes, outcome } = await firstRun(file);
    expect(await changedUserParts(input, bytes)).toEqual([]);
    expect(figures(outcome)).toEqual(figures(await cleanRun));
    expect(outcome.written.filter((w) => w.key.startsWith("ranked")).length).toBeGreaterThan(0);
    // Our sheets read back from the output as the clean copy's do.
    const back = await PackageWorkbook.open(bytes);
    const listed = await back.listSheets();
    for (const w of outcome.written) expect(listed.find((s) => s.name === w.name)?.ours).toBe(true);
    // The overview and the ranked sheets hold, cell for cell, what the clean copy's hold.
    const clean = await cleanRun;
    // (The history's dates are read back as the writer formatted them: compared by its own tests.)
    for (const w of outcome.written.filter((x) => x.key !== "commentary" && x.key !== "history")) {
      const cleanName = clean.written.find((x) => x.key === w.key)!.name;
      const [mine] = await back.readSheets([w.name]);
      const [theirs] = await cleanPort.readSheets([cleanName]);
      expect([w.key, mine!.values]).toEqual([w.key, theirs!.values]);
    }
  });

  test("the output's entries are the input's, folders included, plus only files of ours (no folder entries added)", async () => {
    const input = read(file);
    const { bytes } = await firstRun(file);
    expect(await entryListFaults(input, bytes)).toEqual([]);
    // Something was added (our sheets, the record …), and all of it is files.
    const had = new Set(await entryNames(input));
    const added = (await entryNames(bytes)).filter((n) => !had.has(n));
    expect(added.length).toBeGreaterThan(0);
    expect(added.filter((n) => n.endsWith("/"))).toEqual([]);
  });

  test("ten runs on our own output keep the user's parts and replace only ours", async () => {
    const input = read(file);
    let { bytes } = await firstRun(file);
    const sheetsAfterOne = (await (await PackageWorkbook.open(bytes)).listSheets()).map((s) => s.name);
    for (let i = 0; i < 9; i++) bytes = (await summarize(bytes)).bytes;
    expect(await changedUserParts(input, bytes)).toEqual([]);
    expect((await (await PackageWorkbook.open(bytes)).listSheets()).map((s) => s.name)).toEqual(sheetsAfterOne);
  }, 60_000);
});

test("a package that has folder entries keeps them, and gets no new ones", async () => {
  // table.xlsx re-zipped the way many zip tools do it: a folder entry before the files in it.
  const source = await JSZip.loadAsync(read("table.xlsx"));
  const withFolders = new JSZip();
  for (const [name, f] of Object.entries(source.files)) withFolders.file(name, await f.async("uint8array"), { createFolders: true });
  const input = await withFolders.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  const folders = (await entryNames(input)).filter((n) => n.endsWith("/"));
  expect(folders).toEqual(expect.arrayContaining(["xl/", "xl/worksheets/", "xl/_rels/"]));
  const { bytes } = await summarize(input);
  expect(await entryListFaults(input, bytes)).toEqual([]);
  expect(await changedUserParts(input, bytes)).toEqual([]);
});

test("an .xlsm stays macro-enabled, its VBA project untouched", async () => {
  const { bytes } = await firstRun("macros.xlsm");
  const zip = await JSZip.loadAsync(bytes);
  expect(await zip.file("[Content_Types].xml")!.async("string")).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
  expect(await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).toContain("vbaProject.bin");
});

test("protection, the external link, print titles and filter buttons stay as they were", async () => {
  for (const [file, needle] of [
    ["protected.xlsx", /<sheetProtection[^>]*password="E5C2"/],
    ["lo-protected.xlsx", /<sheetProtection[^>]*password="e5c2"/],
    ["external-link.xlsx", /<externalReference [^>]*r:id="rIdExt1"\/>/],
    ["print-titles.xlsx", /_xlnm\.Print_Titles/],
    ["filter-buttons.xlsx", /_xlnm\._FilterDatabase|<autoFilter/],
  ] as const) {
    const { bytes } = await firstRun(file);
    const all = [...(await entries(bytes)).values()].map((b) => b.toString("utf8")).join("\n");
    expect(all).toMatch(needle);
  }
});

describe("a user's sheet is never ours because of its name", () => {
  test.each(["user-chitieu.xlsx", "user-chitieu-lower.xlsx"])("%s: the user's sheet keeps its name, place, visibility and content", async (file) => {
    const input = read(file);
    const userName = file === "user-chitieu.xlsx" ? "_ChiTieu" : "_chitieu";
    const { bytes } = await firstRun(file);
    expect(await changedUserParts(input, bytes)).toEqual([]);
    const wb = await PackageWorkbook.open(bytes);
    const sheet = (await wb.listSheets()).find((s) => s.name === userName);
    expect(sheet).toEqual({ name: userName, kind: "worksheet", ours: false });
    const [grid] = await wb.readSheets([userName]);
    expect(grid!.values[0]![0]).toBe((await (await PackageWorkbook.open(input)).readSheets([userName]))[0]!.values[0]![0]);
    // The record is still found (by its mark) on the next run: the choices come back.
    expect(await wb.loadSettings()).toEqual(toStored(CHOICES));
    const again = await summarize(bytes);
    expect(await changedUserParts(input, again.bytes)).toEqual([]);
  });

  test("a planner's own 'Nhận xét', written after deleting ours, is kept and ours goes beside it", async () => {
    const { bytes, outcome } = await firstRun("table.xlsx");
    const commentary = outcome.written.find((w) => w.key === "commentary")!;
    // The planner deleted our sheet and made one of the same name: a sheet without our mark.
    const zip = await JSZip.loadAsync(bytes);
    const wbXml = await zip.file("xl/workbook.xml")!.async("string");
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    const esc = commentary.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const relId = new RegExp(`<sheet [^>]*name="${esc}"[^>]*r:id="([^"]+)"`).exec(wbXml)![1]!;
    const target = new RegExp(`Id="${relId}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${relId}"`).exec(rels)!;
    const part = "xl/" + (target[1] ?? target[2]!).replace(/^\/?xl\//, "");
    const sheetXml = await zip.file(part)!.async("string");
    zip.file(part, sheetXml.replace(/<customProperties>[\s\S]*?<\/customProperties>/, ""));
    const edited = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const userPart = await (await JSZip.loadAsync(edited)).file(part)!.async("nodebuffer");

    const second = await summarize(edited);
    const after = await entries(second.bytes);
    expect(after.get(part)?.equals(userPart)).toBe(true);
    const listed = await (await PackageWorkbook.open(second.bytes)).listSheets();
    expect(listed.find((s) => s.name === commentary.name)?.ours).toBe(false);
    const ours = second.outcome.written.find((w) => w.key === "commentary")!;
    expect(ours.name).not.toBe(commentary.name);
    expect(listed.find((s) => s.name === ours.name)?.ours).toBe(true);
  });
});

/** Chart objects in an .ods's content.xml (charts embedded or on chart sheets, as LibreOffice shows them). */
function chartObjects(contentXml: string): number {
  return (contentXml.match(/<draw:object\b/g) ?? []).length;
}

const soffice = findSoffice();
(soffice ? describe : describe.skip)("LibreOffice opens every output and shows the input's charts and ours", () => {
  test("converted to .ods without error", async () => {
    const dir = tempDir("chitieu-lo-");
    const inputs: string[] = [];
    const outputs: string[] = [];
    for (const file of FILES) {
      const stem = file.replace(/\.xls[xm]$/, "");
      const ext = path.extname(file);
      fs.copyFileSync(path.join(CORPUS, file), path.join(dir, `in-${stem}${ext}`));
      fs.writeFileSync(path.join(dir, `out-${stem}${ext}`), (await firstRun(file)).bytes);
      inputs.push(`in-${stem}${ext}`);
      outputs.push(`out-${stem}${ext}`);
    }
    const r = spawnSync(
      soffice!,
      [
        `-env:UserInstallation=file://${dir}/profile`,
        "--headless",
        "--calc",
        "--convert-to",
        "ods",
        "--outdir",
        path.join(dir, "ods"),
        ...[...inputs, ...outputs].map((f) => path.join(dir, f)),
      ],
      {
        encoding: "utf8",
        timeout: 240_000,
      },
    );
    expect(r.status).toBe(0);
    for (const file of FILES) {
      const stem = file.replace(/\.xls[xm]$/, "");
      const odsIn = path.join(dir, "ods", `in-${stem}.ods`);
      const odsOut = path.join(dir, "ods", `out-${stem}.ods`);
      expect([file, fs.existsSync(odsOut)]).toEqual([file, true]);
      const before = chartObjects(await (await JSZip.loadAsync(fs.readFileSync(odsIn))).file("content.xml")!.async("string"));
      const after = chartObjects(await (await JSZip.loadAsync(fs.readFileSync(odsOut))).file("content.xml")!.async("string"));
      // Ours: one chart per ranked sheet, and the history's line chart.
      const ranked = (await firstRun(file)).outcome.written.filter((w) => w.key.startsWith("ranked") || w.key === "history").length;
      // The count is of something: the inputs with charts show them.
      if (/chart|everything/.test(file)) expect([file, before > 0]).toEqual([file, true]);
      expect([file, after]).toEqual([file, before + ranked]);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }, 300_000);
});
