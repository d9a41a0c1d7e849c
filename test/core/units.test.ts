import { ChitieuError } from "../../src/core/errors";
import { chitieuErrorOf } from "../helpers/errors";
import fc from "fast-check";
import { proseName, splitPlaceName } from "../../src/core/placeNames";
import { nameKey } from "../../src/core/text";
import { checkDuplicates, checkDuplicatesAgainst, matchUnits, parseUnitName, splitUnitPrefix, unitKeyString } from "../../src/core/units";

describe("parseUnitName", () => {
  it.each([
    ["Thành phố Vị Thanh", "tp"],
    ["TP. Vị Thanh", "tp"],
    ["TP Vị Thanh", "tp"],
    ["Tp.Vị Thanh", "tp"],
    ["THÀNH PHỐ VỊ THANH", "tp"],
    ["Thị xã Long Mỹ", "tx"],
    ["TX. Long Mỹ", "tx"],
    ["TX Long Mỹ", "tx"],
    ["Quận Ninh Kiều", "q"],
    ["Q. Ninh Kiều", "q"],
    ["Huyện Vị Thủy", "h"],
    ["H. Vị Thủy", "h"],
    ["H.Vị Thủy", "h"],
    ["HUYỆN VỊ THỦY", "h"],
    ["Phường An Hòa", "p"],
    ["P. An Hòa", "p"],
    ["Xã Tân Phú", "x"],
    ["X. Tân Phú", "x"],
    ["Thị trấn Cái Tắc", "tt"],
    ["TT. Cái Tắc", "tt"],
    ["TT Cái Tắc", "tt"],
    ["Tỉnh Hậu Giang", "tinh"],
    ["T.X. Long Mỹ", "tx"],
    ["T.P Vị Thanh", "tp"],
    ["T.T. Cái Tắc", "tt"],
  ])("%j is of kind %s", (raw, kind) => {
    expect(parseUnitName(raw).kind).toBe(kind);
  });

  it("gives every spelling of one unit the same key", () => {
    const forms = ["Huyện Vị Thủy", "H. Vị Thủy", "H.Vị Thủy", "HUYỆN VỊ THỦY", "H. Vị Thuỷ", "Huyện Vị Thủy".normalize("NFD"), "huyện  vị\u00a0thủy"];
    const keys = new Set(forms.map((f) => unitKeyString(parseUnitName(f))));
    expect([...keys]).toEqual(["h|vi5 thuy3"]);
    expect(unitKeyString(parseUnitName("Thành phố Cần Thơ"))).toBe(unitKeyString(parseUnitName("TP Cần Thơ")));
    expect(unitKeyString(parseUnitName("Thị xã Long Mỹ"))).toBe(unitKeyString(parseUnitName("T.X. Long Mỹ")));
    expect(unitKeyString(parseUnitName("Quận 1"))).toBe(unitKeyString(parseUnitName("Q.1")));
    expect(unitKeyString(parseUnitName("Quận 1"))).toBe(unitKeyString(parseUnitName("Q1")));
    expect(unitKeyString(parseUnitName("Phường 12"))).toBe(unitKeyString(parseUnitName("P12")));
  });

  it("keeps the kind apart from the name: huyện Long Mỹ is not thị xã Long Mỹ", () => {
    const h = parseUnitName("huyện Long Mỹ");
    const tx = parseUnitName("thị xã Long Mỹ");
    expect(h.name).toBe(tx.name);
    expect(unitKeyString(h)).not.toBe(unitKeyString(tx));
  });

  it("does not read the first letters of a bare name as an abbreviation", () => {
    expect(parseUnitName("Hòa Bình")).toEqual({ kind: null, name: "hoa2 binh2", full: "?|hoa2 binh2" });
    expect(parseUnitName("Xuân Lộc").kind).toBeNull();
    expect(parseUnitName("Phụng Hiệp").kind).toBeNull();
    expect(parseUnitName("Quỳnh Nhai").kind).toBeNull();
    expect(parseUnitName("Tân Phú").kind).toBeNull();
    expect(parseUnitName("Thới Lai").kind).toBeNull();
  });
});

describe("matchUnits", () => {
  const pairsOf = (l: string[], r: string[]) => matchUnits(l, r).pairs.map((p) => [l[p.left], r[p.right]]);

  it("pairs every spelling, in any order", () => {
    const left = [
      "Thành phố Vị Thanh",
      "Thị xã Long Mỹ",
      "Huyện Vị Thủy",
      "Huyện Long Mỹ",
      "Quận Ninh Kiều",
      "Phường An Hòa",
      "Xã Tân Phú",
      "Thị trấn Cái Tắc",
    ];
    const right = ["TT. Cái Tắc", "X. Tân Phú", "P. An Hòa", "Q. Ninh Kiều", "H.Long Mỹ", "H. Vị Thuỷ", "TX. Long Mỹ", "TP Vị Thanh"];
    const m = matchUnits(left, right);
    expect(m.leftOnly).toEqual([]);
    expect(m.rightOnly).toEqual([]);
    expect(pairsOf(left, right)).toEqual([
      ["Thành phố Vị Thanh", "TP Vị Thanh"],
      ["Thị xã Long Mỹ", "TX. Long Mỹ"],
      ["Huyện Vị Thủy", "H. Vị Thuỷ"],
      ["Huyện Long Mỹ", "H.Long Mỹ"],
      ["Quận Ninh Kiều", "Q. Ninh Kiều"],
      ["Phường An Hòa", "P. An Hòa"],
      ["Xã Tân Phú", "X. Tân Phú"],
      ["Thị trấn Cái Tắc", "TT. Cái Tắc"],
    ]);
  });

  it("never pairs a district with a town of the same name", () => {
    const m = matchUnits(["Huyện Long Mỹ"], ["Thị xã Long Mỹ"]);
    expect(m.pairs).toEqual([]);
    expect(m.leftOnly).toEqual([0]);
    expect(m.rightOnly).toEqual([0]);
  });

  it("never pairs Châu Thành with Châu Thành A", () => {
    expect(matchUnits(["Huyện Châu Thành"], ["H. Châu Thành A"]).pairs).toEqual([]);
    expect(matchUnits(["Châu Thành"], ["Châu Thành A"]).pairs).toEqual([]);
    expect(pairsOf(["Huyện Châu Thành", "Huyện Châu Thành A"], ["H. Châu Thành A", "H. Châu Thành"])).toEqual([
      ["Huyện Châu Thành", "H. Châu Thành"],
      ["Huyện Châu Thành A", "H. Châu Thành A"],
    ]);
  });

  it("pairs a bare name with the one unit of that name", () => {
    expect(pairsOf(["Huyện Vị Thủy", "Thành phố Vị Thanh"], ["Vị Thanh", "Vị Thuỷ"])).toEqual([
      ["Huyện Vị Thủy", "Vị Thuỷ"],
      ["Thành phố Vị Thanh", "Vị Thanh"],
    ]);
    expect(pairsOf(["Vị Thủy"], ["VỊ THỦY"])).toEqual([["Vị Thủy", "VỊ THỦY"]]);
  });

  it("leaves a bare name unmatched, and reports it ambiguous, when two units have that name", () => {
    const m = matchUnits(["Huyện Long Mỹ", "Thị xã Long Mỹ"], ["Long Mỹ"]);
    expect(m.pairs).toEqual([]);
    expect(m.ambiguous).toEqual(["Long Mỹ"]);
    expect(m.rightOnly).toEqual([0]);
    expect(m.leftOnly).toEqual([0, 1]);
    // Also when one of the two was paired already by its prefix.
    const m2 = matchUnits(["Huyện Long Mỹ", "Thị xã Long Mỹ"], ["H. Long Mỹ", "Long Mỹ"]);
    expect(m2.pairs).toEqual([{ left: 0, right: 0 }]);
    expect(m2.ambiguous).toEqual(["Long Mỹ"]);
    // And the other way round.
    const m3 = matchUnits(["Long Mỹ"], ["Huyện Long Mỹ", "Thị xã Long Mỹ"]);
    expect(m3.pairs).toEqual([]);
    expect(m3.ambiguous).toEqual(["Long Mỹ"]);
  });

  it("reports units found on one side only", () => {
    const m = matchUnits(["Huyện A", "Huyện B", "Huyện C"], ["H. C", "H. D"]);
    expect(m.pairs).toEqual([{ left: 2, right: 0 }]);
    expect(m.leftOnly).toEqual([0, 1]);
    expect(m.rightOnly).toEqual([1]);
  });

  it("pairs each unit at most once", () => {
    const left = ["Huyện Vị Thủy", "Vị Thủy"];
    const right = ["H. Vị Thủy"];
    const m = matchUnits(left, right);
    expect(m.pairs).toHaveLength(1);
    expect(new Set(m.pairs.map((p) => p.right)).size).toBe(m.pairs.length);
  });
});

describe("checkDuplicates", () => {
  it("accepts distinct units, including a district and a town of one name", () => {
    expect(() =>
      checkDuplicates("KH", [
        { name: "Huyện Long Mỹ", row: 5 },
        { name: "Thị xã Long Mỹ", row: 6 },
        { name: "Huyện Châu Thành", row: 7 },
        { name: "Huyện Châu Thành A", row: 8 },
      ]),
    ).not.toThrow();
  });
  it("rejects a unit listed twice, however spelled, naming both rows and the sheet", () => {
    let err: unknown;
    try {
      checkDuplicates("Kế hoạch", [
        { name: "Huyện Vị Thủy", row: 5 },
        { name: "Huyện Long Mỹ", row: 6 },
        { name: "H. Vị Thuỷ", row: 9 },
      ]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ChitieuError);
    const e = err as ChitieuError;
    expect(e.code).toBe("duplicate-unit");
    expect(e.sheet).toBe("Kế hoạch");
    expect(e.problem).toEqual({
      code: "duplicate-unit",
      params: { name: "H. Vị Thuỷ", firstName: "Huyện Vị Thủy", firstRow: 6 },
      where: { sheet: "Kế hoạch", row: 10 },
    });
    expect(e.message).toBe(
      "'Kế hoạch', hàng 10: đơn vị “H. Vị Thuỷ” có hai lần trong trang tính — ở hàng 6 (“Huyện Vị Thủy”) và ở hàng này. Hãy xoá hoặc đổi tên một trong hai hàng.",
    );
  });
  it("counts rows from the sheet's origin", () => {
    const e = chitieuErrorOf(() =>
      checkDuplicates(
        "TH",
        [
          { name: "Xã An", row: 0 },
          { name: "Xã An", row: 2 },
        ],
        10,
      ),
    );
    expect(e.problem).toMatchObject({ code: "duplicate-unit", params: { firstRow: 11 }, where: { sheet: "TH", row: 13 } });
  });
});

describe("splitUnitPrefix: one reading of prefixes for matching and for prose", () => {
  it.each([
    ["Huyện Vị Thủy", "h", "Vị Thủy"],
    ["H.Vị Thủy", "h", "Vị Thủy"],
    ["HUYỆN PHỤNG HIỆP", "h", "PHỤNG HIỆP"],
    ["TP. Vị Thanh", "tp", "Vị Thanh"],
    ["T.X. Long Mỹ", "tx", "Long Mỹ"],
    ["t.t Cái Tắc", "tt", "Cái Tắc"],
    ["Q.1", "q", "1"],
    ["P12", "p", "12"],
    ["Hòa Bình", null, "Hòa Bình"],
    ["  Xã   Tân  Phú ", "x", "Tân Phú"],
  ])("%j: kind %s, the rest as written %j", (raw, kind, rest) => {
    expect(splitUnitPrefix(raw)).toEqual({ kind, rest });
  });

  it("prose names the kind matching reads (T.X. Long Mỹ is a thị xã in both)", () => {
    expect(proseName("T.X. Long Mỹ", "vi")).toBe("thị xã Long Mỹ");
    const spellings = [
      "Thành phố",
      "TP.",
      "TP",
      "T.P",
      "Thị xã",
      "TX.",
      "T.X.",
      "Thị trấn",
      "TT",
      "T.T.",
      "Quận",
      "Q.",
      "Huyện",
      "H.",
      "Phường",
      "P.",
      "Xã",
      "X.",
      "Tỉnh",
      "",
    ];
    const names = ["Vị Thủy", "Long Mỹ", "Hòa Bình", "Châu Thành A", "Ninh Kiều"];
    fc.assert(
      fc.property(fc.constantFrom(...spellings), fc.constantFrom(...names), fc.constantFrom("", " ", "  "), fc.boolean(), (prefix, name, gap, upper) => {
        const raw = prefix === "" ? name : `${prefix}${prefix.endsWith(".") ? gap : gap || " "}${name}`;
        const written = upper ? raw.toUpperCase() : raw;
        const key = parseUnitName(written);
        const place = splitPlaceName(written);
        expect(place.kind).toBe(key.kind);
        expect(nameKey(place.name)).toBe(key.name);
      }),
    );
  });
});

describe("checkDuplicatesAgainst (a sheet matched against the reference's map)", () => {
  const named = (names: string[]) => names.map((name, row) => ({ name, row }));
  const keysOf = (names: string[]) => names.map(parseUnitName);
  const ref = ["Huyện Vị Thủy", "Thị xã Long Mỹ", "Huyện Long Mỹ", "Châu Thành"];
  const refIndex = checkDuplicates("KH", named(ref), 0, keysOf(ref));

  it("gives each unit its reference unit with the same key, or −1", () => {
    const other = ["H. Long Mỹ", "HUYỆN VỊ THỦY", "Xã Mới", "Châu Thành", "Vị Thuỷ"];
    expect(Array.from(checkDuplicatesAgainst("TH", named(other), 0, keysOf(other), refIndex))).toEqual([2, 0, -1, 3, -1]);
  });

  it("throws what checkDuplicates throws, for a key the reference has and for one it has not", () => {
    const errorOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as ChitieuError;
      }
      throw new Error("no error");
    };
    for (const other of [
      ["Huyện Vị Thủy", "Xã Mới", "H. Vị Thủy"],
      ["Xã Mới", "Huyện Long Mỹ", "xã Mới"],
    ]) {
      const mine = errorOf(() => checkDuplicatesAgainst("TH", named(other), 5, keysOf(other), refIndex));
      const own = errorOf(() => checkDuplicates("TH", named(other), 5, keysOf(other)));
      expect(mine).toBeInstanceOf(ChitieuError);
      expect(mine.code).toBe("duplicate-unit");
      expect(mine.message).toBe(own.message);
    }
  });

  it("lets matching pair exactly as with maps of its own (fast-check)", () => {
    const pool = [
      "Huyện Vị Thủy",
      "H. Vị Thủy",
      "Vị Thuỷ",
      "Thị xã Long Mỹ",
      "Huyện Long Mỹ",
      "Long Mỹ",
      "Châu Thành",
      "Châu Thành A",
      "Xã Tân Hòa",
      "Tân Hoà",
      "P. 1",
      "Phường 1",
      "TT. Cái Tắc",
    ];
    const distinct = (names: string[]) => new Set(names.map((n) => unitKeyString(parseUnitName(n)))).size === names.length;
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...pool), { maxLength: 8 }), fc.uniqueArray(fc.constantFrom(...pool), { maxLength: 8 }), (l, r) => {
        if (!distinct(l) || !distinct(r)) return;
        const index = checkDuplicates("KH", named(l), 0, keysOf(l));
        const rightToLeft = checkDuplicatesAgainst("TH", named(r), 0, keysOf(r), index);
        expect(matchUnits(l, r, keysOf(l), keysOf(r), rightToLeft)).toEqual(matchUnits(l, r));
      }),
      { numRuns: 300 },
    );
  });
});
