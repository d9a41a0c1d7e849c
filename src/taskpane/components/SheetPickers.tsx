/**
 * One picker per input sheet role, prefilled with what detection chose. Choosing a sheet names
 * it for the run (and, after Recalculate, in the saved choices).
 */
import * as React from "react";
import { Field, Select, makeStyles } from "@fluentui/react-components";
import { RunChoices } from "../../core/settings";
import { SHEET_ROLES, SheetChoice, SheetRole, isOptionalRole } from "../../core/roles";
import { SheetInfo } from "../../workbook/port";
import { UiStrings } from "../strings";
import { FieldProblem, fieldValidation } from "./Problems";

/** The roles the pane offers, in order: all of them. */
export const PICKER_ROLES: readonly SheetRole[] = SHEET_ROLES;

const useStyles = makeStyles({
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "8px" },
  legend: { fontWeight: 600, padding: 0, marginBottom: "4px" },
});

function roleLabel(S: UiStrings, role: SheetRole): string {
  switch (role) {
    case "targets":
      return S.roleTargets;
    case "actuals":
      return S.roleActuals;
    case "base":
      return S.roleBase;
    default:
      return S.rolePrevious;
  }
}

export interface SheetPickersProps {
  readonly S: UiStrings;
  readonly sheets: readonly SheetInfo[];
  readonly choices: RunChoices;
  readonly detected: SheetChoice | null;
  readonly disabled: boolean;
  readonly onChange: (next: RunChoices) => void;
  readonly roles?: readonly SheetRole[];
  /** An error a sheet choice fixes ("no sheet named …", "no table in …"): shown under that role's picker. */
  readonly problem?: FieldProblem | null;
}

export function SheetPickers({ S, sheets, choices, detected, disabled, onChange, roles = PICKER_ROLES, problem = null }: SheetPickersProps): React.JSX.Element {
  const styles = useStyles();
  // Inputs only: never our own summary sheets or chart sheets.
  const inputs = sheets.filter((s) => !s.ours && s.kind === "worksheet").map((s) => s.name);
  // Hidden sheets can be chosen here, but detection never takes one: the list says so.
  const hidden = new Set(sheets.filter((s) => s.hidden).map((s) => s.name));
  // The crosswalk picker goes with the full set of pickers (not with a single role's).
  const withCrosswalk = roles === PICKER_ROLES;
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{S.sheets}</legend>
      {roles.map((role) => {
        // Optional sheets can be switched off ("none" is saved as null, so detection skips them too).
        const optional = isOptionalRole(role);
        const off = optional && choices.sheets[role] === null;
        const given = choices.sheets[role] ?? "";
        const found = detected ? (detected[role] ?? "") : "";
        const value = off ? "" : given || found;
        const options = value && !inputs.includes(value) ? [value, ...inputs] : inputs;
        return (
          <Field
            key={role}
            label={roleLabel(S, role)}
            hint={!given && found ? S.detected : undefined}
            {...fieldValidation(problem?.place === role ? problem : null)}
          >
            <Select
              value={value}
              disabled={disabled}
              data-role={role}
              data-setting={role}
              onChange={(_, d) => onChange({ ...choices, sheets: { ...choices.sheets, [role]: d.value || (optional ? null : undefined) } })}
            >
              {(optional || !value) && <option value="">{S.noSheet}</option>}
              {options.map((n) => (
                <option key={n} value={n}>
                  {hidden.has(n) ? `${n} (${S.hiddenSheet})` : n}
                </option>
              ))}
            </Select>
          </Field>
        );
      })}
      {withCrosswalk && (
        // Issue 18: the table of old to new units across the July 2025 merger; found by its
        // headers unless named, and "none" switches it off.
        <Field
          label={S.crosswalk}
          hint={choices.crosswalk === undefined && detected?.crosswalk ? S.detected : undefined}
          {...fieldValidation(problem?.place === "crosswalk" ? problem : null)}
        >
          <Select
            value={choices.crosswalk === null ? "" : (choices.crosswalk ?? detected?.crosswalk ?? "")}
            disabled={disabled}
            data-role="crosswalk"
            data-setting="crosswalk"
            onChange={(_, d) => onChange({ ...choices, crosswalk: d.value || null })}
          >
            <option value="">{S.noSheet}</option>
            {inputs.map((n) => (
              <option key={n} value={n}>
                {hidden.has(n) ? `${n} (${S.hiddenSheet})` : n}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </fieldset>
  );
}
