import { formatCount, formatNumber, formatPercent } from "../../src/core/format";

describe("formatPercent", () => {
  it("writes a ratio the Vietnamese way by default and the English way on request", () => {
    expect(formatPercent(0.9262, "vi")).toBe("92,62%");
    expect(formatPercent(0.9262, "en")).toBe("92.62%");
    expect(formatPercent(12853 / 19800, "vi")).toBe("64,91%");
    expect(formatPercent(1, "vi")).toBe("100,00%");
    expect(formatPercent(12.5, "vi")).toBe("1.250,00%");
    expect(formatPercent(0, "vi")).toBe("0,00%");
  });
  it("rounds as Excel displays: from 15 significant digits, half away from zero", () => {
    expect(formatPercent(0.90505, "vi")).toBe("90,51%");
    expect(formatPercent(0.0005, "vi")).toBe("0,05%");
    expect(formatPercent(0.00004, "vi")).toBe("0,00%");
    expect(formatPercent(0.99995, "vi")).toBe("100,00%");
    expect(formatPercent(-0.017, "vi")).toBe("-1,70%");
    expect(formatPercent(-0.00001, "vi")).toBe("0,00%");
    expect(formatPercent(0.123456, "vi", 1)).toBe("12,3%");
  });
});

describe("formatCount / formatNumber", () => {
  it("groups thousands", () => {
    expect(formatCount(1065565, "vi")).toBe("1.065.565");
    expect(formatCount(1065565, "en")).toBe("1,065,565");
    expect(formatCount(999, "vi")).toBe("999");
    expect(formatCount(0, "vi")).toBe("0");
    expect(formatCount(-12853, "vi")).toBe("-12.853");
    expect(formatCount(85.2, "vi")).toBe("85,20");
  });
  it("rounds to the decimals asked for", () => {
    expect(formatNumber(1234.5678, { lang: "vi", decimals: 2 })).toBe("1.234,57");
    expect(formatNumber(1234.5, { lang: "en", decimals: 0 })).toBe("1,235");
    expect(formatNumber(0.05, { lang: "vi", decimals: 2 })).toBe("0,05");
  });
});
