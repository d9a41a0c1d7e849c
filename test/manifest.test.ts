/**
 * @jest-environment jsdom
 *
 * The add-in's manifest, checked offline: well-formed, accepted by office-addin-manifest, every
 * resource defined and used, icons that exist at the sizes they claim, https only, a GUID Id,
 * strings in both languages and within the schema's lengths. (`npm run validate` also asks
 * Microsoft's online validation service.)
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { drawIcon, ICON_SIZES } from "../scripts/make-icons";

const ROOT = path.resolve(__dirname, "..");
const XML = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const doc = new DOMParser().parseFromString(XML, "application/xml");

const all = (local: string, ns = "*") => Array.from(doc.getElementsByTagNameNS(ns, local));
const one = (local: string) => {
  const e = all(local)[0];
  if (!e) throw new Error(`no <${local}>`);
  return e;
};

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(b.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** The file in assets/ a localhost URL serves. */
function assetFor(url: string): string {
  const m = /^https:\/\/localhost:3000\/(assets\/[\w.-]+)$/.exec(url);
  if (!m) throw new Error(`${url} is not an asset URL`);
  return path.join(ROOT, m[1]!);
}

const resources = () => {
  const map = new Map<string, Element>();
  for (const kind of ["Image", "Url", "String"]) for (const e of all(kind, BT)) if (e.getAttribute("id")) map.set(e.getAttribute("id")!, e);
  return map;
};

describe("manifest.xml", () => {
  test("is well-formed XML with OfficeApp at the root", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.localName).toBe("OfficeApp");
    expect(doc.documentElement.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type")).toBe("TaskPaneApp");
  });

  test("office-addin-manifest reads it (offline)", () => {
    const bin = path.join(ROOT, "node_modules", "office-addin-manifest", "cli.js");
    const out = execFileSync(process.execPath, [bin, "info", "manifest.xml"], { cwd: ROOT, encoding: "utf8" });
    expect(out).toMatch(/Id: 4d56a337-8379-488c-a5ac-187aa0f26a67/);
    expect(out).toMatch(/Hosts: Workbook/);
    expect(out).toMatch(/Source Location: https:\/\/localhost:3000\/taskpane\.html/);
  });

  test("the Id is a GUID and the version has four parts", () => {
    expect(one("Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(one("Version").textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  test("asks for ExcelApi 1.12 and SharedRuntime 1.1 (Office 2021, Microsoft 365, Mac 16.40, the web), for Workbook", () => {
    const sets = all("Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]);
    expect(sets).toEqual([
      ["ExcelApi", "1.12"],
      ["SharedRuntime", "1.1"],
    ]);
    expect(all("Host").some((h) => h.getAttribute("Name") === "Workbook")).toBe(true);
  });

  test("every resource id used is defined, and every one defined is used", () => {
    const defined = resources();
    const used = all("*").flatMap((e) => (e.getAttribute("resid") ? [e.getAttribute("resid")!] : []));
    expect(used.length).toBeGreaterThan(10);
    for (const id of used) expect(defined.has(id) ? id : `undefined resid ${id}`).toBe(id);
    for (const id of defined.keys()) expect(used.includes(id) ? id : `unused resource ${id}`).toBe(id);
  });

  test("every URL is https", () => {
    const urls = [...XML.matchAll(/(?:DefaultValue|Value)="([a-z]+:\/\/[^"]*)"|<AppDomain>([^<]*)<\/AppDomain>/gi)].map((m) => m[1] ?? m[2]!);
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
  });

  test("every icon URL is a PNG in assets/ of the size it is used at", () => {
    const defined = resources();
    const checks: [string, number][] = [
      [one("IconUrl").getAttribute("DefaultValue")!, 32],
      [one("HighResolutionIconUrl").getAttribute("DefaultValue")!, 64],
    ];
    for (const img of all("Image", BT)) {
      const resid = img.getAttribute("resid");
      if (!resid) continue;
      checks.push([defined.get(resid)!.getAttribute("DefaultValue")!, Number(img.getAttribute("size"))]);
    }
    expect(checks.length).toBeGreaterThan(5);
    for (const [url, size] of checks) {
      const file = assetFor(url);
      expect(fs.existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  test("the committed icons are the ones scripts/make-icons.ts draws", () => {
    for (const s of ICON_SIZES) expect(fs.readFileSync(path.join(ROOT, "assets", `icon-${s}.png`)).equals(drawIcon(s))).toBe(true);
  });

  test("every string is in en-US and vi-VN and within the schema's length limits", () => {
    const limits: [Element, number][] = [
      [one("DisplayName"), 125],
      [one("Description"), 250],
      ...all("String", BT).map((s): [Element, number] => [s, s.parentElement!.localName === "ShortStrings" ? 125 : 250]),
    ];
    for (const [el, max] of limits) {
      const values = [el.getAttribute("DefaultValue")!, ...Array.from(el.children).map((o) => o.getAttribute("Value")!)];
      expect(Array.from(el.children).map((o) => o.getAttribute("Locale"))).toEqual(["vi-VN"]);
      for (const v of values) {
        expect(v.length).toBeGreaterThan(0);
        expect(v.length).toBeLessThanOrEqual(max);
      }
    }
    expect(one("ProviderName").textContent!.length).toBeLessThanOrEqual(250);
    expect(one("DefaultLocale").textContent).toBe("en-US");
  });

  test("the Home tab has a Chỉ tiêu group with Recalculate (a function) and Open panel (the task pane)", () => {
    const tab = one("OfficeTab");
    expect(tab.getAttribute("id")).toBe("TabHome");
    const label = resources().get(tab.getElementsByTagName("Group")[0]!.getElementsByTagName("Label")[0]!.getAttribute("resid")!);
    expect(label!.getAttribute("DefaultValue")).toBe("Chỉ tiêu");
    const actions = all("Action").map((a) => a.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type"));
    expect(actions).toEqual(["ExecuteFunction", "ShowTaskpane"]);
    const fn = one("FunctionName").textContent!;
    // The function the manifest names is the one the function file registers.
    expect(fs.readFileSync(path.join(ROOT, "src", "commands", "commands.ts"), "utf8")).toMatch(new RegExp(`Office\\.actions\\.associate\\(\\s*"${fn}"`));
  });

  test("the ribbon opens the pane with Office.addin.showAsTaskpane, so the manifest declares one shared runtime for the pane and the commands", () => {
    // showAsTaskpane works only in a shared runtime (SharedRuntime 1.1); without one it rejects and the
    // ribbon's first Recalculate could only say "click Open panel".
    const uses = sourceFiles(path.join(ROOT, "src")).filter((f) => /\bshowAsTaskpane\b/.test(fs.readFileSync(f, "utf8")));
    expect(uses.map((f) => path.relative(ROOT, f))).toEqual([path.join("src", "services", "office.ts")]);
    expect(sharedRuntimeProblems(doc)).toEqual([]);
  });

  test("the shared-runtime check fails a manifest whose commands run in their own runtime (as this manifest once did)", () => {
    const separate = XML.replace(/<Runtimes>[\s\S]*?<\/Runtimes>\s*/, "")
      .replace('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Commands.Url"/>')
      .replace(/\s*<Set Name="SharedRuntime" MinVersion="1.1"\/>/, "");
    expect(separate).not.toBe(XML);
    const problems = sharedRuntimeProblems(new DOMParser().parseFromString(separate, "application/xml"));
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/no <Runtime>/), expect.stringMatching(/SharedRuntime 1.1/), expect.stringMatching(/FunctionFile/)]),
    );
  });
});

/** .ts/.tsx files under a folder. */
function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

/**
 * What a manifest lacks for the task pane and the ribbon's function file to share one runtime
 * (Microsoft: "Configure your Office Add-in to use a shared runtime"): one <Runtime> with a long
 * lifetime, first in the Workbook host's overrides, whose page is the task pane's and the function
 * file's (Office does not load the shared runtime when their resids differ), and SharedRuntime 1.1
 * among the requirements (the hosts without it would run the commands apart, where
 * showAsTaskpane fails).
 */
function sharedRuntimeProblems(d: Document): string[] {
  const xsi = "http://www.w3.org/2001/XMLSchema-instance";
  const els = (local: string) => Array.from(d.getElementsByTagNameNS("*", local));
  const problems: string[] = [];
  const runtimes = els("Runtime");
  if (runtimes.length !== 1)
    return [
      `no <Runtime> (or more than one): ${runtimes.length}`,
      ...(sharedRequirement(d) ? [] : ["SharedRuntime 1.1 is not required"]),
      "FunctionFile: no runtime to share",
    ];
  const runtime = runtimes[0]!;
  if (runtime.getAttribute("lifetime") !== "long")
    problems.push(`lifetime="${runtime.getAttribute("lifetime")}": a short runtime may end with the command, and the pane's state with it`);
  const host = els("Host").find((h) => h.getAttributeNS(xsi, "type") === "Workbook");
  if (!host || host.firstElementChild?.localName !== "Runtimes") problems.push("<Runtimes> is not the first child of the Workbook host's overrides");
  const page = runtime.getAttribute("resid");
  const functionFile = els("FunctionFile")[0]?.getAttribute("resid");
  if (functionFile !== page) problems.push(`FunctionFile resid ${functionFile} is not the runtime's page ${page}`);
  const paneActions = els("Action").filter((a) => a.getAttributeNS(xsi, "type") === "ShowTaskpane");
  for (const a of paneActions) {
    const resid = a.getElementsByTagNameNS("*", "SourceLocation")[0]?.getAttribute("resid");
    if (resid !== page) problems.push(`the ShowTaskpane action's page ${resid} is not the runtime's page ${page}`);
  }
  const url = els("Url")
    .find((u) => u.getAttribute("id") === page)
    ?.getAttribute("DefaultValue");
  const pane = els("SourceLocation")
    .find((s) => s.parentElement?.localName === "DefaultSettings")
    ?.getAttribute("DefaultValue");
  if (!url || url !== pane) problems.push(`the runtime's page ${url} is not the task pane ${pane}`);
  if (!sharedRequirement(d)) problems.push("SharedRuntime 1.1 is not required");
  return problems;
}

function sharedRequirement(d: Document): boolean {
  return Array.from(d.getElementsByTagNameNS("*", "Set")).some((s) => s.getAttribute("Name") === "SharedRuntime" && s.getAttribute("MinVersion") === "1.1");
}

describe("the build (webpack.config.js)", () => {
  type Pattern = { from: string; transform?: (c: Buffer) => string | Buffer };
  type Config = {
    devtool: string;
    target?: string | string[];
    entry: Record<string, string | string[] | { import: string | string[] }>;
    module: { rules: { use?: { loader?: string; options?: { compilerOptions?: { target?: string } } } }[] };
    plugins: { patterns?: Pattern[]; userOptions?: { filename: string; csp: string; officeJs: string; chunks?: string[] } }[];
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const make = require("../webpack.config.js") as (env: object, o: { mode: string }) => Promise<Config>;

  async function config(mode: string, env: Record<string, string | undefined>): Promise<Config> {
    const saved = { ADDIN_URL: process.env.ADDIN_URL, OFFICE_JS: process.env.OFFICE_JS };
    Object.assign(process.env, env);
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
    try {
      return await make({ WEBPACK_BUILD: true }, { mode });
    } finally {
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
  }

  const manifestOut = (c: Config) => {
    const p = c.plugins.flatMap((x) => x.patterns ?? []).find((x) => x.from === "manifest*.xml")!;
    return String(p.transform!(Buffer.from(XML)));
  };
  const page = (c: Config, name: string) => c.plugins.find((x) => x.userOptions?.filename === name)!.userOptions!;

  test("production rewrites every localhost URL to the deployment URL", async () => {
    const c = await config("production", { ADDIN_URL: "https://addins.bhxh.example/chitieu" });
    const out = manifestOut(c);
    expect(out).not.toMatch(/localhost/);
    expect(out).toContain('<SourceLocation DefaultValue="https://addins.bhxh.example/chitieu/taskpane.html"/>');
    expect(out).toContain("<AppDomain>https://addins.bhxh.example</AppDomain>");
    expect(out).toContain("https://addins.bhxh.example/chitieu/assets/icon-80.png");
  });

  test("development keeps localhost; a non-https deployment URL is refused", async () => {
    expect(manifestOut(await config("development", {}))).toBe(XML);
    await expect(config("production", { ADDIN_URL: "http://insecure.example/" })).rejects.toThrow(/https/);
  });

  test("no eval-based source maps; CSP allows only the add-in's origin and Office's CDN", async () => {
    for (const mode of ["production", "development"]) {
      const c = await config(mode, { ADDIN_URL: "https://a.example/" });
      expect(c.devtool).not.toMatch(/eval/);
      const csp = page(c, "taskpane.html").csp;
      expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
      expect(csp).not.toMatch(/unsafe-eval|\*/);
      expect(page(c, "taskpane.html").officeJs).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
      expect(page(c, "preview.html").csp).toMatch(/script-src 'self';/);
      expect(page(c, "preview.html").csp).not.toMatch(/https?:/);
    }
  });

  test("the bundle's ECMAScript is one every host the manifest's minimum admits can run", async () => {
    for (const mode of ["production", "development"]) {
      const c = await config(mode, { ADDIN_URL: "https://a.example/" });
      expect(targetProblems(excelApiMinimum(XML), buildTargets(c), reactMajor())).toEqual([]);
    }
  });

  test("the target check fails ExcelApi 1.7 with this build: Office 2019 volume licence runs add-ins in Internet Explorer 11 (ES5, no React 18+)", async () => {
    const c = await config("production", { ADDIN_URL: "https://a.example/" });
    const problems = targetProblems("1.7", buildTargets(c), reactMajor());
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/webpack target es2020.*Internet Explorer 11/),
        expect.stringMatching(/tsconfig.*ES2020/),
        expect.stringMatching(/React 19/),
      ]),
    );
    // And an ES5 build for an ExcelApi 1.7 minimum would pass (the check is not one-sided).
    expect(
      targetProblems(
        "1.7",
        [
          ["webpack target", "es5"],
          ["tsconfig.json target", "ES5"],
        ],
        17,
      ),
    ).toEqual([]);
    // A webpack target without an ECMAScript version is webpack's guess: said, not passed.
    expect(targetProblems("1.12", [["webpack target", null]], 19)).toEqual([expect.stringMatching(/no ECMAScript version/)]);
  });

  test("the shared runtime's page (taskpane.html) registers the ribbon's commands; no separate commands page", async () => {
    for (const mode of ["production", "development"]) {
      const c = await config(mode, { ADDIN_URL: "https://a.example/" });
      const pages = c.plugins.flatMap((x) => (x.userOptions ? [x.userOptions] : []));
      expect(pages.map((p) => p.filename)).not.toContain("commands.html");
      const pane = pages.find((p) => p.filename === "taskpane.html")!;
      const modules = pane.chunks!.flatMap((chunk) => {
        const e = c.entry[chunk]!;
        return typeof e === "string" ? [e] : Array.isArray(e) ? e : [e.import].flat();
      });
      expect(modules).toEqual(expect.arrayContaining(["./src/commands/commands.ts", "./src/taskpane/index.tsx"]));
      // Registered before the pane renders, so a ribbon click that starts the runtime finds its function.
      expect(modules.indexOf("./src/commands/commands.ts")).toBeLessThan(modules.indexOf("./src/taskpane/index.tsx"));
    }
  });

  test("OFFICE_JS=local serves office.js from the add-in's origin and drops the CDN from the CSP", async () => {
    const c = await config("production", { ADDIN_URL: "https://a.example/", OFFICE_JS: "local" });
    expect(page(c, "taskpane.html").officeJs).toBe("office-js/office.js");
    expect(page(c, "taskpane.html").csp).not.toMatch(/microsoft/);
    expect(c.plugins.flatMap((x) => x.patterns ?? []).some((p) => /@microsoft[\\/]office-js[\\/]dist/.test(p.from))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// The requirement minimum and the build target.

/** The manifest's ExcelApi MinVersion. */
function excelApiMinimum(xml: string): string {
  const m = /<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/.exec(xml);
  if (!m) throw new Error("no ExcelApi requirement in the manifest");
  return m[1]!;
}

const atLeast = (version: string, floor: string) => {
  const [a, b] = [version, floor].map((v) => v.split(".").map(Number));
  for (let i = 0; i < Math.max(a!.length, b!.length); i++) if ((a![i] ?? 0) !== (b![i] ?? 0)) return (a![i] ?? 0) > (b![i] ?? 0);
  return true;
};

/**
 * The oldest web engine a requirement minimum lets the add-in run in, and the newest ECMAScript it
 * parses (Microsoft: "Browsers and webview controls used by Office Add-ins", and the hosts of each
 * ExcelApi set). Below ExcelApi 1.12 come Office 2016 and Office 2019 volume licence (and Microsoft
 * 365 builds from before WebView2), whose add-ins run in Internet Explorer 11: ES5, and React 17 at
 * most (React 18 dropped it). From 1.12: Office 2021 and Microsoft 365 on Windows (WebView2:
 * Chromium; with a <Runtimes> manifest never Edge Legacy), Office for Mac 16.40+ (Safari's WKWebView),
 * Excel on the web (current browsers): ES2020.
 */
function engineFloor(excelApi: string): { engine: string; es: number; reactMax: number } {
  return atLeast(excelApi, "1.12")
    ? { engine: "WebView2, Safari 14 and current browsers", es: 2020, reactMax: Infinity }
    : { engine: "Internet Explorer 11", es: 5, reactMax: 17 };
}

/** "ES2020" → 2020, "ES6" → 2015, "ES5" → 5, "ESNext" → Infinity. */
function esYear(target: string): number {
  const m = /^es(\d+|next)$/i.exec(target.trim());
  if (!m) throw new Error(`not an ECMAScript target: ${target}`);
  if (/next/i.test(m[1]!)) return Infinity;
  const n = Number(m[1]);
  return n === 6 ? 2015 : n;
}

/** Every place the build states what ECMAScript it emits: webpack's target, ts-loader's and tsconfig's, and browserslist. */
function buildTargets(c: {
  target?: string | string[];
  module: { rules: { use?: { loader?: string; options?: { compilerOptions?: { target?: string } } } }[] };
}): [string, string | null][] {
  const found: [string, string | null][] = [];
  const webpack = [c.target ?? []].flat().find((t) => /^es/i.test(t)) ?? null;
  found.push(["webpack target", webpack]);
  for (const r of c.module.rules)
    if (r.use?.loader === "ts-loader" && r.use.options?.compilerOptions?.target) found.push(["ts-loader target", r.use.options.compilerOptions.target]);
  const tsconfig = JSON.parse(fs.readFileSync(path.join(ROOT, "tsconfig.json"), "utf8")) as { compilerOptions: { target: string } };
  found.push(["tsconfig.json target", tsconfig.compilerOptions.target]);
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { browserslist?: string | string[] };
  if (pkg.browserslist) found.push(["browserslist", [pkg.browserslist].flat().join(", ")]);
  return found;
}

function reactMajor(): number {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", "react", "package.json"), "utf8")) as { version: string };
  return Number(pkg.version.split(".")[0]);
}

/** Where the build emits more than the oldest engine the minimum admits can run. */
function targetProblems(excelApi: string, targets: [string, string | null][], react: number): string[] {
  const floor = engineFloor(excelApi);
  const problems: string[] = [];
  for (const [where, t] of targets) {
    if (t === null) problems.push(`${where} names no ECMAScript version (webpack would guess): state it`);
    else if (where === "browserslist") {
      if (/\bie\s*11\b/i.test(t) !== (floor.es === 5)) problems.push(`browserslist "${t}" disagrees with ExcelApi ${excelApi} (${floor.engine})`);
    } else if (esYear(t) > floor.es) problems.push(`${where} ${t} is newer than ${floor.engine} runs (ExcelApi ${excelApi})`);
  }
  if (react > floor.reactMax) problems.push(`React ${react} does not run in ${floor.engine} (ExcelApi ${excelApi})`);
  return problems;
}
