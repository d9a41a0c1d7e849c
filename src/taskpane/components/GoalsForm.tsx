/**
 * Rate goals: area-wide, or for a category of units (the category values found in the sheets are
 * offered), for the indicators of both measures — coverage, and attainment where an indicator has
 * no coverage result or the planner picks it ("BHXH tự nguyện — tỷ lệ đạt kế hoạch": 105%, 150% of
 * plan are goals). The measure is shown where an indicator has both, and saved with a goal against
 * plan, so adding a population sheet next month never turns it into a coverage goal above 100%.
 * A rate is committed when the field is left (or Enter), not per keystroke,
 * so the workbook is not re-read while typing. Saved with the other choices on Recalculate.
 * A rate that is not one ("9o%") is checked here and said under its field; it is not sent to the
 * run, so a typo never hides the detection or the last results.
 */
import * as React from "react";
import { Button, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular, DeleteRegular } from "@fluentui/react-icons";
import { GoalMeasure, GoalSetting, parseRate } from "../../core/goals";
import { RunChoices } from "../../core/settings";
import { Summary } from "../../core/results";
import { said } from "../../core/messages";
import { UiStrings } from "../strings";
import { FieldMessage, FieldPlace, FieldProblem, fieldValidation, localProblem } from "./Problems";

const useStyles = makeStyles({
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "8px", minWidth: 0 },
  legend: { fontWeight: 600, padding: 0, marginBottom: "4px" },
  goal: {
    display: "flex",
    flexDirection: "column",
    gap: "4px",
    padding: "8px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: "flex", alignItems: "flex-end", gap: "6px" },
});

export interface GoalsFormProps {
  readonly S: UiStrings;
  readonly choices: RunChoices;
  /** The last analysis, for the indicators and category values to offer. */
  readonly summary: Summary | null;
  readonly disabled: boolean;
  readonly onChange: (next: RunChoices) => void;
  /** An error the goals fix (an indicator or category no sheet has, two goals for one): shown under the goals. */
  readonly problem?: FieldProblem | null;
  /** Told whether every rate typed is one (so Recalculate waits for a typo to be fixed). */
  readonly onValidity?: (field: FieldPlace, valid: boolean) => void;
}

/** A goal as typed, and whether its rate has been left once (its message shows from then on). */
type Row = GoalSetting & { readonly checked?: boolean };

const blank = (g: GoalSetting) => g.rate.trim() === "";
const badRate = (g: GoalSetting) => !blank(g) && !parseRate(g.rate);
/** The goals the run gets: whole ones only (an empty rate is still being written, a typo is said under its field). */
const usable = (rows: readonly Row[]): GoalSetting[] =>
  rows
    .filter((g) => !blank(g) && !badRate(g))
    .map(({ indicator, category, rate, measure }) => (measure ? { indicator, category, rate, measure } : { indicator, category, rate }));

/** The goal a message names (its params carry the goal's indicator, category and measure as given), if one of these rows. */
function rowOf(rows: readonly Row[], problem: FieldProblem | null): number {
  const p = problem?.message.params as { indicator?: unknown; category?: unknown; measure?: unknown } | undefined;
  if (!p || typeof p.indicator !== "string") return -1;
  return rows.findIndex(
    (g) =>
      !blank(g) && g.indicator === p.indicator && (g.category ?? null) === (p.category ?? null) && (typeof p.measure !== "string" || g.measure === p.measure),
  );
}

/** An indicator a goal can be for, with the result it applies to; `both`: the indicator has both results. */
interface Choice {
  readonly indicator: string;
  readonly measure: GoalMeasure;
  readonly both: boolean;
}

/** The indicators of the last analysis, one choice per indicator and measure, in the results' order. */
function choicesOf(summary: Summary | null): Choice[] {
  const results = summary?.results ?? [];
  const has = (indicator: string, m: GoalMeasure) => results.some((r) => r.indicator === indicator && r.measure === m);
  const seen = new Set<string>();
  const out: Choice[] = [];
  for (const r of results) {
    const v = `${r.measure}|${r.indicator}`;
    if (seen.has(v)) continue;
    seen.add(v);
    out.push({ indicator: r.indicator, measure: r.measure, both: has(r.indicator, "attainment") && has(r.indicator, "coverage") });
  }
  return out;
}

const valueOf = (indicator: string, measure: GoalMeasure) => `${measure}|${indicator}`;

/**
 * The result a row's goal applies to: its own measure, else as the engine reads a goal with none
 * (coverage where the indicator has a coverage result, else attainment: goalPlans.ts).
 */
function measureOf(g: GoalSetting, choices: readonly Choice[]): GoalMeasure {
  if (g.measure) return g.measure;
  const mine = choices.filter((c) => c.indicator === g.indicator);
  return mine.some((c) => c.measure === "coverage") || mine.length === 0 ? "coverage" : "attainment";
}

/**
 * The goal of a choice: its measure is saved when it is against plan (so it stays so whatever
 * sheets come next month) or when the indicator has both; a coverage goal of an indicator with
 * coverage only stays as goals have always been saved.
 */
function withChoice(g: Row, c: Choice): Row {
  const { measure: _old, ...rest } = g;
  return c.measure === "attainment" || c.both ? { ...rest, indicator: c.indicator, measure: c.measure } : { ...rest, indicator: c.indicator };
}

export function GoalsForm({ S, choices, summary, disabled, onChange, problem = null, onValidity }: GoalsFormProps): React.JSX.Element | null {
  const styles = useStyles();
  const [rows, setRows] = React.useState<Row[]>(() => [...(choices.goals ?? [])]);
  const offered = choicesOf(summary);
  const categories = summary?.categories?.values ?? [];
  const valid = !rows.some(badRate);
  // A form that goes away holds no typo.
  React.useEffect(() => {
    onValidity?.("goal", valid);
    return () => onValidity?.("goal", true);
  }, [valid, onValidity]);
  const atGoals = problem?.place === "goal" ? problem : null;
  // An engine error about one goal goes under that goal's rate; one about the goals as a whole, under the form.
  const atRow = rowOf(rows, atGoals);
  if (offered.length === 0 && rows.length === 0 && !atGoals) return null;
  const measureWord = (m: GoalMeasure) => (m === "attainment" ? S.attainment : S.coverage);

  // Only whole goals go to the run, and only when they changed (leaving a field unchanged is no change).
  // A goal with no measure for an indicator offered against plan only gets it now (a goal saved before
  // measures were saved, or set on the command line): the engine's warning asks for this.
  const commit = (next: Row[]) => {
    next = next.map((g) => {
      if (g.measure) return g;
      const only = offered.filter((c) => c.indicator === g.indicator);
      return only.length === 1 && only[0]!.measure === "attainment" ? withChoice(g, only[0]!) : g;
    });
    setRows(next.map((g) => ({ ...g, checked: true })));
    const goals = usable(next);
    if (JSON.stringify(goals) !== JSON.stringify(choices.goals ?? [])) onChange({ ...choices, goals });
  };
  const edit = (i: number, patch: Partial<Row>, now = true) => {
    const next = rows.map((g, k) => (k === i ? { ...g, ...patch } : g));
    if (now) commit(next);
    else setRows(next);
  };

  return (
    <fieldset className={styles.fieldset} data-testid="goals">
      <legend className={styles.legend}>{S.goals}</legend>
      {rows.map((g, i) => {
        const value = valueOf(g.indicator, measureOf(g, offered));
        // A saved goal for an indicator this workbook does not offer stays listed, as it was set.
        const own = offered.some((c) => valueOf(c.indicator, c.measure) === value)
          ? []
          : [{ indicator: g.indicator, measure: measureOf(g, offered), both: g.measure !== undefined }];
        const list = [...own, ...offered];
        const cats = g.category === null || categories.includes(g.category) ? categories : [g.category, ...categories];
        return (
          <div key={i} className={styles.goal}>
            <Field label={S.goalIndicator}>
              <Select
                value={value}
                disabled={disabled}
                onChange={(_, d) => {
                  const c = list.find((x) => valueOf(x.indicator, x.measure) === d.value);
                  if (c) commit(rows.map((r, k) => (k === i ? withChoice(r, c) : r)));
                }}
              >
                {list.map((c) => (
                  <option key={valueOf(c.indicator, c.measure)} value={valueOf(c.indicator, c.measure)}>
                    {c.both ? `${c.indicator} — ${measureWord(c.measure)}` : c.indicator}
                  </option>
                ))}
              </Select>
            </Field>
            {cats.length > 0 && (
              <Field label={S.goalCategory}>
                <Select value={g.category ?? ""} disabled={disabled} onChange={(_, d) => edit(i, { category: d.value === "" ? null : d.value })}>
                  <option value="">{S.goalArea}</option>
                  {cats.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <div className={styles.row}>
              <Field
                label={S.goalRate}
                style={{ flexGrow: 1, minWidth: 0 }}
                {...fieldValidation(
                  g.checked && badRate(g)
                    ? localProblem(
                        S,
                        "goal",
                        said(
                          "goal-not-a-rate",
                          { indicator: g.indicator, category: g.category, ...(g.measure ? { measure: g.measure } : {}), rate: g.rate.trim() },
                          undefined,
                          "goal",
                        ),
                      )
                    : i === atRow
                      ? atGoals
                      : null,
                )}
              >
                <Input
                  value={g.rate}
                  disabled={disabled}
                  inputMode="decimal"
                  data-setting="goal"
                  onChange={(_, d) => edit(i, { rate: d.value }, false)}
                  onBlur={() => commit(rows)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") commit(rows);
                  }}
                />
              </Field>
              <Button icon={<DeleteRegular />} aria-label={S.removeGoal(i + 1)} disabled={disabled} onClick={() => commit(rows.filter((_, k) => k !== i))} />
            </div>
          </div>
        );
      })}
      {atGoals && atRow < 0 && <FieldMessage problem={atGoals} />}
      {offered.length > 0 && (
        <Button
          icon={<AddRegular />}
          disabled={disabled}
          style={{ alignSelf: "flex-start" }}
          // A new goal starts on the first coverage result, as goals always did; else the first against plan.
          onClick={() =>
            setRows([...rows, withChoice({ indicator: "", category: null, rate: "" }, offered.find((c) => c.measure === "coverage") ?? offered[0]!)])
          }
        >
          {S.addGoal}
        </Button>
      )}
    </fieldset>
  );
}
