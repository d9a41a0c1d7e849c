/**
 * What detection found, before anything is written: per sheet the header rows, the unit column,
 * the indicators with their columns, the rows not counted (total, group rows), the columns left
 * out; then the units that did not match across the sheets. All of it from analyze()'s Summary.
 */
import * as React from "react";
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Summary } from "../../core/summarize";
import { UiStrings } from "../strings";

const useStyles = makeStyles({
  dl: { margin: "0 0 8px" },
  dt: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, marginTop: "4px" },
  dd: { margin: "0 0 0 8px" },
  list: { margin: 0, paddingLeft: "18px" },
  sheet: { margin: "4px 0 2px", fontSize: tokens.fontSizeBase300, fontWeight: 600 },
});

export function DetectionView({ S, summary, collapsed = false }: { S: UiStrings; summary: Summary; collapsed?: boolean }): React.JSX.Element {
  const styles = useStyles();
  // Open until there are results, then folded away (the person can open it again).
  const [open, setOpen] = React.useState<string[]>(collapsed ? [] : ["detected"]);
  React.useEffect(() => setOpen(collapsed ? [] : ["detected"]), [collapsed]);
  const unmatched = summary.unmatched;
  return (
    <Accordion collapsible multiple openItems={open} onToggle={(_, d) => setOpen(d.openItems.map(String))}>
      <AccordionItem value="detected">
        <AccordionHeader as="h2" size="medium">
          {S.detectionTitle}
        </AccordionHeader>
        <AccordionPanel>
          <div data-testid="detection">
            {summary.detection.map((d) => (
              <section key={d.role} aria-label={`${S.role[d.role] ?? d.role}: ${d.sheet}`}>
                <h3 className={styles.sheet}>
                  {S.role[d.role] ?? d.role}: {d.sheet}
                </h3>
                <dl className={styles.dl}>
                  <dt className={styles.dt}>{S.headerRows}</dt>
                  <dd className={styles.dd}>{d.headerRows.join(", ")}</dd>
                  <dt className={styles.dt}>{S.unitColumn}</dt>
                  <dd className={styles.dd}>
                    {d.unitColumn} · {S.unitsCount(d.units)}
                  </dd>
                  <dt className={styles.dt}>{S.indicatorsFound}</dt>
                  <dd className={styles.dd}>
                    {d.indicators.length === 0 ? (
                      S.noIndicators
                    ) : (
                      <ul className={styles.list}>
                        {d.indicators.map((i) => (
                          <li key={i.column}>
                            {i.indicator} — {d.sheet}!{i.column} (“{i.header}”)
                          </li>
                        ))}
                      </ul>
                    )}
                  </dd>
                  <dt className={styles.dt}>{S.excludedRows}</dt>
                  <dd className={styles.dd}>
                    {d.excludedRows.length === 0 ? (
                      S.none
                    ) : (
                      <ul className={styles.list}>
                        {d.excludedRows.map((r) => (
                          <li key={r.row}>
                            {r.row}: {r.label} ({r.reason})
                          </li>
                        ))}
                      </ul>
                    )}
                  </dd>
                  {d.ignoredColumns.length > 0 && (
                    <>
                      <dt className={styles.dt}>{S.ignoredColumns}</dt>
                      <dd className={styles.dd}>
                        <ul className={styles.list}>
                          {d.ignoredColumns.map((c) => (
                            <li key={c.column}>
                              {c.column}: “{c.header}” ({c.why})
                            </li>
                          ))}
                        </ul>
                      </dd>
                    </>
                  )}
                </dl>
              </section>
            ))}
            <h3 className={styles.sheet}>{S.unmatched}</h3>
            {unmatched.length === 0 ? (
              <Text size={200}>{S.allMatched}</Text>
            ) : (
              <ul className={styles.list} data-testid="unmatched">
                {unmatched.map((u, i) => (
                  <li key={i}>{S.unmatchedLine(u.unit, u.sheet, u.missingFrom.join(", "))}</li>
                ))}
              </ul>
            )}
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
