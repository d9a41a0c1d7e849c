/** The run's options: which average units are compared with, ranking, output language, number locale. */
import * as React from "react";
import { Field, Input, Radio, RadioGroup, Select, makeStyles } from "@fluentui/react-components";
import { parseDayText } from "../../core/reportDate";
import { RunChoices } from "../../core/settings";
import { UiStrings } from "../strings";

const useStyles = makeStyles({
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "8px" },
  legend: { fontWeight: 600, padding: 0, marginBottom: "4px" },
});

export interface OptionsFormProps {
  readonly S: UiStrings;
  readonly choices: RunChoices;
  readonly disabled: boolean;
  readonly onChange: (next: RunChoices) => void;
}

export function OptionsForm({ S, choices, disabled, onChange }: OptionsFormProps): React.JSX.Element {
  const styles = useStyles();
  const asOf = choices.asOf ?? "";
  const asOfBad = asOf.trim() !== "" && !parseDayText(asOf.trim());
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
      {/* The report paragraph's date and area; blank = read from the title rows / total row. */}
      <Field label={S.reportAsOf} hint={S.reportAsOfHint} validationState={asOfBad ? "error" : "none"} validationMessage={asOfBad ? S.reportAsOfBad : undefined}>
        <Input value={asOf} placeholder="31/10/2022" disabled={disabled} onChange={(_, d) => onChange({ ...choices, asOf: d.value === "" ? null : d.value })} />
      </Field>
      <Field label={S.reportArea} hint={S.reportAreaHint}>
        <Input value={choices.area ?? ""} placeholder={S.reportAreaPlaceholder} disabled={disabled} onChange={(_, d) => onChange({ ...choices, area: d.value === "" ? null : d.value })} />
      </Field>
    </fieldset>
  );
}
