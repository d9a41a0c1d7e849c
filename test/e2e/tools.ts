/**
 * What the end-to-end tests need from this machine — Debian's Chromium and LibreOffice — and a
 * clear message saying how to install them when they are missing. Never a downloaded browser.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");
export const RESULTS = path.join(ROOT, "test-results");
export const DOCS = path.join(ROOT, "docs");
export const SAMPLE = path.join(ROOT, "samples", "hau-giang-2022.xlsx");

/** The first soffice (LibreOffice) on PATH or in the usual places, or null. */
export function findSoffice(): string | null {
  const dirs = [...(process.env.PATH ?? "").split(path.delimiter), "/usr/bin", "/usr/lib/libreoffice/program", "/opt/libreoffice/program"];
  for (const d of dirs) {
    const p = path.join(d, "soffice");
    if (d && fs.existsSync(p)) return p;
  }
  return null;
}

export const INSTALL_HELP = [
  "The end-to-end tests need Debian's Chromium and LibreOffice Calc (headless). Install them with:",
  "",
  "    sudo apt-get update && sudo apt-get install -y chromium libreoffice-calc-nogui",
  "",
  "(CHROMIUM_PATH=/path/to/chromium picks another Chromium build; no browser is ever downloaded.)",
].join("\n");

/** Throws with INSTALL_HELP when a tool is missing. */
export function checkTools(): void {
  const missing: string[] = [];
  if (!fs.existsSync(CHROMIUM)) missing.push(`Chromium (${CHROMIUM})`);
  if (!findSoffice()) missing.push("LibreOffice (soffice)");
  if (missing.length > 0) throw new Error(`Missing: ${missing.join(", ")}.\n\n${INSTALL_HELP}\n`);
}
