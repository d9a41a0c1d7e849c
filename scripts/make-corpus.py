#!/usr/bin/python3
"""
The input corpus of issue 16: workbooks as offices keep them, each holding the plan / actuals /
population sheets the engine reads (given as JSON by scripts/make-corpus.ts, from the test
builders) plus ONE thing the package must keep: a chart sheet, an embedded chart, an image,
comments, a table, defined names, data validation, hyperlinks, a protected sheet, a hidden sheet,
an external link, print titles, filter buttons, macros (.xlsm); and a planner's own sheet named like
our record (`_ChiTieu`, `_chitieu`), which must never be touched. Made with Debian's python3-openpyxl
(a writer other than exceljs, as the issue's files come from other tools); the parts openpyxl
cannot make (an external link, a VBA project) are added to its package afterwards, as Excel
would write them. Run through scripts/make-corpus.ts (npm run corpus), which also makes the
LibreOffice-saved variants.

    /usr/bin/python3 scripts/make-corpus.py base.json outdir
"""
import io
import json
import struct
import sys
import zipfile

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo

PLAN, DONE, BASE = "Kế hoạch", "Thực hiện", "Dân số"


def base_workbook(base):
    """A workbook with the engine's sheets, values as the builders made them (formulas keep no cache in openpyxl: plain values)."""
    wb = Workbook()
    wb.remove(wb.active)
    for sheet in base["sheets"]:
        ws = wb.create_sheet(sheet["name"])
        for r, row in enumerate(sheet["rows"], start=1):
            for c, v in enumerate(row, start=1):
                if v is not None:
                    ws.cell(row=r, column=c, value=v)
        for m in sheet["merges"]:
            ws.merge_cells(m)
        ws.column_dimensions["B"].width = 26
    return wb


def last_row(ws):
    return ws.max_row


def unit_rows(ws):
    """Rows of units (a number in column A), 1-based."""
    return [r for r in range(1, ws.max_row + 1) if isinstance(ws.cell(row=r, column=1).value, (int, float))]


def header_row(ws):
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == "STT")


def chart_of(ws, title):
    rows = unit_rows(ws)
    chart = BarChart()
    chart.title = title
    chart.add_data(Reference(ws, min_col=3, min_row=header_row(ws), max_row=rows[-1]), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=2, min_row=rows[0], max_row=rows[-1]))
    return chart


def png_bytes():
    from PIL import Image as PilImage

    img = PilImage.new("RGB", (48, 24), (0, 102, 153))
    out = io.BytesIO()
    img.save(out, format="PNG")
    out.seek(0)
    return out


# ------------------------------------------------------------------ one feature each


def chart_sheet(wb):
    cs = wb.create_chartsheet("Biểu đồ")
    cs.add_chart(chart_of(wb[PLAN], "Kế hoạch theo đơn vị"))


def embedded_chart(wb):
    ws = wb[DONE]
    ws.add_chart(chart_of(ws, "Thực hiện"), "F3")
    line = LineChart()
    line.add_data(Reference(wb[PLAN], min_col=3, min_row=header_row(wb[PLAN]), max_row=unit_rows(wb[PLAN])[-1]), titles_from_data=True)
    wb[PLAN].add_chart(line, "F3")


def image(wb):
    wb[PLAN].add_image(Image(png_bytes()), "F1")


def comments(wb):
    ws = wb[DONE]
    ws.cell(row=unit_rows(ws)[0], column=3).comment = Comment("Số liệu tạm tính, chờ đối chiếu.", "Phòng KH")
    ws.cell(row=header_row(ws), column=2).comment = Comment("Tên theo danh mục của tỉnh.", "Phòng KH")


def table(wb):
    ws = wb[PLAN]
    rows = unit_rows(ws)
    t = Table(displayName="KeHoach", ref=f"A{header_row(ws)}:C{rows[-1]}")
    t.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(t)


def defined_names(wb):
    ws = wb[PLAN]
    rows = unit_rows(ws)
    wb.defined_names.append(DefinedName("KeHoachTN", attr_text=f"'{PLAN}'!$C${rows[0]}:$C${rows[-1]}"))
    # Local to the second sheet: its localSheetId is an index that must follow the sheets.
    local = DefinedName("DonVi", localSheetId=1, attr_text=f"'{DONE}'!$B${unit_rows(wb[DONE])[0]}:$B${unit_rows(wb[DONE])[-1]}")
    wb.defined_names.append(local)
    # A local name on the last sheet.
    wb.defined_names.append(DefinedName("DanSo", localSheetId=len(wb.sheetnames) - 1, attr_text=f"'{BASE}'!$C:$C"))


def data_validation(wb):
    ws = wb[DONE]
    dv = DataValidation(type="list", formula1='"Đã duyệt,Chờ duyệt"', allow_blank=True)
    ws.add_data_validation(dv)
    rows = unit_rows(ws)
    dv.add(f"F{rows[0]}:F{rows[-1]}")
    dv2 = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
    ws.add_data_validation(dv2)
    dv2.add(f"C{rows[0]}:D{rows[-1]}")


def hyperlinks(wb):
    ws = wb[DONE]
    ws["F1"] = "Cổng BHXH"
    ws["F1"].hyperlink = "https://baohiemxahoi.gov.vn/"
    ws["F2"] = "Xem kế hoạch"
    ws["F2"].hyperlink = f"#'{PLAN}'!A1"


def protected(wb):
    ws = wb[PLAN]
    ws.protection.sheet = True
    ws.protection.password = "chitieu"  # Excel's legacy 16-bit hash


def hidden(wb):
    old = wb.create_sheet("Kế hoạch 2021")
    old["A1"] = "Kế hoạch năm trước"
    old.sheet_state = "hidden"
    vh = wb.create_sheet("Tham số")
    vh["A1"] = "tham số ẩn"
    vh.sheet_state = "veryHidden"


def print_titles(wb):
    ws = wb[DONE]
    h = header_row(ws)
    ws.print_title_rows = f"{h}:{h}"
    ws.print_title_cols = "A:B"
    ws.print_area = f"A1:D{last_row(ws)}"


def filter_buttons(wb):
    ws = wb[DONE]
    ws.auto_filter.ref = f"A{header_row(ws)}:D{unit_rows(ws)[-1]}"
    table(wb)


def external_link(wb):
    ws = wb[DONE]
    ws["F3"] = "=[1]Sheet1!$A$1"


def macros(wb):
    wb[PLAN]["F1"] = "Tệp có macro"


def user_record_name(wb):
    """A planner's own visible sheet with the name the exceljs adapter gave its record."""
    ws = wb.create_sheet("_ChiTieu")
    ws["A1"] = "Ghi chú của phòng Kế hoạch"
    ws["A2"] = "Không xoá trang tính này"


def user_record_name_lower(wb):
    ws = wb.create_sheet("_chitieu")
    ws["A1"] = '{"summarySheets":["Kế hoạch"]}'


def everything(wb):
    for f in (chart_sheet, embedded_chart, image, comments, table, defined_names, data_validation, hyperlinks, protected, hidden, print_titles):
        f(wb)


FEATURES = {
    "chart-sheet": chart_sheet,
    "embedded-chart": embedded_chart,
    "image": image,
    "comments": comments,
    "table": table,
    "defined-names": defined_names,
    "data-validation": data_validation,
    "hyperlinks": hyperlinks,
    "protected": protected,
    "hidden-sheet": hidden,
    "print-titles": print_titles,
    "filter-buttons": filter_buttons,
    "external-link": external_link,
    "macros": macros,
    "everything": everything,
    "user-chitieu": user_record_name,
    "user-chitieu-lower": user_record_name_lower,
}

# ------------------------------------------------------------------ parts openpyxl does not make

EXTERNAL_LINK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames>'
    '<sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>42</v></cell></row></sheetData></sheetDataSet>'
    "</externalBook></externalLink>"
)
EXTERNAL_LINK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" '
    'Target="file:///C:/BaoCao/huyen-2022.xlsx" TargetMode="External"/></Relationships>'
)


def cfb_vba_project():
    """
    A minimal compound file (CFB v3: header, one FAT sector, one directory sector with the root
    entry and an empty VBA storage) standing for vbaProject.bin: what must survive is its bytes
    and the package's macro-enabled content types, not the macros.
    """
    sector = 512
    endofchain, freesect, fatsect = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    header = bytearray(sector)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", header, 24, 0x003E, 0x0003, 0xFFFE, 9, 6)
    struct.pack_into("<I", header, 44, 1)  # FAT sectors
    struct.pack_into("<I", header, 48, 1)  # first directory sector
    struct.pack_into("<I", header, 56, 4096)  # mini stream cutoff
    struct.pack_into("<I", header, 60, endofchain)  # no mini FAT
    struct.pack_into("<I", header, 68, endofchain)  # no DIFAT sectors
    difat = [0] + [freesect] * 108
    struct.pack_into("<109I", header, 76, *difat)
    fat = bytearray(sector)
    struct.pack_into("<128I", fat, 0, *([fatsect, endofchain] + [freesect] * 126))

    def entry(name, kind, child=freesect, left=freesect, right=freesect):
        e = bytearray(128)
        raw = (name + "\0").encode("utf-16-le")
        e[0 : len(raw)] = raw
        struct.pack_into("<HBB", e, 64, len(raw), kind, 1)
        struct.pack_into("<III", e, 68, left, right, child)
        struct.pack_into("<I", e, 116, endofchain)
        return e

    dirs = entry("Root Entry", 5, child=1) + entry("VBA", 1) + bytearray(128 * 2)
    return bytes(header + fat + dirs)


def rewrite(path, edit):
    """Rewrite a package with `edit(name, data) -> data`, plus `edit.extra` entries."""
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            z.writestr(name, edit(name, data))
        for name, data in getattr(edit, "extra", []):
            z.writestr(name, data)


def add_external_link(path):
    def edit(name, data):
        text = data.decode("utf-8")
        if name == "[Content_Types].xml":
            text = text.replace(
                "</Types>",
                '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>',
            )
        elif name == "xl/_rels/workbook.xml.rels":
            text = text.replace(
                "</Relationships>",
                '<Relationship Id="rIdExt1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>',
            )
        elif name == "xl/workbook.xml":
            at = text.find("<definedNames") if "<definedNames" in text else text.find("<calcPr")
            text = text[:at] + '<externalReferences><externalReference xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdExt1"/></externalReferences>' + text[at:]
        else:
            return data
        return text.encode("utf-8")

    edit.extra = [("xl/externalLinks/externalLink1.xml", EXTERNAL_LINK), ("xl/externalLinks/_rels/externalLink1.xml.rels", EXTERNAL_LINK_RELS)]
    rewrite(path, edit)


def make_xlsm(path):
    def edit(name, data):
        text = data.decode("utf-8")
        if name == "[Content_Types].xml":
            text = text.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
            text = text.replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
        elif name == "xl/_rels/workbook.xml.rels":
            text = text.replace(
                "</Relationships>",
                '<Relationship Id="rIdVba1" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
            )
        elif name == "xl/workbook.xml":
            text = text.replace("<workbookPr", '<workbookPr codeName="ThisWorkbook"', 1)
        else:
            return data
        return text.encode("utf-8")

    edit.extra = [("xl/vbaProject.bin", cfb_vba_project())]
    rewrite(path, edit)


def main():
    base = json.load(open(sys.argv[1], encoding="utf-8"))
    out = sys.argv[2]
    only = set(sys.argv[3:])
    for name, feature in FEATURES.items():
        if only and name not in only:
            continue
        wb = base_workbook(base)
        feature(wb)
        # Fixed properties: the files regenerate byte for byte but for the zip's timestamps.
        wb.properties.creator = "Phòng Kế hoạch"
        ext = "xlsm" if name == "macros" else "xlsx"
        path = f"{out}/{name}.{ext}"
        wb.save(path)
        if name == "external-link":
            add_external_link(path)
        if name == "macros":
            make_xlsm(path)
        print(path)


if __name__ == "__main__":
    main()
