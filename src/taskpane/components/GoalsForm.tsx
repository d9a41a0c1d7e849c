/**
 * Coverage goals: area-wide, or for a category of units (the category values found in the
 * sheets are offered). A rate is committed when the field is left (or Enter), not per keystroke,
 * so the workbook is not re-read while typing. Saved with the other choices on Recalculate.
 */
import * as React from "react";
import { Button, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular, DeleteRegular } from "@fluentui/react-icons";
import { GoalSetting } from "../../core/goals";
import { RunChoices } from "../../core/settings";
import { Summary } from "../../core/summarize";
import { UiStrings } from "../strings";

const useStyles = makeStyles({
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "8px" },
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
}

export function GoalsForm({ S, choices, summary, disabled, onChange }: GoalsFormProps): React.JSX.Element | null {
  const styles = useStyles();
  const [rows, setRows] = React.useState<GoalSetting[]>(() => [...(choices.goals ?? [])]);
  const indicators = [...new Set((summary?.results ?? []).filter((r) => r.measure === "coverage").map((r) => r.indicator))];
  const categories = summary?.categories?.values ?? [];
  if (indicators.length === 0 && rows.length === 0) return null;

  // Only goals with a rate go to the run; an empty one is still being written.
  const commit = (next: GoalSetting[]) => {
    setRows(next);
    onChange({ ...choices, goals: next.filter((g) => g.rate.trim() !== "") });
  };
  const edit = (i: number, patch: Partial<GoalSetting>, now = true) => {
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
              <Field label={S.goalRate} style={{ flexGrow: 1 }}>
                <Input
                  value={g.rate}
                  disabled={disabled}
                  inputMode="decimal"
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
      {indicators.length > 0 && (
        <Button icon={<AddRegular />} disabled={disabled} style={{ alignSelf: "flex-start" }} onClick={() => setRows([...rows, { indicator: indicators[0]!, category: null, rate: "" }])}>
          {S.addGoal}
        </Button>
      )}
    </fieldset>
  );
}
