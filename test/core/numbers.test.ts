import { isNumeric, parseCell } from "../../src/core/numbers";

const num = (v: number) => ({ kind: "number", value: v });

describe("parseCell, Vietnamese (the default)", () => {
  it.each([
    ["1.065.565", 1065565],
    ["143.013", 143013],
    ["85,2", 85.2],
    ["1.065.565,5", 1065565.5],
    ["12", 12],
    ["0", 0],
    [" 12.853 ", 12853],
    ["12\u00a0853", 12853],
  ])("reads %j as %d", (text, value) => {
    expect(parseCell(text)).toEqual(num(value));
  });
  it("reads percent text as a fraction", () => {
    const p = parseCell("92,62%");
    expect(p.kind).toBe("number");
    expect(p.kind === "number" && p.value).toBeCloseTo(0.9262, 12);
    expect(parseCell("85,26 %").kind === "number").toBe(true);
    const whole = parseCell("100%");
    expect(whole.kind === "number" && whole.value).toBe(1);
  });
  it("reads negatives, with a minus sign or in accounting parentheses", () => {
    expect(parseCell("-1.234")).toEqual(num(-1234));
    expect(parseCell("−5,5")).toEqual(num(-5.5));
    expect(parseCell("(1.234)")).toEqual(num(-1234));
    expect(parseCell("+7")).toEqual(num(7));
  });
  it("passes finite numbers through and treats NaN and ±Infinity as errors", () => {
    expect(parseCell(0.9262)).toEqual(num(0.9262));
    expect(parseCell(-3)).toEqual(num(-3));
    expect(parseCell(Number.NaN).kind).toBe("error");
    expect(parseCell(Number.POSITIVE_INFINITY).kind).toBe("error");
  });
  it.each([null, "", "   ", "\u00a0"])("reads %j as blank", (v) => {
    expect(parseCell(v)).toEqual({ kind: "blank" });
  });
  it.each(["-", "–", "—", "--", " - "])("reads %j as zero (nil, as Vietnamese accounting writes it), marked as a dash", (v) => {
    expect(parseCell(v)).toEqual({ kind: "number", value: 0, dash: true });
  });
  it.each(["x", "X", "...", "…"])("reads %j as 'nothing' (not applicable, not collected)", (v) => {
    expect(parseCell(v)).toEqual({ kind: "none" });
  });
  it.each(["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#n/a"])("reads %j as an Excel error", (v) => {
    const p = parseCell(v);
    expect(p.kind).toBe("error");
    expect(p.kind === "error" && p.text).toBe(v.toUpperCase());
  });
  it("reads other text as text", () => {
    expect(parseCell("Huyện Vị Thủy")).toEqual({ kind: "text", text: "Huyện Vị Thủy" });
    expect(parseCell("31/10/2022").kind).toBe("text");
    expect(parseCell("%").kind).toBe("text");
    expect(parseCell("1.2.3,4,5").kind).toBe("text");
    expect(parseCell(true)).toEqual({ kind: "text", text: "TRUE" });
  });
  it("reads text written the English way, marked as read in the other locale", () => {
    const p = parseCell("1,065,565");
    expect(p).toEqual({ kind: "number", value: 1065565, otherLocale: true });
    const d = parseCell("92.62%");
    expect(d.kind === "number" && d.value).toBeCloseTo(0.9262, 12);
    expect(d).toMatchObject({ otherLocale: true, percent: true });
  });
  it("reads own-locale text without the mark", () => {
    const p = parseCell("1.065.565");
    expect(p).toEqual({ kind: "number", value: 1065565 });
  });
});

describe("parseCell, English", () => {
  it("reads English text as its own and Vietnamese text marked as the other locale's", () => {
    expect(parseCell("1,065,565", "en")).toEqual(num(1065565));
    expect(parseCell("85.2", "en")).toEqual(num(85.2));
    const p = parseCell("92.62%", "en");
    expect(p.kind === "number" && p.value).toBeCloseTo(0.9262, 12);
    const vi = parseCell("1.065.565", "en");
    expect(vi).toEqual({ kind: "number", value: 1065565, otherLocale: true });
  });
  it("reads an ambiguous '1.065' by the locale", () => {
    expect(parseCell("1.065", "vi")).toEqual(num(1065));
    expect(parseCell("1.065", "en")).toEqual(num(1.065));
    expect(parseCell("1,065", "vi")).toEqual(num(1.065));
    expect(parseCell("1,065", "en")).toEqual(num(1065));
  });
});

describe("isNumeric", () => {
  it("is true for numbers and numeric text only", () => {
    expect(isNumeric(3)).toBe(true);
    expect(isNumeric("1.065.565")).toBe(true);
    expect(isNumeric("-")).toBe(true); // zero
    expect(isNumeric("x")).toBe(false);
    expect(isNumeric("#N/A")).toBe(false);
    expect(isNumeric("Huyện")).toBe(false);
    expect(isNumeric(null)).toBe(false);
  });
});
