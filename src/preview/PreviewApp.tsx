/**
 * The browser preview: the same task pane as in Excel, over an .xlsx file read in the page with
 * the exceljs adapter. Beside it, the workbook's sheets as tabs with a plain grid; after
 * Recalculate the summary sheets appear there; Download saves the resulting file. The file never
 * leaves the machine: it is read from disk (or the bundled sample) and written in the page.
 */
import * as React from "react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type ExcelJS from "exceljs";
import { Button, FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Tab, TabList, Text, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { ArrowDownloadRegular, FolderOpenRegular } from "@fluentui/react-icons";
import { ExcelJsWorkbook } from "../workbook/exceljsAdapter";
import { Outcome } from "../workbook/recalculate";
import { PaneHost, ThemeKind } from "../services/host";
import { TaskPane } from "../taskpane/TaskPane";
import { columnLetter } from "../core/grid";
import { sheetView, visibleSheets } from "./sheetView";

export interface PreviewFile {
  readonly name: string;
  readonly workbook: ExcelJS.Workbook;
}

export interface PreviewAppProps {
  /** Loads the bundled sample. */
  readonly loadSample: () => Promise<PreviewFile>;
  /** Reads a file the user picked or dropped. */
  readonly loadFile: (file: File) => Promise<PreviewFile>;
  /** Saves the workbook as a download. */
  readonly download: (file: PreviewFile) => Promise<void>;
  readonly displayLanguage: string;
  readonly theme: ThemeKind;
}

const useStyles = makeStyles({
  app: { display: "flex", height: "100vh", backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  pane: { width: "380px", flexShrink: 0, overflowY: "auto", borderRight: `1px solid ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground1 },
  main: { flexGrow: 1, display: "flex", flexDirection: "column", minWidth: 0 },
  toolbar: { display: "flex", alignItems: "center", gap: "8px", padding: "8px 12px", borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground1 },
  file: { flexGrow: 1, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  tabs: { overflowX: "auto", flexShrink: 0, backgroundColor: tokens.colorNeutralBackground1 },
  gridWrap: { flexGrow: 1, overflow: "auto", backgroundColor: "#ffffff" },
  grid: { borderCollapse: "collapse", tableLayout: "fixed", fontSize: "12px", fontFamily: "Calibri, 'Segoe UI', Arial, sans-serif", color: "#000000" },
  th: { position: "sticky", top: 0, backgroundColor: "#f3f3f3", border: "1px solid #d4d4d4", fontWeight: 400, color: "#555", padding: "1px 6px", zIndex: 1 },
  rowHead: { backgroundColor: "#f3f3f3", border: "1px solid #d4d4d4", color: "#555", padding: "1px 6px", textAlign: "right", position: "sticky", left: 0 },
  td: { border: "1px solid #e1e1e1", padding: "1px 6px", whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
  drop: { outline: `3px dashed ${tokens.colorBrandStroke1}`, outlineOffset: "-6px" },
});

function useDarkPreference(initial: ThemeKind): ThemeKind {
  const [theme, setTheme] = useState(initial);
  useEffect(() => {
    const mq = typeof window.matchMedia === "function" ? window.matchMedia("(prefers-color-scheme: dark)") : null;
    if (!mq) return;
    const on = () => setTheme(mq.matches ? "dark" : "light");
    mq.addEventListener?.("change", on);
    return () => mq.removeEventListener?.("change", on);
  }, []);
  return theme;
}

export function PreviewApp(props: PreviewAppProps): React.JSX.Element {
  const styles = useStyles();
  const theme = useDarkPreference(props.theme);
  const [file, setFile] = useState<PreviewFile | null>(null);
  const [fileId, setFileId] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [dragging, setDragging] = useState(false);
  const [ours, setOurs] = useState<ReadonlySet<string>>(new Set());
  const input = useRef<HTMLInputElement>(null);

  const open = useCallback((load: () => Promise<PreviewFile>) => {
    setError(null);
    load().then(
      (f) => {
        setFile(f);
        setFileId((n) => n + 1);
        setActive(visibleSheets(f.workbook)[0]?.name ?? null);
        setVersion((n) => n + 1);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, []);

  useEffect(() => open(props.loadSample), [open, props.loadSample]);

  const port = useMemo(() => (file ? new ExcelJsWorkbook(file.workbook) : null), [file]);

  useEffect(() => {
    if (!port) return;
    port.listSheets().then((l) => setOurs(new Set(l.filter((s) => s.ours).map((s) => s.name))));
  }, [port, version]);

  const host: PaneHost = useMemo(
    () => ({
      displayLanguage: props.displayLanguage,
      theme,
      activateSheet: async (name: string) => setActive(name),
    }),
    [props.displayLanguage, theme],
  );

  const onRecalculated = useCallback((outcome: Outcome) => {
    setVersion((n) => n + 1);
    setActive(outcome.written[0]?.name ?? null);
  }, []);

  const onFiles = (files: FileList | null) => {
    const f = files?.[0];
    if (f) open(() => props.loadFile(f));
  };

  const sheets = file ? visibleSheets(file.workbook) : [];
  const ws = file && active ? file.workbook.getWorksheet(active) : undefined;
  // `version` changes after every recalculation: recompute the view from the workbook.
  const view = useMemo(() => (ws ? sheetView(ws, "vi") : null), [ws, version]);

  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme}>
      <div
        className={`${styles.app} ${dragging ? styles.drop : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          onFiles(e.dataTransfer.files);
        }}
      >
        <aside className={styles.pane} aria-label="Chỉ tiêu">
          {port ? <TaskPane key={fileId} port={port} host={host} onRecalculated={onRecalculated} /> : <Spinner label="…" />}
        </aside>
        <section className={styles.main} aria-label="Workbook">
          <div className={styles.toolbar}>
            <Text className={styles.file} weight="semibold" data-testid="file-name">
              {file?.name ?? ""}
            </Text>
            <input
              ref={input}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-label="Open .xlsx file"
              style={{ display: "none" }}
              data-testid="file-input"
              onChange={(e) => {
                onFiles(e.target.files);
                e.target.value = "";
              }}
            />
            <Button icon={<FolderOpenRegular />} onClick={() => input.current?.click()}>
              Mở file… / Open…
            </Button>
            <Button icon={<ArrowDownloadRegular />} disabled={!file} onClick={() => file && void props.download(file).catch((e: unknown) => setError(String(e)))}>
              Tải về / Download
            </Button>
          </div>
          {error && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>
                <MessageBarTitle>Không mở được file / Could not open the file</MessageBarTitle>
                {error}
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.tabs}>
            <TabList size="small" selectedValue={active ?? undefined} onTabSelect={(_, d) => setActive(String(d.value))} aria-label="Sheets">
              {sheets.map((s) => (
                <Tab key={s.name} value={s.name} data-sheet={s.name} data-summary={ours.has(s.name) ? "true" : "false"}>
                  {ours.has(s.name) ? `★ ${s.name}` : s.name}
                </Tab>
              ))}
            </TabList>
          </div>
          <div className={styles.gridWrap} role="region" aria-label={active ?? ""} tabIndex={0}>
            {view && (
              <table className={styles.grid} data-testid="grid" data-sheet={view.name} style={{ width: 40 + view.widths.reduce((a, b) => a + b, 0) }}>
                <colgroup>
                  <col style={{ width: 40 }} />
                  {view.widths.map((w, c) => (
                    <col key={c} style={{ width: w }} />
                  ))}
                </colgroup>
                <thead>
                  <tr>
                    <th className={styles.th} aria-hidden="true" />
                    {Array.from({ length: view.columns }, (_, c) => (
                      <th key={c} className={styles.th} scope="col">
                        {columnLetter(c)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {view.rows.map((row, r) => (
                    <tr key={r}>
                      <th className={styles.rowHead} scope="row">
                        {r + 1}
                      </th>
                      {Array.from({ length: view.columns }, (_, c) => {
                        const cell = row[c];
                        if (cell?.hidden) return null;
                        // As in Excel, text runs on over empty cells to its right.
                        const spill = !!cell && !cell.numeric && cell.text !== "" && !row[c + 1]?.text;
                        return (
                          <td
                            key={c}
                            colSpan={cell && cell.colSpan > 1 ? cell.colSpan : undefined}
                            rowSpan={cell && cell.rowSpan > 1 ? cell.rowSpan : undefined}
                            className={styles.td}
                            data-fill={cell?.fill ?? undefined}
                            style={{ backgroundColor: cell?.fill ?? undefined, color: cell?.color ?? undefined, fontWeight: cell?.bold ? 600 : undefined, textAlign: cell?.numeric ? "right" : undefined, overflow: spill ? "visible" : undefined }}
                          >
                            {cell?.text ?? ""}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {view?.truncated && <Text size={200}>…</Text>}
          </div>
        </section>
      </div>
    </FluentProvider>
  );
}
