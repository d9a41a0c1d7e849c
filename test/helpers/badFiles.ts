/**
 * Files that are not a readable .xlsx, built by code (no binary fixtures): a password-protected
 * workbook and an old .xls (compound files), an .ods, a .docx, a plain zip, text saved as .xlsx,
 * an empty file, a cut-short and a damaged .xlsx.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";

const SECTOR = 512;

/** One 128-byte directory entry of a compound file: the name in UTF-16LE, its length, its type (1 storage, 2 stream, 5 root). */
function dirEntry(name: string, type: 1 | 2 | 5): Uint8Array {
  const e = new Uint8Array(128);
  const v = new DataView(e.buffer);
  for (let i = 0; i < name.length; i++) v.setUint16(i * 2, name.charCodeAt(i), true);
  v.setUint16(64, (name.length + 1) * 2, true);
  e[66] = type;
  // No siblings or child (0xFFFFFFFF), as a flat directory has.
  for (const at of [68, 72, 76]) v.setUint32(at, 0xffffffff, true);
  return e;
}

/**
 * A compound file (OLE2/CFB, version 3) whose directory holds `streams`: the header, one FAT
 * sector and one directory sector, as Excel writes an encrypted package (EncryptionInfo,
 * EncryptedPackage) or a 97–2003 workbook (Workbook).
 */
export function compoundFile(streams: readonly string[]): Uint8Array {
  const b = new Uint8Array(SECTOR * 3);
  const v = new DataView(b.buffer);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  v.setUint16(0x18, 0x3e, true); // minor version
  v.setUint16(0x1a, 3, true); // major version 3: 512-byte sectors
  v.setUint16(0x1c, 0xfffe, true); // byte order
  v.setUint16(0x1e, 9, true); // sector shift
  v.setUint16(0x20, 6, true); // mini sector shift
  v.setUint32(0x2c, 1, true); // FAT sectors
  v.setUint32(0x30, 1, true); // first directory sector
  v.setUint32(0x38, 0x1000, true); // mini stream cutoff
  v.setUint32(0x3c, 0xfffffffe, true); // no mini FAT
  v.setUint32(0x44, 0xfffffffe, true); // no DIFAT sectors
  v.setUint32(0x4c, 0, true); // the FAT is sector 0
  for (let i = 1; i < 109; i++) v.setUint32(0x4c + i * 4, 0xffffffff, true);
  // FAT (sector 0, at 512): sector 0 is the FAT, sector 1 the directory's end of chain.
  v.setUint32(SECTOR, 0xfffffffd, true);
  v.setUint32(SECTOR + 4, 0xfffffffe, true);
  for (let i = 2; i < 128; i++) v.setUint32(SECTOR + i * 4, 0xffffffff, true);
  // Directory (sector 1, at 1024): the root, then the streams (4 entries per sector).
  const entries = [dirEntry("Root Entry", 5), ...streams.slice(0, 3).map((s) => dirEntry(s, 2))];
  entries.forEach((e, i) => b.set(e, SECTOR * 2 + i * 128));
  return b;
}

/** A password-protected .xlsx as Excel saves it: an encrypted package inside a compound file. */
export const encryptedXlsx = (): Uint8Array => compoundFile(["EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"]);

/** An Excel 97–2003 workbook (.xls): a compound file with a "Workbook" stream. */
export const oldXls = (): Uint8Array => compoundFile(["Workbook", "\u0005SummaryInformation"]);

/** A Word 97–2003 document (.doc). */
export const oldDoc = (): Uint8Array => compoundFile(["WordDocument", "1Table"]);

async function zip(parts: Record<string, string>, first?: [string, string]): Promise<Uint8Array> {
  const z = new JSZip();
  // An OpenDocument file's "mimetype" comes first, stored uncompressed.
  if (first) z.file(first[0], first[1], { compression: "STORE" });
  for (const [name, text] of Object.entries(parts)) z.file(name, text);
  return z.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** An OpenDocument spreadsheet (.ods). */
export const ods = (): Promise<Uint8Array> =>
  zip({ "content.xml": "<office:document-content/>", "META-INF/manifest.xml": "<manifest:manifest/>" }, [
    "mimetype",
    "application/vnd.oasis.opendocument.spreadsheet",
  ]);

/** A Word document (.docx). */
export const docx = (): Promise<Uint8Array> =>
  zip({
    "[Content_Types].xml":
      '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    "_rels/.rels": "<Relationships/>",
    "word/document.xml": "<w:document/>",
  });

/** A zip of something else. */
export const plainZip = (): Promise<Uint8Array> => zip({ "bao-cao/ghi-chu.txt": "Số liệu tháng 10" });

/** An .xlsx package whose workbook part is damaged (no sheets can be read from it). */
export const damagedXlsx = (): Promise<Uint8Array> =>
  zip({
    "[Content_Types].xml": "<Types/>",
    "_rels/.rels": "<Relationships/>",
    "xl/workbook.xml": "<workbook><sheets><sheet name=",
  });

/** A real .xlsx (one sheet), as bytes. */
export async function realXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Kế hoạch");
  ws.addRow(["STT", "Đơn vị", "BHYT"]);
  for (let i = 1; i <= 40; i++) ws.addRow([i, `Xã ${i}`, 1000 + i]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A real .xlsx cut short, as an unfinished download leaves it. */
export async function truncatedXlsx(): Promise<Uint8Array> {
  const full = await realXlsx();
  return full.slice(0, Math.floor(full.length * 0.6));
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A CSV saved under a workbook's name (UTF-8 with a byte-order mark, as Excel writes "CSV UTF-8"). */
export const csvText = (): Uint8Array => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("STT,Đơn vị,BHYT\r\n1,Xã A,5000\r\n2,Xã B,4200\r\n")]);

/** A CSV in UTF-16LE (Excel's "Unicode Text", tab-separated). */
export function utf16Text(): Uint8Array {
  const s = "STT\tĐơn vị\tBHYT\r\n1\tXã A\t5000\r\n";
  const b = new Uint8Array(2 + s.length * 2);
  b[0] = 0xff;
  b[1] = 0xfe;
  for (let i = 0; i < s.length; i++) [b[2 + i * 2], b[3 + i * 2]] = [s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8];
  return b;
}

/** A web page saved as .xls/.xlsx, as many programs export "Excel" files. */
export const htmlExport = (): Uint8Array =>
  utf8(
    '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\n<body><table><tr><td>STT</td><td>Đơn vị</td></tr></table></body></html>\n',
  );

/** Excel 2003's XML spreadsheet. */
export const xmlSpreadsheet = (): Uint8Array =>
  utf8(
    '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="KH"/></Workbook>\n',
  );

/** A PDF. */
export const pdf = (): Uint8Array => utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
