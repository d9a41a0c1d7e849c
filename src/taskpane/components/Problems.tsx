/**
 * Errors and warnings as MessageBars. The engine's messages already name the sheet and cell and
 * say what to do; they are shown as text (React escapes them), never as markup.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { isChitieuError } from "../../core/errors";
import { renderSaid, type Said } from "../../core/messages";
import { UiStrings } from "../strings";

export function errorText(S: UiStrings, error: unknown): { title: string; message: string } {
  if (isChitieuError(error)) return { title: S.error, message: renderSaid(error.problem, { lang: S.lang, shell: "pane" }) };
  const m = error instanceof Error ? error.message : String(error);
  return { title: S.unexpected, message: m };
}

export function ProblemBar({ S, error, onRetry }: { S: UiStrings; error: unknown; onRetry?: () => void }): React.JSX.Element {
  const { title, message } = errorText(S, error);
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-testid="error">
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

export function WarningsBar({ S, warnings }: { S: UiStrings; warnings: readonly Said[] }): React.JSX.Element {
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="warnings">
      <MessageBarBody>
        <MessageBarTitle>{S.warnings(warnings.length)}</MessageBarTitle>
        <ul style={{ margin: "4px 0 0", paddingLeft: "18px" }}>
          {warnings.slice(0, SHOWN).map((w, i) => (
            <li key={i}>{renderSaid(w, { lang: S.lang, shell: "pane" })}</li>
          ))}
          {warnings.length > SHOWN && <li>…</li>}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
