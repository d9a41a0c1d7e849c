/**
 * Packages built by hand for the reader's tests: a raw zip writer (stored or deflated
 * entries, any declared size), a minimal workbook from sheet XML, and three pathological
 * files a bounded reader must survive — a whole-column merge, a 1 GB zero-filled image in a ~1 MB zip, and a
 * million-row sheet the tool does not need — made cheaply (the image's deflate stream is one
 * block repeated; the big sheet's XML is streamed through zlib, never held whole).
 */
import * as zlib from "node:zlib";

export interface RawEntry {
  readonly name: string;
  /** Uncompressed bytes (deflated here unless `stored`). */
  readonly data?: Uint8Array | string;
  /** Already-deflated bytes with their uncompressed size and CRC. */
  readonly deflated?: { readonly bytes: Uint8Array; readonly size: number; readonly crc: number };
  readonly stored?: boolean;
  /** Declare this uncompressed size instead of the true one (a lying header). */
  readonly declareSize?: number;
}

const enc = new TextEncoder();
const bytesOf = (d: Uint8Array | string): Uint8Array => (typeof d === "string" ? enc.encode(d) : d);

/** A zip of these entries (no zip64: each under 4 GB). */
export function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    let method: number;
    let body: Uint8Array;
    let size: number;
    let crc: number;
    if (e.deflated) {
      method = 8;
      body = e.deflated.bytes;
      size = e.deflated.size;
      crc = e.deflated.crc;
    } else {
      const data = bytesOf(e.data ?? "");
      size = data.length;
      crc = zlib.crc32(data);
      method = e.stored ? 0 : 8;
      body = e.stored ? data : zlib.deflateRawSync(data);
    }
    const declared = e.declareSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0, 10);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(declared >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, Buffer.from(body.buffer, body.byteOffset, body.length));
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt32LE(0, 12);
    cd.writeUInt32LE(crc >>> 0, 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(declared >>> 0, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += 30 + name.length + body.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, ...central, end]));
}

export interface SheetXml {
  readonly name: string;
  /** The whole part's XML, or its deflated form for big sheets. */
  readonly xml?: string;
  readonly deflated?: RawEntry["deflated"];
  readonly state?: "hidden" | "veryHidden";
  /** The sheet's relationships part, if any. */
  readonly rels?: string;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const RELNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A worksheet part from its sheetData rows (and what follows sheetData). */
export function worksheetXml(rows: string, after = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><sheetData>${rows}</sheetData>${after}</worksheet>`;
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A whole package: these sheets, optional shared strings and styles, and extra entries. */
export function packageOf(o: {
  sheets: readonly SheetXml[];
  sharedStrings?: readonly string[] | string;
  styles?: string;
  date1904?: boolean;
  extra?: readonly RawEntry[];
  extraDefaults?: string;
}): Uint8Array {
  const entries: RawEntry[] = [];
  const overrides = o.sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join("");
  entries.push({
    name: "[Content_Types].xml",
    data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${o.extraDefaults ?? ""}<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}${o.sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ""}${o.styles ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' : ""}</Types>`,
  });
  entries.push({
    name: "_rels/.rels",
    data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELNS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  });
  const sheets = o.sheets
    .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`)
    .join("");
  entries.push({
    name: "xl/workbook.xml",
    data: `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}>${o.date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets>${sheets}</sheets></workbook>`,
  });
  const n = o.sheets.length;
  const rels = o.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${RELNS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("");
  entries.push({
    name: "xl/_rels/workbook.xml.rels",
    data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}${o.sharedStrings ? `<Relationship Id="rId${n + 1}" Type="${RELNS}/sharedStrings" Target="sharedStrings.xml"/>` : ""}${o.styles ? `<Relationship Id="rId${n + 2}" Type="${RELNS}/styles" Target="styles.xml"/>` : ""}</Relationships>`,
  });
  o.sheets.forEach((s, i) => {
    entries.push(
      s.deflated
        ? { name: `xl/worksheets/sheet${i + 1}.xml`, deflated: s.deflated }
        : { name: `xl/worksheets/sheet${i + 1}.xml`, data: s.xml ?? worksheetXml("") },
    );
    if (s.rels) entries.push({ name: `xl/worksheets/_rels/sheet${i + 1}.xml.rels`, data: s.rels });
  });
  if (o.sharedStrings) {
    const xml =
      typeof o.sharedStrings === "string"
        ? o.sharedStrings
        : `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${o.sharedStrings.length}" uniqueCount="${o.sharedStrings.length}">${o.sharedStrings.map((t) => `<si><t xml:space="preserve">${escapeXml(t)}</t></si>`).join("")}</sst>`;
    entries.push({ name: "xl/sharedStrings.xml", data: xml });
  }
  if (o.styles) entries.push({ name: "xl/styles.xml", data: o.styles });
  entries.push(...(o.extra ?? []));
  return rawZip(entries);
}

/** A styles part with these custom number formats (id ≥ 164) and cell formats (numFmtId per xf). */
export function stylesXml(numFmts: readonly { id: number; code: string }[], xfNumFmts: readonly number[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="${numFmts.length}">${numFmts
    .map((f) => `<numFmt numFmtId="${f.id}" formatCode="${escapeXml(f.code)}"/>`)
    .join(
      "",
    )}</numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfNumFmts.length}">${xfNumFmts
    .map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ""}/>`)
    .join("")}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
}

// ---- three pathological files ----------------------------------------------------------

const TABLE_ROWS = `<row r="1"><c r="A1" t="inlineStr"><is><t>BÁO CÁO THỰC HIỆN</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>Đơn vị</t></is></c><c r="B3" t="inlineStr"><is><t>Thực hiện</t></is></c></row>`;

/** ~7.5 KB: a small table and a merge over the whole of column A (A1:A1048576). */
export function wholeColumnMergeXlsx(): Uint8Array {
  let rows = TABLE_ROWS;
  for (let r = 4; r <= 40; r++)
    rows += `<row r="${r}"><c r="B${r}" t="inlineStr"><is><t>Huyện số ${r - 3}</t></is></c><c r="C${r}"><v>${1000 + r * 7}</v></c></row>`;
  return packageOf({ sheets: [{ name: "Thực hiện", xml: worksheetXml(rows, '<mergeCells count="1"><mergeCell ref="A1:A1048576"/></mergeCells>') }] });
}

/** A deflate stream of `size` zero bytes, made from one block repeated (cheap for any size). */
export function zeroDeflate(size: number): { bytes: Uint8Array; size: number; crc: number } {
  const BLOCK = 1 << 20;
  if (size % BLOCK !== 0) throw new Error("size must be whole MB");
  const zeros = Buffer.alloc(BLOCK);
  const block = zlib.deflateRawSync(zeros, { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const tail = zlib.deflateRawSync(Buffer.alloc(0));
  const n = size / BLOCK;
  const out = Buffer.alloc(block.length * n + tail.length);
  for (let i = 0; i < n; i++) block.copy(out, i * block.length);
  tail.copy(out, n * block.length);
  let crc = 0;
  for (let i = 0; i < n; i++) crc = zlib.crc32(zeros, crc);
  return { bytes: new Uint8Array(out.buffer, out.byteOffset, out.length), size, crc };
}

/** ~1 MB zip: a small workbook with a 1 GB zero-filled image part (xl/media/image1.png). */
export function hugeImageXlsx(size = 1024 * 1024 * 1024): Uint8Array {
  return packageOf({
    sheets: [
      { name: "Thực hiện", xml: worksheetXml(TABLE_ROWS + `<row r="4"><c r="A4" t="inlineStr"><is><t>Huyện A</t></is></c><c r="B4"><v>1200</v></c></row>`) },
    ],
    extraDefaults: '<Default Extension="png" ContentType="image/png"/>',
    extra: [{ name: "xl/media/image1.png", deflated: zeroDeflate(size) }],
  });
}

/**
 * A workbook of a small plan and actuals and a third sheet of `rows` rows × 8 random numbers
 * ("Dữ liệu gốc", the tool does not need it): at a million rows ~60 MB zipped. The big sheet's
 * XML is made and deflated in slices, never held whole.
 */
export function millionRowXlsx(rows = 1_000_000, seed = 7): Uint8Array {
  let s = seed >>> 0;
  const rand = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s;
  };
  // Each slice deflated on its own with a full flush (independent, non-final blocks), so the
  // concatenation is one deflate stream; a final empty block closes it.
  const parts: Buffer[] = [];
  let size = 0;
  let crc = 0;
  const push = (text: string) => {
    const b = Buffer.from(text, "utf8");
    size += b.length;
    crc = zlib.crc32(b, crc);
    parts.push(zlib.deflateRawSync(b, { level: 1, finishFlush: zlib.constants.Z_FULL_FLUSH }));
  };
  push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><dimension ref="A1:H${rows}"/><sheetData>`);
  const SLICE = 20_000;
  for (let start = 1; start <= rows; start += SLICE) {
    let text = "";
    for (let r = start; r < Math.min(rows + 1, start + SLICE); r++) {
      text += `<row r="${r}">`;
      for (let c = 0; c < 8; c++) text += `<c r="${String.fromCharCode(65 + c)}${r}"><v>${rand() % 1000000}.${rand() % 1000}</v></c>`;
      text += "</row>";
    }
    push(text);
  }
  push(`</sheetData></worksheet>`);
  parts.push(zlib.deflateRawSync(Buffer.alloc(0)));
  const deflated = Buffer.concat(parts);
  const plan = TABLE_ROWS + `<row r="4"><c r="A4" t="inlineStr"><is><t>Huyện A</t></is></c><c r="B4"><v>1200</v></c></row>`;
  return packageOf({
    sheets: [
      { name: "Kế hoạch", xml: worksheetXml(plan) },
      { name: "Thực hiện", xml: worksheetXml(plan) },
      { name: "Dữ liệu gốc", deflated: { bytes: new Uint8Array(deflated.buffer, deflated.byteOffset, deflated.length), size, crc } },
    ],
  });
}
