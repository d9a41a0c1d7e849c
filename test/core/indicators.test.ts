import { baseKindOf, catalogueEntry, identifyIndicator, identityFromName } from "../../src/core/indicators";

const key = (...parts: string[]) => identifyIndicator(parts)?.key ?? null;

describe("identifyIndicator — the catalogue", () => {
  it.each([
    ["BHXH bắt buộc", "bhxh-bb"],
    ["BHXH BB", "bhxh-bb"],
    ["Bảo hiểm xã hội bắt buộc", "bhxh-bb"],
    ["Số người tham gia BHXH bắt buộc", "bhxh-bb"],
    ["BHXH (bắt buộc)", "bhxh-bb"],
    ["BHXH tự nguyện", "bhxh-tn"],
    ["BHXH TN", "bhxh-tn"],
    ["Số người tham gia bảo hiểm xã hội tự nguyện", "bhxh-tn"],
    ["BẢO HIỂM XÃ HỘI TỰ NGUYỆN".normalize("NFD"), "bhxh-tn"],
    ["BHTN", "bhtn"],
    ["Bảo hiểm thất nghiệp", "bhtn"],
    ["BH thất nghiệp", "bhtn"],
    ["BHYT", "bhyt"],
    ["Bảo hiểm y tế", "bhyt"],
    ["Số người tham gia bảo hiểm y tế", "bhyt"],
    ["Health insurance", "bhyt"],
    ["BHXH", "bhxh"],
    ["Bảo hiểm xã hội", "bhxh"],
    ["Tổng số người tham gia BHXH", "bhxh"],
  ])("%j is %s", (header, id) => {
    expect(key(header)).toBe(id);
  });

  it('"BHXH" alone matches neither compulsory nor voluntary social insurance', () => {
    for (const h of ["BHXH", "Bảo hiểm xã hội", "Số người tham gia BHXH", "BHXH (người)"]) {
      expect(key(h)).not.toBe("bhxh-bb");
      expect(key(h)).not.toBe("bhxh-tn");
      expect(key(h)).toBe("bhxh");
    }
  });

  it("decides by the column's own name, not the group header above it", () => {
    expect(key("Chỉ tiêu giao năm 2022", "BHXH tự nguyện")).toBe("bhxh-tn");
    expect(key("Số người tham gia BHXH", "Bắt buộc")).toBe("bhxh-bb");
    expect(key("Số người tham gia BHXH", "Tự nguyện")).toBe("bhxh-tn");
    expect(key("Kế hoạch giao năm 2024 (người)", "Bảo hiểm y tế")).toBe("bhyt");
  });

  it("gives each catalogue indicator its coverage base", () => {
    expect(identifyIndicator(["BHYT"])?.base).toBe("population");
    expect(identifyIndicator(["BHXH BB"])?.base).toBe("labourForce");
    expect(identifyIndicator(["BHXH TN"])?.base).toBe("labourForce");
    expect(identifyIndicator(["BHTN"])?.base).toBe("labourForce");
    expect(identifyIndicator(["BHXH"])?.base).toBe("labourForce");
    expect(catalogueEntry("bhyt")?.vi).toBe("BHYT");
    expect(catalogueEntry("nope")).toBeUndefined();
  });
});

describe("identifyIndicator — any other indicator, by its header", () => {
  it("matches custom headers across sheets by their own words, without the sheet or period words", () => {
    const target = identifyIndicator(["Kế hoạch năm 2024", "Số tiền thu (triệu đồng)"]);
    const actual = identifyIndicator(["Thực hiện 4 tháng", "Số tiền thu (triệu đồng)"]);
    expect(target?.key).toMatch(/^custom:/);
    expect(target?.key).toBe(actual?.key);
    expect(target?.base).toBeNull();
    expect(identifyIndicator(["Kế hoạch thu nợ"])?.key).toBe(identifyIndicator(["Thực hiện thu nợ"])?.key);
    expect(identifyIndicator(["Target cards issued"])?.key).toBe(identifyIndicator(["Actual cards issued"])?.key);
  });
  it("a header naming several catalogue indicators is none of them: a custom indicator", () => {
    const k = key("Số tiền thu BHXH, BHYT, BHTN (triệu đồng)");
    expect(k).toMatch(/^custom:/);
    expect(key("Số người tham gia BHXH bắt buộc và BHTN")).toMatch(/^custom:/);
    expect(key("Kế hoạch thu BHXH, BHYT", "Số tiền")).toMatch(/^custom:/);
    expect(key("Kế hoạch thu BHXH, BHYT", "Số tiền")).toBe(key("Thực hiện thu BHXH, BHYT", "Số tiền"));
  });
  it("keeps different custom indicators apart", () => {
    expect(identifyIndicator(["Thu nợ"])?.key).not.toBe(identifyIndicator(["Số thẻ cấp"])?.key);
  });
  it("shows the header's text as the name", () => {
    expect(identifyIndicator(["Số thẻ  cấp mới"])?.vi).toBe("Số thẻ cấp mới");
  });
  it("has no identity for a header of role words only, or none", () => {
    expect(identifyIndicator(["Kế hoạch"])).toBeNull();
    expect(identifyIndicator([])).toBeNull();
  });
});

describe("identityFromName (mapping overrides)", () => {
  it("resolves catalogue names and abbreviations, any other text as custom, '-' as none", () => {
    expect(identityFromName("BHYT")?.key).toBe("bhyt");
    expect(identityFromName("bhxh tn")?.key).toBe("bhxh-tn");
    expect(identityFromName("Thu nợ")?.key).toMatch(/^custom:/);
    expect(identityFromName("-")).toBeNull();
    expect(identityFromName("  ")).toBeNull();
  });
});

describe("baseKindOf", () => {
  it.each([
    ["Dân số", "population"],
    ["Dân số trung bình năm 2022", "population"],
    ["Population", "population"],
    ["Lực lượng lao động", "labourForce"],
    ["LLLĐ", "labourForce"],
    ["Lao động trong độ tuổi", "labourForce"],
    ["Labour force", "labourForce"],
    ["BHYT", null],
    ["Số hộ", null],
  ])("%j is %s", (h, kind) => {
    expect(baseKindOf(h)).toBe(kind);
  });
});

describe("identifyIndicator — money, debts and cards are not participants", () => {
  it.each(["Thu BHXH (triệu đồng)", "Số tiền thu BHYT", "Nợ BHXH", "Số thẻ BHYT cấp mới", "Chi trả BHTN", "BHYT revenue (million VND)"])(
    "%j is a custom indicator without a coverage base",
    (h) => {
      const id = identifyIndicator([h])!;
      expect(id.key.startsWith("custom:")).toBe(true);
      expect(id.base).toBeNull();
    },
  );

  it.each([
    ["Số người tham gia BHYT", "bhyt"],
    ["Thực hiện BHXH tự nguyện", "bhxh-tn"],
    ["Chỉ tiêu giao / BHXH bắt buộc", "bhxh-bb"],
    ["Bảo hiểm thất nghiệp", "bhtn"],
  ])("%j still is the catalogue's %s", (h, key) => {
    expect(identifyIndicator(h.split(" / "))!.key).toBe(key);
  });

  it("the same revenue header in two sheets still matches itself", () => {
    expect(identifyIndicator(["Kế hoạch", "Thu BHXH (triệu đồng)"])!.key).toBe(identifyIndicator(["Thực hiện", "Thu BHXH (triệu đồng)"])!.key);
  });
});

describe("a scale of people in the header", () => {
  it("is not money: 'BHYT (nghìn người)' is BHYT, and a custom indicator keeps one key at any scale", () => {
    expect(identifyIndicator(["BHYT (nghìn người)"])?.key).toBe("bhyt");
    expect(identifyIndicator(["Số người tham gia BHXH tự nguyện", "(1.000 người)"])?.key).toBe("bhxh-tn");
    expect(identifyIndicator(["Thu BHXH (triệu đồng)"])?.key).not.toBe("bhxh");
    expect(identifyIndicator(["Lao động có việc làm (nghìn người)"])?.key).toBe(identifyIndicator(["Lao động có việc làm"])?.key);
  });
});
