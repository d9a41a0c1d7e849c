/**
 * Our sheets' styles appended to the workbook's own styles part, never replacing one of the user's.
 * The scratch workbook exceljs lays our sheets out in has its own styles.xml; each of its number
 * formats, fonts, fills, borders, cell formats (xf) and differential formats (dxf) is looked for,
 * as written, among the user's — the same XML is the same look, so it is reused — and appended
 * when absent. A second run finds the entries the first one appended and appends nothing: the
 * styles part does not grow run after run. The scratch's defaults (font 0, fills 0 and 1, border 0,
 * xf 0) are the user's defaults: our unformatted cells look like the user's unformatted cells.
 */
import { Element, Tag, attr, children, elements, escapeAttr, setAttr, splice, tags, withPrefix } from "./xmlEdit";

/** Scratch index → index in the merged styles part. */
export interface StyleMaps {
  readonly xf: readonly number[];
  readonly dxf: readonly number[];
}

/** The order of a styleSheet's sections (CT_Stylesheet), to insert one that is missing. */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

interface Section {
  readonly el: Element | null;
  /** Each child's XML as written. */
  readonly items: string[];
}

function section(xml: string, list: readonly Tag[], name: string): Section {
  const el = elements(list, name, 1)[0] ?? null;
  return { el, items: el ? children(list, el).map((c) => xml.slice(c.start, c.end)) : [] };
}

/** An element's XML with its prefix dropped, for comparing ours (unprefixed) with a user's. */
function unprefixed(s: string, prefix: string): string {
  return prefix ? s.replace(new RegExp(`<(/?)${prefix}:`, "g"), "<$1") : s;
}

/**
 * Append the scratch styles to the user's styles part. `user` null: the workbook has none, and the
 * scratch's part is taken as it is. Returns the new part and the index maps for `s="…"` and `dxfId`.
 */
export function appendStyles(user: string | null, scratch: string): { xml: string; maps: StyleMaps } {
  const sl = tags(scratch);
  const s = {
    numFmts: section(scratch, sl, "numFmts"),
    fonts: section(scratch, sl, "fonts"),
    fills: section(scratch, sl, "fills"),
    borders: section(scratch, sl, "borders"),
    cellXfs: section(scratch, sl, "cellXfs"),
    dxfs: section(scratch, sl, "dxfs"),
  };
  if (user === null) return { xml: scratch, maps: { xf: s.cellXfs.items.map((_, i) => i), dxf: s.dxfs.items.map((_, i) => i) } };

  const ul = tags(user);
  const root = ul.find((t) => t.depth === 0 && t.kind !== "close");
  if (!root || root.local !== "styleSheet") throw new Error("styles part has no styleSheet");
  const prefix = root.prefix;
  const u: Record<string, Section> = {};
  for (const name of ORDER) u[name] = section(user, ul, name);
  const edits: { start: number; end: number; text: string }[] = [];
  const added: Record<string, string[]> = {};

  /** Index of `item` among the user's entries of `name` (its own plus those appended now), appending it when absent. */
  // The user's entries by their XML (the first of equal ones): a workbook may hold tens of thousands of xfs.
  const index: Record<string, Map<string, number>> = {};
  const place = (name: string, item: string): number => {
    const own = u[name]!.items;
    const more = (added[name] ??= []);
    let byXml = index[name];
    if (!byXml) {
      byXml = index[name] = new Map();
      for (let i = own.length - 1; i >= 0; i--) byXml.set(unprefixed(own[i]!, prefix), i);
    }
    const k = byXml.get(item);
    if (k !== undefined) return k;
    const j = more.indexOf(item);
    if (j >= 0) return own.length + j;
    more.push(item);
    return own.length + more.length - 1;
  };

  // Number formats: the same format code keeps the user's id; a new one gets an id ≥ 164 no one uses.
  const numFmt = new Map<number, number>();
  const userCodes = new Map<string, number>();
  let nextId = 163;
  for (const item of u.numFmts!.items) {
    const id = Number(attr(item, "numFmtId"));
    const code = attr(item, "formatCode");
    if (code !== undefined && !userCodes.has(code)) userCodes.set(code, id);
    if (id > nextId) nextId = id;
  }
  for (const item of s.numFmts.items) {
    const id = Number(attr(item, "numFmtId"));
    const code = attr(item, "formatCode") ?? "";
    let to = userCodes.get(code);
    if (to === undefined) {
      to = ++nextId;
      userCodes.set(code, to);
      (added.numFmts ??= []).push(`<numFmt numFmtId="${to}" formatCode="${escapeAttr(code)}"/>`);
    }
    numFmt.set(id, to);
  }
  // Defaults map onto the user's defaults when the user has them.
  const mapOf = (name: "fonts" | "fills" | "borders", defaults: number): number[] =>
    s[name].items.map((item, i) => (i < defaults && u[name]!.items.length >= defaults ? i : place(name, item)));
  // A font of ours that names no typeface or size (a highlight sets colour and weight only) takes the
  // user's default ones, so a highlighted row is in the same type as the rows around it.
  const base = u.fonts!.items[0] ? unprefixed(u.fonts!.items[0], prefix) : "";
  const inherit = (base.match(/<(sz|name|family|charset|scheme)\b[^>]*\/>/g) ?? []).join("");
  if (inherit)
    s.fonts.items.forEach((f, i) => {
      if (i > 0 && !/<(sz|name)\b/.test(f)) s.fonts.items[i] = f.replace(/<\/font>$/, `${inherit}</font>`);
    });
  const font = mapOf("fonts", 1);
  const fill = mapOf("fills", 2);
  const border = mapOf("borders", 1);
  const xf = s.cellXfs.items.map((item, i) => {
    if (i === 0 && u.cellXfs!.items.length > 0) return 0;
    const open = /^<[^>]*>/.exec(item)![0];
    let tag = open;
    const n = (a: string) => Number(attr(open, a) ?? "0");
    if (attr(open, "numFmtId") !== undefined) tag = setAttr(tag, "numFmtId", String(numFmt.get(n("numFmtId")) ?? n("numFmtId")));
    if (attr(open, "fontId") !== undefined) tag = setAttr(tag, "fontId", String(font[n("fontId")] ?? 0));
    if (attr(open, "fillId") !== undefined) tag = setAttr(tag, "fillId", String(fill[n("fillId")] ?? 0));
    if (attr(open, "borderId") !== undefined) tag = setAttr(tag, "borderId", String(border[n("borderId")] ?? 0));
    if (attr(open, "xfId") !== undefined) tag = setAttr(tag, "xfId", "0");
    return place("cellXfs", tag + item.slice(open.length));
  });
  const dxf = s.dxfs.items.map((item) => place("dxfs", item));

  // Write the appended entries into their sections (a missing section is made, in its place).
  for (const name of ORDER) {
    const more = added[name];
    if (!more || more.length === 0) continue;
    const sec = u[name]!;
    const body = more.map((m) => withPrefix(m, prefix)).join("");
    const count = sec.items.length + more.length;
    const q = prefix ? prefix + ":" : "";
    if (sec.el) {
      const open = user.slice(sec.el.start, sec.el.tag.end);
      if (sec.el.tag.kind === "empty") {
        edits.push({ start: sec.el.start, end: sec.el.end, text: `${setAttr(open.slice(0, -2) + ">", "count", String(count))}${body}</${q}${name}>` });
      } else {
        edits.push({ start: sec.el.start, end: sec.el.tag.end, text: setAttr(open, "count", String(count)) });
        edits.push({ start: sec.el.innerEnd, end: sec.el.innerEnd, text: body });
      }
    } else {
      const later = ORDER.slice(ORDER.indexOf(name) + 1)
        .map((n) => u[n]!.el)
        .find((e): e is Element => e !== null);
      const at = later ? later.start : ul.filter((t) => t.depth === 0 && t.kind === "close").pop()!.start;
      edits.push({ start: at, end: at, text: `<${q}${name} count="${count}">${body}</${q}${name}>` });
    }
  }
  return { xml: edits.length > 0 ? splice(user, edits) : user, maps: { xf, dxf } };
}
