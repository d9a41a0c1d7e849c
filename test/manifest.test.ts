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

  test("asks for ExcelApi 1.7 (Office 2019) and no more, for Workbook", () => {
    const sets = all("Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]);
    expect(sets).toEqual([["ExcelApi", "1.7"]]);
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
    expect(fs.readFileSync(path.join(ROOT, "src", "commands", "commands.ts"), "utf8")).toContain(`Office.actions.associate("${fn}"`);
  });
});

describe("the build (webpack.config.js)", () => {
  type Pattern = { from: string; transform?: (c: Buffer) => string | Buffer };
  type Config = { devtool: string; plugins: { patterns?: Pattern[]; userOptions?: { filename: string; csp: string; officeJs: string } }[] };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const make = require("../webpack.config.js") as (env: object, o: { mode: string }) => Promise<Config>;

  async function config(mode: string, env: Record<string, string | undefined>): Promise<Config> {
    const saved = { ADDIN_URL: process.env.ADDIN_URL, OFFICE_JS: process.env.OFFICE_JS };
    Object.assign(process.env, env);
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
    try {
      return await make({ WEBPACK_BUILD: true }, { mode });
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
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

  test("OFFICE_JS=local serves office.js from the add-in's origin and drops the CDN from the CSP", async () => {
    const c = await config("production", { ADDIN_URL: "https://a.example/", OFFICE_JS: "local" });
    expect(page(c, "taskpane.html").officeJs).toBe("office-js/office.js");
    expect(page(c, "taskpane.html").csp).not.toMatch(/microsoft/);
    expect(c.plugins.flatMap((x) => x.patterns ?? []).some((p) => /@microsoft[\\/]office-js[\\/]dist/.test(p.from))).toBe(true);
  });
});
