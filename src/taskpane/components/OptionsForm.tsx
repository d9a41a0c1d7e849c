/**
 * The run's options: which average units are compared with, ranking, output language, number
 * locale, how many of the lowest units are named, and the commentary's date and area (their hints
 * say what the workbook states, so a blank field is a visible choice). A date or a count that is
 * not one stays in its field with the message under it and is not used: the detection and the
 * last results stay as they were until it is fixed.
 */
import * as React from "react";
import { Field, Input, Radio, RadioGroup, Select, makeStyles } from "@fluentui/react-components";
import { parseDayText } from "../../core/reportDate";
import { DetectedReportContext, reportDateText } from "../../core/reportContext";
import { DEFAULT_LOWEST, LOWEST_MAX, LOWEST_MIN, RunChoices, parseLowest } from "../../core/settings";
import { said } from "../../core/messages";
import { UiStrings } from "../strings";
import { FieldPlace, FieldProblem, fieldValidation, localProblem } from "./Problems";

const useStyles = makeStyles({
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "8px", minWidth: 0 },
  legend: { fontWeight: 600, padding: 0, marginBottom: "4px" },
});

export interface OptionsFormProps {
  readonly S: UiStrings;
  readonly choices: RunChoices;
  readonly disabled: boolean;
  readonly onChange: (next: RunChoices) => void;
  /** The report date and area the workbook states (null until it is read). */
  readonly detected?: DetectedReportContext | null;
  /** An error the date, the area or the count of units named fixes: shown under that field. */
  readonly problem?: FieldProblem | null;
  /** Told when a field holds text that is not used (so Recalculate waits for it). */
  readonly onValidity?: (field: FieldPlace, valid: boolean) => void;
}

export function OptionsForm({ S, choices, disabled, onChange, detected = null, problem = null, onValidity }: OptionsFormProps): React.JSX.Element {
  const styles = useStyles();
  // Text typed that is not (yet) a date or a count: kept here, not in the choices.
  const [asOfDraft, setAsOfDraft] = React.useState<string | null>(null);
  const [lowestDraft, setLowestDraft] = React.useState<string | null>(null);
  // A form that goes away holds no typo.
  React.useEffect(() => {
    onValidity?.("asOf", asOfDraft === null);
    return () => onValidity?.("asOf", true);
  }, [asOfDraft, onValidity]);
  React.useEffect(() => {
    onValidity?.("lowest", lowestDraft === null);
    return () => onValidity?.("lowest", true);
  }, [lowestDraft, onValidity]);
  const asOf = asOfDraft ?? choices.asOf ?? "";
  const lowest = lowestDraft ?? String(choices.lowest ?? DEFAULT_LOWEST);
  const date = detected?.date ?? null;
  const area = detected?.area ?? null;
  const at = (p: FieldPlace) => (problem?.place === p ? problem : null);
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{S.options}</legend>
      <Field label={S.average}>
        <RadioGroup value={choices.average} disabled={disabled} onChange={(_, d) => onChange({ ...choices, average: d.value === "mean" ? "mean" : "overall" })}>
          <Radio value="overall" label={S.averageOverall} />
          <Radio value="mean" label={S.averageMean} />
        </RadioGroup>
      </Field>
      <Field label={S.ranking}>
        <RadioGroup value={choices.rank} disabled={disabled} onChange={(_, d) => onChange({ ...choices, rank: d.value === "dense" ? "dense" : "competition" })}>
          <Radio value="competition" label={S.rankCompetition} />
          <Radio value="dense" label={S.rankDense} />
        </RadioGroup>
      </Field>
      <Field label={S.outputLang}>
        <Select value={choices.lang} disabled={disabled} onChange={(_, d) => onChange({ ...choices, lang: d.value === "en" ? "en" : "vi" })}>
          <option value="vi">{S.langVi}</option>
          <option value="en">{S.langEn}</option>
        </Select>
      </Field>
      <Field label={S.numberLocale}>
        <Select value={choices.locale} disabled={disabled} onChange={(_, d) => onChange({ ...choices, locale: d.value === "en" ? "en" : "vi" })}>
          <option value="vi">{S.localeVi}</option>
          <option value="en">{S.localeEn}</option>
        </Select>
      </Field>
      <Field
        label={S.lowest}
        hint={S.lowestHint}
        {...fieldValidation(
          lowestDraft !== null
            ? localProblem(S, "lowest", said("lowest-not-a-count", { text: lowestDraft.trim(), min: LOWEST_MIN, max: LOWEST_MAX }, undefined, "lowest"))
            : at("lowest"),
        )}
      >
        <Input
          type="number"
          min={LOWEST_MIN}
          max={LOWEST_MAX}
          step={1}
          value={lowest}
          disabled={disabled}
          data-setting="lowest"
          onChange={(_, d) => {
            const n = parseLowest(d.value);
            setLowestDraft(n === null ? d.value : null);
            if (n !== null && n !== choices.lowest) onChange({ ...choices, lowest: n });
          }}
        />
      </Field>
      {/* The report paragraph's date and area; blank = what the workbook states (the hint says what that is). */}
      <Field
        label={S.reportAsOf}
        hint={date ? S.reportAsOfFound(reportDateText(date.value), date.source) : S.reportAsOfNone}
        {...fieldValidation(asOfDraft !== null ? localProblem(S, "asOf", said("as-of-not-a-date", { text: asOfDraft.trim() }, undefined, "asOf")) : at("asOf"))}
      >
        <Input
          value={asOf}
          placeholder={date ? reportDateText(date.value) : S.datePattern}
          disabled={disabled}
          data-setting="asOf"
          onChange={(_, d) => {
            const t = d.value.trim();
            if (t !== "" && !parseDayText(t)) return setAsOfDraft(d.value);
            setAsOfDraft(null);
            onChange({ ...choices, asOf: t === "" ? null : d.value });
          }}
        />
      </Field>
      <Field label={S.reportArea} hint={area ? S.reportAreaFound(area.value[choices.lang], area.source) : S.reportAreaNone} {...fieldValidation(at("area"))}>
        <Input
          value={choices.area ?? ""}
          placeholder={area ? area.value[choices.lang] : undefined}
          disabled={disabled}
          data-setting="area"
          onChange={(_, d) => onChange({ ...choices, area: d.value === "" ? null : d.value })}
        />
      </Field>
    </fieldset>
  );
}
