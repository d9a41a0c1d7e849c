/**
 * Messages of the files area: reading a workbook file (the CLI's src/cli/files.ts, the preview,
 * src/workbook/fileErrors.ts tells what a file that is no .xlsx is), writing the result file, and
 * the adapters' own (a sheet gone, Excel refusing a read or a write, the saved choices). Each says
 * what the file is, and what to do in Excel's own words ("Tệp › Lưu Như", "Sổ làm việc Excel (*.xlsx)").
 */
import type { SheetRole } from "../roles";
import type { Say, Texts } from "./types";
import { sheetRoleWord } from "./words";

/** Bytes as whole megabytes (MiB, as file managers count them), at least 1. */
function megabytes(bytes: number): number {
  return Math.max(1, Math.round(bytes / (1024 * 1024)));
}

/** What a file that is no workbook we can read turned out to be, from its first bytes. */
export type NotWorkbookKind = "docx" | "doc" | "pptx" | "ppt" | "xlsb" | "opendocument" | "archive" | "pdf" | "image" | "excel-lock" | "unknown";

/** A text file saved under a workbook's name: comma-separated values, a web page, Excel 2003's XML, or plain text. */
export type TextFileKind = "csv" | "html" | "xml" | "text";

/**
 * A part of a summary sheet's look that Excel may refuse while the figures are written (known
 * host bugs: office-js #2196, #2014, #3148): column widths and row heights, merged title cells
 * and wrapped text, the highlights, frozen header rows, the table with filter buttons, the chart.
 */
export type DecorationPart = "widths" | "merges" | "highlights" | "freeze" | "tables" | "charts";

export interface FilesParams {
  /** The input file does not exist. */
  "file-missing": { file: string };
  /** The input "file" is a folder. */
  "file-is-folder": { file: string };
  /** The input is no file on disk but a pipe (FIFO), a socket or a device (/dev/zero): reading it could wait or grow for ever. */
  "file-not-regular": { file: string; kind: "pipe" | "socket" | "device" | "other" };
  /** The input is larger than a workbook we read can be (`bytes` so far, `limit`). */
  "file-too-large": { file: string; bytes: number; limit: number };
  /** The input file could not be opened: no permission, locked by another program, or another system error (`detail`: its code). */
  "file-cannot-open": { file: string; reason: "denied" | "busy" | "other"; detail: string };
  /** The file has no bytes. */
  "file-empty": { file: string };
  /** A password-protected (encrypted) Excel workbook. */
  "file-encrypted": { file: string };
  /** An Excel 97–2003 workbook (.xls). */
  "file-xls": { file: string };
  /** An OpenDocument spreadsheet (.ods). */
  "file-ods": { file: string };
  /** Some other kind of file (a Word document, a zip, a PDF …). */
  "file-not-workbook": { file: string; kind: NotWorkbookKind };
  /** Text (CSV, HTML, XML) saved as a workbook. */
  "file-text": { file: string; kind: TextFileKind };
  /** An .xlsx that cannot be read: cut short (`truncated`) or damaged; `detail`: the reader's own words, for logs. */
  "file-corrupt": { file: string; truncated: boolean; detail: string };
  /** The output file is the input workbook. */
  "out-is-input": { file: string };
  /** The output file's name does not end in .xlsx. */
  "out-not-xlsx": { file: string };
  /** The output's extension does not match the workbook's kind: a workbook with macros must be written as .xlsm, one without as .xlsx (Excel refuses the other). */
  "out-wrong-extension": { file: string; want: "xlsx" | "xlsm" };
  /** The output file is an existing folder. */
  "out-is-folder": { file: string };
  /** The output's folder cannot be made: `folder` (or a folder above it) is a file. */
  "out-folder-blocked": { file: string; folder: string };
  /** The disk is full. */
  "out-disk-full": { file: string };
  /** No permission to write there, or a read-only disk. */
  "out-denied": { file: string };
  /** The output file is open in another program (Excel locks it). */
  "out-busy": { file: string };
  /** Any other failure to write (`detail`: the system's code or words). */
  "out-write-failed": { file: string; detail: string };
  /** A sheet the run asked for is not in the workbook (`where.sheet`); `have`: the sheets it has. */
  "sheet-not-in-workbook": { have: readonly string[] };
  /** A chart sheet given for a role (`where.sheet`); `worksheets`: the sheets that could be. */
  "chart-sheet-given": { role: SheetRole; worksheets: readonly string[] };
  /** Excel refused to send `sheets` even in small blocks. */
  "excel-read-too-large": { sheets: readonly string[] };
  /** Sheets renamed or deleted between detection and reading; `have`: the sheets now; `detail`: Excel's error. */
  "sheet-gone": { sheets: readonly string[]; have: readonly string[]; detail: string };
  /** Excel could not write the summary sheets; `cleaned`: the previous ones are as they were. */
  "excel-write-failed": { cleaned: boolean; detail: string };
  /** Excel stopped while our summary sheets were being rewritten in place, twice: `sheets` may be empty or half-written. */
  "excel-write-unfinished": { sheets: readonly string[]; detail: string };
  /** Excel refused a batch because the user is typing in a cell (cell-edit mode). */
  "excel-cell-edit": Record<string, never>;
  /** A warning: the figures are written but Excel refused one part of the sheets' look on `sheets`. */
  "excel-decoration-failed": { part: DecorationPart; sheets: readonly string[]; detail: string };
  /** A warning: Excel calculates manually and refused to calculate before the inputs were read. */
  "excel-manual-calculation": { detail: string };
  /** The choices to save are not valid (a bug: they come from the pane). */
  "settings-not-valid": Record<string, never>;
  /** The summary was written but the choices could not be saved in the workbook. */
  "settings-not-saved": { detail: string };
  /** A sheet listed in the workbook (`where.sheet`) whose part (`part`) is not in the package: left out. */
  "xlsx-sheet-part-missing": { part: string };
  /** A part the reader uses but could not parse (the styles …): ignored, with what that costs; `detail`: the parser's words. */
  "xlsx-part-unreadable": { part: string; detail: string };
  /** The part of a sheet being read (`where.sheet`) is not well-formed XML. */
  "xlsx-sheet-unreadable": { part: string; detail: string };
  /** A part to read is larger, uncompressed, than the reader allows (`bytes` declared or inflated so far, `limit`). */
  "xlsx-part-too-large": { part: string; bytes: number; limit: number };
  /** A sheet (`where.sheet`) holds more cells than the reader allows (`cells` counted so far, merged cells included). */
  "sheet-too-large": { cells: number; limit: number };
}

const SAVE_AS_VI = "Tệp › Lưu Như, chọn kiểu “Sổ làm việc Excel (*.xlsx)”";
const SAVE_AS_EN = "File › Save As, type “Excel Workbook (*.xlsx)”";

const NOT_WORKBOOK_VI: Record<NotWorkbookKind, [what: string, todo: string]> = {
  docx: [
    "là văn bản Word (.docx)",
    "Chọn đúng tệp sổ làm việc; nếu bảng số liệu nằm trong văn bản, chép bảng sang Excel rồi lưu thành “Sổ làm việc Excel (*.xlsx)”.",
  ],
  doc: [
    "là văn bản Word 97–2003 (.doc)",
    "Chọn đúng tệp sổ làm việc; nếu bảng số liệu nằm trong văn bản, chép bảng sang Excel rồi lưu thành “Sổ làm việc Excel (*.xlsx)”.",
  ],
  pptx: ["là bản trình bày PowerPoint (.pptx)", "Chọn đúng tệp sổ làm việc Excel chứa số liệu."],
  ppt: ["là bản trình bày PowerPoint 97–2003 (.ppt)", "Chọn đúng tệp sổ làm việc Excel chứa số liệu."],
  xlsb: ["là sổ làm việc nhị phân Excel (.xlsb)", `Mở tệp trong Excel, vào ${SAVE_AS_VI} rồi dùng tệp .xlsx mới.`],
  opendocument: ["là tài liệu OpenDocument (văn bản hoặc bản trình bày, không phải bảng tính)", "Chọn đúng tệp sổ làm việc Excel chứa số liệu."],
  archive: ["là một tệp nén (như .zip, .rar)", "Giải nén tệp rồi chọn sổ làm việc .xlsx ở bên trong."],
  pdf: ["là tệp PDF", "Chọn sổ làm việc Excel gốc đã dùng để in ra tệp PDF này; nếu chỉ có bản PDF, cần nhập số liệu vào Excel."],
  image: ["là một ảnh", "Chọn sổ làm việc Excel gốc; nếu chỉ có ảnh chụp bảng, cần nhập số liệu vào Excel."],
  "excel-lock": ["là tệp khóa tạm Excel tạo ra khi một sổ làm việc đang mở (tên bắt đầu bằng “~$”)", "Chọn sổ làm việc cùng tên nhưng không có “~$” ở đầu."],
  unknown: ["", `Mở tệp trong Excel, vào ${SAVE_AS_VI} rồi chọn tệp .xlsx đó.`],
};

const NOT_WORKBOOK_EN: Record<NotWorkbookKind, [what: string, todo: string]> = {
  docx: [
    "is a Word document (.docx)",
    "Choose the workbook itself; if the table is in the document, copy it into Excel and save it as “Excel Workbook (*.xlsx)”.",
  ],
  doc: [
    "is a Word 97–2003 document (.doc)",
    "Choose the workbook itself; if the table is in the document, copy it into Excel and save it as “Excel Workbook (*.xlsx)”.",
  ],
  pptx: ["is a PowerPoint presentation (.pptx)", "Choose the Excel workbook that holds the figures."],
  ppt: ["is a PowerPoint 97–2003 presentation (.ppt)", "Choose the Excel workbook that holds the figures."],
  xlsb: ["is an Excel binary workbook (.xlsb)", `Open it in Excel, use ${SAVE_AS_EN}, and use the new .xlsx file.`],
  opendocument: ["is an OpenDocument text or presentation, not a spreadsheet", "Choose the Excel workbook that holds the figures."],
  archive: ["is a compressed archive (such as .zip or .rar)", "Extract it and choose the .xlsx workbook inside."],
  pdf: ["is a PDF file", "Choose the Excel workbook the PDF was printed from; with only the PDF, the figures have to be entered in Excel."],
  image: ["is an image", "Choose the original Excel workbook; with only a picture of the table, the figures have to be entered in Excel."],
  "excel-lock": [
    "is the temporary lock file Excel makes while a workbook is open (its name starts with “~$”)",
    "Choose the workbook of the same name without the “~$”.",
  ],
  unknown: ["", `Open it in Excel, use ${SAVE_AS_EN}, and choose that .xlsx file.`],
};

const TEXT_VI: Record<TextFileKind, string> = {
  csv: "là văn bản dạng CSV (các giá trị cách nhau bằng dấu phẩy)",
  html: "là một trang web (HTML), kiểu tệp mà nhiều phần mềm xuất ra dưới tên “Excel”,",
  xml: "là bảng tính XML (Excel 2003)",
  text: "là một tệp văn bản",
};

const TEXT_EN: Record<TextFileKind, string> = {
  csv: "is comma-separated text (CSV),",
  html: "is a web page (HTML), as many programs export “Excel” files,",
  xml: "is an XML spreadsheet (Excel 2003),",
  text: "is a text file,",
};

/** A system's own words inside brackets, without their closing full stop. */
const bare = (detail: string): string => detail.replace(/\.\s*$/, "");

const quoted = (names: readonly string[], say: Say): string => say.list(names.map(say.sheet));

/** What the part is, and how a planner gets it by hand, in Excel's own Vietnamese words. */
const DECORATION_VI: Record<DecorationPart, [what: string, byHand: string]> = {
  widths: ["độ rộng cột và chiều cao hàng", "có thể kéo mép tiêu đề cột để chỉnh độ rộng"],
  merges: ["các ô gộp và xuống dòng ở tiêu đề", "tiêu đề vẫn đủ chữ, chỉ không được gộp ô"],
  highlights: ["phần tô màu nổi bật (định dạng có điều kiện)", "cột đánh dấu vẫn ghi rõ những đơn vị lẽ ra được tô màu"],
  freeze: ["phần cố định hàng tiêu đề", "có thể tự cố định ở Xem › Cố định Ngăn"],
  tables: ["bảng có nút lọc", "có thể tự tạo bảng ở Chèn › Bảng nếu cần lọc"],
  charts: ["biểu đồ", "có thể tự chèn biểu đồ từ cột tỷ lệ ở Chèn › Biểu đồ"],
};

const DECORATION_EN: Record<DecorationPart, [what: string, byHand: string]> = {
  widths: ["the column widths and row heights", "you can drag the column headers' edges to widen them"],
  merges: ["the merged and wrapped title cells", "the titles are all there, only not merged"],
  highlights: ["the highlighting (conditional formats)", "the mark column still says which units would be highlighted"],
  freeze: ["the frozen header rows", "you can freeze them yourself with View › Freeze Panes"],
  tables: ["the table with filter buttons", "you can make one yourself with Insert › Table if you need the filters"],
  charts: ["the chart", "you can insert one from the rate column yourself with Insert › Chart"],
};

export const filesVi: Texts<FilesParams> = {
  "file-missing": (p, say) => `Không có tệp ${say.q(p.file)}. Kiểm tra lại đường dẫn và tên tệp.`,
  "file-is-folder": (p, say) => `${say.q(p.file)} là một thư mục, không phải tệp: chọn sổ làm việc (.xlsx) ở trong thư mục đó.`,
  "file-not-regular": (p, say) =>
    `${say.q(p.file)} không phải là một tệp lưu trên đĩa mà là ${{ pipe: "một đường ống (FIFO)", socket: "một socket", device: "một thiết bị", other: "một mục đặc biệt của hệ thống" }[p.kind]}, nên không đọc được. Lưu sổ làm việc thành tệp .xlsx rồi chọn tệp đó.`,
  "file-too-large": (p, say) =>
    `Tệp ${say.q(p.file)} lớn hơn ${say.num(megabytes(p.limit))} MB, giới hạn mà Chỉ tiêu đọc được (đã đọc ${say.num(megabytes(p.bytes))} MB). Một báo cáo chỉ tiêu chỉ vài MB: kiểm tra lại có đúng tệp không, hoặc chép các trang tính cần dùng sang một sổ làm việc mới.`,
  "file-cannot-open": (p, say) =>
    p.reason === "denied"
      ? `Không có quyền đọc tệp ${say.q(p.file)}. Kiểm tra quyền của tệp, hoặc chép tệp sang một thư mục của bạn rồi chọn bản chép.`
      : p.reason === "busy"
        ? `Không mở được tệp ${say.q(p.file)}: tệp đang bị một chương trình khác khóa. Đóng chương trình đó (hoặc đóng tệp trong Excel) rồi thử lại.`
        : `Không đọc được tệp ${say.q(p.file)} (lỗi hệ thống ${p.detail}). Kiểm tra ổ đĩa hoặc chép tệp sang chỗ khác rồi thử lại.`,
  "file-empty": (p, say) =>
    `Tệp ${say.q(p.file)} trống (0 byte), không có sổ làm việc nào: có lẽ tệp chưa tải về hoặc chép xong. Tải hoặc chép lại tệp, hoặc mở sổ làm việc gốc trong Excel và lưu lại thành “Sổ làm việc Excel (*.xlsx)”.`,
  "file-encrypted": (p, say) =>
    `Tệp ${say.q(p.file)} là sổ làm việc Excel có đặt mật khẩu nên không đọc được. Mở tệp trong Excel, vào Tệp › Thông tin › Bảo vệ Sổ làm việc › Mã hóa bằng Mật khẩu, xóa mật khẩu rồi lưu (hoặc lưu một bản không có mật khẩu) và chọn tệp đó.`,
  "file-xls": (p, say) =>
    `Tệp ${say.q(p.file)} là sổ làm việc Excel 97–2003 (.xls), không phải .xlsx. Mở tệp trong Excel, vào ${SAVE_AS_VI} rồi chọn tệp .xlsx mới.`,
  "file-ods": (p, say) =>
    `Tệp ${say.q(p.file)} là bảng tính OpenDocument (.ods, của LibreOffice hoặc OpenOffice), không phải sổ làm việc Excel (.xlsx). Mở tệp trong LibreOffice Calc hoặc Excel rồi lưu thành “Sổ làm việc Excel (*.xlsx)” (LibreOffice: “Excel 2007-365 (.xlsx)”) và chọn tệp đó.`,
  "file-not-workbook": (p, say) => {
    const [what, todo] = NOT_WORKBOOK_VI[p.kind];
    return `Tệp ${say.q(p.file)} ${what ? `${what}, ` : ""}không phải sổ làm việc Excel (.xlsx). ${todo}`;
  },
  "file-text": (p, say) =>
    `Tệp ${say.q(p.file)} ${TEXT_VI[p.kind]} chứ không phải sổ làm việc Excel (.xlsx). Mở tệp trong Excel, vào ${SAVE_AS_VI} rồi chọn tệp .xlsx mới.`,
  "file-corrupt": (p, say) =>
    p.truncated
      ? `Tệp ${say.q(p.file)} bị hỏng: tệp bị cắt cụt, có lẽ chưa tải về hoặc chép xong. Tải hoặc chép lại tệp, hoặc mở bản gốc trong Excel và lưu lại thành “Sổ làm việc Excel (*.xlsx)”.`
      : `Tệp ${say.q(p.file)} bị hỏng hoặc có phần không đọc được. Mở tệp trong Excel (Excel sẽ đề nghị sửa nếu cần), vào ${SAVE_AS_VI} rồi chọn tệp vừa lưu.`,
  "out-is-input": (p, say) =>
    `Tệp kết quả ${say.q(p.file)} chính là sổ làm việc đầu vào, mà sổ làm việc đầu vào không bao giờ bị thay đổi: chọn một tên tệp khác (${say.fix("out")}).`,
  "out-not-xlsx": (p, say) => `Tệp kết quả ${say.q(p.file)} phải có đuôi .xlsx: ${say.fix("out")}.`,
  "out-wrong-extension": (p, say) =>
    p.want === "xlsm"
      ? `Sổ làm việc đầu vào có macro nên tệp kết quả ${say.q(p.file)} phải có đuôi .xlsm (Excel không mở tệp .xlsx chứa macro): ${say.fix("out")}.`
      : `Sổ làm việc đầu vào không có macro nên tệp kết quả ${say.q(p.file)} phải có đuôi .xlsx (Excel không mở tệp .xlsm không có macro): ${say.fix("out")}.`,
  "out-is-folder": (p, say) => `Không ghi được ${say.q(p.file)}: đó là một thư mục. Đặt tên cho tệp .xlsx trong thư mục đó (${say.fix("out")}).`,
  "out-folder-blocked": (p, say) =>
    `Không ghi được ${say.q(p.file)}: không tạo được thư mục chứa nó vì ${say.q(p.folder)} là một tệp chứ không phải thư mục. Chọn chỗ ghi khác (${say.fix("out")}).`,
  "out-disk-full": (p, say) =>
    `Không ghi được ${say.q(p.file)}: ổ đĩa đã đầy. Giải phóng dung lượng hoặc ghi sang ổ khác; tệp kết quả cũ (nếu có) vẫn giữ nguyên.`,
  "out-denied": (p, say) => `Không ghi được ${say.q(p.file)}: không có quyền ghi vào đó (hoặc ổ đĩa chỉ cho đọc). Chọn thư mục khác (${say.fix("out")}).`,
  "out-busy": (p, say) =>
    `Không ghi được ${say.q(p.file)}: tệp đang mở trong một chương trình khác (như Excel). Đóng tệp rồi chạy lại, hoặc ghi ra tệp khác (${say.fix("out")}).`,
  "out-write-failed": (p, say) =>
    `Không ghi được ${say.q(p.file)} (lỗi hệ thống ${p.detail}). Tệp kết quả cũ (nếu có) vẫn giữ nguyên; kiểm tra ổ đĩa và thư mục rồi thử lại.`,
  "sheet-not-in-workbook": (p, say) => `Sổ làm việc không có trang tính ${say.at}. Các trang tính có: ${p.have.length > 0 ? quoted(p.have, say) : "không có"}.`,
  "chart-sheet-given": (p, say) =>
    `Trang tính ${say.at} (chọn làm trang ${sheetRoleWord(p.role, "vi")}) là trang biểu đồ, không có bảng số liệu. Chọn một trang tính có bảng: ${quoted(p.worksheets, say)} (${say.fix(p.role)}).`,
  "excel-read-too-large": (p, say) =>
    `Excel không gửi được các trang tính ${quoted(p.sheets, say)}, kể cả khi chia thành từng khối nhỏ. Xóa các hàng và cột không dùng ở xa bên dưới hoặc bên phải bảng, rồi thử lại.`,
  "sheet-gone": (p, say) =>
    `Trang tính ${quoted(p.sheets, say)} không còn trong sổ làm việc: nó đã bị đổi tên hoặc xóa sau khi các trang tính được nhận ra. Chọn lại các trang tính${p.have.length > 0 ? ` (sổ làm việc có: ${quoted(p.have, say)})` : ""} rồi tính lại.`,
  "excel-write-failed": (p) =>
    `Excel không ghi được các trang tính tổng hợp (${bare(p.detail)}). ${p.cleaned ? "Các trang tính tổng hợp trước vẫn như cũ và không có gì của bạn bị thay đổi." : "Có thể còn sót các trang tính tên “~ct-…”: hãy xóa chúng."} Thử lại; nếu vẫn lỗi, bỏ bảo vệ cấu trúc sổ làm việc (Xem lại › Bảo vệ Sổ làm việc) hoặc đóng các phần bổ trợ khác đang làm việc với tệp này.`,
  "excel-write-unfinished": (p, say) =>
    `Excel dừng giữa chừng khi ghi lại các trang tính tổng hợp ${quoted(p.sheets, say)} (${bare(p.detail)}), kể cả khi thử lại: các trang tính này có thể đang trống hoặc thiếu số liệu. Bấm Tính lại để ghi lại; các trang tính của bạn không bị thay đổi.`,
  "excel-cell-edit": () => "Excel đang ở chế độ sửa ô: nhấn Enter hoặc Esc rồi bấm Tính lại.",
  "excel-decoration-failed": (p, say) => {
    const [what, byHand] = DECORATION_VI[p.part];
    return `Excel không tạo được ${what} trên ${p.sheets.length > 1 ? "các trang tính" : "trang tính"} ${quoted(p.sheets, say)} (${bare(p.detail)}). Số liệu đã được ghi đủ; ${byHand}, hoặc bấm Tính lại để thử lại.`;
  },
  "excel-manual-calculation": (p) =>
    `Excel đang tính toán thủ công và không tính lại được các công thức trước khi đọc (${bare(p.detail)}): số liệu lấy từ công thức trong các trang tính đầu vào có thể chưa cập nhật. Nhấn F9 (Công thức › Tính Ngay) rồi bấm Tính lại.`,
  "settings-not-valid": () => "Các lựa chọn cần lưu không hợp lệ nên không được lưu vào sổ làm việc. Chọn lại các trang tính và tùy chọn rồi tính lại.",
  "settings-not-saved": (p) =>
    `Các trang tính tổng hợp đã được ghi, nhưng không lưu được các lựa chọn vào sổ làm việc (${bare(p.detail)}): nút Tính lại trên dải băng sẽ chưa dùng các lựa chọn này. Lưu sổ làm việc rồi tính lại; nếu sổ làm việc chỉ cho đọc, hãy lưu một bản có thể sửa.`,
  "xlsx-sheet-part-missing": (p, say) =>
    `Trang tính ${say.at} có tên trong sổ làm việc nhưng phần dữ liệu của nó (${say.q(p.part)}) không có trong tệp, nên bị bỏ qua. Mở tệp trong Excel (Excel sẽ đề nghị sửa), lưu lại rồi chọn tệp vừa lưu nếu cần trang tính này.`,
  "xlsx-part-unreadable": (p, say) =>
    `Không đọc được phần ${say.q(p.part)} của tệp (${bare(p.detail)}) nên bỏ qua nó: các số định dạng ngày có thể được đọc như số thường. Mở tệp trong Excel, lưu lại rồi chọn tệp vừa lưu nếu kết quả có vẻ sai.`,
  "xlsx-sheet-unreadable": (p, say) =>
    `Không đọc được trang tính ${say.at}: phần ${say.q(p.part)} của tệp bị hỏng (${bare(p.detail)}). Mở tệp trong Excel (Excel sẽ đề nghị sửa), vào ${SAVE_AS_VI} rồi chọn tệp vừa lưu.`,
  "xlsx-part-too-large": (p, say) =>
    `${say.at ? `Trang tính ${say.at}: phần` : "Phần"} ${say.q(p.part)} của tệp quá lớn khi giải nén (${say.num(mb(p.bytes))} MB, giới hạn ${say.num(mb(p.limit))} MB) nên không đọc. Xóa các hàng, cột hoặc ảnh không dùng trong sổ làm việc, lưu lại rồi chọn tệp đó; hoặc chép riêng các trang tính số liệu sang một sổ làm việc mới.`,
  "sheet-too-large": (p, say) =>
    `Trang tính ${say.at} có quá nhiều ô (hơn ${say.num(p.limit)} ô, kể cả ô gộp) nên dừng đọc. Xóa các hàng và cột không dùng ở xa bên dưới hoặc bên phải bảng, bỏ gộp những ô gộp trải hết cả cột hoặc cả hàng, lưu lại rồi thử lại.`,
};

const MB = 1024 * 1024;
/** Bytes as whole megabytes (at least 1), for a planner. */
const mb = (bytes: number): number => Math.max(1, Math.round(bytes / MB));

export const filesEn: Texts<FilesParams> = {
  "file-missing": (p, say) => `The file ${say.q(p.file)} does not exist. Check the path and the file name.`,
  "file-is-folder": (p, say) => `${say.q(p.file)} is a folder, not a file: choose the workbook (.xlsx) inside it.`,
  "file-not-regular": (p, say) =>
    `${say.q(p.file)} is not a file on disk but ${{ pipe: "a pipe (FIFO)", socket: "a socket", device: "a device", other: "a special system entry" }[p.kind]}, so it cannot be read. Save the workbook as an .xlsx file and choose that file.`,
  "file-too-large": (p, say) =>
    `${say.q(p.file)} is larger than ${say.num(megabytes(p.limit))} MB, the most Chỉ tiêu reads (${say.num(megabytes(p.bytes))} MB read). A target report is a few MB: check that this is the right file, or copy the sheets you need into a new workbook.`,
  "file-cannot-open": (p, say) =>
    p.reason === "denied"
      ? `There is no permission to read ${say.q(p.file)}. Check the file's permissions, or copy it to a folder of yours and choose the copy.`
      : p.reason === "busy"
        ? `${say.q(p.file)} could not be opened: another program has locked it. Close that program (or the file in Excel) and try again.`
        : `${say.q(p.file)} could not be read (system error ${p.detail}). Check the disk, or copy the file elsewhere, and try again.`,
  "file-empty": (p, say) =>
    `The file ${say.q(p.file)} is empty (0 bytes): there is no workbook in it, perhaps it was not fully downloaded or copied. Download or copy it again, or open the original workbook in Excel and save it as “Excel Workbook (*.xlsx)”.`,
  "file-encrypted": (p, say) =>
    `${say.q(p.file)} is a password-protected Excel workbook, which cannot be read. Open it in Excel, go to File › Info › Protect Workbook › Encrypt with Password, clear the password and save (or save a copy without a password), then choose that file.`,
  "file-xls": (p, say) =>
    `${say.q(p.file)} is an Excel 97–2003 workbook (.xls), not an .xlsx. Open it in Excel, use ${SAVE_AS_EN}, and choose the new .xlsx file.`,
  "file-ods": (p, say) =>
    `${say.q(p.file)} is an OpenDocument spreadsheet (.ods, from LibreOffice or OpenOffice), not an Excel workbook (.xlsx). Open it in LibreOffice Calc or Excel, save it as “Excel Workbook (*.xlsx)” (LibreOffice: “Excel 2007-365 (.xlsx)”), and choose that file.`,
  "file-not-workbook": (p, say) => {
    const [what, todo] = NOT_WORKBOOK_EN[p.kind];
    return `${say.q(p.file)} ${what ? `${what}, ` : "is "}not an Excel workbook (.xlsx). ${todo}`;
  },
  "file-text": (p, say) =>
    `${say.q(p.file)} ${TEXT_EN[p.kind]} not an Excel workbook (.xlsx). Open it in Excel, use ${SAVE_AS_EN}, and choose the new .xlsx file.`,
  "file-corrupt": (p, say) =>
    p.truncated
      ? `${say.q(p.file)} is damaged: it is cut short, perhaps not fully downloaded or copied. Download or copy it again, or open the original in Excel and save it again as “Excel Workbook (*.xlsx)”.`
      : `${say.q(p.file)} is damaged or has parts that cannot be read. Open it in Excel (which offers to repair it if needed), use ${SAVE_AS_EN}, and choose the saved file.`,
  "out-is-input": (p, say) =>
    `The output file ${say.q(p.file)} is the input workbook itself, which is never changed: choose another file name (${say.fix("out")}).`,
  "out-not-xlsx": (p, say) => `The output file ${say.q(p.file)} must end in .xlsx: ${say.fix("out")}.`,
  "out-wrong-extension": (p, say) =>
    p.want === "xlsm"
      ? `The input workbook holds macros, so the output file ${say.q(p.file)} must end in .xlsm (Excel does not open an .xlsx holding macros): ${say.fix("out")}.`
      : `The input workbook holds no macros, so the output file ${say.q(p.file)} must end in .xlsx (Excel does not open an .xlsm without macros): ${say.fix("out")}.`,
  "out-is-folder": (p, say) => `Could not write ${say.q(p.file)}: it is a folder. Name an .xlsx file inside it (${say.fix("out")}).`,
  "out-folder-blocked": (p, say) =>
    `Could not write ${say.q(p.file)}: its folder cannot be made because ${say.q(p.folder)} is a file, not a folder. Choose another place (${say.fix("out")}).`,
  "out-disk-full": (p, say) =>
    `Could not write ${say.q(p.file)}: the disk is full. Free some space or write to another disk; a previous output file, if any, is as it was.`,
  "out-denied": (p, say) =>
    `Could not write ${say.q(p.file)}: there is no permission to write there (or the disk is read-only). Choose another folder (${say.fix("out")}).`,
  "out-busy": (p, say) =>
    `Could not write ${say.q(p.file)}: it is open in another program (such as Excel). Close it and run again, or write another file (${say.fix("out")}).`,
  "out-write-failed": (p, say) =>
    `Could not write ${say.q(p.file)} (system error ${p.detail}). A previous output file, if any, is as it was; check the disk and the folder and try again.`,
  "sheet-not-in-workbook": (p, say) => `The workbook has no sheet ${say.at}. It has: ${p.have.length > 0 ? quoted(p.have, say) : "no sheets"}.`,
  "chart-sheet-given": (p, say) =>
    `Sheet ${say.at} (given for the ${sheetRoleWord(p.role, "en")}) is a chart sheet, not a table. Choose a worksheet: ${quoted(p.worksheets, say)} (${say.fix(p.role)}).`,
  "excel-read-too-large": (p, say) =>
    `Excel refused to send the sheets ${quoted(p.sheets, say)} even in small blocks. Delete unused rows and columns far below or right of the table, then try again.`,
  "sheet-gone": (p, say) =>
    `Sheet ${quoted(p.sheets, say)} is no longer in the workbook: it was renamed or deleted after the sheets were detected. Choose the sheets again${p.have.length > 0 ? ` (the workbook has: ${quoted(p.have, say)})` : ""} and recalculate.`,
  "excel-write-failed": (p) =>
    `Excel could not write the summary sheets (${bare(p.detail)}). ${p.cleaned ? "The previous summary sheets were left as they were and nothing of yours was changed." : "Some sheets named “~ct-…” may be left over: delete them."} Try again; if it keeps failing, unprotect the workbook structure (Review › Protect Workbook) or close other add-ins working on this file.`,
  "excel-write-unfinished": (p, say) =>
    `Excel stopped half-way while rewriting the summary sheets ${quoted(p.sheets, say)} (${bare(p.detail)}), even when tried again: they may be empty or miss figures. Click Recalculate to write them again; your own sheets were not changed.`,
  "excel-cell-edit": () => "Excel is in cell-edit mode: press Enter or Esc, then click Recalculate.",
  "excel-decoration-failed": (p, say) => {
    const [what, byHand] = DECORATION_EN[p.part];
    return `Excel could not make ${what} on ${p.sheets.length > 1 ? "the sheets" : "the sheet"} ${quoted(p.sheets, say)} (${bare(p.detail)}). The figures are all written; ${byHand}, or click Recalculate to try again.`;
  },
  "excel-manual-calculation": (p) =>
    `Excel calculates manually here and refused to calculate the formulas before they were read (${bare(p.detail)}): figures that come from formulas in the input sheets may be out of date. Press F9 (Formulas › Calculate Now), then click Recalculate.`,
  "settings-not-valid": () => "The choices to save are not valid, so they were not saved in the workbook. Choose the sheets and options again and recalculate.",
  "settings-not-saved": (p) =>
    `The summary sheets were written, but the choices could not be saved in the workbook (${bare(p.detail)}): the ribbon's Recalculate will not use them yet. Save the workbook and recalculate; if it is read-only, save a copy you can edit.`,
  "xlsx-sheet-part-missing": (p, say) =>
    `Sheet ${say.at} is listed in the workbook but its data (${say.q(p.part)}) is not in the file, so it is left out. Open the file in Excel (which offers to repair it), save it, and choose the saved file if you need this sheet.`,
  "xlsx-part-unreadable": (p, say) =>
    `The part ${say.q(p.part)} of the file could not be read (${bare(p.detail)}) and was ignored: date-formatted numbers may read as plain numbers. Open the file in Excel, save it, and choose the saved file if the results look wrong.`,
  "xlsx-sheet-unreadable": (p, say) =>
    `Sheet ${say.at} could not be read: the part ${say.q(p.part)} of the file is damaged (${bare(p.detail)}). Open the file in Excel (which offers to repair it), use ${SAVE_AS_EN}, and choose the saved file.`,
  "xlsx-part-too-large": (p, say) =>
    `${say.at ? `Sheet ${say.at}: the` : "The"} part ${say.q(p.part)} of the file is too large uncompressed (${say.num(mb(p.bytes))} MB, the limit is ${say.num(mb(p.limit))} MB), so it was not read. Delete unused rows, columns or pictures in the workbook, save it and choose that file; or copy the sheets with the figures into a new workbook.`,
  "sheet-too-large": (p, say) =>
    `Sheet ${say.at} holds too many cells (more than ${say.num(p.limit)}, merged cells included), so reading stopped. Delete unused rows and columns far below or right of the table, unmerge cells merged across a whole column or row, save, and try again.`,
};
