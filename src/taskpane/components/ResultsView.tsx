/**
 * The results of a recalculation: per indicator and measure the area-wide rate and the units
 * below the average (lowest first), with a link to its ranked sheet; then every summary sheet
 * written. Each card also shows growth on the same period, the goal and the units short of it, and
 * the groups, where the result has them; the report's paragraphs follow the cards. Loaded lazily:
 * the first screen does not need it. A list names the lowest N units (the "lowest" choice), then
 * "và N đơn vị khác" and "xem tất cả", which opens the ranked sheet that has them all: with 168
 * communes a card stays a card.
 */
import * as React from "react";
import { Card, CardHeader, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { formatCount, formatPercent, formatPercentShort, formatPoints } from "../../core/format";
import { belowAverageList, offPaceList, shortOfGoalList, toGoalOfUnits, type UnitList } from "../../core/unitLists";
import { paceSummaryLine } from "../../core/paceText";
import { narrativeCaution } from "../../core/caveats";
import { IndicatorResult, UnitResult } from "../../core/results";
import { resultKey } from "../../core/results";
import { resultName } from "../../core/i18n";
import { DEFAULT_LOWEST } from "../../core/settings";
import { Outcome } from "../../workbook/recalculate";
import { UiLang, UiStrings } from "../strings";
import { NarrativePanel } from "./NarrativePanel";
import { Caveats } from "./Caveats";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px" },
  rate: { fontSize: tokens.fontSizeBase500, fontWeight: 600 },
  below: { margin: "4px 0 0", paddingLeft: "18px" },
  belowRate: { color: tokens.colorPaletteRedForeground1, fontVariantNumeric: "tabular-nums" },
  sheets: { margin: 0, paddingLeft: "18px" },
  // A link is a target of at least 24 px (WCAG 2.5.8), also inside a line of text.
  link: { minHeight: "24px", display: "inline-flex", alignItems: "center", textAlign: "start" },
  more: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: "6px", margin: "2px 0 0 18px" },
});

export interface ResultsViewProps {
  readonly S: UiStrings;
  readonly lang: UiLang;
  readonly outcome: Outcome;
  readonly onOpenSheet: (name: string) => void;
  /** How many of the lowest units a list names before "và N đơn vị khác" (the run's `lowest`). */
  readonly lowest?: number;
}

/** The first units of a list (the run's `lowest`), then "và N đơn vị khác · xem tất cả" (the ranked sheet). */
function ShortList(props: {
  list: UnitList;
  testId: string;
  line: (u: UnitResult) => React.ReactNode;
  S: UiStrings;
  sheet: string | null;
  onOpenSheet: (name: string) => void;
}): React.JSX.Element {
  const { list, testId, line, S, sheet, onOpenSheet } = props;
  const styles = useStyles();
  const shown = list.units;
  const rest = list.total - shown.length;
  return (
    <>
      <ul className={styles.below} data-testid={testId}>
        {shown.map((u) => (
          <li key={u.unit}>{line(u)}</li>
        ))}
      </ul>
      {rest > 0 && (
        <div className={styles.more} data-testid={`${testId}-more`}>
          <Text size={200}>{S.moreUnits(rest)}</Text>
          {sheet && (
            <Link as="button" className={styles.link} aria-label={S.seeAllIn(sheet)} onClick={() => onOpenSheet(sheet)}>
              {S.seeAll}
            </Link>
          )}
        </div>
      )}
    </>
  );
}

function title(r: IndicatorResult, S: UiStrings, lang: UiLang): string {
  return `${resultName(r, lang)} — ${r.measure === "attainment" ? S.attainment : S.coverage}`;
}

export function IndicatorCard(props: {
  r: IndicatorResult;
  S: UiStrings;
  lang: UiLang;
  sheet: string | null;
  onOpenSheet: (name: string) => void;
  lowest?: number;
}): React.JSX.Element {
  const { r, S, lang, sheet, onOpenSheet, lowest = DEFAULT_LOWEST } = props;
  const styles = useStyles();
  const pct = (x: number | null) => (x === null ? "—" : formatPercent(x, lang));
  // Lists picked on the result's columns: only the units a card names are made into objects.
  // Once per result: the pane renders a card again on every change around it.
  const below = React.useMemo(() => belowAverageList(r, lowest), [r, lowest]);
  const name = title(r, S, lang);
  const shortOfGoal = React.useMemo(() => shortOfGoalList(r, lowest), [r, lowest]);
  const need = React.useMemo(() => toGoalOfUnits(r), [r]);
  // A goal against plan reads as the paragraph has it ("105% kế hoạch"); what is short is people for the catalogue's indicators only.
  const goalText = (g: number) => (r.measure === "attainment" ? S.goalOfPlan(formatPercentShort(g, lang)) : formatPercentShort(g, lang));
  const people = !r.indicatorKey.startsWith("custom:");
  const pace = paceSummaryLine(r, lang);
  const offPace = React.useMemo(() => offPaceList(r, lowest), [r, lowest]);
  return (
    <Card size="small" aria-label={name} data-testid={`result-${r.indicatorKey}-${r.measure}${r.variant ? `-${r.variant}` : ""}`}>
      <CardHeader
        header={
          <Text as="h3" weight="semibold" style={{ margin: 0 }}>
            {name}
          </Text>
        }
      />
      <div>
        <Text className={styles.rate}>{pct(r.overall)}</Text>{" "}
        <Text size={200}>
          {S.area}: {S.overallOf(formatCount(r.actualTotal, lang), formatCount(r.denominatorTotal, lang), pct(r.overall))}
        </Text>
      </div>
      {pace && (
        <Text size={200} block data-testid="pace">
          {pace}
        </Text>
      )}
      {r.average !== r.overall && (
        <Text size={200}>
          {S.averageUsed}: {pct(r.average)}
        </Text>
      )}
      <div>
        <Text weight="semibold" size={200}>
          {S.belowTitle}
        </Text>
        {below.total === 0 ? (
          <Text size={200} block>
            {S.noneBelow}
          </Text>
        ) : (
          <ShortList
            list={below}
            testId="below"
            line={(u) => (
              <>
                {u.unit}: <span className={styles.belowRate}>{pct(u.ratio)}</span>
                {u.pace?.onPace === false ? ` — ${S.offPaceMark}` : ""}
              </>
            )}
            S={S}
            sheet={sheet}
            onOpenSheet={onOpenSheet}
          />
        )}
      </div>
      {offPace.total > 0 && (
        <div>
          <Text weight="semibold" size={200}>
            {S.offPaceTitle}
          </Text>
          <ShortList
            list={offPace}
            testId="off-pace"
            line={(u) => (
              <>
                {u.unit}:{" "}
                <span className={styles.belowRate}>
                  {S.offPaceLine(formatCount(u.pace!.remaining, lang), u.pace!.perMonth === null ? null : formatCount(u.pace!.perMonth, lang))}
                </span>
              </>
            )}
            S={S}
            sheet={sheet}
            onOpenSheet={onOpenSheet}
          />
        </div>
      )}
      {r.growth !== null && r.growth !== undefined && <Text size={200}>{S.growth(formatPercent(r.growth, lang, 2, "−").replace(/^(?=\d)/, "+"))}</Text>}
      {r.goal !== null && r.goal !== undefined && (
        <Text size={200}>{S.goalLine(goalText(r.goal), r.goalGap === null ? "—" : formatPoints(r.goalGap, lang, { signed: true }))}</Text>
      )}
      {(shortOfGoal.total > 0 || need.unknown > 0) && (
        <div>
          <Text weight="semibold" size={200} block>
            {S.belowGoalTitle}
          </Text>
          {/* The headline is the sum of the figures listed (and says which units it cannot count), never a figure the list does not add up to. */}
          {need.unitCount > 0 && (
            <Text size={200} block data-testid="to-goal">
              {S.toGoalUnits(formatCount(need.people, lang), need.unitCount, people)}
            </Text>
          )}
          {need.unknown > 0 && (
            <Text size={200} block data-testid="to-goal-unknown">
              {S.toGoalUnknown(need.unknown, people)}
            </Text>
          )}
          <ShortList
            list={shortOfGoal}
            testId="below-goal"
            line={(u) => (
              <>
                {u.unit}: {pct(u.ratio)} / {formatPercentShort(u.goal!, lang)}
                {u.toGoal ? ` — ${S.toGoal(formatCount(u.toGoal, lang), people)}` : ""}
              </>
            )}
            S={S}
            sheet={sheet}
            onOpenSheet={onOpenSheet}
          />
          {/* The area-wide rate reaches the goal with fewer people than the units' sum: units above their goal count for it. Message, so the paragraph's figure is not read as a contradiction. */}
          {r.goal !== null && r.goal !== undefined && r.toGoal !== null && r.toGoal > 0 && r.toGoal !== need.people && (
            <Text size={200} block data-testid="to-goal-area">
              {S.toGoalArea(goalText(r.goal), formatCount(r.toGoal, lang), people)}
            </Text>
          )}
        </div>
      )}
      {r.groups && r.groups.length > 0 && (
        <div>
          <Text weight="semibold" size={200}>
            {S.groupsTitle}
          </Text>
          <ul className={styles.below} data-testid="groups">
            {r.groups.map((g) => (
              <li key={g.group}>
                {S.groupLine(g.group, pct(g.ratio), g.rank === null ? "—" : String(g.rank))}
                {g.belowAverage ? ` — ${S.belowMark}` : ""}
              </li>
            ))}
          </ul>
        </div>
      )}
      {sheet && (
        <Link as="button" className={styles.link} onClick={() => onOpenSheet(sheet)}>
          {S.openSheet(sheet)}
        </Link>
      )}
    </Card>
  );
}

export default function ResultsView({ S, lang, outcome, onOpenSheet, lowest = DEFAULT_LOWEST }: ResultsViewProps): React.JSX.Element {
  const styles = useStyles();
  const byKey = new Map(outcome.written.map((w) => [w.key, w.name]));
  return (
    <div className={styles.root} data-testid="results">
      <Text as="h2" size={400} weight="semibold" style={{ margin: 0 }}>
        {S.results}
      </Text>
      <Caveats S={S} lang={lang} summary={outcome.summary} />
      {outcome.summary.results.map((r) => (
        <IndicatorCard
          key={resultKey(r)}
          r={r}
          S={S}
          lang={lang}
          sheet={byKey.get(`ranked:${resultKey(r)}`) ?? null}
          onOpenSheet={onOpenSheet}
          lowest={lowest}
        />
      ))}
      {outcome.narrative.length > 0 && (
        <NarrativePanel paragraphs={outcome.narrative} lang={lang} title={S.narrative} caution={narrativeCaution(outcome.summary, lang)} />
      )}
      <nav aria-label={S.summarySheets}>
        <Text weight="semibold" size={200}>
          {S.summarySheets}
        </Text>
        <ul className={styles.sheets}>
          {outcome.written.map((w) => (
            <li key={w.key}>
              <Link as="button" className={styles.link} onClick={() => onOpenSheet(w.name)}>
                {w.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
