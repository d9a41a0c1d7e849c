/**
 * At the top of the results, never folded away: the units the area totals leave out (not matched
 * across the sheets), named with where they are and are not; and each total row of a sheet that
 * is not the sum of its units, with both numbers. Worded by core/caveats.ts, as the overview sheet
 * and the CLI word it.
 */
import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { totalMismatchLine, unmatchedEntries, unmatchedHeadline, unmatchedItem } from "../../core/caveats";
import type { Summary } from "../../core/results";
import { UiLang, UiStrings } from "../strings";

// A long list scrolls inside the bar rather than pushing the results out of the pane.
const LIST: React.CSSProperties = { margin: "4px 0 0", paddingLeft: "18px", maxHeight: "14em", overflowY: "auto" };

export function Caveats({ S, lang, summary }: { S: UiStrings; lang: UiLang; summary: Summary }): React.JSX.Element | null {
  const entries = unmatchedEntries(summary.unmatched);
  const totals = summary.totalMismatches ?? [];
  if (entries.length === 0 && totals.length === 0) return null;
  return (
    <>
      {entries.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="unmatched-warning">
          <MessageBarBody>
            <MessageBarTitle>{unmatchedHeadline(summary, lang)}</MessageBarTitle>
            <ul style={LIST}>
              {entries.map((e) => (
                <li key={`${e.sheet}\u0000${e.unit}`}>{unmatchedItem(e, lang)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {totals.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="total-mismatch">
          <MessageBarBody>
            <MessageBarTitle>{S.totalsDiffer}</MessageBarTitle>
            <ul style={LIST}>
              {totals.map((m) => (
                <li key={m.cell}>{totalMismatchLine(m, lang)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
