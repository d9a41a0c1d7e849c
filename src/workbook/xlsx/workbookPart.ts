/**
 * The workbook part of a package: its sheets in order (name, sheetId, r:id, visibility, part,
 * kind), the 1904 date system, and where the shared strings and styles are. Found through the
 * package's relationships (any part name, any prefix), not by the names exceljs assumes.
 */
import { SaxesParser } from "saxes";
import { ChitieuError } from "../../core/errors";
import { said, type Message } from "../../core/messages";
import { PartLimitError, XlsxPackage, decodeText } from "./zip";

export type SheetKind = "worksheet" | "chartsheet" | "dialogsheet" | "macrosheet";
export type SheetState = "visible" | "hidden" | "veryHidden";

export interface WorkbookSheet {
  readonly name: string;
  readonly sheetId: number;
  readonly rId: string;
  readonly state: SheetState;
  /** The sheet's part ("xl/worksheets/sheet1.xml"). */
  readonly part: string;
  readonly kind: SheetKind;
  /** Position in the workbook's sheet list (0-based, as definedNames' localSheetId counts). */
  readonly index: number;
}

export interface WorkbookInfo {
  /** "xl/workbook.xml" as the package names it. */
  readonly part: string;
  readonly sheets: readonly WorkbookSheet[];
  readonly date1904: boolean;
  readonly sharedStringsPart: string | null;
  readonly stylesPart: string | null;
  /** Parts that could not be read and were left out (sheets without a part …). */
  readonly warnings: readonly Message[];
}

const REL = "/relationships/";

/** The kind a relationship type (transitional or strict) names, or null for other parts. */
function relKind(type: string): SheetKind | "sharedStrings" | "styles" | "officeDocument" | null {
  const tail = type.slice(type.lastIndexOf("/") + 1);
  if (!type.includes(REL) && !type.includes("/relationships")) return null;
  switch (tail) {
    case "worksheet":
      return "worksheet";
    case "chartsheet":
      return "chartsheet";
    case "dialogsheet":
      return "dialogsheet";
    case "xlMacrosheet":
    case "xlIntlMacrosheet":
      return "macrosheet";
    case "sharedStrings":
      return "sharedStrings";
    case "styles":
      return "styles";
    case "officeDocument":
      return "officeDocument";
    default:
      return null;
  }
}

/**
 * Read the workbook part. A package with no workbook part is a damaged file (`bad-file`); a sheet
 * whose part is missing is left out with a warning naming it.
 */
export async function readWorkbook(pkg: XlsxPackage): Promise<WorkbookInfo> {
  // Relationships that cannot be read count as none: the usual part names are tried instead.
  const root = await pkg.rels("").catch(() => []);
  const main =
    root.find((r) => relKind(r.type) === "officeDocument" && r.part && pkg.has(r.part))?.part ?? (pkg.has("xl/workbook.xml") ? "xl/workbook.xml" : null);
  if (!main)
    throw new ChitieuError(
      "bad-file",
      said("file-corrupt", { file: pkg.file ?? "", truncated: false, detail: "no workbook part (xl/workbook.xml)" }, undefined, "input"),
    );
  const part = pkg.entryName(main) ?? main;
  let xml: string;
  try {
    xml = decodeText(await pkg.bytes(part));
  } catch (e) {
    if (e instanceof PartLimitError) throw new ChitieuError("bad-file", said("xlsx-part-too-large", { part: e.part, bytes: e.bytes, limit: e.limit }));
    throw new ChitieuError(
      "bad-file",
      said("file-corrupt", { file: pkg.file ?? "", truncated: false, detail: `${part}: ${e instanceof Error ? e.message : String(e)}` }, undefined, "input"),
    );
  }
  const parsed = parseWorkbookXml(xml);
  if (parsed.error && parsed.sheets.length === 0)
    throw new ChitieuError(
      "bad-file",
      said("file-corrupt", { file: pkg.file ?? "", truncated: false, detail: `${part}: ${parsed.error}` }, undefined, "input"),
    );
  const rels = await pkg.rels(part).catch(() => []);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const warnings: Message[] = [];
  const sheets: WorkbookSheet[] = [];
  for (const s of parsed.sheets) {
    const rel = byId.get(s.rId);
    const kind = rel ? relKind(rel.type) : null;
    if (!rel || !rel.part || !pkg.has(rel.part) || (kind !== "worksheet" && kind !== "chartsheet" && kind !== "dialogsheet" && kind !== "macrosheet")) {
      warnings.push(said("xlsx-sheet-part-missing", { part: rel?.part ?? rel?.target ?? s.rId }, { sheet: s.name }));
      continue;
    }
    sheets.push({ name: s.name, sheetId: s.sheetId, rId: s.rId, state: s.state, part: pkg.entryName(rel.part) ?? rel.part, kind, index: sheets.length });
  }
  const partOf = (k: "sharedStrings" | "styles"): string | null => {
    const r = rels.find((x) => relKind(x.type) === k && x.part && pkg.has(x.part));
    return r ? (pkg.entryName(r.part!) ?? r.part) : null;
  };
  return { part, sheets, date1904: parsed.date1904, sharedStringsPart: partOf("sharedStrings"), stylesPart: partOf("styles"), warnings };
}

interface ParsedSheet {
  name: string;
  sheetId: number;
  rId: string;
  state: SheetState;
}

/** The <sheets> list and workbookPr's date1904 of a workbook part's text. */
export function parseWorkbookXml(xml: string): { sheets: ParsedSheet[]; date1904: boolean; error: string | null } {
  const parser = new SaxesParser();
  const sheets: ParsedSheet[] = [];
  let date1904 = false;
  let error: string | null = null;
  let depth = 0;
  let inSheets = false;
  parser.on("opentag", (node) => {
    depth++;
    const name = local(node.name);
    const a = node.attributes as Record<string, string>;
    if (depth === 2 && name === "sheets") inSheets = true;
    else if (depth === 2 && name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
    else if (depth === 3 && inSheets && name === "sheet") {
      let rId = "";
      for (const k of Object.keys(a)) if (k === "r:id" || (k.endsWith(":id") && k !== "xr:id")) rId = a[k]!;
      const state = a.state === "hidden" ? "hidden" : a.state === "veryHidden" ? "veryHidden" : "visible";
      sheets.push({ name: a.name ?? "", sheetId: parseInt(a.sheetId ?? "", 10), rId, state });
    }
  });
  parser.on("closetag", (node) => {
    if (depth === 2 && local(node.name) === "sheets") inSheets = false;
    depth--;
  });
  parser.on("error", (e) => {
    if (error === null) error = e.message;
  });
  try {
    parser.write(xml);
    if (error === null) parser.close();
  } catch (e) {
    if (error === null) error = e instanceof Error ? e.message : String(e);
  }
  return { sheets, date1904, error };
}

/** An element's name without its prefix. */
export function local(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}
