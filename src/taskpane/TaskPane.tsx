/**
 * The task pane: choose the sheets and options, see what was detected before anything is
 * written, Recalculate, read the results. It talks to the workbook only through a WorkbookPort,
 * the shared pipeline (analyze) and services/pane.ts (saved choices; recalculate and remember), so
 * Excel and the browser preview run the same pane. No Office globals here: the host's language,
 * theme and sheet activation come in `host`.
 */
import * as React from "react";
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Select, Spinner, Text, makeStyles, tokens, useId } from "@fluentui/react-components";
import { ArrowSyncRegular } from "@fluentui/react-icons";
import { RunChoices } from "../core/settings";
import { SheetChoice, chooseSheets } from "../core/roles";
import { WorkbookPort, SheetInfo } from "../workbook/port";
import { Analysis, Outcome, analyze } from "../workbook/recalculate";
import { PaneHost } from "../services/host";
import { loadChoices, recalculateAndRemember } from "../services/pane";
import { UiLang, strings, uiLangFrom } from "./strings";
import { SheetPickers } from "./components/SheetPickers";
import { DetectionView } from "./components/DetectionView";
import { OptionsForm } from "./components/OptionsForm";
import { GoalsForm } from "./components/GoalsForm";
import { ProblemBar, WarningsBar } from "./components/Problems";

// The results are not on the first screen: load them when there are some.
const ResultsView = lazy(() => import(/* webpackChunkName: "results" */ "./components/ResultsView"));

export interface TaskPaneProps {
  readonly port: WorkbookPort;
  readonly host: PaneHost;
  /** Called after a successful recalculation (the preview redraws its sheets). */
  readonly onRecalculated?: (outcome: Outcome) => void;
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

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", padding: "12px", boxSizing: "border-box", minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  header: { display: "flex", alignItems: "flex-start", justifyContent: "space-between", gap: "8px" },
  titles: { display: "flex", flexDirection: "column" },
  lang: { minWidth: "110px" },
  actions: { display: "flex", flexDirection: "column", gap: "6px", position: "sticky", bottom: 0, paddingTop: "6px", paddingBottom: "6px", backgroundColor: tokens.colorNeutralBackground1 },
  // Stale figures stay readable but plainly not current.
  stale: { opacity: 0.45, filter: "grayscale(1)" },
});

/** Two sets of choices alike, whatever the order of their keys. */
export function sameChoices(a: RunChoices | null, b: RunChoices | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const canon = (_k: string, v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([x], [y]) => (x < y ? -1 : 1))) : v);
  return JSON.stringify(a, canon) === JSON.stringify(b, canon);
}

export function TaskPane({ port, host, onRecalculated }: TaskPaneProps): React.JSX.Element {
  const styles = useStyles();
  const [lang, setLang] = useState<UiLang>(() => uiLangFrom(host.displayLanguage));
  const S = strings(lang);
  const [choices, setChoices] = useState<RunChoices | null>(null);
  const [sheetList, setSheetList] = useState<readonly SheetInfo[]>([]);
  const [analysis, setAnalysis] = useState<AnalysisState>({ status: "loading" });
  const [run, setRun] = useState<RunState>({ status: "idle" });
  // The choices the shown results were computed with: any other choices make them stale.
  const [ranWith, setRanWith] = useState<RunChoices | null>(null);
  const [reload, setReload] = useState(0);
  const running = useRef(false);
  const resultsRef = useRef<HTMLElement>(null);
  const langId = useId("ui-lang");

  // Saved choices first (a colleague's file opens with their choices), else the defaults.
  useEffect(() => {
    let live = true;
    loadChoices(port).then((c) => live && setChoices(c));
    return () => {
      live = false;
    };
  }, [port]);

  // Detect (without writing anything) whenever the choices change.
  useEffect(() => {
    if (!choices) return;
    let live = true;
    setAnalysis({ status: "loading" });
    // The analysis lists the sheets itself: its list fills the pickers (no second round trip to
    // Excel); when it fails, the sheets are listed on their own so another can be chosen.
    analyze(port, choices).then(
      (a) => {
        if (!live) return;
        setSheetList(a.sheetList);
        setAnalysis({ status: "ready", analysis: a });
      },
      (error: unknown) => {
        if (!live) return;
        setAnalysis({ status: "error", error });
        port.listSheets().then((list) => live && setSheetList(list), () => undefined);
      },
    );
    return () => {
      live = false;
    };
  }, [port, choices, reload]);

  const onRecalculate = useCallback(async () => {
    // One recalculation at a time: a second click while one runs does nothing.
    if (running.current || !choices) return;
    running.current = true;
    setRun({ status: "running" });
    try {
      const outcome = await recalculateAndRemember(port, choices);
      setRanWith(choices);
      setRun({ status: "done", outcome });
      port.listSheets().then(setSheetList, () => undefined);
      onRecalculated?.(outcome);
    } catch (error) {
      setRun({ status: "error", error });
    } finally {
      running.current = false;
    }
  }, [port, choices, onRecalculated]);

  // Bring fresh results into view (the pane is narrow and the form is long).
  useEffect(() => {
    if (run.status === "done") resultsRef.current?.scrollIntoView?.({ block: "start", behavior: "smooth" });
  }, [run]);

  const change = useCallback((next: RunChoices) => {
    if (running.current) return;
    setChoices(next);
    setRun((r) => (r.status === "error" ? { status: "idle" } : r));
  }, []);

  const ready = analysis.status === "ready" ? analysis.analysis : null;
  // The goals form keeps offering the indicators found while a goal being typed is invalid.
  const lastGood = useRef<Analysis | null>(null);
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

  return (
    <main className={styles.root} lang={lang} aria-busy={isRunning || analysis.status === "loading"}>
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

      {!choices ? (
        <Spinner size="small" label={S.detecting} />
      ) : (
        <>
          <SheetPickers S={S} sheets={sheetList} choices={choices} detected={ready ? effectiveChoice(ready) : byName} disabled={isRunning} onChange={change} />
          {analysis.status === "loading" && <Spinner size="tiny" label={S.detecting} labelPosition="after" />}
          {analysis.status === "error" && <ProblemBar S={S} error={analysis.error} onRetry={() => setReload((n) => n + 1)} />}
          {ready && <DetectionView S={S} summary={ready.summary} collapsed={run.status === "done" && !stale} choices={choices} onChange={change} disabled={isRunning} />}
          {ready && ready.summary.warnings.length > 0 && run.status !== "done" && <WarningsBar S={S} warnings={ready.summary.warnings} />}
          <OptionsForm S={S} choices={choices} disabled={isRunning} onChange={change} />
          <GoalsForm S={S} choices={choices} summary={lastGood.current?.summary ?? null} disabled={isRunning} onChange={change} />
        </>
      )}

      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={isRunning ? <Spinner size="tiny" /> : <ArrowSyncRegular />}
          disabledFocusable={!choices || isRunning || analysis.status === "error"}
          aria-disabled={!choices || isRunning || analysis.status === "error"}
          onClick={onRecalculate}
        >
          {S.recalculate}
        </Button>
        <div role="status" aria-live="polite" data-testid="run-status">
          {isRunning && <ProgressBar thickness="large" aria-label={S.recalculating} />}
          {isRunning && <Text size={200}>{S.recalculating}</Text>}
          {run.status === "done" && <Text size={200}>{stale ? S.stale : S.done(run.outcome.written.length)}</Text>}
        </div>
      </div>

      {run.status === "error" && <ProblemBar S={S} error={run.error} />}
      {run.status === "done" && (
        <Suspense fallback={<Spinner size="tiny" />}>
          <section ref={resultsRef} aria-live="polite" aria-label={S.results}>
            {stale && (
              <MessageBar intent="warning" layout="multiline" data-testid="stale">
                <MessageBarBody>
                  <MessageBarTitle>{S.stale}</MessageBarTitle>
                  {S.staleDetail}
                </MessageBarBody>
              </MessageBar>
            )}
            <div className={stale ? styles.stale : undefined} data-stale={stale ? "true" : "false"} data-testid="results-figures">
              <ResultsView S={S} lang={lang} outcome={run.outcome} onOpenSheet={(name) => void host.activateSheet(name).catch(() => undefined)} />
            </div>
          </section>
        </Suspense>
      )}
      {run.status === "done" && run.outcome.summary.warnings.length > 0 && <WarningsBar S={S} warnings={run.outcome.summary.warnings} />}
    </main>
  );
}
