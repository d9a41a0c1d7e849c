/**
 * The pane's remembered reads (src/services/readCache.ts): each sheet read once until the workbook
 * changes, the same analysis as over the workbook itself, reads in flight shared, a failed or
 * forgotten read not kept, and a write forgetting everything.
 */
import { DEFAULT_CHOICES } from "../../src/core/settings";
import { rememberReads } from "../../src/services/readCache";
import { analyze } from "../../src/workbook/recalculate";
import { samplePort } from "../taskpane/fixtures";

const count = (calls: string[], name: string) => calls.filter((c) => c === name).length;

describe("rememberReads", () => {
  test("analyses with other options read the sheets once, and say exactly what an analysis of the workbook says", async () => {
    const { port } = await samplePort();
    const reads = rememberReads(port);
    const first = await analyze(reads, DEFAULT_CHOICES);
    const before = port.calls.length;
    expect(count(port.calls, "readSheets")).toBeGreaterThan(0);
    for (const c of [{ ...DEFAULT_CHOICES, average: "mean" as const }, { ...DEFAULT_CHOICES, rank: "dense" as const, lang: "en" as const }, DEFAULT_CHOICES]) {
      const again = await analyze(reads, c);
      const fresh = await analyze(port.inner, c);
      // Nothing in the engine changed the grids it was given: the remembered ones still give the same answer.
      expect(JSON.stringify(again.specs)).toBe(JSON.stringify(fresh.specs));
      expect(again.narrative).toEqual(fresh.narrative);
    }
    expect(port.calls.length).toBe(before);
    expect(JSON.stringify((await analyze(reads, DEFAULT_CHOICES)).specs)).toBe(JSON.stringify(first.specs));
  });

  test("a peek at the top rows and the whole sheet are kept apart; names already kept are not read again", async () => {
    const { port } = await samplePort();
    const reads = rememberReads(port);
    const [peek] = await reads.readSheets(["Thực hiện"], { maxRows: 5 });
    const [whole] = await reads.readSheets(["Thực hiện"]);
    expect(peek!.values.length).toBeLessThanOrEqual(5);
    expect(whole!.values.length).toBeGreaterThan(5);
    expect(count(port.calls, "readSheets")).toBe(2);
    const both = await reads.readSheets(["Kế hoạch", "Thực hiện"]);
    expect(both.map((g) => g.name)).toEqual(["Kế hoạch", "Thực hiện"]);
    expect(count(port.calls, "readSheets")).toBe(3);
    await reads.readSheets(["Thực hiện", "Kế hoạch"]);
    expect(count(port.calls, "readSheets")).toBe(3);
  });

  test("two analyses at once share one read; forget() reads again, and a read in flight at forget() is not kept", async () => {
    const { port } = await samplePort();
    const reads = rememberReads(port);
    await Promise.all([reads.readSheets(["Thực hiện"]), reads.readSheets(["Thực hiện"]), reads.listSheets(), reads.listSheets()]);
    expect(count(port.calls, "readSheets")).toBe(1);
    expect(count(port.calls, "listSheets")).toBe(1);
    reads.forget();
    const inFlight = reads.readSheets(["Thực hiện"]);
    reads.forget();
    await inFlight;
    await reads.readSheets(["Thực hiện"]);
    expect(count(port.calls, "readSheets")).toBe(3);
    await reads.listSheets();
    expect(count(port.calls, "listSheets")).toBe(2);
  });

  test("a failed read is not kept: the next asks the workbook again", async () => {
    const { port } = await samplePort();
    const reads = rememberReads(port);
    port.failWith = new Error("RichApi.Error: busy");
    await expect(reads.readSheets(["Thực hiện"])).rejects.toThrow(/busy/);
    await expect(reads.listSheets()).rejects.toThrow(/busy/);
    port.failWith = null;
    await expect(reads.readSheets(["Thực hiện"])).resolves.toHaveLength(1);
    await expect(reads.listSheets()).resolves.toEqual(await port.inner.listSheets());
  });

  test("a write forgets everything (our sheets are new), whether it succeeds or fails", async () => {
    const { port } = await samplePort();
    const reads = rememberReads(port);
    const a = await analyze(reads, DEFAULT_CHOICES);
    expect((await reads.listSheets()).some((s) => s.ours)).toBe(false);
    await reads.writeSummary(a.specs);
    expect((await reads.listSheets()).some((s) => s.ours)).toBe(true);
    await reads.listSheets();
    const listed = count(port.calls, "listSheets");
    port.failWith = new Error("RichApi.Error: the workbook is protected");
    await expect(reads.writeSummary(a.specs)).rejects.toThrow(/protected/);
    port.failWith = null;
    await reads.listSheets();
    expect(count(port.calls, "listSheets")).toBe(listed + 1);
  });
});
