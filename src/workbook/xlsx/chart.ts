/**
 * A ranked sheet's chart as DrawingML parts, the same chart the Office adapter draws in Excel
 * (officeWrite.ts addChart): clustered columns for the rate per unit, the area's rate as a line
 * over the same categories and axes, the title, the legend at the bottom. The series point at
 * the sheet's cells (no cached values: Excel and LibreOffice both read the cells when they open
 * the file), so the parts stay small whatever the number of units.
 *
 * A chart of lines only (ChartSpec.lines: the history sheet's area rate by date) is one line
 * chart group with a line per series, markers on, over date categories shown as dd/mm/yyyy.
 */
import { ChartSeries, ChartSpec, isLineChart } from "../../core/sheetSpec";
import { RangeRef, columnLetter, sheetRef } from "../../core/grid";
import { escapeText, xmlSafe } from "./xmlEdit";

export const CHART_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
export const DRAWING_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
export const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Columns and rows the chart covers from its anchor (about Excel's default chart size). */
export const CHART_COLS = 9;
export const CHART_ROWS = 18;

/** A range as a chart formula: 'Xếp hạng BHYT'!$B$4:$B$20 (quotes doubled in the name). */
export function chartRef(sheet: string, r: RangeRef): string {
  const a = (row: number, col: number) => `$${columnLetter(col)}$${row + 1}`;
  return sheetRef(sheet, `${a(r.row, r.col)}:${a(r.row + r.rows - 1, r.col + r.cols - 1)}`);
}

const text = (s: string): string => escapeText(xmlSafe(s));

function series(idx: number, name: string, categories: string, values: string, line: boolean): string {
  return (
    `<c:ser><c:idx val="${idx}"/><c:order val="${idx}"/><c:tx><c:v>${text(name)}</c:v></c:tx>` +
    (line
      ? `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="C00000"/></a:solidFill><a:round/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>`
      : `<c:invertIfNegative val="0"/>`) +
    `<c:cat><c:strRef><c:f>${text(categories)}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>${text(values)}</c:f></c:numRef></c:val>` +
    (line ? `<c:smooth val="0"/>` : "") +
    `</c:ser>`
  );
}

/**
 * One line of a chart of lines only: the colour left to the theme (each series its own), a round
 * marker on each point, the categories read as numbers (dates) so the axis can format them.
 */
function lineSeries(idx: number, s: ChartSeries, categories: string, sheet: string): string {
  return (
    `<c:ser><c:idx val="${idx}"/><c:order val="${idx}"/><c:tx><c:v>${text(s.name)}</c:v></c:tx>` +
    `<c:spPr><a:ln w="28575" cap="rnd"><a:round/></a:ln></c:spPr><c:marker><c:symbol val="circle"/><c:size val="6"/></c:marker>` +
    `<c:cat><c:numRef><c:f>${text(categories)}</c:f></c:numRef></c:cat><c:val><c:numRef><c:f>${text(chartRef(sheet, s.values))}</c:f></c:numRef></c:val>` +
    `<c:smooth val="0"/></c:ser>`
  );
}

/** The chart part (xl/charts/chartN.xml) of a ranked sheet named `sheet` (or of the history sheet: a chart of lines). */
export function chartXml(chart: ChartSpec, sheet: string): string {
  const cat = chartRef(sheet, chart.categories);
  const axes = `<c:axId val="500000001"/><c:axId val="500000002"/>`;
  if (isLineChart(chart)) {
    const lines = `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${chart.lines.map((s, i) => lineSeries(i, s, cat, sheet)).join("")}<c:marker val="1"/>${axes}</c:lineChart>`;
    return chartFrame(chart.title, lines, `<c:numFmt formatCode="dd/mm/yyyy" sourceLinked="0"/>`);
  }
  const bars = `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series(0, chart.bars.name, cat, chartRef(sheet, chart.bars.values), false)}<c:gapWidth val="60"/>${axes}</c:barChart>`;
  const line = chart.line
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series(1, chart.line.name, cat, chartRef(sheet, chart.line.values), true)}<c:marker val="1"/>${axes}</c:lineChart>`
    : "";
  return chartFrame(chart.title, bars + line, `<c:numFmt formatCode="General" sourceLinked="1"/>`);
}

/** The chart space around the plot's chart groups: title, the two shared axes (the categories' number format given), legend below. */
function chartFrame(title: string, groups: string, categoryFormat: string): string {
  return (
    HEAD +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="vi-VN" sz="1200" b="1"/><a:t>${text(title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${groups}` +
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>${categoryFormat}<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="0%" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** The drawing part (xl/drawings/drawingN.xml) placing the chart of relationship `chartRelId` at the spec's anchor. */
export function drawingXml(chart: ChartSpec, chartRelId: string, name = "Chart 1"): string {
  const at = (col: number, row: number) => `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  const { row, col } = chart.anchor;
  return (
    HEAD +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${at(col, row)}</xdr:from><xdr:to>${at(col + CHART_COLS, row + CHART_ROWS)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${text(name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${chartRelId}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

/** Whether a spec's chart has anything to draw (the Office adapter skips an empty one too). */
export function hasChart(chart: ChartSpec | null): chart is ChartSpec {
  if (chart === null || chart.categories.rows <= 0) return false;
  return isLineChart(chart) ? chart.lines.some((s) => s.values.rows > 0) : chart.bars.values.rows > 0;
}
