/**
 * What the task pane needs from the application around it, beyond the workbook port: the
 * display language, the theme, and showing a sheet. Excel provides it through Office.js
 * (services/office.ts); the browser preview provides its own. Components only see this interface.
 */
export type ThemeKind = "light" | "dark";

export interface PaneHost {
  /** BCP-47 tag of the application's display language ("vi-VN", "en-US"). */
  readonly displayLanguage: string;
  readonly theme: ThemeKind;
  /** Bring a summary sheet to the front. */
  activateSheet(name: string): Promise<void>;
  /**
   * Call `changed` whenever the workbook may have changed under the pane (a cell edited, a sheet
   * added, deleted, renamed …), until the returned function is called. The pane then reads the
   * sheets again on its next analysis; without it, only after a Recalculate or a retry (the preview:
   * its workbook changes only through the pane).
   */
  readonly watchWorkbook?: (changed: () => void) => () => void;
}

/** Dark when the background colour's relative luminance is low ("#1F1F1F" → dark). */
export function themeFromBackground(colour: string | undefined | null): ThemeKind {
  const m = /^#?([0-9a-f]{6})$/i.exec((colour ?? "").trim());
  if (!m) return "light";
  const n = parseInt(m[1]!, 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? "dark" : "light";
}
