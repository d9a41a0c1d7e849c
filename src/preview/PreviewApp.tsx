/**
 * The browser preview: the same task pane as in Excel, over an .xlsx file read by the preview's
 * worker (exceljs there, never on the page's thread, so a national file does not freeze the
 * page). Beside the pane, the workbook's sheets as tabs with a plain grid; after Recalculate the
 * summary sheets appear there; Download saves the resulting file. The file never leaves the
 * machine: it is read from disk (or the bundled sample) and written in the page's worker.
 */
import * as React from "react";
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, FolderOpenRegular } from "@fluentui/react-icons";
import { isChitieuError } from "../core/errors";
import { render } from "../core/messages";
import { columnLetter } from "../core/grid";
import type { Outcome } from "../workbook/recalculate";
import type { SheetInfo } from "../workbook/port";
import { PaneHost, ThemeKind } from "../services/host";
import { TaskPane } from "../taskpane/TaskPane";
import { UiLang, strings, uiLangFrom } from "../taskpane/strings";
import type { SheetView } from "./sheetView";
import type { WorkerWorkbook } from "./workerClient";

/** A file to open: its name at once (the pane says what it is reading), its bytes when read. */
export interface PreviewSource {
  readonly name: string;
  bytes(): Promise<ArrayBuffer>;
}

export interface PreviewAppProps {
  /** The bundled sample, opened first. */
  readonly sample: PreviewSource;
  /** Reads the bytes as a workbook (in the worker); rejects with the file's one sentence when they are not one. */
  readonly open: (name: string, bytes: ArrayBuffer) => Promise<WorkerWorkbook>;
  /** Saves the bytes as a download under this name. */
  readonly download: (name: string, bytes: ArrayBuffer) => void;
  readonly displayLanguage: string;
  readonly theme: ThemeKind;
}

/** The preview's own words (the pane has its own, in strings.ts). */
const WORDS = {
  vi: {
    open: "Mở tệp…",
    openLabel: "Mở tệp Excel (.xlsx, .xlsm)",
    download: "Tải về",
    downloadLabel: (name: string) => `Tải về sổ làm việc kết quả “${name}”`,
    reading: (name: string) => `Đang đọc tệp “${name}”…`,
    downloadFailed: "Không tạo được tệp để tải về:",
    workbook: "Sổ làm việc",
    sheets: "Trang tính",
    truncated: (rows: number, cols: number) => `Chỉ hiện ${rows} hàng và ${cols} cột đầu.`,
  },
  en: {
    open: "Open…",
    openLabel: "Open an Excel file (.xlsx, .xlsm)",
    download: "Download",
    downloadLabel: (name: string) => `Download the result workbook “${name}”`,
    reading: (name: string) => `Reading “${name}”…`,
    downloadFailed: "Could not make the file to download:",
    workbook: "Workbook",
    sheets: "Sheets",
    truncated: (rows: number, cols: number) => `Only the first ${rows} rows and ${cols} columns are shown.`,
  },
} as const;

/** The result's file name: "x.xlsx" → "x-ket-qua.xlsx" (an .xlsm's result is an .xlsx: exceljs keeps no macros). */
export function resultName(name: string): string {
  // The package keeps an .xlsm's macros (issue 16), so it stays an .xlsm: Excel opens no .xlsx holding them.
  if (/\.xlsm$/i.test(name)) return name.replace(/\.xlsm$/i, "-ket-qua.xlsm");
  return name.replace(/(\.xlsx)?$/i, "-ket-qua.xlsx");
}

/** An error as one sentence in the user's language (the engine's message as the preview says it). */
export function problemText(lang: UiLang, error: unknown): string {
  if (isChitieuError(error)) return render(error.problem, { lang, shell: "preview" });
  const S = strings(lang);
  return `${S.unexpected}: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * The pane, drawn again only when its own props change: a tab picked or a grid arriving beside it
 * does not redraw a pane holding a national file's results.
 */
const Pane = React.memo(TaskPane);

/** The pane's width: within the 320–350 px of a task pane, so the preview shows what Excel's pane shows. */
export const PANE_WIDTH = 350;
/** Below this page width the pane and the sheets stack (a phone, a narrow window). */
const NARROW = "@media (max-width: 719px)";

const useStyles = makeStyles({
  app: {
    display: "flex",
    flexDirection: "column",
    height: "100vh",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    [NARROW]: { height: "auto", minHeight: "100vh" },
  },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: "8px",
    padding: "8px 12px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  file: { flexGrow: 1, flexBasis: "120px", minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  status: { flexBasis: "100%", order: 1, minWidth: 0 },
  body: { display: "flex", flexGrow: 1, minHeight: 0, [NARROW]: { flexDirection: "column" } },
  pane: {
    width: `${PANE_WIDTH}px`,
    maxWidth: "100%",
    boxSizing: "border-box",
    flexShrink: 0,
    overflowY: "auto",
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    [NARROW]: { width: "100%", overflowY: "visible", borderRight: "none", borderBottom: `1px solid ${tokens.colorNeutralStroke1}` },
  },
  placeholder: { display: "flex", flexDirection: "column", gap: "12px", padding: "12px" },
  main: { flexGrow: 1, display: "flex", flexDirection: "column", minWidth: 0, [NARROW]: { height: "80vh" } },
  tabs: { overflowX: "auto", flexShrink: 0, backgroundColor: tokens.colorNeutralBackground1 },
  // Contained: a grid drawn or grown lays out and paints on its own, not with the pane beside it.
  gridWrap: { flexGrow: 1, overflow: "auto", contain: "strict", backgroundColor: "#ffffff" },
  grid: { borderCollapse: "collapse", tableLayout: "fixed", fontSize: "12px", fontFamily: "Calibri, 'Segoe UI', Arial, sans-serif", color: "#000000" },
  th: { position: "sticky", top: 0, backgroundColor: "#f3f3f3", border: "1px solid #d4d4d4", fontWeight: 400, color: "#555", padding: "1px 6px", zIndex: 1 },
  rowHead: { backgroundColor: "#f3f3f3", border: "1px solid #d4d4d4", color: "#555", padding: "1px 6px", textAlign: "right", position: "sticky", left: 0 },
  td: { border: "1px solid #e1e1e1", padding: "1px 6px", whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
  note: { padding: "4px 8px", color: "#555" },
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

/** The open file: being read, read (its workbook in the worker), or not a workbook. */
type Doc =
  | { readonly status: "reading"; readonly name: string }
  | { readonly status: "ready"; readonly name: string; readonly id: number; readonly book: WorkerWorkbook }
  | { readonly status: "failed"; readonly name: string; readonly error: unknown };

export function PreviewApp(props: PreviewAppProps): React.JSX.Element {
  const styles = useStyles();
  const theme = useDarkPreference(props.theme);
  const lang = uiLangFrom(props.displayLanguage);
  const W = WORDS[lang];
  const S = strings(lang);
  const [doc, setDoc] = useState<Doc>({ status: "reading", name: props.sample.name });
  const [sheets, setSheets] = useState<readonly SheetInfo[]>([]);
  const [active, setActive] = useState<string | null>(null);
  // The grid in front, numbered: a view made again (after Recalculate) is drawn afresh.
  const [view, setView] = useState<{ readonly n: number; readonly view: SheetView } | null>(null);
  const views = useRef(0);
  // Bumped after each recalculation: the sheets and the grid are read again.
  const [version, setVersion] = useState(0);
  const [dragging, setDragging] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const input = useRef<HTMLInputElement>(null);
  // The last open wins: a slow read finishing after a later pick is dropped.
  const opening = useRef(0);
  const openBook = useRef(props.open);
  openBook.current = props.open;

  const open = useCallback((source: PreviewSource) => {
    const id = ++opening.current;
    // At once, before a byte is read: the pane says which file it is reading.
    setDoc({ status: "reading", name: source.name });
    setSaveError(null);
    setView(null);
    setSheets([]);
    setActive(null);
    source
      .bytes()
      .then((bytes) => openBook.current(source.name, bytes))
      .then(
        (book) => {
          if (id !== opening.current) return;
          const list = book.opened.sheets;
          startTransition(() => {
            setSheets(list);
            setActive(list.find((s) => !s.hidden)?.name ?? null);
            setDoc({ status: "ready", name: source.name, id, book });
          });
        },
        (error: unknown) => {
          if (id !== opening.current) return;
          setSheets([]);
          setActive(null);
          setDoc({ status: "failed", name: source.name, error });
        },
      );
  }, []);

  // The sample, once (a later file replaces it).
  const sample = useRef(props.sample);
  useEffect(() => open(sample.current), [open]);

  const book = doc.status === "ready" ? doc.book : null;

  // The grid of the sheet in front, made in the worker (numbers in the output language's format).
  useEffect(() => {
    if (!book || !active) return;
    let live = true;
    book.view(active).then(
      // A transition: React draws the grid in slices, between which the page stays responsive.
      (v) => live && startTransition(() => setView(v ? { n: ++views.current, view: v } : null)),
      () => live && setView(null),
    );
    return () => {
      live = false;
    };
  }, [book, active, version]);

  const host: PaneHost = useMemo(
    () => ({
      displayLanguage: props.displayLanguage,
      theme,
      activateSheet: async (name: string) => setActive(name),
    }),
    [props.displayLanguage, theme],
  );

  const onRecalculated = useCallback(
    (outcome: Outcome) => {
      // After the pane's results, not with them: the tabs and the grid follow in a transition.
      book?.listSheets().then(
        (l) => startTransition(() => setSheets(l)),
        () => undefined,
      );
      startTransition(() => {
        setVersion((n) => n + 1);
        setActive(outcome.written[0]?.name ?? null);
      });
    },
    [book],
  );

  const onFiles = (files: FileList | null) => {
    const f = files?.[0];
    if (f) open({ name: f.name, bytes: () => f.arrayBuffer() });
  };

  const onDownload = () => {
    if (!book) return;
    setSaveError(null);
    book.save().then(
      (bytes) => props.download(resultName(book.name), bytes),
      (e: unknown) => setSaveError(e),
    );
  };

  const visible = sheets.filter((s) => !s.hidden);

  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme}>
      <div
        className={`${styles.app} ${dragging ? styles.drop : ""}`}
        lang={lang}
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
        <div className={styles.toolbar}>
          <Text className={styles.file} weight="semibold" data-testid="file-name" title={doc.name}>
            {doc.name}
          </Text>
          {doc.status === "reading" && (
            <div role="status" aria-live="polite" className={styles.status} data-testid="file-reading">
              <Spinner size="extra-tiny" label={W.reading(doc.name)} labelPosition="after" />
            </div>
          )}
          <input
            ref={input}
            type="file"
            accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12"
            aria-label={W.openLabel}
            style={{ display: "none" }}
            data-testid="file-input"
            onChange={(e) => {
              onFiles(e.target.files);
              e.target.value = "";
            }}
          />
          <Button icon={<FolderOpenRegular />} aria-label={W.openLabel} onClick={() => input.current?.click()}>
            {W.open}
          </Button>
          <Button
            icon={<ArrowDownloadRegular />}
            aria-label={book ? W.downloadLabel(resultName(book.name)) : W.download}
            disabled={!book}
            onClick={onDownload}
            data-testid="download"
          >
            {W.download}
          </Button>
        </div>
        {saveError !== null && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              {W.downloadFailed} {problemText(lang, saveError)}
            </MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.body}>
          <aside className={styles.pane} aria-label="Chỉ tiêu" data-testid="pane">
            {/* While the file is read the pane shows its progress and Recalculate waits; a new workbook gets a fresh pane. */}
            {doc.status !== "failed" && (
              <Pane
                key={doc.status === "ready" ? doc.id : "reading"}
                port={doc.status === "ready" ? doc.book : null}
                engine={doc.status === "ready" ? doc.book : undefined}
                workbookLoading={doc.status === "reading"}
                host={host}
                onRecalculated={onRecalculated}
              />
            )}
            {doc.status === "failed" && (
              <div className={styles.placeholder}>
                <Text as="h1" size={500} weight="semibold" style={{ margin: 0 }}>
                  {S.appTitle}
                </Text>
                <MessageBar
                  intent="error"
                  layout="multiline"
                  role="alert"
                  data-testid="file-error"
                  data-code={isChitieuError(doc.error) ? doc.error.problem.code : undefined}
                >
                  <MessageBarBody>{problemText(lang, doc.error)}</MessageBarBody>
                </MessageBar>
                <Button appearance="primary" icon={<FolderOpenRegular />} onClick={() => input.current?.click()}>
                  {W.open}
                </Button>
              </div>
            )}
          </aside>
          <section className={styles.main} aria-label={W.workbook} data-testid="workbook">
            <div className={styles.tabs}>
              <TabList size="small" selectedValue={active ?? ""} onTabSelect={(_, d) => setActive(String(d.value))} aria-label={W.sheets}>
                {visible.map((s) => (
                  <Tab key={s.name} value={s.name} data-sheet={s.name} data-summary={s.ours ? "true" : "false"}>
                    {s.ours ? `★ ${s.name}` : s.name}
                  </Tab>
                ))}
              </TabList>
            </div>
            <div className={styles.gridWrap} role="region" aria-label={active ?? ""} tabIndex={0}>
              {view && book && <GridTable key={view.n} view={view.view} styles={styles} />}
              {view && book && view.view.truncated && (
                <Text className={styles.note} size={200}>
                  {W.truncated(view.view.rows.length, view.view.columns)}
                </Text>
              )}
            </div>
          </section>
        </div>
      </div>
    </FluentProvider>
  );
}

/**
 * Rows drawn at first, and added each time the last one drawn scrolls near into view: a sheet of
 * 400 rows × 40 columns drawn at once holds the page for a long task (layout and paint of 16,000
 * cells), and a national ranked sheet is read from the top anyway.
 */
export const FIRST_ROWS = 50;
const MORE_ROWS = 50;

function GridTable({ view, styles }: { view: SheetView; styles: ReturnType<typeof useStyles> }): React.JSX.Element {
  // Without IntersectionObserver (jsdom) every row at once.
  const lazy = typeof IntersectionObserver === "function";
  const [shown, setShown] = useState(lazy ? Math.min(view.rows.length, FIRST_ROWS) : view.rows.length);
  const sentinel = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!lazy || !el || shown >= view.rows.length) return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setShown((n) => Math.min(view.rows.length, n + MORE_ROWS));
      },
      { root: el.closest("[role=region]"), rootMargin: "600px 0px" },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [lazy, shown, view.rows.length]);
  return (
    <table className={styles.grid} data-testid="grid" data-sheet={view.name} data-rows={shown} style={{ width: 40 + view.widths.reduce((a, b) => a + b, 0) }}>
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
        {view.rows.slice(0, shown).map((row, r) => (
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
                  style={{
                    backgroundColor: cell?.fill ?? undefined,
                    color: cell?.color ?? undefined,
                    fontWeight: cell?.bold ? 600 : undefined,
                    textAlign: cell?.numeric ? "right" : undefined,
                    overflow: spill ? "visible" : undefined,
                  }}
                >
                  {cell?.text ?? ""}
                </td>
              );
            })}
          </tr>
        ))}
        {shown < view.rows.length && (
          <tr ref={sentinel} aria-hidden="true">
            <td colSpan={view.columns + 1} style={{ height: 20 }} />
          </tr>
        )}
      </tbody>
    </table>
  );
}
