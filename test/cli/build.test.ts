/**
 * The CLI as a built program: `npm install` (the prepare script) bundles src/cli/main.ts into
 * dist-cli/chitieu.js with esbuild, and the bin runs that file — no TypeScript compiled at run time.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const { buildCli, OUT } = require("../../scripts/build-cli.js") as { buildCli(o?: { force?: boolean }): boolean; OUT: string };

jest.setTimeout(60_000);

beforeAll(() => {
  buildCli();
});

describe("the built CLI", () => {
  test("is one file beside its source map, and needs neither tsx nor TypeScript", () => {
    const js = fs.readFileSync(OUT, "utf8");
    expect(fs.existsSync(`${OUT}.map`)).toBe(true);
    expect(js).not.toMatch(/require\(["'](tsx|typescript|ts-node)/);
    expect(js).toMatch(/runAsProgram/);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
      scripts: Record<string, string>;
      bin: Record<string, string>;
    };
    // tsx is a dev tool now; the bin and the demo run the built file.
    expect(pkg.dependencies.tsx).toBeUndefined();
    expect(pkg.devDependencies.tsx).toBeDefined();
    expect(pkg.scripts.prepare).toBe("node scripts/build-cli.js");
    expect(pkg.scripts.demo).toMatch(/node bin\/chitieu\.js demo$/);
    expect(fs.readFileSync(path.join(ROOT, pkg.bin.chitieu!), "utf8")).not.toMatch(/tsx/);
  });

  test("runs from any folder (the samples are found from the package's folder, not the bundle's)", () => {
    const r = spawnSync(
      process.execPath,
      [
        path.join(ROOT, "bin", "chitieu.js"),
        "demo",
        "--json",
        "--out",
        path.join(fs.mkdtempSync(path.join(require("node:os").tmpdir(), "chitieu-built-")), "demo.xlsx"),
      ],
      { cwd: "/", encoding: "utf8", timeout: 30_000 },
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { sheets: { actuals: string } }).sheets.actuals).toBe("Thực hiện");
  });

  test("--if-stale rebuilds only after a source changed", () => {
    buildCli();
    expect(buildCli()).toBe(false);
    const built = fs.statSync(OUT).mtimeMs;
    // A source newer than the bundle: touch one (its content unchanged).
    const src = path.join(ROOT, "src", "cli", "terminalText.ts");
    const now = new Date(built + 1000);
    fs.utimesSync(src, now, now);
    expect(buildCli()).toBe(true);
    expect(buildCli()).toBe(false);
  });
});
