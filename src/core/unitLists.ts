/**
 * The lists of units the pane's cards and the paragraph name: below the average, short of their
 * goal, off the target's pace. Picked and ordered on the result's columns, and made into
 * `UnitResult` objects only for the first `limit`: a national result has 3,321 units, a card
 * names five, and making every unit's object for it was most of the page's longest task.
 */
import { offPaceAt, resultColumns, unitResultAt, type IndicatorResult, type ResultColumns, type UnitResult } from "./results";

/** The first `limit` units of a list, and how many it holds in all. */
export interface UnitList {
  readonly units: readonly UnitResult[];
  readonly total: number;
}

/** Per row, its place in rank order: the tie-break that keeps the sheet's order among equals. */
function placesOf(c: ResultColumns): Int32Array {
  const place = new Int32Array(c.order.length);
  for (let p = 0; p < c.order.length; p++) place[c.order[p]!] = p;
  return place;
}

function listOf(c: ResultColumns, rows: number[], before: (a: number, b: number) => number, limit: number): UnitList {
  const place = placesOf(c);
  rows.sort((a, b) => before(a, b) || place[a]! - place[b]!);
  const n = Math.min(rows.length, Math.max(0, limit));
  const units = new Array<UnitResult>(n);
  for (let k = 0; k < n; k++) units[k] = unitResultAt(c, rows[k]!);
  return { units, total: rows.length };
}

/** The units below the average, lowest rate first (ties in the sheet's order). */
export function belowAverageList(r: IndicatorResult, limit = Infinity): UnitList {
  const c = resultColumns(r);
  const rows: number[] = [];
  for (let i = 0; i < c.ratio.length; i++) if (c.belowAverage[i] === 1 && c.ratio[i] === c.ratio[i]) rows.push(i);
  return listOf(c, rows, (a, b) => c.ratio[a]! - c.ratio[b]!, limit);
}

/**
 * The units short of their goal, furthest behind it first, ties lowest rate then the sheet's order.
 * (The paragraph's goalSentence breaks a tie by rank, highest rate first: the two differ only for
 * units with different goals short by the same gap.)
 */
export function shortOfGoalList(r: IndicatorResult, limit = Infinity): UnitList {
  const c = resultColumns(r);
  const { goal, goalGap, belowGoal } = c;
  if (!goal || !belowGoal) return { units: [], total: 0 };
  const rows: number[] = [];
  for (let i = 0; i < goal.length; i++) if (belowGoal[i] === 1 && goal[i] === goal[i]) rows.push(i);
  const gapOf = (i: number) => (goalGap && goalGap[i] === goalGap[i] ? goalGap[i]! : 0);
  const rateOf = (i: number) => (c.ratio[i] === c.ratio[i] ? c.ratio[i]! : 0);
  return listOf(c, rows, (a, b) => gapOf(a) - gapOf(b) || rateOf(a) - rateOf(b), limit);
}

/** The units off the pace of the target's period, furthest behind their expected figure first. */
export function offPaceList(r: IndicatorResult, limit = Infinity): UnitList {
  if (!r.pace) return { units: [], total: 0 };
  const c = resultColumns(r);
  const rows: number[] = [];
  for (let i = 0; i < c.actual.length; i++) if (offPaceAt(c, i)) rows.push(i);
  const elapsed = c.pace?.elapsed ?? 0;
  const behind = (i: number) => c.actual[i]! - c.denominator[i]! * elapsed;
  return listOf(c, rows, (a, b) => behind(a) - behind(b), limit);
}

/**
 * The people still to enrol in the units short of their goal: the sum of the figures the goal
 * list shows, how many units that is, and how many units have a goal but no figure to count
 * (their share is unknown).
 */
export function toGoalOfUnits(r: IndicatorResult): { people: number; unitCount: number; unknown: number } {
  const c = resultColumns(r);
  let people = 0;
  let unitCount = 0;
  let unknown = 0;
  const { goal, toGoal } = c;
  if (!goal) return { people, unitCount, unknown };
  for (let i = 0; i < goal.length; i++) {
    if (goal[i] !== goal[i]) continue;
    const t = toGoal ? toGoal[i]! : NaN;
    if (t !== t) unknown++;
    else if (t > 0) {
      people += t;
      unitCount++;
    }
  }
  return { people, unitCount, unknown };
}
