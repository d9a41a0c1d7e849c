import fc from "fast-check";
import { computePace, elapsedShare, monthsLeft, paceKindOf, perMonthOf, type PaceInput } from "../../src/core/pace";
import { dayNumber, isoOfDayNumber } from "../../src/core/periods";

// Seed 001: Cần Thơ, đợt 1 (từ ngày 1-1 đến ngày 30-6-2024), figures of the first 4 months.
const DOT_1 = { periodStart: "2024-01-01", periodEnd: "2024-06-30", asOf: "2024-04-30" } as const;

describe("pace — seed 001 (Cần Thơ, đợt 1, at 30/4/2024)", () => {
  it("voluntary social insurance: 18.590 of 28.883 — the article's figures", () => {
    const p = computePace({ ...DOT_1, target: 28883, actual: 18590, kind: "stock" });
    expect(p).toEqual({
      periodStart: "2024-01-01",
      periodEnd: "2024-06-30",
      asOf: "2024-04-30",
      elapsed: 121 / 182,
      remaining: 10293,
      monthsLeft: 2,
      perMonth: 5147,
      startLevel: null,
      expected: null,
      onPace: null,
      projected: null,
    });
    expect(p!.elapsed.toFixed(4)).toBe("0.6648");
  });

  it("health insurance: 1.065.565 of 1.057.188, the target exceeded — nothing remains", () => {
    const p = computePace({ ...DOT_1, target: 1057188, actual: 1065565, kind: "stock" })!;
    expect(p.remaining).toBe(0);
    expect(p.perMonth).toBe(0);
    expect(p.monthsLeft).toBe(2);
    expect(p.onPace).toBeNull();
  });

  it("a stock with its start level is judged against the schedule from that level", () => {
    // Had the city started the phase at 12.000 voluntary participants, by 30/4 it should be at
    // 12.000 + (28.883 − 12.000) × 121/182.
    const p = computePace({ ...DOT_1, target: 28883, actual: 18590, kind: "stock", startLevel: 12000 })!;
    expect(p.startLevel).toBe(12000);
    expect(p.expected).toBeCloseTo(12000 + 16883 * (121 / 182), 9);
    expect(p.expected!.toFixed(0)).toBe("23224");
    expect(p.onPace).toBe(false);
    expect(p.projected).toBeCloseTo(12000 + 6590 / (121 / 182), 9);
  });

  it("a flow (new enrolments) is expected at target × elapsed, and projected at actual / elapsed", () => {
    const p = computePace({ ...DOT_1, target: 10000, actual: 7000, kind: "flow", startLevel: 5 })!;
    expect(p.startLevel).toBeNull(); // a flow starts every period at zero
    expect(p.expected).toBeCloseTo(10000 * (121 / 182), 9);
    expect(p.onPace).toBe(true);
    expect(p.projected).toBeCloseTo(7000 * (182 / 121), 9);
    expect(p.remaining).toBe(3000);
    expect(p.perMonth).toBe(1500);
  });
});

describe("pace — seed 003 (Tiền Giang, year-end goal 279.000, about 215.000 at 30/6/2022)", () => {
  it("needs 64.000 more in the 6 months to 31/12/2022, 10.667 a month", () => {
    const p = computePace({ periodStart: "2022-01-01", periodEnd: "2022-12-31", asOf: "2022-06-30", target: 279000, actual: 215000, kind: "stock" })!;
    expect(p.elapsed).toBe(181 / 365);
    expect(p.elapsed.toFixed(4)).toBe("0.4959");
    expect(p.remaining).toBe(64000);
    expect(p.monthsLeft).toBe(6);
    expect(p.perMonth).toBe(10667); // ⌈64.000 / 6⌉ = ⌈10.666,67⌉
    expect(p.perMonth! * p.monthsLeft).toBeGreaterThanOrEqual(p.remaining);
    expect(p.expected).toBeNull();
  });
});

describe("elapsed share and months left", () => {
  it("count the as-of day as passed and the period's both ends as its days", () => {
    expect(elapsedShare("2024-01-01", "2024-06-30", "2023-12-31")).toBe(0); // the start level's day
    expect(elapsedShare("2024-01-01", "2024-06-30", "2024-01-01")).toBe(1 / 182);
    expect(elapsedShare("2024-01-01", "2024-06-30", "2024-06-30")).toBe(1);
    expect(elapsedShare("2024-06-30", "2024-01-01", "2024-03-01")).toBeNaN();
  });

  it("count the month ends after the as-of date up to the end", () => {
    expect(monthsLeft("2024-01-01", "2024-06-30", "2024-04-30")).toBe(2); // 31/5, 30/6
    expect(monthsLeft("2024-01-01", "2024-06-30", "2024-04-29")).toBe(3); // 30/4, 31/5, 30/6
    expect(monthsLeft("2024-01-01", "2024-06-30", "2024-06-15")).toBe(1);
    expect(monthsLeft("2024-01-01", "2024-06-30", "2024-06-30")).toBe(0);
    expect(monthsLeft("2024-01-01", "2024-12-31", "2023-12-31")).toBe(12);
    // A period that ends mid-month: its last part month counts.
    expect(monthsLeft("2024-01-01", "2024-07-15", "2024-06-30")).toBe(1);
    expect(monthsLeft("2024-01-01", "2024-07-15", "2024-07-01")).toBe(1);
    expect(monthsLeft("2024-01-01", "2024-07-15", "2024-05-31")).toBe(2);
  });

  it("spread what remains over the months, rounding up; none left with something remaining is no figure", () => {
    expect(perMonthOf(10293, 2)).toBe(5147);
    expect(perMonthOf(0, 0)).toBe(0);
    expect(perMonthOf(10, 0)).toBeNull();
  });
});

describe("as-of outside the period", () => {
  it("before it: nothing elapsed, all the period's months ahead, a stock expected at its start, nothing projected", () => {
    const stock = computePace({ ...DOT_1, asOf: "2023-11-15", target: 28883, actual: 15000, kind: "stock", startLevel: 15000 })!;
    expect(stock.elapsed).toBe(0);
    expect(stock.monthsLeft).toBe(6); // counted from the period's start, not from November
    expect(stock.perMonth).toBe(Math.ceil(13883 / 6));
    expect(stock.expected).toBe(15000);
    expect(stock.onPace).toBe(true);
    expect(stock.projected).toBeNull();
    const flow = computePace({ ...DOT_1, asOf: "2023-11-15", target: 600, actual: 0, kind: "flow" })!;
    expect(flow.expected).toBe(0);
    expect(flow.projected).toBeNull();
  });

  it("after it: all elapsed, no month left, what is missing still said, expected the target and projected the actual", () => {
    const p = computePace({ ...DOT_1, asOf: "2024-07-31", target: 28883, actual: 27000, kind: "flow" })!;
    expect(p.elapsed).toBe(1);
    expect(p.monthsLeft).toBe(0);
    expect(p.remaining).toBe(1883);
    expect(p.perMonth).toBeNull();
    expect(p.expected).toBe(28883);
    expect(p.onPace).toBe(false);
    expect(p.projected).toBe(27000);
  });

  it("no pace for days that are not days, a period ending before it starts, or no figures", () => {
    const ok: PaceInput = { ...DOT_1, target: 1, actual: 1, kind: "stock" };
    expect(computePace({ ...ok, asOf: "30/4/2024" })).toBeNull();
    expect(computePace({ ...ok, periodStart: "2024-07-01" })).toBeNull();
    expect(computePace({ ...ok, target: NaN })).toBeNull();
    expect(computePace({ ...ok, actual: Infinity })).toBeNull();
    expect(computePace({ ...ok, startLevel: NaN })?.startLevel).toBeNull();
  });
});

describe("stock or flow, by the header", () => {
  it.each([
    [["Số người tham gia BHXH TN phát triển mới"], "flow"],
    [["Phát triển mới BHXH tự nguyện"], "flow"],
    [["Thu BHXH, BHYT, BHTN (triệu đồng)"], "flow"],
    [["Kế hoạch", "Số thu (tỷ đồng)"], "flow"],
    [["Thu nợ"], "flow"],
    [["Số thẻ BHYT cấp mới"], "flow"],
    [["Revenue collected"], "flow"],
    [["Số người tham gia BHXH tự nguyện"], "stock"],
    [["Chỉ tiêu giao năm 2024", "BHYT"], "stock"],
    [["Kế hoạch BHXH bắt buộc"], "stock"],
    [["Số nợ (triệu đồng)"], "stock"],
    [["Thủ Đức"], null],
    [["Ghi chú"], null],
  ] as const)("%j → %s", (parts, kind) => {
    expect(paceKindOf(parts)).toBe(kind);
  });
});

// -----------------------------------------------------------------------------------------------
// Properties

const LO = dayNumber("2000-01-01");
const HI = dayNumber("2099-12-31");

/** A period (start, end) and a day from a year before it to a year after it. */
const periodAndDay = fc
  .tuple(fc.integer({ min: LO, max: HI }), fc.integer({ min: 0, max: 800 }), fc.integer({ min: -400, max: 1200 }))
  .map(([s, len, off]) => ({ s, e: s + len, a: s + off }));
const amount = fc.integer({ min: 0, max: 2_000_000 });

describe("pace properties", () => {
  it("remaining ≥ 0; perMonth × monthsLeft ≥ remaining; perMonth is no figure only with something remaining and no month left", () => {
    fc.assert(
      fc.property(periodAndDay, amount, amount, fc.constantFrom("stock" as const, "flow" as const), ({ s, e, a }, target, actual, kind) => {
        const p = computePace({ periodStart: isoOfDayNumber(s), periodEnd: isoOfDayNumber(e), asOf: isoOfDayNumber(a), target, actual, kind })!;
        expect(p.remaining).toBeGreaterThanOrEqual(0);
        expect(p.remaining).toBe(Math.max(0, target - actual));
        if (p.perMonth === null) expect(p.remaining > 0 && p.monthsLeft === 0).toBe(true);
        else {
          expect(p.perMonth * p.monthsLeft).toBeGreaterThanOrEqual(p.remaining);
          // And no more than a month's rounding above it.
          if (p.monthsLeft > 0) expect((p.perMonth - 1) * p.monthsLeft).toBeLessThan(p.remaining);
        }
        expect(p.monthsLeft === 0).toBe(a >= e);
      }),
    );
  });

  it("elapsed is in [0, 1], 0 the day before the start, 1 on the last day, and never falls as the as-of day moves on", () => {
    fc.assert(
      fc.property(periodAndDay, fc.integer({ min: 0, max: 400 }), ({ s, e, a }, step) => {
        const [S, E] = [isoOfDayNumber(s), isoOfDayNumber(e)];
        const x = elapsedShare(S, E, isoOfDayNumber(a));
        const y = elapsedShare(S, E, isoOfDayNumber(a + step));
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
        expect(y).toBeGreaterThanOrEqual(x);
        expect(elapsedShare(S, E, isoOfDayNumber(s - 1))).toBe(0);
        expect(elapsedShare(S, E, E)).toBe(1);
        // Months left never rise as the as-of day moves on.
        expect(monthsLeft(S, E, isoOfDayNumber(a + step))).toBeLessThanOrEqual(monthsLeft(S, E, isoOfDayNumber(a)));
      }),
    );
  });

  it("a flow's expected figure is linear in the target", () => {
    fc.assert(
      fc.property(periodAndDay, amount, amount, fc.integer({ min: 0, max: 50 }), ({ s, e, a }, t1, t2, k) => {
        const at = (target: number) =>
          computePace({ periodStart: isoOfDayNumber(s), periodEnd: isoOfDayNumber(e), asOf: isoOfDayNumber(a), target, actual: 0, kind: "flow" })!.expected!;
        const tol = 1e-6 * (1 + t1 + t2) * (1 + k);
        expect(Math.abs(at(t1 + t2) - (at(t1) + at(t2)))).toBeLessThanOrEqual(tol);
        expect(Math.abs(at(k * t1) - k * at(t1))).toBeLessThanOrEqual(tol);
        expect(at(0)).toBe(0);
      }),
    );
  });

  it("a stock's expected figure is its start level at the period's start and the target at its end, and between them in between", () => {
    fc.assert(
      fc.property(periodAndDay, amount, amount, amount, ({ s, e, a }, target, start, actual) => {
        const pace = (asOf: number) =>
          computePace({
            periodStart: isoOfDayNumber(s),
            periodEnd: isoOfDayNumber(e),
            asOf: isoOfDayNumber(asOf),
            target,
            actual,
            kind: "stock",
            startLevel: start,
          })!;
        expect(pace(s - 1).expected).toBe(start);
        expect(pace(e).expected).toBe(target);
        const mid = pace(a).expected!;
        expect(mid).toBeGreaterThanOrEqual(Math.min(start, target) - 1e-6);
        expect(mid).toBeLessThanOrEqual(Math.max(start, target) + 1e-6);
        // At the end the projection is where the figure is.
        expect(pace(e).projected).toBeCloseTo(actual, 6);
        // Without a start level nothing is judged.
        const blind = computePace({ periodStart: isoOfDayNumber(s), periodEnd: isoOfDayNumber(e), asOf: isoOfDayNumber(a), target, actual, kind: "stock" })!;
        expect([blind.expected, blind.onPace, blind.projected]).toEqual([null, null, null]);
      }),
    );
  });

  it("on pace exactly when the figure is at or above the schedule; a flow on pace projects at least its target", () => {
    fc.assert(
      fc.property(periodAndDay, fc.integer({ min: 1, max: 2_000_000 }), amount, ({ s, e, a }, target, actual) => {
        const p = computePace({ periodStart: isoOfDayNumber(s), periodEnd: isoOfDayNumber(e), asOf: isoOfDayNumber(a), target, actual, kind: "flow" })!;
        expect(p.onPace).toBe(actual >= p.expected!);
        if (p.onPace && p.projected !== null) expect(p.projected).toBeGreaterThanOrEqual(target * (1 - 1e-12));
      }),
    );
  });
});
