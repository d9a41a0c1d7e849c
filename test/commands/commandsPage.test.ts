/**
 * The commands' registration in the shared runtime (src/commands/commands.ts, loaded first by the
 * task pane's page): the function the manifest names is associated as the page loads, before
 * Office.onReady, so a ribbon click that starts the runtime finds it; a page without office.js
 * (a blocked CDN) loads without an error of its own.
 */
afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

test("associates recalculate at load, without waiting for Office.onReady", () => {
  const associated: [string, unknown][] = [];
  const onReady = jest.fn(() => new Promise(() => undefined));
  (globalThis as unknown as { Office: unknown }).Office = { onReady, actions: { associate: (name: string, f: unknown) => void associated.push([name, f]) } };
  jest.isolateModules(() => require("../../src/commands/commands"));
  expect(associated.map(([n, f]) => [n, typeof f])).toEqual([["recalculate", "function"]]);
});

test("no office.js: nothing to register, and no error", () => {
  expect(() => jest.isolateModules(() => require("../../src/commands/commands"))).not.toThrow();
});
