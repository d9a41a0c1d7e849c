import fc from "fast-check";
import {
  calendarDayOf,
  dayDateOfIso,
  dayNumber,
  dayNumberOf,
  defaultPeriod,
  isoOfDayNumber,
  parseIsoDay,
  readPeriod,
  readPeriodOf,
} from "../../src/core/periods";

const dates = (p: ReturnType<typeof readPeriod>) => (p ? [p.start, p.end, p.label] : null);

describe("reading a target's period", () => {
  it("reads seed 001's phase, both ways the seed and a sheet write it", () => {
    const header = readPeriod("Chỉ tiêu đợt 1 (01/01–30/6/2024)");
    expect(header).toEqual({
      start: "2024-01-01",
      end: "2024-06-30",
      label: "đợt 1",
      labelEn: "phase 1",
      source: "Chỉ tiêu đợt 1 (01/01–30/6/2024)",
      startAssumed: false,
    });
    // The article's words: hyphenated days, "từ ngày … đến ngày …", the year once at the end.
    expect(dates(readPeriod("chỉ tiêu phát triển người tham gia BHXH tự nguyện, BHYT đợt 1 (từ ngày 1-1 đến ngày 30-6-2024)"))).toEqual([
      "2024-01-01",
      "2024-06-30",
      "đợt 1",
    ]);
  });

  it("reads other ways of writing a range", () => {
    expect(dates(readPeriod("Kế hoạch đợt 2 (01/7/2024 - 31/12/2024)"))).toEqual(["2024-07-01", "2024-12-31", "đợt 2"]);
    expect(dates(readPeriod("Chỉ tiêu từ 1/1 đến hết 30/9/2024"))).toEqual(["2024-01-01", "2024-09-30", ""]);
    expect(dates(readPeriod("Chỉ tiêu từ ngày 1 tháng 1 đến ngày 30 tháng 6 năm 2024"))).toEqual(["2024-01-01", "2024-06-30", ""]);
    expect(dates(readPeriod("Chỉ tiêu 01.01-30.06.2024"))).toEqual(["2024-01-01", "2024-06-30", ""]);
    expect(dates(readPeriod("Target from 1/1/2024 to 30/6/2024"))).toEqual(["2024-01-01", "2024-06-30", ""]);
    // Decomposed Unicode reads the same.
    expect(dates(readPeriod("Chỉ tiêu đợt 1 (từ ngày 1-1 đến ngày 30-6-2024)".normalize("NFD")))).toEqual(["2024-01-01", "2024-06-30", "đợt 1"]);
    // A whole calendar year is "năm 2024" even when only its days are written.
    expect(dates(readPeriod("Chỉ tiêu giao (01/01/2024–31/12/2024)"))).toEqual(["2024-01-01", "2024-12-31", "năm 2024"]);
  });

  it("reads years, half years and quarters, with the report's year where the text has none", () => {
    expect(dates(readPeriod("Chỉ tiêu năm 2024"))).toEqual(["2024-01-01", "2024-12-31", "năm 2024"]);
    expect(readPeriod("Chỉ tiêu năm 2024")?.labelEn).toBe("2024");
    expect(dates(readPeriod("Kế hoạch 6 tháng", 2024))).toEqual(["2024-01-01", "2024-06-30", "6 tháng"]);
    expect(readPeriod("Kế hoạch 6 tháng", 2024)?.labelEn).toBe("6-month");
    expect(dates(readPeriod("Chỉ tiêu 6 tháng đầu năm", 2023))).toEqual(["2023-01-01", "2023-06-30", "6 tháng đầu năm"]);
    expect(dates(readPeriod("Kế hoạch 6 tháng cuối năm 2024"))).toEqual(["2024-07-01", "2024-12-31", "6 tháng cuối năm"]);
    expect(dates(readPeriod("Kế hoạch 9 tháng năm 2024", 2023))).toEqual(["2024-01-01", "2024-09-30", "9 tháng"]);
    expect(dates(readPeriod("KH năm", 2024))).toEqual(["2024-01-01", "2024-12-31", "năm 2024"]);
    expect(dates(readPeriod("Chỉ tiêu cả năm", 2024))).toEqual(["2024-01-01", "2024-12-31", "năm 2024"]);
    expect(dates(readPeriod("Quý III/2024"))).toEqual(["2024-07-01", "2024-09-30", "quý III"]);
    expect(readPeriod("Quý III/2024")?.labelEn).toBe("Q3");
    expect(dates(readPeriod("Kế hoạch quý 4 năm 2023"))).toEqual(["2023-10-01", "2023-12-31", "quý IV"]);
    expect(dates(readPeriod("Chỉ tiêu quý II", 2024))).toEqual(["2024-04-01", "2024-06-30", "quý II"]);
    // A phase with its dates and month words that agree with them.
    expect(dates(readPeriod("Chỉ tiêu đợt 1 - 6 tháng đầu năm 2024 (01/01–30/6/2024)"))).toEqual(["2024-01-01", "2024-06-30", "đợt 1"]);
  });

  it("reads a year end (seed 003: 'mục tiêu đến cuối năm 2022'), the start being 1 January", () => {
    const p = readPeriod("đến 31/12/2022");
    expect(dates(p)).toEqual(["2022-01-01", "2022-12-31", "năm 2022"]);
    expect(p?.startAssumed).toBe(true);
    expect(dates(readPeriod("Mục tiêu đến cuối năm 2022"))).toEqual(["2022-01-01", "2022-12-31", "năm 2022"]);
    const mid = readPeriod("Chỉ tiêu đến ngày 30/9/2024");
    expect(dates(mid)).toEqual(["2024-01-01", "2024-09-30", ""]);
    expect(mid?.startAssumed).toBe(true);
    // Month words give an end-only reading its start.
    const half = readPeriod("Chỉ tiêu 6 tháng cuối năm (đến 31/12/2024)");
    expect(dates(half)).toEqual(["2024-07-01", "2024-12-31", "6 tháng cuối năm"]);
    expect(half?.startAssumed).toBe(false);
  });

  it.each([
    ["a phase without its dates", "Chỉ tiêu đợt 1", 2024],
    ["a phase in a year without its dates", "Chỉ tiêu đợt 1 năm 2024", null],
    ["a half year without a year", "Kế hoạch 6 tháng", null],
    ["'KH năm' without a year", "KH năm", null],
    ["a quarter without a year", "Quý III", null],
    ["a place named Nam, not a year", "Kế hoạch Hà Nam", 2024],
    ["two years", "Chỉ tiêu năm 2024 (điều chỉnh so với năm 2023)", null],
    ["a quarter and a half year", "Kế hoạch quý III và 6 tháng cuối năm 2024", null],
    ["a range outside the year it names", "Chỉ tiêu năm 2024 (01/7/2023–30/6/2024)", null],
    ["a range running backwards", "Chỉ tiêu (01/10–31/3/2025)", null],
    ["a range whose end has no year", "Chỉ tiêu 1/1–30/6", 2024],
    ["days hyphenated and joined by a hyphen", "Chỉ tiêu 1-1-30-6-2024", null],
    ["an impossible day", "Chỉ tiêu đến 31/6/2024", null],
    ["month words against the written days", "Kế hoạch 6 tháng (01/01–30/9/2024)", null],
    ["two different ranges", "Chỉ tiêu 01/01–30/6/2024, điều chỉnh 01/01–31/12/2024", null],
    ["the figures' date, not the plan's", "Số liệu đến ngày 31/10/2022", null],
    ["the actuals' period", "Thực hiện 4 tháng đầu năm 2024", null],
    ["'tính đến'", "(Tính đến 30-6-2023)", null],
    ["a decision's date", "Kèm theo Quyết định số 123/QĐ-BHXH ngày 15/01/2022", null],
    ["a count, not a day", "BHXH tự nguyện 28.883", 2024],
    ["no period at all", "BHXH tự nguyện", 2024],
  ])("does not guess: %s", (_why, text, year) => {
    expect(readPeriod(text as string, year as number | null)).toBeNull();
  });

  it("takes a decision's date beside a year as no period of its own", () => {
    expect(dates(readPeriod("Chỉ tiêu năm 2024 (Quyết định số 12/QĐ-UBND ngày 15/01/2024)"))).toEqual(["2024-01-01", "2024-12-31", "năm 2024"]);
  });

  it("defaults to the report year", () => {
    expect(defaultPeriod(2024)).toEqual({ start: "2024-01-01", end: "2024-12-31", label: "năm 2024", labelEn: "2024", source: "", startAssumed: false });
  });
});

describe("reading the period of several texts (header parts, titles)", () => {
  it("takes the one period they agree on, with a name and a written start where any text has them", () => {
    const r = readPeriodOf(["Chỉ tiêu đợt 1 (01/01–30/6/2024)", "BHXH tự nguyện"]);
    expect(r.conflicting).toEqual([]);
    expect(dates(r.period)).toEqual(["2024-01-01", "2024-06-30", "đợt 1"]);
    const agreeing = readPeriodOf(["Chỉ tiêu đến 30/6/2024", "Kế hoạch 6 tháng đầu năm 2024"]);
    expect(dates(agreeing.period)).toEqual(["2024-01-01", "2024-06-30", "6 tháng đầu năm"]);
    expect(agreeing.period?.startAssumed).toBe(false);
  });

  it("reads none, and names both, when they disagree", () => {
    const r = readPeriodOf(["Chỉ tiêu năm 2024", "Kế hoạch đợt 1 (01/01–30/6/2024)"]);
    expect(r.period).toBeNull();
    expect(r.conflicting.map((p) => p.source)).toEqual(["Chỉ tiêu năm 2024", "Kế hoạch đợt 1 (01/01–30/6/2024)"]);
    expect(readPeriodOf(["BHYT", ""])).toEqual({ period: null, conflicting: [] });
  });
});

describe("calendar days without Date", () => {
  it("counts days as the calendar does", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("2024-06-30") - dayNumber("2024-01-01") + 1).toBe(182);
    expect(dayNumber("2022-12-31") - dayNumber("2022-01-01") + 1).toBe(365);
    expect(dayNumber("2000-03-01") - dayNumber("2000-02-28")).toBe(2);
    expect(dayNumber("1900-03-01") - dayNumber("1900-02-28")).toBe(1);
    expect(dayNumber("2024-02-30")).toBeNaN();
    expect(parseIsoDay("30/6/2024")).toBeNull();
    expect(dayDateOfIso("2024-06-30")).toEqual({ day: 30, month: 6, year: 2024, text: "30/6/2024" });
  });

  it("property: day numbers and ISO days are inverse, and the next day is one more", () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber("1900-01-01"), max: dayNumber("2999-12-30") }), (n) => {
        const iso = isoOfDayNumber(n);
        expect(dayNumber(iso)).toBe(n);
        expect(dayNumberOf(calendarDayOf(n + 1)) - dayNumberOf(calendarDayOf(n))).toBe(1);
        expect(parseIsoDay(iso)).not.toBeNull();
      }),
    );
  });

  it("property: a written range reads back as its days, whatever the separators", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber("2000-01-01"), max: dayNumber("2099-12-31") }),
        fc.integer({ min: 0, max: 364 }),
        fc.constantFrom("/", ".", "-"),
        fc.constantFrom("–", " - ", " đến ", " đến hết ngày "),
        (s, len, sep, join) => {
          const a = calendarDayOf(s);
          const b = calendarDayOf(s + len);
          fc.pre(!(sep === "-" && join.trim() === "-"));
          const text = `Chỉ tiêu (từ ${a.day}${sep}${a.month}${sep}${a.year}${join}${b.day}${sep}${b.month}${sep}${b.year})`;
          const p = readPeriod(text);
          expect(p?.start).toBe(isoOfDayNumber(s));
          expect(p?.end).toBe(isoOfDayNumber(s + len));
        },
      ),
    );
  });
});
