/**
 * How a sheet in a package is known to be ours: a worksheet custom property named SHEET_MARK (the
 * Office adapter sets the same one through ExcelApi 1.12), i.e. `<customProperties><customPr
 * name="ChiTieuSummary" r:id="…"/></customProperties>` in the sheet's XML and a customProperty
 * part holding its value (UTF-16LE, as Excel writes it): the spec key of a summary sheet, or
 * RECORD_MARK for the very hidden sheet that holds the record. Never a name: a user's sheet with
 * our sheet's name is the user's.
 */
import { SHEET_MARK } from "../officeRules";
import { attr, parseRels, relsPathOf, resolveTarget, tags } from "./xmlEdit";

export { SHEET_MARK };

/** The mark's value on the sheet that holds our record of sheets and choices. */
export const RECORD_MARK = "record";

export const CUSTOM_PROPERTY_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customProperty";
export const CUSTOM_PROPERTY_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.customProperty";

/** The record sheet's name unless a sheet of the user's holds it (compared without case). */
export const RECORD_SHEET = "_ChiTieu";

/** The customProperty part's bytes for a mark value: UTF-16LE, no byte order mark. */
export function markBytes(value: string): Uint8Array {
  const out = new Uint8Array(value.length * 2);
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    out[2 * i] = c & 0xff;
    out[2 * i + 1] = c >> 8;
  }
  return out;
}

/** A mark value from a customProperty part's bytes (UTF-16LE; a trailing NUL ignored). */
export function markValue(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode(bytes[i]! | (bytes[i + 1]! << 8));
  // Excel may end the value with NULs.
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u0000+$/, "");
}

/** The `<customProperties>` element marking a sheet, its customPr pointing at relationship `relId`. */
export function markElement(relId: string): string {
  return `<customProperties><customPr name="${SHEET_MARK}" r:id="${relId}"/></customProperties>`;
}

/**
 * A free record sheet name: RECORD_SHEET, or "RECORD_SHEET (2)" … when a sheet not ours holds it
 * (Excel compares names without case).
 */
export function recordSheetName(userSheetNames: readonly string[]): string {
  const taken = new Set(userSheetNames.map((n) => n.toLowerCase()));
  let name = RECORD_SHEET;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${RECORD_SHEET} (${n})`;
  return name;
}

/** What graft needs from a package: its entries and their content, inflated on demand. */
export interface PartReader {
  /** Every entry name in the package (no leading slash). */
  readonly paths: readonly string[];
  has(path: string): boolean;
  text(path: string): Promise<string>;
  bytes(path: string): Promise<Uint8Array>;
  /** The entry's name as the zip spells it (part names are case-insensitive), when the reader knows. */
  entryName?(path: string): string | null;
}

export interface MarkedSheet {
  /** The sheet's part (xl/worksheets/sheet3.xml). */
  readonly part: string;
  /** The mark's value: a spec key or RECORD_MARK. */
  readonly value: string;
  /** The customProperty part that holds the value. */
  readonly markPart: string;
}

/** A reader that can also inflate a part chunk by chunk (XlsxPackage), never holding it whole. */
interface StreamingReader extends PartReader {
  stream(path: string, sink: (chunk: Uint8Array) => boolean | void): Promise<{ bytes: number; stopped: boolean }>;
}

const CUSTOM_PROPERTIES_OPEN = /<(?:[\w.-]+:)?customProperties[\s>]/;
const CUSTOM_PROPERTIES_CLOSE = /<\/(?:[\w.-]+:)?customProperties\s*>/;

/**
 * The sheet XML from its `<customProperties>` to the end of that element (it sits after sheetData,
 * so a large sheet is streamed through, only a small window of its text kept), or null.
 */
export async function customPropertiesXml(pkg: PartReader, part: string): Promise<string | null> {
  if (!("stream" in pkg) || typeof (pkg as StreamingReader).stream !== "function") {
    const xml = await pkg.text(part);
    const at = CUSTOM_PROPERTIES_OPEN.exec(xml);
    return at ? xml.slice(at.index) : null;
  }
  let decoder: TextDecoder | null = null;
  let window = "";
  let found: string | null = null;
  await (pkg as StreamingReader).stream(part, (chunk) => {
    if (!decoder)
      decoder = new TextDecoder(chunk[0] === 0xff && chunk[1] === 0xfe ? "utf-16le" : chunk[0] === 0xfe && chunk[1] === 0xff ? "utf-16be" : "utf-8");
    const text = decoder.decode(chunk, { stream: true });
    if (found === null) {
      window += text;
      const at = CUSTOM_PROPERTIES_OPEN.exec(window);
      if (at) found = window.slice(at.index);
      // Keep only a tail long enough to hold a split opening tag.
      else window = window.slice(-64);
    } else found += text;
    // Stop at its end (or past 1 MB of it: no sheet of ours has that many properties).
    return !(found !== null && (CUSTOM_PROPERTIES_CLOSE.test(found) || found.length > 1 << 20));
  });
  return found;
}

/**
 * The mark of a sheet part, or null. Only a sheet whose relationships include a customProperty
 * can carry one, so the sheet XML (possibly large) is read only for those.
 */
export async function sheetMark(pkg: PartReader, part: string): Promise<MarkedSheet | null> {
  const relsPath = relsPathOf(part);
  if (!pkg.has(relsPath)) return null;
  const rels = parseRels(await pkg.text(relsPath)).filter((r) => r.type === CUSTOM_PROPERTY_REL && !r.external);
  if (rels.length === 0 || !pkg.has(part)) return null;
  const tail = await customPropertiesXml(pkg, part);
  if (tail === null) return null;
  for (const t of tags(tail)) {
    if (t.local !== "customPr" || t.kind === "close") continue;
    const text = tail.slice(t.start, t.end);
    if (attr(text, "name") !== SHEET_MARK) continue;
    const id = /\s[\w.-]+:id\s*=\s*["']([^"']*)["']/.exec(text)?.[1];
    const rel = rels.find((r) => r.id === id);
    if (!rel) continue;
    const markPart = resolveTarget(part, rel.target);
    if (!pkg.has(markPart)) continue;
    return { part, value: markValue(await pkg.bytes(markPart)), markPart };
  }
  return null;
}
