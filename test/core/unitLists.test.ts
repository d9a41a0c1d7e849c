/**
 * The lists a card and the paragraph name (below the average, short of the goal, off pace), picked
 * on a result's columns, against the same lists made the plain way — every unit's object, filtered
 * and sorted — over random columns in a random rank order: the same units, in the same order,
 * the same counts; only the first `limit` made.
 */
import fc from "fast-check";
import { type IndicatorResult, type ResultColumns, type UnitResult, unitsOf } from "../../src/core/results";
import { belowAverageList, offPaceList, shortOfGoalList, toGoalOfUnits } from "../../src/core/unitLists";
import { unitsBelow } from "../../src/core/narrative";
import { summarize } from "../../src/core/summarize";
import { titledSheet } from "../helpers/grids";

// The plain way, as the pane and the paragraph made these lists before: over `r.units`, in rank order.
const plainBelow = (r: IndicatorResult) =>
  r.units
    .map((u, i) => ({ u, i }))
    .filter((x) => x.u.belowAverage && x.u.ratio !== null)
    .sort((a, b) => a.u.ratio! - b.u.ratio! || a.i - b.i)
    .map((x) => x.u);
const plainShortOfGoal = (r: IndicatorResult) =>
  r.units
    .map((u, i) => ({ u, i }))
    .filter((x) => x.u.belowGoal && x.u.goal !== null)
    .sort((a, b) => (a.u.goalGap ?? 0) - (b.u.goalGap ?? 0) || (a.u.ratio ?? 0) - (b.u.ratio ?? 0) || a.i - b.i)
    .map((x) => x.u);
const plainOffPace = (r: IndicatorResult) =>
  !r.pace
    ? []
    : r.units
        .map((u, i) => ({ u, i }))
        .filter((x) => x.u.pace?.onPace === false)
        .sort((a, b) => (a.u.actual ?? 0) - (a.u.pace!.expected ?? 0) - ((b.u.actual ?? 0) - (b.u.pace!.expected ?? 0)) || a.i - b.i)
        .map((x) => x.u);
function plainToGoal(r: IndicatorResult) {
  let people = 0;
  let unitCount = 0;
  let unknown = 0;
  for (const u of r.units) {
    if (u.goal === null) continue;
    if (u.toGoal === null) unknown++;
    else if (u.toGoal > 0) {
      people += u.toGoal;
      unitCount++;
    }
  }
  return { people, unitCount, unknown };
}

// Few distinct values, so that ties (which the sheet's order breaks) are common.
const maybe = (values: fc.Arbitrary<number>) => fc.oneof(fc.constant(NaN), values);
const row = fc.record({
  actual: maybe(fc.integer({ min: 0, max: 6 }).map((x) => x * 50)),
  denominator: maybe(fc.integer({ min: 1, max: 4 }).map((x) => x * 100)),
  below: fc.boolean(),
  goal: maybe(fc.constantFrom(0.5, 0.8, 0.95)),
  goalGap: maybe(fc.integer({ min: -3, max: 3 }).map((x) => x / 100)),
  toGoal: maybe(fc.integer({ min: -2, max: 40 })),
  belowGoal: fc.boolean(),
});
const pace = fc.option(
  fc.record({
    elapsed: fc.constantFrom(0, 0.25, 0.5, 1),
    monthsLeft: fc.integer({ min: 0, max: 12 }),
    kind: fc.constantFrom("flow" as const, "stock" as const),
  }),
);

/** A result as the engine hands it over: columns in sheet order, `order` the rank order, `units` made from them when read. */
const result = fc
  .record({ rows: fc.array(row, { maxLength: 40 }), withGoals: fc.boolean(), pace, seed: fc.integer() })
  .chain((x) => fc.shuffledSubarray([...x.rows.keys()], { minLength: x.rows.length, maxLength: x.rows.length }).map((order) => ({ ...x, order })))
  .map(({ rows, withGoals, pace, order }) => {
    const f = (g: (r: (typeof rows)[number]) => number) => Float64Array.from(rows, g);
    const columns: ResultColumns = {
      names: rows.map((_r, i) => `Xã ${i}`),
      unit: Int32Array.from(rows, (_r, i) => i),
      actual: f((r) => r.actual),
      denominator: f((r) => r.denominator),
      ratio: f((r) => r.actual / r.denominator),
      gap: null,
      rank: Int32Array.from(rows, () => 0),
      belowAverage: Uint8Array.from(rows, (r) => (r.below ? 1 : 0)),
      order: Int32Array.from(order),
      previous: null,
      growth: null,
      goal: withGoals ? f((r) => r.goal) : null,
      goalFrom: withGoals ? rows.map(() => null) : null,
      goalGap: withGoals ? f((r) => r.goalGap) : null,
      toGoal: withGoals ? f((r) => r.toGoal) : null,
      belowGoal: withGoals ? Uint8Array.from(rows, (r) => (r.belowGoal ? 1 : 0)) : null,
      categoryOf: null,
      groupOf: null,
      groupRank: null,
      pace,
    };
    let units: UnitResult[] | null = null;
    const r = {
      pace: pace ? { elapsed: pace.elapsed, monthsLeft: pace.monthsLeft } : null,
      paceKind: pace?.kind ?? null,
      get units() {
        return (units ??= unitsOf(columns));
      },
    } as unknown as IndicatorResult;
    Object.defineProperty(r, "columns", { value: columns, enumerable: false });
    return r;
  });

const names = (us: readonly UnitResult[]) => us.map((u) => u.unit);

describe("the lists a card names, picked on the columns", () => {
  test("equal the plain lists: the same units in the same order, and the same counts", () => {
    fc.assert(
      fc.property(result, fc.integer({ min: 0, max: 6 }), (r, limit) => {
        const cases: [ReturnType<typeof belowAverageList>, UnitResult[]][] = [
          [belowAverageList(r, limit), plainBelow(r)],
          [shortOfGoalList(r, limit), plainShortOfGoal(r)],
          [offPaceList(r, limit), plainOffPace(r)],
        ];
        for (const [list, plain] of cases) {
          expect(list.total).toBe(plain.length);
          expect(list.units).toEqual(plain.slice(0, limit));
        }
        expect(names(unitsBelow(r))).toEqual(names(plainBelow(r)));
        expect(toGoalOfUnits(r)).toEqual(plainToGoal(r));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });

  test("only the first `limit` units are made: the others' objects are never built", () => {
    const r = fc.sample(
      result.filter((x) => belowAverageList(x).total > 3),
      { numRuns: 1, seed: 7 },
    )[0]!;
    let read = 0;
    const counted = new Proxy(r, { get: (t, k) => (k === "units" ? (read++, Reflect.get(t, k)) : Reflect.get(t, k)) });
    expect(belowAverageList(counted, 2).units).toHaveLength(2);
    expect(read).toBe(0);
  });

  test("on an engine result: ties keep the sheet's order", () => {
    const header = ["STT", "Đơn vị", "BHYT"];
    const targets = titledSheet("Kế hoạch", header, [
      [1, "Xã A", 100],
      [2, "Xã B", 100],
      [3, "Xã C", 100],
      [4, "Xã D", 100],
    ]);
    const actuals = titledSheet("Thực hiện", header, [
      [1, "Xã A", 90],
      [2, "Xã B", 50],
      [3, "Xã C", 50],
      [4, "Xã D", 100],
    ]);
    const r = summarize({ targets, actuals, base: null }).results[0]!;
    expect(names(belowAverageList(r).units)).toEqual(["Xã B", "Xã C"]);
    expect(names(belowAverageList(r, 1).units)).toEqual(["Xã B"]);
    expect(belowAverageList(r, 1).total).toBe(2);
  });
});
