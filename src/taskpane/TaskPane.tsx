/**
 * The task pane: choose the sheets and options, see what was detected before anything is
 * written, Recalculate, read the results. It talks to the workbook only through a WorkbookPort,
 * the shared pipeline (analyze) and services/pane.ts (saved choices; recalculate and remember;
 * showing a sheet), so Excel and the browser preview run the same pane. No Office globals here:
 * the host's language, theme and sheet activation come in `host`.
 *
 * An error a field fixes (its message's `setting`: a sheet, a column's role, a goal, the date,
 * the area) is shown under that field, with the rest of the pane as it was; only the others go to
 * the bar at the top. The pane fits 320 px: nothing has a fixed width, long names wrap, and the
 * sticky Recalculate bar never hides the field that has the focus.
 */
import * as React from "react";
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Spinner,
  Text,
  makeStaticStyles,
  makeStyles,
  tokens,
  useId,
} from "@fluentui/react-components";
import { ArrowSyncRegular } from "@fluentui/react-icons";
import { DEFAULT_LOWEST, RunChoices } from "../core/settings";
import { SHEET_ROLES, SheetChoice, SheetRole, chooseSheets } from "../core/roles";
import { SETTING_LABELS } from "../core/messages";
import { detectedReportContext } from "../core/reportContext";
import { WorkbookPort, SheetInfo } from "../workbook/port";
import { Analysis, Outcome, analyze, retell } from "../workbook/recalculate";
import { PaneHost } from "../services/host";
import { loadChoices, openSheet, recalculateAndRemember } from "../services/pane";
import { rememberReads } from "../services/readCache";
import { UiLang, strings, uiLangFrom } from "./strings";
import { SheetPickers } from "./components/SheetPickers";
import { DetectionView } from "./components/DetectionView";
import { OptionsForm } from "./components/OptionsForm";
import { GoalsForm } from "./components/GoalsForm";
import { FieldPlace, ProblemBar, WarningsBar, fieldProblem } from "./components/Problems";

// The results are not on the first screen: load them when there are some.
const ResultsView = lazy(() => import(/* webpackChunkName: "results" */ "./components/ResultsView"));

export interface TaskPaneProps {
  /** The workbook; null while the host is still opening it (the pane shows that it is being read). */
  readonly port: WorkbookPort | null;
  readonly host: PaneHost;
  /** Called after a successful recalculation (the preview redraws its sheets). */
  readonly onRecalculated?: (outcome: Outcome) => void;
  /**
   * True while the host reads the workbook (the preview parsing a file): the pane shows progress
   * at once, reads nothing through the port, and Recalculate waits.
   */
  readonly workbookLoading?: boolean;
  /**
   * Runs the pipeline elsewhere (the preview's Web Worker, so a national workbook never freezes
   * the page) instead of `analyze` / `recalculateAndRemember` over `port` on this thread.
   */
  readonly engine?: PaneEngine;
}

/** The pipeline as the pane calls it: the same two steps every shell runs. */
export interface PaneEngine {
  analyze(choices: RunChoices): Promise<Analysis>;
  recalculateAndRemember(choices: RunChoices): Promise<Outcome>;
}

/**
 * The sheets the analysis read each role from: the one chosen, else the sheet whose columns lent
 * that role (a one-sheet report's plan columns), so a picker never says "none" for a plan in use.
 */
function effectiveChoice(a: Analysis): SheetChoice {
  const used = a.summary.sheets;
  return { ...a.choice, targets: a.choice.targets ?? used.targets, base: a.choice.base ?? used.base, previous: a.choice.previous ?? used.previous ?? null };
}

type AnalysisState = { status: "loading" } | { status: "ready"; analysis: Analysis } | { status: "error"; error: unknown };
type RunState = { status: "idle" } | { status: "running" } | { status: "done"; outcome: Outcome } | { status: "error"; error: unknown };

/** Room the sticky Recalculate bar takes at the bottom: a field brought into view by the focus stays above it. */
export const STICKY_ROOM = "120px";

// The task pane's document scrolls: its scroll padding keeps a focused field above the sticky bar.
const useGlobalStyles = makeStaticStyles({ html: { scrollPaddingBottom: STICKY_ROOM } });

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: "12px",
    padding: "12px",
    boxSizing: "border-box",
    minHeight: "100vh",
    width: "100%",
    minWidth: 0,
    maxWidth: "100%",
    // Long sheet, unit and column names wrap rather than widen the pane (320 px, no sideways scroll).
    overflowWrap: "anywhere",
    scrollPaddingBottom: STICKY_ROOM,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    "& input, & select, & textarea, & button, & [tabindex]": { scrollMarginBottom: STICKY_ROOM },
    "& select, & input": { maxWidth: "100%" },
  },
  header: { display: "flex", alignItems: "flex-start", justifyContent: "space-between", gap: "8px", flexWrap: "wrap" },
  titles: { display: "flex", flexDirection: "column", minWidth: 0 },
  lang: { minWidth: "110px" },
  reading: { display: "flex", flexDirection: "column", gap: "4px" },
  actions: {
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    position: "sticky",
    bottom: 0,
    paddingTop: "6px",
    paddingBottom: "6px",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  link: { minHeight: "24px", display: "inline-flex", alignItems: "center", textAlign: "start" },
  // Stale figures stay readable but plainly not current.
  stale: { opacity: 0.45, filter: "grayscale(1)" },
});

/** Two sets of choices alike, whatever the order of their keys. */
export function sameChoices(a: RunChoices | null, b: RunChoices | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const canon = (_k: string, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([, x]) => x !== undefined)
            .sort(([x], [y]) => (x < y ? -1 : 1)),
        )
      : v;
  return JSON.stringify(a, canon) === JSON.stringify(b, canon);
}

/**
 * Two sets of choices that differ at most in what only the paragraph says: the date, the area and
 * how many of the lowest units it names. Such a change reads nothing: the last analysis is retold.
 */
export function onlyParagraphChanged(a: RunChoices, b: RunChoices): boolean {
  const rest = (c: RunChoices): RunChoices => ({ ...c, asOf: undefined, area: undefined, lowest: undefined });
  return sameChoices(rest(a), rest(b));
}

/** The paragraph is written again once typing in the date or the area pauses this long, not on every key. */
export const PARAGRAPH_PAUSE_MS = 300;

const isSheetRole = (p: FieldPlace): p is SheetRole => (SHEET_ROLES as readonly string[]).includes(p);

export function TaskPane({ port, host, onRecalculated, workbookLoading = false, engine }: TaskPaneProps): React.JSX.Element {
  useGlobalStyles();
  const styles = useStyles();
  const [lang, setLang] = useState<UiLang>(() => uiLangFrom(host.displayLanguage));
  const S = strings(lang);
  const [choices, setChoices] = useState<RunChoices | null>(null);
  const [sheetList, setSheetList] = useState<readonly SheetInfo[]>([]);
  const [analysis, setAnalysis] = useState<AnalysisState>({ status: "loading" });
  // The workbook has been read once (the first analysis ended, well or not): until then Recalculate waits.
  const [read, setRead] = useState(false);
  const [run, setRun] = useState<RunState>({ status: "idle" });
  // The choices the shown results were computed with: any other choices make them stale.
  const [ranWith, setRanWith] = useState<RunChoices | null>(null);
  const [reload, setReload] = useState(0);
  // Fields holding text that is not used (a goal typo, a date that is no date): Recalculate waits for them.
  const [invalid, setInvalid] = useState<ReadonlySet<FieldPlace>>(() => new Set());
  const running = useRef(false);
  // The last reading that succeeded: the goals form keeps offering its indicators, and an error a
  // field fixes keeps its detection on screen.
  const lastGood = useRef<Analysis | null>(null);
  const rootRef = useRef<HTMLElement>(null);
  const resultsRef = useRef<HTMLElement>(null);
  const topErrorRef = useRef<HTMLDivElement>(null);
  const langId = useId("ui-lang");
  const opening = !port || workbookLoading;
  // The analyses on this thread read through this: the grids are read once, and again only after
  // the workbook changed (the host says so), a Recalculate or a retry (services/readCache.ts).
  const reader = useMemo(() => (port && !engine ? rememberReads(port) : null), [port, engine]);
  // The last analysis that succeeded and the choices it was made with: a change of the paragraph's
  // fields alone retells it.
  const analyzed = useRef<{ choices: RunChoices; analysis: Analysis } | null>(null);
  const retried = useRef(reload);

  const watch = host.watchWorkbook;
  useEffect(() => (reader && watch ? watch(() => reader.forget()) : undefined), [reader, watch]);

  // Saved choices first (a colleague's file opens with their choices), else the defaults. A new
  // workbook starts over: nothing of the last one's results or readings stays.
  useEffect(() => {
    setChoices(null);
    setAnalysis({ status: "loading" });
    setRead(false);
    setRun({ status: "idle" });
    setRanWith(null);
    lastGood.current = null;
    analyzed.current = null;
    if (!port || workbookLoading) return;
    let live = true;
    loadChoices(port).then((c) => live && setChoices(c));
    return () => {
      live = false;
    };
  }, [port, workbookLoading]);

  // Detect (without writing anything) whenever the choices change.
  useEffect(() => {
    if (!choices || !port || workbookLoading) return;
    const retry = retried.current !== reload;
    retried.current = reload;
    const last = analyzed.current;
    let live = true;
    const done = (a: Analysis) => {
      if (!live) return;
      analyzed.current = { choices, analysis: a };
      setSheetList(a.sheetList);
      setAnalysis({ status: "ready", analysis: a });
      setRead(true);
    };
    const failed = (error: unknown) => {
      if (!live) return;
      analyzed.current = null;
      setAnalysis({ status: "error", error });
      setRead(true);
      (reader ?? port).listSheets().then(
        (list) => live && setSheetList(list),
        () => undefined,
      );
    };
    if (last && !retry && onlyParagraphChanged(last.choices, choices)) {
      // The date, the area or the count of units named: the detection stays as it is, and the
      // paragraph is written again once typing pauses (each key cancels the last wait) — here from
      // the last analysis, reading nothing; the preview's worker analyses again on its own copy.
      const wait = setTimeout(() => {
        if (engine) return void engine.analyze(choices).then(done, failed);
        try {
          done(retell(last.analysis, choices));
        } catch (error) {
          // Said under its field; the last analysis stays the one to retell once it is fixed.
          setAnalysis({ status: "error", error });
        }
      }, PARAGRAPH_PAUSE_MS);
      return () => {
        live = false;
        clearTimeout(wait);
      };
    }
    setAnalysis({ status: "loading" });
    // The analysis lists the sheets itself: its list fills the pickers (no second round trip to
    // Excel); when it fails, the sheets are listed on their own so another can be chosen.
    (engine ? engine.analyze(choices) : analyze(reader ?? port, choices)).then(done, failed);
    return () => {
      live = false;
    };
  }, [port, reader, engine, workbookLoading, choices, reload]);

  const onRecalculate = useCallback(async () => {
    // One recalculation at a time: a second click while one runs does nothing.
    if (running.current || !choices || !port) return;
    running.current = true;
    setRun({ status: "running" });
    try {
      // The sheets as they are now, not as last read: this is what gets written.
      const outcome = await (engine ? engine.recalculateAndRemember(choices) : recalculateAndRemember(port, choices));
      setRanWith(choices);
      setRun({ status: "done", outcome });
      port.listSheets().then(setSheetList, () => undefined);
      onRecalculated?.(outcome);
    } catch (error) {
      setRun({ status: "error", error });
    } finally {
      running.current = false;
      // Our sheets are new (or a failed write left who knows what): the next analysis reads again.
      reader?.forget();
    }
  }, [port, reader, engine, choices, onRecalculated]);

  const change = useCallback((next: RunChoices) => {
    if (running.current) return;
    setChoices(next);
    setRun((r) => (r.status === "error" ? { status: "idle" } : r));
  }, []);

  const onValidity = useCallback((field: FieldPlace, valid: boolean) => {
    setInvalid((prev) => {
      if (prev.has(field) === !valid) return prev;
      const next = new Set(prev);
      if (valid) next.delete(field);
      else next.add(field);
      return next;
    });
  }, []);

  const ready = analysis.status === "ready" ? analysis.analysis : null;
  if (ready) lastGood.current = ready;
  // While the analysis fails (a duplicate unit, no table …), the pickers still show the sheets
  // recognised by their names, so the message is not read as "no sheet is used".
  const byName = useMemo<SheetChoice | null>(() => {
    if (ready || !choices) return null;
    const inputs = sheetList.filter((s) => !s.ours && s.kind === "worksheet").map((s) => s.name);
    try {
      // As the pipeline does: a hidden sheet is taken only when named.
      return chooseSheets(inputs, choices.sheets, new Map(), new Set(sheetList.filter((s) => s.hidden).map((s) => s.name)));
    } catch {
      return null;
    }
  }, [ready, sheetList, choices]);
  const isRunning = run.status === "running";
  // An option, a goal, a sheet or a column's role changed since the run: the results no longer
  // say what Recalculate would write. By value: leaving a goal's field without a change is none.
  const stale = useMemo(() => run.status === "done" && !sameChoices(ranWith, choices), [run.status, ranWith, choices]);

  // Where the error goes: under the field that fixes it, else the bar at the top. An error a goal,
  // the date, the area or a column's role fixes keeps the last good reading on screen (the same
  // sheets, read the same way); one a sheet choice fixes does not (that reading was of other sheets).
  const error = analysis.status === "error" ? analysis.error : run.status === "error" ? run.error : null;
  const fromRun = analysis.status !== "error" && run.status === "error";
  let atField = fieldProblem(S, error);
  const shown = ready?.summary ?? (atField && !isSheetRole(atField.place) && atField.place !== "crosswalk" ? (lastGood.current?.summary ?? null) : null);
  if (atField?.place === "map" && !shown) atField = null;
  const topError = error !== null && !atField ? error : null;
  const detected = useMemo(() => (shown ? detectedReportContext(shown) : null), [shown]);
  const toFix: FieldPlace | null = atField?.place ?? [...invalid][0] ?? null;

  const focusField = useCallback((place: FieldPlace) => {
    const el = rootRef.current?.querySelector<HTMLElement>(`[data-setting="${place}"]`);
    el?.scrollIntoView?.({ block: "center" });
    el?.focus();
  }, []);

  // Bring fresh results into view (the pane is narrow and the form is long), the first time too:
  // the region is outside the lazy view's Suspense, so it is there when the run is done.
  useEffect(() => {
    if (run.status === "done") resultsRef.current?.scrollIntoView?.({ block: "start", behavior: "smooth" });
  }, [run]);

  // A failed run is said where its fix is, which may be far above the button that was pressed.
  useEffect(() => {
    if (!fromRun) return;
    if (atField) rootRef.current?.querySelector<HTMLElement>(`[data-setting="${atField.place}"]`)?.scrollIntoView?.({ block: "center" });
    else topErrorRef.current?.scrollIntoView?.({ block: "start" });
    // Once per failed run (the run state changes once per run).
  }, [run]);

  const reading = opening || !choices || (analysis.status === "loading" && !read);
  const blocked = reading || isRunning || analysis.status === "error" || invalid.size > 0;

  return (
    <main ref={rootRef} className={styles.root} lang={lang} aria-busy={isRunning || reading || analysis.status === "loading"}>
      <header className={styles.header}>
        <div className={styles.titles}>
          <Text as="h1" size={500} weight="semibold" style={{ margin: 0 }}>
            {S.appTitle}
          </Text>
          <Text size={200}>{S.appSubtitle}</Text>
        </div>
        <div className={styles.lang}>
          <label htmlFor={langId} style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}>
            {S.language}
          </label>
          <Select id={langId} size="small" value={lang} onChange={(_, d) => setLang(d.value === "en" ? "en" : "vi")}>
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </Select>
        </div>
      </header>

      {reading && (
        <div className={styles.reading} role="status" data-testid="reading">
          <ProgressBar thickness="large" aria-label={S.detecting} />
          <Text size={200}>{S.detecting}</Text>
        </div>
      )}
      {topError !== null && (
        <div ref={topErrorRef}>
          <ProblemBar
            S={S}
            error={topError}
            onRetry={
              analysis.status === "error"
                ? () => {
                    reader?.forget();
                    setReload((n) => n + 1);
                  }
                : undefined
            }
          />
        </div>
      )}

      {!opening && choices && (
        <>
          <SheetPickers
            S={S}
            sheets={sheetList}
            choices={choices}
            detected={ready ? effectiveChoice(ready) : byName}
            disabled={isRunning}
            onChange={change}
            problem={atField && (isSheetRole(atField.place) || atField.place === "crosswalk") ? atField : null}
          />
          {analysis.status === "loading" && read && <Spinner size="tiny" label={S.detecting} labelPosition="after" />}
          {shown && (
            <DetectionView
              S={S}
              summary={shown}
              collapsed={run.status === "done" && !stale}
              choices={choices}
              onChange={change}
              disabled={isRunning}
              problem={atField?.place === "map" ? atField : null}
            />
          )}
          {ready && ready.summary.warnings.length > 0 && run.status !== "done" && <WarningsBar S={S} warnings={ready.summary.warnings} />}
          <OptionsForm S={S} choices={choices} disabled={isRunning} onChange={change} detected={detected} problem={atField} onValidity={onValidity} />
          <GoalsForm
            S={S}
            choices={choices}
            summary={lastGood.current?.summary ?? null}
            disabled={isRunning}
            onChange={change}
            problem={atField?.place === "goal" ? atField : null}
            onValidity={onValidity}
          />
        </>
      )}

      <div className={styles.actions} data-testid="actions">
        <Button
          appearance="primary"
          icon={isRunning ? <Spinner size="tiny" /> : <ArrowSyncRegular />}
          disabledFocusable={blocked}
          aria-disabled={blocked}
          onClick={onRecalculate}
        >
          {S.recalculate}
        </Button>
        <div role="status" aria-live="polite" data-testid="run-status">
          {isRunning && <ProgressBar thickness="large" aria-label={S.recalculating} />}
          {isRunning && <Text size={200}>{S.recalculating}</Text>}
          {reading && !isRunning && <Text size={200}>{S.waitReading}</Text>}
          {!isRunning && !reading && toFix && (
            <Link as="button" className={styles.link} data-testid="fix-field" onClick={() => focusField(toFix)}>
              {S.fixField(SETTING_LABELS[lang][toFix])}
            </Link>
          )}
          {run.status === "done" && !toFix && <Text size={200}>{stale ? S.stale : S.done(run.outcome.written.length)}</Text>}
        </div>
      </div>

      {run.status === "done" && (
        <section ref={resultsRef} aria-live="polite" aria-label={S.results} data-testid="results-region">
          <Suspense fallback={<Spinner size="tiny" />}>
            {stale && (
              <MessageBar intent="warning" layout="multiline" data-testid="stale">
                <MessageBarBody>
                  <MessageBarTitle>{S.stale}</MessageBarTitle>
                  {S.staleDetail}
                </MessageBarBody>
              </MessageBar>
            )}
            <div className={stale ? styles.stale : undefined} data-stale={stale ? "true" : "false"} data-testid="results-figures">
              <ResultsView S={S} lang={lang} outcome={run.outcome} lowest={ranWith?.lowest ?? DEFAULT_LOWEST} onOpenSheet={(name) => openSheet(host, name)} />
            </div>
          </Suspense>
        </section>
      )}
      {run.status === "done" && run.outcome.summary.warnings.length > 0 && <WarningsBar S={S} warnings={run.outcome.summary.warnings} />}
    </main>
  );
}
