/**
 * The preview page (preview.html): the task pane over .xlsx files in the browser. The workbook is
 * read, computed and written in the preview's worker (preview-worker.js, a webpack entry of its
 * own, with exceljs loaded there on demand); the bundled sample comes from this page's own origin.
 */
import { createRoot } from "react-dom/client";
import { PreviewApp, PreviewSource } from "./PreviewApp";
import { PreviewWorker } from "./workerClient";

export const SAMPLE_URL = "samples/hau-giang-2022.xlsx";
/** The worker's script, beside this page (webpack.config.js: entry "preview-worker"). */
export const WORKER_URL = "preview-worker.js";

const sample: PreviewSource = {
  name: "hau-giang-2022.xlsx",
  async bytes() {
    const res = await fetch(SAMPLE_URL);
    if (!res.ok) throw new Error(`${SAMPLE_URL}: HTTP ${res.status}`);
    return res.arrayBuffer();
  },
};

function download(name: string, bytes: ArrayBuffer): void {
  const type = /\.xlsm$/i.test(name) ? "application/vnd.ms-excel.sheet.macroEnabled.12" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  const blob = new Blob([bytes], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const container = document.getElementById("container");
if (container) {
  const worker = new PreviewWorker(new Worker(WORKER_URL));
  const open = (name: string, bytes: ArrayBuffer) => worker.open(name, bytes);
  const dark = typeof window.matchMedia === "function" && window.matchMedia("(prefers-color-scheme: dark)").matches;
  createRoot(container).render(
    <PreviewApp sample={sample} open={open} download={download} displayLanguage={navigator.language || "vi-VN"} theme={dark ? "dark" : "light"} />,
  );
}
