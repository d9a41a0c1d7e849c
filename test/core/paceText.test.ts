import fc from "fast-check";
import { formatCount } from "../../src/core/format";
import { computePace, type Pace } from "../../src/core/pace";
import { paceSentence, type PaceSentenceInput } from "../../src/core/paceText";
import { readPeriod } from "../../src/core/periods";
import { areaFromTotalLabel, givenArea } from "../../src/core/reportDate";

const CITY = areaFromTotalLabel("Toàn thành phố");
const DOT_1 = readPeriod("Chỉ tiêu đợt 1 (từ ngày 1-1 đến ngày 30-6-2024)")!;
const TN = { indicatorKey: "bhxh-tn", indicator: "BHXH tự nguyện", indicatorEn: "Voluntary social insurance" };
const YT = { indicatorKey: "bhyt", indicator: "BHYT", indicatorEn: "Health insurance" };

function input(target: number, actual: number, o: Partial<PaceSentenceInput> & { asOf?: string } = {}): PaceSentenceInput {
  const pace = computePace({ periodStart: DOT_1.start, periodEnd: DOT_1.end, asOf: o.asOf ?? "2024-04-30", target, actual, kind: "stock" }) as Pace;
  return { pace, target, actual, period: DOT_1, indicator: TN, area: CITY, ...o };
}

describe("the pace sentence — seed 001 (Cần Thơ, đợt 1, at 30/4/2024)", () => {
  it("voluntary social insurance: what is still needed and each month", () => {
    const i = input(28883, 18590);
    expect(paceSentence(i, "vi")).toBe(
      "Để hoàn thành chỉ tiêu đợt 1, từ nay đến 30/6/2024 toàn thành phố cần phát triển thêm 10.293 người tham gia BHXH tự nguyện, bình quân 5.147 người mỗi tháng.",
    );
    expect(paceSentence(i, "en")).toBe(
      "To meet the phase 1 target, the city needs 10,293 more people in voluntary social insurance by 30 June 2024, on average 5,147 people a month.",
    );
  });

  it("health insurance: the target exceeded", () => {
    const i = input(1057188, 1065565, { indicator: YT });
    expect(paceSentence(i, "vi")).toBe("Toàn thành phố đã vượt chỉ tiêu đợt 1 về số người tham gia BHYT (1.057.188 người), cao hơn 8.377 người.");
    expect(paceSentence(i, "en")).toBe("The city has exceeded the phase 1 target for health insurance participants (1,057,188 people) by 8,377 people.");
  });

  it("without an area, the sentence has no place in it", () => {
    expect(paceSentence(input(28883, 18590, { area: null }), "vi")).toBe(
      "Để hoàn thành chỉ tiêu đợt 1, từ nay đến 30/6/2024 cần phát triển thêm 10.293 người tham gia BHXH tự nguyện, bình quân 5.147 người mỗi tháng.",
    );
    expect(paceSentence(input(28883, 18590, { area: null }), "en")).toBe(
      "To meet the phase 1 target, 10,293 more people in voluntary social insurance are needed by 30 June 2024, on average 5,147 people a month.",
    );
    expect(paceSentence(input(1057188, 1065565, { indicator: YT, area: null }), "vi")).toBe(
      "Số người tham gia BHYT đã vượt chỉ tiêu đợt 1 (1.057.188 người), cao hơn 8.377 người.",
    );
    expect(paceSentence(input(1057188, 1065565, { indicator: YT, area: null }), "en")).toBe(
      "Health insurance participants have exceeded the phase 1 target (1,057,188 people) by 8,377 people.",
    );
  });
});

describe("the pace sentence in its other cases", () => {
  it("the target met exactly", () => {
    expect(paceSentence(input(28883, 28883), "vi")).toBe("Toàn thành phố đã hoàn thành chỉ tiêu đợt 1 về số người tham gia BHXH tự nguyện (28.883 người).");
    expect(paceSentence(input(28883, 28883), "en")).toBe("The city has met the phase 1 target for voluntary social insurance participants (28,883 people).");
  });

  it("one month left: no average to give", () => {
    expect(paceSentence(input(28883, 18590, { asOf: "2024-05-31" }), "vi")).toBe(
      "Để hoàn thành chỉ tiêu đợt 1, từ nay đến 30/6/2024 toàn thành phố cần phát triển thêm 10.293 người tham gia BHXH tự nguyện.",
    );
    expect(paceSentence(input(28883, 18590, { asOf: "2024-05-31" }), "en")).toBe(
      "To meet the phase 1 target, the city needs 10,293 more people in voluntary social insurance by 30 June 2024.",
    );
  });

  it("the period's last day, still short", () => {
    expect(paceSentence(input(28883, 27000, { asOf: "2024-06-30" }), "vi")).toBe(
      "Chỉ tiêu đợt 1 kết thúc ngày 30/6/2024, toàn thành phố còn thiếu 1.883 người tham gia BHXH tự nguyện so với chỉ tiêu.",
    );
    expect(paceSentence(input(28883, 27000, { asOf: "2024-06-30" }), "en")).toBe(
      "The phase 1 target ended on 30 June 2024 with 1,883 people still missing in voluntary social insurance across the city.",
    );
  });

  it("figures of a date after the period: no sentence (the caller says why)", () => {
    expect(paceSentence(input(28883, 27000, { asOf: "2024-07-31" }), "vi")).toBe("");
  });

  it("seed 003: Tiền Giang's year-end goal, a place named as the area", () => {
    const year = readPeriod("Mục tiêu đến cuối năm 2022")!;
    const pace = computePace({ periodStart: year.start, periodEnd: year.end, asOf: "2022-06-30", target: 279000, actual: 215000, kind: "stock" })!;
    const i: PaceSentenceInput = {
      pace,
      target: 279000,
      actual: 215000,
      period: year,
      indicator: { indicatorKey: "bhxh", indicator: "BHXH", indicatorEn: "Social insurance" },
      area: givenArea("tỉnh Tiền Giang"),
    };
    expect(paceSentence(i, "vi")).toBe(
      "Để hoàn thành chỉ tiêu năm 2022, từ nay đến 31/12/2022 tỉnh Tiền Giang cần phát triển thêm 64.000 người tham gia BHXH, bình quân 10.667 người mỗi tháng.",
    );
    expect(paceSentence(i, "en")).toBe(
      "To meet the 2022 target, Tiền Giang province needs 64,000 more people in social insurance by 31 December 2022, on average 10,667 people a month.",
    );
  });

  it("an indicator that counts something else is written in its own unit", () => {
    const debts = { indicatorKey: "custom:thu no", indicator: "Thu nợ (triệu đồng)", indicatorEn: "Thu nợ (triệu đồng)" };
    const short = input(1000, 920, { indicator: debts, area: areaFromTotalLabel("Toàn tỉnh") });
    expect(paceSentence(short, "vi")).toBe(
      "Để hoàn thành chỉ tiêu đợt 1 về thu nợ, từ nay đến 30/6/2024 toàn tỉnh cần thực hiện thêm 80 triệu đồng, bình quân 40 triệu đồng mỗi tháng.",
    );
    expect(paceSentence(short, "en")).toBe(
      "To meet the phase 1 target for thu nợ, the province needs 80 triệu đồng more by 30 June 2024, on average 40 triệu đồng a month.",
    );
    const over = input(1000, 1020, { indicator: debts, area: areaFromTotalLabel("Toàn tỉnh") });
    expect(paceSentence(over, "vi")).toBe("Toàn tỉnh đã vượt chỉ tiêu đợt 1 về thu nợ (1.000 triệu đồng), cao hơn 20 triệu đồng.");
  });

  it("a period with dates and no name", () => {
    const unnamed = readPeriod("Chỉ tiêu từ 1/1 đến hết 30/9/2024")!;
    const pace = computePace({ periodStart: unnamed.start, periodEnd: unnamed.end, asOf: "2024-06-30", target: 300, actual: 100, kind: "flow" })!;
    const i: PaceSentenceInput = { pace, target: 300, actual: 100, period: unnamed, indicator: TN, area: CITY };
    expect(paceSentence(i, "vi")).toBe(
      "Để hoàn thành chỉ tiêu, từ nay đến 30/9/2024 toàn thành phố cần phát triển thêm 200 người tham gia BHXH tự nguyện, bình quân 67 người mỗi tháng.",
    );
    expect(paceSentence(i, "en")).toBe(
      "To meet the target, the city needs 200 more people in voluntary social insurance by 30 September 2024, on average 67 people a month.",
    );
  });
});

describe("property: the sentence's numbers are the pace's, formatted as the sheets show them", () => {
  it("holds for any target and actual in the phase", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3_000_000 }),
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.constantFrom("vi" as const, "en" as const),
        (target, actual, lang) => {
          const i = input(target, actual);
          const s = paceSentence(i, lang);
          // The period's words and end day are not figures.
          const figures = s.replace(/30\/6\/2024|30 June 2024|đợt 1|phase 1/g, "");
          const numbers = figures.match(/\d+(?:[.,]\d+)*/g) ?? [];
          const allowed = [i.pace.remaining, i.pace.perMonth ?? 0, target, actual - target].map((x) => formatCount(x, lang));
          for (const n of numbers) expect(allowed).toContain(n);
          if (actual < target) expect(numbers).toEqual([formatCount(target - actual, lang), formatCount(Math.ceil((target - actual) / 2), lang)]);
        },
      ),
    );
  });
});
