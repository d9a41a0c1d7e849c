/**
 * The message catalogues: every code has a Vietnamese and an English text (the type says so; this
 * checks the objects as built), the Vietnamese texts are Vietnamese, and every shell names its
 * own way to a fix.
 */
import { CATALOGUES, SETTING_LABELS, render, said, settingFix, type Message, type MessageCode, type Setting } from "../../src/core/messages";
import { SAMPLE_MESSAGES } from "../helpers/messages";

const codes = Object.keys(CATALOGUES.vi) as MessageCode[];

describe("the catalogues", () => {
  it("have the same codes in both languages, each a function", () => {
    expect(Object.keys(CATALOGUES.en).sort()).toEqual([...codes].sort());
    for (const c of codes) {
      expect(typeof CATALOGUES.vi[c]).toBe("function");
      expect(typeof CATALOGUES.en[c]).toBe("function");
    }
  });

  it("have a sample message for every code (so each text below is rendered and checked)", () => {
    const sampled = new Set(SAMPLE_MESSAGES.map((m) => m.code));
    expect(codes.filter((c) => !sampled.has(c))).toEqual([]);
  });

  it.each(["cli", "pane", "ribbon", "preview"] as const)(
    "render every sample in Vietnamese with Vietnamese letters and no English decimal point (%s)",
    (shell) => {
      for (const m of SAMPLE_MESSAGES) {
        const vi = render(m, { lang: "vi", shell });
        const en = render(m, { lang: "en", shell });
        expect(vi.trim()).not.toBe("");
        expect(en.trim()).not.toBe("");
        // A Vietnamese sentence has letters outside ASCII; one with none is English left in.
        expect({ code: m.code, vi, vietnamese: /[^\x00-\x7f]/.test(vi) }).toEqual({ code: m.code, vi, vietnamese: true });
        expect(vi).not.toMatch(/\d\.\d{1,2}(?!\d)/);
        expect(vi).not.toMatch(/undefined|NaN|\[object/);
        expect(en).not.toMatch(/undefined|NaN|\[object/);
      }
    },
  );

  it("name the fix as a flag in the CLI and as a field elsewhere", () => {
    const settings = Object.keys(SETTING_LABELS.vi) as Setting[];
    for (const s of settings) {
      expect(settingFix(s, "vi", "cli")).toMatch(s === "input" ? /tệp/ : /--/);
      expect(settingFix(s, "vi", "pane")).not.toMatch(/--/);
      expect(settingFix(s, "vi", "pane")).toContain(SETTING_LABELS.vi[s]);
      expect(settingFix(s, "en", "pane")).toContain(SETTING_LABELS.en[s]);
      expect(settingFix(s, "vi", "ribbon")).toMatch(/ngăn tác vụ/);
    }
  });

  it("put the place a message points to in its sentence", () => {
    const withCell = SAMPLE_MESSAGES.filter((m): m is Message => m.where?.cell !== undefined && m.where.sheet !== undefined);
    for (const m of withCell) {
      const place = `'${m.where!.sheet!.replace(/'/g, "''")}'!${m.where!.cell}`;
      expect({ code: m.code, vi: render(m, { lang: "vi", shell: "pane" }) }).toEqual({ code: m.code, vi: expect.stringContaining(place) });
      expect({ code: m.code, en: render(m, { lang: "en", shell: "pane" }) }).toEqual({ code: m.code, en: expect.stringContaining(place) });
    }
  });

  it("format numbers in the voice's language, huge ones as Excel shows them", () => {
    const big = (value: number) => said("figure-too-large", { value, header: "BHYT", unit: "Xã A" }, { sheet: "KH", cell: "C4" });
    expect(render(big(1e308), { lang: "vi", shell: "cli" })).toMatch(/^'KH'!C4: 1E\+308 /);
    expect(render(big(-2.5e20), { lang: "vi", shell: "cli" })).toMatch(/ -2,5E\+20 /);
    expect(render(big(-2.5e20), { lang: "en", shell: "cli" })).toMatch(/ -2\.5E\+20 /);
    const negative = said("negative-figure", { value: -2900.5, header: "BHYT", unit: "Xã A" }, { sheet: "TH", cell: "C6" });
    expect(render(negative, { lang: "vi", shell: "pane" })).toContain("-2.900,5");
    expect(render(negative, { lang: "en", shell: "pane" })).toContain("-2,900.5");
  });
});
