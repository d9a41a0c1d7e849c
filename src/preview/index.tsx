/**
 * The preview page (preview.html): the task pane over .xlsx files in the browser. exceljs (its
 * browser build) is loaded on demand; the bundled sample comes from this page's own origin.
 */
import { createRoot } from "react-dom/client";
import type ExcelJS from "exceljs";
import { PreviewApp, PreviewFile } from "./PreviewApp";

export const SAMPLE_URL = "samples/hau-giang-2022.xlsx";

async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const mod = (await import(/* webpackChunkName: "exceljs" */ "exceljs")) as unknown as { default?: typeof ExcelJS } & typeof ExcelJS;
  const Excel = mod.default ?? mod;
  return new Excel.Workbook();
}

async function fromBytes(name: string, bytes: ArrayBuffer): Promise<PreviewFile> {
  const workbook = await newWorkbook();
  try {
    await workbook.xlsx.load(bytes);
  } catch (e) {
    throw new Error(`“${name}” could not be read as an .xlsx workbook (${(e as Error).message}). Save it from Excel as “Excel Workbook (*.xlsx)”.`);
  }
  return { name, workbook };
}

async function loadSample(): Promise<PreviewFile> {
  const res = await fetch(SAMPLE_URL);
  if (!res.ok) throw new Error(`The sample workbook could not be loaded (${res.status}).`);
  return fromBytes("hau-giang-2022.xlsx", await res.arrayBuffer());
}

async function loadFile(file: File): Promise<PreviewFile> {
  if (!/\.xlsx$/i.test(file.name)) throw new Error(`“${file.name}” is not an .xlsx file. Open an Excel workbook (*.xlsx).`);
  return fromBytes(file.name, await file.arrayBuffer());
}

/** The result's file name: "x.xlsx" → "x-ket-qua.xlsx". */
export function resultName(name: string): string {
  return name.replace(/(\.xlsx)?$/i, "-ket-qua.xlsx");
}

async function download(file: PreviewFile): Promise<void> {
  const bytes = await file.workbook.xlsx.writeBuffer();
  const blob = new Blob([bytes as ArrayBuffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = resultName(file.name);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const container = document.getElementById("container");
if (container) {
  const dark = typeof window.matchMedia === "function" && window.matchMedia("(prefers-color-scheme: dark)").matches;
  createRoot(container).render(
    <PreviewApp loadSample={loadSample} loadFile={loadFile} download={download} displayLanguage={navigator.language || "vi-VN"} theme={dark ? "dark" : "light"} />,
  );
}
