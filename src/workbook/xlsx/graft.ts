/**
 * Writing our sheets into a planner's package by adding, never by re-serialising it. Our sheets'
 * XML is written straight from their SheetSpecs (sheetXml.ts: the look the exceljs adapter gave
 * them, strings inline so the user's shared strings part is not touched), their styles appended to
 * the user's (styles.ts), a table on each ranked sheet named apart from the workbook's tables and
 * names, a mark in each sheet (marks.ts), a chart on each ranked sheet (chart.ts), and the record
 * in a very hidden sheet. Only the workbook part, its relationships, the content types and the
 * styles part are edited, and only by splicing text in or out; every other part keeps its bytes.
 * Our previous parts (found by the mark, never by a name) are removed with everything only they
 * refer to.
 */
import JSZip from "jszip";
import { SheetSpec, planSheetNames, rowsOf } from "../../core/sheetSpec";
import { columnLetter } from "../../core/grid";
import { MetaRecord } from "../meta";
import { WrittenSheet } from "../port";
import { CHART_REL, CHART_TYPE, DRAWING_REL, DRAWING_TYPE, chartXml, drawingXml, hasChart } from "./chart";
import {
  CUSTOM_PROPERTY_REL,
  CUSTOM_PROPERTY_TYPE,
  MarkedSheet,
  PartReader,
  RECORD_MARK,
  RECORD_SHEET,
  markBytes,
  markElement,
  recordSheetName,
  sheetMark,
} from "./marks";
import { appendStyles } from "./styles";
import { StyleRegistry, sheetStyles, summarySheetXml } from "./sheetXml";
import {
  Relationship,
  Tag,
  attr,
  attrLocal,
  children,
  elements,
  escapeAttr,
  escapeText,
  parseRels,
  prefixOf,
  relativeTarget,
  relsPathOf,
  removeAttr,
  resolveTarget,
  setAttr,
  splice,
  tags,
  withPrefix,
  xmlSafe,
} from "./xmlEdit";

/** Part path → its new content (text is written as UTF-8), or null when the part goes. */
export interface PackageChanges {
  readonly parts: ReadonlyMap<string, string | Uint8Array | null>;
}

export interface GraftOptions {
  /**
   * Sheets without a mark to replace as ours all the same: the names a legacy record (a file the
   * exceljs adapter wrote, before marks) lists, when the caller chooses to trust it. Only with specs.
   */
  readonly legacySummaries?: readonly string[];
}

export interface GraftResult {
  /** Our summary sheets as they are in the package now (spec key → name). */
  readonly written: WrittenSheet[];
  /** The record sheet's name. */
  readonly recordSheet: string;
  readonly changes: PackageChanges;
}

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const WORKSHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const STYLES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const TABLE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table";
const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const TABLE_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
const RELS_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';

/** One <sheet> of the workbook part. */
interface SheetEntry {
  readonly name: string;
  readonly sheetId: number;
  readonly relId: string;
  readonly state: string;
  /** Its part, when it is a worksheet of this package. */
  readonly part: string | null;
  readonly start: number;
  readonly end: number;
  mark: MarkedSheet | null;
  legacyRecord: boolean;
}

/** The workbook part, its sheets and relationships, as they are in a package. */
export interface WorkbookParts {
  readonly path: string;
  readonly xml: string;
  readonly tags: Tag[];
  readonly rels: Relationship[];
  readonly relsXml: string;
  readonly sheets: SheetEntry[];
}

export async function readWorkbookParts(pkg: PartReader): Promise<WorkbookParts> {
  const root = parseRels(await pkg.text("_rels/.rels")).find((r) => r.type === OFFICE_DOCUMENT);
  const path = root ? resolveTarget("", root.target) : "xl/workbook.xml";
  const xml = await pkg.text(path);
  const relsXml = pkg.has(relsPathOf(path)) ? await pkg.text(relsPathOf(path)) : RELS_HEAD + "</Relationships>";
  const rels = parseRels(relsXml);
  const list = tags(xml);
  const sheets: SheetEntry[] = [];
  for (const el of elements(list, "sheet", 2)) {
    const text = xml.slice(el.start, el.tag.end);
    const relId = attrLocal(text.replace(/\ssheetId\s*=\s*("[^"]*"|'[^']*')/, ""), "id") ?? "";
    const rel = rels.find((r) => r.id === relId);
    sheets.push({
      name: attr(text, "name") ?? "",
      sheetId: Number(attr(text, "sheetId") ?? 0),
      relId,
      state: attr(text, "state") ?? "visible",
      part: rel && !rel.external && rel.type === WORKSHEET_REL ? resolveTarget(path, rel.target) : null,
      start: el.start,
      end: el.end,
      mark: null,
      legacyRecord: false,
    });
  }
  return { path, xml, tags: list, rels, relsXml, sheets };
}

/** The workbook's sheets with our marks read (the record, our summary sheets). */
export async function markedSheets(pkg: PartReader, wb: WorkbookParts): Promise<void> {
  for (const s of wb.sheets) {
    if (s.part) s.mark = await sheetMark(pkg, s.part);
    // The record as the exceljs adapter kept it before marks: very hidden, by its fixed name.
    s.legacyRecord = s.mark === null && s.name === RECORD_SHEET && s.state === "veryHidden";
  }
}

/** The next free path of the form `${dir}${stem}${n}${ext}`. */
function freePath(taken: Set<string>, dir: string, stem: string, ext: string): string {
  for (let n = 1; ; n++) {
    const p = `${dir}${stem}${n}${ext}`;
    if (!taken.has(p.toLowerCase())) {
      taken.add(p.toLowerCase());
      return p;
    }
  }
}

function relXml(id: string, type: string, target: string): string {
  return `<Relationship Id="${escapeAttr(id)}" Type="${type}" Target="${escapeAttr(target)}"/>`;
}

/**
 * The table of a ranked sheet (filter buttons over header and data, as the Office adapter adds):
 * only when the header cells are distinct non-empty texts Excel can take as column names as they
 * are (else the sheet keeps its plain filter). Table style as Excel's default for a new table.
 */
export function tableXml(spec: SheetSpec, id: number, name: string): string | null {
  const t = spec.table;
  if (!t || t.range.rows < 2 || t.range.cols < 1) return null;
  // A table may not overlap a merged cell, and its name must be one Excel takes (not a cell reference).
  const r = t.range;
  if (spec.merges.some((m) => m.row < r.row + r.rows && r.row < m.row + m.rows && m.col < r.col + r.cols && r.col < m.col + m.cols)) return null;
  if (!/^[A-Za-z_\\][\w.]{0,254}$/.test(name) || /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc])$/.test(name)) return null;
  const header = rowsOf(spec).slice(t.range.row, t.range.row + 1)[0] ?? [];
  const cols: string[] = [];
  const seen = new Set<string>();
  for (let c = t.range.col; c < t.range.col + t.range.cols; c++) {
    const v = header[c];
    if (
      typeof v !== "string" ||
      v.trim() === "" ||
      v !== v.trim() ||
      v.length > 255 ||
      // Control characters are what Excel cannot take in a column name.
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u001f]|_x[0-9a-fA-F]{4}_/.test(v) ||
      seen.has(v.toLowerCase())
    )
      return null;
    seen.add(v.toLowerCase());
    cols.push(v);
  }
  const ref = `${columnLetter(t.range.col)}${t.range.row + 1}:${columnLetter(t.range.col + t.range.cols - 1)}${t.range.row + t.range.rows}`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${escapeAttr(name)}" displayName="${escapeAttr(name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${cols.length}">${cols.map((c, k) => `<tableColumn id="${k + 1}" name="${escapeAttr(xmlSafe(c))}"/>`).join("")}</tableColumns>` +
    `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** The very hidden sheet holding the record as JSON in A1, with its mark. */
function recordSheetXml(json: string, markRel: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL_NS}">` +
    `<dimension ref="A1"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${escapeText(xmlSafe(json))}</t></is></c></row></sheetData>` +
    `${markElement(markRel)}</worksheet>`
  );
}

/**
 * Everything reachable from `roots` through internal relationships that no part outside the
 * removed set refers to (a drawing and its charts, tables, comments, the mark's part).
 */
async function partsToRemove(pkg: PartReader, roots: readonly string[]): Promise<Set<string>> {
  const relsOf = new Map<string, Relationship[]>();
  for (const p of pkg.paths) {
    if (!p.endsWith(".rels")) continue;
    const source = p.replace(/(^|\/)_rels\/([^/]+)\.rels$/, "$1$2");
    try {
      relsOf.set(source, parseRels(await pkg.text(p)));
    } catch {
      relsOf.set(source, []);
    }
  }
  const referrers = new Map<string, Set<string>>();
  for (const [source, rels] of relsOf) {
    for (const r of rels) {
      if (r.external) continue;
      const t = resolveTarget(source, r.target);
      let set = referrers.get(t);
      if (!set) referrers.set(t, (set = new Set()));
      set.add(source);
    }
  }
  const removed = new Set(roots);
  for (let changed = true; changed;) {
    changed = false;
    for (const part of [...removed]) {
      for (const r of relsOf.get(part) ?? []) {
        if (r.external) continue;
        const t = resolveTarget(part, r.target);
        if (removed.has(t) || !pkg.has(t)) continue;
        if ([...(referrers.get(t) ?? [])].every((s) => removed.has(s))) {
          removed.add(t);
          changed = true;
        }
      }
    }
  }
  for (const part of [...removed]) if (pkg.has(relsPathOf(part))) removed.add(relsPathOf(part));
  return removed;
}

/** Table names and ids used by the package's tables (all of them: names are workbook-wide), found by their content type. */
async function tablesInUse(pkg: PartReader, except: Set<string>): Promise<{ names: Set<string>; maxId: number }> {
  const names = new Set<string>();
  let maxId = 0;
  const ct = await pkg.text("[Content_Types].xml");
  const parts = new Set(pkg.paths.filter((p) => /^xl\/tables\/[^/]+\.xml$/i.test(p)));
  for (const m of ct.matchAll(/<(?:[\w.-]+:)?Override\b[^>]*>/g))
    if (attr(m[0], "ContentType") === TABLE_TYPE) parts.add((attr(m[0], "PartName") ?? "").replace(/^\//, ""));
  const gone = new Set([...except].map((p) => p.toLowerCase()));
  for (const p of parts) {
    if (gone.has(p.toLowerCase()) || !pkg.has(p)) continue;
    const head = (await pkg.text(p)).slice(0, 4000);
    const open = /<(?:[\w.-]+:)?table\b[^>]*>/.exec(head)?.[0] ?? "";
    for (const a of ["name", "displayName"]) {
      const v = attr(open, a);
      if (v) names.add(v.toLowerCase());
    }
    maxId = Math.max(maxId, Number(attr(open, "id") ?? 0) || 0);
  }
  return { names, maxId };
}

/** Next relationship id of the form rIdCt{n} unused in `ids`. */
function freeRelId(ids: Set<string>): string {
  for (let n = 1; ; n++) {
    const id = `rIdCt${n}`;
    if (!ids.has(id)) {
      ids.add(id);
      return id;
    }
  }
}

/**
 * Graft our summary sheets (or, with `specs` null, keep the ones there) and the record into the
 * package. Nothing of the user's is removed or rewritten: only our previous parts (by their mark)
 * go. Returns the changed parts for `buildPackage`.
 */
export async function graftSummary(pkg: PartReader, specs: readonly SheetSpec[] | null, record: MetaRecord, options: GraftOptions = {}): Promise<GraftResult> {
  const wb = await readWorkbookParts(pkg);
  await markedSheets(pkg, wb);
  const legacy = new Set(specs === null ? [] : (options.legacySummaries ?? []));
  const isOurSummary = (s: SheetEntry) =>
    (s.mark !== null && s.mark.value !== RECORD_MARK) || (s.mark === null && !s.legacyRecord && s.part !== null && legacy.has(s.name));
  const isRecord = (s: SheetEntry) => (s.mark !== null && s.mark.value === RECORD_MARK) || s.legacyRecord;
  const ours = (s: SheetEntry) => isRecord(s) || (specs !== null && isOurSummary(s));
  const userSheets = wb.sheets.filter((s) => !isRecord(s) && !isOurSummary(s));
  const keptSummaries = specs === null ? wb.sheets.filter((s) => s.mark !== null && isOurSummary(s)) : [];
  const names =
    specs === null
      ? []
      : planSheetNames(
          specs.map((s) => s.name),
          wb.sheets.filter((s) => !isRecord(s)).map((s) => ({ name: s.name, ours: isOurSummary(s) })),
        );
  const recordName = recordSheetName([...userSheets, ...keptSummaries].map((s) => s.name));

  const parts = new Map<string, string | Uint8Array | null>();
  const removed = await partsToRemove(
    pkg,
    wb.sheets
      .filter(ours)
      .map((s) => s.part)
      .filter((p): p is string => p !== null),
  );
  // Removed entries by the zip's own spelling; paths compared without case, as OPC does.
  for (const p of removed) parts.set(pkg.entryName?.(p) ?? p, null);
  const gone = new Set([...removed].map((p) => p.toLowerCase()));
  const taken = new Set(pkg.paths.map((p) => p.toLowerCase()).filter((p) => !gone.has(p)));
  const contentTypes: { part: string; type: string }[] = [];
  const wbRelIds = new Set(wb.rels.map((r) => r.id).filter((id) => !wb.sheets.some((s) => ours(s) && s.relId === id)));
  const newSheets: { name: string; relId: string; state: string | null }[] = [];
  const newRels: string[] = [];
  const written: WrittenSheet[] = [];
  const addPart = (path: string, content: string | Uint8Array, type: string | null) => {
    parts.set(path, content);
    taken.add(path.toLowerCase());
    if (type) contentTypes.push({ part: path, type });
  };
  const addMark = (sheetPart: string, value: string, relIds: Set<string>): { relId: string; rel: string } => {
    const markPart = freePath(taken, "xl/", "customProperty", ".bin");
    addPart(markPart, markBytes(value), CUSTOM_PROPERTY_TYPE);
    const relId = freeRelId(relIds);
    return { relId, rel: relXml(relId, CUSTOM_PROPERTY_REL, relativeTarget(sheetPart, markPart)) };
  };

  let stylesXml: string | null = null;
  const stylesRel = wb.rels.find((r) => r.type === STYLES_REL && !r.external);
  const stylesPath = stylesRel ? resolveTarget(wb.path, stylesRel.target) : null;

  if (specs !== null && specs.length > 0) {
    // Looks first (from the specs' structure), appended to the user's styles; then the rows, with the final indices.
    const reg = new StyleRegistry();
    const looks = specs.map((spec) => sheetStyles(spec, reg, rowsOf(spec).count));
    const user = stylesPath && pkg.has(stylesPath) ? await pkg.text(stylesPath) : null;
    const { xml, maps } = appendStyles(user, reg.xml());
    stylesXml = xml;
    const tablesNow = await tablesInUse(pkg, removed);
    // Table names share one namespace with the workbook's defined names.
    for (const dn of elements(wb.tags, "definedName")) tablesNow.names.add((attr(wb.xml.slice(dn.start, dn.tag.end), "name") ?? "").toLowerCase());
    let tableId = tablesNow.maxId;
    // The first summary sheet opens when the workbook was showing one of ours.
    const select = activatesOurs(wb, ours);

    for (let i = 0; i < specs.length; i++) {
      const spec = specs[i]!;
      const part = freePath(taken, "xl/worksheets/", "sheet", ".xml");
      const relIds = new Set<string>();
      const rels: string[] = [];
      const mark = addMark(part, spec.key, relIds);
      rels.push(mark.rel);
      let drawingRel: string | null = null;
      if ((spec.kind === "ranked" || spec.kind === "history") && hasChart(spec.chart)) {
        const chartPart = freePath(taken, "xl/charts/", "chart", ".xml");
        const drawingPart = freePath(taken, "xl/drawings/", "drawing", ".xml");
        addPart(chartPart, chartXml(spec.chart, names[i]!), CHART_TYPE);
        addPart(drawingPart, drawingXml(spec.chart, "rId1"), DRAWING_TYPE);
        addPart(relsPathOf(drawingPart), `${RELS_HEAD}${relXml("rId1", CHART_REL, relativeTarget(drawingPart, chartPart))}</Relationships>`, null);
        drawingRel = freeRelId(relIds);
        rels.push(relXml(drawingRel, DRAWING_REL, relativeTarget(part, drawingPart)));
      }
      let tableRel: string | null = null;
      if (spec.table) {
        // Names are workbook-wide: a user's table (or defined name) keeps its own, ours is numbered.
        let tname = spec.table.name;
        for (let n = 2; tablesNow.names.has(tname.toLowerCase()); n++) tname = `${spec.table.name}_${n}`;
        const table = tableXml(spec, tableId + 1, tname);
        if (table) {
          tableId++;
          tablesNow.names.add(tname.toLowerCase());
          const tablePart = freePath(taken, "xl/tables/", "table", ".xml");
          addPart(tablePart, table, TABLE_TYPE);
          tableRel = freeRelId(relIds);
          rels.push(relXml(tableRel, TABLE_REL, relativeTarget(part, tablePart)));
        }
      }
      addPart(
        part,
        summarySheetXml(spec, looks[i]!, maps.xf, { markRel: mark.relId, drawingRel, tableRel, selected: select && i === 0 }, markElement(mark.relId)),
        WORKSHEET_TYPE,
      );
      addPart(relsPathOf(part), `${RELS_HEAD}${rels.join("")}</Relationships>`, null);
      const relId = freeRelId(wbRelIds);
      newRels.push(relXml(relId, WORKSHEET_REL, relativeTarget(wb.path, part)));
      newSheets.push({ name: names[i]!, relId, state: null });
      written.push({ key: spec.key, name: names[i]! });
    }
  } else {
    for (const s of keptSummaries) written.push({ key: s.mark!.value, name: s.name });
  }

  // The record: which sheets are ours, and the saved choices.
  const recordPart = freePath(taken, "xl/worksheets/", "sheet", ".xml");
  const recordRelIds = new Set<string>();
  const recordMark = addMark(recordPart, RECORD_MARK, recordRelIds);
  const json = JSON.stringify({ ...record, summarySheets: written.map((w) => w.name) });
  addPart(recordPart, recordSheetXml(json, recordMark.relId), WORKSHEET_TYPE);
  addPart(relsPathOf(recordPart), `${RELS_HEAD}${recordMark.rel}</Relationships>`, null);
  const recordRelId = freeRelId(wbRelIds);
  newRels.push(relXml(recordRelId, WORKSHEET_REL, relativeTarget(wb.path, recordPart)));
  newSheets.push({ name: recordName, relId: recordRelId, state: "veryHidden" });

  // Styles: a workbook without a styles part gets ours.
  if (stylesXml !== null) {
    if (stylesPath && pkg.has(stylesPath)) parts.set(pkg.entryName?.(stylesPath) ?? stylesPath, stylesXml);
    else {
      const path = taken.has("xl/styles.xml") ? freePath(taken, "xl/", "styles", ".xml") : "xl/styles.xml";
      addPart(path, stylesXml, STYLES_TYPE);
      newRels.push(relXml(freeRelId(wbRelIds), STYLES_REL, relativeTarget(wb.path, path)));
    }
  }

  parts.set(pkg.entryName?.(wb.path) ?? wb.path, workbookXml(wb, ours, newSheets, written.length > 0 && specs !== null));
  parts.set(pkg.entryName?.(relsPathOf(wb.path)) ?? relsPathOf(wb.path), relsXml(wb, ours, newRels));
  const ct = await pkg.text("[Content_Types].xml");
  parts.set(pkg.entryName?.("[Content_Types].xml") ?? "[Content_Types].xml", contentTypesXml(ct, removed, contentTypes));
  return { written, recordSheet: recordName, changes: { parts } };
}

/** Whether the workbook's active tab is one of our sheets being replaced (or there is no active tab left). */
function activatesOurs(wb: WorkbookParts, ours: (s: SheetEntry) => boolean): boolean {
  const view = elements(wb.tags, "workbookView")[0];
  const active = view ? Number(attr(wb.xml.slice(view.start, view.tag.end), "activeTab") ?? 0) : 0;
  const s = wb.sheets[active];
  return !s || ours(s);
}

/** The workbook part: our old <sheet>s out, the new ones in, local names and views re-indexed. */
function workbookXml(
  wb: WorkbookParts,
  ours: (s: SheetEntry) => boolean,
  added: readonly { name: string; relId: string; state: string | null }[],
  activate: boolean,
): string {
  const { xml, tags: list } = wb;
  const edits: { start: number; end: number; text: string }[] = [];
  // Old index → new index (our removed sheets → -1); ours come after the user's.
  const index: number[] = [];
  let n = 0;
  for (const s of wb.sheets) index.push(ours(s) ? -1 : n++);
  const kept = n;
  for (const s of wb.sheets) if (ours(s)) edits.push({ start: s.start, end: s.end, text: "" });
  const sheetsEl = elements(list, "sheets", 1)[0];
  if (!sheetsEl) throw new Error("workbook part has no sheets");
  const root = list.find((t) => t.depth === 0 && t.kind !== "close")!;
  const rootText = xml.slice(root.start, root.end);
  const rPrefix = prefixOf(rootText, REL_NS);
  const q = sheetsEl.tag.prefix ? sheetsEl.tag.prefix + ":" : "";
  const rAttr = (id: string) => (rPrefix ? `${rPrefix}:id="${escapeAttr(id)}"` : `xmlns:r="${REL_NS}" r:id="${escapeAttr(id)}"`);
  let sheetId = Math.max(0, ...wb.sheets.filter((s) => !ours(s)).map((s) => s.sheetId));
  const body = added
    .map((a) => `<${q}sheet name="${escapeAttr(a.name)}" sheetId="${++sheetId}"${a.state ? ` state="${a.state}"` : ""} ${rAttr(a.relId)}/>`)
    .join("");
  if (sheetsEl.tag.kind === "empty")
    edits.push({ start: sheetsEl.start, end: sheetsEl.end, text: `${xml.slice(sheetsEl.start, sheetsEl.end - 2)}>${body}</${q}sheets>` });
  else edits.push({ start: sheetsEl.innerEnd, end: sheetsEl.innerEnd, text: body });
  // Names local to a sheet follow it; those of a removed sheet of ours go with it.
  for (const dn of elements(list, "definedName")) {
    const open = xml.slice(dn.start, dn.tag.end);
    const local = attr(open, "localSheetId");
    if (local === undefined) continue;
    const to = index[Number(local)];
    if (to === undefined) continue;
    if (to < 0) edits.push({ start: dn.start, end: dn.end, text: "" });
    else if (to !== Number(local)) edits.push({ start: dn.start, end: dn.tag.end, text: setAttr(open, "localSheetId", String(to)) });
  }
  for (const v of elements(list, "workbookView")) {
    let open = xml.slice(v.start, v.tag.end);
    const before = open;
    const active = Number(attr(open, "activeTab") ?? 0);
    const newActive = index[active] === undefined || index[active]! < 0 ? (activate ? kept : 0) : index[active]!;
    if (newActive !== 0 || attr(open, "activeTab") !== undefined) open = setAttr(open, "activeTab", String(newActive));
    const first = attr(open, "firstSheet");
    if (first !== undefined) {
      const f = index[Number(first)];
      open = f === undefined || f < 0 ? removeAttr(open, "firstSheet") : setAttr(open, "firstSheet", String(f));
    }
    if (open !== before) edits.push({ start: v.start, end: v.tag.end, text: open });
  }
  return splice(xml, edits);
}

/** The workbook's relationships: those of our old sheets out, the new ones in. */
function relsXml(wb: WorkbookParts, ours: (s: SheetEntry) => boolean, added: readonly string[]): string {
  const xml = wb.relsXml;
  const list = tags(xml);
  const gone = new Set(wb.sheets.filter(ours).map((s) => s.relId));
  const edits: { start: number; end: number; text: string }[] = [];
  for (const el of elements(list, "Relationship", 1))
    if (gone.has(attr(xml.slice(el.start, el.tag.end), "Id") ?? "")) edits.push({ start: el.start, end: el.end, text: "" });
  const root = elements(list, "Relationships", 0)[0]!;
  const prefix = root.tag.prefix;
  const body = withPrefix(added.join(""), prefix);
  if (root.tag.kind === "empty") edits.push({ start: root.start, end: root.end, text: `${xml.slice(root.start, root.end - 2)}>${body}</${root.tag.name}>` });
  else edits.push({ start: root.innerEnd, end: root.innerEnd, text: body });
  return splice(xml, edits);
}

/** Content types: overrides of removed parts out, ours in. */
function contentTypesXml(xml: string, removed: Set<string>, added: readonly { part: string; type: string }[]): string {
  const list = tags(xml);
  const root = elements(list, "Types", 0)[0]!;
  const adding = new Set(added.map((a) => a.part.toLowerCase()));
  const gone = new Set([...removed].map((p) => p.toLowerCase()));
  const edits: { start: number; end: number; text: string }[] = [];
  for (const el of children(list, root)) {
    if (el.tag.local !== "Override") continue;
    const part = (attr(xml.slice(el.start, el.tag.end), "PartName") ?? "").replace(/^\//, "").toLowerCase();
    if (gone.has(part) || adding.has(part)) edits.push({ start: el.start, end: el.end, text: "" });
  }
  const body = withPrefix(added.map((a) => `<Override PartName="/${escapeAttr(a.part)}" ContentType="${a.type}"/>`).join(""), root.tag.prefix);
  edits.push({ start: root.innerEnd, end: root.innerEnd, text: body });
  return splice(xml, edits);
}

/**
 * The output package: the original's entries with `changes` applied. Entries not changed are
 * carried over as they are (JSZip reuses an entry's compressed bytes when the method matches),
 * so their content is byte-identical; nothing else is inflated. The entry list is the original's
 * (folder entries it had included) plus the parts we add: no folder entry is made up, neither on
 * reading nor for a part we add (JSZip would add one per folder in the path by default).
 */
export async function buildPackage(original: Uint8Array, changes: PackageChanges): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(original, { createFolders: false });
  for (const [path, content] of changes.parts) {
    if (content === null) zip.remove(path);
    else zip.file(path, content, { createFolders: false });
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** A PartReader over a JSZip (tests, and until the package reader is in). */
export function zipReader(zip: JSZip): PartReader {
  const paths = Object.keys(zip.files).filter((p) => !zip.files[p]!.dir);
  return {
    paths,
    has: (p) => zip.file(p) !== null,
    text: (p) => {
      const f = zip.file(p);
      if (!f) return Promise.reject(new Error("no part " + p));
      return f.async("string");
    },
    bytes: (p) => {
      const f = zip.file(p);
      if (!f) return Promise.reject(new Error("no part " + p));
      return f.async("uint8array");
    },
  };
}
