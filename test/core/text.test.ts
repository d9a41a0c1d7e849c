import { cleanText, foldText, lower, nameKey, prefixedNameKey } from "../../src/core/text";

describe("cleanText / lower", () => {
  it("composes NFD text, trims and folds inner white space, including non-breaking spaces and line breaks", () => {
    const nfd = "Huyện  Vị\u00a0Thủy\n".normalize("NFD");
    expect(cleanText(nfd)).toBe("Huyện Vị Thủy");
    expect(cleanText(nfd)).toBe(cleanText(nfd).normalize("NFC"));
    expect(cleanText(" \u202fTP.\u2009Cần   Thơ\t")).toBe("TP. Cần Thơ");
  });
  it("lower-cases Vietnamese capitals", () => {
    expect(lower("HUYỆN VỊ THỦY")).toBe("huyện vị thủy");
    expect(lower("ĐỒNG THÁP")).toBe("đồng tháp");
  });
});

describe("nameKey", () => {
  it("is the same whichever vowel carries the tone mark (old and new placement)", () => {
    expect(nameKey("Vị Thủy")).toBe(nameKey("Vị Thuỷ"));
    expect(nameKey("Hòa Bình")).toBe(nameKey("Hoà Bình"));
    expect(nameKey("Thanh Hóa")).toBe(nameKey("Thanh Hoá"));
    expect(nameKey("Quỳnh Nhai")).toBe(nameKey("Qùynh Nhai"));
  });
  it("is the same for composed (NFC) and decomposed (NFD) text and for any case or spacing", () => {
    const forms = ["Vị Thủy", "Vị Thủy".normalize("NFD"), "VỊ THỦY", " vị   thủy ", "VỊ THỦY".normalize("NFD"), "Vị\u00a0Thuỷ"];
    for (const f of forms) expect(nameKey(f)).toBe(nameKey("Vị Thủy"));
  });
  it("keeps names that differ by tone, by a letter or by a trailing letter apart", () => {
    expect(nameKey("Tân Hòa")).not.toBe(nameKey("Tân Hóa"));
    expect(nameKey("Long Mỹ")).not.toBe(nameKey("Long My"));
    expect(nameKey("Châu Thành")).not.toBe(nameKey("Châu Thành A"));
    expect(nameKey("Phụng Hiệp")).not.toBe(nameKey("Phụng Hiếp"));
    // The hat, horn and breve are letters, not tones.
    expect(nameKey("Tân Thới")).not.toBe(nameKey("Tân Thoi"));
    expect(nameKey("Cờ Đỏ")).not.toBe(nameKey("Cờ Do"));
  });
  it("ignores punctuation around words and spacing around hyphens", () => {
    expect(nameKey("Phường 1,")).toBe(nameKey("phường 1"));
    expect(nameKey("Tháp Chàm - Phan Rang")).toBe(nameKey("Tháp Chàm-Phan Rang"));
  });
});

describe("foldText", () => {
  it("drops every diacritic and reads đ as d, in either Unicode form", () => {
    expect(foldText("Bảo hiểm xã hội tự nguyện")).toBe("bao hiem xa hoi tu nguyen");
    expect(foldText("ĐƠN VỊ".normalize("NFD"))).toBe("don vi");
    expect(foldText("Lực lượng  lao động")).toBe("luc luong lao dong");
  });
});

describe("Latin fast paths of cleanText and foldText", () => {
  // The general definitions, written out: NFC, white space folded and trimmed, lower case, NFD,
  // combining marks dropped, đ read as d. The fast paths must give exactly these.
  const cleanRef = (s: string) =>
    s
      .normalize("NFC")
      .replace(/[\s\u00a0\u2000-\u200b\u202f\u3000]+/g, " ")
      .trim();
  const foldRef = (s: string) =>
    cleanRef(s)
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d");
  // Every character the fast paths may take, a few around them, spaces and combining marks.
  const chars: string[] = [];
  for (let c = 0x20; c < 0x2000; c++) if (c < 0x2b0 || c >= 0x1e00 || (c >= 0x300 && c < 0x370)) chars.push(String.fromCharCode(c));
  chars.push("\u00a0", "\u2009", "\u0301", "\u0323", "\u1100", "\u1161", "\ud83d\ude00");

  it("agree with the general definitions on every pair of characters from the Latin ranges", () => {
    let mismatches = 0;
    for (const a of chars) {
      for (const b of chars) {
        const s = a + b;
        if (foldText(s) !== foldRef(s) || cleanText(s) !== cleanRef(s)) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
  });

  it("agree with the general definitions on random text of those characters", () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 20000; k++) {
      let s = "";
      const len = Math.floor(next() * 12);
      for (let i = 0; i < len; i++) s += next() < 0.2 ? " " : chars[Math.floor(next() * chars.length)]!;
      expect([s, foldText(s), cleanText(s)]).toEqual([s, foldRef(s), cleanRef(s)]);
    }
  });
});

describe("Latin fast path of nameKey", () => {
  // nameKey as defined: decompose lower(cleanText(s)) whole, then the one-pass key. The fast path
  // decomposes Latin text character by character instead; decomposed input never takes it
  // (combining marks are not in its table), so nameKey(NFD text) is the general code's answer.
  const letters: string[] = [];
  for (let c = 0x20; c < 0x250; c++) if (c < 0x7f || c >= 0xc0) letters.push(String.fromCharCode(c));
  for (let c = 0x1e00; c < 0x1f00; c++) letters.push(String.fromCharCode(c));
  // Any text is sent to the general code by a closing ideographic space (outside the tables;
  // cleanText trims it, so the key is the same).
  const general = (s: string) => nameKey(s.normalize("NFD") + "\u3000");

  it("agrees with the general code on every pair of Latin characters and on random names", () => {
    let mismatches = 0;
    for (const a of letters) for (const b of letters) if (nameKey(a + b) !== general(a + b)) mismatches++;
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 20000; k++) {
      let s = "";
      const len = 1 + Math.floor(next() * (k % 10 === 0 ? 90 : 14));
      for (let i = 0; i < len; i++) s += next() < 0.15 ? " " : next() < 0.1 ? "-.,()'"[Math.floor(next() * 6)]! : letters[Math.floor(next() * letters.length)]!;
      if (nameKey(s) !== general(s)) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
});

describe("prefixedNameKey", () => {
  it("is the prefix followed by nameKey, for Latin, decomposed and other text", () => {
    const samples = ["Tân Phú Hòa", "THỊ TRẤN CÁI TẮC", "Vị Thuỷ", "Q.1", "Hòa\u0300 Bình", "  Long   Mỹ ", "", "Đông - Hải", "北京", "x".repeat(120)];
    let seed = 5;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 2000; k++)
      samples.push(Array.from({ length: 1 + Math.floor(next() * 20) }, () => String.fromCharCode(0x20 + Math.floor(next() * 0x1f00))).join(""));
    for (const s of samples) for (const p of ["x|", "?|", ""]) expect(prefixedNameKey(p, s)).toBe(p + nameKey(s));
  });
});
