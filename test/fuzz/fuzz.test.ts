/**
 * The fuzz property over 1,000 generated workbooks on every `npm test` (`npm run fuzz` runs
 * 100,000). See property.ts for the invariants and generator.ts for the layouts.
 */
import fc from "fast-check";
import { fuzzCaseArb } from "./generator";
import { checkCase } from "./property";

const RUNS = Number(process.env.CHITIEU_FUZZ_RUNS ?? 1000);

jest.setTimeout(120_000);

test(`fuzz: ${RUNS} generated workbooks — only ChitieuError escapes, inputs unchanged, every unit accounted for, every number finite`, () => {
  let ok = 0;
  let errors = 0;
  fc.assert(
    fc.property(fuzzCaseArb, (c) => {
      const o = checkCase(c);
      if (o.kind === "ok") ok++;
      else errors++;
    }),
    { numRuns: RUNS, ...(process.env.CHITIEU_FUZZ_SEED ? { seed: Number(process.env.CHITIEU_FUZZ_SEED) } : {}) },
  );
  // The generator must reach the engine's results, not only its errors (fast-check may replay
  // a shrunk case, so count at least the runs asked for).
  expect(ok + errors).toBeGreaterThanOrEqual(RUNS);
  expect(ok).toBeGreaterThan(RUNS / 4);
});
