/**
 * Errors and warnings as MessageBars. The engine's messages already name the sheet and cell and
 * say what to do; they are shown as text (React escapes them), never as markup.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import { ErrorCircleRegular } from "@fluentui/react-icons";
import { isChitieuError } from "../../core/errors";
import { render, type Message, type Setting, type Where } from "../../core/messages";
import { UiStrings } from "../strings";

export function errorText(S: UiStrings, error: unknown): { title: string; message: string } {
  if (isChitieuError(error)) return { title: S.error, message: render(error.problem, { lang: S.lang, shell: "pane" }) };
  const m = error instanceof Error ? error.message : String(error);
  return { title: S.unexpected, message: m };
}

/** The settings the pane shows as a field, so an error they fix is shown under that field. */
export type FieldPlace = Extract<Setting, "targets" | "actuals" | "base" | "previous" | "crosswalk" | "goal" | "asOf" | "area" | "lowest" | "map">;
const FIELD_PLACES: ReadonlySet<Setting> = new Set<FieldPlace>([
  "targets",
  "actuals",
  "base",
  "previous",
  "crosswalk",
  "goal",
  "asOf",
  "area",
  "lowest",
  "map",
]);

/** An error the planner fixes in one of the pane's fields: where it goes and what it says there. */
export interface FieldProblem {
  readonly place: FieldPlace;
  readonly code: string;
  readonly text: string;
  readonly where?: Where;
  /** The message itself (a goal's message names its goal: the form shows it under that goal). */
  readonly message: Message;
}

/** The field an error belongs under (its message's `setting`), rendered for the pane; null when it belongs in the bar at the top. */
export function fieldProblem(S: UiStrings, error: unknown): FieldProblem | null {
  if (!isChitieuError(error)) return null;
  const m = error.problem;
  if (!m.setting || !FIELD_PLACES.has(m.setting)) return null;
  return { place: m.setting as FieldPlace, code: m.code, text: render(m, { lang: S.lang, shell: "pane" }), message: m, ...(m.where ? { where: m.where } : {}) };
}

/** A message the pane finds itself (a field's text that is no date, no rate), as a field problem of that field. */
export function localProblem(S: UiStrings, place: FieldPlace, m: Message): FieldProblem {
  return { place, code: m.code, text: render(m, { lang: S.lang, shell: "pane" }), message: m };
}

/**
 * An error shown where its fix is, for places that are not one Fluent Field (the goals, a sheet's
 * column roles): announced like a field's own validation message.
 */
export function FieldMessage({ problem, id }: { problem: FieldProblem; id?: string }): React.JSX.Element {
  return (
    <div
      id={id}
      role="alert"
      data-testid="field-error"
      data-setting={problem.place}
      data-code={problem.code}
      style={{
        display: "flex",
        gap: "4px",
        alignItems: "flex-start",
        color: tokens.colorPaletteRedForeground1,
        fontSize: tokens.fontSizeBase200,
        lineHeight: tokens.lineHeightBase200,
      }}
    >
      <ErrorCircleRegular style={{ flexShrink: 0, marginTop: "2px" }} aria-hidden />
      <span>{problem.text}</span>
    </div>
  );
}

/** A Fluent Field's validation message for a field's error (role "alert", tied to the control by Field). */
export function fieldValidation(problem: FieldProblem | null | undefined): {
  validationState: "error" | "none";
  validationMessage?: React.ComponentProps<"div"> & Record<string, unknown>;
} {
  if (!problem) return { validationState: "none" };
  return {
    validationState: "error",
    validationMessage: { children: problem.text, "data-testid": "field-error", "data-setting": problem.place, "data-code": problem.code },
  };
}

export function ProblemBar({ S, error, onRetry }: { S: UiStrings; error: unknown; onRetry?: () => void }): React.JSX.Element {
  const { title, message } = errorText(S, error);
  const code = isChitieuError(error) ? error.problem.code : undefined;
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-testid="error" data-code={code}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>
            {S.retry}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/** At most this many warnings are listed; the count says how many there are. */
const SHOWN = 12;

export function WarningsBar({ S, warnings }: { S: UiStrings; warnings: readonly Message[] }): React.JSX.Element {
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="warnings">
      <MessageBarBody>
        <MessageBarTitle>{S.warnings(warnings.length)}</MessageBarTitle>
        <ul style={{ margin: "4px 0 0", paddingLeft: "18px" }}>
          {warnings.slice(0, SHOWN).map((w, i) => (
            <li key={i}>{render(w, { lang: S.lang, shell: "pane" })}</li>
          ))}
          {warnings.length > SHOWN && <li>…</li>}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
