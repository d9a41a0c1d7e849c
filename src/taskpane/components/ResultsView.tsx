/**
 * The results of a recalculation: per indicator and measure the area-wide rate and the units
 * below the average (lowest first), with a link to its ranked sheet; then every summary sheet
 * written. Each card also shows growth on the same period, the goal and the units short of it, and
 * the groups, where the result has them; the report's paragraphs follow the cards. Loaded lazily:
 * the first screen does not need it.
 */
import * as React from "react";
import { Card, CardHeader, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { formatCount, formatPercent, formatPercentShort, formatPoints } from "../../core/format";
import { unitsBelow } from "../../core/narrative";
import { narrativeCaution } from "../../core/caveats";
import { IndicatorResult } from "../../core/summarize";
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
});

export interface ResultsViewProps {
  readonly S: UiStrings;
  readonly lang: UiLang;
  readonly outcome: Outcome;
  readonly onOpenSheet: (name: string) => void;
}

function title(r: IndicatorResult, S: UiStrings, lang: UiLang): string {
  return `${lang === "en" ? r.indicatorEn : r.indicator} — ${r.measure === "attainment" ? S.attainment : S.coverage}`;
}

export function IndicatorCard({ r, S, lang, sheet, onOpenSheet }: { r: IndicatorResult; S: UiStrings; lang: UiLang; sheet: string | null; onOpenSheet: (name: string) => void }): React.JSX.Element {
  const styles = useStyles();
  const pct = (x: number | null) => (x === null ? "—" : formatPercent(x, lang));
  const below = unitsBelow(r);
  const name = title(r, S, lang);
  const shortOfGoal = r.units.filter((u) => u.belowGoal && u.goal !== null);
  return (
    <Card size="small" aria-label={name} data-testid={`result-${r.indicatorKey}-${r.measure}`}>
      <CardHeader header={<Text as="h3" weight="semibold" style={{ margin: 0 }}>{name}</Text>} />
      <div>
        <Text className={styles.rate}>{pct(r.overall)}</Text>{" "}
        <Text size={200}>
          {S.area}: {S.overallOf(formatCount(r.actualTotal, lang), formatCount(r.denominatorTotal, lang), pct(r.overall))}
        </Text>
      </div>
      {r.average !== r.overall && (
        <Text size={200}>
          {S.averageUsed}: {pct(r.average)}
        </Text>
      )}
      <div>
        <Text weight="semibold" size={200}>
          {S.belowTitle}
        </Text>
        {below.length === 0 ? (
          <Text size={200} block>
            {S.noneBelow}
          </Text>
        ) : (
          <ul className={styles.below} data-testid="below">
            {below.map((u) => (
              <li key={u.unit}>
                {u.unit}: <span className={styles.belowRate}>{pct(u.ratio)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      {r.growth !== null && r.growth !== undefined && <Text size={200}>{S.growth(formatPercent(r.growth, lang, 2, "−").replace(/^(?=\d)/, "+"))}</Text>}
      {r.goal !== null && r.goal !== undefined && (
        <Text size={200}>
          {S.goalLine(formatPercentShort(r.goal, lang), r.goalGap === null ? "—" : formatPoints(r.goalGap, lang, { signed: true }))}
          {r.toGoal ? `; ${S.toGoal(formatCount(r.toGoal, lang))}` : ""}
        </Text>
      )}
      {shortOfGoal.length > 0 && (
        <div>
          <Text weight="semibold" size={200}>
            {S.belowGoalTitle}
          </Text>
          <ul className={styles.below} data-testid="below-goal">
            {shortOfGoal.map((u) => (
              <li key={u.unit}>
                {u.unit}: {pct(u.ratio)} / {formatPercentShort(u.goal!, lang)}
                {u.toGoal ? ` — ${S.toGoal(formatCount(u.toGoal, lang))}` : ""}
              </li>
            ))}
          </ul>
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
        <Link as="button" onClick={() => onOpenSheet(sheet)}>
          {S.openSheet(sheet)}
        </Link>
      )}
    </Card>
  );
}

export default function ResultsView({ S, lang, outcome, onOpenSheet }: ResultsViewProps): React.JSX.Element {
  const styles = useStyles();
  const byKey = new Map(outcome.written.map((w) => [w.key, w.name]));
  return (
    <div className={styles.root} data-testid="results">
      <Text as="h2" size={400} weight="semibold" style={{ margin: 0 }}>
        {S.results}
      </Text>
      <Caveats S={S} lang={lang} summary={outcome.summary} />
      {outcome.summary.results.map((r) => (
        <IndicatorCard key={`${r.indicatorKey}:${r.measure}`} r={r} S={S} lang={lang} sheet={byKey.get(`ranked:${r.indicatorKey}:${r.measure}`) ?? null} onOpenSheet={onOpenSheet} />
      ))}
      {outcome.narrative.length > 0 && <NarrativePanel paragraphs={outcome.narrative} lang={lang} title={S.narrative} caution={narrativeCaution(outcome.summary, lang)} />}
      <nav aria-label={S.summarySheets}>
        <Text weight="semibold" size={200}>
          {S.summarySheets}
        </Text>
        <ul className={styles.sheets}>
          {outcome.written.map((w) => (
            <li key={w.key}>
              <Link as="button" onClick={() => onOpenSheet(w.name)}>
                {w.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
