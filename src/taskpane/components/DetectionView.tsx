/**
 * What detection found, before anything is written: per sheet the header rows, the unit column,
 * the indicators with their columns, the rows not counted (total, group rows), the columns left
 * out; then the units that did not match across the sheets. All of it from analyze()'s Summary.
 * Each figure column's role (target, actual, base …) can be changed here: the change is an
 * override in the choices (saved with them, used by the ribbon's Recalculate).
 */
import * as React from "react";
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Dropdown, Option, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Summary } from "../../core/results";
import { DetectedColumnRole, DetectionRole, SheetDetection } from "../../core/results";
import { IndicatorOverride } from "../../core/indicators";
import { RunChoices } from "../../core/settings";
import { columnIndex } from "../../core/grid";
import { foldText } from "../../core/text";
import { UiStrings } from "../strings";
import { render, type Message } from "../../core/messages";
import type { ExclusionReason } from "../../core/detect";
import { FieldMessage, FieldProblem } from "./Problems";

/** Why a column was read as it was: its message (`because`) when the engine gives one, its `why` otherwise. */
function columnReason(S: UiStrings, c: { readonly why: string; readonly because?: Message }): string {
  return c.because ? render(c.because, { lang: S.lang, shell: "pane" }) : c.why;
}

/** A row left out, in the pane's words ("dòng tổng", "chữ ký, người lập biểu"), never the engine's code. */
function excludedReason(S: UiStrings, reason: string): string {
  return (S.excludedReason as Record<string, string>)[reason as ExclusionReason] ?? S.excludedOther;
}

/** The roles offered for a column, in the order a planner reads a report's columns. */
export const COLUMN_ROLES: readonly DetectionRole[] = ["target", "actual", "base", "previous", "rateGoal", "computed", "ignored"];

/** Does this override name this column of this sheet (by letter, or by its header text)? */
function names(o: IndicatorOverride, d: SheetDetection, c: DetectedColumnRole): boolean {
  if (o.sheet !== d.role && o.sheet !== d.sheet) return false;
  const col = o.column.trim();
  if (/^[A-Za-z]{1,3}$/.test(col)) return columnIndex(col.toUpperCase()) === columnIndex(c.column);
  return foldText(col) === foldText(c.header);
}

/** How an override names a column: its letter, or, for one band of a sheet with two rows per unit, its header ("BHYT / Kế hoạch"), so the other band keeps its role. */
const columnRef = (c: DetectedColumnRole): string => (c.band ? c.header : c.column);

/**
 * The choices with this column given this role: any override naming the column is replaced.
 * "ignored" is the override form that leaves a column out (indicator "-").
 */
export function withColumnRole(choices: RunChoices, d: SheetDetection, c: DetectedColumnRole, role: DetectionRole): RunChoices {
  const kept = choices.overrides.filter((o) => !names(o, d, c));
  const next: IndicatorOverride =
    role === "ignored"
      ? { sheet: d.role, column: columnRef(c), indicator: "-" }
      : { sheet: d.role, column: columnRef(c), indicator: c.indicator ?? c.header, role };
  return { ...choices, overrides: [...kept, next] };
}

/** What was read other than as written in this sheet: dash zeros, scales, names, bands. */
function readNotes(S: UiStrings, d: SheetDetection): string[] {
  const out: string[] = [];
  if (d.dashZeros && d.dashZeros.count > 0)
    out.push(S.readAsZero(d.dashZeros.count, d.dashZeros.cells.join(", ") + (d.dashZeros.count > d.dashZeros.cells.length ? ", …" : "")));
  for (const x of d.scales ?? []) out.push(S.scaled(x.column, x.header, x.scale, x.from));
  for (const x of d.names ?? []) out.push(S.nameRead(x.row, x.written, x.name));
  if (d.bands) out.push(S.bandsRead(d.bands.column, d.bands.labels.join(", ")));
  if (d.crosswalk) out.push(S.mergedRead(d.crosswalk.oldUnits, d.crosswalk.newUnits, d.crosswalk.sheet));
  return out;
}

function isColumnRole(v: string | undefined): v is DetectionRole {
  return !!v && (COLUMN_ROLES as readonly string[]).includes(v);
}

const useStyles = makeStyles({
  dl: { margin: "0 0 8px" },
  dt: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, marginTop: "4px" },
  dd: { margin: "0 0 0 8px" },
  list: { margin: 0, paddingLeft: "18px" },
  sheet: { margin: "4px 0 2px", fontSize: tokens.fontSizeBase300, fontWeight: 600 },
  column: { display: "flex", flexDirection: "column", gap: "2px", marginBottom: "6px" },
  why: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  dropdown: { minWidth: "160px" },
});

export interface DetectionViewProps {
  readonly S: UiStrings;
  readonly summary: Summary;
  readonly collapsed?: boolean;
  /** With these, each column's role can be changed (an override in the choices). */
  readonly choices?: RunChoices;
  readonly onChange?: (next: RunChoices) => void;
  readonly disabled?: boolean;
  /**
   * An error a column's role fixes (a mapping naming no column, one column in two roles): shown
   * beside that column's role, or beside the sheet's column roles, and the view is open.
   */
  readonly problem?: FieldProblem | null;
}

/** The column list and column an error about column roles belongs beside: its sheet's (else the first with columns), its column's when named. */
function mapPlace(summary: Summary, problem: FieldProblem | null): { role: string; column: string | null } | null {
  if (!problem || problem.place !== "map") return null;
  const withColumns = summary.detection.filter((d) => d.columns && d.columns.length > 0);
  const d = withColumns.find((x) => x.sheet === problem.where?.sheet) ?? withColumns[0];
  if (!d) return null;
  const col = problem.where?.column ?? problem.where?.cell?.replace(/\d+$/, "");
  return { role: d.role, column: col && d.columns!.some((c) => c.column === col) ? col : null };
}

export function DetectionView({ S, summary, collapsed = false, choices, onChange, disabled = false, problem = null }: DetectionViewProps): React.JSX.Element {
  const styles = useStyles();
  const mapAt = mapPlace(summary, problem);
  const shut = collapsed && !mapAt;
  // Open until there are results, then folded away (the person can open it again); open while an error here needs fixing.
  const [open, setOpen] = React.useState<string[]>(shut ? [] : ["detected"]);
  React.useEffect(() => setOpen(shut ? [] : ["detected"]), [shut]);
  const unmatched = summary.unmatched;
  return (
    <Accordion collapsible multiple openItems={open} onToggle={(_, d) => setOpen(d.openItems.map(String))}>
      <AccordionItem value="detected">
        <AccordionHeader as="h2" size="medium">
          {S.detectionTitle}
        </AccordionHeader>
        <AccordionPanel>
          <div data-testid="detection">
            {summary.sheetNotes && summary.sheetNotes.length > 0 && (
              <section aria-label={S.sheetNotes} data-testid="sheet-notes">
                <h3 className={styles.sheet}>{S.sheetNotes}</h3>
                <ul className={styles.list}>
                  {summary.sheetNotes.map((n, i) => (
                    <li key={i}>{render(n, { lang: S.lang, shell: "pane" })}</li>
                  ))}
                </ul>
              </section>
            )}
            {summary.paceNotes && summary.paceNotes.length > 0 && (
              <section aria-label={S.paceNotes} data-testid="pace-notes">
                <h3 className={styles.sheet}>{S.paceNotes}</h3>
                <ul className={styles.list}>
                  {summary.paceNotes.map((n, i) => (
                    <li key={i}>{render(n, { lang: S.lang, shell: "pane" })}</li>
                  ))}
                </ul>
              </section>
            )}
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
                          <li key={`${i.column}|${i.header}`}>
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
                            {r.row}: {r.label} ({excludedReason(S, r.reason)})
                          </li>
                        ))}
                      </ul>
                    )}
                  </dd>
                  {d.columns && d.columns.length > 0 && (
                    <>
                      <dt className={styles.dt}>{S.columnRoles}</dt>
                      <dd className={styles.dd}>
                        {mapAt && mapAt.role === d.role && mapAt.column === null && problem && <FieldMessage problem={problem} />}
                        <ul className={styles.list} data-testid={`columns-${d.role}`}>
                          {d.columns.map((c) => {
                            const byHand = !!choices && choices.overrides.some((o) => names(o, d, c));
                            return (
                              <li key={`${c.column}|${c.header}`} className={styles.column} data-column={c.column}>
                                <span>
                                  {c.column}: “{c.header}”{c.indicator ? ` — ${c.indicator}` : ""}
                                  {byHand ? ` (${S.setByHand})` : ""}
                                </span>
                                <Dropdown
                                  size="small"
                                  className={styles.dropdown}
                                  // Not clearable: no hidden "Clear selection" button in English for screen readers.
                                  clearButton={null}
                                  aria-label={S.roleOf(c.column, c.header)}
                                  value={S.figureRole[c.role] ?? c.role}
                                  data-setting={mapAt && mapAt.role === d.role && (mapAt.column === null || mapAt.column === c.column) ? "map" : undefined}
                                  selectedOptions={[c.role]}
                                  disabled={disabled || !choices || !onChange}
                                  onOptionSelect={(_, data) => {
                                    const role = data.optionValue;
                                    if (!choices || !onChange || !isColumnRole(role) || role === c.role) return;
                                    onChange(withColumnRole(choices, d, c, role));
                                  }}
                                >
                                  {COLUMN_ROLES.map((r) => (
                                    <Option key={r} value={r}>
                                      {S.figureRole[r]}
                                    </Option>
                                  ))}
                                </Dropdown>
                                {columnReason(S, c) && <span className={styles.why}>{columnReason(S, c)}</span>}
                                {mapAt && mapAt.role === d.role && mapAt.column === c.column && problem && <FieldMessage problem={problem} />}
                              </li>
                            );
                          })}
                        </ul>
                      </dd>
                    </>
                  )}
                  {readNotes(S, d).length > 0 && (
                    <>
                      <dt className={styles.dt}>{S.readNotes}</dt>
                      <dd className={styles.dd}>
                        <ul className={styles.list} data-testid={`read-notes-${d.role}`}>
                          {readNotes(S, d).map((n) => (
                            <li key={n}>{n}</li>
                          ))}
                        </ul>
                      </dd>
                    </>
                  )}
                  {d.ignoredColumns.length > 0 && (
                    <>
                      <dt className={styles.dt}>{S.ignoredColumns}</dt>
                      <dd className={styles.dd}>
                        <ul className={styles.list}>
                          {d.ignoredColumns.map((c) => (
                            <li key={`${c.column}|${c.header}`}>
                              {c.column}: “{c.header}” ({columnReason(S, c)})
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
