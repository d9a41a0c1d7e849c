/**
 * Coverage goals: area-wide, or for a category of units (the category values found in the
 * sheets are offered). A rate is committed when the field is left (or Enter), not per keystroke,
 * so the workbook is not re-read while typing. Saved with the other choices on Recalculate.
 * A rate that is not one ("9o%") is checked here and said under its field; it is not sent to the
 * run, so a typo never hides the detection or the last results.
 */
import * as React from "react";
import { Button, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular, DeleteRegular } from "@fluentui/react-icons";
import { GoalSetting, parseRate } from "../../core/goals";
import { RunChoices } from "../../core/settings";
import { Summary } from "../../core/summarize";
import { said } from "../../core/messages";
import { UiStrings } from "../strings";
import { FieldMessage, FieldPlace, FieldProblem, fieldValidation, localProblem } from "./Problems";

const useStyles = makeStyles({
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "8px", minWidth: 0 },
  legend: { fontWeight: 600, padding: 0, marginBottom: "4px" },
  goal: { display: "flex", flexDirection: "column", gap: "4px", padding: "8px", borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorNeutralStroke2}` },
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
const usable = (rows: readonly Row[]): GoalSetting[] => rows.filter((g) => !blank(g) && !badRate(g)).map(({ indicator, category, rate }) => ({ indicator, category, rate }));

/** The goal a message names (its params carry the goal's indicator and category as given), if one of these rows. */
function rowOf(rows: readonly Row[], problem: FieldProblem | null): number {
  const p = problem?.message.params as { indicator?: unknown; category?: unknown } | undefined;
  if (!p || typeof p.indicator !== "string") return -1;
  return rows.findIndex((g) => !blank(g) && g.indicator === p.indicator && (g.category ?? null) === (p.category ?? null));
}

export function GoalsForm({ S, choices, summary, disabled, onChange, problem = null, onValidity }: GoalsFormProps): React.JSX.Element | null {
  const styles = useStyles();
  const [rows, setRows] = React.useState<Row[]>(() => [...(choices.goals ?? [])]);
  const indicators = [...new Set((summary?.results ?? []).filter((r) => r.measure === "coverage").map((r) => r.indicator))];
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
  if (indicators.length === 0 && rows.length === 0 && !atGoals) return null;

  // Only whole goals go to the run, and only when they changed (leaving a field unchanged is no change).
  const commit = (next: Row[]) => {
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
        const inds = indicators.includes(g.indicator) ? indicators : [g.indicator, ...indicators];
        const cats = g.category === null || categories.includes(g.category) ? categories : [g.category, ...categories];
        return (
          <div key={i} className={styles.goal}>
            <Field label={S.goalIndicator}>
              <Select value={g.indicator} disabled={disabled} onChange={(_, d) => edit(i, { indicator: d.value })}>
                {inds.map((n) => (
                  <option key={n} value={n}>
                    {n}
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
                  g.checked && badRate(g) ? localProblem(S, "goal", said("goal-not-a-rate", { indicator: g.indicator, category: g.category, rate: g.rate.trim() }, undefined, "goal")) : i === atRow ? atGoals : null,
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
      {indicators.length > 0 && (
        <Button icon={<AddRegular />} disabled={disabled} style={{ alignSelf: "flex-start" }} onClick={() => setRows([...rows, { indicator: indicators[0]!, category: null, rate: "" }])}>
          {S.addGoal}
        </Button>
      )}
    </fieldset>
  );
}
