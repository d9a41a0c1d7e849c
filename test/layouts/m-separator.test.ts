/**
 * Layout m — a Vietnamese sheet where Vị Thanh's 2.010 participants are typed as the text
 * "2,010" among whole numbers. In Vietnamese "2,010" reads 2,01; in a column of whole counts it is
 * 2.010 people. The engine reads 2.010 (and then seed 000's figures come out) or says so naming
 * the cell — never 2,01 (0,08%, ranked last) without a word.
 */
import { ambiguousSeparatorLayout } from "../helpers/layouts";
import { describeLayout, expectArea, expectSeedVoluntary, expectUnits, findResult, warningTexts } from "./check";

describeLayout(ambiguousSeparatorLayout, "exceljs", { figures: false }, ({ built, analysis }) => {
  const cell = built.cells!.ambiguous!; // 'Thực hiện'!C6

  test(`never 2,01 without a word: 2.010 people, or a warning naming ${cell}`, async () => {
    const { summary } = await analysis();
    const viThanh = findResult(summary, "bhxh-tn", "attainment").units.find((u) => u.unit === "Thành phố Vị Thanh");
    if (viThanh?.actual !== 2010) expect(warningTexts(summary).filter((w) => w.includes(cell))).not.toEqual([]);
  });

  test("read as 2.010 people: every unit's figures and seed 000's rates", async () => {
    const { summary } = await analysis();
    const r = findResult(summary, "bhxh-tn", "attainment");
    expectUnits(r, built.results[0]!);
    expectArea(r, built.results[0]!);
    expectSeedVoluntary(summary);
  });
});
